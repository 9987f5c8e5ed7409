"""Scans on the station and their upload to the district, before the events that cite them.

A scan is stored once under its sha256 (`<data dir>/blobs/ab/abcdef…`). Uploads are
idempotent on the district (PUT by hash); the ones already done are remembered in
`blob_uploads` so a round does not send them again. A scan that cannot be uploaded
(missing here, refused there) holds back the events of its case, never the others.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

from sqlalchemy import select

from clerk.store.models import BlobUpload
from clerk.workspace import Workspace
from sync.client import DistrictClient, SyncError
from sync.wire import is_sha256

MAGIC = ((b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"),
         (b"\xff\xd8\xff", "image/jpeg"))


def media_type_of(data: bytes) -> str | None:
    return next((t for magic, t in MAGIC if data.startswith(magic)), None)


class LocalBlobs:
    """Content-addressed files under the station's data directory."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def of(cls, ws: Workspace) -> LocalBlobs:
        path = ws.store.path
        base = path.parent if path is not None else Path(tempfile.gettempdir())
        return cls(base / "blobs")

    def path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError("not a sha256")
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        """Store `data` (durably: written, fsynced, renamed) and return its sha256."""
        if media_type_of(data) is None:
            raise ValueError("只能保存 PDF、PNG 或 JPEG 扫描件。")
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        if target.exists():
            return sha
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha

    def get(self, sha256: str) -> bytes | None:
        try:
            data = self.path(sha256).read_bytes()
        except (OSError, ValueError):
            return None
        # A damaged file must never be sent under the name of the good one.
        return data if hashlib.sha256(data).hexdigest() == sha256 else None


@dataclass
class BlobReport:
    uploaded: int = 0
    already: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # sha256 -> why


class BlobUploader:
    """The outbox's gate: makes sure the district has the scans a batch cites."""

    def __init__(self, ws: Workspace, client: DistrictClient, blobs: LocalBlobs | None = None
                 ) -> None:
        self.ws = ws
        self.client = client
        self.blobs = blobs or LocalBlobs.of(ws)
        self.report = BlobReport()

    def __call__(self, needed: set[str]) -> set[str]:
        """Upload what is missing; return the hashes that are still not on the district."""
        with self.ws.store.read() as s:
            done = set(s.execute(select(BlobUpload.sha256)
                                 .where(BlobUpload.sha256.in_(sorted(needed)))).scalars())
        self.report.already += len(done)
        missing: set[str] = set()
        for sha in sorted(needed - done):
            data = self.blobs.get(sha)
            media_type = media_type_of(data) if data is not None else None
            if data is None or media_type is None:
                missing.add(sha)
                self.report.failed[sha] = "本机没有这个扫描件（或文件已损坏）"
                continue
            try:
                self.client.put_blob(sha, data, media_type)
            except SyncError as exc:  # a refusal (4xx); transport errors end the round
                missing.add(sha)
                self.report.failed[sha] = f"{exc.code}: {exc.message}"
                continue
            with self.ws.store.write() as s:
                if s.get(BlobUpload, sha) is None:
                    s.add(BlobUpload(sha256=sha, size=len(data),
                                     uploaded_at=self.ws.now().astimezone(UTC)
                                     .replace(tzinfo=None)))
            self.report.uploaded += 1
        return missing
