"""The provisional due dates are found by their own partial index (migration 0013):
recomputing them, and judging the list's rows while a new rule settles, reads only those
cases, not an index of every case nor every open case's ~14 KB row."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import event, text

from clerk.cases.due import RULE_SETTING, open_provisional, refresh, unsettled_dues
from clerk.settings import write_text
from clerk.workspace import Workspace
from tests.clerk.factories import DISTRICT, STATION
from tests.clerk.test_due_recompute import _accepted
from tests.conftest import FakeClock, station_migrations

IdFactory = Callable[..., str]


def _cases(tws: Workspace, ids: IdFactory, clock: FakeClock) -> tuple[str, str]:
    """A case due within official 2026 and one whose due date runs into 2027 (no official
    data: provisional)."""
    clock.set_local(date(2026, 12, 28))
    plain = _accepted(tws, ids, STATION)  # 3 working days: 29, 30, 31
    provisional = _accepted(tws, ids, DISTRICT)  # 5: into 2027
    return plain, provisional


@contextmanager
def _plans(ws: Workspace) -> Iterator[list[str]]:
    """The query plans of every statement on `cases` run inside the block."""
    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                _many: bool) -> None:
        if "FROM cases" in statement and statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(ws.store.engine, "before_cursor_execute", capture)
    plans: list[str] = []
    try:
        yield plans
    finally:
        event.remove(ws.store.engine, "before_cursor_execute", capture)
    with ws.store.read() as s:
        raw = s.connection().exec_driver_sql
        for statement, parameters in seen:
            plans.append(" | ".join(str(r[3]) for r in raw(f"EXPLAIN QUERY PLAN {statement}",
                                                             parameters)))


def _case_id(ws: Workspace, case_no: str) -> str:
    return ws.cases.get(case_no).id


def test_the_open_provisional_cases_come_from_their_own_index(
        tws: Workspace, id_factory: IdFactory, clock: FakeClock) -> None:
    plain, provisional = _cases(tws, id_factory, clock)
    with _plans(tws) as plans, tws.store.read() as s:
        found = open_provisional(s)
    assert [case_id for case_id, _ in found] == [_case_id(tws, provisional)]
    assert plans and all("COVERING INDEX ix_cases_provisional" in p for p in plans), plans
    assert _case_id(tws, plain) not in {case_id for case_id, _ in found}


def test_a_published_year_reads_only_the_provisional_rows(
        tws: Workspace, id_factory: IdFactory, clock: FakeClock) -> None:
    """The recomputation finds its cases by the partial index and reads their rows by
    key; no statement walks the open cases (the state index) or the table."""
    from tests.clerk.test_due_recompute import YEAR_2027

    _cases(tws, id_factory, clock)
    with tws.store.read() as s:
        from clerk.calendar_store import build_calendar

        cal = build_calendar(s)
    with _plans(tws) as plans, tws.store.write() as s:
        refresh(s, cal)
        # Many ids at once (a store's hundreds): SQLite still goes by key.
        refresh(s, cal, [str(uuid.uuid4()) for _ in range(600)])
    assert plans
    assert not [p for p in plans if "SCAN cases" in p or "ix_cases_state" in p], plans
    assert tws.import_calendar_year(YEAR_2027) == 1


def test_while_a_rule_settles_the_lists_judge_from_the_partial_index(
        tws: Workspace, id_factory: IdFactory, clock: FakeClock) -> None:
    _, provisional = _cases(tws, id_factory, clock)
    with tws.store.write() as s:
        write_text(s, RULE_SETTING, "an-older-rule")
    with _plans(tws) as plans, tws.store.read() as s:
        held = unsettled_dues(s)
    assert [case_id for case_id, _ in held] == [_case_id(tws, provisional)]
    assert plans and all("ix_cases_provisional" in p for p in plans), plans


def test_migration_0013_down_and_up(tws: Workspace, id_factory: IdFactory,
                                    clock: FakeClock) -> None:
    from alembic import command

    _, provisional = _cases(tws, id_factory, clock)
    cfg = station_migrations(tws.store.engine)
    command.downgrade(cfg, "0012_case_clock")
    with tws.store.read() as s:
        names = {r[0] for r in s.execute(text("SELECT name FROM sqlite_master"))}
    assert "ix_cases_provisional" not in names
    command.upgrade(cfg, "head")  # built from the rows already there
    with tws.store.read() as s:
        indexed = [r[2] for r in s.execute(text("PRAGMA index_info(ix_cases_provisional)"))]
        where = s.execute(text("SELECT sql FROM sqlite_master "
                               "WHERE name = 'ix_cases_provisional'")).scalar_one()
        found = open_provisional(s)
    assert indexed == ["id", "updated_at", "state"]
    assert where.endswith("WHERE due_provisional = 1")
    assert [case_id for case_id, _ in found] == [_case_id(tws, provisional)]


def _older_rule(ws: Workspace) -> None:
    """As an upgrade that changed the provisional-date rule leaves the store."""
    with ws.store.write() as s:
        write_text(s, RULE_SETTING, "an-older-rule")


def test_a_held_case_with_closed_pauses_is_judged_as_its_record_says(
        tws: Workspace, id_factory: IdFactory, clock: FakeClock) -> None:
    """The lists work a held case's date out from its row and the pauses in its data;
    the same date as recomputing its whole record, pauses counted out."""
    from clerk.cases.due import recomputed_due
    from clerk.cases.queries import case_row
    from tests.clerk.test_queries import cut_of

    clock.set_local(date(2026, 12, 28))  # 5 working days: into 2027, no official data
    paused = _accepted(tws, id_factory, DISTRICT)
    plain = _accepted(tws, id_factory, DISTRICT)
    clock.set_local(date(2026, 12, 29))
    tws.cases.start_special(paused, "公示")
    clock.set_local(date(2026, 12, 31))
    tws.cases.end_special(paused, "公示无异议")
    _older_rule(tws)
    cut = cut_of(tws)
    for case_no in (paused, plain):
        rec = tws.cases.get(case_no)
        expected = recomputed_due(rec, cut.calendar)
        assert rec.due_provisional and expected is not None
        with tws.store.read() as s:
            row = case_row(s, case_no, cut)
        assert row is not None and (row.due_date, row.due_provisional) == \
            (expected.day, expected.provisional)
    with tws.store.read() as s:
        rows = [case_row(s, no, cut) for no in (paused, plain)]
    assert rows[0] is not None and rows[1] is not None
    assert rows[0].due_date > rows[1].due_date  # the pause moved it


def test_the_start_judges_the_held_cases_before_the_lists_ask(
        tws: Workspace, id_factory: IdFactory, clock: FakeClock) -> None:
    """settle_after_open judges the held cases first (Workspace.judge_unsettled): the
    clerk's first red/yellow filter then reads no case's data."""
    from clerk.cases.queries import CaseFilter, LevelFilter
    from tests.clerk.test_queries import listed

    _cases(tws, id_factory, clock)
    _older_rule(tws)
    read: list[str] = []

    def capture(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        read.append(statement)

    event.listen(tws.store.engine, "before_cursor_execute", capture)
    try:
        tws.judge_unsettled()
        assert any("json_extract(data" in st for st in read)  # the held case, judged
        read.clear()
        listed(tws, CaseFilter(level=LevelFilter.NORMAL))
        listed(tws, CaseFilter(level=LevelFilter.RED))
    finally:
        event.remove(tws.store.engine, "before_cursor_execute", capture)
    assert read and not [st for st in read if "data" in st and "FROM cases" in st], read
