"""Where the station's data lives: --data-dir, else $STATIONDESK_DATA_DIR, else the platform's."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "STATIONDESK_DATA_DIR"


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("StationDesk", appauthor=False))


def resolve_data_dir(value: str | Path | None) -> Path:
    return Path(value).expanduser() if value else default_data_dir()


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"
