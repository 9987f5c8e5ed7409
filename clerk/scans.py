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
from pathlib import Path

from clerk.cases.checklist import Scan
from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from clerk.files import write_durably
from clerk.store import Store

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
