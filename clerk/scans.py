"""Scans of materials on the station: files stored once under their sha256.

A clerk scans (or picks) a PDF, PNG or JPEG of a material; it is kept as
`<data dir>/blobs/ab/abcdef…` (written, fsynced and renamed before any event cites it)
and cited from the checklist item as `{"sha256": …, "media_type": …}`. sync uploads the
cited files to the district before the events that cite them.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from clerk.cases.checklist import Scan
from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from clerk.files import write_durably
from clerk.store import Store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: The district refuses larger files (district.config max_blob_bytes); refused here first.
MAX_SCAN_BYTES = 10 * 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")

MAGIC = ((b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"),
         (b"\xff\xd8\xff", "image/jpeg"))


def media_type_of(data: bytes) -> str | None:
    return next((t for magic, t in MAGIC if data.startswith(magic)), None)


class LocalBlobs:
    """Content-addressed files under the station's data directory."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def of(cls, store: Store) -> LocalBlobs:
        """The scans beside the store's database (in the temp folder for one in memory)."""
        path = store.path
        base = path.parent if path is not None else Path(tempfile.gettempdir())
        return cls(base / "blobs")

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
        write_durably(target, data)
        return sha

    def get(self, sha256: str) -> bytes | None:
        try:
            data = self.path(sha256).read_bytes()
        except (OSError, ValueError):
            return None
        # A damaged file must never be sent under the name of the good one.
        return data if hashlib.sha256(data).hexdigest() == sha256 else None


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
