"""Tests for clerk.calendar.supervision: the exact yellow/red boundaries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerk.calendar import (
    Level,
    Pause,
    WorkCalendar,
    seed_years,
    supervise,
    supervision_level,
    working_days_left,
)
from clerk.errors import ValidationError

CAL = WorkCalendar(seed_years())
MON = date(2026, 6, 1)  # a plain week: 06-01 Mon … 06-05 Fri, due with 5 days Mon 06-08


def level(today: date, limit: int = 5, accepted: date = MON, **kw: object) -> Level:
    return supervision_level(CAL, accepted=accepted, limit_days=limit, today=today, **kw)  # type: ignore[arg-type]


def left(today: date, limit: int = 5, accepted: date = MON, **kw: object) -> int:
    return working_days_left(CAL, accepted=accepted, limit_days=limit, today=today, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("today", "expected_level", "expected_left"),
    [
        (date(2026, 6, 1), Level.NORMAL, 5),  # acceptance day, used 0
        (date(2026, 6, 4), Level.NORMAL, 2),  # used 3 < 0.8 × 5
        (date(2026, 6, 5), Level.YELLOW, 1),  # used 4 = 0.8 × 5, one day left
        (date(2026, 6, 6), Level.YELLOW, 1),  # Saturday: nothing changes
        (date(2026, 6, 8), Level.YELLOW, 0),  # the due day itself
        (date(2026, 6, 9), Level.RED, -1),  # one working day overdue
        (date(2026, 6, 13), Level.RED, -4),  # Saturday after: 06-09..06-12
    ],
)
def test_five_day_case_through_its_week(
    today: date, expected_level: Level, expected_left: int
) -> None:
    assert level(today) is expected_level
    assert left(today) == expected_left


def test_ratio_boundary_on_a_ten_day_case() -> None:
    # Due Mon 06-15. used 7 on Wed 06-10, 8 on Thu 06-11.
    assert level(date(2026, 6, 10), limit=10) is Level.NORMAL
    assert level(date(2026, 6, 11), limit=10) is Level.YELLOW


def test_ratio_is_compared_exactly() -> None:
    # 0.56 × 25 is 14, but 14.000000000000002 in floating point: used 14 must be yellow.
    assert 0.56 * 25 > 14
    day14 = CAL.add_working_days(MON, 14).day
    day13 = CAL.add_working_days(MON, 13).day
    assert level(day14, limit=25, yellow_ratio=0.56) is Level.YELLOW
    assert level(day13, limit=25, yellow_ratio=0.56) is Level.NORMAL


def test_one_day_left_is_yellow_even_with_a_low_share_used() -> None:
    # With ratio 1.0 only the "one day left" rule can make it yellow.
    assert level(date(2026, 6, 4), yellow_ratio=1.0) is Level.NORMAL  # 2 left
    assert level(date(2026, 6, 5), yellow_ratio=1.0) is Level.YELLOW  # 1 left


def test_instant_matter_never_yellow_on_the_acceptance_day() -> None:
    friday = date(2026, 6, 5)
    assert level(friday, limit=0, accepted=friday) is Level.NORMAL
    assert left(friday, limit=0, accepted=friday) == 0
    # The next calendar day is overdue, even a Saturday (0 working days overdue yet).
    assert level(date(2026, 6, 6), limit=0, accepted=friday) is Level.RED
    assert left(date(2026, 6, 6), limit=0, accepted=friday) == 0
    assert left(date(2026, 6, 8), limit=0, accepted=friday) == -1


def test_one_day_limit_is_yellow_from_the_start() -> None:
    assert level(MON, limit=1) is Level.YELLOW


def test_today_before_acceptance_is_normal() -> None:
    status = supervise(CAL, accepted=MON, limit_days=5, today=MON - timedelta(days=3))
    assert (status.level, status.used, status.left) == (Level.NORMAL, 0, 5)


def test_open_pause_holds_the_clock() -> None:
    pause = Pause(date(2026, 6, 3), None, "退回补正")
    # Used 06-02 and 06-03 only; weeks later still 3 days left.
    status = supervise(CAL, accepted=MON, limit_days=5, today=date(2026, 6, 30), pauses=[pause])
    assert (status.level, status.used, status.left) == (Level.NORMAL, 2, 3)
    assert status.due.day == date(2026, 7, 3)


def test_closed_pause_extends_the_due_date() -> None:
    pause = Pause(date(2026, 6, 3), date(2026, 6, 5), "公示")
    assert level(date(2026, 6, 9), pauses=[pause]) is Level.YELLOW  # due 06-10, 1 left
    assert level(date(2026, 6, 11), pauses=[pause]) is Level.RED


def test_national_day_week() -> None:
    # Accepted 09-29 with 5 days → due 10-12; on 10-09 used 3 (09-30, 10-08, 10-09).
    accepted = date(2026, 9, 29)
    status = supervise(CAL, accepted=accepted, limit_days=5, today=date(2026, 10, 9))
    assert (status.level, status.used, status.left) == (Level.NORMAL, 3, 2)
    assert level(date(2026, 10, 10), accepted=accepted) is Level.YELLOW  # make-up Saturday
    assert level(date(2026, 10, 13), accepted=accepted) is Level.RED


def test_provisional_due_date_is_reported() -> None:
    status = supervise(CAL, accepted=date(2026, 12, 28), limit_days=5, today=date(2026, 12, 28))
    assert status.due.provisional


@pytest.mark.parametrize("ratio", [0.0, -0.5, 1.01, 2.0])
def test_bad_ratio_is_refused(ratio: float) -> None:
    with pytest.raises(ValidationError) as info:
        level(MON, yellow_ratio=ratio)
    assert info.value.code == "supervision.ratio"


def test_levels_are_strings() -> None:
    assert [str(v) for v in Level] == ["normal", "yellow", "red"]


RANK = {Level.NORMAL: 0, Level.YELLOW: 1, Level.RED: 2}


@settings(max_examples=150, deadline=None)
@given(
    accepted=st.dates(date(2025, 1, 1), date(2027, 6, 30)),
    limit=st.integers(0, 40),
    ratio=st.sampled_from([0.5, 0.8, 0.9, 1.0]),
)
def test_level_never_goes_back_and_matches_left(accepted: date, limit: int, ratio: float) -> None:
    previous = 0
    due = CAL.due_date(accepted, limit).day
    for offset in range(0, 70):
        today = accepted + timedelta(days=offset)
        status = supervise(
            CAL, accepted=accepted, limit_days=limit, today=today, yellow_ratio=ratio
        )
        assert RANK[status.level] >= previous
        previous = RANK[status.level]
        assert (status.level is Level.RED) == (today > due)
        if status.level is not Level.RED:
            assert status.used + status.left == limit
            assert status.left >= 0
        else:
            assert status.left <= 0
