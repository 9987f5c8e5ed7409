"""Wire schemas of the sync protocol (HTTP/JSON under /api/v1), shared by both sides.

Requests are strict: unknown fields are refused (422) and JSON types are not coerced
(``"1"`` is not a sequence number, ``true`` is not an integer). Enumerations are the one
exception: JSON has no enum type, so their string values are accepted. Timestamps travel
in the one spelling the content hash covers (``2026-03-02T02:00:00.000000Z``), checked
here, so a hash computed on the station can be recomputed on the district.

Responses ignore fields they do not know, so an older station keeps working against a
newer district.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from clerk.cases.events import Event, canonical_bytes, canonical_json, parse_utc
from clerk.cases.states import EventType, Side

API_PREFIX = "/api/v1"
MAX_BATCH = 500  # events + notes in one push (DESIGN section 8)
MAX_PULL = 1000

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
UTC_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$"
STATION_CODE_PATTERN = r"^\d{12}$"
USERNAME_PATTERN = r"^[a-z][a-z0-9_.-]{1,31}$"
_SHA256_RE = re.compile(SHA256_PATTERN)

Uuid = Annotated[str, Field(pattern=UUID_PATTERN, min_length=36, max_length=36)]
Sha256 = Annotated[str, Field(pattern=SHA256_PATTERN, min_length=64, max_length=64)]
UtcText = Annotated[str, Field(pattern=UTC_PATTERN, min_length=27, max_length=27)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(max_length=2000)]
EventTypeField = Annotated[EventType, Field(strict=False)]
SideField = Annotated[Side, Field(strict=False)]


class Request(BaseModel):
    """Base of everything a client sends: strict types, unknown fields refused."""

    model_config = ConfigDict(extra="forbid", strict=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        # NUL has no business in any text field, and PostgreSQL cannot store it.
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("text must not contain NUL characters")
        return value


class Response(BaseModel):
    """Base of everything the server answers: tolerant of fields added later."""

    model_config = ConfigDict(extra="ignore")


def event_hash_parts(event_id: str, case_id: str, seq: int, type_: str,
                     payload_json: str | bytes, actor: str, origin: str,
                     occurred_at: str) -> str:
    """The content hash of an event whose payload is already in canonical JSON (text,
    or the UTF-8 bytes `clerk.cases.events.canonical_bytes` gives).

    Equal to `clerk.cases.events.Event.content_hash()`: the canonical body is the keys
    in sorted order (actor, case_id, event_id, occurred_at, origin, payload, seq, type),
    so it can be hashed around the payload's own canonical text. The district hashes
    and stores that one text, instead of encoding every payload twice.

    The ids, the timestamp, the origin and the type are plain ASCII by their wire patterns
    and need no escaping; a caller passing anything else merely gets a hash that does not
    match (and the event refused), never a false match.
    """
    head = (f'{{"actor":{canonical_json(actor)},"case_id":"{case_id}","event_id":"{event_id}",'
            f'"occurred_at":"{occurred_at}","origin":"{origin}","payload":')
    digest = hashlib.sha256(head.encode("utf-8"))
    digest.update(payload_json.encode("utf-8") if isinstance(payload_json, str)
                  else payload_json)
    digest.update(f',"seq":{int(seq)},"type":"{type_}"}}'.encode())
    return digest.hexdigest()


def _check_utc(value: str) -> str:
    try:
        parse_utc(value)  # the pattern fixed the shape; this catches 2026-13-45 and the like
    except ValueError:
        raise ValueError("not a real UTC timestamp (YYYY-MM-DDTHH:MM:SS.ffffffZ)") from None
    return value


# --------------------------------------------------------------------------- events


class WireEvent(Request):
    """One case event as it travels; `hash` is the content hash of everything else."""

    event_id: Uuid
    case_id: Uuid
    seq: Annotated[int, Field(ge=1, le=1_000_000)]
    type: EventTypeField
    payload: dict[str, Any]
    actor: Annotated[str, Field(min_length=1, max_length=64)]
    origin: SideField
    occurred_at: UtcText
    hash: Sha256

    _utc = field_validator("occurred_at")(_check_utc)

    # Replaces the base's check of every field: the ids, the hash and the timestamp are
    # held to patterns without NUL, so only the actor is free text (a push validates
    # thousands of events; nine Python calls each were a tenth of the validation).
    @field_validator("actor", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        return Request._no_nul(value)

    @classmethod
    def of(cls, event: Event) -> WireEvent:
        return cls.model_validate(event.to_wire(), strict=False)

    def canonical_payload(self) -> bytes:
        return canonical_bytes(self.payload)

    def computed_hash(self, payload_json: str | bytes | None = None) -> str:
        return event_hash_parts(self.event_id, self.case_id, self.seq, self.type.value,
                                payload_json if payload_json is not None
                                else canonical_bytes(self.payload),
                                self.actor, self.origin.value, self.occurred_at)

    def event(self, digest: str) -> Event:
        """The domain event (sharing this model's payload dict: no copy)."""
        return Event(event_id=self.event_id, case_id=self.case_id, seq=self.seq,
                     type=self.type, payload=self.payload, actor=self.actor,
                     origin=self.origin, occurred_at=parse_utc(self.occurred_at), hash=digest)


class PulledEvent(WireEvent):
    """An event as the pull hands it out, with its position in the district's log."""

    model_config = ConfigDict(extra="ignore", strict=False)
    pos: int


# --------------------------------------------------------------------------- notes


def note_hash(note_id: str, case_id: str, text: str, author: str, origin: str,
              occurred_at: str) -> str:
    """Content hash of a note: the idempotency fingerprint, as for events."""
    body = {"note_id": note_id, "case_id": case_id, "text": text, "author": author,
            "origin": origin, "occurred_at": occurred_at}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


class WireNote(Request):
    """A remark outside the case's event sequence.

    Only the owner of a case adds `commented` events to its sequence; the other side's
    remarks (a reviewer on a station-owned case, the station on a case at the district)
    travel as notes with their own ids, so the two sides never race for a number.
    """

    note_id: Uuid
    case_id: Uuid
    text: Annotated[str, Field(min_length=1, max_length=2000)]
    author: Annotated[str, Field(min_length=1, max_length=64)]
    origin: SideField
    occurred_at: UtcText
    hash: Sha256

    _utc = field_validator("occurred_at")(_check_utc)

    def computed_hash(self) -> str:
        return note_hash(self.note_id, self.case_id, self.text, self.author,
                         self.origin.value, self.occurred_at)


class PulledNote(WireNote):
    model_config = ConfigDict(extra="ignore", strict=False)
    pos: int


# --------------------------------------------------------------------------- push / pull


class PushRequest(Request):
    """Up to 500 events and notes, in the station's local order."""

    events: list[WireEvent] = Field(default_factory=list)
    notes: list[WireNote] = Field(default_factory=list)
    # The matter snapshots the request's created events name by `matter_ref` (form
    # matter_ref, clerk.cases.event_forms): ref -> snapshot, each checked against its ref.
    snapshots: Annotated[dict[Sha256, dict[str, Any]], Field(max_length=MAX_BATCH)] = {}


class ResultStatus(StrEnum):
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"  # already stored with the same content: fine, counts as acked
    REJECTED = "rejected"


class EventResult(Response):
    event_id: str
    status: ResultStatus
    code: str | None = None
    message: str | None = None


class NoteResult(Response):
    note_id: str
    status: ResultStatus
    code: str | None = None
    message: str | None = None


class PushResponse(Response):
    results: list[EventResult]
    note_results: list[NoteResult] = Field(default_factory=list)


class PullResponse(Response):
    events: list[PulledEvent]
    notes: list[PulledNote] = Field(default_factory=list)
    # The snapshots this page's created events name by `matter_ref` (as in a push).
    snapshots: dict[str, dict[str, Any]] = Field(default_factory=dict)
    next_cursor: int
    more: bool


# --------------------------------------------------------------------------- enrollment, auth


class EnrollRequest(Request):
    station_code: Annotated[str, Field(pattern=STATION_CODE_PATTERN)]
    enrollment_code: Annotated[str, Field(min_length=1, max_length=64)]
    # The counter PC: its name ("2号窗口"), its window number (part of its case numbers)
    # and sha256 of a secret it generated, which lets it retry after a lost answer.
    device_name: Annotated[str, Field(max_length=50)] = ""
    device_no: Annotated[int, Field(ge=1, le=99)] = 1
    device_key: Annotated[str, Field(pattern=r"^([0-9a-f]{64})?$")] = ""


class EnrollResponse(Response):
    token: str
    station_code: str
    station_name: str
    device_name: str = ""
    device_no: int | None = None


class WhoAmI(Response):
    """Whose token this is: the client checks it before pushing anything."""

    station_code: str
    station_name: str
    device_name: str
    device_no: int | None
    # Where citizens look their cases up ({progress_base_url}/p/{case_no}, printed in the
    # receipts' QR codes); "" while the district has not set its public address.
    progress_base_url: str = ""
    # The event forms beyond the full one that the district and every live device of the
    # station read (clerk.cases.event_forms.READS): what this device may write. A
    # district that predates them sends none.
    station_reads: list[str] = []
    # What a round reads last, answered here so a round with nothing new needs no more
    # requests: the station's devices, the announced workstation version, and the ETags
    # of the published catalog and calendar (fetched only when they differ from the
    # station's). A district that predates them sends none, and the station asks.
    devices: list[DeviceInfo] | None = None
    client_version: ClientVersionResponse | None = None
    catalog_etag: str | None = None
    calendar_etag: str | None = None


class DeviceInfo(Response):
    name: str
    number: int | None
    created_at: datetime
    revoked_at: datetime | None = None
    last_seen_at: datetime | None = None  # the device's last round (who-am-I)


class LoginRequest(Request):
    username: Annotated[str, Field(min_length=1, max_length=32)]
    password: Annotated[str, Field(min_length=1, max_length=200)]


class LoginResponse(Response):
    token: str
    username: str
    role: str
    expires_at: datetime
    must_change_password: bool = False  # a one-time password: choose a new one first


class StationInfo(Response):
    code: str
    name: str
    district_code: str


# --------------------------------------------------------------------------- blobs, ledger


class BlobInfo(Response):
    sha256: str
    size: int
    media_type: str


class LedgerCount(Response):
    count: int
    hash: str  # sha256 of the sorted event ids, one per line


class LedgerDay(Response):
    day: date
    station: LedgerCount  # station-origin events the district holds
    district: LedgerCount  # district-origin events of this station's cases


class LedgerResponse(Response):
    station_code: str
    days: list[LedgerDay]


def ledger_count(event_ids: list[str]) -> LedgerCount:
    """The per-day fingerprint both sides compute the same way."""
    text = "\n".join(sorted(event_ids))
    return LedgerCount(count=len(event_ids),
                       hash=hashlib.sha256(text.encode("ascii")).hexdigest())


# --------------------------------------------------------------------------- reference data


class CatalogResponse(Response):
    etag: str
    matters: list[dict[str, Any]]


class CalendarResponse(Response):
    etag: str
    years: list[dict[str, Any]]  # year files (clerk.calendar.yearfile format)


class ClientVersionResponse(Response):
    """The workstation version the district announces ("" when none is published yet)."""

    version: str = ""
    where: str = ""  # how to get it: a URL or words ("区政务服务中心信息科")
    published_at: datetime | None = None


WhoAmI.model_rebuild()  # it names DeviceInfo and ClientVersionResponse, defined after it


# --------------------------------------------------------------------------- staff: cases


class CaseSummary(Response):
    case_id: str
    case_no: str
    station_code: str
    matter_code: str
    matter_name: str
    state: str
    state_label: str
    owner: str
    proxy_agent: str | None
    accepted_at: datetime | None
    due_date: date | None
    due_provisional: bool
    version: int
    updated_at: datetime
    rating: int | None = None


class NoteView(Response):
    note_id: str
    text: str
    author: str
    origin: str
    occurred_at: str


class CaseDetail(CaseSummary):
    record: dict[str, Any]
    notes: list[NoteView] = Field(default_factory=list)
    level: str | None = None
    # ID numbers and phones in `record` are masked: POST /cases/{id}/reveal for the full one.
    masked: bool = False


class CaseList(Response):
    cases: list[CaseSummary]
    total: int


class CaseEvents(Response):
    events: list[PulledEvent]


class ExpectedVersion(Request):
    """Every case action names the version it was decided on; a stale one is a 409."""

    expected_version: Annotated[int, Field(ge=0)]


class TakeRequest(ExpectedVersion):
    pass


class AssignRequest(ExpectedVersion):
    proxy_agent: Annotated[str, Field(min_length=1, max_length=32)]


class ProxyStepRequest(ExpectedVersion):
    step: ShortText
    note: LongText = ""


class ReturnItem(Request):
    key: Annotated[str, Field(min_length=1, max_length=64)]
    name: ShortText
    requirement: LongText = ""


class ReturnRequest(ExpectedVersion):
    items: Annotated[list[ReturnItem], Field(min_length=1, max_length=50)]
    note: LongText = ""


class SpecialStartRequest(ExpectedVersion):
    procedure: ShortText


class SpecialEndRequest(ExpectedVersion):
    result: LongText = ""


class ApproveRequest(ExpectedVersion):
    text: LongText = ""
    doc_no: Annotated[str, Field(max_length=60)] = ""


class DenyRequest(ExpectedVersion):
    reason: Annotated[str, Field(min_length=1, max_length=2000)]


class RevealRequest(Request):
    """Opening a case's full record (显示完整号码): why, for the access log."""

    reason: Annotated[str, Field(min_length=2, max_length=200)]


class CommentRequest(ExpectedVersion):
    text: Annotated[str, Field(min_length=1, max_length=2000)]


class FollowupRequest(Request):
    text: Annotated[str, Field(min_length=1, max_length=2000)]
    rectified: bool = False


# --------------------------------------------------------------------------- supervision


class SupervisionItem(Response):
    case_id: str
    case_no: str
    station_code: str
    matter_name: str
    state: str
    level: str
    due_date: date
    due_provisional: bool
    used: int
    left: int


class FlaggedNotice(Response):
    case_id: str
    case_no: str
    station_code: str
    doc_no: str
    justification: str | None
    new_items: list[str]


class BadRating(Response):
    case_id: str
    case_no: str
    station_code: str
    score: int
    comment: str
    rated_on: date
    followup_due: date
    followed_up: bool


class SupervisionResponse(Response):
    today: date
    counts: dict[str, int]
    items: list[SupervisionItem]
    flagged_notices: list[FlaggedNotice] = Field(default_factory=list)
    bad_ratings: list[BadRating] = Field(default_factory=list)


# --------------------------------------------------------------------------- progress lookup


class ProgressRequest(Request):
    case_no: Annotated[str, Field(min_length=1, max_length=40)]
    # The last 4 characters of whichever document the applicant was entered with: digits
    # and X for a resident ID, letters too for a passport (clerk.id_documents).
    last4: Annotated[str, Field(pattern=r"^[0-9A-Za-z]{4}$")]


class ProgressResponse(Response):
    """State and dates only: no names, no numbers, nothing personal."""

    case_no: str
    state: str
    state_label: str
    received_on: date
    accepted_on: date | None
    due_date: date | None
    due_provisional: bool
    closed_on: date | None


# --------------------------------------------------------------------------- admin


class CreateStationRequest(Request):
    code: Annotated[str, Field(pattern=STATION_CODE_PATTERN)]
    name: Annotated[str, Field(min_length=1, max_length=100)]


class CreateStationResponse(Response):
    code: str
    name: str
    enrollment_code: str
    expires_at: datetime


class CreateUserRequest(Request):
    username: Annotated[str, Field(min_length=2, max_length=32)]
    password: Annotated[str, Field(min_length=8, max_length=200)]
    role: Literal["reviewer", "proxy", "admin"]
    display_name: Annotated[str, Field(max_length=50)] = ""


class UserInfo(Response):
    username: str
    role: str
    display_name: str
    active: bool
    must_change_password: bool = False


class ReportResponse(Response):
    total: int
    by_station: dict[str, int]
    by_state: dict[str, int]
    by_matter: dict[str, int]
    ratings: dict[str, int]  # score -> count
    bad_ratings: int


class ErrorBody(Response):
    code: str
    message: str
    errors: list[dict[str, Any]] | None = None
    # With values in the message: the message before they went in, and the values (a
    # workstation translates the template and fills it in).
    template: str | None = None
    params: dict[str, str] | None = None


# --------------------------------------------------------------------------- shared rules


def is_sha256(text: str) -> bool:
    return bool(_SHA256_RE.fullmatch(text))


def blob_refs(payload: Any) -> set[str]:
    """The blobs an event payload references: any object with a 64-hex ``sha256`` key.

    Scans are attached as ``{"sha256": ..., "media_type": ...}`` wherever they belong
    (a checklist item, a result); the blob must reach the district before the event.
    """
    found: set[str] = set()
    stack = [payload]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("sha256")
            if isinstance(ref, str) and is_sha256(ref):
                found.add(ref)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found
