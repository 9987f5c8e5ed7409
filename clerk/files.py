"""Writing a file so that it is either all there or not there at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_durably(target: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `target`, fsync it, then rename it over
    `target`: a crash leaves the old file or the new one, never half of either (PDFs
    saved for the counter, scans the district will receive)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".stationdesk-",
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
