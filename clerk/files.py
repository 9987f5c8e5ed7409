"""Writing a file so that it is either all there or not there at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

TEMP_PREFIX = ".stationdesk-"
#: A temporary file this old was left by a write that was killed (a live write renames
#: its file within seconds): safe to remove.
STALE_AFTER_SECONDS = 10 * 60


def write_durably(target: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `target`, fsync it, then rename it over
    `target`: a crash leaves the old file or the new one, never half of either (PDFs
    saved for the counter, scans the district will receive). Temporary files left in
    that folder by an earlier, killed write are removed first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temps([target.parent])
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX,
                               suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def clean_stale_temps(folders: Iterable[Path], *, now: float | None = None) -> int:
    """Remove `.stationdesk-*` files older than STALE_AFTER_SECONDS; returns how many."""
    limit = (time.time() if now is None else now) - STALE_AFTER_SECONDS
    removed = 0
    for folder in folders:
        try:
            candidates = list(folder.glob(TEMP_PREFIX + "*"))
        except OSError:
            continue
        for path in candidates:
            with contextlib.suppress(OSError):
                if path.is_file() and path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
    return removed
