"""A push's transaction on PostgreSQL rides its pipelines (district.db): BEGIN goes with
the reads and COMMIT with the writes, so a group costs two round trips, not four — and
still commits everything or nothing, before its replies are made."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import psycopg
import pytest
from sqlalchemy.exc import IntegrityError

from clerk.calendar import WorkCalendar, seed_years
from clerk.workspace import Workspace
from district import admin, ledger
from district.db import Database, pipeline
from tests.districtkit import empty_pg_database, escalated_case

pytestmark = pytest.mark.postgres

CODE = "110108001001"
RENAME = "UPDATE stations SET name = %(name)s WHERE code = %(code)s"
CAL = WorkCalendar(seed_years())


@pytest.fixture
def db(pg_district_url: str) -> Iterator[Database]:
    empty_pg_database(pg_district_url)
    database = Database(pg_district_url)
    admin.create_station(database, code=CODE, name="测试站", now=datetime.now(UTC))
    yield database
    database.close()


def _seen_elsewhere(db: Database) -> str:
    """The station's name as another session sees it (committed data only)."""
    url = db.url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(url) as other:
        row = other.execute("SELECT name FROM stations WHERE code = %s", (CODE,)).fetchone()
    assert row is not None
    return str(row[0])


def test_one_repeatable_read_transaction_committed_with_its_writes(db: Database) -> None:
    with db.write_conn(pipelined=True) as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        with pipeline(conn, begin=True) as pipe:
            level = pipe.run("SHOW transaction_isolation")
        assert level.fetchone() == ("repeatable read",)
        assert raw.info.transaction_status == psycopg.pq.TransactionStatus.INTRANS
        with pipeline(conn, commit=True) as pipe:
            pipe.run(RENAME, {"name": "改名站", "code": CODE})
        # Durable before the block ends: a push makes its replies here.
        assert raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        assert _seen_elsewhere(db) == "改名站"


def test_a_clash_in_the_committing_pipeline_stores_nothing(db: Database) -> None:
    with pytest.raises(IntegrityError), db.write_conn(pipelined=True) as conn:
        with pipeline(conn, begin=True) as pipe:
            pipe.run(RENAME, {"name": "改名站", "code": CODE})
        with pipeline(conn, commit=True) as pipe:
            pipe.run("INSERT INTO stations (code, name, district_code, created_at) "
                     "VALUES (%(code)s, 'x', '110108', now())", {"code": CODE})
    assert _seen_elsewhere(db) == "测试站"  # the rename went with the clash
    with db.write_conn(pipelined=True) as conn:  # the pooled connection is fine again
        with pipeline(conn, begin=True):
            pass
        with pipeline(conn, commit=True) as pipe:
            pipe.run(RENAME, {"name": "又改名", "code": CODE})
    assert _seen_elsewhere(db) == "又改名"


def test_without_a_committing_pipeline_the_block_still_commits(db: Database) -> None:
    with db.write_conn(pipelined=True) as conn:
        with pipeline(conn, begin=True) as pipe:
            pipe.run(RENAME, {"name": "改名站", "code": CODE})
        assert _seen_elsewhere(db) == "测试站"  # one transaction, still open
    assert _seen_elsewhere(db) == "改名站"


def test_begin_wants_a_pipelined_connection(db: Database) -> None:
    with db.write_conn() as conn, pytest.raises(RuntimeError, match="pipelined"), \
            pipeline(conn, begin=True):
        pass


def test_entries_by_copy_are_committed_after_the_copy(
        db: Database, sws: Workspace, id_factory: Callable[..., str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A large batch's rows follow the pipeline by COPY; COMMIT waits for them."""
    monkeypatch.setattr(ledger, "COPY_FROM", 1)
    rec = escalated_case(sws, id_factory(1))
    received = datetime(2026, 3, 2, 1, 0, 0)
    entries = [ledger.event_row(e, CODE, received) for e in sws.cases.timeline(rec.case_no)]
    url = db.url.replace("postgresql+psycopg://", "postgresql://", 1)
    with db.write_conn(pipelined=True) as conn:
        with pipeline(conn, begin=True):
            pass
        with pipeline(conn, commit=True) as pipe:
            ledger.queue_rows(pipe, new_cases=[ledger.case_values(rec, CAL)],
                              changed_cases=[], entries=entries)
        with psycopg.connect(url) as other:
            stored = other.execute("SELECT count(*) FROM ledger").fetchone()
        assert stored == (len(entries),)


def test_a_connection_lost_before_the_commit_stores_nothing(db: Database) -> None:
    """The server's session ends between the reads and the writes (a restart, a killed
    backend): the committing pipeline fails as a lost connection, nothing is stored, and
    the next write gets a working connection (push_group then judges the batch again)."""
    from sqlalchemy.exc import DBAPIError

    url = db.url.replace("postgresql+psycopg://", "postgresql://", 1)
    with pytest.raises(DBAPIError) as lost, db.write_conn(pipelined=True) as conn:
        with pipeline(conn, begin=True) as pipe:
            pipe.run(RENAME, {"name": "改名站", "code": CODE})
            backend = pipe.run("SELECT pg_backend_pid()")
        with psycopg.connect(url, autocommit=True) as admin_conn:
            admin_conn.execute("SELECT pg_terminate_backend(%s)", (backend.fetchone()[0],))
        with pipeline(conn, commit=True) as pipe:
            pipe.run(RENAME, {"name": "再改名", "code": CODE})
    assert lost.value.connection_invalidated
    assert _seen_elsewhere(db) == "测试站"
    with db.write_conn(pipelined=True) as conn:
        with pipeline(conn, begin=True):
            pass
        with pipeline(conn, commit=True) as pipe:
            pipe.run(RENAME, {"name": "又改名", "code": CODE})
    assert _seen_elsewhere(db) == "又改名"
