"""Electronic supervision (电子监察): how close a case is to its time limit.

The arithmetic, for a case accepted on ``accepted`` with ``limit_days`` working days,
looked at on ``today``:

* ``due``  = ``cal.due_date(accepted, limit_days, pauses, today=today)``;
* ``used`` = working days in ``(accepted, today]`` outside every pause;
* ``left`` = ``limit_days - used`` while ``today <= due`` (the working days still
  available after today, due day included); once overdue it is minus the working days
  in ``(due, today]``.

Levels:

* **red** when ``today > due`` (a calendar-day comparison: a case due on Friday is
  overdue on Saturday);
* otherwise **yellow** when ``used >= yellow_ratio * limit_days`` or ``left <= 1``
  (one working day before the deadline, and the deadline day itself);
* otherwise **normal**.

Instant matters (``limit_days == 0``) are due on the acceptance day: normal on that day,
red after it, never yellow. Note that a limit of 1 is yellow from the start (one day
left), as the rule says. The ratio is compared exactly, as the decimal it was written as
(0.56 × 25 is 14, not 14.000000000000002).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

from clerk.calendar.workdays import DueDate, Pause, WorkCalendar
from clerk.errors import QT_TRANSLATE_NOOP, ValidationError

__all__ = [
    "DEFAULT_YELLOW_RATIO",
    "Level",
    "Supervision",
    "supervise",
    "supervision_level",
    "working_days_left",
]

DEFAULT_YELLOW_RATIO = 0.8


class Level(StrEnum):
    """Supervision level of a case."""

    NORMAL = "normal"
    YELLOW = "yellow"  # 预警
    RED = "red"  # 超期


@dataclass(frozen=True)
class Supervision:
    """Everything the supervision views show for one case on one day."""

    level: Level
    due: DueDate
    used: int
    left: int


def supervise(
    cal: WorkCalendar,
    *,
    accepted: date,
    limit_days: int,
    today: date,
    pauses: Sequence[Pause] = (),
    yellow_ratio: float = DEFAULT_YELLOW_RATIO,
) -> Supervision:
    """Level, due date, used and left working days of a case (see the module docstring).

    An open pause (``end=None``) runs up to ``today``. Raises ``ValidationError`` when
    ``yellow_ratio`` is not in ``(0, 1]`` or ``limit_days`` is negative.
    """
    ratio = _ratio(yellow_ratio)
    due = cal.due_date(accepted, limit_days, pauses, today=today)
    used = cal.counted_working_days(accepted, today, pauses, today=today)
    if today > due.day:
        return Supervision(Level.RED, due, used, -cal.working_days_between(due.day, today))
    left = limit_days - used
    return Supervision(_level(used, left, limit_days, ratio), due, used, left)


def _level(used: int, left: int, limit_days: int, ratio: Fraction) -> Level:
    if limit_days == 0:  # instant matter, not yet overdue
        return Level.NORMAL
    if used >= ratio * limit_days or left <= 1:
        return Level.YELLOW
    return Level.NORMAL


def _ratio(value: float) -> Fraction:
    # Via str: the shortest decimal that round-trips, i.e. what the admin typed.
    ratio = Fraction(str(value))
    if not 0 < ratio <= 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "预警比例应大于0且不超过1（例如0.8表示用去80%的时限时预"
                                        "警），现在是{ratio}。请修改监察设置。"),
            code="supervision.ratio", field="yellow_ratio", params={"ratio": value})
    return ratio


def supervision_level(
    cal: WorkCalendar,
    *,
    accepted: date,
    limit_days: int,
    today: date,
    pauses: Sequence[Pause] = (),
    yellow_ratio: float = DEFAULT_YELLOW_RATIO,
) -> Level:
    """The supervision level of a case on ``today`` (rules in the module docstring)."""
    return supervise(
        cal,
        accepted=accepted,
        limit_days=limit_days,
        today=today,
        pauses=pauses,
        yellow_ratio=yellow_ratio,
    ).level


def working_days_left(
    cal: WorkCalendar,
    *,
    accepted: date,
    limit_days: int,
    today: date,
    pauses: Sequence[Pause] = (),
) -> int:
    """Working days left after ``today`` up to the due date, due day included.

    0 on the due day; negative once overdue: minus the working days in ``(due, today]``
    (so it can be 0 on a weekend right after a Friday due date while the level is red).
    """
    return supervise(cal, accepted=accepted, limit_days=limit_days, today=today, pauses=pauses).left
