"""Provisional due dates: recomputed when an official year arrives, kept by later events,
replaced when an event computes a fresh one; clock drift never blocks a resubmission."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from clerk.applicants import PersonInput
from clerk.calendar import CalendarDay, CalendarYear, DayKind
from clerk.cases.audit import verify
from clerk.cases.events import Event
from clerk.cases.ledger import append_event, load_by_case_no
from clerk.cases.service import MaterialChanges
from clerk.cases.states import EventType, Side, State
from clerk.workspace import Workspace
from tests.clerk.factories import ALL_NEEDED, DISTRICT, STATION
from tests.conftest import FakeClock

IdFactory = Callable[..., str]

# An official 2027 for the test: New Year from Friday 1 to Tuesday 5 January.
YEAR_2027 = CalendarYear(2027, "测试：国务院办公厅通知", True, tuple(
    CalendarDay(date(2027, 1, d), DayKind.HOLIDAY, "元旦", "") for d in range(1, 6)))


def _accepted(ws: Workspace, ids: IdFactory, matter: str = STATION) -> str:
    rec = ws.cases.new_case(matter_code=matter, applicant=PersonInput(name="周八", id_no=ids(8)),
                            changes=MaterialChanges(received=ALL_NEEDED))
    ws.cases.accept(rec.case_no)
    return rec.case_no


def _row_due(ws: Workspace, case_no: str) -> tuple[date | None, bool]:
    from sqlalchemy import select

    from clerk.store.models import Case

    with ws.store.read() as s:
        row = s.execute(select(Case).where(Case.case_no == case_no)).scalar_one()
        return row.due_date, row.due_provisional


def _listed_due(ws: Workspace, case_no: str) -> tuple[date | None, str | None]:
    """The due date and level the case list shows, and that its filters agree."""
    from clerk.cases.queries import CaseFilter, LevelFilter, case_row, level_counts
    from tests.clerk.test_queries import cut_of, listed

    cut = cut_of(ws)
    with ws.store.read() as s:
        row = case_row(s, case_no, cut)
        counts = level_counts(s, cut)
    assert row is not None and row.level is not None
    shown = LevelFilter(row.level.value)
    assert listed(ws, CaseFilter(level=shown)) == [case_no]
    assert counts[row.level] == 1
    return row.due_date, row.level.value


def test_official_year_moves_provisional_due_dates(tws: Workspace, id_factory: IdFactory,
                                                   clock: FakeClock) -> None:
    clock.set_local(date(2026, 12, 28))  # Monday; 3 working days run into 2027
    case_no = _accepted(tws, id_factory)
    assert _row_due(tws, case_no) == (date(2026, 12, 31), False)  # within 2026: official
    clock.set_local(date(2026, 12, 29))
    long_case = _accepted(tws, id_factory, DISTRICT)  # 5 working days: into 2027
    before = _row_due(tws, long_case)
    assert before == (date(2027, 1, 6), True)  # statute: 30, 31, (元旦), 4, 5, 6
    assert tws.import_calendar_year(YEAR_2027) == 1
    assert _row_due(tws, long_case) == (date(2027, 1, 8), False)  # 30, 31, 6, 7, 8
    # The record read now carries the date in force (every screen reads it)…
    rec = tws.cases.get(long_case)
    assert (rec.due_date, rec.due_provisional) == (date(2027, 1, 8), False)
    # …while the history keeps the computed event; a later event that computes no due
    # date leaves the recomputed one, and the projection still replays from the events.
    tws.cases.escalate(long_case)
    assert _row_due(tws, long_case) == (date(2027, 1, 8), False)
    assert tws.cases.get(long_case).due_date == date(2027, 1, 8)
    with tws.store.read() as s:
        assert verify(s).ok
        accepted = [e for e in tws.cases.timeline(long_case) if e.type is EventType.ACCEPTED]
        assert accepted[0].payload["due_date"] == "2027-01-06"


def test_a_fresh_due_date_replaces_the_override(tws: Workspace, id_factory: IdFactory,
                                                clock: FakeClock) -> None:
    clock.set_local(date(2026, 12, 29))
    case_no = _accepted(tws, id_factory)
    tws.cases.start_special(case_no, "公示")
    tws.import_calendar_year(YEAR_2027)
    clock.set_local(date(2027, 1, 6))
    rec = tws.cases.end_special(case_no, "公示无异议")
    assert rec.due_date is not None and not rec.due_provisional
    assert _row_due(tws, case_no) == (rec.due_date, False)


def test_clock_drift_does_not_block_resubmission(tws: Workspace, id_factory: IdFactory,
                                                 clock: FakeClock) -> None:
    case_no = _accepted(tws, id_factory, DISTRICT)
    tws.cases.escalate(case_no)
    with tws.store.write() as s:  # the district returns it "tomorrow" by its own clock
        rec = load_by_case_no(s, case_no)
        append_event(s, rec, Event(
            event_id=str(uuid.uuid4()), case_id=rec.id, seq=rec.version + 1,
            type=EventType.RETURNED, payload={"items": [], "note": "补签字"},
            actor="reviewer", origin=Side.DISTRICT,
            occurred_at=clock() + timedelta(days=1)), sync_state="acked")
    rec = tws.cases.resubmit(case_no)
    assert rec.state == State.ESCALATED and rec.due_date is not None



def test_dates_stored_under_the_old_rule_are_recomputed_once(
        data_dir: Path, id_factory: IdFactory, clock: FakeClock) -> None:
    """A station upgraded from the plain Monday-Friday rule: its stored provisional due
    dates are recomputed when it next opens, and only that once."""
    from sqlalchemy import select

    from clerk.cases.audit import verify
    from clerk.cases.due import RULE_SETTING
    from clerk.store.models import Case, Setting
    from tests.clerk.factories import sample_matters

    ws = Workspace.open(data_dir, clock=clock)
    ws.import_matters(sample_matters(), source="tests")
    clock.set_local(date(2026, 12, 28))
    case_no = _accepted(ws, id_factory, DISTRICT)  # 5 days: 29, 30, 31, (元旦), 4, 5
    assert _row_due(ws, case_no) == (date(2027, 1, 5), True)
    with ws.store.write() as s:  # as the old version left it: New Year's Day counted
        row = s.execute(select(Case).where(Case.case_no == case_no)).scalar_one()
        row.due_date = date(2027, 1, 4)
        setting = s.get(Setting, RULE_SETTING)
        assert setting is not None
        s.delete(setting)
    ws.close()
    ws = Workspace.open(data_dir, clock=clock)
    try:
        assert _row_due(ws, case_no) == (date(2027, 1, 4), True)  # nothing written at open
        clock.set_local(date(2027, 1, 5))  # due today by the new rule, late by the old
        assert _listed_due(ws, case_no) == (date(2027, 1, 5), "yellow")  # the lists know
        assert ws.settle_after_open() == (1, 0)
        assert _row_due(ws, case_no) == (date(2027, 1, 5), True)
        assert ws.cases.get(case_no).due_date == date(2027, 1, 5)
        assert _listed_due(ws, case_no) == (date(2027, 1, 5), "yellow")
        assert ws.settle_provisional_dues() == 0  # the rule is remembered
        with ws.store.read() as s:
            assert verify(s).ok
    finally:
        ws.close()
