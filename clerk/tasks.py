"""``ws.tasks``: the station's to-do lists (待办), read together in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from clerk.cases.queries import (
    CaseRow,
    FollowUp,
    LevelFilter,
    ReturnedCase,
    SupervisionCut,
    cases_in,
    follow_ups,
    overdue_promise_count,
    returned_cases,
    supervised,
)
from clerk.cases.states import State
from clerk.timeutil import local_date

if TYPE_CHECKING:
    from clerk.workspace import Workspace


@dataclass
class TaskLists:
    """Everything the tasks page shows."""

    today: date
    follow_ups: list[FollowUp] = field(default_factory=list)
    returned: list[ReturnedCase] = field(default_factory=list)
    results: list[CaseRow] = field(default_factory=list)
    red: list[CaseRow] = field(default_factory=list)
    yellow: list[CaseRow] = field(default_factory=list)
    cut: SupervisionCut | None = None
    overdue_promises: int | None = None  # supervision's count of broken 容缺 promises

    @property
    def broken_promises(self) -> int:
        if self.overdue_promises is not None:
            return self.overdue_promises
        return sum(1 for f in self.follow_ups if f.overdue(self.today))


class Tasks:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def lists(self, cut: SupervisionCut) -> TaskLists:
        """Follow-ups, returned cases, results to hand over, red and yellow cases."""
        today = local_date(self.ws.now())
        with self.ws.store.read() as s:
            return TaskLists(
                today=today, follow_ups=follow_ups(s), returned=returned_cases(s),
                overdue_promises=overdue_promise_count(s, today),
                results=cases_in(s, (State.APPROVED, State.DENIED), cut),
                red=supervised(s, cut, LevelFilter.RED),
                yellow=supervised(s, cut, LevelFilter.YELLOW), cut=cut)
