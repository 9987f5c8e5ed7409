"""The catalog's pinyin kept in a file between starts (the data directory's
``catalog-spellings.json``), so the counter's matter search is ready at sign-in without
importing pypinyin, whose tables cost more than the rest of the index.

Only a cache: a missing, unreadable or stale file (another pypinyin version, another
format) gives no spellings, and the index works them out again.
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

from clerk.catalog.search import Spellings
from clerk.files import write_durably

FILENAME = "catalog-spellings.json"
_FORMAT = 1


def _stamp() -> str:
    # Another pypinyin may spell a name differently: its version is part of the key.
    try:
        return f"{_FORMAT}/pypinyin-{metadata.version('pypinyin')}"
    except metadata.PackageNotFoundError:
        return f"{_FORMAT}/pypinyin-unknown"


def read_spellings(path: Path) -> dict[str, tuple[str, str]]:
    """The spellings kept at `path`, or none when the file is missing or not ours."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(kept, dict) or kept.get("stamp") != _stamp():
        return {}
    names = kept.get("spellings")
    if not isinstance(names, dict):
        return {}
    return {text: (pair[0], pair[1]) for text, pair in names.items()
            if isinstance(pair, list) and len(pair) == 2
            and all(isinstance(p, str) for p in pair)}


def write_spellings(path: Path, spellings: Spellings) -> None:
    body = {"stamp": _stamp(), "spellings": {t: list(p) for t, p in sorted(spellings.items())}}
    write_durably(path, json.dumps(body, ensure_ascii=False).encode("utf-8"))
