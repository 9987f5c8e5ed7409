"""The bundled calendar seed, taken from the ``chinesecalendar`` package.

chinesecalendar transcribes the State Council's yearly holiday notices for 2004-2026 and
raises for later years; those come from the district as year files (see ``yearfile``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from importlib import metadata
from typing import Final

from clerk.calendar.workdays import CalendarDay, CalendarYear, DayKind

__all__ = ["HOLIDAY_NAMES", "seed_source", "seed_years"]

#: chinesecalendar's English holiday names → the names the State Council notices use.
HOLIDAY_NAMES: Final[dict[str, str]] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def seed_source() -> str:
    """The source label stored with seeded days, e.g. ``chinesecalendar 1.11.0``."""
    return f"chinesecalendar {metadata.version('chinesecalendar')}"


def _chinese_name(english: object) -> str:
    # A future chinesecalendar release may add a one-off holiday we have not mapped;
    # its English name is still better than refusing to seed.
    text = str(getattr(english, "value", english))
    return HOLIDAY_NAMES.get(text, text)


def seed_years() -> list[CalendarYear]:
    """All years chinesecalendar covers, as official :class:`CalendarYear` objects.

    Every holiday the package lists is kept, weekend days inside a holiday period
    included (they carry the holiday's name for display and cost nothing), together with
    the weekend make-up working days, named like ``春节调休上班``. Plain weekends are not
    stored. Sorted by year, days sorted by date.
    """
    from chinese_calendar import constants  # imported here: only seeding needs it

    source = seed_source()
    by_year: defaultdict[int, list[CalendarDay]] = defaultdict(list)
    entries: list[tuple[date, DayKind, str]] = [
        (d, DayKind.HOLIDAY, _chinese_name(n)) for d, n in constants.holidays.items()
    ]
    entries += [
        (d, DayKind.WORKDAY, f"{_chinese_name(n)}调休上班") for d, n in constants.workdays.items()
    ]
    for day, kind, name in sorted(entries):
        by_year[day.year].append(CalendarDay(day=day, kind=kind, name=name, source=source))
    return [
        CalendarYear(year=year, source=source, official=True, days=tuple(days))
        for year, days in sorted(by_year.items())
    ]
