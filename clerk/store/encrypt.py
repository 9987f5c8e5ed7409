"""Encrypting an earlier version's plaintext store, once, at its first open.

copy (sqlcipher_export into ``<db>.encrypting``) → verify (integrity_check and every
table's row count against the original) → atomic swap (os.replace). The plaintext WAL is
checkpointed into the main file first and must be gone before the swap, so a process
killed at any moment leaves either the whole old file (encrypted again at the next start,
with the key already kept) or the whole new one — never a plaintext WAL beside an
encrypted database.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from clerk.errors import QT_TRANSLATE_NOOP, StoreError
from clerk.store import keys

SUFFIX = ".encrypting"


def _tmp(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def clean_leftovers(path: Path) -> None:
    """Remove a half-made encrypted copy a killed first start left behind."""
    tmp = _tmp(path)
    for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
        leftover.unlink(missing_ok=True)


def _counts(con: sqlcipher.Connection, schema: str = "main") -> dict[str, int]:
    names = [r[0] for r in con.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {n: con.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0]
            for n in names}


def _failed(path: Path, problem: str) -> StoreError:
    return StoreError(
        QT_TRANSLATE_NOOP("errors", "无法加密数据文件 {path}（{problem}）。原文件没有改动，"
                                    "本程序不会以未加密的方式继续使用它；请检查磁盘空间后"
                                    "重新启动，或联系管理员。"),
        code="store.encrypt_failed", params={"path": path, "problem": problem})


def encrypt_in_place(path: Path, key: bytes) -> None:
    """Replace the plaintext database at ``path`` by its SQLCipher copy under ``key``."""
    tmp = _tmp(path)
    clean_leftovers(path)
    con = sqlcipher.connect(str(path), isolation_level=None)  # no key: plaintext
    try:
        busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy is not None and busy[0] != 0:
            raise _failed(path, "database busy")
        counts = _counts(con)
        user_version = con.execute("PRAGMA user_version").fetchone()[0]
        con.execute(f"ATTACH DATABASE ? AS enc KEY {keys.pragma_key(key)}", (str(tmp),))
        con.execute("SELECT sqlcipher_export('enc')")
        con.execute(f"PRAGMA enc.user_version = {int(user_version)}")
        con.execute("DETACH DATABASE enc")
    except sqlcipher.DatabaseError as exc:
        raise _failed(path, str(exc)) from exc
    finally:
        con.close()
    _verify(tmp, key, counts, path)
    _fsync(tmp)
    _drop_plaintext_wal(path)
    os.replace(tmp, path)
    _fsync_dir(path.parent)
    keys.restrict(path)


def _verify(tmp: Path, key: bytes, counts: dict[str, int], path: Path) -> None:
    from clerk.store.db import connect_encrypted

    try:
        con = connect_encrypted(tmp, key)
        try:
            check = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
            copied = _counts(con)
            con.execute("PRAGMA journal_mode=WAL")
        finally:
            con.close()
    except sqlcipher.DatabaseError as exc:
        tmp.unlink(missing_ok=True)
        raise _failed(path, str(exc)) from exc
    if check != ["ok"] or copied != counts:
        tmp.unlink(missing_ok=True)
        raise _failed(path, "verification: " + ("; ".join(check[:3]) if check != ["ok"]
                                                else "row counts differ"))


def _drop_plaintext_wal(path: Path) -> None:
    """The checkpoint emptied the plaintext WAL and closing removed it; an empty one left
    over is dropped, and any with content stops the swap (it would be read as pages of
    the encrypted file)."""
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if not side.exists():
            continue
        if suffix == "-wal" and side.stat().st_size:
            raise _failed(path, "the write-ahead log is not empty")
        side.unlink()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        _fsync(folder)
