"""Tests for clerk.calendar: seed, working-day arithmetic, pauses and the year file."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerk.calendar import (
    CalendarDay,
    CalendarYear,
    DayKind,
    DueDate,
    Pause,
    WorkCalendar,
    dump_year_file,
    parse_year_file,
    seed_years,
)
from clerk.errors import ValidationError

SEED = seed_years()
CAL = WorkCalendar(SEED)
EXAMPLE = (Path(__file__).resolve().parents[2] / "stationdesk_resources" / "calendar"
           / "example-2027.json")


def d(text: str) -> date:
    return date.fromisoformat(text)


# --------------------------------------------------------------------------- seed


def test_seed_covers_2004_to_2026_officially() -> None:
    assert [y.year for y in SEED] == list(range(2004, 2027))
    assert all(y.official for y in SEED)
    assert CAL.official_years == frozenset(range(2004, 2027))
    version = SEED[0].source.removeprefix("chinesecalendar ")
    assert version and version[0].isdigit()
    assert all(day.source == SEED[0].source for y in SEED for day in y.days)


def test_chinesecalendar_really_has_2026_and_not_2027() -> None:
    # The official 2026 examples below depend on the package's 2026 data.
    assert chinese_calendar.is_holiday(d("2026-10-01"))
    assert chinese_calendar.is_workday(d("2026-10-10"))
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(d("2027-01-04"))


def test_seed_2026_national_day_and_make_up_days() -> None:
    by_day = {day.day: day for day in SEED[-1].days}
    assert by_day[d("2026-10-01")] == CalendarDay(
        d("2026-10-01"), DayKind.HOLIDAY, "国庆节", SEED[-1].source
    )
    assert by_day[d("2026-10-10")].kind is DayKind.WORKDAY
    assert by_day[d("2026-10-10")].name == "国庆节调休上班"
    assert by_day[d("2026-02-14")].name == "春节调休上班"


def test_seed_names_are_chinese_and_make_up_days_are_weekends() -> None:
    for year in SEED:
        assert year.days == tuple(sorted(year.days, key=lambda e: e.day))
        assert len({e.day for e in year.days}) == len(year.days)  # never both kinds
        for entry in year.days:
            assert entry.day.year == year.year
            assert not any("a" <= ch.lower() <= "z" for ch in entry.name), entry
            if entry.kind is DayKind.WORKDAY:
                assert entry.day.weekday() >= 5


def test_seed_agrees_with_chinesecalendar_every_day() -> None:
    day = d("2004-01-01")
    while day <= d("2026-12-31"):
        assert CAL.is_working_day(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


# --------------------------------------------------------------------------- arithmetic


def test_official_example_national_day() -> None:
    # 9-30 is day 1, 10-01..07 off, 10-08 2, 10-09 3, Sat 10-10 worked 4, 10-12 5.
    assert CAL.add_working_days(d("2026-09-29"), 5) == DueDate(d("2026-10-12"), False)


def test_official_example_labour_day() -> None:
    assert CAL.add_working_days(d("2026-04-30"), 3) == DueDate(d("2026-05-08"), False)


def test_past_the_last_official_year_is_provisional_with_its_statutory_days() -> None:
    due = CAL.add_working_days(d("2026-12-28"), 5)
    # 12-29, 12-30, 12-31, then 2027: 元旦 Fri 01-01 off, Mon 01-04, Tue 01-05.
    assert due == DueDate(d("2027-01-05"), True)
    assert CAL.add_working_days(d("2026-12-28"), 3) == DueDate(d("2026-12-31"), False)
    assert not CAL.is_official(2027)


def test_start_on_new_years_eve_only_walks_the_next_year() -> None:
    # 01-01..03 off, Sunday 01-04 is a make-up working day.
    assert CAL.add_working_days(d("2025-12-31"), 1) == DueDate(d("2026-01-04"), False)
    assert CAL.add_working_days(d("2026-12-31"), 1).provisional


@pytest.mark.parametrize("start", ["1999-06-15", "2030-02-01", "1900-01-01", "9999-01-01"])
def test_any_year_works_provisionally(start: str) -> None:
    due = CAL.add_working_days(d(start), 10)
    assert due.provisional
    assert due.day.weekday() < 5
    assert CAL.working_days_between(d(start), due.day) == 10


def test_beyond_date_max_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as info:
        CAL.add_working_days(date.max - timedelta(days=3), 10)
    assert info.value.code == "calendar.out_of_range"


def test_zero_days_is_the_start_itself() -> None:
    assert CAL.add_working_days(d("2026-10-03"), 0) == DueDate(d("2026-10-03"), False)
    assert CAL.due_date(d("2030-10-03"), 0) == DueDate(d("2030-10-03"), False)


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValidationError) as info:
        CAL.add_working_days(d("2026-01-05"), -1)
    assert info.value.code == "calendar.negative_days"


def test_is_working_day() -> None:
    assert CAL.is_working_day(d("2026-10-10"))  # Saturday, make-up day
    assert not CAL.is_working_day(d("2026-10-01"))  # Thursday, National Day
    assert not CAL.is_working_day(d("2026-10-11"))  # plain Sunday
    assert CAL.is_working_day(d("2026-10-12"))
    assert not CAL.is_working_day(d("2031-01-01"))  # no data: 元旦 by statute, a Wednesday
    assert CAL.is_working_day(d("2031-01-02"))  # no data: the other weekdays are worked
    assert CAL.is_working_day(d("2001-01-01"))  # before the seed: plain Mon-Fri


def test_working_days_between() -> None:
    assert CAL.working_days_between(d("2026-09-29"), d("2026-10-12")) == 5
    assert CAL.working_days_between(d("2026-09-29"), d("2026-09-29")) == 0
    assert CAL.working_days_between(d("2026-10-12"), d("2026-09-29")) == 0
    assert CAL.working_days_between(d("2026-09-30"), d("2026-10-09")) == 2
    assert CAL.working_days_between(d("2025-12-31"), d("2026-12-31")) == sum(
        chinese_calendar.is_workday(d("2026-01-01") + timedelta(days=i)) for i in range(365)
    )


def test_published_year_overrides_and_official_flag() -> None:
    published = CalendarYear(
        2027,
        "test notice",
        True,
        (CalendarDay(d("2027-01-01"), DayKind.HOLIDAY, "元旦", "test notice"),),
    )
    cal = WorkCalendar([*SEED, published])
    assert cal.is_official(2027)
    # 12-29, 12-30, 12-31, (01-01 off), 01-04, 01-05.
    assert cal.add_working_days(d("2026-12-28"), 5) == DueDate(d("2027-01-05"), False)


def test_non_official_year_is_display_only() -> None:
    example = parse_year_file(EXAMPLE.read_bytes(), source_name=EXAMPLE.name)
    assert not example.official
    cal = WorkCalendar([*SEED, example])
    assert not cal.is_official(2027)
    info = cal.day_info(d("2027-10-05"))
    assert info is not None and info.name == "国庆节"
    assert cal.is_working_day(d("2027-10-05"))  # example data is not used…
    assert not cal.is_working_day(d("2027-09-26"))  # …neither its make-up days
    assert cal.add_working_days(d("2027-09-30"), 1) == CAL.add_working_days(d("2027-09-30"), 1)


def test_later_entry_for_the_same_year_wins() -> None:
    empty_2026 = CalendarYear(2026, "x", False, ())
    cal = WorkCalendar([*SEED, empty_2026])
    assert not cal.is_official(2026)
    assert not cal.is_working_day(d("2026-10-10"))  # the make-up Saturday is gone
    assert cal.is_working_day(d("2026-10-05"))  # so is the bridge; the statute remains:
    assert not cal.is_working_day(d("2026-10-01"))


# --------------------------------------------------------------------------- pauses


def test_pause_moves_the_due_date_by_its_working_days() -> None:
    # Accepted Mon 2026-06-01, 5 days → Mon 06-08. Paused from Wed 06-03 (counted) to
    # Fri 06-05 (not counted): (06-03, 06-05] holds 2 working days.
    pause = Pause(d("2026-06-03"), d("2026-06-05"), "退回补正")
    assert CAL.due_date(d("2026-06-01"), 5) == DueDate(d("2026-06-08"), False)
    assert CAL.paused_working_days([pause]) == 2
    assert CAL.due_date(d("2026-06-01"), 5, [pause]) == DueDate(d("2026-06-10"), False)


def test_overlapping_pauses_count_once() -> None:
    pauses = [
        Pause(d("2026-06-03"), d("2026-06-05"), "退回补正"),
        Pause(d("2026-06-04"), d("2026-06-08"), "公示"),
    ]
    assert CAL.paused_working_days(pauses) == 3  # 06-04, 06-05, 06-08
    assert CAL.due_date(d("2026-06-01"), 5, pauses).day == d("2026-06-11")


def test_pause_before_acceptance_does_not_count() -> None:
    pause = Pause(d("2026-05-20"), d("2026-06-02"), "x")
    # Only (06-01, 06-02] lies after the acceptance on 06-01.
    assert CAL.paused_working_days([pause], after=d("2026-06-01")) == 1
    assert CAL.due_date(d("2026-06-01"), 5, [pause]).day == d("2026-06-09")


def test_pause_after_the_due_date_does_not_move_it() -> None:
    late = Pause(d("2026-06-10"), d("2026-06-20"), "已超期后退回")
    assert CAL.due_date(d("2026-06-01"), 5, [late]).day == d("2026-06-08")
    on_due_day = Pause(d("2026-06-08"), d("2026-06-12"), "到期日当天退回")
    assert CAL.due_date(d("2026-06-01"), 5, [on_due_day]).day == d("2026-06-08")


def test_open_pause_runs_to_today() -> None:
    open_pause = Pause(d("2026-06-03"), None, "退回补正")
    assert CAL.due_date(d("2026-06-01"), 5, [open_pause], today=d("2026-06-05")).day == d(
        "2026-06-10"
    )
    assert CAL.paused_working_days([open_pause], today=d("2026-06-04")) == 1
    # today before the pause started: nothing paused yet.
    assert CAL.paused_working_days([open_pause], today=d("2026-06-01")) == 0


def test_open_pause_without_today_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="today"):
        CAL.due_date(d("2026-06-01"), 5, [Pause(d("2026-06-03"), None, "x")])


def test_pause_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        CAL.due_date(d("2026-06-01"), 5, [Pause(d("2026-06-05"), d("2026-06-03"), "x")])
    assert info.value.code == "calendar.pause_order"


def test_pause_into_an_unpublished_year_makes_the_date_provisional() -> None:
    pause = Pause(d("2026-12-01"), d("2027-01-15"), "专家评审")
    assert CAL.due_date(d("2026-11-30"), 3, [pause]).provisional


def test_counted_working_days() -> None:
    pause = Pause(d("2026-06-03"), d("2026-06-05"), "x")
    assert CAL.counted_working_days(d("2026-06-01"), d("2026-06-10"), [pause]) == 5
    assert CAL.counted_working_days(d("2026-06-01"), d("2026-06-04"), [pause]) == 2
    assert CAL.counted_working_days(d("2026-06-01"), d("2026-06-01"), [pause]) == 0


# --------------------------------------------------------------------------- properties

dates = st.dates(date(1995, 1, 1), date(2035, 12, 31))
days = st.integers(0, 60)


@settings(max_examples=300, deadline=None)
@given(start=dates, n=st.integers(1, 60))
def test_result_is_a_later_working_day_exactly_n_away(start: date, n: int) -> None:
    due = CAL.add_working_days(start, n)
    assert due.day > start
    assert CAL.is_working_day(due.day)
    assert CAL.working_days_between(start, due.day) == n
    # …and it is the first such day: the day before holds only n - 1.
    assert CAL.working_days_between(start, due.day - timedelta(days=1)) == n - 1


@settings(max_examples=200, deadline=None)
@given(start=dates, n=days, m=days)
def test_monotonic_in_n(start: date, n: int, m: int) -> None:
    a, b = sorted((n, m))
    assert CAL.add_working_days(start, a).day <= CAL.add_working_days(start, b).day
    if a < b:
        assert CAL.add_working_days(start, a).day < CAL.add_working_days(start, b).day


@settings(max_examples=200, deadline=None)
@given(start=dates, n=st.integers(1, 60))
def test_provisional_exactly_when_an_unofficial_year_is_touched(start: date, n: int) -> None:
    due = CAL.add_working_days(start, n)
    touched = {(start + timedelta(days=i)).year for i in range(1, (due.day - start).days + 1)}
    assert due.provisional == any(y not in CAL.official_years for y in touched)


@settings(max_examples=200, deadline=None)
@given(start=dates, n=st.integers(1, 60))
def test_matches_a_plain_day_by_day_walk(start: date, n: int) -> None:
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        counted += CAL.is_working_day(day)
    assert CAL.add_working_days(start, n).day == day


pause_st = st.builds(
    lambda s, length, open_: Pause(s, None if open_ else s + timedelta(days=length), "p"),
    st.dates(date(2025, 1, 1), date(2027, 6, 30)),
    st.integers(0, 40),
    st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(
    accepted=st.dates(date(2025, 1, 1), date(2027, 3, 31)),
    n=days,
    pauses=st.lists(pause_st, max_size=4),
    today_offset=st.integers(0, 120),
)
def test_pauses_only_move_the_date_later(
    accepted: date, n: int, pauses: list[Pause], today_offset: int
) -> None:
    today = accepted + timedelta(days=today_offset)
    plain = CAL.due_date(accepted, n)
    paused = CAL.due_date(accepted, n, pauses, today=today)
    assert paused.day >= plain.day
    # Adding one more pause never moves it earlier either.
    if pauses:
        fewer = CAL.due_date(accepted, n, pauses[:-1], today=today)
        assert paused.day >= fewer.day
    # It never moves further than all paused working days together.
    total = CAL.paused_working_days(pauses, today=today, after=accepted)
    assert paused.day <= CAL.add_working_days(accepted, n + total).day
    # Exactly n counted (unpaused) working days lie in (accepted, due].
    if n:
        assert CAL.counted_working_days(accepted, paused.day, pauses, today=today) == n


# --------------------------------------------------------------------------- year file


def year_doc(**overrides: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": "stationdesk-calendar",
        "version": 1,
        "year": 2027,
        "source": "国务院办公厅关于2027年部分节假日安排的通知",
        "official": True,
        "days": [
            {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
            {"date": "2027-01-02", "kind": "holiday", "name": "元旦"},  # a Saturday: fine
            {"date": "2027-02-20", "kind": "workday", "name": "春节调休上班"},
        ],
    }
    doc.update(overrides)
    return doc


def parse(doc: Any) -> CalendarYear:
    text = doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False)
    return parse_year_file(text, source_name="2027.json")


def test_parse_year_file() -> None:
    year = parse(year_doc())
    assert (year.year, year.official, len(year.days)) == (2027, True, 3)
    assert year.days[2] == CalendarDay(
        d("2027-02-20"),
        DayKind.WORKDAY,
        "春节调休上班",
        "国务院办公厅关于2027年部分节假日安排的通知",
    )


def test_parse_accepts_bytes_with_bom_and_sorts_days() -> None:
    doc = year_doc()
    doc["days"].reverse()
    year = parse_year_file(
        b"\xef\xbb\xbf" + json.dumps(doc).encode("utf-8"), source_name="2027.json"
    )
    assert [e.day for e in year.days] == sorted(e.day for e in year.days)


def test_dump_round_trips() -> None:
    for year in (parse(year_doc()), SEED[-1]):
        assert parse_year_file(dump_year_file(year), source_name="x") == year


def test_example_file_is_marked_as_an_example() -> None:
    example = parse_year_file(EXAMPLE.read_text(encoding="utf-8"), source_name=EXAMPLE.name)
    assert example.year == 2027
    assert not example.official
    assert "示例" in example.source and "非官方" in example.source


def day_entry(**overrides: Any) -> dict[str, Any]:
    return {"date": "2027-01-01", "kind": "holiday", "name": "元旦", **overrides}


@pytest.mark.parametrize(
    ("doc", "code", "field"),
    [
        ("{not json", "calendar_file.json", "文件"),
        ("[]", "calendar_file.type", "文件顶层"),
        (year_doc(extra=1), "calendar_file.unknown_key", "文件顶层"),
        (
            {k: v for k, v in year_doc().items() if k != "official"},
            "calendar_file.missing_key",
            "文件顶层",
        ),
        (year_doc(format="other"), "calendar_file.format", "format"),
        (year_doc(version=2), "calendar_file.version", "version"),
        (year_doc(version=True), "calendar_file.type", "version"),
        (year_doc(year="2027"), "calendar_file.type", "year"),
        (year_doc(year=1800), "calendar_file.year", "year"),
        (year_doc(source=""), "calendar_file.type", "source"),
        (year_doc(official="yes"), "calendar_file.type", "official"),
        (year_doc(days=[]), "calendar_file.days", "days"),
        (year_doc(days={}), "calendar_file.days", "days"),
        (year_doc(days=[day_entry(), 5]), "calendar_file.type", "days[1]（第2条）"),
        (year_doc(days=[day_entry(note="x")]), "calendar_file.unknown_key", "days[0]（第1条）"),
        (
            year_doc(days=[{"date": "2027-01-01", "kind": "holiday"}]),
            "calendar_file.missing_key",
            "days[0]（第1条）",
        ),
        (
            year_doc(days=[day_entry(date="20270101")]),
            "calendar_file.date",
            "days[0]（第1条）.date",
        ),
        (
            year_doc(days=[day_entry(date="2027-02-30")]),
            "calendar_file.date",
            "days[0]（第1条）.date",
        ),
        (year_doc(days=[day_entry(date=20270101)]), "calendar_file.date", "days[0]（第1条）.date"),
        (
            year_doc(days=[day_entry(date="2026-12-31")]),
            "calendar_file.date_year",
            "days[0]（第1条）.date",
        ),
        (year_doc(days=[day_entry(kind="HOLIDAY")]), "calendar_file.kind", "days[0]（第1条）.kind"),
        (year_doc(days=[day_entry(name=" ")]), "calendar_file.type", "days[0]（第1条）.name"),
        (
            year_doc(days=[day_entry(name="节" * 51)]),
            "calendar_file.too_long",
            "days[0]（第1条）.name",
        ),
        (
            year_doc(days=[day_entry(kind="workday", date="2027-02-22")]),
            "calendar_file.workday_not_weekend",
            "days[0]（第1条）.date",
        ),
        (
            year_doc(
                days=[
                    day_entry(),
                    day_entry(date="2027-01-02"),
                    day_entry(kind="workday", date="2027-01-02"),
                ]
            ),
            "calendar_file.duplicate_date",
            "days[2]（第3条）.date",
        ),
        (
            '{"format": "stationdesk-calendar", "format": "stationdesk-calendar"}',
            "calendar_file.duplicate_key",
            "字段“format”",
        ),
    ],
)
def test_year_file_errors(doc: Any, code: str, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse(doc)
    assert info.value.code == code
    assert info.value.field == field
    assert "2027.json" in info.value.message
    assert field in info.value.message


def test_year_file_invalid_utf8() -> None:
    with pytest.raises(ValidationError) as info:
        parse_year_file(b"\xff\xfe{", source_name="bad.json")
    assert info.value.code == "calendar_file.encoding"
    assert "bad.json" in info.value.message
