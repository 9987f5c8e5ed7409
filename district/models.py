"""SQLAlchemy models of the district database (SQLite for one machine, PostgreSQL in production).

`ledger` is the district's log: every event it accepted (station- and district-origin)
and every note, each with a global, monotonically increasing position `pos` that the
stations' pull cursors refer to. `cases` is the projection of a case's events
(clerk.cases.projection, the same code the stations run), written in the same
transaction as the events. Secrets are stored only as sha256 (tokens, enrollment codes)
or argon2 (passwords).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    and_,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from district.crypto import SealedJSON, SealedText

# SQLite only auto-increments an INTEGER PRIMARY KEY (the rowid); PostgreSQL gets BIGINT.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class StationRow(Base):
    __tablename__ = "stations"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    district_code: Mapped[str] = mapped_column(String(6))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Where citizens collect their results (the public progress page shows them).
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))


class EnrollmentCode(Base):
    """A one-time code an admin hands to a station; only its sha256 is kept."""

    __tablename__ = "enrollment_codes"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)
    # sha256 of the device secret that spent the code: the same device may retry.
    key_hash: Mapped[str | None] = mapped_column(String(64))


class DeviceToken(Base):
    """One counter PC of a station (a device) and its token; a live device's name and
    window number are unique within its station. A retried enrollment revokes the row
    and adds a new one for the same device (same name, number and key)."""

    __tablename__ = "device_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    device_name: Mapped[str | None] = mapped_column(String(50))  # "2号窗口"
    device_no: Mapped[int | None] = mapped_column(Integer)  # 1..99, part of case numbers
    key_hash: Mapped[str | None] = mapped_column(String(64))
    code_hash: Mapped[str | None] = mapped_column(String(64))  # the code that enrolled it
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime)  # its last who-am-I
    # The event forms it said it reads at its last who-am-I, comma-separated (None: it
    # never said; clerk.cases.event_forms.READS)
    reads: Mapped[str | None] = mapped_column(String(200))


class StaffUser(Base):
    __tablename__ = "staff_users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(16))  # reviewer | proxy | admin
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Set when an admin resets the password: the one-time password only opens the door to
    # choosing a new one (every other endpoint answers 403 password.must_change).
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)


class StaffToken(Base):
    """A staff session: kept in the database so every worker agrees on it."""

    __tablename__ = "staff_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_no: Mapped[str] = mapped_column(String(40), unique=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"), index=True)
    matter_code: Mapped[str] = mapped_column(String(64))
    matter_name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(24))  # indexed by ix_cases_state_due
    owner: Mapped[str] = mapped_column(String(16))
    proxy_agent: Mapped[str | None] = mapped_column(String(32), index=True)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The due date in force: the events' own, or recomputed once its year became official.
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    due_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    rating: Mapped[int | None] = mapped_column(Integer)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)  # one-time rule broken
    # The earliest promise date of a 容缺后补 item still awaited, while the case is before
    # its decision (the board counts broken promises through ix_cases_next_promise).
    next_promise: Mapped[date | None] = mapped_column(Date)
    # What supervision needs, kept by every write so the board and the red/yellow filters
    # are SQL over ix_cases_clock (district.review): the limit, the due date by the
    # district's calendar as currently published (closed pauses counted out; recomputed
    # when a year is published), and whether a pause is open (then judged one by one).
    limit_days: Mapped[int | None] = mapped_column(Integer)
    clock_due: Mapped[date | None] = mapped_column(Date)
    clock_paused: Mapped[bool] = mapped_column(Boolean, default=False)
    # While a pause is open: the working days the case had left when it began (fixed from
    # then on, district.ledger.clock), so its level is SQL too; None otherwise.
    clock_left: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime)  # by ix_cases_updated_id
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # CaseRecord.to_dict() without its matter snapshot, which is kept once in
    # matter_snapshots under `matter_ref` (rows written before that keep it inline and
    # have no ref). district.snapshots puts the two together again. Its ID numbers and
    # phones are stored sealed (district.crypto), the applicant's ID number also as a
    # keyed hash for exact lookup (`crypto.lookup_hash`).
    data: Mapped[dict[str, Any]] = mapped_column(SealedJSON)
    matter_ref: Mapped[str | None] = mapped_column(String(64))
    applicant_id_hash: Mapped[str | None] = mapped_column(String(64), index=True)


class MatterSnapshot(Base):
    """A matter as the station's catalog had it when a case was created, stored once for
    all the cases that share it; `ref` is the sha256 of its canonical JSON."""

    __tablename__ = "matter_snapshots"
    ref: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class LedgerEntry(Base):
    """An accepted event (`kind` event, with `seq`) or a note (`kind` note, no `seq`)."""

    __tablename__ = "ledger"
    pos: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(8))
    entry_id: Mapped[str] = mapped_column(String(36), unique=True)
    # Looked up through uq_ledger_case_seq, which starts with it.
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    station_code: Mapped[str] = mapped_column(String(12))
    seq: Mapped[int | None] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(40))
    # The payload's canonical JSON text, exactly as hashed (stored once, never re-encoded),
    # sealed as a whole (district.crypto): events carry the applicant, notes free text.
    payload: Mapped[str] = mapped_column(SealedText)
    actor: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[str] = mapped_column(String(27))  # exactly as hashed
    day: Mapped[date] = mapped_column(Date)  # Beijing day of occurred_at, for the ledger
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(DateTime)
    device_no: Mapped[int | None] = mapped_column(Integer)  # the pushing device, if known
    __table_args__ = (
        UniqueConstraint("case_id", "seq", name="uq_ledger_case_seq"),
        Index("ix_ledger_pull", "station_code", "origin", "pos"),
        Index("ix_ledger_station_pos", "station_code", "pos"),  # the devices' station feed
        Index("ix_ledger_station_day", "station_code", "day"),
    )


class BlobRow(Base):
    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class BlobOwner(Base):
    """Which stations uploaded a blob: a station sees only the blobs it sent."""

    __tablename__ = "blob_owners"
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class PublishedMatter(Base):
    __tablename__ = "published_matters"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    published_at: Mapped[datetime] = mapped_column(DateTime)


class PublishedYear(Base):
    __tablename__ = "published_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # the year file, as published
    official: Mapped[bool] = mapped_column(Boolean)
    published_at: Mapped[datetime] = mapped_column(DateTime)


class Publication(Base):
    """The ETag of the catalog and of the calendar: changes whenever either is published."""

    __tablename__ = "publications"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # catalog | calendar
    etag: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime] = mapped_column(DateTime)


class RateWindow(Base):
    """A fixed-window counter shared by every worker (progress lookup, login)."""

    __tablename__ = "rate_windows"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(DateTime)
    count: Mapped[int] = mapped_column(Integer)


class Followup(Base):
    """The district's follow-up of a bad rating (差评整改), due in 15 working days."""

    __tablename__ = "followups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    rectified: Mapped[bool] = mapped_column(Boolean)
    by: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(DateTime)


# --- district staff views (issue 6): station contact times, rating follow-ups, indexes ----


class StationContact(Base):
    """When a station last pushed and pulled: the supervision board flags silent stations."""

    __tablename__ = "station_contacts"
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"), primary_key=True)
    last_push_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_pull_at: Mapped[datetime | None] = mapped_column(DateTime)


class RatingFollowup(Base):
    """The follow-up item of a bad rating (差评): owner, rectification, follow-up call.

    Every case rated 1 or 2 is an item (its deadline is 15 working days after the rating);
    this row holds what has been recorded for it so far.
    """

    __tablename__ = "rating_followups"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    owner: Mapped[str] = mapped_column(String(50))
    rectification: Mapped[str] = mapped_column(Text)
    call_record: Mapped[str] = mapped_column(Text)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


# The reviewer queue pages by (due_date, id) and (updated_at, id) within a state and judges
# supervision levels from the covering index; reports and ratings select by rating and by
# acceptance; the matter filter lists the matters in use.
Index("ix_cases_state_due", CaseRow.state, CaseRow.due_date, CaseRow.id, CaseRow.accepted_at,
      CaseRow.station_code, CaseRow.matter_code)
# The board and the level filters: a range of clock_due within the supervised states,
# the rest of the rule (limit, open pause, days left while paused: d0023) and the
# board's grouping read from the index.
Index("ix_cases_clock", CaseRow.state, CaseRow.clock_due, CaseRow.limit_days,
      CaseRow.clock_paused, CaseRow.station_code, CaseRow.matter_code, CaseRow.due_date,
      CaseRow.id, CaseRow.clock_left)
Index("ix_cases_matter", CaseRow.matter_code, CaseRow.matter_name)
Index("ix_cases_updated_id", CaseRow.updated_at, CaseRow.id)
Index("ix_cases_rating", CaseRow.rating)
Index("ix_cases_accepted_at", CaseRow.accepted_at)


class PublicationRefusal(Base):
    """A catalog or calendar publication a station could not apply (it kept its previous
    version): one row per station, kind and ETag, renewed at every round that refuses it,
    so the district's admins see which stations run on an older publication and why."""

    __tablename__ = "publication_refusals"
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # catalog | calendar
    etag: Mapped[str] = mapped_column(String(64), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    first_at: Mapped[datetime] = mapped_column(DateTime)
    last_at: Mapped[datetime] = mapped_column(DateTime)


Index("ix_cases_next_promise", CaseRow.next_promise)
# The board counts flagged notices: the few flagged rows only (a partial index).
Index("ix_cases_flagged", CaseRow.flagged,
      sqlite_where=CaseRow.flagged == true(),  # spelled as the board's query: a literal
      postgresql_where=CaseRow.flagged == true())
# The running cases whose clock_due is not filled are judged one by one: found by state
# among the rows with a limit and no clock_due (closed cases too, whose clock is empty).
_UNFILLED = and_(CaseRow.clock_due.is_(None), CaseRow.limit_days.is_not(None))
Index("ix_cases_clock_unfilled", CaseRow.state, sqlite_where=_UNFILLED,
      postgresql_where=_UNFILLED)
# So are those with an open pause whose days left are not stored yet (none once
# settle_clock has run): the filters look for them at every request (d0023).
CLOCK_UNSETTLED = and_(CaseRow.clock_paused.is_(True), CaseRow.clock_left.is_(None))
Index("ix_cases_clock_unsettled", CaseRow.state, sqlite_where=CLOCK_UNSETTLED,
      postgresql_where=CLOCK_UNSETTLED)


class SecurityEvent(Base):
    """The security event log (logins, throttling, tokens, enrollment, full-record views).

    Never personal data of applicants: no ID numbers, phones or names. The subject is a
    staff user name (only names that exist: a mistyped name may be a password) or a
    station code; a full-record view names the case by its id and carries the reason the
    reviewer gave.
    """

    __tablename__ = "security_events"
    __table_args__ = (Index("ix_security_events_kind_at", "kind", "at"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    kind: Mapped[str] = mapped_column(String(32))
    username: Mapped[str | None] = mapped_column(String(64), nullable=True)
    station_code: Mapped[str | None] = mapped_column(String(12), nullable=True)
    address: Mapped[str | None] = mapped_column(String(64), nullable=True)
    case_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    detail: Mapped[str] = mapped_column(String(200), default="")
