"""A quick, read-only look at a station database with the standard library only.

The window's sign-in screen needs the station's name and its clerks; reading them this
way shows a usable window while SQLAlchemy is still loading for the real work. Anything
unusual (no file, another schema revision, no station, a locked or damaged file) returns
None, and the full open — with its migrations and clear refusals — decides.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from clerk.options import LAST_USER
from clerk.station import Account, StationInfo
from clerk.store.layout import DB_FILENAME, HEAD_REVISION


@dataclass(frozen=True)
class Peek:
    station: StationInfo
    accounts: list[Account]
    last_user: str


def peek(data_dir: Path) -> Peek | None:
    path = data_dir / DB_FILENAME
    if not path.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        return _read(con)
    except sqlite3.Error:
        return None
    finally:
        con.close()


def _read(con: sqlite3.Connection) -> Peek | None:
    rev = con.execute("SELECT version_num FROM alembic_version").fetchone()
    if rev is None or rev[0] != HEAD_REVISION:
        return None
    row = con.execute("SELECT code, name, level, district_code, address, phone "
                      "FROM station LIMIT 1").fetchone()
    if row is None:
        return None
    accounts = [Account(u, d, r, p, bool(a)) for u, d, r, p, a in con.execute(
        "SELECT username, display_name, role, phone, active FROM users ORDER BY id")]
    last = con.execute("SELECT value FROM settings WHERE key = ?", (LAST_USER.key,)).fetchone()
    return Peek(StationInfo(*row), accounts, LAST_USER.parse(last[0] if last else None))
