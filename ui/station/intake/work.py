"""The intake page's background work: plain functions over the workspace, no widgets.

Each function here runs inside one :class:`ui.common.operations.Operation` on the database
worker. It gets copies of what the clerk typed (frozen dataclasses), never widgets, and
returns plain results; the page renders them. Documents are rendered only after the
case's state change was committed (``ws.documents.issue`` loads the committed case).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from clerk import applicants as ap
from clerk.cases.checklist import ChecklistItem, ItemStatus, Scan
from clerk.cases.record import CaseRecord
from clerk.cases.service import MaterialChanges
from clerk.cases.states import RESUMABLE, State
from clerk.errors import StationDeskError, ValidationError
from clerk.id_documents import DOCUMENT_TYPES, validate_document
from clerk.numbers import is_case_no
from clerk.options import PRINT_COPIES, PRINT_FONT_PATH, RECENT_MATTERS, Option
from clerk.ratings import RatingChannel
from clerk.timeutil import local_date
from clerk.validation import parse_resident_id
from clerk.workspace import Workspace
from ui.common.widgets import state_label  # a pure function: safe on the worker

if TYPE_CHECKING:
    # Printing is imported when the first document is made (or by the counter's warm-up
    # once it is ready), not with the 受理 page at sign-in.
    from clerk.documents import PrintedDocument, Renderer
    from printing.model import PrintOptions

#: States in which a returning applicant's case can be continued at the counter.
RECENT_LIMIT = 8


class Decision(StrEnum):
    ACCEPT = "accept"  # 受理 → receipt
    NOTICE = "notice"  # 一次性告知 → notice
    REFUSE = "refuse"  # 不予受理 → refusal notice
    COMPLETE = "complete"  # 即办件办结 → receipt + result
    RESUBMIT = "resubmit"  # 退回补正后重新上报


@dataclass(frozen=True)
class MaterialMark:
    """The status the clerk gave one material on the screen."""

    key: str
    status: ItemStatus
    promise: date | None = None
    scans: tuple[Scan, ...] = ()  # attached on the screen (already kept in clerk.scans)
    drop_scans: bool = False  # the committed item's scans removed on the screen


@dataclass(frozen=True)
class IntakeData:
    """Everything typed for a new case, copied off the widgets."""

    matter_code: str
    applicant: ap.PersonInput
    agent: ap.PersonInput | None
    form_data: Mapping[str, Any]
    marks: tuple[MaterialMark, ...]


@dataclass(frozen=True)
class DecisionRequest:
    kind: Decision
    justification: str = ""
    reason: str = ""
    basis: str = ""
    rating: int | None = None
    rating_channel: str = RatingChannel.DEVICE.value


@dataclass
class DecisionOutcome:
    """What a decision left behind. ``error`` is set when the case exists (it was created
    or updated) but the decision itself failed: the page then continues that case."""

    case_no: str
    record: CaseRecord
    documents: list[PrintedDocument] = field(default_factory=list)
    error: Exception | None = None


@dataclass(frozen=True)
class PersonLookup:
    applicant: ap.ApplicantView | None
    documents: dict[str, ap.DocumentView]


@dataclass(frozen=True)
class CaseChoice:
    case_no: str
    matter_name: str
    state: State
    received_on: date


@dataclass(frozen=True)
class LookupResult:
    """A returning applicant's case, or the cases to choose from."""

    record: CaseRecord | None = None
    choices: tuple[CaseChoice, ...] = ()
    id_no: str = ""


# --- materials -----------------------------------------------------------------------

def changes_for_new_case(marks: Iterable[MaterialMark],
                         items: Mapping[str, ChecklistItem]) -> MaterialChanges:
    """Map the screen's statuses onto the service's change set for ``new_case``.

    On-file and shared items need no change: the service marks them itself.
    """
    received: list[str] = []
    deferred: dict[str, date] = {}
    applies: list[str] = []
    not_applicable: list[str] = []
    missing: list[str] = []
    scans: dict[str, tuple[Scan, ...]] = {}
    for mark in marks:
        item = items.get(mark.key)
        if item is None:
            continue
        if mark.scans:
            scans[mark.key] = mark.scans
        conditional = item.condition is not None
        if mark.status == ItemStatus.RECEIVED:
            received.append(mark.key)
        elif mark.status == ItemStatus.DEFERRED and mark.promise is not None:
            deferred[mark.key] = mark.promise
            if conditional:
                applies.append(mark.key)
        elif mark.status == ItemStatus.NOT_APPLICABLE:
            not_applicable.append(mark.key)
        elif mark.status == ItemStatus.MISSING:
            # Conditional: the condition holds. Otherwise: not taken from file or shared data.
            (applies if conditional else missing).append(mark.key)
    return MaterialChanges(received=received, deferred=deferred, applies=applies,
                           not_applicable=not_applicable, missing=missing,
                           scans=scans)


def changes_against(record: CaseRecord, marks: Iterable[MaterialMark]) -> MaterialChanges:
    """The change set that turns the committed checklist into the screen's (supplements)."""
    items = {it.key: it for it in record.materials.items}
    received: list[str] = []
    deferred: dict[str, date] = {}
    applies: list[str] = []
    not_applicable: list[str] = []
    missing: list[str] = []
    scans: dict[str, tuple[Scan, ...]] = {}
    dropped: dict[str, list[str]] = {}
    for mark in marks:
        item = items.get(mark.key)
        if item is None:
            continue
        if mark.drop_scans and item.scans:
            dropped[mark.key] = [sc.sha256 for sc in item.scans]
        kept = () if mark.drop_scans else item.scans
        new_scans = tuple(sc for sc in mark.scans if sc not in kept)
        if new_scans:
            scans[mark.key] = new_scans
        if item.status == mark.status and item.promise_date == mark.promise:
            continue
        if mark.status == ItemStatus.RECEIVED:
            received.append(mark.key)
        elif mark.status == ItemStatus.DEFERRED and mark.promise is not None:
            deferred[mark.key] = mark.promise
        elif mark.status == ItemStatus.NOT_APPLICABLE:
            not_applicable.append(mark.key)
        elif mark.status == ItemStatus.MISSING:
            (applies if item.status == ItemStatus.NOT_APPLICABLE else missing).append(mark.key)
        elif mark.status == ItemStatus.ON_FILE and item.status == ItemStatus.NOT_APPLICABLE:
            applies.append(mark.key)  # the service then finds it on file
    return MaterialChanges(received=received, deferred=deferred, applies=applies,
                           not_applicable=not_applicable, missing=missing, scans=scans,
                           scans_dropped=dropped)


def is_empty(changes: MaterialChanges) -> bool:
    return not (changes.received or changes.deferred or changes.applies
                or changes.not_applicable or changes.missing or changes.scans
                or changes.scans_dropped)


# --- decisions -----------------------------------------------------------------------

def submit_new(ws: Workspace, clerk: str, data: IntakeData, request: DecisionRequest,
               options: PrintOptions) -> DecisionOutcome:
    """Open the case, then make the decision and render its documents."""
    snapshot = {it.key: it for it in _initial_items(ws, data.matter_code)}
    changes = changes_for_new_case(data.marks, snapshot)
    # A conditional item the clerk took from the documents on file: the service marks
    # on-file items only once they apply, which an update after creation makes so.
    late = [m.key for m in data.marks if m.status == ItemStatus.ON_FILE
            and snapshot.get(m.key) is not None and snapshot[m.key].condition is not None]
    if request.kind == Decision.ACCEPT and not late:
        accepted = _open_and_accept(ws, clerk, data, changes, options)
        if accepted is not None:
            return accepted
    rec = ws.cases.new_case(matter_code=data.matter_code, applicant=data.applicant,
                            agent=data.agent, changes=changes, form_data=dict(data.form_data),
                            clerk=clerk)
    try:
        if late:
            rec = ws.cases.update_materials(rec.case_no, MaterialChanges(applies=late),
                                            clerk=clerk)
        documents = decide(ws, clerk, rec.case_no, request, options)
    except Exception as exc:  # the case exists; the page continues it instead of losing it
        return DecisionOutcome(rec.case_no, ws.cases.get(rec.case_no), [], exc)
    return DecisionOutcome(rec.case_no, ws.cases.get(rec.case_no), documents)


def _open_and_accept(ws: Workspace, clerk: str, data: IntakeData, changes: MaterialChanges,
                     options: PrintOptions) -> DecisionOutcome | None:
    """F9 on a new intake: case opened and accepted in one durable commit, then its
    receipt. None when the acceptance is refused (nothing was stored): the caller then
    opens the case on its own, so it is kept as a draft and the refusal shown on it."""
    try:
        rec = ws.cases.open_and_accept(
            matter_code=data.matter_code, applicant=data.applicant, agent=data.agent,
            changes=changes, form_data=dict(data.form_data), clerk=clerk)
    except StationDeskError:
        return None
    try:
        receipt = ws.documents.issue(rec.case_no, "receipt", _renderer(options), output=None,
                                     clerk=clerk)
    except Exception as exc:  # the case is accepted; the page offers the reprint
        return DecisionOutcome(rec.case_no, ws.cases.get(rec.case_no), [], exc)
    # Issuing renders without logging (the preview logs what is printed or saved): the
    # accepted record is the case as committed.
    return DecisionOutcome(rec.case_no, rec, [receipt])


def submit_existing(ws: Workspace, clerk: str, case_no: str, changes: MaterialChanges,
                    request: DecisionRequest, options: PrintOptions) -> DecisionOutcome:
    """Record the supplement on a case in intake (or returned), then decide.

    ``changes`` are the clerk's edits against the case as it was shown
    (:func:`changes_against` that record), so a change made meanwhile elsewhere is not
    silently undone by the screen's older picture of the case.
    """
    if request.kind == Decision.RESUBMIT:
        ws.cases.resubmit(case_no, changes, clerk=clerk)
        return DecisionOutcome(case_no, ws.cases.get(case_no), [])
    if not is_empty(changes):
        ws.cases.update_materials(case_no, changes, clerk=clerk)
    try:
        documents = decide(ws, clerk, case_no, request, options)
    except Exception as exc:
        return DecisionOutcome(case_no, ws.cases.get(case_no), [], exc)
    return DecisionOutcome(case_no, ws.cases.get(case_no), documents)


def decide(ws: Workspace, clerk: str, case_no: str, request: DecisionRequest,
           options: PrintOptions) -> list[PrintedDocument]:
    """Make one decision on a committed case and render the documents it issues."""
    cases = ws.cases
    if request.kind == Decision.ACCEPT:
        cases.accept(case_no, clerk=clerk)
        kinds = ["receipt"]
    elif request.kind == Decision.NOTICE:
        cases.issue_notice(case_no, justification=request.justification or None, clerk=clerk)
        kinds = ["notice"]
    elif request.kind == Decision.REFUSE:
        cases.refuse(case_no, reason=request.reason, basis=request.basis, clerk=clerk)
        kinds = ["refusal"]
    elif request.kind == Decision.COMPLETE:
        if cases.get(case_no).state != State.ACCEPTED:
            cases.accept(case_no, clerk=clerk)
        cases.complete(case_no, rating=request.rating, rating_channel=request.rating_channel,
                       clerk=clerk)
        kinds = ["receipt", "result"]
    else:
        raise ValueError(f"unknown decision {request.kind!r}")
    # Rendered, not logged: the preview logs what the clerk prints or saves.
    return [ws.documents.issue(case_no, kind, _renderer(options), output=None, clerk=clerk)
            for kind in kinds]


def _initial_items(ws: Workspace, matter_code: str) -> list[ChecklistItem]:
    from clerk.cases.checklist import initial_checklist

    return list(initial_checklist(ws.matter(matter_code).materials).items)


def _renderer(options: PrintOptions) -> Renderer:
    from printing.issue import renderer

    return renderer(options)


def print_options(ws: Workspace) -> PrintOptions:
    """The station's print settings (copies, font file), with safe fallbacks."""
    from printing.model import PrintOptions

    font = ws.settings.get(PRINT_FONT_PATH).strip() or None
    return PrintOptions(copies=1 if ws.settings.get(PRINT_COPIES) == 1 else 2, font_path=font)


# --- people and cases ------------------------------------------------------------------

def lookup_person(ws: Workspace, id_no: str, id_type: str | None = None) -> PersonLookup:
    """A known applicant with this (document type,) ID number and their valid documents
    on file."""
    return PersonLookup(*ws.applicants.lookup(id_no, local_date(ws.now()), id_type))


def find_returning(ws: Workspace, text: str) -> LookupResult:
    """Find the case a returning applicant comes for: by case number, QR content or ID."""
    from printing.qr_payload import (
        PAYLOAD_PREFIX,
        case_no_from_url,
        parse_qr_payload,
        verify_qr_payload,
    )

    text = text.strip()
    text = case_no_from_url(text) or text  # the progress page's QR: its case number
    if not text:
        raise _lookup_error(QCoreApplication.translate(
            "IntakeWork", "请输入办件编号、扫描告知单上的二维码，或输入申请人身份证号码。"),
            "empty")
    if text.startswith(PAYLOAD_PREFIX + "|"):
        try:
            case_no, _check = parse_qr_payload(text)
        except ValueError:
            raise _lookup_error(QCoreApplication.translate(
                "IntakeWork", "二维码内容无法识别，请重新扫描或输入办件编号。"), "qr") from None
        rec = ws.cases.get(case_no)
        if verify_qr_payload(text, str(rec.applicant["id_no"])[-4:]) != case_no:
            raise _lookup_error(QCoreApplication.translate(
                "IntakeWork", "二维码校验不通过（与办件不符）。请核对告知单或输入办件编号。"),
                "qr_check")
        return LookupResult(record=_resumable(rec))
    if is_case_no(text):
        return LookupResult(record=_resumable(ws.cases.get(text)))
    if len(text) >= 15 and text[:6].isdigit() and _other_document_number(text) is None:
        rid = parse_resident_id(text, today=local_date(ws.now()))
        choices = open_cases_of(ws, rid.number)
        if len(choices) == 1:
            return LookupResult(record=ws.cases.get(choices[0].case_no), id_no=rid.number)
        return LookupResult(choices=tuple(choices), id_no=rid.number)
    number = _other_document_number(text)
    if number is not None:  # a pass, passport or permanent residence card
        choices = open_cases_of(ws, number)
        if len(choices) == 1:
            return LookupResult(record=ws.cases.get(choices[0].case_no), id_no=number)
        if choices:
            return LookupResult(choices=tuple(choices), id_no=number)
    raise _lookup_error(QCoreApplication.translate(
        "IntakeWork", "无法识别：请输入办件编号（如 110108001001-20260302-0001）、"
        "扫描二维码，或输入18位身份证号码。"), "format")


def _other_document_number(text: str) -> str | None:
    """The stored number when ``text`` is a valid number of a document other than the
    resident ID (clerk.id_documents), else None."""
    for id_type in DOCUMENT_TYPES:
        if id_type == "resident_id":
            continue
        try:
            return validate_document(id_type, text).number
        except ValidationError:
            continue
    return None


def _lookup_error(message: str, code: str) -> ValidationError:
    # QCoreApplication.translate is thread-safe: these messages are built on the worker.
    return ValidationError(message, code=f"lookup.{code}", field="lookup")


def _resumable(rec: CaseRecord) -> CaseRecord:
    if rec.state not in RESUMABLE:
        raise _lookup_error(QCoreApplication.translate(
            "IntakeWork", "办件 {no} 当前状态为“{state}”，不需要补正材料；请到“办件”页查看或办理。"
        ).format(no=rec.case_no, state=state_label(rec.state)), "state")
    return rec


def open_cases_of(ws: Workspace, id_no: str) -> list[CaseChoice]:
    """The person's cases waiting for them at the counter, newest first."""
    return [CaseChoice(c.case_no, c.matter_name, c.state, c.received_at.date())
            for c in ws.case_lists.waiting_for(id_no, RESUMABLE)]


def returned_items(rec: CaseRecord) -> list[dict[str, Any]]:
    """The items the district asked for in its latest return."""
    if rec.state != State.RETURNED or not rec.returns:
        return []
    return [dict(i) for i in rec.returns[-1].get("items", [])]


# --- recently used matters ------------------------------------------------------------

def _recent_option(username: str) -> Option[str]:
    return RECENT_MATTERS.for_clerk(username)


def load_recent(ws: Workspace, username: str) -> list[str]:
    try:
        codes = json.loads(ws.settings.get(_recent_option(username)))
    except ValueError:
        return []
    return [c for c in codes if isinstance(c, str)][:RECENT_LIMIT] if isinstance(codes, list) \
        else []


def remember_recent(ws: Workspace, username: str, code: str) -> list[str]:
    codes = [code, *(c for c in load_recent(ws, username) if c != code)][:RECENT_LIMIT]
    ws.settings.set(_recent_option(username), json.dumps(codes))
    return codes
