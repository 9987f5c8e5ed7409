"""A push's reads and writes on SQLite go straight to the driver (district.db.SqliteQuery,
sqlite_many): the same rows as SQLAlchemy reads and writes, lists of any length, in the
caller's transaction, and SQLAlchemy's errors (the push's retry catches those, not the
driver's)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError, OperationalError

from district import admin, auth, snapshots
from district.calendar import calendar_etag
from district.db import Database, SqliteQuery, sqlite_many
from district.models import MatterSnapshot, StationRow
from district.push import _read

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
CODES = [f"1101080010{n:02d}" for n in range(1, 13)]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'district.sqlite3'}")
    for code in CODES:
        admin.create_station(database, code=code, name=f"站 {code}", now=NOW)
    yield database
    database.close()


STATIONS = (select(StationRow.code, StationRow.name)
            .where(StationRow.code.in_(bindparam("codes", expanding=True)),
                   StationRow.name != bindparam("not_named"))
            .order_by(StationRow.code))


@pytest.mark.parametrize("wanted", [[], CODES[:1], CODES[3:9], [*CODES, "110108999999"]])
def test_the_same_rows_as_sqlalchemy_reads(db: Database, wanted: list[str]) -> None:
    params = {"codes": wanted, "not_named": f"站 {CODES[4]}"}
    with db.write_conn() as conn:
        through_sqlalchemy = [tuple(r) for r in conn.execute(STATIONS, params)]
        straight = [tuple(r) for r in SqliteQuery(STATIONS).rows(conn, params)]
    assert straight == through_sqlalchemy
    assert len(straight) == len(set(wanted) & set(CODES) - {CODES[4]})


def test_the_token_lookup_of_a_push(db: Database) -> None:
    with db.write_conn() as conn:
        rows = SqliteQuery(auth.STATION_Q).rows(conn, {"h": "0" * 64})
    assert rows == []  # no such token: nothing, as `.first()` gave None


def test_a_driver_error_is_raised_as_sqlalchemy_raises_it(db: Database) -> None:
    broken = SqliteQuery(STATIONS)
    broken.sql = broken.sql.replace("FROM stations", "FROM no_such_table")
    with db.write_conn() as conn, pytest.raises(OperationalError, match="no_such_table"):
        broken.rows(conn, {"codes": CODES[:2], "not_named": ""})


INSERT = "INSERT INTO matter_snapshots (ref, data) VALUES (?, ?)"


def _refs(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(MatterSnapshot.ref).order_by(MatterSnapshot.ref)))


def test_writes_belong_to_the_callers_transaction(db: Database) -> None:
    with db.write_conn() as conn:
        sqlite_many(conn, INSERT, [("a" * 64, "{}"), ("b" * 64, "{}")])
    assert _refs(db) == ["a" * 64, "b" * 64]
    with pytest.raises(RuntimeError), db.write_conn() as conn:
        sqlite_many(conn, INSERT, [("c" * 64, "{}")])
        raise RuntimeError("the caller fails after the write")
    assert _refs(db) == ["a" * 64, "b" * 64]  # rolled back with the transaction


def test_no_rows_run_no_statement(db: Database) -> None:
    with db.write_conn() as conn:
        sqlite_many(conn, "INSERT INTO no_such_table VALUES (?)", [])


def test_a_write_error_is_raised_as_sqlalchemy_raises_it(db: Database) -> None:
    with pytest.raises(IntegrityError, match="UNIQUE"), db.write_conn() as conn:
        sqlite_many(conn, INSERT, [("d" * 64, "{}"), ("d" * 64, "{}")])
    assert _refs(db) == []  # nothing of the failed transaction stays


def test_snapshots_are_stored_as_the_json_column_reads_them(db: Database) -> None:
    matter = {"code": "BJ-ZJ-QR-001", "name": "公共租赁住房资格申请",
              "materials": [{"key": "id_card", "name": "居民身份证", "copies": 1}]}
    ref = "e" * 64
    with db.write_conn() as conn:
        snapshots.store(conn, {ref: matter})
        snapshots.store(conn, {ref: {"changed": True}})  # stored already: left as it is
    with db.read() as s:
        (stored,) = s.scalars(select(MatterSnapshot.data)).all()
        raw = s.connection().exec_driver_sql("SELECT data FROM matter_snapshots").scalar()
    assert isinstance(raw, str)
    assert stored == matter
    assert json.loads(raw) == matter and "公共租赁住房" in raw  # not \\u escapes


def test_a_push_reads_the_calendar_etag_in_force(db: Database, tmp_path: Path) -> None:
    with db.write_conn() as conn:
        before = _read(conn, []).etag
        assert before == calendar_etag(conn)
    year = tmp_path / "2027.json"
    year.write_text(json.dumps({
        "format": "stationdesk-calendar", "version": 1, "year": 2027, "official": True,
        "source": "测试", "days": [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}]},
        ensure_ascii=False), encoding="utf-8")
    admin.publish_calendar_file(db, year, NOW)
    with db.write_conn() as conn:
        after = _read(conn, []).etag
        assert after == calendar_etag(conn) != before
