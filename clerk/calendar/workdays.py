"""The working-day calendar: which days count, due dates and paused time.

Conventions used everywhere in this module (DESIGN.md section 5):

* A span ``(start, end]`` excludes ``start`` and includes ``end``. The acceptance day is
  not counted, so a limit of N working days ends on the Nth working day *after* it.
* A day is a working day when the calendar data says so (a holiday on a weekday is off,
  a make-up day 调休上班 on a weekend is worked), otherwise when it is Monday-Friday.
* A year with no official data (2025 onwards) still has the statutory holidays the law
  fixes in advance (``clerk.calendar.statute``: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节,
  国庆节, lunar dates computed by lunar-python): they and the weekends are off, every
  other day is worked. Only the State Council's adjustments (调休, 补假) are unknown, so
  any result that depends on such a year is *provisional*: recompute it once the
  district publishes the year. Years before 2025 without data are plain Monday-Friday.
  The days of a non-official :class:`CalendarYear` (a draft, the example file) are kept
  for display only and never used in the arithmetic, so every station and the district
  compute the same provisional dates whatever drafts they have loaded: the statutory
  days depend on the law and the lunar library only.

Performance: everything rests on ``_count(d)``, the number of working days from a fixed
epoch up to ``d``. It is a closed-form Monday-Friday count plus a prefix sum over the
few hundred calendar exceptions (a bisect), so counting between two dates is O(log k)
for any distance and ``add_working_days`` is a short binary search. No parsing or date
walking per call. The statutory days of years without data are generated lazily, the
first time a count reaches such a year (about 3 ms a year, lunar-python imported then),
so building a calendar costs what it did and years far out (9000) need no special path.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import accumulate
from threading import Lock

from clerk.errors import QT_TRANSLATE_NOOP, ValidationError

__all__ = [
    "CalendarDay",
    "CalendarYear",
    "DayKind",
    "DueDate",
    "Pause",
    "WorkCalendar",
]


class DayKind(StrEnum):
    """What a calendar entry says about its day."""

    HOLIDAY = "holiday"  # statutory holiday (also listed when it falls on a weekend)
    WORKDAY = "workday"  # make-up working day on a weekend (调休上班)


@dataclass(frozen=True)
class CalendarDay:
    """One exceptional day: a holiday or a make-up working day."""

    day: date
    kind: DayKind
    name: str
    source: str


@dataclass(frozen=True)
class CalendarYear:
    """All exceptional days of one year and where they come from."""

    year: int
    source: str
    official: bool
    days: tuple[CalendarDay, ...]


@dataclass(frozen=True)
class DueDate:
    """A computed date; ``provisional`` when it rests on a year without official data."""

    day: date
    provisional: bool


@dataclass(frozen=True)
class Pause:
    """Time during which a case's clock stands still (returned for correction, special
    procedure such as public posting, hearing or expert assessment).

    ``start`` is the day the clock stopped, ``end`` the day it started again (``None``
    while the pause is still open). The working days in ``(start, end]`` are not counted:
    the stop day was partly used and counts, the resume day does not (just as the
    acceptance day does not).
    """

    start: date
    end: date | None
    reason: str


_MAX_ORDINAL = date.max.toordinal()


def _mon_fri_upto(ordinal: int) -> int:
    """Mondays-Fridays among ordinals 1..ordinal (ordinal 1, 0001-01-01, is a Monday)."""
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


class WorkCalendar:
    """Working-day arithmetic over a set of :class:`CalendarYear`.

    Build it once (from the seed and the district-published years) and share it; it is
    immutable. When two entries describe the same year, the later one in ``years`` wins,
    so pass the seed first and published years after it.
    """

    def __init__(self, years: Iterable[CalendarYear] = ()) -> None:
        by_year = {y.year: y for y in years}
        self._years: dict[int, CalendarYear] = dict(sorted(by_year.items()))
        self._official = frozenset(y.year for y in by_year.values() if y.official)
        self._days: dict[date, CalendarDay] = {}  # every entry, for display
        self._rules: dict[date, CalendarDay] = {}  # official entries, for arithmetic
        for cal_year in self._years.values():
            for entry in cal_year.days:
                if entry.day.year != cal_year.year:  # a stray entry must not leak across
                    continue
                self._days[entry.day] = entry
                if cal_year.official:
                    self._rules[entry.day] = entry
        # Exceptions as deltas against Monday-Friday, sorted, with running sums.
        self._deltas = sorted(
            (d.toordinal(), delta)
            for d, entry in self._rules.items()
            if (delta := _delta(entry)) != 0
        )
        # Statutory days of the years without official data, generated up to the year
        # ``_through`` (lazily, see ``_cover``); ``_covered`` is its last ordinal. The
        # index (exception ordinals, prefix sums) is replaced whole, so readers in other
        # threads always see a consistent pair.
        from clerk.calendar import statute  # it imports CalendarDay from here

        self._statutory: dict[date, CalendarDay] = {}
        self._lock = Lock()
        self._through = statute.FIRST_YEAR - 1
        while self._through + 1 in self._official:  # nothing to generate for these
            self._through += 1
        self._covered = date(self._through, 12, 31).toordinal()
        self._index = _index(self._deltas)

    # ------------------------------------------------------------------ facts

    @property
    def official_years(self) -> frozenset[int]:
        """The years for which official data was loaded."""
        return self._official

    @property
    def years(self) -> tuple[CalendarYear, ...]:
        """The loaded years, one per year number, in order."""
        return tuple(self._years.values())

    def is_official(self, year: int) -> bool:
        """True when ``year`` has official (State Council) holiday data."""
        return year in self._official

    def day_info(self, d: date) -> CalendarDay | None:
        """The holiday or make-up entry for ``d``, if there is one (for display; it may
        come from a non-official year and then does not affect the arithmetic, or from
        the statute for a year without official data)."""
        entry = self._days.get(d)
        if entry is None and d.year not in self._official:
            self._cover(d.toordinal())
            entry = self._statutory.get(d)
        return entry

    def is_working_day(self, d: date) -> bool:
        """True when ``d`` is a working day (see the module docstring for the rule)."""
        entry = self._rules.get(d)
        if entry is None and d.year not in self._official:
            self._cover(d.toordinal())
            entry = self._statutory.get(d)
        if entry is not None:
            return entry.kind is DayKind.WORKDAY
        return d.weekday() < 5

    # ------------------------------------------------------------------ counting

    def _count(self, ordinal: int) -> int:
        """Working days among ordinals 1..ordinal: O(log k)."""
        if ordinal > self._covered:
            self._cover(ordinal)
        ordinals, prefix = self._index
        return _mon_fri_upto(ordinal) + prefix[bisect_right(ordinals, ordinal)]

    def _cover(self, ordinal: int) -> None:
        """Generate the statutory days of the years without official data up to the
        year of ``ordinal`` (at most ``statute.LAST_YEAR``) and rebuild the index."""
        if ordinal <= self._covered:
            return
        from clerk.calendar import statute

        with self._lock:
            if ordinal <= self._covered:  # another thread did it meanwhile
                return
            target = min(date.fromordinal(min(ordinal, _MAX_ORDINAL)).year, statute.LAST_YEAR)
            added = [
                entry
                for year in range(self._through + 1, target + 1)
                if year not in self._official
                for entry in statute.statutory_holidays(year)
            ]
            if added:
                self._statutory.update((entry.day, entry) for entry in added)
                self._deltas = sorted([*self._deltas, *(
                    (e.day.toordinal(), delta) for e in added if (delta := _delta(e)) != 0)])
                self._index = _index(self._deltas)
            self._through = target
            # Past the statute's last year nothing more is generated: cover everything.
            self._covered = (_MAX_ORDINAL if target >= statute.LAST_YEAR
                             else date(target, 12, 31).toordinal())

    def working_days_between(self, start: date, end: date) -> int:
        """Number of working days in ``(start, end]``; 0 when ``end <= start``."""
        if end <= start:
            return 0
        return self._count(end.toordinal()) - self._count(start.toordinal())

    def _provisional(self, start: date, end: date) -> bool:
        """True when some day in ``(start, end]`` lies in a year without official data."""
        if end <= start:
            return False
        first_year = start.year if start.month < 12 or start.day < 31 else start.year + 1
        return any(y not in self._official for y in range(first_year, end.year + 1))

    def _nth_working_day_after(self, start_ordinal: int, n: int) -> int:
        """Ordinal of the ``n``-th working day after ``start_ordinal`` (n >= 1)."""
        target = self._count(start_ordinal) + n
        low = start_ordinal + 1
        # A year has well over half its days working, so 2n + 30 days always suffice;
        # the loop only guards against absurd data (e.g. a year file of all holidays).
        high = start_ordinal + 2 * n + 30
        while self._count(min(high, _MAX_ORDINAL)) < target:
            if high >= _MAX_ORDINAL:
                raise _out_of_range()
            high = start_ordinal + 2 * (high - start_ordinal)
        high = min(high, _MAX_ORDINAL)
        # Smallest ordinal whose count reaches the target; it is a working day.
        while low < high:
            mid = (low + high) // 2
            if self._count(mid) >= target:
                high = mid
            else:
                low = mid + 1
        return low

    def add_working_days(self, start: date, n: int) -> DueDate:
        """The ``n``-th working day after ``start`` (``start`` itself is not counted).

        ``n == 0`` returns ``start`` unchanged and never provisional: that result does not
        depend on any calendar data. Raises ``ValidationError`` for a negative ``n``.
        """
        _check_days(n)
        if n == 0:
            return DueDate(start, provisional=False)
        result = date.fromordinal(self._nth_working_day_after(start.toordinal(), n))
        return DueDate(result, provisional=self._provisional(start, result))

    # ------------------------------------------------------------------ pauses

    def paused_working_days(
        self, pauses: Sequence[Pause], *, today: date | None = None, after: date | None = None
    ) -> int:
        """Working days inside the pauses, each pause covering ``(start, end]``.

        Overlapping pauses are counted once. An open pause (``end is None``) runs up to
        ``today``, which is then required (``ValueError`` otherwise). With ``after``,
        only days after that date count (pass the acceptance date).
        """
        return sum(
            self.working_days_between(s, e) for s, e in _merged(pauses, today=today, after=after)
        )

    def due_date(
        self,
        accepted: date,
        limit_days: int,
        pauses: Sequence[Pause] = (),
        *,
        today: date | None = None,
    ) -> DueDate:
        """The due date of a case accepted on ``accepted`` with ``limit_days`` working days.

        Without pauses this is ``add_working_days(accepted, limit_days)``. Each pause
        moves the date later by the working days it covers before the running due date
        is reached: a pause that starts after the case is already due does not move it
        (pausing an overdue case must not hide that it is overdue). Days before the
        acceptance do not count. An open pause runs up to ``today`` (required then,
        ``ValueError`` otherwise), so the date moves on while the case stays paused.
        Provisional when any day in ``(accepted, due]`` lies in a year without official
        data.
        """
        _check_days(limit_days)
        if limit_days == 0:
            return DueDate(accepted, provisional=False)
        remaining = limit_days
        cursor = accepted
        for stop, resume in _merged(pauses, today=today, after=accepted):
            available = self.working_days_between(cursor, stop)
            if remaining <= available:
                break
            remaining -= available
            cursor = resume
        result = self.add_working_days(cursor, remaining).day
        return DueDate(result, provisional=self._provisional(accepted, result))

    def counted_working_days(
        self,
        accepted: date,
        until: date,
        pauses: Sequence[Pause] = (),
        *,
        today: date | None = None,
    ) -> int:
        """Working days used by a case by ``until``: those in ``(accepted, until]`` that
        lie in no pause. An open pause runs up to ``today`` (defaults to ``until``)."""
        if until <= accepted:
            return 0
        clipped = [
            (s, min(e, until))
            for s, e in _merged(pauses, today=today or until, after=accepted)
            if s < until
        ]
        paused = sum(self.working_days_between(s, e) for s, e in clipped)
        return self.working_days_between(accepted, until) - paused


def _index(deltas: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted exception ordinals and the running sums of their deltas (one longer)."""
    return [o for o, _ in deltas], [0, *accumulate(delta for _, delta in deltas)]


def _delta(entry: CalendarDay) -> int:
    """How an entry changes the Monday-Friday count of its day: -1, 0 or +1."""
    weekday = entry.day.weekday() < 5
    if entry.kind is DayKind.HOLIDAY:
        return -1 if weekday else 0
    return 0 if weekday else 1


def _check_days(n: int) -> None:
    if n < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "期限的工作日数不能为负数（现在是{n}）。"
                                        "请检查事项的办理时限设置。"),
            code="calendar.negative_days", field="limit_days", params={"n": n})


def _out_of_range() -> ValidationError:
    return ValidationError(
        "计算出的日期超出了可表示的范围（9999年以后）。请检查受理日期和办理时限。",
        code="calendar.out_of_range",
    )


def _merged(
    pauses: Sequence[Pause], *, today: date | None, after: date | None
) -> list[tuple[date, date]]:
    """Pauses as sorted, non-overlapping ``(stop, resume)`` spans, open ones closed at
    ``today`` and everything clipped to start no earlier than ``after``."""
    spans: list[tuple[date, date]] = []
    for pause in pauses:
        stop, resume = pause.start, _resume_day(pause, today)
        if after is not None:
            stop, resume = max(stop, after), max(resume, after)
        if resume > stop:
            spans.append((stop, resume))
    spans.sort()
    merged: list[tuple[date, date]] = []
    for stop, resume in spans:
        if merged and stop <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], resume))
        else:
            merged.append((stop, resume))
    return merged


def _resume_day(pause: Pause, today: date | None) -> date:
    if pause.end is None:
        if today is None:
            raise ValueError("an open pause (end=None) needs the today= argument")
        return max(pause.start, today)
    if pause.end < pause.start:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "暂停的结束日期{end}早于开始日期{start}。"
                                        "请更正暂停记录。"),
            code="calendar.pause_order", field="pauses",
            params={"end": pause.end.isoformat(), "start": pause.start.isoformat()})
    return pause.end
