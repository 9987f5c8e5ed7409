"""When each station was last heard from: the supervision board flags silent stations.

`touch(db, station, kind, now)` is called by the push and pull endpoints once they know
the station; it changes the row at most once a minute per station and kind, judged by
the row itself, so every worker (and a database restored underneath) agrees.
Until a station has such a row, its last contact is read from the district's log (the
last event it pushed), so stations that synced before this table existed are judged too.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from district.auth import naive
from district.db import Database
from district.models import LedgerEntry, StationContact, StationRow
from sync.staff_wire import StationActivity

THROTTLE = timedelta(minutes=1)


def touch(db: Database, station_code: str, kind: str, now: datetime) -> None:
    """Record a push (`kind` "push") or a pull ("pull") by the station."""
    if kind not in ("push", "pull"):
        raise ValueError(kind)
    moment = naive(now)
    column = StationContact.last_push_at if kind == "push" else StationContact.last_pull_at
    with db.read() as s:  # most calls stop here: contact recorded less than a minute ago
        last = s.execute(select(column).where(
            StationContact.station_code == station_code)).first()
    if last is not None and last[0] is not None and \
            timedelta(0) <= moment - last[0] < THROTTLE:
        return
    try:
        with db.write() as s:
            if s.get(StationContact, station_code) is not None:
                s.execute(update(StationContact)
                          .where(StationContact.station_code == station_code)
                          .values({column.key: moment}))
            else:
                s.add(StationContact(station_code=station_code, **{column.key: moment}))
    except IntegrityError:
        pass  # another worker recorded the first contact at the same moment: that will do


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
