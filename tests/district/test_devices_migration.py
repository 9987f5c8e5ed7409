"""d0013: the tokens of enrolled stations become their devices, so they keep syncing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from district import auth, schema
from district.db import Database
from tests.districtkit import create_pg_database, drop_pg_database

STATION, OTHER = "110108001001", "110108002001"
LEGACY = "sdt_legacy-token-of-an-enrolled-station"
LEGACY_HASH = auth.sha256_hex(LEGACY)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.sqlite3'}"
        return
    pg_url: str = request.getfixturevalue("pg_url")
    url = create_pg_database(pg_url)
    yield url
    drop_pg_database(pg_url, url)


def test_existing_tokens_become_numbered_devices(empty_url: str) -> None:
    engine = create_engine(empty_url)
    schema.upgrade(engine, "d0010")
    t = datetime(2026, 3, 1, 9)
    with engine.begin() as conn:
        for code in (STATION, OTHER):
            conn.execute(text("INSERT INTO stations (code, name, district_code, created_at) "
                              "VALUES (:c, '站', '110108', :t)"), {"c": code, "t": t})
        for h, code, minute, revoked in (("a" * 64, STATION, 1, None), ("b" * 64, STATION, 2, t),
                                         (LEGACY_HASH, STATION, 3, None),
                                         ("d" * 64, OTHER, 1, None)):
            conn.execute(text("INSERT INTO device_tokens (token_hash, station_code, created_at, "
                              "revoked_at) VALUES (:h, :c, :t, :r)"),
                         {"h": h, "c": code, "t": t.replace(minute=minute), "r": revoked})
    engine.dispose()
    db = Database(empty_url)  # migrates to head
    try:
        with db.read() as s:
            mine = [(d.name, d.number) for d in auth.list_devices(s, STATION, revoked=True)]
            theirs = [(d.name, d.number) for d in auth.list_devices(s, OTHER)]
        assert sorted(mine, key=str) == sorted([("1号窗口", 1), ("2号窗口", 2), ("", None)],
                                               key=str)
        assert theirs == [("1号窗口", 1)]
        with db.read_conn() as conn:
            who = auth.resolve_token(conn, LEGACY, datetime(2026, 3, 2))
        assert isinstance(who, auth.StationPrincipal)
        assert (who.station_code, who.device_name, who.device_no) == (STATION, "2号窗口", 2)
    finally:
        db.close()
