"""When each station was last heard from: the supervision board flags silent stations.

The pull endpoint calls `touch(db, station, kind, now)`; a push records the contact in
its own transaction (`record`). Each worker writes the row at most once a minute per
station and kind: a per-process memory spares the database the question on the hot
path, and the row itself decides between workers.
Until a station has such a row, its last contact is read from the district's log (the
last event it pushed), so stations that synced before this table existed are judged too.
"""

from __future__ import annotations

import weakref
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from district.auth import naive
from district.db import Database, Pipeline, pg_sql
from district.models import LedgerEntry, StationContact, StationRow
from wire.staff import StationActivity

THROTTLE = timedelta(minutes=1)


# Per process: when this worker last wrote each (database, station, kind). Most calls stop
# here without touching the database; the row itself stays the judge across workers.
_written: weakref.WeakKeyDictionary[Database, dict[tuple[str, str], datetime]] = \
    weakref.WeakKeyDictionary()


def _column(kind: str) -> Any:
    if kind not in ("push", "pull"):
        raise ValueError(kind)
    return StationContact.last_push_at if kind == "push" else StationContact.last_pull_at


def _fresh(last: datetime | None, moment: datetime) -> bool:
    return last is not None and timedelta(0) <= moment - last < THROTTLE


def due(db: Database, station_code: str, kind: str, now: datetime) -> bool:
    """Whether this worker should record a contact now (not written in the last minute)."""
    return not _fresh(_written.get(db, {}).get((station_code, kind)), naive(now))


def remember(db: Database, station_code: str, kind: str, now: datetime) -> None:
    _written.setdefault(db, {})[(station_code, kind)] = naive(now)


def record(conn: Connection, station_code: str, kind: str, now: datetime) -> None:
    """Write the contact inside the caller's write transaction (a push's own: no extra
    commit). A concurrent first insert raises IntegrityError, which the caller retries."""
    column = _column(kind)
    moment = naive(now)
    done = conn.execute(update(StationContact)
                        .where(StationContact.station_code == station_code)
                        .values({column.key: moment}))
    if done.rowcount == 0:
        conn.execute(insert(StationContact).values(station_code=station_code,
                                                   **{column.key: moment}))


def _pg_upsert(kind: str) -> str:
    column = _column(kind).key
    statement = pg_insert(StationContact).on_conflict_do_update(
        index_elements=[StationContact.station_code],
        set_={column: getattr(pg_insert(StationContact).excluded, column)})
    return pg_sql(statement, ["station_code", column])


_PG_UPSERT = {kind: _pg_upsert(kind) for kind in ("push", "pull")}


def queue_record(pipe: Pipeline, station_code: str, kind: str, now: datetime) -> None:
    """`record` on PostgreSQL, queued in the caller's pipeline: one upsert (no row count
    to wait for), so a concurrent first insert cannot fail it."""
    pipe.run(_PG_UPSERT[kind], {"station_code": station_code,
                                _column(kind).key: naive(now)})


def touch(db: Database, station_code: str, kind: str, now: datetime) -> None:
    """Record a push (`kind` "push") or a pull ("pull") by the station."""
    column = _column(kind)
    if not due(db, station_code, kind, now):
        return
    moment = naive(now)
    with db.read() as s:  # another worker may have written it less than a minute ago
        last = s.execute(select(column).where(
            StationContact.station_code == station_code)).first()
    if last is None or not _fresh(last[0], moment):
        try:
            with db.write_conn() as conn:
                record(conn, station_code, kind, now)
        except IntegrityError:
            pass  # another worker recorded the first contact at the same moment: that will do
    remember(db, station_code, kind, now)


def _aware(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None else None


# Each station's latest logged push in the statement that lists the stations: one index
# probe per station (ix_ledger_pull), one round trip for all of them.
_LAST_LOGGED = (select(LedgerEntry.received_at)
                .where(LedgerEntry.station_code == StationRow.code,
                       LedgerEntry.origin == "station")
                .order_by(LedgerEntry.pos.desc()).limit(1)
                .correlate(StationRow).scalar_subquery())


def activity(s: Session, now: datetime, stale_after: timedelta) -> list[StationActivity]:
    """Every station with its last push, pull and contact; silent ones flagged stale."""
    contacts = {c.station_code: c for c in s.execute(select(StationContact)).scalars()}
    cut = naive(now) - stale_after
    out: list[StationActivity] = []
    for st, logged in s.execute(select(StationRow, _LAST_LOGGED.label("logged"))
                                .order_by(StationRow.code)):
        c = contacts.get(st.code)
        pushed = c.last_push_at if c is not None else None
        if logged is not None and (pushed is None or logged > pushed):
            pushed = logged
        pulled = c.last_pull_at if c is not None else None
        seen = max((t for t in (pushed, pulled) if t is not None), default=None)
        out.append(StationActivity(
            code=st.code, name=st.name, last_push_at=_aware(pushed),
            last_pull_at=_aware(pulled), last_contact_at=_aware(seen),
            stale=st.revoked_at is None and (seen is None or seen < cut),
            revoked=st.revoked_at is not None))
    return out
