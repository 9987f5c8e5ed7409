"""The clock a returned case keeps on its row (clerk.cases.clock, migration 0012): the
same levels as the domain rule, on every later day and after a calendar is republished."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

from clerk import calendar_store
from clerk.calendar import CalendarDay, CalendarYear, DayKind, Pause
from clerk.calendar.supervision import supervision_level
from clerk.cases.clock import clock_current
from clerk.cases.queries import CaseFilter, Level, LevelFilter, case_row, level_counts
from clerk.cases.states import EventType
from clerk.cases.supervision import case_level, paused_clock, paused_level
from clerk.timeutil import local_date
from clerk.workspace import Workspace
from tests.clerk.case_builder import Cases, Returned
from tests.clerk.test_queries import cut_of, listed
from tests.conftest import FakeClock, station_migrations


def test_a_paused_clock_gives_the_rules_level_on_every_later_day(ws: Workspace) -> None:
    """Acceptance days, limits, earlier closed pauses and return days around holidays
    and weekends: from the return on, the kept clock says what supervise() says."""
    cal = ws.calendar()
    checked = 0
    for accepted in (date(2026, 1, 26), date(2026, 9, 24), date(2026, 4, 30)):
        for limit in (1, 2, 5, 10, 25):
            for closed in ((), (Pause(accepted + timedelta(days=2),
                                      accepted + timedelta(days=6), "补正"),)):
                for offset in range(0, 50, 3):
                    start = accepted + timedelta(days=8 + offset) if closed else \
                        accepted + timedelta(days=offset)
                    pauses = [*closed, Pause(start, None, "退回补正")]
                    clock = paused_clock(cal, accepted=accepted, limit_days=limit,
                                         pauses=pauses)
                    assert clock is not None and clock.since == start
                    for later in range(0, 60, 4):
                        today = start + timedelta(days=later)
                        expected = supervision_level(cal, accepted=accepted, limit_days=limit,
                                                     today=today, pauses=pauses)
                        assert paused_level(clock, limit, today) == expected, \
                            (accepted, limit, closed, start, today)
                        checked += 1
    assert checked > 5000


def _clock_columns(ws: Workspace, case_no: str) -> tuple[int | None, str | None]:
    with ws.store.read() as s:
        row = s.execute(text("SELECT clock_left, clock_due FROM cases WHERE case_no = :n"),
                        {"n": case_no}).one()
    return row[0], row[1]


def test_returned_cases_are_judged_by_their_kept_clock(
        ws: Workspace, returned: Returned, clock: FakeClock) -> None:
    calm, nearly, late, due = returned
    assert ws.settle_supervision_clock() == 0  # the writer keeps them: two small reads
    left, late_due = _clock_columns(ws, late)
    assert left is not None and left <= 0 and late_due == due.isoformat()
    assert _clock_columns(ws, calm)[0] == 25
    day = due + timedelta(days=3)
    while day <= date(2026, 6, 1):
        clock.set_local(day)
        cut = cut_of(ws)
        with ws.store.read() as s:
            for case_no in (calm, nearly, late):
                row = case_row(s, case_no, cut)
                expected = case_level(ws.cases.get(case_no), ws.calendar(), day)
                assert row is not None and expected is not None
                assert row.level == Level(expected.value), (case_no, day)
        day += timedelta(days=5)
    assert listed(ws, CaseFilter(level=LevelFilter.RED)) == [late]
    assert listed(ws, CaseFilter(level=LevelFilter.YELLOW)) == [nearly]
    assert listed(ws, CaseFilter(level=LevelFilter.NORMAL)) == [calm]
    # A later event keeps it (worked out again); without one, the data decides.
    ws.cases.comment(late, "已电话通知申请人")
    assert _clock_columns(ws, late) == (left, late_due)
    with ws.store.write() as s:
        s.execute(text("UPDATE cases SET clock_left = NULL, clock_due = NULL"))
    assert listed(ws, CaseFilter(level=LevelFilter.RED)) == [late]
    assert listed(ws, CaseFilter(level=LevelFilter.YELLOW)) == [nearly]
    assert listed(ws, CaseFilter(level=LevelFilter.NORMAL)) == [calm]


def _returned_on_day_19(ws: Workspace, cases: Cases, clock: FakeClock) -> str:
    """A 25-day case returned after 19 working days: 6 left, normal (yellow from 20)."""
    clock.set_local(date(2026, 3, 2))
    case_no = cases.under_review()
    clock.set_local(date(2026, 3, 27))  # (3-02, 3-27] holds 19 working days
    cases.district(case_no, EventType.RETURNED, {"items": [], "note": "补充材料"})
    assert _clock_columns(ws, case_no) == (6, None)  # kept by the writer
    clock.set_local(date(2026, 4, 20))
    assert listed(ws, CaseFilter(level=LevelFilter.NORMAL)) == [case_no]
    return case_no


def _with_saturday_workday(ws: Workspace) -> CalendarYear:
    """2026 as republished with a make-up working day on Saturday 2026-03-21."""
    with ws.store.read() as s:
        (year,) = [y for y in calendar_store.load_years(s) if y.year == 2026]
    extra = CalendarDay(date(2026, 3, 21), DayKind.WORKDAY, "调休上班", "republished")
    return CalendarYear(2026, year.source, year.official,
                        tuple(sorted((*year.days, extra), key=lambda d: d.day)))


def test_a_republished_calendar_moves_the_kept_clocks(
        ws: Workspace, cases: Cases, clock: FakeClock) -> None:
    case_no = _returned_on_day_19(ws, cases, clock)
    ws.import_calendar_year(_with_saturday_workday(ws))
    with ws.store.read() as s:
        assert clock_current(s)
    assert _clock_columns(ws, case_no) == (5, None)  # 20 used: yellow
    expected = case_level(ws.cases.get(case_no), ws.calendar(), local_date(ws.now()))
    assert expected is not None and expected.value == "yellow"
    assert listed(ws, CaseFilter(level=LevelFilter.YELLOW)) == [case_no]
    assert listed(ws, CaseFilter(level=LevelFilter.NORMAL)) == []
    with ws.store.read() as s:
        counts = level_counts(s, cut_of(ws))
    assert (counts[Level.YELLOW], counts[Level.NORMAL], counts[Level.PAUSED]) == (1, 0, 1)


def test_clocks_kept_for_another_calendar_are_not_trusted(
        ws: Workspace, cases: Cases, clock: FakeClock) -> None:
    """A calendar stored by a writer that did not settle the clocks: every returned case
    is judged from its data with the new calendar until they are settled again."""
    case_no = _returned_on_day_19(ws, cases, clock)
    with ws.store.write() as s:
        calendar_store.store_year(s, _with_saturday_workday(ws), now=ws.now())
    ws._calendar = None
    with ws.store.read() as s:
        assert not clock_current(s)
    assert _clock_columns(ws, case_no) == (6, None)  # stale, and not read
    assert listed(ws, CaseFilter(level=LevelFilter.YELLOW)) == [case_no]
    ws.cases.comment(case_no, "已电话通知申请人")
    assert _clock_columns(ws, case_no) == (None, None)  # no clock for a stale calendar
    assert listed(ws, CaseFilter(level=LevelFilter.YELLOW)) == [case_no]
    assert ws.settle_supervision_clock() == 1
    assert _clock_columns(ws, case_no) == (5, None)
    assert listed(ws, CaseFilter(level=LevelFilter.YELLOW)) == [case_no]


def test_a_clock_is_not_applied_before_the_day_it_was_fixed(
        ws: Workspace, cases: Cases, clock: FakeClock) -> None:
    """A cut for a day before the case last changed judges it from its data."""
    case_no = _returned_on_day_19(ws, cases, clock)
    cut = ws.supervision_cut(date(2026, 3, 20))  # before the return: running, 5 left
    with ws.store.read() as s:
        row = case_row(s, case_no, cut)
    expected = case_level(ws.cases.get(case_no), ws.calendar(), date(2026, 3, 20))
    assert row is not None and expected is not None and row.level == Level(expected.value)


def test_migration_0012_down_and_up(ws: Workspace, cases: Cases, clock: FakeClock,
                                    tmp_path: Path) -> None:
    from alembic import command

    case_no = _returned_on_day_19(ws, cases, clock)
    cfg = station_migrations(ws.store.engine)
    command.downgrade(cfg, "0011_sync_outbox")
    with ws.store.read() as s:
        columns = {r[1] for r in s.execute(text("PRAGMA table_info(cases)"))}
        indexed = [r[2] for r in s.execute(text("PRAGMA index_info(ix_cases_state_list)"))]
    assert not {"clock_left", "clock_due"} & columns
    assert indexed == ["state", "updated_at", "due_date", "limit_days", "id"]
    command.upgrade(cfg, "head")
    with ws.store.read() as s:
        indexed = [r[2] for r in s.execute(text("PRAGMA index_info(ix_cases_state_list)"))]
    assert indexed[-2:] == ["clock_left", "clock_due"]
    assert _clock_columns(ws, case_no) == (None, None)  # judged from its data until settled
    with ws.store.read() as s:
        assert not clock_current(s)  # the upgrade forgot the calendar: settle them all
    assert listed(ws, CaseFilter(level=LevelFilter.NORMAL)) == [case_no]
    assert ws.settle_supervision_clock() == 1
    assert _clock_columns(ws, case_no) == (6, None)
