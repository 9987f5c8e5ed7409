"""Opening the station's SQLite database safely.

WAL, synchronous=FULL (a committed case survives power loss before its receipt prints),
foreign keys, a busy timeout, and `BEGIN IMMEDIATE` for write transactions so two
writers never deadlock on a lock upgrade. Migrations run at open; a database written by
a newer version of the app, or a file that is not a StationDesk database, is refused
before anything is written to it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from clerk.errors import QT_TRANSLATE_NOOP, StoreError
from clerk.store import schema
from clerk.store.jsoncodec import json_text, json_value
from clerk.store.layout import DB_FILENAME


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let us issue BEGIN ourselves (pysqlite's implicit BEGIN is DEFERRED).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _check_file(path: Path) -> None:
    """Refuse a file that is not a readable SQLite database, without modifying it.

    Only the header and the schema are read here, so opening stays instant on a large
    database; the full page-by-page check is `integrity_problem` (run by `audit verify`).
    """
    if not path.exists():
        return
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            con.execute("PRAGMA schema_version").fetchone()
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "数据文件 {path} 不是可用的 StationDesk 数据库（{exc}）。"
                                        "请从备份恢复，或换一个数据目录。"),
            code="store.corrupt", params={"path": path, "exc": exc}) from exc


class Store:
    """The station's local database: one engine, sessions for reads and writes."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self._reads = sessionmaker(engine, expire_on_commit=False)
        self._writes = sessionmaker(
            engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )

    @classmethod
    def open(cls, path: Path | str, *, migrate: bool = True) -> Store:
        """Open (creating if needed) the database at `path` and bring its schema up to date."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_file(path)
        engine = create_engine(f"sqlite:///{path}", future=True, json_serializer=json_text,
                               json_deserializer=json_value)
        _configure_sqlite(engine)
        store = cls(engine, path)
        try:
            schema.check_and_upgrade(engine, migrate=migrate)
        except DBAPIError as exc:
            engine.dispose()
            raise StoreError(
                QT_TRANSLATE_NOOP("errors", "数据文件 {path} 已损坏，无法读取（{orig}）。"
                                            "请从备份恢复。"),
                code="store.corrupt", params={"path": path, "orig": exc.orig}) from exc
        except Exception:
            engine.dispose()
            raise
        return store

    @classmethod
    def open_dir(cls, data_dir: Path | str) -> Store:
        return cls.open(Path(data_dir) / DB_FILENAME)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end).

        Objects read here stay usable afterwards (detached with their loaded values).
        """
        with self._reads() as session:
            try:
                yield session
            finally:
                session.expunge_all()
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction (BEGIN IMMEDIATE); committed durably on normal exit."""
        with self._writes() as session, session.begin():
            yield session

    def backup(self, target: Path | str) -> Path:
        """Copy the live database with SQLite's online backup API (never a file copy)."""
        target = Path(target)
        if target.exists():
            raise StoreError(
                QT_TRANSLATE_NOOP("errors", "备份目标 {target} 已存在，请换一个文件名。"),
                code="store.backup_exists", params={"target": target})
        target.parent.mkdir(parents=True, exist_ok=True)
        raw = self.engine.raw_connection()
        try:
            src = raw.driver_connection
            assert isinstance(src, sqlite3.Connection)
            dst = sqlite3.connect(str(target))
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            raw.close()
        return target

    def integrity_problem(self) -> str | None:
        """SQLite's quick_check over every page: None when the file is sound."""
        try:
            with self.engine.connect() as conn:
                rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
        except DBAPIError as exc:
            return str(exc.orig)
        return None if rows == ["ok"] else "; ".join(rows[:5])

    def close(self) -> None:
        self.engine.dispose()
