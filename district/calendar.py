"""The district's working-day calendar: the chinesecalendar seed plus the published years.

Building it parses a few thousand days, so it is cached per process, keyed by the
calendar's ETag in the database: a worker that sees a new ETag rebuilds, so all workers
compute with the same data.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from threading import Lock

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from clerk.calendar import CalendarYear, WorkCalendar, parse_year_file, seed_years
from district.models import Publication, PublishedYear

_lock = Lock()
_cache: dict[str, WorkCalendar] = {}
_seed: list[CalendarYear] | None = None


def _seed_years() -> list[CalendarYear]:
    global _seed
    if _seed is None:
        _seed = seed_years()
    return _seed


def calendar_etag(s: Session | Connection) -> str:
    etag = s.execute(CALENDAR_ETAG, {"kind": CALENDAR_KIND}).scalar()
    return str(etag) if etag is not None else ""


def published_years(s: Session | Connection) -> list[CalendarYear]:
    rows = s.execute(select(PublishedYear.year, PublishedYear.data)
                     .order_by(PublishedYear.year)).all()
    return [parse_year_file(json.dumps(r.data, ensure_ascii=False), source_name=f"{r.year}")
            for r in rows]


CALENDAR_KIND = "calendar"
# Built once: every push that computes a due date reads the ETag (work_calendar), and
# building the statement cost more than running it.
CALENDAR_ETAG = select(Publication.etag).where(Publication.kind == bindparam("kind"))
# The calendar's publication row, read FOR SHARE by every write that computes with the
# calendar (calendar_on; a push on PostgreSQL sends it with its other reads).
CALENDAR_ROW = (select(Publication.etag)
                .where(Publication.kind == bindparam("kind", CALENDAR_KIND))
                .with_for_update(read=True))


def calendar_on(conn: Connection) -> WorkCalendar:
    """The calendar for rows written in this transaction. On PostgreSQL the calendar's
    publication row is read FOR SHARE: a publication committed after this transaction's
    snapshot fails it (a serialization error, and the push is judged again), and one
    under way waits for it, so no row is written with a calendar already replaced
    (settle_clock recomputes the others)."""
    if conn.dialect.name == "postgresql":
        return calendar_for(conn, conn.execute(CALENDAR_ROW).scalar())
    return work_calendar(conn)


def work_calendar(s: Session | Connection) -> WorkCalendar:
    """The calendar as currently published (seed first, published years override it)."""
    return _calendar_for(s, calendar_etag(s))


def calendar_for(s: Session | Connection, etag: str | None) -> WorkCalendar:
    """The calendar published under `etag` (as read from its publication row)."""
    return _calendar_for(s, str(etag) if etag is not None else "")


def _calendar_for(s: Session | Connection, etag: str) -> WorkCalendar:
    with _lock:
        cal = _cache.get(etag)
    if cal is not None:
        return cal
    cal = WorkCalendar([*_seed_years(), *published_years(s)])
    with _lock:
        if len(_cache) > 8:  # old ETags are never asked for again
            _cache.clear()
        _cache[etag] = cal
    return cal


def settle_provisional_rule(s: Session, now: datetime) -> int | None:
    """Once after an upgrade that changed how years without official data count
    (clerk.cases.due.PROVISIONAL_RULE), recompute the stored provisional due dates, as a
    publication does; None when they are already under the current rule. The rule in
    force is kept as a pseudo-publication (kind "provisional")."""
    from clerk.cases.due import PROVISIONAL_RULE
    from district.auth import naive
    from district.ledger import recompute_provisional

    row = s.get(Publication, "provisional")
    if row is not None and row.etag == PROVISIONAL_RULE:
        return None
    moved = recompute_provisional(s, work_calendar(s))
    if row is None:
        s.add(Publication(kind="provisional", etag=PROVISIONAL_RULE, published_at=naive(now)))
    else:
        row.etag, row.published_at = PROVISIONAL_RULE, naive(now)
    s.flush()
    return moved


# How the supervision columns are derived (district.ledger.clock); a change of the rule
# recomputes them once, as a new calendar does (clock-2: clock_left, d0023).
CLOCK_RULE = "clock-2"


def settle_clock(s: Session, now: datetime) -> int | None:
    """Recompute the cases' supervision columns when the calendar they were computed
    with is not the one published now (after the upgrade that added them, and at every
    calendar publication); None when they are current. The calendar they follow is kept
    as a pseudo-publication (kind "clock"); the calendar's own publication row is made
    to exist, so that pushes have a row to read FOR SHARE (calendar_on)."""
    from district.auth import naive
    from district.ledger import recompute_clocks
    from district.reference import current_etag

    if s.get(Publication, "calendar") is None:
        s.add(Publication(kind="calendar", etag=current_etag(s, "calendar"),
                          published_at=naive(now)))
        s.flush()
    wanted = hashlib.sha256(f"{CLOCK_RULE}|{calendar_etag(s)}".encode()).hexdigest()
    row = s.get(Publication, "clock")
    if row is not None and row.etag == wanted:
        return None
    moved = recompute_clocks(s, work_calendar(s))
    if row is None:
        s.add(Publication(kind="clock", etag=wanted, published_at=naive(now)))
    else:
        row.etag, row.published_at = wanted, naive(now)
    s.flush()
    return moved
