"""Supervision (电子监察) of cases: which ones are yellow or red today.

The rule itself is :func:`clerk.calendar.supervision.supervise` (working-day arithmetic
only). This module applies it to cases: which states it watches, the configured yellow
ratio, a case record's level. Its SQL form, :class:`clerk.cases.queries.SupervisionCut`,
turns the same rule into date cut-offs (tested against this one on generated cases), and
the district's ``Judge`` uses the cut to skip cases that are surely normal and this rule
for the rest. The station and the district share all of it.
"""

from __future__ import annotations

from datetime import date

from clerk.calendar import Pause, WorkCalendar
from clerk.calendar.supervision import DEFAULT_YELLOW_RATIO, Level, supervision_level
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
