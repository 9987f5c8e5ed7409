"""Opening the station's SQLite database safely, encrypted at rest with SQLCipher 4.

The key is 32 random bytes given in SQLCipher's raw form (``x'…'``, no KDF per connection)
as the first statement of every connection; where it is kept is clerk.store.keys. A
plaintext database left by an earlier version is encrypted once at its first open
(clerk.store.encrypt); nothing else ever reads or writes a plaintext station file.

WAL, synchronous=FULL (a committed case survives power loss before its receipt prints),
foreign keys, a busy timeout, and `BEGIN IMMEDIATE` for write transactions so two
writers never deadlock on a lock upgrade. Migrations run at open; a database written by
a newer version of the app, or a file that is not a StationDesk database, is refused
before anything is written to it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sqlite3
import sys
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from clerk.errors import QT_TRANSLATE_NOOP, StoreError
from clerk.store import keys, schema
from clerk.store.jsoncodec import json_text, json_value
from clerk.store.layout import DB_FILENAME, KNOWN_REVISIONS
from clerk.store.write_turns import WriteTurns

if TYPE_CHECKING:
    from clerk.store.backup import SealedScans

#: The one state a damaged store is in, whatever noticed it (the background check, the
#: check before a backup, or SQLite refusing a page in the middle of some query).
DAMAGED = QT_TRANSLATE_NOOP(
    "errors", "数据库已损坏（{problem}）。为免损坏扩大，本机已停止保存新的数据。"
              "请停止在本机办件，联系管理员用最近的备份恢复（python -m clerk doctor "
              "可查看详情）。")
_CORRUPT_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
#: Errors of either driver: SQLCipher's (the store) and the standard library's (a
#: plaintext file read once to encrypt it).
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
PLAINTEXT_HEADER = b"SQLite format 3\x00"
#: Each connection's page cache (KiB of decrypted pages; see _configure_sqlite).
CACHE_KIB = 8 * 1024
#: The page cache of the connection running the integrity check (it reads each page once).
CHECK_CACHE_KIB = 512


def connect_encrypted(path: Path | str, key: bytes, *, read_only: bool = False,
                      timeout: float = 5.0) -> sqlcipher.Connection:
    """A SQLCipher connection to ``path`` with ``key`` applied first (nothing read yet)."""
    target = f"file:{path}?mode=ro" if read_only else str(path)
    con = sqlcipher.connect(target, uri=read_only, timeout=timeout,
                            check_same_thread=False)
    con.execute(f"PRAGMA key = {keys.pragma_key(key)}")
    return con


def is_plaintext(path: Path) -> bool:
    """Whether ``path`` is an unencrypted SQLite file (an earlier version's store)."""
    try:
        with path.open("rb") as fh:
            return fh.read(16) == PLAINTEXT_HEADER
    except OSError:
        return False


def is_corruption(exc: BaseException) -> bool:
    """Whether SQLite says the file itself is damaged (not a lock, not a constraint)."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, DB_ERRORS):
        return False
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _CORRUPT_CODES:
        return True
    text = str(orig).lower()
    return "malformed" in text or "not a database" in text


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlcipher.Connection, _record: Any) -> None:
        # Let us issue BEGIN ourselves (pysqlite's implicit BEGIN is DEFERRED).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        # SQLCipher decrypts and HMAC-checks a page each time SQLite reads it from the
        # file (~30 µs, where a plaintext page was a memcpy from the OS cache), so what
        # the page cache holds is what is not decrypted again. The case list's hot pages
        # are its indexes (migration 0010); 8 MB (this build's default, set here so the
        # integrity check can give it back) measured as fast as 16 or 32 MB in the ui
        # bench and keeps the station within its 250 MB. The pool hands out the most
        # recently used connection (pool_use_lifo), the one whose cache is warm.
        cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _check_shape(path: Path) -> None:
    """Refuse, before any key is looked up, a file that cannot be a database: empty, or
    not whole pages (SQLite and SQLCipher files are a multiple of 512 bytes)."""
    size = path.stat().st_size
    if size == 0:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "数据文件 {path} 是空的（0 字节），不是可用的 "
                                        "StationDesk 数据库，本程序没有改动它。请从备份恢复，"
                                        "或换一个数据目录。"),
            code="store.empty", params={"path": path})
    if size % 512 and not is_plaintext(path):
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "数据文件 {path} 不是可用的 StationDesk 数据库（{exc}）。"
                                        "请从备份恢复，或换一个数据目录。"),
            code="store.corrupt", params={"path": path, "exc": "not whole pages"})


def _check_file(path: Path, key: bytes | None) -> None:
    """Refuse a file that is not a readable StationDesk database, without modifying it.

    Everything here is read-only (`mode=ro`): an empty file, a damaged one, another
    program's database, one the key does not open or one from a newer version is
    refused before the engine's connect hook switches its journal mode. Only the header
    and the schema are read, so opening stays instant on a large database; the
    page-by-page check runs in the background (`Store.check_in_background`). ``key`` is
    None only for a plaintext file about to be encrypted.
    """
    if not path.exists():
        return
    _check_shape(path)
    try:
        con = (sqlite3.connect(f"file:{path}?mode=ro", uri=True) if key is None
               else connect_encrypted(path, key, read_only=True))
        try:
            con.execute("PRAGMA schema_version").fetchone()
            tables = {r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            rev = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                rev = row[0] if row else None
        finally:
            con.close()
    except DB_ERRORS as exc:
        if key is not None and _wrong_key(path, key):
            raise StoreError(
                QT_TRANSLATE_NOOP("errors", "密钥环中的密钥打不开数据文件 {path}（它属于另一个"
                                            "数据库），数据没有改动。请用恢复密钥解锁："
                                            "python -m clerk unlock --recovery-key …"),
                code="store.wrong_key", params={"path": path}) from exc
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "数据文件 {path} 不是可用的 StationDesk 数据库（{exc}）。"
                                        "请从备份恢复，或换一个数据目录。"),
            code="store.corrupt", params={"path": path, "exc": exc}) from exc
    if tables and "alembic_version" not in tables:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "这个数据库不是由 {product} 创建的（没有版本"
                                        "信息）。请换一个数据目录或空数据库。"),
            code="store.foreign", params={"product": "StationDesk"})
    if rev is not None and rev not in KNOWN_REVISIONS:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "数据库版本 {rev} 来自更新版本的 {product}，"
                                        "本程序无法安全使用它。请升级 {product2} 后再打开，"
                                        "数据未被改动。"),
            code="store.newer",
            params={"rev": rev, "product": "StationDesk", "product2": "StationDesk"})


def _wrong_key(path: Path, key: bytes) -> bool:
    """Whether the recovery file beside ``path`` names another key than ``key``."""
    try:
        record = keys.read_recovery_file(path.parent)
    except StoreError:
        return False
    return record is not None and record.get("fingerprint") != keys.fingerprint(key)


def _engine(path: Path, key: bytes) -> Engine:
    # The creator keys each new connection before SQLAlchemy or our hooks read a page;
    # the file URL keeps SQLAlchemy's file pool (QueuePool), not the in-memory one.
    engine = create_engine(f"sqlite:///{path}", module=sqlcipher, future=True,
                           creator=lambda: connect_encrypted(path, key), pool_use_lifo=True,
                           json_serializer=json_text, json_deserializer=json_value)
    _configure_sqlite(engine)
    return engine


def _resolve_key(path: Path) -> bytes:
    """The key of the store at ``path``: kept in the key source, made for a new store."""
    if not path.exists() or is_plaintext(path):
        return keys.key_for_new_store(path.parent)
    key = keys.stored_key(path.parent)
    if key is None:
        raise keys.locked_error(path.parent)
    return key


def restrict_files(path: Path) -> None:
    """0600 on the database and its WAL/shm, 0700 on its folder (once they exist)."""
    keys.restrict(path.parent)
    for suffix in ("", "-wal", "-shm", "-journal"):
        keys.restrict(path.with_name(path.name + suffix))


def _close_at_exit(ref: weakref.ref[Store], pid: int) -> None:
    """Close a store still open when the interpreter exits, before its teardown: the
    background check, left reading, decrypted pages while the process was tearing down
    what SQLCipher's cipher needs, and the process died (SIGSEGV) instead of ending.
    The window and the command line close their store; this covers every other exit.
    A forked child leaves its parent's store alone."""
    store = ref()
    if store is not None and os.getpid() == pid:
        store.close()


class Store:
    """The station's local database: one engine, sessions for reads and writes."""

    def __init__(self, engine: Engine, path: Path | None, key: bytes | None = None) -> None:
        self.engine = engine
        self.path = path
        #: The SQLCipher key (what the scans' key is derived from).
        self.key = key
        self._reads = sessionmaker(engine, expire_on_commit=False)
        self._writes = sessionmaker(
            engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )
        self.damage: str | None = None  # set once: the store then refuses every write
        self.turns = WriteTurns()  # this process's writers, in the order they asked
        self._check: threading.Thread | None = None
        self._checking: Any = None  # the background check's connection while it runs
        self._closing = False
        self._at_exit = partial(_close_at_exit, weakref.ref(self), os.getpid())
        atexit.register(self._at_exit)

    @classmethod
    def open(cls, path: Path | str, *, migrate: bool = True, key: bytes | None = None
             ) -> Store:
        """Open (creating if needed) the database at `path` and bring its schema up to date.

        ``key`` None: the key source's key for the folder (a new one for a new store).
        A plaintext store from an earlier version is checked, then encrypted first.
        """
        from clerk.store import encrypt

        path = Path(path)
        keys.private_dir(path.parent)
        encrypt.clean_leftovers(path)
        if path.exists():
            _check_shape(path)
        if is_plaintext(path):
            _check_file(path, None)
        key = key if key is not None else _resolve_key(path)
        if is_plaintext(path):
            encrypt.encrypt_in_place(path, key)
        _check_file(path, key)
        engine = _engine(path, key)
        store = cls(engine, path, key)
        try:
            schema.check_and_upgrade(engine, migrate=migrate)
        except DBAPIError as exc:
            store.close()
            raise StoreError(
                QT_TRANSLATE_NOOP("errors", "数据文件 {path} 已损坏，无法读取（{orig}）。"
                                            "请从备份恢复。"),
                code="store.corrupt", params={"path": path, "orig": exc.orig}) from exc
        except Exception:
            store.close()
            raise
        restrict_files(path)
        store.check_in_background()
        return store

    @classmethod
    def open_dir(cls, data_dir: Path | str, *, key: bytes | None = None) -> Store:
        return cls.open(Path(data_dir) / DB_FILENAME, key=key)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end).

        Objects read here stay usable afterwards (detached with their loaded values).
        """
        with self._worded(), self._reads() as session:
            try:
                yield session
            finally:
                session.expunge_all()
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction (BEGIN IMMEDIATE); committed durably on normal exit.

        Refused once the store is known to be damaged: writing on into a malformed file
        spreads the damage and hides it from the next backup.
        """
        self.wait_for_check()
        self.refuse_if_damaged()
        with self.turns.turn(), self._worded(), self._writes() as session, session.begin():
            yield session

    def writers_waiting(self) -> bool:
        """Whether another thread of this process waits to write (a long write ends its
        transaction early for it: see clerk.store.write_turns)."""
        return self.turns.waiting() > 0

    # --- damage ---------------------------------------------------------------------
    @contextmanager
    def _worded(self) -> Iterator[None]:
        """Turn SQLite's corruption errors, wherever they surface, into the damaged state."""
        try:
            yield
        except (DBAPIError, sqlite3.DatabaseError, sqlcipher.DatabaseError) as exc:
            if not is_corruption(exc):
                raise
            self.mark_damaged(str(getattr(exc, "orig", exc)))
            raise self.damaged_error() from exc

    def mark_damaged(self, problem: str) -> None:
        if self.damage is None:
            self.damage = problem or "malformed"

    def damaged_error(self) -> StoreError:
        return StoreError(DAMAGED, code="store.damaged", params={"problem": self.damage or ""})

    def refuse_if_damaged(self) -> None:
        if self.damage is not None:
            raise self.damaged_error()

    def check_in_background(self) -> None:
        """Run `quick_check` over every page in a thread; a problem marks the store damaged.

        Started at open so a damaged file is found before the clerk's first save, without
        making the window wait for it (the check reads; it blocks no one).
        """
        if self.path is None or self._check is not None:
            return
        self._check = threading.Thread(target=self._run_check, name="stationdesk-check",
                                       daemon=True)
        self._check.start()

    def _run_check(self) -> None:
        _yield_to_foreground()
        if self._closing:
            return
        try:
            problem = self.integrity_problem(background=True)
        except Exception:  # busy, closed, interrupted: not damage; the next check decides
            return
        if problem is not None:
            self.mark_damaged(problem)

    @property
    def closing(self) -> bool:
        """Whether `close` was called: work in steps stops before its next step."""
        return self._closing

    @property
    def checking(self) -> bool:
        """Whether the background integrity check is still running (a write waits)."""
        thread = self._check
        return thread is not None and thread.is_alive()

    def wait_for_check(self) -> None:
        thread = self._check
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def backup(self, target: Path | str, *, scans: SealedScans) -> Path:
        """A sealed backup (clerk.store.backup): SQLite's online backup API copies the live
        database into a SQLCipher file under the same key (never a file copy, never
        plaintext), checked, then wrapped with the sealed ``scans`` and what restoring
        it needs, and read back."""
        from clerk.store import backup as sealed

        assert self.key is not None and self.path is not None
        target = Path(target)
        if target.exists():
            raise StoreError(
                QT_TRANSLATE_NOOP("errors", "备份目标 {target} 已存在，请换一个文件名。"),
                code="store.backup_exists", params={"target": target})
        # A copy of a damaged file is no backup: check before, and refuse.
        self.wait_for_check()
        problem = self.integrity_problem()
        if problem is not None:
            self.mark_damaged(problem)
        self.refuse_if_damaged()
        target.parent.mkdir(parents=True, exist_ok=True)
        copy = sealed.scratch_file(target)
        try:
            raw = self.engine.raw_connection()
            try:
                src = raw.driver_connection
                assert isinstance(src, sqlcipher.Connection)
                dst = connect_encrypted(copy, self.key)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                raw.close()
            copy_problem = file_problem(copy, self.key)
            if copy_problem is not None:
                raise StoreError(
                    QT_TRANSLATE_NOOP("errors", "备份副本 {target} 校验未通过（{problem}），"
                                                "已删除。请换一个位置（例如另一块磁盘）"
                                                "再备份一次。"),
                    code="store.backup_bad", params={"target": target, "problem": copy_problem})
            sealed.seal(copy, target, key=self.key, data_dir=self.path.parent, scans=scans)
        finally:
            sealed.discard(copy)
        return target

    def integrity_problem(self, *, background: bool = False) -> str | None:
        """SQLite's quick_check over every page: None when the file is sound.

        A busy or locked database is not a damaged one: that error propagates.
        ``background``: the check `close` may interrupt.
        """
        try:
            with self.engine.connect() as conn:
                if background:
                    self._checking = conn.connection.driver_connection
                # Every page is read once: a page cache only holds memory (the pool keeps
                # this connection), and would push the lists' warm pages out of it.
                conn.exec_driver_sql(f"PRAGMA cache_size=-{CHECK_CACHE_KIB}")
                try:
                    rows = [r[0] for r in
                            conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
                finally:
                    self._checking = None
                    conn.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KIB}")
        except DBAPIError as exc:
            if is_corruption(exc):
                return str(exc.orig)
            raise
        return None if rows == ["ok"] else "; ".join(rows[:5])

    def close(self) -> None:
        # Closing does not wait out the rest of a background check (on the encrypted
        # store of 100,000 cases it runs for seconds): it is interrupted, which is not
        # damage; the next start checks again.
        self._closing = True
        thread = self._check
        while thread is not None and thread.is_alive() and thread is not threading.current_thread():
            # Again until it ends: SQLite drops an interrupt that arrives before the
            # check's statement has started.
            checking = self._checking
            if checking is not None:
                checking.interrupt()
            thread.join(0.05)
        self.engine.dispose()
        atexit.unregister(self._at_exit)


#: The background check's niceness on Linux (0 normal, 19 lowest): low enough that the
#: clerk's own queries win a busy CPU, not so low that the first save, which waits for
#: the check, starves behind other programs.
CHECK_NICE = 10


def _yield_to_foreground() -> None:
    """Lower the calling thread's CPU priority below the window's.

    On the encrypted store the check decrypts and authenticates every page (on 100,000
    cases ~12 s of CPU, against ~1 s for the plaintext store of earlier versions), so it
    is still running when the clerk signs in; on a two-core counter PC it took the core
    the case list's first page needed (issue 14). Linux gives each thread its own nice
    value; Windows has thread priorities; elsewhere the check runs as it did.
    """
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        kernel32.SetThreadPriority(kernel32.GetCurrentThread(), -1)  # BELOW_NORMAL
    elif sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), CHECK_NICE)


def file_problem(path: Path, key: bytes) -> str | None:
    """`quick_check` of an encrypted database file opened read-only: None when sound."""
    try:
        con = connect_encrypted(path, key, read_only=True)
        try:
            rows = [r[0] for r in con.execute("PRAGMA quick_check").fetchall()]
        finally:
            con.close()
    except DB_ERRORS as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows[:5])
