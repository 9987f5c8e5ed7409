"""The district database: SQLite (WAL, BEGIN IMMEDIATE for writes) or PostgreSQL (psycopg 3).

Writers that create what stations pull (district actions, district notes, and pushed
entries, which the station's other devices pull) take one transaction-scoped advisory
lock on PostgreSQL, so the positions they are given commit in order and a pull cursor
can never step over a position committed later. SQLite serialises all writers anyway.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

import psycopg
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.dialects.postgresql import psycopg as postgresql_psycopg
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql import sqltypes

from clerk.store.jsoncodec import json_text, json_value
from district import schema, sealing
from district.config import normalize_db_url

FEED_LOCK = 0x5D_0001  # pg_advisory_xact_lock key of the pull feed
FEED_LOCK_SQL = "SELECT pg_advisory_xact_lock(%(k)s)"  # with {"k": FEED_LOCK}, psycopg style


BUSY_SECONDS = 10.0  # as SQLite's busy_timeout: then "database is locked"


@dataclass
class _WriterLock:
    threads: threading.Lock
    file: int | None  # descriptor of `<database>.writelock`, None where flock is missing
    pid: int = field(default_factory=os.getpid)

    @contextmanager
    def hold(self) -> Iterator[None]:
        if not self.threads.acquire(timeout=BUSY_SECONDS):
            raise OperationalError("BEGIN IMMEDIATE", None,
                                   sqlite3.OperationalError("database is locked"))
        try:
            if self.file is None or fcntl is None:
                yield
                return
            fcntl.flock(self.file, fcntl.LOCK_EX)  # other processes; the GIL is released
            try:
                yield
            finally:
                fcntl.flock(self.file, fcntl.LOCK_UN)
        finally:
            self.threads.release()


_WRITERS: dict[str, _WriterLock] = {}
_WRITERS_GUARD = threading.Lock()


def _writer_lock(database: Path) -> _WriterLock:
    """This process's writer lock of a database file (a forked child opens its own)."""
    key = str(database.resolve())
    with _WRITERS_GUARD:
        lock = _WRITERS.get(key)
        if lock is None or lock.pid != os.getpid():
            file = None if fcntl is None else os.open(f"{key}.writelock",
                                                      os.O_RDWR | os.O_CREAT, 0o600)
            lock = _WRITERS[key] = _WriterLock(threading.Lock(), file)
        return lock


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        # 16 KiB pages for a new database (a no-op on an existing one): case projections
        # and created events are 3-6 KB of JSON each, which on 4 KiB pages spill into
        # overflow pages; a 500-event push then wrote and synced a fifth more bytes.
        cur.execute("PRAGMA page_size=16384")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")  # an acknowledged event survives power loss
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        # Straight to the driver: every transaction passes here, and a statement through
        # SQLAlchemy's execution machinery costs more than SQLite needs to begin.
        conn.connection.dbapi_connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")


# A pooled PostgreSQL connection idle for longer than this is pinged before use (a server
# restart or an idle timeout may have closed it). One returned a moment ago is not: a
# ping at every checkout was a round trip per push, a tenth of a single-event push's
# time. A connection lost within that moment fails its statement as a disconnect, which
# invalidates the pool; a push then judges its batch again (push_group's retry).
PING_IDLE_SECONDS = 1.0


def _ping_idle_connections(engine: Engine) -> None:
    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_conn: Any, record: Any) -> None:
        record.info["checked_in"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("checked_in")
        if since is None or time.monotonic() - since < PING_IDLE_SECONDS:
            return  # a new connection, or one in use a moment ago
        try:
            engine.dialect.do_ping(dbapi_conn)  # outside a transaction, as pool_pre_ping does
        except Exception as exc:  # the pool discards it and checks out another
            raise DisconnectionError("pooled connection lost") from exc


class Pipeline:
    """Statements queued on one PostgreSQL connection in pipeline mode (psycopg): they go
    to the server together and their results come back in one round trip when the
    `pipeline` block ends. The hot path of a push sends its reads in one such block and
    its writes in another, instead of a round trip (and SQLAlchemy's execution machinery)
    per statement. SQL comes from SQLAlchemy statements compiled once (`pg_sql`)."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw  # the psycopg connection
        self._copies: list[tuple[str, list[Sequence[Any]], Sequence[str]]] = []

    def run(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        """Queue one statement; its cursor has the rows once the block has ended."""
        cursor = self._raw.cursor()
        cursor.execute(sql, params)
        return cursor

    def command(self, sql: str) -> None:
        """Queue a transaction command (BEGIN, COMMIT): never prepared, no rows."""
        self._raw.cursor().execute(sql, prepare=False)

    def many(self, sql: str, rows: list[dict[str, Any]]) -> None:
        """Queue one statement per parameter set (prepared once, no rows returned)."""
        if rows:
            self._raw.cursor().executemany(sql, rows)

    def copy(self, sql: str, rows: list[Sequence[Any]], types: Sequence[str] = ()) -> None:
        """`COPY … FROM STDIN` of `rows` (tuples in the statement's column order), sent
        after the queued statements: COPY cannot ride a pipeline, but for hundreds of
        rows its stream costs the driver half the work of one INSERT per row. With
        `types` (one per column, `binary_copy`) it goes in the binary format: neither side
        escapes nor scans the long texts, which the text format does character by
        character."""
        if rows:
            self._copies.append((sql, rows, types))

    def _finish(self) -> None:
        for sql, rows, types in self._copies:
            with self._raw.cursor().copy(sql) as stream:
                if types:
                    stream.set_types(types)
                for row in rows:
                    stream.write_row(row)


def binary_copy(table: Any, columns: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """The statement and the types of a binary `COPY table (columns) FROM STDIN`, for
    `Pipeline.copy`. A column's values go as the driver sends that PostgreSQL type; text
    serves every character column and JSON, whose binary form is their text."""
    types = []
    for name in columns:
        kind = table.c[name].type
        kind = getattr(kind, "impl_instance", kind)  # a TypeDecorator's underlying type
        found = next((pg for sa_type, pg in _BINARY_TYPES if isinstance(kind, sa_type)), None)
        if found is None:
            raise TypeError(f"no binary COPY type for {table.name}.{name} ({kind!r})")
        types.append(found)
    sql = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN (FORMAT BINARY)"
    return sql, tuple(types)


_PG_DIALECT = postgresql_psycopg.dialect()
# SQLAlchemy type -> the type the driver dumps for it in a binary COPY (DateTime before
# Date: neither derives from the other, but keep the specific first), JSON as text.
_BINARY_TYPES: tuple[tuple[type[Any], str], ...] = (
    (sqltypes.DateTime, "timestamp"), (sqltypes.Date, "date"), (sqltypes.Boolean, "bool"),
    (sqltypes.BigInteger, "int8"), (sqltypes.Integer, "int4"), (sqltypes.JSON, "text"),
    (sqltypes.String, "text"))


def pg_sql(statement: Any, columns: list[str] | None = None) -> str:
    """A SQLAlchemy statement as PostgreSQL SQL with %(name)s parameters, for `Pipeline`
    (an INSERT's parameters are its `columns`, named after them). Every parameter must
    be a named bindparam: the caller passes them all (values bound in the statement,
    `column == "x"`, would get generated names nobody passes)."""
    return str(statement.compile(dialect=_PG_DIALECT, column_keys=columns))


_SQLITE_DIALECT = sqlite_dialect.dialect()


class SqliteQuery:
    """A SELECT compiled once for SQLite and run straight on the driver's connection of a
    SQLAlchemy transaction: on a push's hot path SQLAlchemy's execution machinery cost
    several times what SQLite spends on such a lookup (a token 42 -> 4 µs, two entry ids
    56 -> 7 µs, measured). Expanding parameters (`IN`) are widened per call. Values go
    to the driver as they are (strings, numbers), and the rows come back as the driver
    gives them: the caller decodes a typed column. A driver error is raised as SQLAlchemy
    would raise it (OperationalError, IntegrityError: the callers' retries hold)."""

    def __init__(self, statement: Any) -> None:
        compiled = statement.compile(dialect=_SQLITE_DIALECT)
        self.sql = str(compiled)
        self.names: tuple[str, ...] = tuple(compiled.positiontup or ())
        self.expanding = frozenset(n for n in self.names if self._mark(n) in self.sql)

    @staticmethod
    def _mark(name: str) -> str:
        return f"__[POSTCOMPILE_{name}]"

    def rows(self, conn: Connection, params: dict[str, Any]) -> list[Any]:
        sql = self.sql
        values: list[Any] = []
        for name in self.names:
            value = params[name]
            if name in self.expanding:
                sql = sql.replace(self._mark(name), ", ".join("?" * len(value)))
                values.extend(value)
            else:
                values.append(value)
        try:
            return list(_driver(conn).execute(sql, values).fetchall())
        except sqlite3.Error as exc:
            raise DBAPIError.instance(sql, values, exc, sqlite3.Error) from exc


def _driver(conn: Connection) -> sqlite3.Connection:
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def sqlite_many(conn: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """`sql` (`?` parameters) once per row, straight on the driver's connection of the
    SQLAlchemy transaction `conn` (SQLite): the push's writes, whose values the caller
    spells as the column types would. A one-row insert took 11-21 µs through
    `exec_driver_sql` and 3-9 µs here (measured), and a single-event push writes two or
    three such statements. A driver error is raised as SQLAlchemy would raise it (as
    SqliteQuery)."""
    if not rows:
        return
    try:
        _driver(conn).executemany(sql, rows)
    except sqlite3.Error as exc:
        raise DBAPIError.instance(sql, rows, exc, sqlite3.Error) from exc


#: How a pipelined write transaction begins (Database.write_conn): batches judge many
#: rows at once, from one snapshot (a retry sorts out a concurrent writer) rather than a
#: mix of before and after it.
BEGIN_SNAPSHOT = "BEGIN ISOLATION LEVEL REPEATABLE READ"


@contextmanager
def pipeline(conn: Connection, *, begin: bool = False, commit: bool = False
             ) -> Iterator[Pipeline]:
    """Queue statements in the transaction of `conn` (PostgreSQL only); they are sent when
    the block ends. A database error surfaces there as SQLAlchemy would have raised it
    (IntegrityError, OperationalError: the callers' retries stay as they are), and a
    lost connection is invalidated, as SQLAlchemy does for the statements it runs.

    `begin`: the block's statements come after BEGIN_SNAPSHOT, sent with them (a
    connection of `write_conn(pipelined=True)` only). `commit`: COMMIT is sent after
    them, with them unless a COPY follows the block (then after it); either way the block
    ends only once the server has answered it, so what follows may say "stored"."""
    raw = conn.connection.dbapi_connection
    assert raw is not None
    if begin and not raw.autocommit:
        raise RuntimeError("pipeline(begin=True) wants a write_conn(pipelined=True)")
    try:
        with raw.pipeline():
            pipe = Pipeline(raw)
            if begin:
                pipe.command(BEGIN_SNAPSHOT)
            yield pipe
            if commit and not pipe._copies:
                pipe.command("COMMIT")
        pipe._finish()
        if commit and pipe._copies:
            raw.commit()  # psycopg sends COMMIT if the server has a transaction open
    except psycopg.Error as exc:
        lost = conn.dialect.is_disconnect(exc, raw, None)  # type: ignore[arg-type]
        if lost:
            conn.invalidate(exc)
        raise DBAPIError.instance(None, None, exc, psycopg.Error, connection_invalidated=lost,
                                  dialect=conn.dialect) from exc


class Database:
    """One engine and its read and write units of work."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = normalize_db_url(url)
        parsed = make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self._writers: _WriterLock | None = None
        if self.is_sqlite:
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
                self._writers = _writer_lock(Path(parsed.database))
            else:
                self._writers = _WriterLock(threading.Lock(), None)
            self.engine = create_engine(self.url, json_serializer=json_text,
                                        json_deserializer=json_value)
            _configure_sqlite(self.engine)
        else:
            self.engine = create_engine(self.url, pool_size=10, max_overflow=20,
                                        json_serializer=json_text,
                                        json_deserializer=json_value)
            _ping_idle_connections(self.engine)
        try:
            if migrate:
                sealing.check_key_before_upgrade(
                    self.engine, schema.KNOWN_REVISIONS, schema.current_revision(self.engine))
            schema.check_and_upgrade(self.engine, migrate=migrate)
        except Exception:
            self.engine.dispose()
            raise
        self._reads = sessionmaker(self.engine, expire_on_commit=False)
        writer = self.engine.execution_options(sqlite_immediate=True)
        self._writer = writer
        self._writes = sessionmaker(writer, expire_on_commit=False)
        # A push's batches are judged on PostgreSQL in a transaction its pipelines open
        # and end themselves (`pipeline(begin=True)`, `pipeline(commit=True)`): the driver
        # would spend a round trip of its own on each of BEGIN and COMMIT.
        self._pipelined_writer = writer if self.is_sqlite else writer.execution_options(
            isolation_level="AUTOCOMMIT")
        if migrate:  # the data follows an upgrade too (serve's workers only check)
            from district.calendar import settle_clock, settle_provisional_rule

            with self.write() as s:
                settle_provisional_rule(s, datetime.now(UTC))
                settle_clock(s, datetime.now(UTC))

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; objects read stay usable afterwards (detached)."""
        with self._reads() as session:
            try:
                yield session
            finally:
                session.expunge_all()
                session.rollback()

    @contextmanager
    def _serialised(self) -> Iterator[None]:
        """SQLite has one writer at a time. Threads of this process queue on a lock here
        (one per database file, shared by every Database object on it), and processes
        (`serve --workers N`) on an advisory lock of a file beside the database. SQLite's
        own busy handler would make them sleep in steps of up to 100 ms, which under load
        costs far more than the writes themselves; a waiter on these locks wakes the
        moment the writer is done. BEGIN IMMEDIATE still guards correctness against
        writers that take neither lock (a sqlite3 shell)."""
        if self._writers is None:
            yield
            return
        with self._writers.hold():
            yield

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction, committed on normal exit (durably: WAL + synchronous=FULL)."""
        with self._serialised(), self._writes() as session, session.begin():
            yield session

    @contextmanager
    def write_conn(self, *, pipelined: bool = False) -> Iterator[Connection]:
        """A Core write transaction (no ORM session: cheaper for bulk and hot paths).

        `pipelined` (PostgreSQL; the same as without on SQLite): the connection is left
        in autocommit and the caller's first statement must be a `pipeline(conn,
        begin=True)`, which opens the transaction — one snapshot, REPEATABLE READ — with
        its reads, and its last a `pipeline(conn, commit=True)`, which commits with its
        writes; should it not get there, the transaction is committed (or, on an error,
        rolled back) when the block ends, as without."""
        with self._serialised(), \
                (self._pipelined_writer if pipelined else self._writer).begin() as conn:
            yield conn

    @contextmanager
    def read_conn(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def lock_feed(self, session: Session) -> None:
        """Serialise writers of pulled entries until this transaction ends (PostgreSQL)."""
        if not self.is_sqlite:
            session.connection().exec_driver_sql(FEED_LOCK_SQL, {"k": FEED_LOCK})

    def ping(self) -> bool:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True

    def close(self) -> None:
        self.engine.dispose()
