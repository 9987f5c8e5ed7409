"""Working-day calendar kept in the local database: seeded, imported, and cached per process."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clerk.calendar import CalendarDay, CalendarYear, DayKind, WorkCalendar, seed_years
from clerk.store.models import CalendarDayRow, CalendarYearRow


def store_year(session: Session, year: CalendarYear, *, now: datetime) -> None:
    """Replace one year's days (in the caller's transaction)."""
    session.execute(delete(CalendarDayRow).where(CalendarDayRow.year == year.year))
    row = session.get(CalendarYearRow, year.year)
    if row is None:
        row = CalendarYearRow(year=year.year, source=year.source, official=year.official,
                              imported_at=now.replace(tzinfo=None))
        session.add(row)
    else:
        row.source, row.official = year.source, year.official
        row.imported_at = now.replace(tzinfo=None)
    session.flush()
    session.add_all(CalendarDayRow(day=d.day, year=year.year, kind=d.kind.value, name=d.name)
                    for d in year.days)
    session.flush()


def seed_if_empty(session: Session, *, now: datetime) -> int:
    """Load the chinesecalendar seed the first time; returns the number of years added."""
    if session.execute(select(CalendarYearRow.year).limit(1)).first():
        return 0
    years = seed_years()
    for y in years:
        store_year(session, y, now=now)
    return len(years)


def load_years(session: Session) -> list[CalendarYear]:
    days: dict[int, list[CalendarDay]] = defaultdict(list)
    for r in session.execute(select(CalendarDayRow).order_by(CalendarDayRow.day)).scalars():
        days[r.year].append(CalendarDay(r.day, DayKind(r.kind), r.name, ""))
    return [CalendarYear(y.year, y.source, y.official, tuple(days[y.year]))
            for y in session.execute(select(CalendarYearRow)).scalars()]


def official_years(years: Iterable[CalendarYear]) -> list[int]:
    return sorted(y.year for y in years if y.official)


def build_calendar(session: Session) -> WorkCalendar:
    return WorkCalendar(load_years(session))
