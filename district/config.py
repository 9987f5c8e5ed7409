"""Settings of the district service: where its database lives and the limits it enforces.

Everything a worker needs comes from here (and from the database), so several uvicorn
workers started from the same environment behave identically.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ENV_DB = "STATIONDESK_DISTRICT_DB"
ENV_DATA_DIR = "STATIONDESK_DISTRICT_DATA_DIR"
DB_FILENAME = "district.sqlite3"
BLOB_TYPES = ("image/jpeg", "image/png", "application/pdf")


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("StationDesk-District", appauthor=False))


def default_db_url() -> str:
    env = os.environ.get(ENV_DB)
    if env:
        return env
    return f"sqlite:///{default_data_dir() / DB_FILENAME}"


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Settings:
    db_url: str = field(default_factory=default_db_url)
    max_batch: int = 500  # events + notes per push (DESIGN section 8)
    max_body_bytes: int = 16 * 1024 * 1024  # any request body
    max_blob_bytes: int = 10 * 1024 * 1024
    blob_types: tuple[str, ...] = BLOB_TYPES
    max_pull: int = 1000
    staff_token_hours: int = 12
    enrollment_days: int = 7
    progress_per_minute: int = 20  # lookups per client address
    # Wrong guesses (password, last 4 digits) free of delay per (subject, address); then
    # growing delays up to throttle_max_delay seconds (district.ratelimit, README).
    free_failures: int = 3
    throttle_max_delay: float = 30.0
    # Password checks (argon2) at once per worker: the rest wait without holding a thread.
    password_workers: int = field(default_factory=lambda: max(1, (os.cpu_count() or 2) // 2))
    yellow_ratio: float = 0.8
    # 全区通办 lookups and full-record views (district.api.people), counted together: per
    # device in 10 minutes and in a day, per station in a day. A counter serves a person
    # in minutes; a device enumerating the population meets these within the hour.
    recall_device_burst: int = 20
    recall_device_daily: int = 200
    recall_station_daily: int = 500
    migrate: bool = True  # apply migrations at start (workers of `serve` only check)
    clock: Callable[[], datetime] = _utcnow


def normalize_db_url(url: str) -> str:
    """Accept the common spellings and pick the drivers we ship (psycopg 3 for PostgreSQL)."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    if not url.startswith(("sqlite:", "postgresql+psycopg:")):
        # A file path is the friendliest thing to type on the command line.
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url
