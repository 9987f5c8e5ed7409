"""Verifying the station's event history: content hashes, the chain, and the projections.

Editing an event's content breaks its content hash; deleting, inserting or reordering
events breaks the chain; editing a case row behind the events' back makes it differ from
the replayed projection. The first problem found is reported with the event that shows it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.cases.events import GENESIS, Event, chain_hash
from clerk.cases.projection import replay
from clerk.cases.record import CaseRecord
from clerk.cases.service import stored_event
from clerk.cases.snapshot import with_record_matter
from clerk.errors import StationDeskError
from clerk.store.models import SUPERSEDED, Case, CaseEvent


@dataclass(frozen=True)
class AuditResult:
    ok: bool
    events: int
    cases: int
    problem: str = ""
    event_id: str | None = None
    position: int | None = None


def verify(session: Session) -> AuditResult:
    prev = GENESIS
    by_case: dict[str, list[Event]] = defaultdict(list)
    count = 0
    for row in session.execute(select(CaseEvent).order_by(CaseEvent.pos)).scalars():
        count += 1
        ev = stored_event(row)
        # A redacted event (clerk.retention) lost its personal data on purpose; its place
        # in the chain is still checked against the original content's hash.
        if row.redacted_at is None and ev.content_hash() != row.hash:
            return _broken(row, count, "事件内容与其哈希不符（内容被改动）")
        if row.chain_prev != prev or row.chain_hash != chain_hash(prev, row.hash):
            return _broken(row, count, "哈希链断开（事件被删除、插入或调换顺序）")
        prev = row.chain_hash
        if row.sync_state != SUPERSEDED:  # kept in the chain, not part of the case
            by_case[row.case_id].append(ev)
    for case in session.execute(select(Case)).scalars():
        events = by_case.pop(case.id, [])
        problem = _projection_problem(case, events)
        if problem:
            last = events[-1].event_id if events else None
            return AuditResult(False, count, 0, f"案件 {case.case_no}：{problem}", last)
    if by_case:
        orphan = next(iter(by_case.values()))[0]
        return AuditResult(False, count, 0, "事件所属的案件记录不存在", orphan.event_id)
    cases = session.execute(select(Case.id)).all()
    return AuditResult(True, count, len(cases))


def _broken(row: CaseEvent, position: int, problem: str) -> AuditResult:
    return AuditResult(False, position - 1, 0, problem, row.event_id, position)


def _projection_problem(row: Case, events: list[Event]) -> str:
    if not events:
        return "没有任何事件"
    try:
        rebuilt = replay(with_record_matter(events, (row.data or {}).get("matter")))
    except StationDeskError as exc:
        return f"事件无法按状态机重放：{exc.message}"
    if rebuilt.to_dict() != CaseRecord.from_dict(row.data).to_dict():
        return "案件记录与事件重放结果不一致（记录被改动）"
    if row.state != rebuilt.state.value or row.version != rebuilt.version:
        return "案件状态列与事件不一致（记录被改动）"
    return ""
