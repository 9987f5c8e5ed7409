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
    """The shipped files (package ``stationdesk_resources``), wherever it is installed.

    A git checkout, a wheel and a PyInstaller bundle all unpack it as a real directory,
    so a plain Path is enough for the readers (Qt's translator needs a file name).
    """
    import importlib.resources

    return Path(str(importlib.resources.files("stationdesk_resources")))
