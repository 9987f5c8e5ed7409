"""Pulling the district's changes and those of the station's other counters: events and
notes after the saved cursor, page by page.

Each page is applied in one transaction together with the new cursor, unless a clerk's
save comes to wait: then in several, the cursor with the last (`apply_page`), so a crash
leaves the cursor where it was and never half an event. Events already present are
skipped (idempotent); an event this station cannot apply (its case is unknown here, its
sequence does not follow on) is quarantined with the reason rather than blocking every
later change, and retried at the next pull. Returned cases come back as tasks (state
`returned`, the reviewer's items in `record.returns`); decisions come back for hand-over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clerk.applicants import adopt_snapshot
from clerk.cases import conflicts
from clerk.cases.due import refresh as refresh_dues
from clerk.cases.ledger import ChainHead, append_event
from clerk.cases.record import CaseRecord
from clerk.cases.service import applicant_row, file_documents
from clerk.cases.snapshot import attached, verified
from clerk.cases.states import EventType, Side
from clerk.errors import StationDeskError
from clerk.options import SYNC_CURSOR
from clerk.store.models import (
    Case,
    CaseEvent,
    CaseNote,
    Setting,
    SyncConflict,
    SyncQuarantine,
)
from clerk.workspace import Workspace
from sync.client import DistrictClient
from wire.protocol import PulledEvent, PulledNote, PullResponse

CURSOR_KEY = SYNC_CURSOR.key  # declared in clerk.options
TASK_TYPES = frozenset({EventType.RETURNED})
DECISION_TYPES = frozenset({EventType.APPROVED, EventType.DENIED})


@dataclass
class PullReport:
    events: int = 0
    notes: int = 0
    skipped: int = 0
    quarantined: int = 0
    released: int = 0  # quarantined events applied at last
    tasks: list[str] = field(default_factory=list)  # case numbers returned for correction
    decisions: list[str] = field(default_factory=list)  # case numbers ready for hand-over
    pages: int = 0
    cursor: int = 0
    station_events: int = 0  # of them, steps of this station's other counters
    conflicts: list[str] = field(default_factory=list)  # case numbers with a new conflict
    rebased: list[str] = field(default_factory=list)  # supplements redone at once


#: Where a quarantined created event keeps the snapshot it names (its retry needs it).
QUARANTINED_SNAPSHOT = "matter_snapshot"


def cursor(s: Session) -> int:
    row = s.get(Setting, CURSOR_KEY)
    return int(row.value) if row is not None else 0


def _set_cursor(s: Session, value: int) -> None:
    row = s.get(Setting, CURSOR_KEY)
    if row is None:
        s.add(Setting(key=CURSOR_KEY, value=str(value)))
    else:
        row.value = str(value)


class _Applier:
    def __init__(self, ws: Workspace, s: Session, report: PullReport) -> None:
        self.ws = ws
        self.s = s
        self.report = report
        self.records: dict[str, CaseRecord | None] = {}
        self.touched: set[str] = set()
        self.conflicts: list[SyncConflict] = []
        self.head = ChainHead()  # this transaction's chain head, once the first event read it
        # The snapshots created events name by `matter_ref`, checked against their refs.
        self.snapshots: dict[str, dict[str, Any]] = {}

    def settle_conflicts(self) -> None:
        """Supplements set aside are redone at once on the current case (nothing for
        the clerk to decide: they change no state and name their items by key)."""
        if self.conflicts:
            self.head.forget()  # the redone steps are appended without it
        for conflict in self.conflicts:
            if conflicts.auto_redo(self.s, conflict, self.ws.now()):
                self.report.rebased.append(conflict.case_no)
                self.records.pop(conflict.case_id, None)
        self.conflicts.clear()

    def record(self, case_id: str) -> CaseRecord | None:
        if case_id not in self.records:
            # The row itself, not its data alone: appending the event updates it, and
            # finds it then in the session instead of reading it again.
            row = self.s.get(Case, case_id)
            self.records[case_id] = CaseRecord.from_dict(row.data) if row is not None else None
        return self.records[case_id]

    def apply(self, ev: PulledEvent) -> tuple[str, str] | None:
        """Apply one event; None when applied, else (code, message) why not.

        The district's events and those of the station's other counters (origin
        station) are applied alike; another counter's new case brings its applicant.
        A pulled step whose number this PC used for a step of its own the district
        refused is a conflict (clerk.cases.conflicts): this PC's steps are set aside,
        kept, and the pulled one applies."""
        if ev.computed_hash() != ev.hash:
            return "hash_mismatch", "事件内容与其哈希不符。"
        rec = self.record(ev.case_id)
        if rec is None and not (ev.type == EventType.CREATED and ev.seq == 1):
            return "case.unknown", "本站没有这个案件。"
        if rec is not None and ev.seq <= rec.version:
            set_aside = conflicts.supersede(self.s, ev.case_id, ev.seq, ev.event_id,
                                            self.ws.now())
            if set_aside is None:
                return "out_of_order", f"事件序号 {ev.seq} 已被本站的另一事件占用。"
            rec, conflict = set_aside
            self.conflicts.append(conflict)
            self.report.conflicts.append(rec.case_no)
        if rec is not None and ev.seq != rec.version + 1:
            return "out_of_order", f"事件序号 {ev.seq} 不接续本站的 {rec.version}。"
        try:
            event = attached(ev.event(ev.hash), self.snapshots)
            if rec is None:  # the person as taken when the case was created there
                adopt_snapshot(self.s, ev.payload["applicant"], now=self.ws.now(),
                               taken_at=event.occurred_at)
            new = append_event(self.s, rec, event, sync_state="acked", head=self.head)
            if ev.origin == Side.STATION and ev.type in conflicts.FILES_DOCUMENTS:
                file_documents(self.s, new, ev.actor, event.occurred_at,
                               applicant_id=applicant_row(self.s, ev.case_id))
        except StationDeskError as exc:
            return exc.code, exc.message
        except (KeyError, TypeError, ValueError) as exc:
            return "event.payload", f"事件内容无法应用：{type(exc).__name__}"
        self.records[ev.case_id] = new
        self.touched.add(ev.case_id)
        if ev.origin == Side.STATION:
            self.report.station_events += 1
        if ev.type in TASK_TYPES:
            self.report.tasks.append(new.case_no)
        elif ev.type in DECISION_TYPES:
            self.report.decisions.append(new.case_no)
        return None

    def quarantine(self, ev: PulledEvent, code: str, message: str) -> None:
        if self.s.get(SyncQuarantine, ev.event_id) is None:
            body = ev.model_dump(mode="json")
            ref = ev.payload.get("matter_ref")
            if isinstance(ref, str) and ref in self.snapshots:  # kept for the retry
                body[QUARANTINED_SNAPSHOT] = self.snapshots[ref]
            self.s.add(SyncQuarantine(
                event_id=ev.event_id, case_id=ev.case_id, seq=ev.seq, pos=ev.pos,
                body=body, code=code, message=message,
                received_at=self.ws.now().astimezone(UTC).replace(tzinfo=None)))
            self.report.quarantined += 1

    def note(self, n: PulledNote) -> None:
        if self.s.get(CaseNote, n.note_id) is not None:
            self.report.skipped += 1
            return
        if n.computed_hash() != n.hash or self.record(n.case_id) is None:
            return  # a note about a case we do not have is of no use here
        self.s.add(CaseNote(note_id=n.note_id, case_id=n.case_id, text=n.text, author=n.author,
                            origin=n.origin.value, occurred_at=n.occurred_at, hash=n.hash,
                            sync_state="acked",
                            acked_at=self.ws.now().astimezone(UTC).replace(tzinfo=None)))
        self.report.notes += 1


def apply_page(ws: Workspace, page: PullResponse, report: PullReport) -> None:
    """Apply one page and save its cursor.

    The page goes in one write transaction unless a clerk's save (another writer of this
    process) comes to wait for it: then the transaction ends, committed, after the event
    at hand, and the rest of the page follows in another one after that save
    (clerk.store.write_turns). A page of other counters' steps takes a second or more to
    apply, and the save would otherwise wait that long, or fail at the busy timeout on a
    slow PC. The cursor is saved with the page's last transaction: a crash between them
    leaves the cursor where it was and some of the page's events applied (each whole),
    which its next pull skips as present.
    """
    snapshots = verified(page.snapshots)
    events = sorted(page.events, key=lambda e: e.pos)
    done = 0
    while True:
        with ws.store.write() as s:
            applier = _Applier(ws, s, report)
            applier.snapshots = snapshots
            done = _apply_events(ws, applier, events, done)
            if done == len(events):
                for n in page.notes:
                    applier.note(n)
            applier.settle_conflicts()
            refresh_dues(s, ws.calendar(), applier.touched, ws.now())
            if done == len(events):
                _set_cursor(s, page.next_cursor)
                break
    report.cursor = page.next_cursor


def _apply_events(ws: Workspace, applier: _Applier, events: list[PulledEvent],
                  start: int) -> int:
    """Apply `events[start:]` until another writer waits; how far it got."""
    rest = events[start:]
    present = set(applier.s.execute(select(CaseEvent.event_id).where(
        CaseEvent.event_id.in_([e.event_id for e in rest]))).scalars()) if rest else set()
    report = applier.report
    for at, ev in enumerate(rest, start + 1):
        if ev.event_id in present:
            report.skipped += 1
        elif (problem := applier.apply(ev)) is None:
            report.events += 1
        else:
            applier.quarantine(ev, *problem)
        if at < len(events) and ws.store.writers_waiting():
            return at
    return len(events)


def retry_quarantine(ws: Workspace, report: PullReport) -> None:
    """Apply quarantined events whose gap has meanwhile been filled."""
    with ws.store.write() as s:
        rows = list(s.execute(select(SyncQuarantine)
                              .order_by(SyncQuarantine.case_id, SyncQuarantine.seq)).scalars())
        if not rows:
            return
        applier = _Applier(ws, s, report)
        for row in rows:
            ev = PulledEvent.model_validate(row.body)
            ref, kept = ev.payload.get("matter_ref"), row.body.get(QUARANTINED_SNAPSHOT)
            applier.snapshots = verified({ref: kept}) if isinstance(ref, str) else {}
            if s.execute(select(CaseEvent.pos).where(CaseEvent.event_id == ev.event_id)).first():
                s.execute(delete(SyncQuarantine).where(SyncQuarantine.event_id == row.event_id))
                continue
            if applier.apply(ev) is None:
                s.execute(delete(SyncQuarantine).where(SyncQuarantine.event_id == row.event_id))
                report.released += 1
        applier.settle_conflicts()
        refresh_dues(s, ws.calendar(), applier.touched, ws.now())


def pull_all(ws: Workspace, client: DistrictClient, *, page_size: int = 500) -> PullReport:
    report = PullReport()
    retry_quarantine(ws, report)
    with ws.store.read() as s:
        position = cursor(s)
    report.cursor = position
    while True:
        page = client.pull(position, page_size)
        report.pages += 1
        if not page.events and not page.notes and page.next_cursor == position:
            break
        apply_page(ws, page, report)
        position = page.next_cursor
        if not page.more:
            break
    return report
