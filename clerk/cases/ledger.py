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


class ChainHead:
    """The store's last chain hash, kept by a caller that appends many events in one
    transaction (a pull applies up to a page of them), so that each append does not read
    it back from the store: a query and an autoflush per event. Unknown (None) until the
    first append reads it; whoever appends without it must `forget` it."""

    def __init__(self) -> None:
        self.hash: str | None = None

    def forget(self) -> None:
        self.hash = None


def append_event(session: Session, record: CaseRecord | None, event: Event, *,
                 sync_state: str = "pending", head: ChainHead | None = None) -> CaseRecord:
    """Validate `event` against the state machine, store it, and return the new projection
    (with the due date in force, like `load_record`). With `head`, the chain continues
    from it (read from the store when it is unknown) and it is moved on.

    The caller's record is not modified (a refused event leaves it as it was).
    """
    event = event if event.hash else event.sealed()
    # Read once for both ends: the date the events computed, and the one the row shows.
    override = _override(session, record.id) if record is not None else None
    new = apply_event(_as_recorded(record, override), event)
    prev = head.hash if head is not None and head.hash is not None \
        else last_chain_hash(session)
    link = chain_hash(prev, event.hash)
    row = _write_projection(session, new, override)
    session.flush()  # the case row first: events reference it
    session.add(CaseEvent(
        event_id=event.event_id, case_id=event.case_id, seq=event.seq, type=event.type.value,
        payload=event.payload, actor=event.actor, origin=event.origin.value,
        occurred_at=event.occurred_at.astimezone(UTC).replace(tzinfo=None), hash=event.hash,
        chain_prev=prev, chain_hash=link, sync_state=sync_state,
    ))
    session.flush()
    if head is not None:
        head.hash = link
    return _in_force(new, row.due_date, row.due_provisional)


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


def _naive_opt(moment: datetime | None) -> datetime | None:
    return _naive(moment) if moment is not None else None


def _write_projection(session: Session, rec: CaseRecord, override: DueOverride | None
                      ) -> Case:
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
    _set_due(session, row, rec, override)
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
    _write_projection(session, rec, _override(session, rec.id))


def _override(session: Session, case_id: str) -> DueOverride | None:
    """The case's moved due date (clerk.cases.due), if a published calendar year moved it."""
    with session.no_autoflush:  # the case's row may be new and not complete yet
        return session.get(DueOverride, case_id)


def _set_due(session: Session, row: Case, rec: CaseRecord, override: DueOverride | None
             ) -> None:
    """The due date the row shows: the record's, unless a published calendar year moved
    it (`override`) and no later event has computed a new one since."""
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


def _as_recorded(record: CaseRecord | None, override: DueOverride | None
                 ) -> CaseRecord | None:
    """A copy of `record` with the due date its events computed (see `_in_force`), given
    the case's `override`."""
    if record is None:
        return None
    copy = record.clone()
    # Only provisional dates are ever recomputed, so the original was provisional.
    if override is not None and \
            (copy.due_date, copy.due_provisional) == (override.due_date, override.due_provisional):
        copy.due_date, copy.due_provisional = override.original_due, True
    return copy
