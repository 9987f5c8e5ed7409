"""When each station was last heard from: the supervision board flags silent stations.

`touch(db, station, kind, now)` is meant to be called by the push and pull endpoints
once they know the station; it writes at most once a minute per station and kind per
worker process (a throttle only: the database row is the truth every worker shares).
Until a station has such a row, its last contact is read from the district's log (the
last event it pushed), so stations that synced before this table existed are judged too.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from district.auth import naive
from district.db import Database
from district.models import LedgerEntry, StationContact, StationRow
from sync.staff_wire import StationActivity

THROTTLE = timedelta(minutes=1)
_lock = threading.Lock()
_recent: dict[tuple[str, str], datetime] = {}


def touch(db: Database, station_code: str, kind: str, now: datetime) -> None:
    """Record a push (`kind` "push") or a pull ("pull") by the station."""
    if kind not in ("push", "pull"):
        raise ValueError(kind)
    moment = naive(now)
    key = (station_code, kind)
    with _lock:
        last = _recent.get(key)
        if last is not None and timedelta(0) <= moment - last < THROTTLE:
            return
        _recent[key] = moment
    column = StationContact.last_push_at if kind == "push" else StationContact.last_pull_at
    with db.write() as s:
        row = s.get(StationContact, station_code)
        if row is not None:
            s.execute(update(StationContact).where(StationContact.station_code == station_code)
                      .values({column.key: moment}))
        else:
            s.add(StationContact(station_code=station_code,
                                 **{column.key: moment}))


def _aware(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None else None


def _last_pushed_event(s: Session, station_code: str) -> datetime | None:
    """The receipt time of the station's latest event (index ix_ledger_pull)."""
    moment: datetime | None = s.execute(
        select(LedgerEntry.received_at)
        .where(LedgerEntry.station_code == station_code, LedgerEntry.origin == "station")
        .order_by(LedgerEntry.pos.desc()).limit(1)).scalar()
    return moment


def activity(s: Session, now: datetime, stale_after: timedelta) -> list[StationActivity]:
    """Every station with its last push, pull and contact; silent ones flagged stale."""
    contacts = {c.station_code: c for c in s.execute(select(StationContact)).scalars()}
    cut = naive(now) - stale_after
    out: list[StationActivity] = []
    for st in s.execute(select(StationRow).order_by(StationRow.code)).scalars():
        c = contacts.get(st.code)
        pushed = c.last_push_at if c is not None else None
        logged = _last_pushed_event(s, st.code)
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
