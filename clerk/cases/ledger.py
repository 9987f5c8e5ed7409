"""Writing events: event row, chain hash and case projection in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.cases.clock import row_clock
from clerk.cases.events import GENESIS, Event, chain_hash
from clerk.cases.projection import apply_event, replay
from clerk.cases.record import CaseRecord
from clerk.cases.snapshot import with_record_matter
from clerk.errors import QT_TRANSLATE_NOOP, NotFoundError
from clerk.ratings import score_of
from clerk.store.models import Case, CaseEvent, DueOverride


def last_chain_hash(session: Session) -> str:
    h = session.execute(
        select(CaseEvent.chain_hash).order_by(CaseEvent.pos.desc()).limit(1)
    ).scalar_one_or_none()
    return h or GENESIS


def append_event(session: Session, record: CaseRecord | None, event: Event, *,
                 sync_state: str = "pending") -> CaseRecord:
    """Validate `event` against the state machine, store it, and return the new projection
    (with the due date in force, like `load_record`).

    The caller's record is not modified (a refused event leaves it as it was).
    """
    event = event if event.hash else event.sealed()
    new = apply_event(_as_recorded(session, record), event)
    prev = last_chain_hash(session)
    row = _write_projection(session, new)
    session.flush()  # the case row first: events reference it
    session.add(CaseEvent(
        event_id=event.event_id, case_id=event.case_id, seq=event.seq, type=event.type.value,
        payload=event.payload, actor=event.actor, origin=event.origin.value,
        occurred_at=event.occurred_at.astimezone(UTC).replace(tzinfo=None), hash=event.hash,
        chain_prev=prev, chain_hash=chain_hash(prev, event.hash), sync_state=sync_state,
    ))
    session.flush()
    return _in_force(new, row.due_date, row.due_provisional)


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


def _naive_opt(moment: datetime | None) -> datetime | None:
    return _naive(moment) if moment is not None else None


def _write_projection(session: Session, rec: CaseRecord) -> Case:
    row = session.get(Case, rec.id)
    if row is None:
        row = Case(id=rec.id)
        # Another counter's case may name a person this PC knows under its own id.
        row.applicant_id = _local_applicant_id(session, rec.applicant)
        session.add(row)
    row.case_no = rec.case_no
    row.station_code = rec.station_code
    row.matter_code = rec.matter_code
    row.matter_version = rec.matter_version
    row.matter_name = rec.matter_name
    row.applicant_name = rec.applicant["name"]
    row.applicant_id_no = rec.applicant["id_no"]
    row.state = rec.state.value
    row.owner = rec.owner.value
    row.clerk = rec.clerk
    row.received_at = _naive(rec.received_at)
    row.accepted_at = _naive_opt(rec.accepted_at)
    row.limit_days = rec.limit_days
    _set_due(session, row, rec)
    row.closed_at = _naive_opt(rec.closed_at)
    row.rating = score_of(rec.rating)
    row.version = rec.version
    row.updated_at = _naive(rec.updated_at or rec.received_at)
    row.data = rec.to_dict()
    # The clock a returned case keeps (migration 0012): its red/yellow level from
    # index pages.
    row.clock_left, row.clock_due = row_clock(session, rec)
    return row


def _local_applicant_id(session: Session, snapshot: dict[str, Any]) -> str:
    """This store's row for the case's applicant: by id, else by (type, number)."""
    from clerk.applicants import local_applicant

    row = local_applicant(session, snapshot)
    return row.id if row is not None else str(snapshot["id"])


def rewrite_projection(session: Session, rec: CaseRecord) -> None:
    """Store `rec` (rebuilt from the case's live events) as the case's projection."""
    _write_projection(session, rec)


def _set_due(session: Session, row: Case, rec: CaseRecord) -> None:
    """The due date the row shows: the record's, unless a published calendar year moved
    it (clerk.cases.due) and no later event has computed a new one since."""
    with session.no_autoflush:  # the row may be new and not complete yet
        override = session.get(DueOverride, rec.id)
    if override is not None and rec.due_date == override.original_due:
        row.due_date, row.due_provisional = override.due_date, override.due_provisional
        return
    if override is not None:  # a later event computed a fresh date: the override is spent
        session.delete(override)
    row.due_date = rec.due_date
    row.due_provisional = rec.due_provisional


def replay_stored(session: Session, case_id: str, events: Iterable[Event]) -> CaseRecord:
    """A case rebuilt from its stored events; a created event that names its snapshot
    (clerk.cases.snapshot) gets the one the case's row holds, if it is that one."""
    matter = session.execute(select(Case.data["matter"]).where(Case.id == case_id)).scalar()
    return replay(with_record_matter(list(events), matter))


def load_record(session: Session, case_id: str) -> CaseRecord:
    """The case as its events make it, with the due date in force (see `_in_force`)."""
    row = session.get(Case, case_id)
    if row is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "案件不存在。"), code="case.unknown")
    return _in_force(CaseRecord.from_dict(row.data), row.due_date, row.due_provisional)


def load_by_case_no(session: Session, case_no: str) -> CaseRecord:
    """Like `load_record`, by case number."""
    row = session.execute(select(Case.data, Case.due_date, Case.due_provisional)
                          .where(Case.case_no == case_no.strip())).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "没有案件编号为 {case_no} 的办件。"),
            code="case.unknown", params={"case_no": case_no})
    return _in_force(CaseRecord.from_dict(row.data), row.due_date, row.due_provisional)


def _in_force(rec: CaseRecord, due: date | None, provisional: bool | None) -> CaseRecord:
    """The record with the due date in force: the case row's, which a published calendar
    year may have moved since the events computed theirs (clerk.cases.due). Records are
    read through here, so every screen and document shows the same date as the case
    list; `_as_recorded` undoes it before an event is applied, so the stored projection
    stays exactly what the events give (the audit replays them)."""
    if rec.due_date is not None and due is not None:
        rec.due_date, rec.due_provisional = due, bool(provisional)
    return rec


def _as_recorded(session: Session, record: CaseRecord | None) -> CaseRecord | None:
    """A copy of `record` with the due date its events computed (see `_in_force`)."""
    if record is None:
        return None
    copy = record.clone()
    with session.no_autoflush:
        override = session.get(DueOverride, record.id)
    # Only provisional dates are ever recomputed, so the original was provisional.
    if override is not None and \
            (copy.due_date, copy.due_provisional) == (override.due_date, override.due_provisional):
        copy.due_date, copy.due_provisional = override.original_due, True
    return copy
