"""Supervision (电子监察) of a station's cases: which ones are yellow or red today."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from clerk.calendar import Pause, WorkCalendar
from clerk.calendar.supervision import Level, supervision_level
from clerk.cases.record import CaseRecord
from clerk.cases.states import State
from clerk.timeutil import local_date

# The clock runs from acceptance until the decision (or, at station level, the hand-over).
SUPERVISED = frozenset({State.ACCEPTED, State.ESCALATED, State.UNDER_REVIEW, State.RETURNED})


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


def overdue_promise_count(s: Session, today: date) -> int:
    """Promised materials (容缺后补) still awaited after their promise date: a broken
    promise is supervised like a late case (the district's board counts the same)."""
    from clerk.cases.queries import overdue_promises

    return len(overdue_promises(s, today))
