"""The outbox relay: the station's pending events and notes, pushed in local order.

Events go in batches of at most 500 in the order they were written (`pos`); the district
answers for every event and each answer is recorded here: `accepted` and `duplicate` mean
the district holds the event (acked: its `sync_outbox` row is deleted, the wide event row
is not rewritten; migration 0011), `rejected` keeps the code and message for the
clerk. An event the reply does not mention stays pending, so nothing is ever reported as
synced that the district did not confirm. One rejected event does not stop the others;
only the later events of the same case are bound to follow it (the district refuses
them as out of order).

The request body is assembled from the stored JSON text of each payload, so a push of
tens of thousands of events does not decode and re-encode every payload.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC
from itertools import takewhile
from typing import Any, cast

import orjson
from sqlalchemy import (
    ColumnElement,
    LargeBinary,
    Table,
    Text,
    bindparam,
    case,
    func,
    literal,
    literal_column,
    null,
    select,
    type_coerce,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from clerk.cases.snapshot import snapshot_ref
from clerk.store.models import Case, CaseEvent, CaseNote, SyncOutbox
from clerk.workspace import Workspace
from sync.client import DistrictClient
from wire.protocol import MAX_BATCH, PushResponse, ResultStatus, blob_refs


@dataclass
class Rejection:
    event_id: str
    case_id: str
    code: str
    message: str


@dataclass
class PushReport:
    sent: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    held_back: int = 0  # waiting for a scan that could not be uploaded
    notes_sent: int = 0
    notes_acked: int = 0
    notes_rejected: int = 0
    batches: int = 0
    held_cases: list[str] = field(default_factory=list)  # case ids waiting for a scan


@dataclass
class _Pending:
    pos: int
    event_id: str
    case_id: str
    json: bytes  # the event's wire JSON, UTF-8 as SQLite spelled it (never decoded)


# Called with the blob hashes a batch needs; returns those that are NOT on the district.
BlobGate = Callable[[set[str]], set[str]]


def _quoted(column: Any) -> ColumnElement[str]:
    return func.json_quote(column, type_=Text)


# SQLAlchemy stores a DateTime on SQLite as "YYYY-MM-DD HH:MM:SS.ffffff" (always with
# microseconds); the wire spells it "YYYY-MM-DDTHH:MM:SS.ffffffZ" (clerk's utc_iso(), the
# hashed form). A row stored in any other shape gets NULL here and the Python spelling.
_STORED_STAMP = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] " \
                "[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]"
_STORED_TEXT = type_coerce(CaseEvent.occurred_at, Text)
_STAMP_AS_STORED = _STORED_TEXT.op("GLOB", is_comparison=True)(_STORED_STAMP)
_WIRE_STAMP = func.replace(_STORED_TEXT, " ", "T", type_=Text) + "Z"

#: One event's wire JSON, built by SQLite as it reads the row: json_quote() escapes the
#: strings in C and the stored payload text is spliced in as it is (never decoded and
#: re-encoded), which halves the station's cost of reading a batch.
_WIRE_JSON = (literal('{"event_id":', Text) + _quoted(CaseEvent.event_id)
              + ',"case_id":' + _quoted(CaseEvent.case_id)
              + ',"seq":' + sql_cast(CaseEvent.seq, Text)
              + ',"type":' + _quoted(CaseEvent.type)
              + ',"payload":' + type_coerce(CaseEvent.payload, Text)
              + ',"actor":' + _quoted(CaseEvent.actor)
              + ',"origin":' + _quoted(CaseEvent.origin)
              + ',"occurred_at":' + _quoted(_WIRE_STAMP)
              + ',"hash":' + _quoted(CaseEvent.hash) + "}")


#: The event's sync_state behind SQLite's unary plus, which keeps the planner off
#: ix_case_events_sync_state: acknowledged events keep 'pending' in their rows, so that
#: index holds the station's whole history, while the outbox holds what is left to send.
_STATE_UNINDEXED = literal_column("+case_events.sync_state", Text)


def _pending(s: Session, after: int, limit: int) -> list[_Pending]:
    """The next `limit` pending station events after `pos`, read from the outbox (only
    the unacknowledged events, however long the station's history) joined to their rows.

    Core rows, not ORM ones: the ORM's per-row loading costs more than SQLite's reading.
    The JSON comes as the UTF-8 bytes the request body is made of (CAST AS BLOB), not
    decoded into str here and encoded again for the request."""
    rows = s.connection().execute(
        select(CaseEvent.pos, CaseEvent.event_id, CaseEvent.case_id,
               sql_cast(case((_STAMP_AS_STORED, _WIRE_JSON), else_=null()), LargeBinary)
               .label("json"))
        .select_from(SyncOutbox).join(CaseEvent, CaseEvent.pos == SyncOutbox.pos)
        .where(SyncOutbox.pos > after, _STATE_UNINDEXED == "pending")
        .order_by(SyncOutbox.pos).limit(limit)).all()
    # Rows unpacked by position: a named attribute of a Row is a lookup each time, and
    # a 10,000-case push reads 30,000 of them.
    odd = _spelled_in_python(s, [pos for pos, _, _, js in rows if js is None])
    return [_Pending(pos, event_id, case_id, js if js is not None else odd[pos])
            for pos, event_id, case_id, js in rows]


def _spelled_in_python(s: Session, positions: list[int]) -> dict[int, bytes]:
    """The wire JSON of events whose stored timestamp SQLite cannot respell."""
    if not positions:
        return {}
    rows = s.execute(
        select(CaseEvent.pos, CaseEvent.event_id, CaseEvent.case_id, CaseEvent.seq,
               CaseEvent.type, type_coerce(CaseEvent.payload, Text).label("payload"),
               CaseEvent.actor, CaseEvent.origin, CaseEvent.occurred_at, CaseEvent.hash)
        .where(CaseEvent.pos.in_(positions))).all()
    return {r.pos: _wire_json(r).encode("utf-8") for r in rows}


def _wire_json(r: Any) -> str:
    """One event's wire JSON, with the stored payload text spliced in as it is."""
    d = json.dumps
    # Stored naive in UTC; this spelling equals clerk's utc_iso() (the hashed form).
    at = r.occurred_at.isoformat(timespec="microseconds") + "Z"
    return (f'{{"event_id":{d(r.event_id)},"case_id":{d(r.case_id)},"seq":{int(r.seq)},'
            f'"type":{d(r.type)},"payload":{r.payload},"actor":{d(r.actor)},'
            f'"origin":{d(r.origin)},"occurred_at":"{at}","hash":{d(r.hash)}}}')


def _refs(item: _Pending) -> set[str]:
    if b'"sha256"' not in item.json:  # cheap test first: almost no event carries a scan
        return set()
    return blob_refs(json.loads(item.json)["payload"])


def _named_refs(items: list[_Pending]) -> dict[str, str]:
    """ref -> a case id, for the created events among `items` that name their matter
    snapshot by `matter_ref` (form matter_ref, clerk.cases.event_forms)."""
    named: dict[str, str] = {}
    for it in items:
        if b'"matter_ref"' not in it.json:  # cheap test first: one event in three, at most
            continue
        event = orjson.loads(it.json)
        payload = event.get("payload") or {}
        ref = payload.get("matter_ref")
        if event.get("type") == "created" and "matter" not in payload and isinstance(ref, str):
            named.setdefault(ref, it.case_id)
    return named


class _Snapshots:
    """The snapshots a push sends beside the created events that name them, read from
    those cases' rows (a case keeps its snapshot for life) once per push."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.json: dict[str, bytes] = {}  # ref -> the snapshot's JSON

    def member(self, batch: list[_Pending]) -> bytes:
        """`,"snapshots":{…}` for the batch's named snapshots, or b"" if it names none.
        A case row whose snapshot is not the one its event names sends none: the
        district then refuses that event, worded, instead of taking a wrong matter."""
        named = _named_refs(batch)
        wanted = {ref: case_id for ref, case_id in named.items() if ref not in self.json}
        if wanted:
            with self.ws.store.read() as s:
                rows = s.execute(select(Case.id, Case.data["matter"]).where(
                    Case.id.in_(list(wanted.values())))).all()
            for _, matter in rows:
                if isinstance(matter, dict) and (ref := snapshot_ref(matter)) in wanted:
                    self.json[ref] = orjson.dumps(matter)
        parts = [b'"' + ref.encode("ascii") + b'":' + self.json[ref]
                 for ref in named if ref in self.json]
        return b',"snapshots":{' + b",".join(parts) + b"}" if parts else b""


#: Acknowledged events leave the outbox by one prepared statement run for each of them
#: (the driver's executemany). An ORM delete with `IN` of a batch's 500 positions was
#: built, its literals coerced and rendered anew for every batch: a quarter of the
#: station's CPU in a 10,000-case push.
_DELETE_ACKED = f"DELETE FROM {SyncOutbox.__tablename__} WHERE pos = ?"


def _record(ws: Workspace, reply: PushResponse, sent: dict[str, _Pending],
            report: PushReport) -> None:
    """Store the district's answers (only for events we sent) in one transaction.

    An acknowledgement deletes the event's narrow outbox row; rewriting the wide event
    row (payload in overflow pages, each encrypted) cost more than the rest of a push's
    station work together."""
    acked: list[int] = []
    rejected: list[dict[str, str]] = []
    for r in reply.results:
        if r.event_id not in sent:
            continue
        if r.status in (ResultStatus.ACCEPTED, ResultStatus.DUPLICATE):
            acked.append(sent[r.event_id].pos)
            if r.status == ResultStatus.ACCEPTED:
                report.accepted += 1
            else:
                report.duplicates += 1
        else:
            code, message = r.code or "rejected", r.message or ""
            # The clerk reads the district's words; the code stays in the report for scripts.
            rejected.append({"eid": r.event_id, "err": message or code})
            report.rejected.append(Rejection(r.event_id, sent[r.event_id].case_id, code,
                                             message))
    with ws.store.write() as s:
        if acked:
            s.connection().exec_driver_sql(_DELETE_ACKED, [(pos,) for pos in acked])
        if rejected:
            table = cast(Table, CaseEvent.__table__)
            s.connection().execute(
                update(table).where(table.c.event_id == bindparam("eid"))
                .values(sync_state="rejected", sync_error=bindparam("err")), rejected)


class _Batches:
    """The pending events in local order, cut into batches; scans gate their cases."""

    def __init__(self, ws: Workspace, size: int, blob_gate: BlobGate | None,
                 report: PushReport) -> None:
        self.ws = ws
        self.size = size
        self.blob_gate = blob_gate
        self.report = report
        self.after = 0
        self.held_cases: set[str] = set()  # a case whose earlier event waits: later ones too
        self.blocked = False  # the last `next` found only events of busy cases to send

    def next(self, wait_for_inflight: Callable[[], None], busy: frozenset[str] = frozenset()
             ) -> list[_Pending] | None:
        """The next batch to send, [] for one held back entirely or for none possible yet
        (its first event's case is `busy`: an earlier event of it is still unanswered),
        None at the end.

        The batch stops before the first event of a busy case (read again for a later
        batch), so a case's events never travel in two requests at once; and a full
        batch leaves out the events of its last case (more of them may follow), so the
        next batch does not begin with a busy case."""
        self.blocked = False
        with self.ws.store.read() as s:
            items = _pending(s, self.after, self.size)
        if not items:
            return None
        if len(items) == self.size:
            items = _whole_cases(items)
        if busy:
            items = list(takewhile(lambda it: it.case_id not in busy, items))
            if not items:
                self.blocked = True
                return []
        self.after = items[-1].pos
        cited = [(it, _refs(it)) for it in items]
        needed = set().union(*(refs for _, refs in cited))
        missing: set[str] = set()
        if needed and self.blob_gate is not None:
            wait_for_inflight()  # the gate uploads over the same HTTP session
            missing = self.blob_gate(needed)
        batch = []
        for it, refs in cited:
            # From the first event citing a scan the district lacks, its case waits.
            if refs & missing:
                self.held_cases.add(it.case_id)
            if it.case_id not in self.held_cases:
                batch.append(it)
        self.report.held_back += len(items) - len(batch)
        return batch


def _whole_cases(items: list[_Pending]) -> list[_Pending]:
    """`items` without the events of the last case among them, unless that is all."""
    last = items[-1].case_id
    k = len(items)
    while k > 0 and items[k - 1].case_id == last:
        k -= 1
    return items[:k] if k > 0 else items


#: Requests in flight at once. A second one goes while the district judges the first,
#: so the district's two sides (judging, and its database writing and committing) work
#: at the same time instead of in turn; its cases are none of the first's (`_Batches`).
LANES = 2


@dataclass
class _Flight:
    reply: Future[PushResponse]
    sent: dict[str, _Pending]
    cases: frozenset[str]


def push_events(ws: Workspace, client: DistrictClient, *, blob_gate: BlobGate | None = None,
                batch_size: int = MAX_BATCH, lanes: int = LANES) -> PushReport:
    """Push every pending station event, batch by batch, recording each answer.

    Up to `lanes` requests are in flight, never two with events of the same case (so a
    case's events reach the district in order, each after the answer to the one
    before), and the station's own work overlaps them: while the district judges, this
    side records earlier answers and reads and encodes the next batch. An answer is
    recorded only for the events of its own request; a transport error ends the round
    (the answers not yet recorded leave their events pending: sent again, they are
    duplicates).
    """
    report = PushReport()
    batches = _Batches(ws, batch_size, blob_gate, report)
    snapshots = _Snapshots(ws)
    flying: list[_Flight] = []
    answered: list[tuple[PushResponse, dict[str, _Pending]]] = []

    def land_oldest() -> None:
        flight = flying.pop(0)
        answered.append((flight.reply.result(), flight.sent))  # a transport error ends here

    def record() -> None:
        while answered:
            reply, sent = answered.pop(0)
            _record(ws, reply, sent, report)

    def settle() -> None:
        while flying:
            land_oldest()
        record()

    with ThreadPoolExecutor(max(1, lanes), thread_name_prefix="sync-push") as sender:
        while True:
            busy = frozenset().union(*(f.cases for f in flying))
            batch = batches.next(settle, busy)
            if batch is None:
                break
            if batches.blocked:
                land_oldest()  # the next events wait for an answer (one is in flight)
                record()
                continue
            if batch:
                while len(flying) >= max(1, lanes):
                    land_oldest()
                body = (b'{"events":[' + b",".join(it.json for it in batch) + b'],"notes":[]'
                        + snapshots.member(batch) + b"}")
                flying.append(_Flight(sender.submit(client.push_raw, body),
                                      {it.event_id: it for it in batch},
                                      frozenset(it.case_id for it in batch)))
                report.sent += len(batch)
                report.batches += 1
            record()
        settle()
    report.held_cases = sorted(batches.held_cases)
    return report


def push_notes(ws: Workspace, client: DistrictClient, report: PushReport) -> None:
    """Push pending station notes (after the events, so their cases exist up there)."""
    while True:
        with ws.store.read() as s:
            notes = list(s.execute(select(CaseNote).where(
                CaseNote.sync_state == "pending", CaseNote.origin == "station")
                .order_by(CaseNote.occurred_at, CaseNote.note_id).limit(MAX_BATCH)).scalars())
        if not notes:
            return
        body = {"events": [], "notes": [
            {"note_id": n.note_id, "case_id": n.case_id, "text": n.text, "author": n.author,
             "origin": n.origin, "occurred_at": n.occurred_at, "hash": n.hash} for n in notes]}
        reply = client.push_raw(json.dumps(body, ensure_ascii=False).encode("utf-8"))
        report.notes_sent += len(notes)
        sent = {n.note_id for n in notes}
        now = ws.now().astimezone(UTC).replace(tzinfo=None)
        answered = 0
        with ws.store.write() as s:
            for r in reply.note_results:
                if r.note_id not in sent:
                    continue
                answered += 1
                row = s.get(CaseNote, r.note_id)
                assert row is not None
                if r.status == ResultStatus.REJECTED:
                    row.sync_state, row.sync_error = "rejected", f"{r.code}: {r.message}"
                    report.notes_rejected += 1
                else:
                    row.sync_state, row.acked_at, row.sync_error = "acked", now, None
                    report.notes_acked += 1
        if answered == 0:  # the server said nothing about them: stop, try next round
            return


def counts(s: Session) -> dict[str, int]:
    """Station-origin events by sync state (for the status bar and `sync --status`):
    the outbox's by their state, and acked for the station's other events."""
    rows = s.execute(select(CaseEvent.sync_state, func.count())
                     .select_from(SyncOutbox).join(CaseEvent, CaseEvent.pos == SyncOutbox.pos)
                     .group_by(CaseEvent.sync_state)).all()
    out = {"pending": 0, "acked": 0, "rejected": 0}
    out.update({state: int(n) for state, n in rows})
    station = int(s.execute(select(func.count()).select_from(CaseEvent)
                            .where(CaseEvent.origin == "station")).scalar_one())
    out["acked"] = station - sum(int(n) for _, n in rows)
    return out


def requeue_rejected(ws: Workspace) -> int:
    """Mark rejected events pending again (after the cause was fixed at the district)."""
    with ws.store.write() as s:
        result = s.execute(update(CaseEvent).where(
            CaseEvent.sync_state == "rejected",
            CaseEvent.pos.in_(select(SyncOutbox.pos)))
            .values(sync_state="pending", sync_error=None))
        return int(getattr(result, "rowcount", 0) or 0)
