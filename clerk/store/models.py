"""SQLAlchemy models of the station's local database.

The case row is a projection of the case's events (clerk.cases.projection) and is
written in the same transaction as each event. JSON columns hold structures whose shape
is owned by the domain modules (checklist, matter snapshot, agent, result).
"""

# No `from __future__ import annotations` here: SQLAlchemy would have to evaluate every
# `Mapped[...]` string again while mapping, a quarter of this module's import at sign-in.
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Setting(Base):
    """Key/value settings that belong to this station's data (not to the UI)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Station(Base):
    __tablename__ = "station"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))  # street | community
    district_code: Mapped[str] = mapped_column(String(6))
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(16))  # admin | clerk
    password_hash: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(32), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Set when an admin resets the password: the one-time password must be replaced at
    # the next sign-in before the work area opens.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False,
                                                       server_default=false())


class MatterRow(Base):
    """One version of a matter; `data` is the validated catalog record."""

    __tablename__ = "matters"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(200))
    imported_at: Mapped[datetime] = mapped_column(DateTime)


class CalendarYearRow(Base):
    __tablename__ = "calendar_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(200))
    official: Mapped[bool] = mapped_column(Boolean)
    imported_at: Mapped[datetime] = mapped_column(DateTime)


class CalendarDayRow(Base):
    __tablename__ = "calendar_days"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    year: Mapped[int] = mapped_column(
        ForeignKey("calendar_years.year", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # holiday | workday
    name: Mapped[str] = mapped_column(String(50))


class Applicant(Base):
    __tablename__ = "applicants"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # natural | legal
    name: Mapped[str] = mapped_column(String(100))
    id_type: Mapped[str] = mapped_column(String(32))  # clerk.applicants.ID_TYPES
    id_no: Mapped[str] = mapped_column(String(32))
    sex: Mapped[str | None] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    mobile: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    hukou_area: Mapped[str] = mapped_column(String(12), default="")
    legal_rep: Mapped[str] = mapped_column(String(50), default="")
    contact: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("id_type", "id_no", name="uq_applicant_id"),
                      Index("ix_applicants_id_no", "id_no"),
                      # With the id: the case list's name search reads this index only
                      # (migration 0010).
                      Index("ix_applicants_name", "name", "id"))


class DocumentOnFile(Base):
    """A material an applicant has shown and a clerk verified (证照库)."""

    __tablename__ = "documents_on_file"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    applicant_id: Mapped[str] = mapped_column(ForeignKey("applicants.id"), index=True)
    material_key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    verified_at: Mapped[datetime] = mapped_column(DateTime)
    verified_by: Mapped[str] = mapped_column(String(32))
    valid_until: Mapped[date | None] = mapped_column(Date)
    scan_sha256: Mapped[str | None] = mapped_column(String(64))
    source_case_id: Mapped[str | None] = mapped_column(String(36))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (Index("ix_docs_applicant_key", "applicant_id", "material_key"),)


#: ix_cases_list: the sort (updated_at, case_no), then every other column a list row shows
#: (clerk.cases.queries._LIST_COLUMNS), so the newest-first page reads no table row.
LIST_INDEX_COLUMNS = ("updated_at", "case_no", "id", "state", "matter_code", "matter_name",
                      "applicant_name", "applicant_id_no", "received_at", "accepted_at",
                      "due_date", "due_provisional", "limit_days", "rating", "owner")


#: Which cases ix_cases_provisional holds; a query must repeat this very term for SQLite
#: to use it.
PROVISIONAL_WHERE = "due_provisional = 1"


class Case(Base):
    """Projection of a case's events: the row every list and screen reads."""

    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_no: Mapped[str] = mapped_column(String(40), unique=True)
    station_code: Mapped[str] = mapped_column(String(12))
    matter_code: Mapped[str] = mapped_column(String(64), index=True)
    matter_version: Mapped[int] = mapped_column(Integer)
    matter_name: Mapped[str] = mapped_column(String(200))
    applicant_id: Mapped[str] = mapped_column(ForeignKey("applicants.id"), index=True)
    applicant_name: Mapped[str] = mapped_column(String(100))
    applicant_id_no: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(24), index=True)
    owner: Mapped[str] = mapped_column(String(16))
    clerk: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[datetime] = mapped_column(DateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime)
    limit_days: Mapped[int | None] = mapped_column(Integer)
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    due_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    rating: Mapped[int | None] = mapped_column(Integer)
    # When retention (clerk.retention) removed the person's data from this case.
    anonymised_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer)  # seq of the last applied event
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # full projected state
    # A returned case's clock (clerk.cases.clock; NULL: not worked out, judge from data).
    clock_left: Mapped[int | None] = mapped_column(Integer)
    clock_due: Mapped[date | None] = mapped_column(Date)
    # The case list reads these instead of the ~14 KB rows (each row a decrypted page):
    # newest first from the index alone (migration 0009); the filters and their sort
    # (migration 0010; clerk.cases.queries).
    __table_args__ = (
        Index("ix_cases_list", *LIST_INDEX_COLUMNS),
        Index("ix_cases_state_list", "state", "updated_at", "due_date", "limit_days", "id",
              "clock_left", "clock_due"),
        Index("ix_cases_applicant_list", "applicant_id", "updated_at"),
        Index("ix_cases_case_no_list", "case_no", "updated_at"),
        # The provisional due dates a published year or a new rule recomputes
        # (clerk.cases.due, migration 0013): a few percent of the cases.
        Index("ix_cases_provisional", "id", "updated_at", "state",
              sqlite_where=text(PROVISIONAL_WHERE)),
    )


SUPERSEDED = "superseded"  # a CaseEvent.sync_state
#: Which events ix_case_events_unsynced holds; a query must repeat these very terms
#: for SQLite to use it. Since 0011 these are the station events not stored acked, a
#: superset of the unacknowledged ones (SyncOutbox decides).
UNSYNCED_WHERE = "origin = 'station' AND sync_state != 'acked'"


class CaseEvent(Base):
    """One change to a case: audit trail, sync unit and timeline source.

    `hash` identifies the event's content (the same on station and district);
    `chain_hash` links it to the previous event stored here, so deleting, reordering
    or editing history is detectable (clerk.cases.audit).
    """

    __tablename__ = "case_events"
    pos: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    actor: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(16))  # station | district
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    hash: Mapped[str] = mapped_column(String(64))
    chain_prev: Mapped[str] = mapped_column(String(64))
    chain_hash: Mapped[str] = mapped_column(String(64))
    # Sync bookkeeping for station-origin events: pending | rejected, or superseded:
    # refused because another counter's step took its number (SyncConflict); kept for
    # the chain and the record, left out of the case's projection. Whether the district
    # holds the event is NOT read here: a station event is acknowledged when it has no
    # SyncOutbox row (the acknowledgement does not rewrite this wide row; migration
    # 0011). District events are stored 'acked' and never have one.
    sync_state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    sync_error: Mapped[str | None] = mapped_column(Text)
    acked_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Set when retention cut the personal data out of the payload: `hash` is still the
    # original content's, so the chain verifies while the content check is skipped.
    redacted_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (Index("uq_event_case_seq_live", "case_id", "seq", unique=True,
                            sqlite_where=text(f"sync_state != '{SUPERSEDED}'")),
                      # The case list's sync marks (clerk.cases.queries.attach_sync): only
                      # the few station events not yet acknowledged (migration 0009).
                      Index("ix_case_events_unsynced", "case_id", "sync_state", "origin",
                            sqlite_where=text(UNSYNCED_WHERE)))


class SyncOutbox(Base):
    """One row per station event the district has not acknowledged (pending, rejected or
    superseded); acknowledging an event deletes its row. Kept by triggers on
    ``case_events`` in the same transaction as the event (migration 0011), so every
    writer of events keeps it right without knowing of it."""

    __tablename__ = "sync_outbox"
    pos: Mapped[int] = mapped_column(ForeignKey("case_events.pos", ondelete="CASCADE"),
                                     primary_key=True, autoincrement=False)
    case_id: Mapped[str] = mapped_column(String(36), index=True)


class CaseTally(Base):
    """How many cases there are, kept by triggers on ``cases`` (migration 0009): the
    unfiltered case list's total without counting 100,000 rows (one row, id 1)."""

    __tablename__ = "case_tally"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cases: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("id = 1", name="ck_case_tally_one_row"),)


class Counter(Base):
    """Monotonic counters for case and document numbers; never decremented."""

    __tablename__ = "counters"
    scope: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class PrintLog(Base):
    """Every document put on paper: the first print of a number is the original, later
    ones are reprints (补打) and say so on the page."""

    __tablename__ = "print_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_no: Mapped[str] = mapped_column(String(60), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    case_id: Mapped[str | None] = mapped_column(String(36))
    printed_at: Mapped[datetime] = mapped_column(DateTime)
    printed_by: Mapped[str] = mapped_column(String(32))
    reprint: Mapped[bool] = mapped_column(Boolean)
    #: 'printed' (sent to a printer) or 'saved' (written to a PDF file): the case shows
    #: 已打印 only for paper (clerk.documents.OUTPUTS).
    output: Mapped[str] = mapped_column(String(8), server_default="printed")


class Consultation(Base):
    """A citizen asked about a matter without applying (咨询登记): the matter, when, the
    clerk, an optional note. No personal data; stays at the station (not synced) and
    counts in its reports as 咨询, never as a case."""

    __tablename__ = "consultations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    matter_code: Mapped[str] = mapped_column(String(64))
    matter_name: Mapped[str] = mapped_column(String(200))
    clerk: Mapped[str] = mapped_column(String(32))
    consulted_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    note: Mapped[str] = mapped_column(Text, server_default="")
    #: '' (only noted), 'printed' or 'saved': how the 办事指南 was handed out.
    guide: Mapped[str] = mapped_column(String(8), server_default="")


# --- sync with the district (written by sync/, read by the UI and `clerk sync --status`) ---


class CaseNote(Base):
    """A remark on a case outside its event sequence.

    Only a case's owner adds `commented` events to its sequence; the other side's remarks
    (the station on a case at the district, a reviewer on a station-owned case) are
    notes with their own ids, pushed and pulled idempotently like events.
    """

    __tablename__ = "case_notes"
    note_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(16))  # station | district
    occurred_at: Mapped[str] = mapped_column(String(27))  # exactly as hashed
    hash: Mapped[str] = mapped_column(String(64))
    # Station-origin notes: pending | acked | rejected; pulled ones arrive acked.
    sync_state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    sync_error: Mapped[str | None] = mapped_column(Text)
    acked_at: Mapped[datetime | None] = mapped_column(DateTime)
    redacted_at: Mapped[datetime | None] = mapped_column(DateTime)  # see CaseEvent


class SyncQuarantine(Base):
    """A pulled event this station could not apply (unknown case, broken sequence).

    Kept with the reason instead of blocking every later change behind it; retried at
    each pull and shown by `clerk sync --status`.
    """

    __tablename__ = "sync_quarantine"
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    pos: Mapped[int] = mapped_column(Integer)  # the district's position
    body: Mapped[dict[str, Any]] = mapped_column(JSON)  # the wire event
    code: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime)


class DueOverride(Base):
    """A due date recomputed after the district published an official calendar year.

    Recomputation appends nothing to history: the accepting event keeps the date printed
    on the receipt, the case row's due-date columns and this table carry the new one.
    """

    __tablename__ = "due_overrides"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    due_date: Mapped[date] = mapped_column(Date)
    due_provisional: Mapped[bool] = mapped_column(Boolean)
    original_due: Mapped[date | None] = mapped_column(Date)
    recomputed_at: Mapped[datetime] = mapped_column(DateTime)


class BlobUpload(Base):
    """Scans already uploaded to the district (so a round does not send them again)."""

    __tablename__ = "blob_uploads"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    uploaded_at: Mapped[datetime] = mapped_column(DateTime)


class RetentionRun(Base):
    """Each `retention run` that changed data: when, and how much (no personal data)."""

    __tablename__ = "retention_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ran_at: Mapped[datetime] = mapped_column(DateTime)
    cases: Mapped[int] = mapped_column(Integer)
    events: Mapped[int] = mapped_column(Integer)
    notes: Mapped[int] = mapped_column(Integer)
    applicants: Mapped[int] = mapped_column(Integer)
    documents: Mapped[int] = mapped_column(Integer)
    scans: Mapped[int] = mapped_column(Integer)
    held: Mapped[int] = mapped_column(Integer)


class SyncConflict(Base):
    """Two counters acted on one case offline and the other one's step reached the
    district first: this PC's steps from `seq` on were refused and are kept, superseded
    (clerk.cases.conflicts), until the clerk redoes them on the current case or discards
    them. `state`: open | redone | discarded."""

    __tablename__ = "sync_conflicts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    case_no: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(Integer)  # the first number both counters used
    local_event_ids: Mapped[list[Any]] = mapped_column(JSON)  # this PC's superseded steps
    their_event_id: Mapped[str] = mapped_column(String(36))  # the step that took `seq`
    refusal: Mapped[str] = mapped_column(Text)  # the district's words, if it said any
    detected_at: Mapped[datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(16), index=True)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    redo_event_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
