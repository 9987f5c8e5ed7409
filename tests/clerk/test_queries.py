"""The list queries: filters, keyset pages, supervision cut-offs and tasks.

Cases are made through the real CaseService on the bundled catalog; district decisions
are stored the way pulled ones are. ``Cases`` is reused by the UI tests.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from clerk.cases.queries import (
    CaseFilter,
    CaseQuery,
    Level,
    LevelFilter,
    SortKey,
    SupervisionCut,
    SyncFilter,
    attach_sync,
    case_row,
    case_timeline,
    counts_by_state,
    follow_ups,
    level_counts,
    printed_documents,
    returned_cases,
)
from clerk.cases.states import State
from clerk.cases.supervision import case_level
from clerk.timeutil import local_date
from clerk.workspace import Workspace
from tests.clerk.case_builder import (
    BIRTH,
    DIBAO,
    ELDERLY,
    REVIEWER,
    Cases,
    Returned,
    clone_cases,
)
from tests.conftest import FakeClock, raw_store, station_migrations


def cut_of(ws: Workspace) -> SupervisionCut:
    return SupervisionCut.build(ws.calendar(), local_date(ws.now()))


def listed(ws: Workspace, f: CaseFilter, **kw: Any) -> list[str]:
    query = CaseQuery(f, cut_of(ws), station_code="110108001001", **kw)
    with ws.store.read() as s:
        page = query.first_page(s)
        rows = list(page.rows)
        cursor = page.cursor
        while cursor is not None:
            more = query.page(s, cursor)
            rows += more.rows
            cursor = more.cursor
    assert len(rows) == page.total
    return [r.case_no for r in rows]


# --- supervision ---------------------------------------------------------------------------

def test_level_from_light_columns_equals_the_domain_rule(
        ws: Workspace, cases: Cases, clock: FakeClock) -> None:
    clock.set_local(date(2026, 9, 25))  # the National Day week lies ahead
    dibao = cases.accepted(DIBAO)
    elderly = cases.accepted(ELDERLY)
    seen: set[Level] = set()
    day = date(2026, 9, 25)
    while day <= date(2026, 11, 20):
        clock.set_local(day)
        cut = cut_of(ws)
        for case_no in (dibao, elderly):
            rec = ws.cases.get(case_no)
            with ws.store.read() as s:
                row = case_row(s, case_no, cut)
            assert row is not None
            expected = case_level(rec, ws.calendar(), day)
            assert expected is not None
            assert row.level == Level(expected.value), (case_no, day)
            seen.add(row.level)
        day += timedelta(days=1)
    assert seen == {Level.NORMAL, Level.YELLOW, Level.RED}


def test_level_filters_in_sql_match_the_rows(ws: Workspace, cases: Cases,
                                             clock: FakeClock) -> None:
    clock.set_local(date(2026, 3, 2))
    early = cases.accepted(ELDERLY)  # due 2026-03-16
    clock.set_local(date(2026, 3, 10))
    late = cases.accepted(ELDERLY)  # due 2026-03-24
    fresh = cases.accepted(DIBAO)
    instant = cases.accepted(BIRTH)  # accepted, not yet completed: limit 0 stays normal
    clock.set_local(date(2026, 3, 20))
    assert listed(ws, CaseFilter(level=LevelFilter.RED)) == [early]
    assert listed(ws, CaseFilter(level=LevelFilter.YELLOW)) == [late]
    assert sorted(listed(ws, CaseFilter(level=LevelFilter.ATTENTION))) == sorted([early, late])
    assert sorted(listed(ws, CaseFilter(level=LevelFilter.NORMAL))) == sorted([fresh, instant])
    with ws.store.read() as s:
        counts = level_counts(s, cut_of(ws))
    assert counts[Level.RED] == 1 and counts[Level.YELLOW] == 1 and counts[Level.NORMAL] == 2


def test_returned_cases_keep_the_level_they_were_returned_at(
        ws: Workspace, returned: Returned, clock: FakeClock) -> None:
    calm, nearly, late, _due = returned  # calm: returned at once, normal, and stays so
    clock.set_local(date(2026, 6, 1))  # long after every original due date
    cut = cut_of(ws)
    with ws.store.read() as s:
        rows = {no: case_row(s, no, cut) for no in (calm, nearly, late)}
    for case_no, row in rows.items():
        expected = case_level(ws.cases.get(case_no), ws.calendar(), date(2026, 6, 1))
        assert row is not None and row.paused
        assert expected is not None and row.level == Level(expected.value), case_no
    assert [r.level for r in rows.values() if r] == [Level.NORMAL, Level.YELLOW, Level.RED]
    assert listed(ws, CaseFilter(level=LevelFilter.RED)) == [late]
    assert listed(ws, CaseFilter(level=LevelFilter.YELLOW)) == [nearly]
    assert listed(ws, CaseFilter(level=LevelFilter.NORMAL)) == [calm]
    with ws.store.read() as s:
        counts = level_counts(s, cut)
    assert (counts[Level.RED], counts[Level.YELLOW], counts[Level.NORMAL]) == (1, 1, 1)
    assert counts[Level.PAUSED] == 3


def test_a_returned_case_is_judged_again_once_it_changed(
        ws: Workspace, cases: Cases, clock: FakeClock) -> None:
    """The returned cases' verdicts are kept per rule and per case as last changed (its
    updated_at, which every event moves): a case whose pause now began after its due
    date is red at the next filter of the same day."""
    import json

    clock.set_local(date(2026, 3, 2))
    case_no = cases.returned()  # returned at once: normal
    due = ws.cases.get(case_no).due_date
    assert due is not None
    clock.set_local(due + timedelta(days=3))
    assert listed(ws, CaseFilter(level=LevelFilter.NORMAL)) == [case_no]
    assert listed(ws, CaseFilter(level=LevelFilter.RED)) == []
    con = raw_store(ws.store.path)  # as if the return had come after the due date
    try:
        (data,) = con.execute("SELECT data FROM cases WHERE case_no = ?", (case_no,)).fetchone()
        record = json.loads(data)
        late = (due + timedelta(days=1)).isoformat()
        record["pauses"] = [{**record["pauses"][-1], "start": late}]
        con.execute("UPDATE cases SET data = ?, updated_at = ? WHERE case_no = ?",
                    (json.dumps(record), "2099-01-01 00:00:00.000000", case_no))
        con.commit()
    finally:
        con.close()
    expected = case_level(ws.cases.get(case_no), ws.calendar(), local_date(ws.now()))
    assert expected is not None and Level(expected.value) == Level.RED
    assert listed(ws, CaseFilter(level=LevelFilter.RED)) == [case_no]
    assert listed(ws, CaseFilter(level=LevelFilter.NORMAL)) == []


def test_cut_thresholds_follow_the_ratio(ws: Workspace) -> None:
    cal = ws.calendar()
    today = date(2026, 3, 2)  # Monday
    cut = SupervisionCut.build(cal, today, 0.8)
    assert cut.threshold(10) == cal.add_working_days(today, 3).day  # k = 2: two days left
    assert cut.threshold(3) == cal.add_working_days(today, 2).day  # k = max(1, 0)
    assert cut.threshold(25) == cal.add_working_days(today, 6).day  # k = 5
    half = SupervisionCut.build(cal, today, 0.5)
    assert half.threshold(10) == cal.add_working_days(today, 6).day


# --- filters and search ----------------------------------------------------------------------

def test_filters_by_state_matter_and_search(ws: Workspace, cases: Cases) -> None:
    a = cases.accepted(DIBAO, person="王小明")
    b = cases.awaiting(DIBAO, person="王大明")
    c = cases.completed(person="李四")
    d = cases.new(ELDERLY, person="赵六")
    assert sorted(listed(ws, CaseFilter())) == sorted([a, b, c, d])
    assert listed(ws, CaseFilter(states=(State.ACCEPTED,))) == [a]
    assert sorted(listed(ws, CaseFilter(matter_code=cases.code(DIBAO)))) == sorted([a, b])
    assert sorted(listed(ws, CaseFilter(text="王"))) == sorted([a, b])
    assert listed(ws, CaseFilter(text="王大")) == [b]
    assert listed(ws, CaseFilter(text="王", states=(State.ACCEPTED,))) == [a]
    assert listed(ws, CaseFilter(text=cases.ids(3))) == [c]  # exact ID number
    assert listed(ws, CaseFilter(text=cases.ids(3)[:10])) == []  # not a prefix search
    assert listed(ws, CaseFilter(text=d)) == [d]  # case number
    assert sorted(listed(ws, CaseFilter(text="110108001001-202603"))) == sorted([a, b, c, d])
    assert listed(ws, CaseFilter(text="张")) == []


def test_received_date_range_uses_the_case_number(ws: Workspace, cases: Cases,
                                                  clock: FakeClock) -> None:
    clock.set_local(date(2026, 3, 2))
    a = cases.new()
    clock.set_local(date(2026, 3, 5))
    b = cases.new()
    clock.set_local(date(2026, 3, 9))
    c = cases.new()
    f = CaseFilter(received_from=date(2026, 3, 3), received_to=date(2026, 3, 9))
    assert sorted(listed(ws, f)) == sorted([b, c])
    assert listed(ws, CaseFilter(received_to=date(2026, 3, 2))) == [a]


def test_sync_state_filter_and_counts(ws: Workspace, cases: Cases) -> None:
    a = cases.accepted()
    b = cases.accepted()
    with ws.store.write() as s:
        s.connection().exec_driver_sql(
            "UPDATE case_events SET sync_state = 'acked' WHERE case_id = "
            "(SELECT id FROM cases WHERE case_no = ?)", (a,))
        s.connection().exec_driver_sql(
            "UPDATE case_events SET sync_state = 'rejected', sync_error = 'x' WHERE seq = 1 "
            "AND case_id = (SELECT id FROM cases WHERE case_no = ?)", (b,))
    assert listed(ws, CaseFilter(sync=SyncFilter.PENDING)) == [b]
    assert listed(ws, CaseFilter(sync=SyncFilter.REJECTED)) == [b]
    with ws.store.read() as s:
        ra, rb = case_row(s, a, None), case_row(s, b, None)
    assert ra is not None and ra.sync.synced
    assert rb is not None and (rb.sync.pending, rb.sync.rejected) == (1, 1)


def test_rows_carry_no_json_and_mask_the_id(ws: Workspace, cases: Cases) -> None:
    case_no = cases.accepted()
    with ws.store.read() as s:
        row = case_row(s, case_no, cut_of(ws))
    assert row is not None
    assert not hasattr(row, "data") and not hasattr(row, "__dict__")  # slots, light columns
    assert row.masked_id_no == cases.ids(1)[:6] + "********" + cases.ids(1)[-4:]


# --- pages ------------------------------------------------------------------------------------

@pytest.mark.parametrize("sort", list(SortKey))
@pytest.mark.parametrize("descending", [True, False])
def test_keyset_pages_cover_every_row_once_in_order(ws: Workspace, cases: Cases,
                                                    sort: SortKey, descending: bool) -> None:
    numbers = [*clone_cases(ws, cases.accepted(), 1000)]
    all_rows = listed(ws, CaseFilter(), sort=sort, descending=descending, page_size=37)
    assert len(all_rows) == len(set(all_rows)) == 1001
    assert set(numbers) <= set(all_rows)
    con = raw_store(ws.store.path)  # type: ignore[arg-type]
    col = sort.value
    # Ground truth: non-null sort values in order (the case number breaks ties newest
    # first, the rowid otherwise), NULLs last.
    direction = "DESC" if descending else "ASC"
    tie = "case_no" if sort == SortKey.UPDATED else "rowid"
    truth = [r[0] for r in con.execute(
        f"SELECT case_no FROM cases ORDER BY {col} IS NULL, {col} {direction}, "
        f"{tie} {direction}")]
    con.close()
    assert all_rows == truth


def test_filtered_pages_with_either_plan(ws: Workspace, cases: Cases) -> None:
    clone_cases(ws, cases.accepted(), 600)
    cut = cut_of(ws)
    with ws.store.read() as s:
        big = CaseQuery(CaseFilter(states=(State.COMPLETED, State.ACCEPTED)), cut, page_size=50)
        small = CaseQuery(CaseFilter(states=(State.UNDER_REVIEW,),
                                     matter_code=cases.code(DIBAO)), cut, page_size=50)
        big_page, small_page = big.first_page(s), small.first_page(s)
    assert big_page.plan == "walk"
    assert small_page.total == 200
    got = listed(ws, CaseFilter(states=(State.UNDER_REVIEW,), matter_code=cases.code(DIBAO)),
                 page_size=50)
    assert len(got) == len(set(got)) == 200


def test_counts_by_state(ws: Workspace, cases: Cases) -> None:
    cases.accepted()
    cases.accepted()
    cases.awaiting()
    with ws.store.read() as s:
        assert counts_by_state(s) == {State.ACCEPTED: 2, State.AWAITING_SUPPLEMENT: 1}


# --- tasks --------------------------------------------------------------------------------------

def test_follow_ups_list_notices_and_promises(ws: Workspace, cases: Cases,
                                              clock: FakeClock) -> None:
    clock.set_local(date(2026, 3, 2))
    waiting = cases.awaiting(person="王五")
    promised = cases.accepted(deferred={"income_proof": date(2026, 3, 6)})
    clock.set_local(date(2026, 3, 9))
    with ws.store.read() as s:
        found = follow_ups(s)
    by_case = {f.case_no: f for f in found}
    notice = by_case[waiting]
    assert notice.kind == "notice" and notice.since == date(2026, 3, 2)
    assert notice.mobile == "13800138000" and len(notice.items) >= 1
    promise = by_case[promised]
    assert promise.kind == "promise" and promise.promise_date == date(2026, 3, 6)
    assert promise.overdue(date(2026, 3, 9)) and not promise.overdue(date(2026, 3, 6))


def test_returned_cases_carry_the_reviewers_items(ws: Workspace, cases: Cases) -> None:
    case_no = cases.returned()
    with ws.store.read() as s:
        (r,) = returned_cases(s)
    assert r.case_no == case_no and r.reviewer == REVIEWER
    assert r.note == "请申请人签字后重新上报"
    assert r.items == (("家庭经济状况声明", "缺少签字"),)


# --- one case -----------------------------------------------------------------------------------

def test_timeline_and_print_log(ws: Workspace, cases: Cases) -> None:
    case_no = cases.returned()
    rec = ws.cases.get(case_no)
    with ws.store.read() as s:
        timeline = case_timeline(s, rec.id)
        assert printed_documents(s, rec.id) == {}
    assert [e.type for e in timeline] == ["created", "accepted", "escalated", "taken",
                                          "returned"]
    assert timeline[-1].origin == "district" and timeline[-1].sync_state == "acked"
    assert timeline[0].sync_state == "pending"


def test_attach_sync_leaves_rows_of_synced_cases_alone(ws: Workspace, cases: Cases) -> None:
    case_no = cases.accepted()
    with ws.store.read() as s:
        row = case_row(s, case_no, None)
        assert row is not None
        assert attach_sync(s, [row])[0].sync.pending == 2


@pytest.mark.parametrize("ratio", ["0.5", "0.8", "1"])
def test_sql_form_equals_the_rule_at_every_configured_ratio(
        ws: Workspace, cases: Cases, clock: FakeClock, ratio: str) -> None:
    """The one supervision rule: the list's SQL cut-offs and the record rule agree on
    generated cases, whatever yellow ratio the station configured."""
    ws.set_setting("supervision.yellow_ratio", ratio)
    accepted = []
    for start in (date(2026, 9, 21), date(2026, 9, 25), date(2026, 9, 29)):
        clock.set_local(start)
        accepted += [cases.accepted(DIBAO), cases.accepted(ELDERLY)]
    day = date(2026, 9, 29)
    while day <= date(2026, 11, 27):
        clock.set_local(day)
        cut = ws.supervision_cut()
        assert cut.yellow_ratio == float(ratio)
        for case_no in accepted:
            with ws.store.read() as s:
                row = case_row(s, case_no, cut)
            expected = case_level(ws.cases.get(case_no), ws.calendar(), day, ws.yellow_ratio())
            assert row is not None and expected is not None
            assert row.level == Level(expected.value), (case_no, day, ratio)
        day += timedelta(days=3)


def test_an_unusable_ratio_falls_back_to_the_default(ws: Workspace) -> None:
    for bad in ("", "abc", "0", "1.5", "-1"):
        ws.set_setting("supervision.yellow_ratio", bad)
        assert ws.yellow_ratio() == 0.8


# --- the kept count and the sync marks' index (migration 0009) -----------------------------

def _count_all(ws: Workspace) -> int:
    with ws.store.read() as s:
        return int(s.connection().exec_driver_sql("SELECT count(*) FROM cases").scalar())


def test_unfiltered_total_is_the_kept_count_through_inserts_and_deletes(
        ws: Workspace, cases: Cases) -> None:
    from clerk.cases.queries import all_cases

    template = cases.accepted()
    cases.completed()
    clone_cases(ws, template, 30)  # rows written by SQL, not through the service
    assert ws.store.path is not None
    con = raw_store(ws.store.path)
    con.execute("DELETE FROM cases WHERE case_no = ?", (template,))  # FK off here
    con.commit()
    con.close()
    with ws.store.read() as s:
        kept = all_cases(s)
        page = CaseQuery(CaseFilter(), cut_of(ws)).first_page(s)
    assert kept == _count_all(ws) == page.total
    assert len(listed(ws, CaseFilter())) == kept


def test_0009_counts_the_cases_already_there_and_downgrades(
        ws: Workspace, cases: Cases) -> None:
    from alembic import command
    from sqlalchemy import create_engine, text


    cases.accepted()
    cases.completed()
    path = ws.store.path
    assert path is not None
    ws.close()
    engine = create_engine(f"sqlite:///{path}", creator=lambda: raw_store(path))
    cfg = station_migrations(engine)
    command.downgrade(cfg, "0008_consultations")
    with engine.connect() as c:
        names = {r[0] for r in c.execute(text("SELECT name FROM sqlite_master"))}
        # A case written by the previous version, with no trigger to count it.
        c.execute(text("INSERT INTO cases SELECT * FROM cases LIMIT 0"))
    assert not names & {"case_tally", "tr_cases_tally_insert", "ix_case_events_unsynced",
                        "ix_cases_list"}
    assert "ix_cases_updated_at" in names
    command.upgrade(cfg, "head")
    with engine.connect() as c:
        tally = c.execute(text("SELECT cases FROM case_tally")).scalar()
        total = c.execute(text("SELECT count(*) FROM cases")).scalar()
    engine.dispose()
    assert tally == total == 2


def test_the_sync_marks_read_only_their_partial_index(ws: Workspace, cases: Cases) -> None:
    from sqlalchemy import event

    case_no = cases.accepted()
    seen: list[tuple[str, Any]] = []

    def _seen(_c: Any, _cur: Any, stmt: str, params: Any, *_a: Any) -> None:
        seen.append((stmt, params))

    with ws.store.read() as s:
        row = case_row(s, case_no, None)
        assert row is not None
        event.listen(ws.store.engine, "before_cursor_execute", _seen)
        try:
            attach_sync(s, [row])
        finally:
            event.remove(ws.store.engine, "before_cursor_execute", _seen)
        (stmt, params), = seen
        plan = s.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {stmt}", params).all()
    assert any("COVERING INDEX ix_case_events_unsynced" in str(r[-1]) for r in plan), plan


def test_the_newest_first_page_reads_only_the_list_index(ws: Workspace, cases: Cases) -> None:
    from sqlalchemy import event

    clone_cases(ws, cases.accepted(), 20)
    seen: list[tuple[str, Any]] = []

    def _seen(_c: Any, _cur: Any, stmt: str, params: Any, *_a: Any) -> None:
        if stmt.startswith("SELECT rowid"):
            seen.append((stmt, params))

    query = CaseQuery(CaseFilter(), cut_of(ws), page_size=5)
    event.listen(ws.store.engine, "before_cursor_execute", _seen)
    try:
        with ws.store.read() as s:
            first = query.first_page(s)
            assert first.cursor is not None
            query.page(s, first.cursor)
    finally:
        event.remove(ws.store.engine, "before_cursor_execute", _seen)
    assert len(seen) == 2  # the first page and the next (after the cursor)
    with ws.store.read() as s:
        for stmt, params in seen:
            plan = s.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {stmt}", params).all()
            details = " ".join(str(r[-1]) for r in plan)
            assert "COVERING INDEX ix_cases_list" in details and "TEMP B-TREE" not in details


def _case_reads(ws: Workspace, f: CaseFilter) -> list[str]:
    """How the list's queries over the cases table read it (EXPLAIN QUERY PLAN lines),
    for the first page and the next of ``f``."""
    from sqlalchemy import event

    seen: list[tuple[str, Any]] = []

    def record(_c: Any, _cur: Any, stmt: str, params: Any, _ctx: Any, _many: bool) -> None:
        # Not the returned cases' pauses (few, and in their data) nor max(rowid) (one
        # B-tree path to the last row).
        if " FROM cases" in stmt and "json_extract" not in stmt and "max(rowid)" not in stmt:
            seen.append((stmt, params))

    event.listen(ws.store.engine, "before_cursor_execute", record)
    try:
        query = CaseQuery(f, cut_of(ws), station_code="110108001001", page_size=2)
        with ws.store.read() as s:
            page = query.first_page(s)
            assert page.cursor is not None
            query.page(s, page.cursor)
    finally:
        event.remove(ws.store.engine, "before_cursor_execute", record)
    with ws.store.engine.connect() as conn:
        return [row[3] for stmt, params in seen
                for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {stmt}", params).all()
                if " cases " in f"{row[3]} "]


@pytest.mark.parametrize("f", [CaseFilter(states=(State.ACCEPTED, State.ESCALATED)),
                               CaseFilter(level=LevelFilter.NORMAL),
                               CaseFilter(text="张"), CaseFilter(text="110108001001-2026")],
                         ids=["state", "level", "name", "case_no"])
def test_filtered_pages_read_rows_only_by_rowid(ws: Workspace, cases: Cases,
                                                clock: FakeClock, f: CaseFilter) -> None:
    """A case row is ~14 KB, each of its pages decrypted in the SQLCipher store: the
    filters count and choose a page's rows from an index alone, then read only the page's
    rows by rowid (migration 0010's indexes)."""
    clock.set_local(date(2025, 12, 1))
    for _ in range(15):  # none of them matches: the filter's index drives the query
        cases.new(DIBAO, person="李四")
    clock.set_local(date(2026, 3, 2))
    for _ in range(5):
        cases.accepted(DIBAO)
    assert len(listed(ws, f)) == 5
    reads = _case_reads(ws, f)
    assert reads
    for line in reads:
        assert "COVERING INDEX" in line or "INTEGER PRIMARY KEY" in line, line
