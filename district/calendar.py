"""The district's working-day calendar: the chinesecalendar seed plus the published years.

Building it parses a few thousand days, so it is cached per process, keyed by the
calendar's ETag in the database: a worker that sees a new ETag rebuilds, so all workers
compute with the same data.
"""

from __future__ import annotations

import json
from datetime import datetime
from threading import Lock

from sqlalchemy import Connection, select
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
    etag = s.execute(select(Publication.etag).where(Publication.kind == "calendar")).scalar()
    return str(etag) if etag is not None else ""


def published_years(s: Session | Connection) -> list[CalendarYear]:
    rows = s.execute(select(PublishedYear.year, PublishedYear.data)
                     .order_by(PublishedYear.year)).all()
    return [parse_year_file(json.dumps(r.data, ensure_ascii=False), source_name=f"{r.year}")
            for r in rows]


def calendar_on(conn: Connection) -> WorkCalendar:
    return work_calendar(conn)


def work_calendar(s: Session | Connection) -> WorkCalendar:
    """The calendar as currently published (seed first, published years override it)."""
    etag = calendar_etag(s)
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
