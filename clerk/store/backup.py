"""Sealed backups of the station store, and restoring one into a fresh data directory.

A backup file is MAGIC, a 4-byte length, a JSON header, then the SQLCipher copy of the
database under the store's own key (the bytes are encrypted; the header holds no
personal data and no key):

- ``fingerprint``: which key opens it (clerk.store.keys.fingerprint);
- ``data_dir``: the folder it was taken from, whose keyring entry opens it on this PC;
- ``recovery``: the recovery-wrapped key (the data dir's RECOVERY_FILENAME), which opens
  it on another PC with the recovery key.

Restoring finds the key first and writes nothing until it has one that matches.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from clerk.errors import QT_TRANSLATE_NOOP, StoreError, ValidationError
from clerk.files import TEMP_PREFIX
from clerk.store import keys
from clerk.store.layout import DB_FILENAME

MAGIC = b"STATIONDESK-BACKUP-1\n"
_LENGTH = struct.Struct(">I")
_MAX_HEADER = 1 << 20


def scratch_file(target: Path) -> Path:
    """A fresh temporary name beside ``target`` (swept by clerk.files if left behind)."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX, suffix=".db")
    os.close(fd)
    os.unlink(name)  # SQLCipher creates it; an empty file would be taken as plaintext
    return Path(name)


def seal(copy: Path, target: Path, *, key: bytes, data_dir: Path) -> None:
    """Write ``target`` (0600): the header, then the encrypted ``copy``; fsynced, renamed."""
    header = json.dumps({
        "fingerprint": keys.fingerprint(key), "data_dir": str(data_dir.resolve()),
        "recovery": keys.read_recovery_file(data_dir),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }).encode()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out, copy.open("rb") as src:
            out.write(MAGIC + _LENGTH.pack(len(header)) + header)
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        keys.restrict(Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_header(source: Path) -> tuple[dict[str, Any], int]:
    """The backup's header and the offset where the database begins."""
    not_backup = StoreError(
        QT_TRANSLATE_NOOP("errors", "{path} 不是 StationDesk 的备份文件（python -m clerk backup "
                                    "生成的文件），没有恢复任何数据。"),
        code="backup.not_backup", params={"path": source})
    try:
        with source.open("rb") as fh:
            if fh.read(len(MAGIC)) != MAGIC:
                raise not_backup
            (length,) = _LENGTH.unpack(fh.read(_LENGTH.size))
            if length > _MAX_HEADER:
                raise not_backup
            header = json.loads(fh.read(length))
    except FileNotFoundError:
        raise StoreError(QT_TRANSLATE_NOOP("errors", "找不到备份文件 {path}。"),
                         code="backup.missing", params={"path": source}) from None
    except (OSError, ValueError, struct.error):
        raise not_backup from None
    if not isinstance(header, dict) or not isinstance(header.get("fingerprint"), str):
        raise not_backup
    return header, len(MAGIC) + _LENGTH.size + length


def backup_key(header: dict[str, Any], recovery_key: str | None) -> bytes:
    """The key of a backup: from its recovery record and ``recovery_key`` when given,
    else this PC's keyring entry for the folder it was taken from."""
    key: bytes | None
    if recovery_key is not None:
        record = header.get("recovery")
        if not isinstance(record, dict):
            raise StoreError(
                QT_TRANSLATE_NOOP("errors", "这份备份生成时本站还没有恢复密钥，只能在原电脑上"
                                            "（密钥环中有原数据库密钥）恢复。"),
                code="backup.no_recovery")
        key = keys.unwrap(record, recovery_key)
    else:
        origin = header.get("data_dir")
        key = keys.stored_key(Path(origin)) if isinstance(origin, str) else None
        if key is None or keys.fingerprint(key) != header["fingerprint"]:
            raise StoreError(
                QT_TRANSLATE_NOOP("errors", "本机密钥环中没有这份备份的密钥，无法恢复（没有写入"
                                            "任何数据）。请加上初始化时记下的恢复密钥："
                                            "--recovery-key XXXX-XXXX-…"),
                code="backup.no_key")
    assert key is not None
    if keys.fingerprint(key) != header["fingerprint"]:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "恢复密钥不对：它不是这份备份的恢复密钥（没有写入任何"
                                        "数据）。"),
            code="recovery.wrong", field="recovery_key")
    return key


def restore(source: Path, data_dir: Path, *, recovery_key: str | None = None) -> bytes:
    """Restore ``source`` into ``data_dir`` (which holds no station yet); returns the key.

    The key is found and checked before anything is written; the database is written,
    checked and renamed into place, then the key is kept for the new folder and the
    recovery record copied beside it (the same recovery key keeps working).
    """
    from clerk.store.db import file_problem

    target = data_dir / DB_FILENAME
    if target.exists():
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "数据目录 {data_dir} 中已有站点数据库，恢复不会覆盖它。"
                                        "请指定一个新的空数据目录（--data-dir）。"),
            code="backup.target_exists", params={"data_dir": data_dir})
    header, offset = read_header(source)
    key = backup_key(header, recovery_key)
    keys.private_dir(data_dir)
    tmp = scratch_file(target)
    try:
        with source.open("rb") as src, tmp.open("wb") as out:
            src.seek(offset)
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        keys.restrict(tmp)
        problem = file_problem(tmp, key)
        if problem is not None:
            raise StoreError(
                QT_TRANSLATE_NOOP("errors", "备份文件 {path} 已损坏（{problem}），没有恢复任何"
                                            "数据。"),
                code="backup.damaged", params={"path": source, "problem": problem})
        keys.key_source().set(data_dir.resolve(), key)
        if isinstance(header.get("recovery"), dict):
            keys.write_recovery_file(data_dir, header["recovery"])
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return key
