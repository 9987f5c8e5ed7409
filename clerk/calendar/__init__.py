"""Working-day calendar, due dates and supervision levels. No database, no Qt.

Typical use::

    cal = WorkCalendar([*seed_years(), parse_year_file(data, source_name="2027.json")])
    due = cal.due_date(accepted, limit_days=5)        # DueDate(day, provisional)
    level = supervision_level(cal, accepted=accepted, limit_days=5, today=today)
"""

from clerk.calendar.seed import HOLIDAY_NAMES, seed_source, seed_years
from clerk.calendar.supervision import (
    DEFAULT_YELLOW_RATIO,
    Level,
    Supervision,
    supervise,
    supervision_level,
    working_days_left,
)
from clerk.calendar.workdays import CalendarDay, CalendarYear, DayKind, DueDate, Pause, WorkCalendar
from clerk.calendar.yearfile import FORMAT_NAME, FORMAT_VERSION, dump_year_file, parse_year_file

__all__ = [
    "DEFAULT_YELLOW_RATIO",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "HOLIDAY_NAMES",
    "CalendarDay",
    "CalendarYear",
    "DayKind",
    "DueDate",
    "Level",
    "Pause",
    "Supervision",
    "WorkCalendar",
    "dump_year_file",
    "parse_year_file",
    "seed_source",
    "seed_years",
    "supervise",
    "supervision_level",
    "working_days_left",
]
