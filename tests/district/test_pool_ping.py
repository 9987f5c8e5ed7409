"""PostgreSQL pool: a connection idle a while is pinged before use, a busy one is not."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from district import db as dbmod

pytestmark = pytest.mark.postgres


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _pings(database: dbmod.Database, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = database.engine.dialect.do_ping

    def counting(conn: Any) -> bool:
        calls.append(1)
        return bool(real(conn))

    monkeypatch.setattr(database.engine.dialect, "do_ping", counting)
    return calls


def test_connection_lost_while_idle_is_replaced(pg_district_url: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    database = dbmod.Database(pg_district_url, migrate=False)
    try:
        with database.read_conn() as conn:
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with psycopg.connect(_plain(pg_district_url), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        monkeypatch.setattr(dbmod, "PING_IDLE_SECONDS", 0.0)  # "idle long enough"
        pings = _pings(database, monkeypatch)
        with database.read_conn() as conn:  # the dead one is discarded, a new one used
            assert conn.exec_driver_sql("SELECT pg_backend_pid()").scalar() != pid
        assert pings
    finally:
        database.close()


def test_connection_back_a_moment_ago_is_not_pinged(pg_district_url: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    database = dbmod.Database(pg_district_url, migrate=False)
    try:
        with database.read_conn() as conn:
            conn.exec_driver_sql("SELECT 1")
        monkeypatch.setattr(dbmod, "PING_IDLE_SECONDS", 3600.0)
        pings = _pings(database, monkeypatch)
        for _ in range(3):
            with database.write_conn() as conn:
                conn.exec_driver_sql("SELECT 1")
        assert pings == []
    finally:
        database.close()
