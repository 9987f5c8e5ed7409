"""What an upgrade leaves to work out over the cases is done after the station is open,
in small steps (Workspace.settle_after_open): open writes nothing, the lists are right
before, during and after, and a step cut short (an error, a kill) leaves a consistent
store that the next start finishes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from clerk.cases import clock as case_clock
from clerk.cases import due as case_due
from clerk.cases.audit import verify
from clerk.cases.clock import CLOCK_SETTING, SETTLING_SETTING, clock_current
from clerk.cases.due import RULE_SETTING, RULE_SETTLING
from clerk.cases.queries import CaseFilter, Level, LevelFilter, case_row, level_counts
from clerk.cases.supervision import case_level
from clerk.settings import read_text
from clerk.store import Store
from clerk.store.models import Case
from clerk.workspace import Workspace
from tests.clerk.case_builder import Returned
from tests.clerk.test_case_clock import _with_saturday_workday
from tests.clerk.test_queries import cut_of, listed
from tests.conftest import FakeClock, station_migrations, store_writes


def _clocks(ws: Workspace) -> dict[str, tuple[int | None, str | None]]:
    with ws.store.read() as s:
        rows = s.execute(text("SELECT case_no, clock_left, clock_due FROM cases "
                              "WHERE clock_left IS NOT NULL OR clock_due IS NOT NULL"))
        return {r[0]: (r[1], r[2]) for r in rows}


def _setting(ws: Workspace, key: str) -> str | None:
    with ws.store.read() as s:
        return read_text(s, key)


def _assert_readers_right(ws: Workspace, ret: Returned) -> None:
    """Each case's level in its list row, the filters and the counts is the rule's."""
    today = ws.now().date()
    cut = cut_of(ws)
    expected: dict[str, Level] = {}
    for case_no in (ret.calm, ret.nearly, ret.late):
        level = case_level(ws.cases.get(case_no), ws.calendar(), today)
        assert level is not None
        expected[case_no] = Level(level.value)
        with ws.store.read() as s:
            row = case_row(s, case_no, cut)
        assert row is not None and row.level == expected[case_no], case_no
    with ws.store.read() as s:
        counts = level_counts(s, cut)
    for level, wanted in ((Level.RED, LevelFilter.RED), (Level.YELLOW, LevelFilter.YELLOW),
                          (Level.NORMAL, LevelFilter.NORMAL)):
        at = sorted(no for no, lv in expected.items() if lv == level)
        assert sorted(listed(ws, CaseFilter(level=wanted))) == at, level
        assert counts[level] == len(at), level
    assert counts[Level.PAUSED] == 3


def _to_0011(ws: Workspace) -> None:
    """The store as the version before 0012 left it (no clock columns, no setting)."""
    from alembic import command

    cfg = station_migrations(ws.store.engine)
    command.downgrade(cfg, "0011_sync_outbox")


def _upgraded(ws: Workspace, data_dir: Path, clock: FakeClock,
              monkeypatch: pytest.MonkeyPatch) -> Workspace:
    _to_0011(ws)
    ws.close()
    with store_writes(monkeypatch) as opened:
        again = Workspace.open(data_dir, clock=clock)  # runs 0012
    assert opened == []  # nothing waits for the integrity check at open
    return again


def test_an_upgraded_store_opens_without_settling_and_is_right_throughout(
        ws: Workspace, returned: Returned, data_dir: Path, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = _clocks(ws)
    assert set(before) == {returned.calm, returned.nearly, returned.late}
    ws = _upgraded(ws, data_dir, clock, monkeypatch)
    try:
        with ws.store.read() as s:
            assert not clock_current(s)
        assert _clocks(ws) == {}
        _assert_readers_right(ws, returned)
        monkeypatch.setattr(case_clock, "STEP_ROWS", 1)
        steps: list[int | None] = []
        real = case_clock.settle_clock_step

        def step(s: Any, limit: int | None = None) -> int | None:
            steps.append(real(s, limit))
            if steps[-1] == 1 and len(steps) < 3:
                _assert_mid_settle(s, len(steps))
            return steps[-1]

        monkeypatch.setattr(case_clock, "settle_clock_step", step)
        assert ws.settle_after_open() == (0, 3)
        assert steps == [1, 1, 1, 0, None]  # a row a step, the last one remembers
        _assert_readers_right(ws, returned)
        with ws.store.read() as s:
            assert clock_current(s)
        assert _setting(ws, SETTLING_SETTING) is None
        assert _clocks(ws) == before
        assert ws.settle_after_open() == (0, 0)  # the next start: reads only
    finally:
        ws.close()


def _assert_mid_settle(s: Any, done: int) -> None:
    assert not clock_current(s)
    assert read_text(s, CLOCK_SETTING) is None
    assert (read_text(s, SETTLING_SETTING) or "").startswith(case_clock.clock_key(s))
    filled = s.execute(text("SELECT count(*) FROM cases WHERE clock_left IS NOT NULL")).scalar()
    assert filled == done


def test_an_error_mid_settle_leaves_the_store_consistent(
        ws: Workspace, returned: Returned, data_dir: Path, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = _clocks(ws)
    ws = _upgraded(ws, data_dir, clock, monkeypatch)
    monkeypatch.setattr(case_clock, "STEP_ROWS", 1)
    real = case_clock._write_clocks
    calls: list[int] = []

    def failing(s: Any, cal: Any, ids: Any) -> int:
        calls.append(len(ids))
        if len(calls) == 2:
            raise RuntimeError("disk went away")
        return real(s, cal, ids)

    monkeypatch.setattr(case_clock, "_write_clocks", failing)
    with pytest.raises(RuntimeError):
        ws.settle_after_open()
    monkeypatch.setattr(case_clock, "_write_clocks", real)
    assert len(_clocks(ws)) == 1  # the first step committed, the second rolled back
    _assert_readers_right(ws, returned)
    # A case written meanwhile gets its clock: the steps before it may have passed it.
    ws.cases.comment(returned.late, "已电话通知申请人")
    assert _clocks(ws)[returned.late] == before[returned.late]
    _assert_readers_right(ws, returned)
    with ws.store.read() as s:
        assert verify(s).ok
    ws.close()
    ws = Workspace.open(data_dir, clock=clock)
    try:
        assert ws.settle_after_open() == (0, 2)  # the two after the committed step
        assert _clocks(ws) == before
        _assert_readers_right(ws, returned)
    finally:
        ws.close()


def test_a_kill_mid_settle_then_the_next_start_finishes(
        ws: Workspace, returned: Returned, data_dir: Path, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = _clocks(ws)
    key = ws.store.key
    assert key is not None
    _to_0011(ws)
    ws.close()
    script = textwrap.dedent(f"""
        import os
        from clerk.cases import clock
        from clerk.workspace import Workspace

        clock.STEP_ROWS = 1
        real = clock._write_clocks
        done = []

        def killed(s, cal, ids):
            done.append(ids)
            if len(done) == 3:
                os._exit(9)  # killed inside the third step's write transaction
            return real(s, cal, ids)

        clock._write_clocks = killed
        Workspace.open({str(data_dir)!r}, key=bytes.fromhex({key.hex()!r})).settle_after_open()
    """)
    run = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[2],
                         capture_output=True, timeout=120, check=False)
    assert run.returncode == 9, run.stderr.decode()[-2000:]
    ws = Workspace.open(data_dir, clock=clock)
    try:
        assert len(_clocks(ws)) == 2
        with ws.store.read() as s:
            assert not clock_current(s)
            assert verify(s).ok
            assert s.execute(text("PRAGMA quick_check")).scalar() == "ok"
        _assert_readers_right(ws, returned)
        assert ws.settle_after_open() == (0, 1)
        assert _clocks(ws) == before
        _assert_readers_right(ws, returned)
    finally:
        ws.close()


@pytest.mark.parametrize("settling_writer", [True, False])
def test_a_calendar_imported_during_the_settle(
        ws: Workspace, returned: Returned, data_dir: Path, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch, settling_writer: bool) -> None:
    """Between two steps a calendar arrives: through the workspace, which works every
    clock out with it (the steps have nothing left), or stored by a writer that does not
    (the steps start over for it)."""
    from clerk import calendar_store

    ws = _upgraded(ws, data_dir, clock, monkeypatch)
    try:
        with ws.store.write() as s:  # the first step of the background settle
            assert case_clock.settle_clock_step(s, 1) == 1
        _assert_readers_right(ws, returned)
        if settling_writer:
            ws.import_calendar_year(_with_saturday_workday(ws))
            with ws.store.read() as s:
                assert clock_current(s)
            assert _setting(ws, SETTLING_SETTING) is None
        else:
            with ws.store.write() as s:
                calendar_store.store_year(s, _with_saturday_workday(ws), now=ws.now())
            ws._calendar = None
        _assert_readers_right(ws, returned)
        assert ws.settle_after_open() == (0, 0 if settling_writer else 3)
        _assert_readers_right(ws, returned)
        moved = _clocks(ws)
        with ws.store.write() as s:  # the clocks worked out from scratch: the same
            s.execute(text("UPDATE cases SET clock_left = NULL, clock_due = NULL"))
            s.execute(text("DELETE FROM settings WHERE key = :k"), {"k": CLOCK_SETTING})
        assert ws.settle_after_open() == (0, 3)
        assert _clocks(ws) == moved
    finally:
        ws.close()


# --- provisional due dates under a changed rule (clerk.cases.due) --------------------------------

def test_due_dates_of_an_old_rule_are_recomputed_in_steps(
        tws: Workspace, data_dir: Path, clock: FakeClock, id_factory: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.clerk.test_due_recompute import DISTRICT, _accepted, _row_due

    ws = tws
    clock.set_local(date(2026, 12, 28))
    first, second = (_accepted(ws, id_factory, DISTRICT) for _ in range(2))
    with ws.store.write() as s:  # as the old version left them: New Year's Day counted
        for row in s.execute(select(Case)).scalars():
            row.due_date = date(2027, 1, 4)
        s.execute(text("DELETE FROM settings WHERE key = :k"), {"k": RULE_SETTING})
    ws.close()
    with store_writes(monkeypatch) as opened:
        ws = Workspace.open(data_dir, clock=clock)
    assert opened == []
    clock.set_local(date(2027, 1, 5))
    try:
        monkeypatch.setattr("clerk.workspace.SETTLE_STEP_DUES", 1)
        real = case_due.refresh
        calls: list[Any] = []

        def failing(*args: Any, **kw: Any) -> int:
            calls.append(args)
            if len(calls) == 2:
                raise RuntimeError("disk went away")
            return real(*args, **kw)

        monkeypatch.setattr(case_due, "refresh", failing)
        with pytest.raises(RuntimeError):
            ws.settle_after_open()
        monkeypatch.setattr(case_due, "refresh", real)
        assert sorted([_row_due(ws, first)[0], _row_due(ws, second)[0]]) == \
            [date(2027, 1, 4), date(2027, 1, 5)]  # one step committed
        assert _setting(ws, RULE_SETTLING) is not None
        assert _setting(ws, RULE_SETTING) is None
        _assert_due_listed(ws, first, second)  # the date in force, either way
        with ws.store.read() as s:
            assert verify(s).ok
        ws.close()
        ws = Workspace.open(data_dir, clock=clock)
        assert ws.settle_after_open() == (1, 0)
        for case_no in (first, second):
            assert _row_due(ws, case_no) == (date(2027, 1, 5), True)
            assert ws.cases.get(case_no).due_date == date(2027, 1, 5)
        _assert_due_listed(ws, first, second)
        assert _setting(ws, RULE_SETTLING) is None
        assert ws.settle_after_open() == (0, 0)
    finally:
        ws.close()


def _assert_due_listed(ws: Workspace, *case_nos: str) -> None:
    """Due today by the new rule (yellow), not yesterday by the old one (red): in the
    rows, the filters and the counts."""
    cut = cut_of(ws)
    with ws.store.read() as s:
        rows = [case_row(s, no, cut) for no in case_nos]
        counts = level_counts(s, cut)
    assert [(r.due_date, r.level) for r in rows if r] == \
        [(date(2027, 1, 5), Level.YELLOW)] * len(case_nos)
    assert sorted(listed(ws, CaseFilter(level=LevelFilter.YELLOW))) == sorted(case_nos)
    assert listed(ws, CaseFilter(level=LevelFilter.RED)) == []
    assert (counts[Level.YELLOW], counts[Level.RED]) == (len(case_nos), 0)


def test_a_case_opened_or_printed_while_the_rule_settles_shows_the_date_in_force(
        tws: Workspace, data_dir: Path, clock: FakeClock, id_factory: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The lists judge an unsettled case by the date in force (held_dues); its detail,
    its history and a reprinted receipt read the row: opening or printing the case
    settles it first, so all of them show the same date as the list."""
    from printing.issue import renderer as pdf_renderer
    from tests.clerk.test_due_recompute import DISTRICT, _accepted, _row_due
    from tests.printing.pdftools import pdf_text

    ws = tws
    clock.set_local(date(2026, 12, 28))
    touched, untouched = (_accepted(ws, id_factory, DISTRICT) for _ in range(2))
    with ws.store.write() as s:  # as the old version left them: New Year's Day counted
        old = "2027-01-04"
        s.execute(text("UPDATE cases SET due_date = :d, "
                       "data = json_set(data, '$.due_date', :d)"), {"d": old})
        s.execute(text("UPDATE case_events SET payload = json_set(payload, '$.due_date', :d) "
                       "WHERE type = 'accepted'"), {"d": old})
        s.execute(text("DELETE FROM settings WHERE key = :k"), {"k": RULE_SETTING})
    ws.close()
    ws = Workspace.open(data_dir, clock=clock)
    clock.set_local(date(2027, 1, 5))
    try:
        assert _row_due(ws, touched) == (date(2027, 1, 4), True)  # not settled yet
        found = ws.case_lists.file(touched)
        assert (found.record.due_date, found.record.due_provisional) == (date(2027, 1, 5), True)
        accepted = next(e for e in found.timeline if e.type == "accepted")
        assert accepted.payload["due_date"] == "2027-01-05"
        receipt = pdf_text(ws.documents.issue(touched, "receipt", pdf_renderer(),
                                              output=None).pdf)
        assert "2027年1月5日" in receipt and "2027年1月4日" not in receipt
        _assert_due_listed(ws, touched, untouched)
        # A reprint settles its case too; the steps find nothing left to move.
        receipt = pdf_text(ws.documents.issue(untouched, "receipt", pdf_renderer(),
                                              output=None).pdf)
        assert "2027年1月5日" in receipt and "2027年1月4日" not in receipt
        assert ws.settle_after_open() == (0, 0)
        assert _row_due(ws, untouched) == (date(2027, 1, 5), True)
        with store_writes(monkeypatch) as opened:  # the rule remembered: a plain read
            ws.case_lists.file(touched)
            ws.documents.issue(touched, "receipt", pdf_renderer(), output=None)
        assert opened == []
    finally:
        ws.close()


def test_a_store_refusing_writes_still_opens_an_unsettled_case(
        tws: Workspace, data_dir: Path, clock: FakeClock, id_factory: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Settling ahead is a write; when the store refuses writes the case is shown as its
    row stands (as before), not refused."""
    from clerk.errors import StoreError
    from tests.clerk.test_due_recompute import DISTRICT, _accepted

    ws = tws
    clock.set_local(date(2026, 12, 28))
    case_no = _accepted(ws, id_factory, DISTRICT)
    with ws.store.write() as s:
        s.execute(text("UPDATE cases SET due_date = '2027-01-04'"))
        s.execute(text("DELETE FROM settings WHERE key = :k"), {"k": RULE_SETTING})

    def refused(self: Store) -> Any:
        raise StoreError("数据库已损坏")

    monkeypatch.setattr(Store, "write", refused)
    found = ws.case_lists.file(case_no)
    assert found.record.due_date == date(2027, 1, 4)  # the row, unsettled
