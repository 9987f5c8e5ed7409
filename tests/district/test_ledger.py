"""The district's case rows: what a push writes covers every column exactly once."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from clerk.calendar import WorkCalendar, seed_years
from clerk.workspace import Workspace
from district import admin, ledger
from tests.districtkit import escalated_case

CAL = WorkCalendar(seed_years())


def test_case_values_fill_every_column_and_updates_leave_the_fixed_ones(
        sws: Workspace, id_factory: Callable[..., str]) -> None:
    rec = escalated_case(sws, id_factory(1))
    values = ledger.case_values(rec, CAL)
    columns = {c.name for c in ledger.CASES.c}
    assert set(values) - {ledger.SNAPSHOT_KEY} == columns
    # The matter snapshot travels beside the row, not inside its data.
    assert values[ledger.SNAPSHOT_KEY] == rec.matter and "matter" not in values["data"]
    assert set(ledger.FIXED_COLUMNS) | set(ledger.CHANGING_COLUMNS) == columns
    assert not set(ledger.FIXED_COLUMNS) & set(ledger.CHANGING_COLUMNS)


def test_a_new_sqlite_district_database_has_16k_pages(tmp_path: Path) -> None:
    from district.db import Database

    path = tmp_path / "d.sqlite3"
    Database(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA page_size").fetchone()[0] == 16384
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()


@pytest.mark.parametrize("received", [datetime(2026, 3, 2, 1, 0, 0),
                                      datetime(2026, 3, 2, 1, 0, 0, 1500)])
def test_entries_written_straight_to_sqlite_read_back_as_sqlalchemy_writes_them(
        tmp_path: Path, sws: Workspace, id_factory: Callable[..., str],
        received: datetime) -> None:
    from sqlalchemy import insert, select

    from district.db import Database
    from district.models import LedgerEntry

    rec = escalated_case(sws, id_factory(1))
    events = sws.cases.timeline(rec.case_no)
    db = Database(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    try:
        admin.create_station(db, code="110108001001", name="测试站", now=received.replace(
            tzinfo=UTC))
        with db.write_conn() as conn:
            conn.execute(insert(ledger.CASES), [ledger.case_values(rec, CAL)])
            ours = [ledger.event_row(e, "110108001001", received) for e in events[:2]]
            theirs = [ledger.event_row(e, "110108001001", received) for e in events[2:]]
            ledger._insert_entries(conn, ours)  # the driver path
            conn.execute(insert(ledger.LEDGER), theirs)  # SQLAlchemy's own
        raw = sqlite3.connect(tmp_path / "d.sqlite3")
        try:
            spelled = raw.execute("SELECT DISTINCT day, received_at FROM ledger").fetchall()
        finally:
            raw.close()
        assert len(spelled) == 1  # both paths wrote the same text
        with db.read() as s:
            rows = s.execute(select(LedgerEntry).order_by(LedgerEntry.pos)).scalars().all()
        assert [(r.entry_id, r.day, r.received_at, r.payload, r.seq) for r in rows] == [
            (e["entry_id"], e["day"], received, e["payload"], e["seq"]) for e in ours + theirs]
    finally:
        db.close()


@pytest.mark.parametrize("copy_from", [1, 10**6], ids=["copy", "insert"])
def test_rows_written_by_write_rows_read_back_and_a_repeat_is_an_integrity_error(
        district_url: str, sws: Workspace, id_factory: Callable[..., str],
        monkeypatch: pytest.MonkeyPatch, copy_from: int) -> None:
    """The push's write path (on PostgreSQL: pipelined statements, entries by COPY from
    COPY_FROM on) stores what SQLAlchemy reads back, and a clash surfaces as SQLAlchemy's
    IntegrityError, which push_group answers by judging the batch again."""
    from sqlalchemy import select
    from sqlalchemy.exc import IntegrityError

    from district.db import Database
    from district.models import CaseRow, LedgerEntry

    monkeypatch.setattr(ledger, "COPY_FROM", copy_from)
    received = datetime(2026, 3, 2, 1, 0, 0, 1500)
    rec = escalated_case(sws, id_factory(1))
    entries = [ledger.event_row(e, "110108001001", received, device_no=3)
               for e in sws.cases.timeline(rec.case_no)]
    db = Database(district_url)
    try:
        admin.create_station(db, code="110108001001", name="测试站",
                             now=received.replace(tzinfo=UTC))
        with db.write_conn() as conn:
            ledger.write_rows(conn, new_cases=[ledger.case_values(rec, CAL)],
                              changed_cases=[], entries=[dict(e) for e in entries])
        with db.read() as s:
            rows = s.execute(select(LedgerEntry).order_by(LedgerEntry.pos)).scalars().all()
            case = s.execute(select(CaseRow)).scalar_one()
        assert [(r.entry_id, r.day, r.received_at, r.payload, r.seq, r.device_no)
                for r in rows] == [(e["entry_id"], e["day"], received, e["payload"], e["seq"], 3)
                                   for e in entries]
        assert case.version == rec.version and case.data["applicant"] == rec.to_dict()[
            "applicant"]
        values = ledger.case_values(rec, CAL)
        assert {c: getattr(case, c) for c in values if c not in ("data", ledger.SNAPSHOT_KEY)
                } == {c: v for c, v in values.items() if c not in ("data", ledger.SNAPSHOT_KEY)}
        assert case.data == values["data"]
        with pytest.raises(IntegrityError), db.write_conn() as conn:
            ledger.write_rows(conn, new_cases=[], changed_cases=[],
                              entries=[dict(e) for e in entries])
    finally:
        db.close()


def test_case_rows_written_straight_to_sqlite_read_back_as_sqlalchemy_writes_them(
        tmp_path: Path, sws: Workspace, id_factory: Callable[..., str]) -> None:
    """The SQLite push writes case rows through the driver (`_write_cases_sqlite`): every
    column is stored in the very spelling SQLAlchemy's types give it, inserts and updates
    alike, and reads back through the ORM as written (data sealed, dates as dates)."""
    from sqlalchemy import insert, select, update

    from district.db import Database
    from district.models import CaseRow

    rec = escalated_case(sws, id_factory(1))
    values = ledger.case_values(rec, CAL)
    values.pop(ledger.SNAPSHOT_KEY)
    values["closed_at"] = datetime(2026, 3, 5, 8, 30, 0, 1500)  # every type filled
    values["next_promise"] = values["clock_due"] = values["due_date"]
    values["rating"], values["clock_left"], values["flagged"] = 4, 7, True
    changed = dict(values, state="returned", version=9, flagged=False, closed_at=None,
                   rating=None, due_date=None)
    spelled = []
    for path in ("driver", "sqlalchemy"):
        file = tmp_path / f"{path}.sqlite3"
        db = Database(f"sqlite:///{file}")
        try:
            admin.create_station(db, code="110108001001", name="测试站",
                                 now=datetime(2026, 3, 2, tzinfo=UTC))
            for step in (values, changed):
                with db.write_conn() as conn:
                    if path == "sqlalchemy" and step is values:
                        conn.execute(insert(ledger.CASES), [step])
                    elif path == "sqlalchemy":
                        conn.execute(update(ledger.CASES)
                                     .where(ledger.CASES.c.id == rec.id).values(step))
                    elif step is values:
                        ledger._write_cases_sqlite(conn, [step], [])
                    else:
                        ledger._write_cases_sqlite(conn, [], [step])
                raw = sqlite3.connect(file)
                try:
                    columns = [c for c in values if c != "data"]  # data: sealed, nonces
                    spelled.append((path, raw.execute(
                        f"SELECT {', '.join(f'typeof({c}), {c}' for c in columns)} "
                        "FROM cases").fetchall()))
                finally:
                    raw.close()
                with db.read() as s:
                    case = s.execute(select(CaseRow)).scalar_one()
                    assert {c: getattr(case, c) for c in step} == step
        finally:
            db.close()
    # Both paths wrote the same text and types, after the insert and after the update.
    assert spelled[0][1] == spelled[2][1] and spelled[1][1] == spelled[3][1]


def test_a_sqlite_push_hashes_and_encrypts_before_the_writer_lock(
        sqlite_url: str, sws: Workspace, id_factory: Callable[..., str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite has one writer: the payloads are hashed and encrypted before its lock (another
    worker's group may hold it meanwhile), and what is stored is the same payload."""
    from sqlalchemy import select

    from clerk.cases.events import canonical_json
    from district import push as push_module
    from district.db import Database, _writer_lock
    from district.models import LedgerEntry
    from tests.districtkit import wire_events
    from wire.protocol import PushRequest, ResultStatus

    rec = escalated_case(sws, id_factory(1))
    wire = wire_events(sws, rec.case_no)
    db = Database(sqlite_url)
    held: list[bool] = []
    real = push_module.seal

    def watched(events: Any, stored: bool = False) -> Any:
        held.append(_writer_lock(Path(db.engine.url.database or "")).threads.locked())
        out = real(events, stored)
        assert all(s is not None for _, _, s in out) == stored
        return out

    monkeypatch.setattr(push_module, "seal", watched)
    try:
        admin.create_station(db, code="110108001001", name="测试站", now=datetime.now(UTC))
        reply = push_module.push(db, "110108001001", PushRequest.model_validate(
            {"events": wire, "notes": []}), datetime.now(UTC))
        assert [r.status for r in reply.results] == [ResultStatus.ACCEPTED] * len(wire)
        assert held == [False]  # once, outside the lock
        with db.read() as s:
            stored = s.execute(select(LedgerEntry.entry_id, LedgerEntry.payload)).all()
        assert sorted(stored) == sorted((w["event_id"], canonical_json(w["payload"]))
                                        for w in wire)
    finally:
        db.close()


@pytest.mark.parametrize("moment", [datetime(2026, 3, 2, 9, 5, 7, 12345),
                                    datetime(2026, 12, 31, 23, 59, 59, 0),
                                    datetime(999, 1, 2, 3, 4, 5, 6)])
def test_datetimes_are_spelled_as_sqlalchemys_sqlite_datetime(moment: datetime) -> None:
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    spell = sqlite_dialect.DATETIME().bind_processor(sqlite_dialect.dialect())
    assert spell is not None
    assert ledger._sqlite_datetime(moment) == spell(moment)


def test_an_aware_datetime_is_not_spelled_as_a_stored_one() -> None:
    with pytest.raises(ValueError):
        ledger._sqlite_datetime(datetime(2026, 3, 2, 9, 5, 7, tzinfo=UTC))
