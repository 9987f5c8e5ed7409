"""Time in Beijing: China observes UTC+8 all year, so a fixed offset is exact."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "CST")

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    """Today in Beijing, whatever the machine's own time zone."""
    return local_date(system_clock())


def local_date(moment: datetime) -> date:
    return moment.astimezone(BEIJING).date()


def local_time(moment: datetime) -> datetime:
    return moment.astimezone(BEIJING)


def day_bounds_utc(day: date) -> tuple[datetime, datetime]:
    """The Beijing calendar day as a naive-UTC [start, end) range (how the store keeps time)."""
    start = datetime.combine(day, time(0), BEIJING).astimezone(UTC).replace(tzinfo=None)
    return start, start + timedelta(days=1)
