"""Writing the district's log and case projections (always in the caller's transaction)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Table,
    bindparam,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from clerk.calendar import Pause, WorkCalendar
from clerk.cases.checklist import next_promise
from clerk.cases.due import recomputed_due
from clerk.cases.events import Event, canonical_json, utc_iso
from clerk.cases.queries import OPEN_BEFORE_DECISION
from clerk.cases.record import CaseRecord
from clerk.cases.states import State
from clerk.cases.supervision import SUPERVISED, frozen_left
from clerk.ratings import score_of
from clerk.store.jsoncodec import json_text
from clerk.timeutil import local_date
from district import crypto, snapshots
from district.auth import naive
from district.db import (
    FEED_LOCK,
    FEED_LOCK_SQL,
    Pipeline,
    binary_copy,
    pg_sql,
    pipeline,
    sqlite_many,
)
from district.models import CaseRow, LedgerEntry

OPEN_STATES = frozenset(s.value for s in State if not s.is_final)
CASES = cast(Table, CaseRow.__table__)
LEDGER = cast(Table, LedgerEntry.__table__)


def _naive(moment: datetime | None) -> datetime | None:
    return naive(moment) if moment is not None else None


def effective_due(rec: CaseRecord, cal: WorkCalendar | None) -> tuple[date | None, bool]:
    """The due date in force: the events' own, or recomputed once its year is official."""
    if rec.due_provisional and cal is not None:
        due = recomputed_due(rec, cal)
        if due is not None:
            return due.day, due.provisional
    return rec.due_date, rec.due_provisional


# The supervised states (clerk.cases.supervision): their rows carry a clock.
_CLOCKED = frozenset(SUPERVISED)


def needs_calendar(rec: CaseRecord) -> bool:
    """Whether the row of `rec` is computed with the calendar (a provisional due date,
    or a supervision clock)."""
    return rec.due_provisional or (rec.state in _CLOCKED and rec.accepted_at is not None
                                   and rec.limit_days is not None)


def clock(rec: CaseRecord, cal: WorkCalendar | None) -> dict[str, Any]:
    """The supervision columns of a case row: its limit; for a supervised case, its due
    date by the calendar as published now (closed pauses counted out, as
    clerk.calendar.supervise counts them), whether a pause is open and, while one is, the
    working days left when it began (`clock_left`, see :func:`_frozen_left`)."""
    due = left = None
    if rec.state in _CLOCKED and rec.accepted_at is not None and rec.limit_days is not None:
        if cal is None:
            raise ValueError("a supervised case's row needs the calendar")
        due = _clock_due(rec, cal)
        if rec.open_pause is not None and due is not None:
            left = _frozen_left(rec, rec.limit_days, cal)
    return {"limit_days": rec.limit_days, "clock_due": due,
            "clock_paused": rec.open_pause is not None, "clock_left": left}


def _frozen_left(rec: CaseRecord, limit: int, cal: WorkCalendar) -> int | None:
    """The working days left to a case whose pause is open: the limit less the days it
    used up to the latest day its pauses name. From then on it stays put, whatever the
    day: the open pause covers every later day (clerk.calendar.supervise counts them
    out), so its supervision level is fixed by this number alone, yellow or normal while
    positive; at 0 or below the pause began once the case was due, did not move the due
    date, and the case is judged by `clock_due` as a running one. None (judge the case
    one by one) when a pause cannot be read."""
    assert rec.accepted_at is not None
    accepted = local_date(rec.accepted_at)
    try:
        pauses = [Pause(date.fromisoformat(p["start"]),
                        date.fromisoformat(p["end"]) if p.get("end") else None,
                        str(p.get("reason", ""))) for p in rec.pauses]
    except (KeyError, TypeError, ValueError):
        return None
    return frozen_left(cal, accepted=accepted, limit_days=limit, pauses=pauses)


# Due dates by (calendar, acceptance day, limit, closed pauses): the cases of a push share
# a few of them, and working them out was a tenth of a batch's time. One calendar at a
# time (a new publication is a new WorkCalendar object, district.calendar).
_DUE_MEMO: dict[tuple[Any, ...], date | None] = {}
_MEMO_CAL: list[WorkCalendar] = []


def _clock_due(rec: CaseRecord, cal: WorkCalendar) -> date | None:
    if not _MEMO_CAL or _MEMO_CAL[0] is not cal or len(_DUE_MEMO) > 50_000:
        _DUE_MEMO.clear()
        _MEMO_CAL[:] = [cal]
    assert rec.accepted_at is not None
    key = (local_date(rec.accepted_at), rec.limit_days, rec.due_date is None,
           *((p.get("start"), p.get("end")) for p in rec.pauses if p.get("end")))
    if key not in _DUE_MEMO:
        found = recomputed_due(rec, cal)
        _DUE_MEMO[key] = found.day if found is not None else None
    return _DUE_MEMO[key]


SNAPSHOT_KEY = "_matter"  # the snapshot travels from case_values to write_rows under this


# Promises are followed up only until the decision (DESIGN section 3: "before the decision").
_PROMISES_KEPT = frozenset(OPEN_BEFORE_DECISION)


def case_values(rec: CaseRecord, cal: WorkCalendar | None) -> dict[str, Any]:
    """A case row's values; its matter snapshot is kept apart (district.snapshots)."""
    due, provisional = effective_due(rec, cal)
    data = rec.to_dict()
    matter = data.pop("matter")
    return {
        "id": rec.id, "case_no": rec.case_no, "station_code": rec.station_code,
        "matter_code": rec.matter_code, "matter_name": rec.matter_name,
        "state": rec.state.value, "owner": rec.owner.value, "proxy_agent": rec.proxy_agent,
        "accepted_at": _naive(rec.accepted_at), "due_date": due, "due_provisional": provisional,
        "rating": score_of(rec.rating),
        "flagged": any(n.get("flagged") for n in rec.notices),
        "next_promise": next_promise(rec.checklist) if rec.state in _PROMISES_KEPT else None,
        **clock(rec, cal), "version": rec.version, "updated_at": _naive(rec.updated_at),
        "closed_at": _naive(rec.closed_at), "data": data,
        "matter_ref": snapshots.matter_ref(matter), SNAPSHOT_KEY: matter,
        "applicant_id_hash": applicant_id_hash(rec.applicant),
    }


def applicant_id_hash(applicant: dict[str, Any] | None) -> str | None:
    """The keyed hash of the applicant's ID number (None without one)."""
    id_no = (applicant or {}).get("id_no")
    return crypto.lookup_hash(id_no) if isinstance(id_no, str) and id_no.strip() else None


def _text(payload: str | bytes) -> str:
    return payload if isinstance(payload, str) else payload.decode("utf-8")


def event_row(event: Event, station_code: str, now: datetime,
              payload_json: str | bytes | None = None, occurred_at: str | None = None,
              device_no: int | None = None, sealed: str | None = None) -> dict[str, Any]:
    """A ledger row; a push passes the texts it already has (the payload as the UTF-8
    bytes it hashed, which are sealed as they are: no decoding and encoding again; on
    SQLite also `sealed`, that payload already encrypted as stored, `SEALED_KEY`)."""
    row = {
        "kind": "event", "entry_id": event.event_id, "case_id": event.case_id,
        "station_code": station_code, "seq": event.seq, "type": event.type.value,
        "payload": payload_json if payload_json is not None else canonical_json(event.payload),
        "actor": event.actor, "origin": event.origin.value,
        "occurred_at": occurred_at or utc_iso(event.occurred_at),
        "day": local_date(event.occurred_at),
        "hash": event.hash or event.content_hash(),
        "received_at": now if now.tzinfo is None else naive(now),
        "device_no": device_no,
    }
    if sealed is not None:
        row[SEALED_KEY] = sealed
    return row


SEALED_KEY = "_sealed_payload"  # an entry's payload as stored, when encrypted already


def note_row(*, note_id: str, case_id: str, station_code: str, text: str, author: str,
             origin: str, occurred_at: str, hash_: str, now: datetime,
             device_no: int | None = None) -> dict[str, Any]:
    moment = datetime.strptime(occurred_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return {
        "kind": "note", "entry_id": note_id, "case_id": case_id, "station_code": station_code,
        "seq": None, "type": "note", "payload": canonical_json({"text": text}), "actor": author,
        "origin": origin, "occurred_at": occurred_at, "day": local_date(moment),
        "hash": hash_, "received_at": naive(now), "device_no": device_no,
    }


# A case row's columns: those fixed at its creation and those its events change. Updates
# set only the second kind (SQLite then leaves the indexes of the first alone), through
# one statement built with explicit parameters, so it is compiled once (an UPDATE whose
# columns come from the parameter names was compiled anew on every push).
FIXED_COLUMNS = ("id", "case_no", "station_code", "matter_code", "matter_name")
# matter_ref never changes once set, but a row written before snapshots were kept apart
# has none: its first update moves the snapshot out of its data.
CHANGING_COLUMNS = ("state", "owner", "proxy_agent", "accepted_at", "due_date",
                    "due_provisional", "rating", "flagged", "next_promise", "limit_days",
                    "clock_due", "clock_paused", "clock_left", "version",
                    "updated_at", "closed_at", "data", "matter_ref", "applicant_id_hash")
_UPDATE_CASE = (update(CASES).where(CASES.c.id == bindparam("_id"))
                .values({name: bindparam(f"v_{name}") for name in CHANGING_COLUMNS}))


def write(s: Session, *, new_cases: list[dict[str, Any]], changed_cases: list[dict[str, Any]],
          entries: list[dict[str, Any]]) -> None:
    write_rows(s.connection(), new_cases=new_cases, changed_cases=changed_cases,
               entries=entries)


def write_rows(conn: Connection, *, new_cases: list[dict[str, Any]],
               changed_cases: list[dict[str, Any]], entries: list[dict[str, Any]]) -> None:
    """Insert new case rows, update changed ones, then append the entries (bulk statements,
    Core rather than ORM: a push writes hundreds of rows at once). The rows' matter
    snapshots are stored first, those the database lacks; a row whose values carry no
    snapshot (the caller knows its ref is stored) stores none. On PostgreSQL they are
    all sent in one round trip (`queue_rows`)."""
    if conn.dialect.name == "postgresql":
        with pipeline(conn) as pipe:
            queue_rows(pipe, new_cases=new_cases, changed_cases=changed_cases,
                       entries=entries)
        return
    snapshots.store(conn, {values["matter_ref"]: values.pop(SNAPSHOT_KEY)
                           for values in (*new_cases, *changed_cases)
                           if SNAPSHOT_KEY in values})
    if conn.dialect.name == "sqlite":
        _write_cases_sqlite(conn, new_cases, changed_cases)
    else:  # pragma: no cover - PostgreSQL goes by queue_rows above
        if new_cases:
            conn.execute(insert(CASES), new_cases)
        if changed_cases:
            conn.execute(_UPDATE_CASE, [{"_id": values["id"]}
                                        | {f"v_{name}": values[name]
                                           for name in CHANGING_COLUMNS}
                                        for values in changed_cases])
    if entries:
        _insert_entries(conn, entries)


_PG_INSERT_CASE = pg_sql(insert(CASES), [*FIXED_COLUMNS, *CHANGING_COLUMNS])
_PG_UPDATE_CASE = pg_sql(_UPDATE_CASE)


def queue_rows(pipe: Pipeline, *, new_cases: list[dict[str, Any]],
               changed_cases: list[dict[str, Any]], entries: list[dict[str, Any]]) -> None:
    """`write_rows` on PostgreSQL, queued in the caller's pipeline (district.db): the
    statements go out together and wait for one answer. The driver gets the values as
    the column types would pass them: the case data sealed (SealedJSON) and spelled as
    JSON, the payloads sealed (SealedText). A large batch's new cases and entries follow
    by COPY (cases first: the entries name them). Appending entries takes the feed lock
    first (db.FEED_LOCK): stations and a station's other devices pull them by position,
    so positions must commit in order whichever worker, lane or district action writes
    them, or a pull between two commits would step over the earlier one."""
    if entries:
        pipe.run(FEED_LOCK_SQL, {"k": FEED_LOCK})
    snapshots.queue_store(pipe, {values["matter_ref"]: values.pop(SNAPSHOT_KEY)
                                 for values in (*new_cases, *changed_cases)
                                 if SNAPSHOT_KEY in values})
    ring = crypto.keyring()
    fields = crypto.Sealer(crypto.FIELD_PURPOSE, ring)
    if len(new_cases) < COPY_FROM:
        pipe.many(_PG_INSERT_CASE, [values | {"data": _sealed_data(values["data"], fields)}
                                    for values in new_cases])
    else:  # by COPY, as the entries below (and before them: they name their cases)
        at = _CASE_COLUMNS.index("data")
        cases: list[Sequence[Any]] = []
        for values in new_cases:
            row = list(_CASE_VALUES(values))
            row[at] = _sealed_data(row[at], fields)
            cases.append(row)
        pipe.copy(_PG_COPY_CASES[0], cases, _PG_COPY_CASES[1])
    pipe.many(_PG_UPDATE_CASE, [{"_id": values["id"]}
                                | {f"v_{name}": values[name] for name in CHANGING_COLUMNS}
                                | {"v_data": _sealed_data(values["data"], fields)}
                                for values in changed_cases])
    payload = crypto.Sealer(crypto.PAYLOAD_PURPOSE, ring)
    if len(entries) < COPY_FROM:
        pipe.many(_PG_INSERT_ENTRY, [e | {"payload": payload(e["payload"])} for e in entries])
        return
    rows: list[Sequence[Any]] = []
    for e in entries:
        row = list(_ENTRY_VALUES(e))
        row[_PAYLOAD_AT] = payload(row[_PAYLOAD_AT])
        rows.append(row)
    pipe.copy(_PG_COPY_ENTRIES[0], rows, _PG_COPY_ENTRIES[1])


def _sealed_data(data: dict[str, Any], sealer: crypto.Sealer) -> str:
    return json_text(crypto.seal_fields(data, sealer=sealer))


_ENTRY_COLUMNS = ("kind", "entry_id", "case_id", "station_code", "seq", "type", "payload",
                  "actor", "origin", "occurred_at", "day", "hash", "received_at", "device_no")
# Entries of a large batch go by COPY (after the other rows: their cases come first).
COPY_FROM = 64
_ENTRY_VALUES = itemgetter(*_ENTRY_COLUMNS)
_PAYLOAD_AT = _ENTRY_COLUMNS.index("payload")
_PG_COPY_ENTRIES = binary_copy(LEDGER, _ENTRY_COLUMNS)
_PG_INSERT_ENTRY = pg_sql(insert(LEDGER).inline(), list(_ENTRY_COLUMNS))  # no RETURNING
_SQLITE_INSERT_ENTRIES = (f"INSERT INTO ledger ({', '.join(_ENTRY_COLUMNS)}) "
                          f"VALUES ({', '.join('?' for _ in _ENTRY_COLUMNS)})")


def _sqlite_datetime(moment: datetime) -> str:
    """A naive datetime as SQLAlchemy's SQLite DateTime stores it ("%04d-%02d-%02d
    %02d:%02d:%02d.%06d"): isoformat spells exactly that, four times faster than the
    strftime of a format spec (a push spells a few per case)."""
    if moment.tzinfo is not None:
        raise ValueError("stored datetimes are naive UTC")
    return moment.isoformat(" ", "microseconds")


# Case rows on SQLite go to the driver as tuples too (`_write_cases_sqlite`): the
# statements name the columns in this order, each value spelled as the column's type
# would spell it (`_CASE_SPELLING`).
_CASE_COLUMNS = (*FIXED_COLUMNS, *CHANGING_COLUMNS)
_SQLITE_INSERT_CASES = (f"INSERT INTO cases ({', '.join(_CASE_COLUMNS)}) "
                        f"VALUES ({', '.join('?' for _ in _CASE_COLUMNS)})")
_SQLITE_UPDATE_CASES = (f"UPDATE cases SET {', '.join(f'{c} = ?' for c in CHANGING_COLUMNS)} "
                        "WHERE id = ?")
_CASE_VALUES = itemgetter(*_CASE_COLUMNS)
_PG_COPY_CASES = binary_copy(CASES, _CASE_COLUMNS)
_DATETIME_COLUMNS = frozenset(c.name for c in CASES.columns
                              if isinstance(c.type, DateTime))
_DATE_COLUMNS = frozenset(c.name for c in CASES.columns
                          if isinstance(c.type, Date) and not isinstance(c.type, DateTime))
_BOOL_COLUMNS = frozenset(c.name for c in CASES.columns if isinstance(c.type, Boolean))


def _sqlite_case(values: dict[str, Any], columns: tuple[str, ...],
                 fields: crypto.Sealer) -> list[Any]:
    """One case row's values in `columns` order as SQLAlchemy's SQLite types store them:
    datetimes and dates as their text, booleans as 0/1, the data as JSON text with its
    personal fields sealed (SealedJSON)."""
    row: list[Any] = []
    for name in columns:
        value = values[name]
        if value is not None:
            if name == "data":
                value = _sealed_data(value, fields)
            elif name in _DATETIME_COLUMNS:
                value = _sqlite_datetime(naive(value) if value.tzinfo is not None else value)
            elif name in _DATE_COLUMNS:
                value = value.isoformat()
            elif name in _BOOL_COLUMNS:
                value = int(bool(value))
        row.append(value)
    return row


def _write_cases_sqlite(conn: Connection, new_cases: list[dict[str, Any]],
                        changed_cases: list[dict[str, Any]]) -> None:
    """Insert and update case rows straight through the driver: SQLAlchemy's processing
    of two dozen parameters per row cost more than SQLite's writing of the row
    (tests/district/test_ledger.py reads them back through the ORM)."""
    if not new_cases and not changed_cases:
        return
    fields = crypto.Sealer(crypto.FIELD_PURPOSE)
    sqlite_many(conn, _SQLITE_INSERT_CASES, [
        _sqlite_case(values, _CASE_COLUMNS, fields) for values in new_cases])
    sqlite_many(conn, _SQLITE_UPDATE_CASES, [
        (*_sqlite_case(values, CHANGING_COLUMNS, fields), values["id"])
        for values in changed_cases])


def _insert_entries(conn: Connection, entries: list[dict[str, Any]]) -> None:
    """Append ledger rows. On SQLite the rows go to the driver as plain tuples, the two
    dates spelled as SQLAlchemy spells them and the payload sealed as the column type
    seals it: its per-row parameter processing cost more than SQLite's insert of a 5 KB
    row (tests/district/test_ledger.py reads them back)."""
    if conn.dialect.name != "sqlite":  # the column type seals text (SealedText)
        conn.execute(insert(LEDGER), [e | {"payload": _text(e["payload"])} for e in entries])
        return
    stamps: dict[datetime, str] = {}  # a batch shares one receipt time
    payload = crypto.Sealer(crypto.PAYLOAD_PURPOSE)
    rows = []
    for e in entries:
        received = e["received_at"]
        stamp = stamps.get(received)
        if stamp is None:
            stamp = stamps[received] = _sqlite_datetime(received)
        rows.append((e["kind"], e["entry_id"], e["case_id"], e["station_code"], e["seq"],
                     e["type"], e.get(SEALED_KEY) or payload(e["payload"]),
                     e["actor"], e["origin"], e["occurred_at"],
                     e["day"].isoformat(), e["hash"], stamp, e.get("device_no")))
    sqlite_many(conn, _SQLITE_INSERT_ENTRIES, rows)


def load_record(s: Session, case_id: str, *, lock: bool = False) -> CaseRecord | None:
    q = select(CaseRow.data, CaseRow.matter_ref).where(CaseRow.id == case_id)
    if lock:
        q = q.with_for_update()
    row = s.execute(q).one_or_none()
    if row is None:
        return None
    return CaseRecord.from_dict(snapshots.row_data(s, row.data, row.matter_ref))


def recompute_provisional(s: Session, cal: WorkCalendar) -> int:
    """Re-derive provisional due dates of open cases after a calendar year is published.

    Only the projection's due-date columns change: the events keep the dates that were
    printed and computed at the time, so history is not rewritten.
    """
    changed = 0
    rows = s.execute(select(CaseRow.id, CaseRow.data, CaseRow.matter_ref, CaseRow.due_date,
                            CaseRow.due_provisional)
                     .where(CaseRow.due_provisional.is_(True),
                            CaseRow.state.in_(OPEN_STATES))).all()
    known = snapshots.load(s, {row.matter_ref for row in rows})
    for row in rows:
        rec = CaseRecord.from_dict(snapshots.full_data(row.data, row.matter_ref, known))
        due, provisional = effective_due(rec, cal)
        if (due, provisional) != (row.due_date, row.due_provisional):
            s.execute(update(CaseRow).where(CaseRow.id == row.id)
                      .values(due_date=due, due_provisional=provisional))
            changed += 1
    return changed


_CLOCK_CHUNK = 2000  # rows read (and their data unsealed) at a time
_CLOCK_COLUMNS = ("limit_days", "clock_due", "clock_paused", "clock_left")  # clock()'s


def recompute_clocks(s: Session, cal: WorkCalendar) -> int:
    """Re-derive the supervision columns of every supervised case with `cal` (after a
    calendar year is published, or once after the upgrade that added them); returns how
    many rows changed. Reads the rows in id order, a chunk at a time."""
    changed: list[dict[str, Any]] = []
    after = ""
    while True:
        rows = s.execute(select(CaseRow.id, CaseRow.data, CaseRow.matter_ref,
                                *(getattr(CaseRow, k) for k in _CLOCK_COLUMNS))
                         .where(CaseRow.state.in_(sorted(_CLOCKED)), CaseRow.id > after)
                         .order_by(CaseRow.id).limit(_CLOCK_CHUNK)).all()
        if not rows:
            break
        after = rows[-1].id
        known = snapshots.load(s, {row.matter_ref for row in rows})
        for row in rows:
            rec = CaseRecord.from_dict(snapshots.full_data(row.data, row.matter_ref, known))
            new = clock(rec, cal)
            if new != {k: getattr(row, k) for k in _CLOCK_COLUMNS}:
                changed.append({"_id": row.id, **{f"v_{k}": v for k, v in new.items()}})
    if changed:
        s.execute(update(CASES).where(CASES.c.id == bindparam("_id"))
                  .values({k: bindparam(f"v_{k}") for k in _CLOCK_COLUMNS}),
                  changed)
    return len(changed)
