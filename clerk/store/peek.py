"""A quick, read-only look at a station database with the SQLCipher driver only.

The window's sign-in screen needs the station's name and its clerks; reading them this
way shows a usable window while SQLAlchemy is still loading for the real work. Anything
unusual (no file, no key, a plaintext store still to encrypt, another schema revision,
no station, a locked or damaged file) returns None, and the full open — with its
migrations and clear refusals — decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from clerk.errors import StationDeskError
from clerk.options import LAST_USER
from clerk.station import Account, StationInfo
from clerk.store import keys
from clerk.store.layout import DB_FILENAME, HEAD_REVISION


@dataclass(frozen=True)
class Peek:
    station: StationInfo
    accounts: list[Account]
    last_user: str
    #: The store key the peek read with: the full open can take it instead of asking the
    #: key source (the OS keyring) a second time.
    key: bytes | None = field(default=None, repr=False, compare=False)


def peek(data_dir: Path) -> Peek | None:
    path = data_dir / DB_FILENAME
    if not path.exists():
        return None
    try:
        key = keys.stored_key(data_dir)
    except StationDeskError:
        return None
    if key is None:
        return None
    try:
        con = sqlcipher.connect(f"file:{path}?mode=ro", uri=True, timeout=0.5)
        con.execute(f"PRAGMA key = {keys.pragma_key(key)}")
    except sqlcipher.Error:
        return None
    try:
        seen = _read(con)
        return replace(seen, key=key) if seen is not None else None
    except sqlcipher.Error:
        return None
    finally:
        con.close()


def _read(con: sqlcipher.Connection) -> Peek | None:
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
