"""A push's reads on SQLite go straight to the driver (district.db.SqliteQuery): the same
rows as SQLAlchemy reads, lists of any length, and SQLAlchemy's errors (the push's retry
catches those, not the driver's)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import bindparam, select
from sqlalchemy.exc import OperationalError

from district import admin, auth
from district.db import Database, SqliteQuery
from district.models import StationRow

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
