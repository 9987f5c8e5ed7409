"""The recovery key: made once at set-up, typed back to unlock the store on a new PC."""

from __future__ import annotations

from pathlib import Path

from clerk.errors import QT_TRANSLATE_NOOP, StoreError
from clerk.store import keys
from clerk.store.layout import DB_FILENAME


def create(data_dir: Path, key: bytes) -> str:
    """A new recovery key for the store under ``key``: its wrapped copy is written beside
    the database (replacing an older one) and the key itself is returned, to be shown
    once and never stored."""
    recovery_key = keys.new_recovery_key()
    keys.write_recovery_file(data_dir, keys.wrap(key, recovery_key))
    return recovery_key


def has_recovery_key(data_dir: Path) -> bool:
    return (data_dir / keys.RECOVERY_FILENAME).exists()


def unlock(data_dir: Path, recovery_key: str) -> None:
    """Put the store key back in the key source from the recovery key.

    Refused, with nothing changed, when there is no database or no recovery file here,
    when the recovery key is not this store's, or when the key does not open the file.
    """
    from clerk.store.db import file_problem

    path = data_dir / DB_FILENAME
    if not path.exists():
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "数据目录 {data_dir} 中没有站点数据库，无需解锁。"
                                        "从备份恢复请用 python -m clerk restore。"),
            code="unlock.no_store", params={"data_dir": data_dir})
    record = keys.read_recovery_file(data_dir)
    if record is None:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "数据目录 {data_dir} 中没有恢复密钥文件（{name}），"
                                        "无法用恢复密钥解锁。请从备份恢复（python -m clerk "
                                        "restore --from 备份文件 --recovery-key …）。"),
            code="unlock.no_file", params={"data_dir": data_dir,
                                           "name": keys.RECOVERY_FILENAME})
    key = keys.unwrap(record, recovery_key)
    problem = file_problem(path, key)
    if problem is not None:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "恢复出的密钥打不开数据文件 {path}（{problem}），"
                                        "密钥环没有改动。请从备份恢复。"),
            code="unlock.failed", params={"path": path, "problem": problem})
    keys.key_source().set(data_dir.resolve(), key)
