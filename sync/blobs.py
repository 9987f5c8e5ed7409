"""Scans on the station and their upload to the district, before the events that cite them.

A scan is stored once under its sha256 (`<data dir>/blobs/ab/abcdef…`). Uploads are
idempotent on the district (PUT by hash); the ones already done are remembered in
`blob_uploads` so a round does not send them again. A scan that cannot be uploaded
(missing here, refused there) holds back the events of its case, never the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC

from sqlalchemy import select

from apiclient.http import SyncError
from clerk.scans import LocalBlobs, media_type_of
from clerk.store.models import BlobUpload
from clerk.workspace import Workspace
from sync.client import DistrictClient


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
        self.blobs = blobs or ws.blobs
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
