"""Station reports: what happened on one day, counted by matter and state. No personal data."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.calendar import WorkCalendar
from clerk.calendar.supervision import DEFAULT_YELLOW_RATIO
from clerk.cases.queries import Level, SupervisionCut, level_counts
from clerk.cases.states import RULES, EventType, State
from clerk.store.models import Case, CaseEvent
from clerk.timeutil import day_bounds_utc

# Which event puts a case into which state, for counting a day's movements.
_ENTERS: dict[str, State] = {
    e.value: r.target for e, r in RULES.items() if r.target is not None
}


@dataclass
class DailySummary:
    day: date
    matters: dict[str, str] = field(default_factory=dict)  # code → name
    # (matter code, state) → cases that entered that state on the day
    moves: Counter[tuple[str, State]] = field(default_factory=Counter)
    supervision: Counter[str] = field(default_factory=Counter)  # normal/yellow/red, at day end
    ratings: Counter[int] = field(default_factory=Counter)

    def count(self, matter_code: str, state: State) -> int:
        return self.moves[(matter_code, state)]


def daily_summary(session: Session, day: date, cal: WorkCalendar,
                  yellow_ratio: float = DEFAULT_YELLOW_RATIO) -> DailySummary:
    """Counts of the day's state changes by matter, the day's ratings, and the supervision
    levels of the cases open at the end of the day."""
    start, end = day_bounds_utc(day)
    summary = DailySummary(day)
    rows = session.execute(
        select(CaseEvent.type, CaseEvent.payload, Case.matter_code, Case.matter_name)
        .join(Case, Case.id == CaseEvent.case_id)
        .where(CaseEvent.occurred_at >= start, CaseEvent.occurred_at < end)
    ).all()
    for etype, payload, code, name in rows:
        summary.matters[code] = name
        if etype in _ENTERS:
            summary.moves[(code, _ENTERS[etype])] += 1
        rating = payload.get("rating") if etype in (EventType.RATED, EventType.COMPLETED) else None
        if rating:
            summary.ratings[int(rating["score"])] += 1
    # The same level arithmetic the case list uses, in SQL over the light columns: no
    # case's JSON is parsed, so this stays fast with 100,000 cases.
    counts = level_counts(session, SupervisionCut.build(cal, day, yellow_ratio))
    for level in (Level.NORMAL, Level.YELLOW, Level.RED):
        summary.supervision[level.value] = counts.get(level, 0)
    return summary


def counts_by_state(session: Session) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for state in session.execute(select(Case.state)).scalars():
        totals[state] += 1
    return dict(totals)
