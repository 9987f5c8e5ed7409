"""Statutory holidays of years without official data (《全国年节及纪念日放假办法》, 2024
revision): generated from the law and lunar-python, checked against the official years."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerk.calendar import CalendarDay, CalendarYear, DayKind, DueDate, WorkCalendar, seed_years
from clerk.calendar.statute import FIRST_YEAR, LAST_YEAR, statutory_holidays

SEED = seed_years()
CAL = WorkCalendar(SEED)
NAMES = {"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"}


def d(text: str) -> date:
    return date.fromisoformat(text)


def test_2027_statutory_holidays() -> None:
    days = {e.day.isoformat(): e.name for e in statutory_holidays(2027)}
    assert days == {
        "2027-01-01": "元旦",
        "2027-02-05": "春节", "2027-02-06": "春节", "2027-02-07": "春节", "2027-02-08": "春节",
        "2027-04-05": "清明节",
        "2027-05-01": "劳动节", "2027-05-02": "劳动节",
        "2027-06-09": "端午节",
        "2027-09-15": "中秋节",
        "2027-10-01": "国庆节", "2027-10-02": "国庆节", "2027-10-03": "国庆节",
    }
    assert all(e.kind is DayKind.HOLIDAY and "2024年修订" in e.source
               for e in statutory_holidays(2027))


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_statute_agrees_with_the_official_years(year: int) -> None:
    """Every day the law gives is a holiday of the same name in the State Council's
    notice (the notice adds bridges and make-up days, never removes a statutory day)."""
    official = {e.day: e for y in SEED if y.year == year for e in y.days}
    generated = statutory_holidays(year)
    assert len(generated) == 13
    for entry in generated:
        got = official.get(entry.day)
        assert got is not None and got.kind is DayKind.HOLIDAY, entry
        assert got.name == entry.name, entry


@settings(max_examples=60, deadline=None)
@given(year=st.integers(FIRST_YEAR, 2100))
def test_every_year_has_the_statutory_shape(year: int) -> None:
    days = statutory_holidays(year)
    by_name: dict[str, list[date]] = {}
    for e in days:
        assert e.day.year == year and e.name in NAMES
        by_name.setdefault(e.name, []).append(e.day)
    assert by_name["元旦"] == [date(year, 1, 1)]
    spring = by_name["春节"]  # 除夕 and the first three days, late January to February
    assert spring == [spring[0] + timedelta(days=k) for k in range(4)]
    assert date(year, 1, 20) <= spring[0] <= date(year, 2, 20)
    assert by_name["清明节"][0] in (date(year, 4, 4), date(year, 4, 5), date(year, 4, 6))
    assert by_name["劳动节"] == [date(year, 5, 1), date(year, 5, 2)]
    duanwu, = by_name["端午节"]
    assert date(year, 5, 25) <= duanwu <= date(year, 6, 25)
    # 中秋 may fall inside 国庆 (2028-10-03): one entry for the day, no extra day.
    autumn = set(by_name.get("中秋节", []))
    national = {date(year, 10, k) for k in (1, 2, 3)}
    assert set(by_name["国庆节"]) | autumn >= national
    assert all(date(year, 9, 7) <= day <= date(year, 10, 7) for day in autumn)
    assert len(days) == len({e.day for e in days}) == 9 + len(national | autumn)


def test_outside_the_statute_nothing_is_generated() -> None:
    assert statutory_holidays(FIRST_YEAR - 1) == ()
    assert statutory_holidays(LAST_YEAR + 1) == ()
    assert CAL.is_working_day(date(LAST_YEAR + 1, 1, 1)) == (date(LAST_YEAR + 1, 1, 1)
                                                             .weekday() < 5)


def test_a_december_2026_case_does_not_fall_on_new_years_day() -> None:
    """社会保障卡申领, 20 working days, accepted Friday 2026-12-04 (the issue's case)."""
    due = CAL.due_date(d("2026-12-04"), 20)
    assert due == DueDate(d("2027-01-04"), provisional=True)
    assert CAL.day_info(d("2027-01-01")) is not None
    assert CAL.add_working_days(d("2027-02-04"), 1) == DueDate(d("2027-02-09"), True)
    assert CAL.add_working_days(d("2027-09-30"), 1) == DueDate(d("2027-10-04"), True)
    assert CAL.add_working_days(d("2027-06-08"), 1) == DueDate(d("2027-06-10"), True)


@settings(max_examples=200, deadline=None)
@given(day=st.dates(date(2027, 1, 1), date(2045, 12, 31)))
def test_a_provisional_year_is_weekends_plus_the_statute(day: date) -> None:
    statutory = {e.day for e in statutory_holidays(day.year)}
    assert CAL.is_working_day(day) == (day.weekday() < 5 and day not in statutory)
    info = CAL.day_info(day)
    assert (info is not None) == (day in statutory)


@settings(max_examples=100, deadline=None)
@given(start=st.dates(date(2026, 6, 1), date(2032, 12, 31)), n=st.integers(1, 300))
def test_drafts_never_change_the_arithmetic(start: date, n: int) -> None:
    """Station and district compute the same provisional dates whatever drafts they hold:
    a draft 2027 with bridges and make-up days changes nothing."""
    draft = CalendarYear(2027, "草稿", False, (
        CalendarDay(d("2027-02-09"), DayKind.HOLIDAY, "春节", ""),
        CalendarDay(d("2027-02-20"), DayKind.WORKDAY, "春节调休上班", ""),
        CalendarDay(d("2027-06-09"), DayKind.HOLIDAY, "端午节", ""),
    ))
    assert WorkCalendar([*SEED, draft]).add_working_days(start, n) == \
        CAL.add_working_days(start, n)


def test_an_official_year_replaces_the_statute_entirely() -> None:
    """The notice is the whole truth for its year: its days count, the generated ones
    are not added on top (a hypothetical notice that moved 端午 is followed)."""
    notice = CalendarYear(2027, "测试：国务院办公厅通知", True, (
        CalendarDay(d("2027-01-01"), DayKind.HOLIDAY, "元旦", ""),
        CalendarDay(d("2027-06-10"), DayKind.HOLIDAY, "端午节", ""),
    ))
    cal = WorkCalendar([*SEED, notice])
    assert cal.is_working_day(d("2027-06-09")) and not cal.is_working_day(d("2027-06-10"))
    assert cal.is_working_day(d("2027-02-08"))
    assert cal.add_working_days(d("2026-12-04"), 20) == DueDate(d("2027-01-04"), False)
    assert not cal.is_working_day(d("2028-01-26"))  # 2028 still from the statute: 春节


def test_far_years_are_generated_on_demand_and_stay_consistent() -> None:
    cal = WorkCalendar(SEED)
    far = cal.add_working_days(d("2026-12-31"), 3000)  # about 12 years on, in one jump
    assert far.provisional
    # The same answer as stepping there in small jumps (each extends the coverage).
    step = d("2026-12-31")
    fresh = WorkCalendar(SEED)
    for _ in range(30):
        step = fresh.add_working_days(step, 100).day
    assert step == far.day
    assert cal.working_days_between(d("2026-12-31"), far.day) == 3000
