"""The statutory public holidays of a year, from the law rather than a yearly notice.

《全国年节及纪念日放假办法》 (State Council, 2024 revision, in force 1 January 2025) fixes
the days themselves: 元旦 1 January; 春节 4 days (除夕 and the 1st-3rd of the first lunar
month); 清明节 on the 清明 solar term; 劳动节 1-2 May; 端午节 on lunar 5/5; 中秋节 on lunar
8/15; 国庆节 1-3 October. Only the yearly adjustments (调休 make-up days, bridges, 补假
for a holiday on a weekend) are left to the State Council's notice, so a year without
official data still knows these days; ``WorkCalendar`` counts them as non-working.

Lunar dates and the solar term come from ``lunar-python`` (6tail, pure Python, an
astronomical computation, no table to maintain here). It is imported on first use only:
the workstation builds its calendar at start and most sessions never leave the years
with official data.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Final

from clerk.calendar.workdays import CalendarDay, DayKind

__all__ = ["FIRST_YEAR", "LAST_YEAR", "STATUTE", "statute_source", "statutory_holidays"]

#: The 2024 revision applies from 2025; earlier years had other rules (春节 3 days,
#: 劳动节 1 day) and all have official data anyway.
FIRST_YEAR: Final = 2025
#: Beyond this the law may well have changed again; such years are plain Monday-Friday
#: (and provisional, like every year without official data).
LAST_YEAR: Final = 2199

STATUTE: Final = "《全国年节及纪念日放假办法》（2024年修订）"


def statute_source() -> str:
    """The source label of generated days, e.g. ``《…》（2024年修订）；lunar-python 1.4.8``."""
    from importlib import metadata

    return f"{STATUTE}；lunar-python {metadata.version('lunar-python')}"


def _solar(julian_day: float) -> date:
    from lunar_python import Solar

    s = Solar.fromJulianDay(julian_day)
    return date(s.getYear(), s.getMonth(), s.getDay())


@lru_cache(maxsize=256)
def statutory_holidays(year: int) -> tuple[CalendarDay, ...]:
    """The statutory holidays of ``year`` in date order (weekend days included, named
    for display); empty outside ``FIRST_YEAR..LAST_YEAR``. About 3 ms per year."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return ()
    from lunar_python import Lunar, LunarYear

    # LunarYear(y) runs from the month before the winter solstice of y-1; its first
    # month belongs to lunar year y, whose 1st day is 春节 in Gregorian year y.
    lunar = LunarYear(year)
    new_year = _solar(lunar.getMonth(1).getFirstJulianDay())
    duanwu = _solar(lunar.getMonth(5).getFirstJulianDay() + 4)
    midautumn = _solar(lunar.getMonth(8).getFirstJulianDay() + 14)
    # Its solar terms run from 大雪 of y-1, so this 清明 is the one in April of y.
    qingming = _solar(lunar.getJieQiJulianDays()[Lunar.JIE_QI_IN_USE.index("清明")])
    days: list[tuple[date, str]] = [
        (date(year, 1, 1), "元旦"),
        *((new_year + timedelta(days=k), "春节") for k in range(-1, 3)),
        (qingming, "清明节"),
        (date(year, 5, 1), "劳动节"), (date(year, 5, 2), "劳动节"),
        (duanwu, "端午节"),
        (midautumn, "中秋节"),
        *((date(year, 10, d), "国庆节") for d in (1, 2, 3)),
    ]
    source = statute_source()
    # 中秋 can fall inside 国庆 (2028-10-03): keep one entry per day (the law gives no
    # extra day then; how the notice arranges the week is one of the unknown adjustments).
    seen: dict[date, CalendarDay] = {}
    for day, name in sorted(days):
        if day not in seen:
            seen[day] = CalendarDay(day=day, kind=DayKind.HOLIDAY, name=name, source=source)
    return tuple(seen.values())
