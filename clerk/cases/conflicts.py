"""Two counters of a station acted on one case offline: the conflict, kept and resolved.

The counter whose step reached the district first wins the case's next number; the
other's step is refused (`seq_conflict`). When this PC then pulls the winning step, its
own unacknowledged steps from that number on are *superseded*: they stay in
case_events with their content and place in the hash chain (the audit still verifies),
but leave the case's projection, which is rebuilt from the live events and then takes
the other counter's step. A SyncConflict row shows both versions until the clerk

* redoes the local steps on the current case (new events, numbered after it, each
  judged again by the state machine; a checklist step carries over only the items it
  changed, so the other counter's changes are not overwritten), or
* discards them (they stay on record as superseded).

Nothing is overwritten, nothing is lost. A supplement (容缺后补) changes no state and
names its items by key, so it is redone at once by the pull (clerk need not act): that
is how a supplement recorded while the district holds the case stops racing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.cases.event_checklist import slim_payload
from clerk.cases.events import Event
from clerk.cases.ledger import (
    append_event,
    load_by_case_no,
    load_record,
    replay_stored,
    rewrite_projection,
)
from clerk.cases.projection import apply_event
from clerk.cases.record import CaseRecord
from clerk.cases.service import applicant_row, file_documents, stored_event, writes_slim
from clerk.cases.states import EventType, Side
from clerk.errors import QT_TRANSLATE_NOOP, NotFoundError, StationDeskError
from clerk.ids import new_id
from clerk.labels import EVENT_LABELS
from clerk.store.models import SUPERSEDED, CaseEvent, SyncConflict, SyncOutbox

if TYPE_CHECKING:
    from clerk.workspace import Workspace

OPEN, REDONE, DISCARDED = "open", "redone", "discarded"
UNACKED = frozenset({"pending", "rejected"})
# Steps that change no state and name what they change: redone by the pull itself.
AUTO_REDO = frozenset({EventType.SUPPLEMENTED})
FILES_DOCUMENTS = frozenset({EventType.ACCEPTED, EventType.SUPPLEMENTED})


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


def _live(s: Session, case_id: str) -> list[CaseEvent]:
    return list(s.execute(select(CaseEvent).where(
        CaseEvent.case_id == case_id, CaseEvent.sync_state != SUPERSEDED)
        .order_by(CaseEvent.seq)).scalars())


def supersede(s: Session, case_id: str, seq: int, their_event_id: str,
              now: datetime) -> tuple[CaseRecord, SyncConflict] | None:
    """Set this PC's unacknowledged steps from `seq` on aside for a pulled step that
    took `seq`; None when those steps are not all this PC's own, unacknowledged ones
    (then the pulled step cannot be applied and is quarantined as before)."""
    events = _live(s, case_id)
    mine = [r for r in events if r.seq >= seq]
    # Unacknowledged: still in the outbox (migration 0011), and pending or rejected.
    outboxed = set(s.execute(select(SyncOutbox.pos).where(SyncOutbox.case_id == case_id))
                   .scalars())
    if not mine or any(r.origin != Side.STATION.value or r.pos not in outboxed
                       or r.sync_state not in UNACKED for r in mine):
        return None
    refusal = next((r.sync_error for r in mine if r.sync_error), "") or ""
    for r in mine:
        r.sync_state = SUPERSEDED
    s.flush()
    base = replay_stored(s, case_id, (stored_event(r) for r in events if r.seq < seq))
    rewrite_projection(s, base)
    case_no = base.case_no
    conflict = SyncConflict(
        id=new_id(), case_id=case_id, case_no=case_no, seq=seq,
        local_event_ids=[r.event_id for r in mine], their_event_id=their_event_id,
        refusal=refusal, detected_at=_naive(now), state=OPEN, redo_event_ids=[])
    s.add(conflict)
    s.flush()
    return load_record(s, case_id), conflict


def _written(payload: dict[str, Any], record: CaseRecord, slim: bool) -> dict[str, Any]:
    return slim_payload(payload, record.matter) if slim else payload


def _rebased(ev: Event, before: CaseRecord, after: CaseRecord,
             current: CaseRecord) -> dict[str, Any]:
    """`ev`'s payload for the current case: a checklist carries over only the items the
    step changed; everything else (doc numbers already on paper) as recorded."""
    payload = dict(ev.payload)
    if "checklist" in payload:
        was = {str(i["key"]): i for i in before.checklist}
        mine = {str(i["key"]): i for i in after.checklist}
        payload["checklist"] = [
            mine[str(i["key"])] if str(i["key"]) in mine
            and mine[str(i["key"])] != was.get(str(i["key"])) else i
            for i in current.checklist]
    payload["redo_of"] = ev.event_id
    return payload


def redo_in(s: Session, conflict: SyncConflict, actor: str | None, now: datetime, *,
            keep_time: bool = False) -> CaseRecord:
    """Redo the conflict's local steps on the current case, all or none (a step the
    state machine refuses raises its worded error and nothing is stored)."""
    rows = {r.event_id: r for r in s.execute(select(CaseEvent).where(
        CaseEvent.event_id.in_(list(conflict.local_event_ids)))).scalars()}
    local = [stored_event(rows[i]) for i in conflict.local_event_ids]
    before = replay_stored(s, conflict.case_id, (stored_event(r) for r in _live(
        s, conflict.case_id) if r.seq < conflict.seq))
    current = load_record(s, conflict.case_id)
    trial = current.clone()
    slim = writes_slim(s)
    fresh: list[Event] = []
    for ev in local:
        after = apply_event(before.clone(), ev)
        new = Event(event_id=new_id(), case_id=conflict.case_id, seq=trial.version + 1,
                    type=ev.type,
                    payload=_written(_rebased(ev, before, after, trial), trial, slim),
                    actor=actor or ev.actor, origin=Side.STATION,
                    occurred_at=ev.occurred_at if keep_time else now)
        trial = apply_event(trial, new)  # judged before anything is written
        fresh.append(new)
        before = after
    rec = current
    for new in fresh:
        rec = append_event(s, rec, new)
        if new.type in FILES_DOCUMENTS:
            file_documents(s, rec, new.actor, new.occurred_at,
                           applicant_id=applicant_row(s, conflict.case_id))
    conflict.state, conflict.resolved_at = REDONE, _naive(now)
    conflict.resolved_by = actor or "auto"
    conflict.redo_event_ids = [e.event_id for e in fresh]
    return rec


def auto_redo(s: Session, conflict: SyncConflict, now: datetime) -> bool:
    """Redo a conflict of supplements at once (the pull); False leaves it to the clerk."""
    types = s.execute(select(CaseEvent.type).where(
        CaseEvent.event_id.in_(list(conflict.local_event_ids)))).scalars()
    if any(EventType(t) not in AUTO_REDO for t in types):
        return False
    try:
        redo_in(s, conflict, None, now, keep_time=True)
    except StationDeskError:
        return False
    return True


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Step:
    seq: int
    type: str
    label: str
    actor: str
    origin: str
    occurred_at: datetime
    summary: str


@dataclass(frozen=True)
class ConflictView:
    id: str
    case_no: str
    seq: int
    state: str
    detected_at: datetime
    refusal: str
    mine: list[Step]  # this PC's steps the district refused (superseded)
    theirs: list[Step]  # what the case holds from `seq` on (the other counter, district)
    resolved_by: str | None

    @property
    def text(self) -> str:
        """The conflict worded for the clerk."""
        mine = "、".join(f"{st.label}（{st.actor}）" for st in self.mine)
        theirs = "、".join(f"{st.label}（{st.actor}）" for st in self.theirs) or "—"
        return CONFLICT_WORDS.format(case_no=self.case_no, seq=self.seq, theirs=theirs,
                                     mine=mine)


CONFLICT_WORDS = QT_TRANSLATE_NOOP(
    "errors", "案件 {case_no} 冲突：另一窗口（或区中心）已先办理第 {seq} 步“{theirs}”，"
              "本机离线时办理的“{mine}”未被接收，已原样保留。请核对后选择“在当前版本上重做”"
              "或“放弃本机操作”（python -m clerk conflicts redo|discard 案件编号）。")


def _summary(ev: CaseEvent) -> str:
    p = ev.payload or {}
    for key in ("reason", "text", "procedure", "step", "note"):
        if p.get(key):
            return str(p[key])[:60]
    if ev.type == EventType.SUPPLEMENTED.value:
        return "、".join(str(i.get("name", i.get("key"))) for i in p.get("items", []))[:60]
    return str(p.get("doc_no", ""))


def _step(ev: CaseEvent) -> Step:
    return Step(ev.seq, ev.type, EVENT_LABELS.get(ev.type, ev.type), ev.actor, ev.origin,
                ev.occurred_at.replace(tzinfo=UTC), _summary(ev))


def view(s: Session, c: SyncConflict) -> ConflictView:
    rows = {r.event_id: r for r in s.execute(select(CaseEvent).where(
        CaseEvent.event_id.in_(list(c.local_event_ids)))).scalars()}
    redo = set(c.redo_event_ids or [])
    theirs = [_step(r) for r in _live(s, c.case_id) if r.seq >= c.seq and r.event_id not in redo
              and not (r.payload or {}).get("redo_of")]
    return ConflictView(c.id, c.case_no, c.seq, c.state, c.detected_at.replace(tzinfo=UTC),
                        c.refusal, [_step(rows[i]) for i in c.local_event_ids if i in rows],
                        theirs, c.resolved_by)


def open_count(s: Session) -> int:
    from sqlalchemy import func

    return int(s.execute(select(func.count()).select_from(SyncConflict)
                         .where(SyncConflict.state == OPEN)).scalar_one())


NO_CONFLICT = QT_TRANSLATE_NOOP("errors", "案件 {case_no} 没有待处理的同步冲突。")


class Conflicts:
    """``ws.conflicts``: list, show, redo and discard; each call one transaction."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def listed(self, *, all_states: bool = False) -> list[ConflictView]:
        with self.ws.store.read() as s:
            q = select(SyncConflict).order_by(SyncConflict.detected_at)
            if not all_states:
                q = q.where(SyncConflict.state == OPEN)
            return [view(s, c) for c in s.execute(q).scalars()]

    def of_case(self, case_no: str) -> list[ConflictView]:
        with self.ws.store.read() as s:
            rec = load_by_case_no(s, case_no)
            return [view(s, c) for c in s.execute(
                select(SyncConflict).where(SyncConflict.case_id == rec.id)
                .order_by(SyncConflict.detected_at)).scalars()]

    def _open(self, s: Session, case_no: str) -> SyncConflict:
        rec = load_by_case_no(s, case_no)
        found = s.execute(select(SyncConflict).where(
            SyncConflict.case_id == rec.id, SyncConflict.state == OPEN)
            .order_by(SyncConflict.detected_at)).scalars().first()
        if found is None:
            raise NotFoundError(NO_CONFLICT, code="conflict.none",
                                params={"case_no": case_no.strip()})
        return found

    def redo(self, case_no: str, clerk: str | None = None) -> CaseRecord:
        """Redo this PC's refused steps on the current case (pushed at the next round)."""
        now = self.ws.now()
        with self.ws.store.write() as s:
            conflict = self._open(s, case_no)
            return redo_in(s, conflict, self.ws.resolve_clerk(s, clerk), now)

    def discard(self, case_no: str, clerk: str | None = None) -> ConflictView:
        """Keep the case as it is; this PC's refused steps stay on record, superseded."""
        now = self.ws.now()
        with self.ws.store.write() as s:
            conflict = self._open(s, case_no)
            conflict.state, conflict.resolved_at = DISCARDED, _naive(now)
            conflict.resolved_by = self.ws.resolve_clerk(s, clerk)
            s.flush()
            return view(s, conflict)
