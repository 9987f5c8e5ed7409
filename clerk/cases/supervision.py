"""Supervision (电子监察) of cases: which ones are yellow or red today.

The rule itself is :func:`clerk.calendar.supervision.supervise` (working-day arithmetic
only). This module applies it to cases: which states it watches, the configured yellow
ratio, a case record's level. Its SQL form, :class:`clerk.cases.queries.SupervisionCut`,
turns the same rule into date cut-offs (tested against this one on generated cases), and
the district's ``Judge`` uses the cut to skip cases that are surely normal and this rule
for the rest. The station and the district share all of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from clerk.calendar import Pause, WorkCalendar
from clerk.calendar.supervision import (
    DEFAULT_YELLOW_RATIO,
    Level,
    supervise,
    supervision_level,
)
from clerk.cases.record import CaseRecord
from clerk.cases.states import State
from clerk.timeutil import local_date

#: States whose clock runs: from acceptance until the decision (or, at station level,
#: the hand-over).
RUNNING = (State.ACCEPTED, State.ESCALATED, State.UNDER_REVIEW)
#: Supervised states: running, or returned for correction (paused, keeping its level).
SUPERVISED = (*RUNNING, State.RETURNED)


def yellow_ratio(configured: object) -> float:
    """The configured yellow ratio (a setting's text or a number); an unusable value
    falls back to the default rather than stopping every list (settings validate it
    when it is saved)."""
    try:
        ratio = float(str(configured)) if configured not in (None, "") else DEFAULT_YELLOW_RATIO
    except ValueError:
        return DEFAULT_YELLOW_RATIO
    return ratio if 0 < ratio <= 1 else DEFAULT_YELLOW_RATIO


def pauses_of(record: CaseRecord) -> list[Pause]:
    return [Pause(date.fromisoformat(p["start"]),
                  date.fromisoformat(p["end"]) if p.get("end") else None, str(p["reason"]))
            for p in record.pauses]


def case_level(record: CaseRecord, cal: WorkCalendar, today: date,
               yellow_ratio: float = 0.8) -> Level | None:
    """The case's level today, or None when its clock is not running (not yet accepted,
    decided, or closed)."""
    if record.state not in SUPERVISED or record.accepted_at is None or record.limit_days is None:
        return None
    if record.limit_days == 0:
        return Level.NORMAL
    return supervision_level(cal, accepted=local_date(record.accepted_at),
                             limit_days=record.limit_days, today=today,
                             pauses=pauses_of(record), yellow_ratio=yellow_ratio)


# --- a returned case's clock, as the case row keeps it --------------------------------------

@dataclass(frozen=True)
class PausedClock:
    """What fixes the level of a case whose pause is open, from the latest day its pauses
    name (``since``) on: its clock stands still, so ``left`` (the working days it had left
    then) does not move. While positive the case is yellow or normal by it alone, never
    red (the open pause covers every later day); at 0 or below the pause began once the
    case was due, did not move the due date (``due``), and the case is red after it."""

    left: int
    due: date | None  # only when left <= 0
    since: date


def pause_latest(accepted: date, pauses: Sequence[Pause]) -> date:
    """The latest day a case's acceptance and pauses name."""
    return max([accepted, *(p.start for p in pauses), *(p.end for p in pauses if p.end)])


def frozen_left(cal: WorkCalendar, *, accepted: date, limit_days: int,
                pauses: Sequence[Pause]) -> int:
    """The working days left to a case whose pause is open: the limit less the days it
    used up to the latest day its pauses name (the district's ``clock_left`` too)."""
    latest = pause_latest(accepted, pauses)
    return limit_days - cal.counted_working_days(accepted, latest, pauses, today=latest)


def paused_clock(cal: WorkCalendar, *, accepted: date, limit_days: int,
                 pauses: Sequence[Pause]) -> PausedClock | None:
    """The clock a returned case keeps (None: its pauses do not fix one, judge it by
    :func:`supervise` day by day)."""
    if not any(p.end is None for p in pauses):
        return None
    latest = pause_latest(accepted, pauses)
    left = frozen_left(cal, accepted=accepted, limit_days=limit_days, pauses=pauses)
    if left > 0:
        return PausedClock(left, None, latest)
    due = supervise(cal, accepted=accepted, limit_days=limit_days, today=latest,
                    pauses=pauses).due.day
    later = supervise(cal, accepted=accepted, limit_days=limit_days,
                      today=latest + timedelta(days=90), pauses=pauses).due.day
    return PausedClock(left, due, latest) if due == later else None


def paused_level(clock: PausedClock, limit_days: int, today: date,
                 yellow_ratio: float = DEFAULT_YELLOW_RATIO) -> Level:
    """:func:`supervise`'s level, on any day from ``clock.since`` on, of a case whose
    pause is still open (limit 0: normal, as the lists show instant matters)."""
    if limit_days == 0:
        return Level.NORMAL
    if clock.left <= 0:
        assert clock.due is not None
        return Level.RED if today > clock.due else Level.YELLOW
    used = limit_days - clock.left
    if used >= Fraction(str(yellow_ratio)) * limit_days or clock.left <= 1:
        return Level.YELLOW
    return Level.NORMAL
