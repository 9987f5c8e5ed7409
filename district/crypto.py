"""Column encryption of applicants' ID numbers and phones at the district (issue 14).

A dump of the district database must not show an applicant's ID number or phone. The
key comes from the server's configuration (`STATIONDESK_DISTRICT_KEY`, or a file named
by `STATIONDESK_DISTRICT_KEY_FILE`), never from the database. What is sealed:

* `ledger.payload` as a whole (`SealedText`): events carry the applicant, and notes are
  free text in which a clerk may have typed a phone number. The stored text is exactly
  the canonical JSON that was hashed, so opening it gives the hashed text back.
* inside `cases.data` (`SealedJSON`), the ID numbers and phones of the applicant and
  the agent and every text of the application form (`map_fields`): the rest of the
  projection stays plain JSON, which the review queue and the board query in SQL.
* `cases.applicant_id_hash`: HMAC-SHA256 of the applicant's ID number under a key
  derived from the same configuration, for exact lookup (`lookup_hash`).

A sealed value is ``enc1:<key id>:<base64(nonce ‖ AES-256-GCM ciphertext ‖ tag)>``,
with the column's purpose as associated data (a value copied into another column does
not open). A long value (a ledger payload: JSON of 1-7 KB) is packed with LZ4 before it
is encrypted, spelled ``enc2:`` (`PACKED_PREFIX`): stored in under half the bytes, for
less CPU than the encryption and Base64 of the bytes it saves (a 500-event push writes
and syncs half the pages). The associated data of a packed value says it is packed, so
a prefix changed from one spelling to the other does not open. The key id lets the key
be rotated: the configuration lists the current key first and older keys after it
(``k2:…,k1:…``), and `python -m district admin rotate-key` re-seals every row under
the current key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lz4.block
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import JSON, Dialect, Text
from sqlalchemy.types import TypeDecorator

from clerk.errors import QT_TRANSLATE_NOOP, StoreError

ENV_KEY = "STATIONDESK_DISTRICT_KEY"
ENV_KEY_FILE = "STATIONDESK_DISTRICT_KEY_FILE"
PREFIX = "enc1:"
PACKED_PREFIX = "enc2:"  # nonce ‖ AES-256-GCM(LZ4 block of the plaintext)
_PREFIXES = (PREFIX, PACKED_PREFIX)
# Shorter values (ID numbers, phones, form fields) are not worth packing; nor is one that
# packs no smaller. A packed value opens to at most this many bytes (its own header says
# how many; the header is authenticated, this guards against a bug, not an attacker).
PACK_FROM = 256
_PACKED_MAX = 64 * 1024 * 1024
_PACKED_AAD = b"|lz4"
# Keys whose string values are sealed inside JSON (the same keys privacy.masked masks).
SEALED_KEYS = frozenset({"id_no", "mobile", "phone"})
PAYLOAD_PURPOSE = b"ledger.payload"
FIELD_PURPOSE = b"cases.field"
_KEY_ID = re.compile(r"^[a-z0-9]{1,8}$")
_NONCE = 12

NO_KEY_WORDS = QT_TRANSLATE_NOOP(
    "errors", "区中心没有配置数据加密密钥：请在 /etc/stationdesk/district.env 中设置 "
              "STATIONDESK_DISTRICT_KEY（用 `python -m district admin generate-key` 生成，"
              "并另行妥善保管一份；丢失密钥将无法读取证件号码和电话）。")
BAD_KEY_WORDS = QT_TRANSLATE_NOOP(
    "errors", "数据加密密钥 STATIONDESK_DISTRICT_KEY 格式不对：应为“密钥编号:Base64 编码的 "
              "32 字节”，多个密钥用逗号分隔、当前密钥在前（如 k2:…,k1:…）。")
UNKNOWN_KEY_WORDS = QT_TRANSLATE_NOOP(
    "errors", "数据库中有用密钥“{key_id}”加密的数据，但配置里没有这个密钥：请把旧密钥"
              "保留在 STATIONDESK_DISTRICT_KEY 中（当前密钥之后），数据未被改动。")
DAMAGED_WORDS = QT_TRANSLATE_NOOP(
    "errors", "数据库中一项加密数据无法解密（密钥不符或数据被改动），数据未被改动。")
PLAIN_WORDS = QT_TRANSLATE_NOOP(
    "errors", "数据库中有一项应加密的数据是明文：数据库可能没有完成迁移 d0017。")


class CryptoError(StoreError):
    """The key configuration is missing or wrong, or a stored value does not open."""


def _hkdf(master: bytes, info: bytes) -> bytes:
    """HKDF-SHA256 (RFC 5869) with an empty salt, 32 bytes: one key per use."""
    prk = hmac.new(b"\0" * 32, master, hashlib.sha256).digest()
    return hmac.new(prk, info + b"\x01", hashlib.sha256).digest()


@dataclass(frozen=True)
class _Key:
    key_id: str
    aead: AESGCM
    lookup: bytes  # HMAC key of lookup hashes


def _key(key_id: str, master: bytes) -> _Key:
    return _Key(key_id, AESGCM(_hkdf(master, b"stationdesk district column v1")),
                _hkdf(master, b"stationdesk district lookup v1"))


@dataclass(frozen=True)
class Keyring:
    """The configured keys, the current one first."""

    keys: tuple[_Key, ...]
    by_id: dict[str, _Key] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {k.key_id: k for k in self.keys})

    @property
    def current(self) -> _Key:
        return self.keys[0]

    @classmethod
    def parse(cls, text: str) -> Keyring:
        """``k2:BASE64,k1:BASE64`` (current first); a bare ``BASE64`` is key ``k1``."""
        keys: list[_Key] = []
        for part in (p.strip() for p in text.split(",")):
            key_id, sep, encoded = part.rpartition(":")
            key_id = key_id if sep else "k1"
            try:
                master = base64.b64decode(encoded.strip(), validate=True)
            except (binascii.Error, ValueError):
                master = b""
            if len(master) != 32 or not _KEY_ID.match(key_id) \
                    or any(k.key_id == key_id for k in keys):
                raise CryptoError(BAD_KEY_WORDS, code="crypto.bad_key")
            keys.append(_key(key_id, master))
        return cls(tuple(keys))


def generate_key(key_id: str = "k1") -> str:
    """A new key as the configuration spells it."""
    if not _KEY_ID.match(key_id):
        raise CryptoError(BAD_KEY_WORDS, code="crypto.bad_key")
    return f"{key_id}:{base64.b64encode(secrets.token_bytes(32)).decode('ascii')}"


def configured_text(env: Mapping[str, str] | None = None) -> str | None:
    """The key text of the configuration: the variable, else the file it names."""
    env = os.environ if env is None else env
    text = env.get(ENV_KEY, "").strip()
    if text:
        return text
    path = env.get(ENV_KEY_FILE, "").strip()
    return _key_file_text(path) if path else None


# The key file as last read, by its path and what stat says of it. keyring() is asked
# for every case a push writes: reading the file each time cost ~7% of a push's CPU,
# a stat is a tenth of that, and a file replaced or rewritten is still read again.
_file_seen: list[tuple[tuple[str, int, int, int], str | None]] = []


def _key_file_text(path: str) -> str | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    mark = (path, st.st_mtime_ns, st.st_size, st.st_ino)
    seen = _file_seen[:1]
    if seen and seen[0][0] == mark:
        return seen[0][1]
    try:
        text = Path(path).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None
    _file_seen[:] = [(mark, text)]
    return text


_lock = threading.Lock()
_installed: Keyring | None = None
_source: str | None = None  # the text `_installed` was parsed from


def keyring() -> Keyring:
    """The process's keys, from the configuration (read again if it changed, so a test
    or a command that sets the variable is obeyed); CryptoError if none is configured."""
    global _installed, _source
    text = configured_text()
    if text is None:
        raise CryptoError(NO_KEY_WORDS, code="crypto.no_key")
    ring = _installed
    if ring is not None and text == _source:
        return ring
    with _lock:
        ring = Keyring.parse(text)
        _installed, _source = ring, text
        return ring


def seal(plain: str | bytes, purpose: bytes, ring: Keyring | None = None,
         nonce: bytes | None = None, *, pack: bool = True) -> str:
    """`plain` (text, or its UTF-8 bytes: a push hands over the bytes it hashed) sealed
    under the current key, packed if it is long (`pack=False`: never, as the code before
    packing wrote it). `nonce` is for `Sealer`, which draws fresh ones in bulk."""
    key = (ring or keyring()).current
    data = plain.encode("utf-8") if isinstance(plain, str) else plain
    nonce = os.urandom(_NONCE) if nonce is None else nonce
    prefix = PREFIX
    if pack and len(data) >= PACK_FROM:
        packed = lz4.block.compress(data)  # with its length in front
        if len(packed) < len(data):
            data, purpose, prefix = packed, purpose + _PACKED_AAD, PACKED_PREFIX
    sealed = key.aead.encrypt(nonce, data, purpose)
    # binascii rather than base64's wrappers: this runs for every pushed event.
    text = binascii.b2a_base64(nonce + sealed, newline=False).decode("ascii")
    return f"{prefix}{key.key_id}:{text}"


class Sealer:
    """`seal` for the many values of one batch (one thread): the random nonces are read
    from the OS a few hundred at a time instead of one system call per value. Every
    nonce is still fresh randomness used once."""

    _BULK = 256

    def __init__(self, purpose: bytes, ring: Keyring | None = None) -> None:
        self.purpose = purpose
        self.ring = ring or keyring()
        self._pool = b""
        self._at = 0

    def __call__(self, plain: str | bytes) -> str:
        if self._at >= len(self._pool):
            self._pool = os.urandom(_NONCE * self._BULK)
            self._at = 0
        nonce = self._pool[self._at:self._at + _NONCE]
        self._at += _NONCE
        return seal(plain, self.purpose, self.ring, nonce)


def is_sealed(value: str) -> bool:
    return value.startswith(_PREFIXES)


def is_packed(value: str) -> bool:
    return value.startswith(PACKED_PREFIX)


def key_id_of(value: str) -> str | None:
    if not is_sealed(value):
        return None
    return value[len(PREFIX):].partition(":")[0]  # both prefixes are five characters


def open_sealed(value: str, purpose: bytes, ring: Keyring | None = None) -> str:
    """The plaintext of a sealed value; CryptoError if it is plain, damaged or its key is
    not configured."""
    if not is_sealed(value):
        raise CryptoError(PLAIN_WORDS, code="crypto.plain")
    key_id, _, body = value[len(PREFIX):].partition(":")
    key = (ring or keyring()).by_id.get(key_id)
    if key is None:
        raise CryptoError(UNKNOWN_KEY_WORDS, code="crypto.unknown_key",
                          params={"key_id": key_id[:8]})
    packed = is_packed(value)
    try:
        raw = binascii.a2b_base64(body)
        plain = key.aead.decrypt(raw[:_NONCE], raw[_NONCE:],
                                 purpose + _PACKED_AAD if packed else purpose)
        if packed:
            plain = _unpacked(plain)
        return plain.decode("utf-8")
    except (InvalidTag, binascii.Error, ValueError, lz4.block.LZ4BlockError) as exc:
        raise CryptoError(DAMAGED_WORDS, code="crypto.damaged") from exc


def _unpacked(packed: bytes) -> bytes:
    if len(packed) < 4 or int.from_bytes(packed[:4], "little") > _PACKED_MAX:
        raise ValueError("packed value of an impossible length")
    return lz4.block.decompress(packed)


def normalized_id(id_no: str) -> str:
    return id_no.strip().upper()


def lookup_hash(id_no: str, ring: Keyring | None = None) -> str:
    """The keyed hash (HMAC-SHA256, hex) under which the district finds an ID number:
    `CaseRow.applicant_id_hash == lookup_hash(id_no)`. Spaces around it and the case of
    the check character do not matter."""
    key = (ring or keyring()).current
    return hmac.new(key.lookup, normalized_id(id_no).encode("utf-8"), hashlib.sha256).hexdigest()


def lookup_hashes(id_no: str, ring: Keyring | None = None) -> list[str]:
    """The hash under every configured key: while `rotate-key` runs, rows not yet rotated
    carry the old key's hash (`CaseRow.applicant_id_hash.in_(lookup_hashes(id_no))`)."""
    ring = ring or keyring()
    return [hmac.new(k.lookup, normalized_id(id_no).encode("utf-8"), hashlib.sha256).hexdigest()
            for k in ring.keys]


# --- inside JSON ----------------------------------------------------------------------

PERSON_KEYS = ("applicant", "agent")  # a case's people: their SEALED_KEYS are sealed
FORM_KEY = "form_data"  # the application form: every text in it is sealed


def _map_person(person: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(person, dict):
        return {k: (fn(v) if k in SEALED_KEYS and isinstance(v, str)
                    else _map_person(v, fn) if isinstance(v, dict | list) else v)
                for k, v in person.items()}
    if isinstance(person, list):
        return [_map_person(v, fn) for v in person]
    return person


def _map_texts(value: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, dict):
        return {k: _map_texts(v, fn) for k, v in value.items()}
    if isinstance(value, list):
        return [_map_texts(v, fn) for v in value]
    return value


def map_fields(data: Any, fn: Callable[[str], str]) -> Any:
    """A copy of a case projection with `fn` applied to what is sealed in it: the ID
    numbers and phones of its people (`id_no`, `mobile`, `phone` at any depth of
    `applicant` and `agent`) and every text of its form (form fields such as
    监护人身份证号 have names of their own). Only these parts are walked: the rest of a
    projection (checklist, notices, …) holds no ID numbers or phones by structure, and a
    push seals every changed case."""
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for key in PERSON_KEYS:
        if isinstance(out.get(key), dict | list):
            out[key] = _map_person(out[key], fn)
    if out.get(FORM_KEY):
        out[FORM_KEY] = _map_texts(out[FORM_KEY], fn)
    return out


def seal_fields(data: Any, ring: Keyring | None = None, sealer: Sealer | None = None) -> Any:
    """`data` with its personal fields sealed (by `sealer` if given: a batch's)."""
    if sealer is not None:
        return map_fields(data, sealer)
    ring = ring or keyring()
    return map_fields(data, lambda v: seal(v, FIELD_PURPOSE, ring))


def open_fields(data: Any, ring: Keyring | None = None) -> Any:
    """The inverse of `seal_fields` (CryptoError for a plain or damaged field)."""
    ring = ring or keyring()
    return map_fields(data, lambda v: open_sealed(v, FIELD_PURPOSE, ring))


def field_key_ids(data: Any) -> set[str]:
    """The key ids of the sealed fields of a case projection (a plain field counts as "")."""
    found: set[str] = set()

    def note(value: str) -> str:
        found.add(key_id_of(value) or "")
        return value

    map_fields(data, note)
    return found


# --- column types ---------------------------------------------------------------------


class SealedText(TypeDecorator[str]):
    """A text column stored sealed as a whole (ledger payloads)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else seal(value, PAYLOAD_PURPOSE)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else open_sealed(value, PAYLOAD_PURPOSE)


class SealedJSON(TypeDecorator[Any]):
    """A JSON column whose ID numbers and phones are sealed (case projections); the rest
    stays JSON for SQL paths (``CaseRow.data["limit_days"]``)."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else seal_fields(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else open_fields(value)
