"""Matter snapshots kept once on the district instead of inside every case projection.

A case carries the matter as the station's catalog had it at creation (code, version,
materials, limits, …: about 4 KB). Copied into every case row it made half of what a
push wrote to the cases table, though a district sees a few hundred matter versions.
Case rows now hold `matter_ref`, the sha256 of the snapshot's canonical JSON, and
`matter_snapshots` holds each snapshot once.

Writing: `case_values` (district.ledger) moves the snapshot out of the row's data;
`write_rows` stores the snapshots a transaction mentions (inserting only those missing,
in that same transaction). Reading: `full_data` puts a row's data and its snapshot back
together; rows written before the change have no ref and keep their snapshot inline.

A ref names its content (the hash), so the content read for a ref is the same in every
database: the process keeps what it read, and reads a snapshot from the database once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from clerk.cases.snapshot import snapshot_ref
from clerk.store.jsoncodec import json_text
from district.db import Pipeline, pg_sql, sqlite_many
from district.models import MatterSnapshot

SNAPSHOTS = cast(Table, MatterSnapshot.__table__)
_CACHE_LIMIT = 4096  # snapshots kept in memory (a district has hundreds of matter versions)

_lock = threading.Lock()
_read: dict[str, dict[str, Any]] = {}  # ref -> snapshot, as read or written
_refs: dict[int, tuple[dict[str, Any], str]] = {}  # id(a dict in _read) -> (it, its ref)

_SELECT = select(SNAPSHOTS.c.ref, SNAPSHOTS.c.data).where(
    SNAPSHOTS.c.ref.in_(bindparam("refs", expanding=True)))


def matter_ref(matter: dict[str, Any]) -> str:
    """The snapshot's ref. The snapshots this process keeps (read back, or first written)
    are shared by every record made from them, so their refs are looked up rather than
    hashed again at each update; a fresh snapshot (a case being created) is hashed."""
    known = _refs.get(id(matter))
    if known is not None and known[0] is matter:
        return known[1]
    return snapshot_ref(matter)


def resolve(conn: Connection, ref: str, offered: Mapping[str, Any]) -> dict[str, Any] | None:
    """The snapshot `ref` names, for a created event that names it (form matter_ref):
    the one this process keeps, else the one offered with the event if it is that one
    (kept from then on; stored with the case), else the database's; None if none is."""
    known = _read.get(ref)
    if known is not None:
        return known
    data = offered.get(ref)
    if isinstance(data, dict) and snapshot_ref(data) == ref:
        _remember({ref: data})
        return data
    try:
        return load(conn, [ref])[ref]
    except LookupError:
        return None


# Built once: a push creating a case stores its snapshot, and building the statement
# cost more than SQLite's insert that finds the row there. On SQLite it goes straight to
# the driver (district.db.sqlite_many), the data spelled as the JSON column spells it.
_PG_INSERT_NEW = pg_insert(SNAPSHOTS).on_conflict_do_nothing()
_SQLITE_STORE = str(sqlite_insert(SNAPSHOTS).on_conflict_do_nothing()
                    .compile(dialect=sqlite_dialect(), column_keys=["ref", "data"]))


def store(conn: Connection, snapshots: dict[str, dict[str, Any]]) -> None:
    """Insert the snapshots the database may not have yet (in the caller's transaction).

    Always asked of the database: a process cannot know what another worker, or a
    restored backup, did to the table."""
    if not snapshots:
        return
    # In ref order: two PostgreSQL transactions inserting the same snapshots wait for
    # each other in one order instead of deadlocking.
    rows = [{"ref": ref, "data": snapshots[ref]} for ref in sorted(snapshots)]
    if conn.dialect.name == "postgresql":
        conn.execute(_PG_INSERT_NEW, rows)
    elif conn.dialect.name == "sqlite":
        sqlite_many(conn, _SQLITE_STORE, [(row["ref"], json_text(row["data"])) for row in rows])
    else:  # pragma: no cover - the two supported databases are above
        have = set(conn.execute(select(SNAPSHOTS.c.ref).where(
            SNAPSHOTS.c.ref.in_(list(snapshots)))).scalars())
        missing = [r for r in rows if r["ref"] not in have]
        if missing:
            conn.execute(insert(SNAPSHOTS), missing)
    _remember(snapshots)


_PG_STORE = pg_sql(pg_insert(SNAPSHOTS).on_conflict_do_nothing(), ["ref", "data"])


def queue_store(pipe: Pipeline, snapshots: dict[str, dict[str, Any]]) -> None:
    """`store` on PostgreSQL, queued in the caller's pipeline (district.db.Pipeline)."""
    pipe.many(_PG_STORE, [{"ref": ref, "data": json_text(snapshots[ref])}
                          for ref in sorted(snapshots)])  # ref order: as in `store`
    _remember(snapshots)


def _remember(snapshots: dict[str, dict[str, Any]]) -> None:
    """Keep the first dict seen for each ref (one per ref: the dicts of later cases with
    the same matter are not held on to)."""
    with _lock:
        if len(_read) + len(snapshots) > _CACHE_LIMIT:
            _read.clear()
            _refs.clear()
        for ref, data in snapshots.items():
            if ref not in _read:
                _read[ref] = data
                _refs[id(data)] = (data, ref)  # holding it keeps its id from being reused


def load(conn: Connection | Session, refs: Iterable[str | None]) -> dict[str, dict[str, Any]]:
    """The snapshots named by `refs` (None, for a row with its snapshot inline, skipped)."""
    wanted = {r for r in refs if r is not None}
    found: dict[str, dict[str, Any]] = {}
    for ref in wanted:
        if (data := _read.get(ref)) is not None:  # .get: another thread may clear it
            found[ref] = data
    missing = sorted(wanted - found.keys())
    if missing:
        read = {ref: data for ref, data in conn.execute(_SELECT, {"refs": missing})}
        lost = set(missing) - read.keys()
        if lost:
            raise LookupError(f"matter snapshot(s) missing from the database: {sorted(lost)}")
        _remember(read)
        found.update(read)
    return found


def full_data(data: dict[str, Any], ref: str | None,
              snapshots: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A case row's data with its matter snapshot back in place (CaseRecord.to_dict())."""
    if ref is None:
        return data  # written before snapshots were kept apart: still inline
    return {**data, "matter": snapshots[ref]}


def row_data(conn: Connection | Session, data: dict[str, Any], ref: str | None
             ) -> dict[str, Any]:
    """`full_data` for one row."""
    return full_data(data, ref, load(conn, [ref]))
