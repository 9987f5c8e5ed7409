"""The station store's key: where it is kept, its recovery key, and what is derived from it.

The database is SQLCipher-encrypted with a random 32-byte key. The key lives in the OS
keyring, one entry per data directory; clerk may not import keyring, so a *key source*
is registered through the setuptools entry point group ``stationdesk.keys`` (the keyring
one is ``apiclient.store_keys``). A copy of the key wrapped by a recovery key (shown
once at set-up, typed back with ``python -m clerk unlock``) sits beside the database in
RECOVERY_FILENAME, so a new PC or a lost keyring entry is not lost data.

No personal data and no key ever goes into an error message or a log: only paths and
key fingerprints (a one-way HKDF of the key).
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import json
import os
import secrets
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Protocol

from clerk.errors import QT_TRANSLATE_NOOP, StoreError, ValidationError

KEY_BYTES = 32
ENTRY_POINT_GROUP = "stationdesk.keys"
#: The recovery-wrapped copy of the store key, beside the database.
RECOVERY_FILENAME = "store-key.recovery"
_RECOVERY_RANDOM = 18  # 144 random bits; two more bytes are a checksum against typos
_WRAP_AAD = b"StationDesk store key v1"
#: scrypt's cost: ~0.1 s and 16 MB, paid only when a recovery key is made or typed back.
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}


class KeySource(Protocol):
    """Keeps one store key per data directory (the OS keyring in the product).

    Implementations raise clerk.errors.StoreError with a worded message when they cannot
    be used at all (no keyring backend); ``get`` returns None when there is no entry.
    """

    def get(self, data_dir: Path) -> bytes | None: ...

    def set(self, data_dir: Path, key: bytes) -> None: ...


def key_source() -> KeySource:
    """The registered key source (the first of group ``stationdesk.keys``)."""
    return _find_source()()


@functools.cache
def _find_source() -> Callable[[], KeySource]:
    # Scanning the installed distributions' entry points costs tens of milliseconds:
    # once per process.
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        factory: Callable[[], KeySource] = ep.load()
        return factory
    raise StoreError(
        QT_TRANSLATE_NOOP("errors", "本程序没有安装保存数据库密钥的组件（{group}），无法打开"
                                    "加密的站点数据库。请重新安装 StationDesk。"),
        code="store.no_key_source", params={"group": ENTRY_POINT_GROUP})


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def pragma_key(key: bytes) -> str:
    """SQLCipher's raw key form: no key derivation on each connection."""
    if len(key) != KEY_BYTES:
        raise ValueError("a store key is 32 bytes")
    return f"\"x'{key.hex()}'\""


def _hkdf(key: bytes, info: bytes, length: int = 32) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(key)


def fingerprint(key: bytes) -> str:
    """A one-way name of a key: tells two keys apart without revealing either."""
    return _hkdf(key, b"StationDesk store key fingerprint", 8).hex()


def scan_key(key: bytes) -> bytes:
    """The AES-GCM key of the station's scans, derived from its store key."""
    return _hkdf(key, b"StationDesk scans v1")


def locked_error(data_dir: Path) -> StoreError:
    return StoreError(
        QT_TRANSLATE_NOOP("errors", "本机密钥环中没有数据目录 {data_dir} 的数据库密钥，无法打开"
                                    "加密的站点数据库（数据没有改动）。请用初始化时记下的恢复"
                                    "密钥解锁：python -m clerk unlock --recovery-key "
                                    "XXXX-XXXX-…"),
        code="store.locked", params={"data_dir": data_dir})


def stored_key(data_dir: Path) -> bytes | None:
    """The key the key source holds for ``data_dir`` (None when it holds none)."""
    key = key_source().get(data_dir.resolve())
    if key is not None and len(key) != KEY_BYTES:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "密钥环中数据目录 {data_dir} 的数据库密钥格式不对。"
                                        "请用恢复密钥解锁：python -m clerk unlock "
                                        "--recovery-key …"),
            code="store.bad_key", params={"data_dir": data_dir})
    return key


def key_for_new_store(data_dir: Path) -> bytes:
    """The key a new (or a plaintext, about to be encrypted) store gets: the one already
    kept for this folder (a killed first start left it), else a fresh one, kept first."""
    key = stored_key(data_dir)
    if key is None:
        key = new_key()
        key_source().set(data_dir.resolve(), key)
    return key


# --- the recovery key ---------------------------------------------------------------
def new_recovery_key() -> str:
    """A recovery key people can type: base32 in groups of 4 (ABCD-EFGH-…, 8 groups)."""
    raw = secrets.token_bytes(_RECOVERY_RANDOM)
    return _format(raw + hashlib.sha256(raw).digest()[:2])


def _format(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """The secret in a typed recovery key; spaces, dashes, case and 0/O 1/I/L forgiven."""
    cleaned = "".join(text.split()).replace("-", "").upper()
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError:
        raw = b""
    if len(raw) != _RECOVERY_RANDOM + 2 or hashlib.sha256(
            raw[:_RECOVERY_RANDOM]).digest()[:2] != raw[_RECOVERY_RANDOM:]:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "恢复密钥有误：应为 8 组、每组 4 个字母或数字"
                                        "（如 ABCD-EFGH-…），请逐组核对后重输。"),
            code="recovery.malformed", field="recovery_key")
    return raw[:_RECOVERY_RANDOM]


def _kek(secret: bytes, salt: bytes, params: dict[str, int]) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=params["n"], r=params["r"], p=params["p"]).derive(
        secret)


def wrap(key: bytes, recovery_key: str) -> dict[str, Any]:
    """The store key sealed (AES-GCM) under a key scrypt derives from the recovery key."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    sealed = AESGCM(_kek(parse_recovery_key(recovery_key), salt, _SCRYPT)).encrypt(
        nonce, key, _WRAP_AAD)
    b64 = base64.b64encode
    return {"version": 1, "kdf": "scrypt", **_SCRYPT, "salt": b64(salt).decode(),
            "nonce": b64(nonce).decode(), "sealed": b64(sealed).decode(),
            "fingerprint": fingerprint(key)}


def unwrap(record: dict[str, Any], recovery_key: str) -> bytes:
    """The store key from a wrapped record; a worded refusal for a wrong recovery key."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    secret = parse_recovery_key(recovery_key)
    try:
        params = {k: int(record[k]) for k in ("n", "r", "p")}
        salt, nonce, sealed = (base64.b64decode(record[k]) for k in ("salt", "nonce", "sealed"))
        return AESGCM(_kek(secret, salt, params)).decrypt(nonce, sealed, _WRAP_AAD)
    except InvalidTag:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "恢复密钥不对：它不是这个站点数据库的恢复密钥"
                                        "（数据没有改动）。请核对初始化时打印的恢复密钥单。"),
            code="recovery.wrong", field="recovery_key") from None
    except (KeyError, ValueError, TypeError):
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "恢复密钥文件已损坏，无法用恢复密钥解锁。"),
            code="recovery.file_damaged") from None


def write_recovery_file(data_dir: Path, record: dict[str, Any]) -> Path:
    from clerk.files import write_durably

    target = data_dir / RECOVERY_FILENAME
    write_durably(target, json.dumps(record, indent=1).encode())
    restrict(target)
    return target


def read_recovery_file(data_dir: Path) -> dict[str, Any] | None:
    try:
        record = json.loads((data_dir / RECOVERY_FILENAME).read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "恢复密钥文件 {path} 已损坏，无法用恢复密钥解锁。"),
            code="recovery.file_damaged",
            params={"path": data_dir / RECOVERY_FILENAME}) from None
    return record if isinstance(record, dict) else None


# --- file modes ---------------------------------------------------------------------
def restrict(path: Path) -> None:
    """Owner-only: 0700 for a folder, 0600 for a file (where the platform has modes)."""
    if os.name != "posix":
        return
    with contextlib.suppress(FileNotFoundError):
        path.chmod(0o700 if path.is_dir() else 0o600)


def private_dir(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    restrict(path)
    return path
