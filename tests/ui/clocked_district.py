"""The district app for UI tests, served by a real uvicorn subprocess with a clock the
test sets: `STATIONDESK_TEST_CLOCK` names a file holding an ISO timestamp (UTC), read on
every request, so a test moves the district's calendar forward without sleeping.

Run as `python -m uvicorn tests.ui.clocked_district:app --factory`.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from fastapi import FastAPI

from district.app import create_app
from district.config import ENV_DB, Settings

ENV_CLOCK = "STATIONDESK_TEST_CLOCK"


def _file_clock(path: Path):  # type: ignore[no-untyped-def]
    def now() -> datetime:
        try:
            return datetime.fromisoformat(path.read_text().strip())
        except (OSError, ValueError):
            return datetime.now(UTC)
    return now


def app() -> FastAPI:
    clock = _file_clock(Path(os.environ[ENV_CLOCK]))
    # Staff sessions outlive the test's jumps in time.
    return create_app(Settings(db_url=os.environ[ENV_DB], clock=clock,
                               staff_token_hours=24 * 365))
