"""Scans of materials on the station: files stored once under their sha256.

A clerk scans (or picks) a PDF, PNG or JPEG of a material; it is kept as
`<data dir>/blobs/ab/abcdef…` (written, fsynced and renamed before any event cites it)
and cited from the checklist item as `{"sha256": …, "media_type": …}`. sync uploads the
cited files to the district before the events that cite them.

On disk a scan is sealed with AES-GCM under a key derived from the store key
(clerk.store.keys.scan_key), the sha256 of the plaintext as associated data; it is still
named by that sha256. A plain file an earlier version wrote is still read, and sealed in
place at the first start of this one (`LocalBlobs.seal_plain`).
"""

from __future__ import annotations

import hashlib
import re
import secrets
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from clerk.cases.checklist import Scan
from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from clerk.files import write_durably
from clerk.store import Store
from clerk.store.keys import private_dir, scan_key

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from sqlalchemy.orm import Session

#: The district refuses larger files (district.config max_blob_bytes); refused here first.
MAX_SCAN_BYTES = 10 * 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")

MAGIC = ((b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"),
         (b"\xff\xd8\xff", "image/jpeg"))


#: The first bytes of a sealed scan (never the start of a PDF, PNG or JPEG).
SEALED = b"SDSCAN1\x00"
_NONCE = 12


def media_type_of(data: bytes) -> str | None:
    return next((t for magic, t in MAGIC if data.startswith(magic)), None)


class LocalBlobs:
    """Content-addressed, sealed files under the station's data directory."""

    def __init__(self, root: Path, key: bytes) -> None:
        self.root = root
        self._key = key

    @cached_property
    def _aead(self) -> AESGCM:
        """Made at the first scan sealed or read, not at start: the counter's sign-in
        does not wait for the cryptography import (nor the key derivation)."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        return AESGCM(scan_key(self._key))

    @classmethod
    def of(cls, store: Store) -> LocalBlobs:
        """The scans beside the store's database (in the temp folder for one in memory)."""
        path = store.path
        base = path.parent if path is not None else Path(tempfile.gettempdir())
        if store.key is None:
            raise ValueError("scans are sealed with the store's key: open the store with one")
        return cls(base / "blobs", store.key)

    def _seal(self, sha: str, data: bytes) -> bytes:
        nonce = secrets.token_bytes(_NONCE)
        return SEALED + nonce + self._aead.encrypt(nonce, data, sha.encode())

    def _open(self, sha: str, stored: bytes) -> bytes | None:
        from cryptography.exceptions import InvalidTag

        if not stored.startswith(SEALED):
            return stored  # written by an earlier version, before scans were sealed
        body = stored[len(SEALED):]
        try:
            return self._aead.decrypt(body[:_NONCE], body[_NONCE:], sha.encode())
        except (InvalidTag, ValueError):
            return None

    def path(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError("not a sha256")
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        """Store `data` (durably: written, fsynced, renamed) and return its sha256."""
        if media_type_of(data) is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "只能保存 PDF、PNG 或 JPEG 扫描件。"),
                code="scan.type", field="scan")
        if len(data) > MAX_SCAN_BYTES:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "扫描件不能超过 {megabytes} MB。"),
                code="scan.too_large", field="scan",
                params={"megabytes": MAX_SCAN_BYTES // (1024 * 1024)})
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        if target.exists():
            return sha
        self._write(target, self._seal(sha, data))
        return sha

    def _write(self, target: Path, sealed: bytes) -> None:
        private_dir(target.parent.parent)
        private_dir(target.parent)
        write_durably(target, sealed)  # mkstemp: created 0600

    def get(self, sha256: str) -> bytes | None:
        try:
            return self.unseal(sha256, self.path(sha256).read_bytes())
        except (OSError, ValueError):
            return None

    def unseal(self, sha256: str, stored: bytes) -> bytes | None:
        """The content of a scan kept as ``stored``, or None when it is damaged."""
        data = self._open(sha256, stored)
        # A damaged file must never be sent under the name of the good one.
        return data if data is not None and hashlib.sha256(data).hexdigest() == sha256 else None

    def kept(self) -> list[str]:
        """The sha256 of every scan kept here (what a backup holds)."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.glob("??/*")
                      if _SHA256.match(p.name) and p.is_file())

    def seal_plain(self) -> int:
        """Seal, in place, every scan an earlier version stored in plain; returns how many.

        Each is rewritten durably (temporary file, fsync, rename): a killed start leaves
        it plain or sealed, and the next start carries on. A plain file that no longer
        matches its name is left as it is, for audit verify and doctor to report.
        """
        done = self.root / ".sealed-v1"  # this version never writes a plain scan
        if done.exists() or not self.root.is_dir():
            return 0
        sealed = 0
        for path in sorted(self.root.glob("??/*")):
            if not _SHA256.match(path.name) or not path.is_file():
                continue
            with path.open("rb") as fh:
                if fh.read(len(SEALED)) == SEALED:
                    continue
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() != path.name:
                continue
            self._write(path, self._seal(path.name, data))
            sealed += 1
        write_durably(done, b"")
        return sealed


def keep(blobs: LocalBlobs, data: bytes) -> Scan:
    """Store a scanned file for this station (refused unless PDF, PNG or JPEG, and at
    most MAX_SCAN_BYTES); what a checklist item cites."""
    sha = blobs.put(data)
    media_type = media_type_of(data)
    assert media_type is not None  # put() refused anything else
    return Scan(sha, media_type)


@dataclass(frozen=True)
class ScanProblem:
    sha256: str
    case_no: str
    problem: str  # "missing" | "damaged"


def cited_scans(s: Session) -> dict[str, str]:
    """Every scan some stored event cites, with the (first) case that cites it."""
    from sqlalchemy import String, cast, select

    from clerk.store.models import Case, CaseEvent

    found: dict[str, str] = {}
    rows = s.execute(select(Case.case_no, CaseEvent.payload)
                     .join(Case, Case.id == CaseEvent.case_id)
                     .where(cast(CaseEvent.payload, String).like('%"sha256"%'))
                     .order_by(CaseEvent.pos))
    for case_no, payload in rows:
        for sha in _refs(payload):
            found.setdefault(sha, case_no)
    return found


def _refs(payload: object) -> set[str]:
    found: set[str] = set()
    stack = [payload]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("sha256")
            if isinstance(ref, str) and _SHA256.match(ref):
                found.add(ref)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def scan_problems(store: Store) -> list[ScanProblem]:
    """Cited scans that are missing from the data directory or no longer match their hash."""
    with store.read() as s:
        cited = cited_scans(s)
    blobs = LocalBlobs.of(store)
    problems = []
    for sha, case_no in sorted(cited.items(), key=lambda kv: (kv[1], kv[0])):
        path = blobs.path(sha)
        if not path.exists():
            problems.append(ScanProblem(sha, case_no, "missing"))
        elif blobs.get(sha) is None:
            problems.append(ScanProblem(sha, case_no, "damaged"))
    return problems


def scans_cited_in(payload: object) -> set[str]:
    """The sha256 of every scan an event's payload cites."""
    return _refs(payload)
