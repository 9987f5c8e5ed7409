"""Accepting a station's push: every event judged on its own, the batch committed at once.

Per event (DESIGN section 8):

* the content hash is recomputed; a mismatch is `hash_mismatch`;
* only station-origin events may be pushed (`origin`);
* a known event id with the same hash is a `duplicate` (fine), with another hash a
  `payload_mismatch`;
* the case must be this station's (`not_found` otherwise, exactly as for a case that
  does not exist) and the sequence must follow on (`out_of_order` for a gap,
  `seq_conflict` for a number already taken); once an event of a case is rejected, the
  later events of that case in the batch are `out_of_order` too, other cases go on;
* the state machine and the ownership rule (clerk.cases.projection, the same code the
  station runs) judge the transition; its refusals carry their own code.

The reply is built only after the transaction committed, so an acknowledgment always
means "durably stored". A concurrent identical request (a retry racing the original)
may hit a unique constraint; the batch is then judged again and reports duplicates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import Connection, String, any_, bindparam, func, literal_column, select
from sqlalchemy.exc import IntegrityError, OperationalError

from clerk.calendar import WorkCalendar
from clerk.cases.events import Event
from clerk.cases.projection import apply_event
from clerk.cases.record import CaseRecord
from clerk.cases.snapshot import named_ref
from clerk.cases.states import EventType, Side
from clerk.errors import QT_TRANSLATE_NOOP, StationDeskError
from clerk.numbering import parse_case_no
from clerk.store.jsoncodec import json_value
from district import auth, contacts, crypto, ledger, snapshots
from district.auth import naive
from district.calendar import (
    CALENDAR_ETAG,
    CALENDAR_KIND,
    CALENDAR_ROW,
    calendar_for,
)
from district.db import Database, SqliteQuery, pg_sql, pipeline
from district.models import CaseRow, LedgerEntry
from wire.protocol import (
    EventResult,
    NoteResult,
    PushRequest,
    PushResponse,
    ResultStatus,
    WireEvent,
    WireNote,
)

ATTEMPTS = 5


class BatchRetryError(Exception):
    """The batch kept colliding with concurrent writers; the client should retry."""


@dataclass
class _Case:
    station_code: str
    record: CaseRecord | None
    base: dict[str, Any] | None  # the stored projection at the start of the batch
    stored_ref: str | None = None  # the row's matter_ref (its snapshot is stored already)
    is_new: bool = False
    dirty: bool = False
    blocked: bool = False
    accepted: list[Event] = field(default_factory=list)

    def restore(self) -> None:
        """Rebuild the record after a refused event may have half-applied (rare)."""
        rec = CaseRecord.from_dict(self.base) if self.base is not None else None
        for ev in self.accepted:
            rec = apply_event(rec, ev)
        self.record = rec


def _rejected(event_id: str, code: str, message: str) -> EventResult:
    return EventResult(event_id=event_id, status=ResultStatus.REJECTED, code=code,
                       message=message)


def _worded(event_id: str, code: str, template: str, params: dict[str, str]) -> EventResult:
    return _rejected(event_id, code, template.format(**params))


# The district trusts only the token: a new case must be created by the pushing station,
# under a number of that station (and, for numbers that carry one, of that device), so no
# station can take another's number, and a malformed one (`../../etc`) is refused before
# anything is looked up or stored.
FIRST_EVENT_WORDS = QT_TRANSLATE_NOOP(
    "errors", "区中心没有这个案件，而收到的第一个事件不是“创建案件”。")
FOREIGN_STATION_WORDS = QT_TRANSLATE_NOOP(
    "errors", "案件不属于本站：案件登记的站点是 {station}，推送它的是另一站点的设备。")
CASE_NO_FORMAT_WORDS = QT_TRANSLATE_NOOP(
    "errors", "案件编号“{case_no}”格式不对：应为“{station}-年月日-窗口号和序号”。")
CASE_NO_STATION_WORDS = QT_TRANSLATE_NOOP(
    "errors", "案件编号“{case_no}”不是本站（{station}）的编号，区中心不接收。")
CASE_NO_DEVICE_WORDS = QT_TRANSLATE_NOOP(
    "errors", "案件编号“{case_no}”的窗口号与推送它的设备（窗口号 {device}）不符；"
              "请核对本机设置的窗口号。")


def case_no_refusal(case_no: str, station: str, device_no: int | None
                    ) -> tuple[str, str] | None:
    """(code, template) when `case_no` may not be created by this station's device."""
    parsed = parse_case_no(case_no)
    if parsed is None:
        return "case_no.format", CASE_NO_FORMAT_WORDS
    if parsed.station != station:
        return "case_no.station", CASE_NO_STATION_WORDS
    if parsed.device is not None and device_no is not None and parsed.device != device_no:
        return "case_no.device", CASE_NO_DEVICE_WORDS
    return None


# Built once: a push is a hot path and building statements costs more than running them.
# Row locks in id order (PostgreSQL): two batches touching the same cases queue instead
# of deadlocking; SQLite's BEGIN IMMEDIATE already serialises writers.
def _lookups(ids: Callable[[str], Any]) -> tuple[Any, Any, Any]:
    cases = (select(CaseRow.id, CaseRow.station_code, CaseRow.data, CaseRow.matter_ref)
             .where(ids("ids")(CaseRow.id)).order_by(CaseRow.id).with_for_update())
    known = (select(LedgerEntry.entry_id, LedgerEntry.hash, LedgerEntry.station_code)
             .where(ids("ids")(LedgerEntry.entry_id)))
    numbers = select(CaseRow.case_no).where(ids("nos")(CaseRow.case_no))
    return cases, known, numbers


def _expanding(name: str) -> Callable[[Any], Any]:
    return lambda column: column.in_(bindparam(name, expanding=True))


def _listed(name: str) -> Callable[[Any], Any]:
    return lambda column: column == any_(
        func.string_to_array(bindparam(name, type_=String), literal_column("','")))


# A batch looks up hundreds of ids at once. SQLite gets `IN (?, ?, …)`; PostgreSQL one
# parameter, so the statement's text is the same for every batch and the driver parses
# it once (it re-parsed the long IN list at every push): the values joined by commas
# (`_joined`), split by the server. Not an array parameter: the driver's dumping of a
# list cost 3 ms of the worker's time for 1,000 ids, the joined text 0.3 ms (measured).
_LOOKUPS = {"sqlite": _lookups(_expanding), "postgresql": _lookups(_listed)}


def _joined(values: list[str]) -> str:
    """The values of a `_listed` parameter. Ids are UUIDs (the wire's pattern) and case
    numbers digits and hyphens (clerk.numbers): none holds a comma. A number that does
    is malformed, refused before its lookup is consulted (case_no_refusal): left out."""
    return ",".join(v for v in values if "," not in v)


# (canonical payload JSON, content hash, the payload as stored: encrypted, or None to
# encrypt when written) of a pushed event
Sealed = tuple[bytes, str, str | None]


def seal(events: list[WireEvent], stored: bool = False) -> list[Sealed]:
    """Hash every event: pure work, kept out of the write lock. One canonical encoding of
    each payload serves the hash check and the storage (kept as UTF-8 bytes: the ledger
    seals bytes, so it is never decoded and encoded again). With `stored`, each payload
    is also encrypted as the ledger keeps it (SQLite: before its one writer's lock)."""
    out: list[Sealed] = []
    sealer = crypto.Sealer(crypto.PAYLOAD_PURPOSE) if stored and events else None
    for w in events:
        payload = w.canonical_payload()
        out.append((payload, w.computed_hash(payload),
                    sealer(payload) if sealer is not None else None))
    return out


class _Batch:
    """The judging state of one transaction: every case and id its requests mention,
    loaded at once; `station` is the station whose request is being judged."""

    def __init__(self, conn: Connection, now: datetime,
                 calendar: Callable[[], WorkCalendar]) -> None:
        self.conn = conn
        self.station = ""
        self.device_no: int | None = None
        self.offered: dict[str, dict[str, Any]] = {}  # the request's snapshots, unchecked
        self.now = now
        self.received = naive(now)
        self.occurred: dict[str, str] = {}  # event id -> timestamp text as sent (and hashed)
        self.calendar = calendar
        self.cases: dict[str, _Case] = {}
        self.known: dict[str, tuple[str, str]] = {}  # entry id -> (hash, station)
        self.case_nos: set[str] = set()
        self.entries: list[dict[str, Any]] = []

    def take(self, case_rows: Iterable[Sequence[Any]], known_rows: Iterable[Sequence[Any]],
             numbers: Iterable[str]) -> None:
        """What the database holds of the mentioned cases, ids and numbers (`_read`)."""
        case_rows = list(case_rows)
        known = snapshots.load(self.conn, {ref for *_, ref in case_rows})
        for case_id, station_code, data, ref in case_rows:
            # Every request's station is checked against the row before its record
            # is used, so a case of another station is loaded but never touched.
            full = snapshots.full_data(data, ref, known)
            self.cases[case_id] = _Case(station_code, CaseRecord.from_dict(full), full,
                                        stored_ref=ref)
        for entry_id, digest, station_code in known_rows:
            self.known[entry_id] = (digest, station_code)
        self.case_nos = set(numbers)

    def judge_request(self, job: PushJob) -> PushResponse:
        self.station = job.station_code
        self.device_no = job.device_no
        self.offered = job.req.snapshots
        # "Blocked" (a case whose earlier event was refused) holds within one request;
        # the next request starts from what has been accepted so far.
        for case_id, case in list(self.cases.items()):
            if case.record is None:
                del self.cases[case_id]
            else:
                case.blocked = False
        results = [self.judge(e, s) for e, s in zip(job.req.events, job.sealed, strict=True)]
        notes = [self.judge_note(n) for n in job.req.notes]
        return PushResponse(results=results, note_results=notes)

    # --- events ------------------------------------------------------------------
    def judge(self, w: WireEvent, sealed: Sealed) -> EventResult:
        payload_json, digest, stored = sealed
        if digest != w.hash:
            return _rejected(w.event_id, "hash_mismatch",
                             "事件内容与其哈希不符（传输中被改动？）。")
        if w.origin != Side.STATION:
            return _rejected(w.event_id, "origin", "站点只能推送本站产生的事件。")
        seen = self.known.get(w.event_id)
        if seen is not None:
            stored_hash, stored_station = seen
            if stored_station != self.station:
                return _rejected(w.event_id, "not_found", "没有这个案件。")
            if stored_hash == digest:
                return EventResult(event_id=w.event_id, status=ResultStatus.DUPLICATE)
            return _rejected(w.event_id, "payload_mismatch",
                             "同一事件编号已收到过不同的内容；历史不能被改写。")
        event = w.event(digest)
        self.occurred[w.event_id] = w.occurred_at
        case = self.cases.get(event.case_id)
        if case is None:
            return self._new_case(event, payload_json, stored)
        if case.station_code != self.station:
            return _rejected(w.event_id, "not_found", "没有这个案件。")
        if case.blocked:
            return _rejected(w.event_id, "out_of_order",
                             "本批中该案件较早的事件被拒收，后续事件不能接续。")
        assert case.record is not None
        expected = case.record.version + 1
        if event.seq > expected:
            case.blocked = True
            return _rejected(w.event_id, "out_of_order",
                             f"事件序号 {event.seq} 不接续：区中心只有到 {expected - 1} 的事件。")
        if event.seq < expected:
            case.blocked = True
            return _rejected(w.event_id, "seq_conflict",
                             f"事件序号 {event.seq} 已被另一事件占用。")
        return self._apply(case, event, payload_json, stored)

    def _new_case(self, event: Event, payload_json: bytes, stored: str | None
                  ) -> EventResult:
        if event.seq != 1:
            # Unknown case: its earlier events never arrived (or were refused).
            self.cases[event.case_id] = _Case(self.station, None, None, blocked=True)
            return _rejected(event.event_id, "out_of_order",
                             f"区中心没有该案件的前序事件（收到的是第 {event.seq} 号）。")
        station = str(event.payload.get("station_code", ""))
        if event.type != EventType.CREATED:
            return _worded(event.event_id, "case.first_event", FIRST_EVENT_WORDS, {})
        if station != self.station:
            return _worded(event.event_id, "not_found", FOREIGN_STATION_WORDS,
                           {"station": station[:20]})
        case_no = str(event.payload.get("case_no", ""))
        refusal = case_no_refusal(case_no, self.station, self.device_no)
        if refusal is not None:
            return _worded(event.event_id, refusal[0], refusal[1],
                           {"case_no": case_no[:40], "station": self.station,
                            "device": f"{self.device_no or 0:02d}"})
        if case_no in self.case_nos:
            return _rejected(event.event_id, "case_no_conflict",
                             f"案件编号 {case_no} 已被另一案件使用。")
        ref = named_ref(event)
        if ref is not None:  # its snapshot: known here, or sent with it and checked
            matter = snapshots.resolve(self.conn, ref, self.offered)
            if matter is not None:
                event = event.with_matter(matter)
        case = _Case(self.station, None, None, is_new=True)
        self.cases[event.case_id] = case
        result = self._apply(case, event, payload_json, stored)
        if result.status == ResultStatus.ACCEPTED:
            self.case_nos.add(case_no)
        else:
            del self.cases[event.case_id]
        return result

    def _apply(self, case: _Case, event: Event, payload_json: bytes, stored: str | None
               ) -> EventResult:
        try:
            case.record = apply_event(case.record, event)
        except StationDeskError as exc:
            case.blocked = True
            case.restore()
            return _rejected(event.event_id, exc.code, exc.message)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
            case.blocked = True
            case.restore()
            return _rejected(event.event_id, "event.payload",
                             f"事件内容无法应用：{type(exc).__name__}")
        case.accepted.append(event)
        case.dirty = True
        self.known[event.event_id] = (event.hash, self.station)
        self.entries.append(ledger.event_row(event, self.station, self.received, payload_json,
                                             self.occurred.pop(event.event_id, None),
                                             self.device_no, sealed=stored))
        return EventResult(event_id=event.event_id, status=ResultStatus.ACCEPTED)

    # --- notes -------------------------------------------------------------------
    def judge_note(self, n: WireNote) -> NoteResult:
        digest = n.computed_hash()
        if digest != n.hash:
            return NoteResult(note_id=n.note_id, status=ResultStatus.REJECTED,
                              code="hash_mismatch", message="留言内容与其哈希不符。")
        if n.origin != Side.STATION:
            return NoteResult(note_id=n.note_id, status=ResultStatus.REJECTED, code="origin",
                              message="站点只能推送本站的留言。")
        seen = self.known.get(n.note_id)
        if seen is not None and seen[1] == self.station:
            if seen[0] == digest:
                return NoteResult(note_id=n.note_id, status=ResultStatus.DUPLICATE)
            return NoteResult(note_id=n.note_id, status=ResultStatus.REJECTED,
                              code="payload_mismatch", message="同一留言编号已收到过不同的内容。")
        case = self.cases.get(n.case_id)
        if seen is not None or case is None or case.station_code != self.station \
                or case.record is None:
            return NoteResult(note_id=n.note_id, status=ResultStatus.REJECTED,
                              code="not_found", message="没有这个案件。")
        self.known[n.note_id] = (digest, self.station)
        self.entries.append(ledger.note_row(
            note_id=n.note_id, case_id=n.case_id, station_code=self.station, text=n.text,
            author=n.author, origin=n.origin.value, occurred_at=n.occurred_at, hash_=digest,
            now=self.now, device_no=self.device_no))
        return NoteResult(note_id=n.note_id, status=ResultStatus.ACCEPTED)

    # --- writing -------------------------------------------------------------------
    def rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The new and the changed case rows of what was accepted (`entries` too)."""
        new_cases: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        cal: WorkCalendar | None = None
        for case in self.cases.values():
            if not case.dirty or case.record is None:
                continue
            if cal is None and ledger.needs_calendar(case.record):
                cal = self.calendar()
            values = ledger.case_values(case.record, cal)
            if case.stored_ref is not None and values["matter_ref"] == case.stored_ref:
                # The row already names this snapshot, and the snapshot was stored with
                # the row (snapshots are never deleted): no statement to store it again.
                del values[ledger.SNAPSHOT_KEY]
            (new_cases if case.is_new else changed).append(values)
        return new_cases, changed


@dataclass
class PushJob:
    """One request's batch, parsed and hashed, waiting for the write transaction.

    With a `token_hash`, the caller's token is re-checked inside that transaction (a
    token revoked after the request arrived stores nothing, and `revoked` is told);
    without one nothing is checked (in-process callers).
    """

    station_code: str
    req: PushRequest
    sealed: list[Sealed] = field(default_factory=list)
    token_hash: str = ""  # requests with the same token are re-checked once
    revoked: Callable[[], None] | None = None
    device_no: int | None = None  # the pushing device's window number

    def seal(self, stored: bool = False) -> None:
        """Hash the events (once): on PostgreSQL while the transaction's reads are at the
        server (`_read_pg`), on SQLite before the write lock, with the payloads encrypted
        too (`stored`)."""
        if len(self.sealed) != len(self.req.events):
            self.sealed = seal(self.req.events, stored)


class TokenRevokedError(Exception):
    """The token was revoked while the push waited; nothing of it was stored."""


@dataclass
class _Found:
    """What a transaction reads before judging: the live station of each token (None
    for a revoked one), the calendar's ETag ("" when none is published), and the rows
    of the cases, ids and case numbers the requests mention."""

    tokens: dict[str, str | None]
    etag: str
    case_rows: list[Sequence[Any]]
    known_rows: list[Sequence[Any]]
    numbers: list[str]


def _wanted(reqs: list[PushRequest]) -> tuple[list[str], list[str], list[str]]:
    """The case ids (sorted: row locks in one order), entry ids and new case numbers."""
    events = [e for req in reqs for e in req.events]
    notes = [n for req in reqs for n in req.notes]
    case_ids = sorted({e.case_id for e in events} | {n.case_id for n in notes})
    ids = [e.event_id for e in events] + [n.note_id for n in notes]
    numbers = [str(e.payload.get("case_no", "")) for e in events
               if e.type == EventType.CREATED]
    return case_ids, ids, numbers


def _live(row: Sequence[Any] | None) -> str | None:
    """The station of a STATION_Q row, if its token and station are not revoked."""
    return None if row is None or row[1] is not None else str(row[0])


_SQLITE_TOKEN = SqliteQuery(auth.STATION_Q)
_SQLITE_ETAG = SqliteQuery(CALENDAR_ETAG)
_SQLITE_LOOKUPS = tuple(SqliteQuery(q) for q in _LOOKUPS["sqlite"])


def _read(conn: Connection, jobs: list[PushJob]) -> _Found:
    """Every read a group needs, one statement after another, straight on the driver
    (SQLite; a single-event push spent more in SQLAlchemy than in these reads). The
    calendar's ETag is read whether or not a row will need it: a few microseconds here,
    where asking when needed went through SQLAlchemy (calendar_on) at nearly every push.
    SQLite's one writer holds the database: no publication can come between."""
    case_ids, ids, numbers = _wanted([job.req for job in jobs])
    cases_q, known_q, numbers_q = _SQLITE_LOOKUPS
    for job in jobs:
        job.seal()
    tokens = {h: _SQLITE_TOKEN.rows(conn, {"h": h})
              for h in {job.token_hash for job in jobs if job.token_hash}}
    etag = _SQLITE_ETAG.rows(conn, {"kind": CALENDAR_KIND})
    ring = crypto.keyring()
    return _Found(
        tokens={h: _live(rows[0] if rows else None) for h, rows in tokens.items()},
        etag="" if not etag or etag[0][0] is None else str(etag[0][0]),
        # As the column type reads them: JSON text, its personal fields sealed (SealedJSON).
        case_rows=[(case_id, station, crypto.open_fields(json_value(data), ring), ref)
                   for case_id, station, data, ref in cases_q.rows(conn, {"ids": case_ids})]
        if case_ids else [],
        known_rows=known_q.rows(conn, {"ids": ids}) if ids else [],
        numbers=[no for (no,) in numbers_q.rows(conn, {"nos": numbers})] if numbers else [])


_PG_TOKEN = pg_sql(auth.STATION_Q)
_PG_CALENDAR = pg_sql(CALENDAR_ROW)
_PG_LOOKUPS = tuple(pg_sql(q) for q in _LOOKUPS["postgresql"])


def _read_pg(conn: Connection, jobs: list[PushJob]) -> _Found:
    """Every read a group needs, sent together: one round trip. The calendar's row is
    read FOR SHARE whether or not a row will need it (calendar_on): asking later would
    cost a round trip of its own for nearly every push."""
    case_ids, ids, numbers = _wanted([job.req for job in jobs])
    cases_q, known_q, numbers_q = _PG_LOOKUPS
    with pipeline(conn, begin=True) as pipe:
        tokens = {h: pipe.run(_PG_TOKEN, {"h": h})
                  for h in {job.token_hash for job in jobs if job.token_hash}}
        etag = pipe.run(_PG_CALENDAR, {"kind": CALENDAR_KIND})
        cases = pipe.run(cases_q, {"ids": _joined(case_ids)}) if case_ids else None
        known = pipe.run(known_q, {"ids": _joined(ids)}) if ids else None
        nos = pipe.run(numbers_q, {"nos": _joined(numbers)}) if numbers else None
        for job in jobs:  # pure work, done while the server answers the reads
            job.seal()
    ring = crypto.keyring()
    found = etag.fetchone()
    return _Found(
        tokens={h: _live(cursor.fetchone()) for h, cursor in tokens.items()},
        etag="" if found is None or found[0] is None else str(found[0]),
        # The driver has parsed the JSON; the column type would also open its sealed
        # fields (SealedJSON).
        case_rows=[(case_id, station, crypto.open_fields(data, ring), ref)
                   for case_id, station, data, ref in cases.fetchall()] if cases else [],
        known_rows=known.fetchall() if known else [],
        numbers=[no for (no,) in nos.fetchall()] if nos else [])


def _judge_and_store(conn: Connection, jobs: list[PushJob], now: datetime, due: list[str]
                     ) -> list[PushResponse | TokenRevokedError]:
    postgres = conn.dialect.name == "postgresql"
    found = _read_pg(conn, jobs) if postgres else _read(conn, jobs)
    live = [not job.token_hash or found.tokens.get(job.token_hash) == job.station_code
            for job in jobs]
    for job, ok in zip(jobs, live, strict=True):
        if not ok and job.revoked is not None:
            job.revoked()
    batch = _Batch(conn, now, partial(calendar_for, conn, found.etag))
    # Rows of a refused request's cases may be loaded too: they are only read.
    batch.take(found.case_rows, found.known_rows, found.numbers)
    replies: list[PushResponse | TokenRevokedError] = [
        batch.judge_request(job) if ok else TokenRevokedError()
        for job, ok in zip(jobs, live, strict=True)]
    new_cases, changed = batch.rows()
    if postgres:  # committed with the writes: the replies are made after this block
        with pipeline(conn, commit=True) as pipe:
            ledger.queue_rows(pipe, new_cases=new_cases, changed_cases=changed,
                              entries=batch.entries)
            for code in due:
                contacts.queue_record(pipe, code, "push", now)
    else:
        ledger.write_rows(conn, new_cases=new_cases, changed_cases=changed,
                          entries=batch.entries)
        for code in due:
            contacts.record(conn, code, "push", now)
    return replies


def push_group(db: Database, jobs: list[PushJob], now: datetime
               ) -> list[PushResponse | TokenRevokedError]:
    """Judge and store several requests' batches in one transaction (group commit).

    What the requests mention is loaded with one query per table, each request is
    judged after the ones before it (so two requests carrying the same events, a retry
    racing the original, still come out as accepted and duplicate), and everything is
    written with one statement per table and made durable by one commit. The replies
    exist only after that commit, so an acknowledgment always means "stored". The
    stations' contacts (for the silent-station flag) are recorded in the same
    transaction when due. On PostgreSQL the reads go in one round trip and the writes
    in another (district.db.pipeline), then the commit.
    """
    if db.is_sqlite:
        # SQLite has one writer: hashing and encrypting the payloads wait for no read
        # here (PostgreSQL hashes while its reads are at the server, _read_pg), so they
        # are done before the write lock, which another worker's group may hold meanwhile.
        for job in jobs:
            job.seal(stored=True)
    for attempt in range(ATTEMPTS):
        stations = sorted({j.station_code for j in jobs})
        due = [code for code in stations if contacts.due(db, code, "push", now)]
        try:
            with db.write_conn(pipelined=True) as conn:
                replies = _judge_and_store(conn, jobs, now, due)
            for code in due:
                contacts.remember(db, code, "push", now)
            return replies
        except (IntegrityError, OperationalError) as exc:
            # A concurrent writer stored the same ids first (or PostgreSQL chose us as a
            # deadlock victim): nothing of ours was committed; judge the batches again.
            if attempt == ATTEMPTS - 1:
                raise BatchRetryError(str(exc.__class__.__name__)) from exc
    raise AssertionError("unreachable")


def push(db: Database, station_code: str, req: PushRequest, now: datetime) -> PushResponse:
    """Judge and store one batch; the reply reports only what the commit made durable."""
    reply = push_group(db, [PushJob(station_code, req)], now)[0]
    assert isinstance(reply, PushResponse)  # no token to re-check
    return reply
