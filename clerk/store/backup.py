"""Sealed backups of the station store and its scans, and restoring one into a fresh
data directory.

A backup file is MAGIC, a 4-byte length, a JSON header, the SQLCipher copy of the
database under the store's own key, then every scan as it is kept under ``blobs/``
(sealed with AES-GCM under the key derived from the store key): per scan its raw sha256
(32 bytes), the sealed length (8 bytes) and the sealed bytes. Everything after the
header is encrypted; the header holds no personal data and no key:

- ``fingerprint``: which key opens it (clerk.store.keys.fingerprint);
- ``data_dir``: the folder it was taken from, whose keyring entry opens it on this PC;
- ``recovery``: the recovery-wrapped key (the data dir's RECOVERY_FILENAME), which opens
  it on another PC with the recovery key;
- ``db_bytes`` and ``scans``: the database's length and how many scans follow it.

A backup is read back and checked before it is called done (the database's bytes by
sha256, every scan opened with the key and matched to its sha256). Restoring finds the
key first, checks the database and every scan the same way, and writes nothing where
the station will live until all of it is sound. Backups of the first format
(MAGIC_V1: the database only) are still restored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import struct
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Protocol

from clerk.errors import QT_TRANSLATE_NOOP, StoreError, ValidationError
from clerk.files import TEMP_PREFIX
from clerk.store import keys
from clerk.store.layout import DB_FILENAME

MAGIC = b"STATIONDESK-BACKUP-2\n"
#: The first format: the database only (scans were copied by hand beside it).
MAGIC_V1 = b"STATIONDESK-BACKUP-1\n"
_LENGTH = struct.Struct(">I")
_MAX_HEADER = 1 << 20
_SCAN = struct.Struct(">32sQ")  # raw sha256, sealed length
#: Far above any sealed scan (the station refuses scans over 10 MB): a length beyond it
#: is damage, not a reason to allocate gigabytes.
_MAX_SEALED_SCAN = 64 << 20
_CHUNK = 1 << 20


class SealedScans(Protocol):
    """The station's scans as kept on disk (clerk.scans.LocalBlobs)."""

    def kept(self) -> list[str]:
        """The sha256 of every scan kept."""
        ...

    def path(self, sha256: str) -> Path: ...

    def unseal(self, sha256: str, stored: bytes) -> bytes | None:
        """The scan's content when ``stored`` opens with the key and matches its sha256."""
        ...


def _damaged(source: Path, problem: str) -> StoreError:
    return StoreError(
        QT_TRANSLATE_NOOP("errors", "备份文件 {path} 已损坏（{problem}），没有恢复任何数据。"),
        code="backup.damaged", params={"path": source, "problem": problem})


class _Sink(Protocol):
    def write(self, data: bytes, /) -> int: ...


def _copy_exactly(src: IO[bytes], out: _Sink, size: int) -> str:
    """Copy ``size`` bytes; their sha256. Short input is damage (ValueError)."""
    digest = hashlib.sha256()
    left = size
    while left:
        chunk = src.read(min(_CHUNK, left))
        if not chunk:
            raise ValueError("truncated")
        digest.update(chunk)
        out.write(chunk)
        left -= len(chunk)
    return digest.hexdigest()


def _scan_entries(fh: IO[bytes], count: int) -> Iterator[tuple[str, bytes]]:
    """The ``count`` scans after the database, then the end of the file (ValueError on
    anything else: a cut, a length out of bounds, bytes after the last scan)."""
    for _ in range(count):
        head = fh.read(_SCAN.size)
        if len(head) != _SCAN.size:
            raise ValueError("truncated")
        raw_sha, length = _SCAN.unpack(head)
        if length > _MAX_SEALED_SCAN:
            raise ValueError("scan length out of bounds")
        stored = fh.read(length)
        if len(stored) != length:
            raise ValueError("truncated")
        yield raw_sha.hex(), stored
    if fh.read(1):
        raise ValueError("bytes after the last scan")


def scratch_file(target: Path) -> Path:
    """A fresh temporary name beside ``target`` (swept by clerk.files if left behind)."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX, suffix=".db")
    os.close(fd)
    os.unlink(name)  # SQLCipher creates it; an empty file would be taken as plaintext
    return Path(name)


def discard(path: Path) -> None:
    """Remove a scratch database and whatever SQLite kept beside it (-wal, -shm)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def seal(copy: Path, target: Path, *, key: bytes, data_dir: Path,
         scans: SealedScans) -> None:
    """Write ``target`` (0600): the header, the encrypted ``copy``, the sealed scans;
    fsynced, read back and checked, then renamed into place."""
    shas = scans.kept()
    header = json.dumps({
        "fingerprint": keys.fingerprint(key), "data_dir": str(data_dir.resolve()),
        "recovery": keys.read_recovery_file(data_dir),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "db_bytes": copy.stat().st_size, "scans": len(shas),
    }).encode()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out, copy.open("rb") as src:
            out.write(MAGIC + _LENGTH.pack(len(header)) + header)
            db_sha = _copy_exactly(src, out, copy.stat().st_size)
            for sha in shas:
                stored = _sound_scan(scans, sha)
                out.write(_SCAN.pack(bytes.fromhex(sha), len(stored)) + stored)
            out.flush()
            os.fsync(out.fileno())
        keys.restrict(Path(tmp))
        _check_written(Path(tmp), target, db_sha, scans)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _sound_scan(scans: SealedScans, sha: str) -> bytes:
    """A kept scan's sealed bytes, refused (the backup with it) when they do not open."""
    try:
        stored = scans.path(sha).read_bytes()
    except OSError:
        stored = b""
    if scans.unseal(sha, stored) is None:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "扫描件 {name} 已损坏（无法用本站密钥打开，或内容与"
                                        "名称不符），备份没有生成。请先运行 python -m clerk "
                                        "doctor 查看。"),
            code="backup.scan_damaged", params={"name": sha[:12]})
    return stored


def _check_written(path: Path, target: Path, db_sha: str, scans: SealedScans) -> None:
    """Read the written backup back: the database's bytes as copied, every scan opening
    with the key under its own sha256, nothing more."""
    try:
        header, offset = read_header(path)
        with path.open("rb") as fh:
            fh.seek(offset)
            if _copy_exactly(fh, _Discard(), int(header["db_bytes"])) != db_sha:
                raise ValueError("database bytes differ")
            for sha, stored in _scan_entries(fh, int(header["scans"])):
                if scans.unseal(sha, stored) is None:
                    raise ValueError("a scan does not open")
    except (StoreError, OSError, ValueError, KeyError) as exc:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "备份副本 {target} 校验未通过（{problem}），"
                                        "已删除。请换一个位置（例如另一块磁盘）"
                                        "再备份一次。"),
            code="store.backup_bad", params={"target": target, "problem": exc}) from exc


class _Discard:
    """A sink for bytes only hashed."""

    def write(self, data: bytes) -> int:
        return len(data)


def read_header(source: Path) -> tuple[dict[str, Any], int]:
    """The backup's header and the offset where the database begins."""
    not_backup = StoreError(
        QT_TRANSLATE_NOOP("errors", "{path} 不是 StationDesk 的备份文件（python -m clerk backup "
                                    "生成的文件），没有恢复任何数据。"),
        code="backup.not_backup", params={"path": source})
    try:
        with source.open("rb") as fh:
            magic = fh.read(len(MAGIC))
            if magic not in (MAGIC, MAGIC_V1):
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
    if magic == MAGIC and not (isinstance(header.get("db_bytes"), int)
                               and isinstance(header.get("scans"), int)):
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


def restore(source: Path, data_dir: Path, *, scans: Callable[[Path, bytes], SealedScans],
            recovery_key: str | None = None) -> bytes:
    """Restore ``source`` into ``data_dir`` (which holds no station yet); returns the key.

    ``scans`` makes the scan store of a folder under a key (clerk.scans.LocalBlobs). The
    key is found and checked before anything is written; the database and the scans are
    written beside their places, every one checked, and only then moved in (the scans
    first, the database last: the restore is done once the database is there). The key
    is kept for the new folder and the recovery record copied beside it (the same
    recovery key keeps working). A damaged backup leaves the folder as it was.
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
    created = not data_dir.exists()
    keys.private_dir(data_dir)
    tmp = scratch_file(target)
    staged = Path(tempfile.mkdtemp(dir=data_dir, prefix=TEMP_PREFIX))
    try:
        with source.open("rb") as src:
            src.seek(offset)
            count = _restore_database(src, tmp, header, source)
            problem = file_problem(tmp, key)
            if problem is not None:
                raise _damaged(source, problem)
            _stage_scans(src, count, scans(staged, key), source)
        keys.key_source().set(data_dir.resolve(), key)
        if isinstance(header.get("recovery"), dict):
            keys.write_recovery_file(data_dir, header["recovery"])
        _move_scans(staged, data_dir / "blobs")
        os.replace(tmp, target)
    except BaseException:
        if created:
            shutil.rmtree(data_dir, ignore_errors=True)
        raise
    finally:
        discard(tmp)
        shutil.rmtree(staged, ignore_errors=True)
    return key


def _restore_database(src: IO[bytes], tmp: Path, header: dict[str, Any], source: Path) -> int:
    """Write the backup's database to ``tmp`` (fsynced, 0600); how many scans follow."""
    with tmp.open("wb") as out:
        if "db_bytes" in header:
            try:
                _copy_exactly(src, out, header["db_bytes"])
            except ValueError as exc:
                raise _damaged(source, str(exc)) from exc
            count = int(header["scans"])
        else:  # the first format: the database to the end of the file, no scans
            shutil.copyfileobj(src, out, _CHUNK)
            count = 0
        out.flush()
        os.fsync(out.fileno())
    keys.restrict(tmp)
    return count


def _stage_scans(src: IO[bytes], count: int, staged: SealedScans, source: Path) -> None:
    """Write every scan, as sealed, into the staging folder once it opens with the key
    and matches its sha256; any other scan refuses the whole backup."""
    from clerk.files import write_durably

    try:
        for sha, stored in _scan_entries(src, count):
            if staged.unseal(sha, stored) is None:
                raise ValueError(f"scan {sha[:12]} does not open with the key")
            path = staged.path(sha)
            keys.private_dir(path.parent)
            write_durably(path, stored)
    except ValueError as exc:
        raise _damaged(source, str(exc)) from exc


def _move_scans(staged: Path, blobs: Path) -> None:
    """The checked scans into ``blobs`` (a scan already there is the same content)."""
    for path in sorted(staged.glob("??/*")):
        folder = keys.private_dir(blobs / path.parent.name)
        with contextlib.suppress(FileExistsError):
            if not (folder / path.name).exists():
                os.replace(path, folder / path.name)
    keys.restrict(blobs)
