"""Retention (个人信息保护法 第十九条, GB/T 35273 6.1): personal data kept no longer than needed.

A case closed longer ago than its retention period keeps what the station's records need
(number, matter, dates, states, decisions, refusal grounds, ratings' scores) and loses
what identifies the person: the applicant's and the agent's name, ID number, phone and
address in the case and in every one of its events, the matter's form data, the
citizen's comment on a rating, the remarks, the scans cited. The applicant row itself is
anonymised once none of their cases is still kept, together with their documents on file.

Only cases whose every event and remark the district has acknowledged are touched: the
district keeps the authoritative record, so nothing leaves the station that the district
does not already hold. Cases waiting for that are reported as held back, never skipped
silently.

The event history stays verifiable: a redacted event keeps its original content hash in
the chain (`case_events.redacted_at` says its payload was cut on purpose, so `audit
verify` checks its place in the chain but not its content), and the case row is rebuilt
by replaying the redacted events, so the projection check still holds.

The retention period is the matter's (`retention_days` in the catalog) or the station's
setting (clerk.options.RETENTION_DAYS).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk.cases.ledger import replay_stored, rewrite_projection
from clerk.cases.service import stored_event
from clerk.options import RETENTION_DAYS
from clerk.scans import LocalBlobs, cited_scans, scans_cited_in
from clerk.store.models import (
    SUPERSEDED,
    Applicant,
    Case,
    CaseEvent,
    CaseNote,
    DocumentOnFile,
    RetentionRun,
    Setting,
    SyncOutbox,
    SyncQuarantine,
)

#: What an anonymised name reads as, on screens and reprints.
ANONYMISED = "（已匿名）"
REDACTED_TEXT = "（已按保存期限删除）"

#: The fields of a person's snapshot (applicant, agent) that identify them; the rest
#: (internal id, kind, document type) stays so the record still reads.
_PERSON_FIELDS = ("name", "id_no", "mobile", "phone", "address", "legal_rep", "contact",
                  "birth_date", "sex", "hukou_area")
_BATCH = 200  # cases per transaction: a long run never holds the write lock for long


@dataclass
class RetentionReport:
    dry_run: bool
    default_days: int
    cases: list[str] = field(default_factory=list)  # case numbers anonymised (or due)
    held: list[str] = field(default_factory=list)  # due, but not all acknowledged yet
    events: int = 0
    notes: int = 0
    # Scans the anonymised cases and documents cited: removed unless cited elsewhere.
    released_scans: set[str] = field(default_factory=set, repr=False)
    applicants: int = 0
    documents: int = 0
    scans: int = 0


def scrub_payload(payload: dict[str, Any], event_type: str = "") -> dict[str, Any]:
    """The payload without what identifies the person (a new dict; the input is kept):
    the person snapshots, the form data, scans, the citizen's rating comment and, for a
    remark (`commented`), its text."""
    out = _scrubbed(payload)
    for key in ("applicant", "agent"):
        person = out.get(key)
        if isinstance(person, dict):
            out[key] = _anonymous_person(person)
    if "form_data" in out:
        out["form_data"] = {}
    if event_type == "commented" and out.get("text"):
        out["text"] = REDACTED_TEXT
    return out


def _anonymous_person(person: dict[str, Any]) -> dict[str, Any]:
    out = dict(person)
    for key in _PERSON_FIELDS:
        if key in out:
            out[key] = ANONYMISED if key == "name" else (None if out[key] is None else "")
    return out


def _scrubbed(value: Any) -> Any:
    """A copy with every list of cited scans emptied (the files are removed after) and
    every free-text comment cut."""
    if isinstance(value, dict):
        return {k: ([] if k == "scans" else
                    REDACTED_TEXT if k == "comment" and isinstance(v, str) and v else
                    _scrubbed(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrubbed(v) for v in value]
    return value


def run(session_factory: Callable[[], Any], blobs: LocalBlobs, *, now: datetime,
        matter_days: Callable[[str], int | None], dry_run: bool = False) -> RetentionReport:
    """Anonymise every case past its retention period (see the module's docstring).

    `session_factory` is the store's write (or, for a dry run, read) transaction;
    `matter_days(code)` the catalog's period for a matter, None for the default.
    """
    with session_factory() as s:
        default = RETENTION_DAYS.parse(_setting(s, RETENTION_DAYS.key))
    report = RetentionReport(dry_run=dry_run, default_days=default)
    due_ids = _due_cases(session_factory, now, default, matter_days, report)
    for chunk in _chunks(due_ids, _BATCH):
        if dry_run:
            continue
        with session_factory() as s:
            for case_id in chunk:
                _anonymise_case(s, case_id, now, report)
    if not dry_run:
        with session_factory() as s:
            _anonymise_applicants(s, now, default, report)
            report.scans = _remove_released_scans(s, blobs, report.released_scans)
            s.add(RetentionRun(ran_at=_naive(now), cases=len(report.cases),
                               events=report.events, notes=report.notes,
                               applicants=report.applicants, documents=report.documents,
                               scans=report.scans, held=len(report.held)))
    else:
        with session_factory() as s:
            report.applicants = len(_orphan_applicants(s, now, default, set(due_ids)))
    return report


def _setting(s: Session, key: str) -> str | None:
    row = s.get(Setting, key)
    return row.value if row is not None else None


def _due_cases(session_factory: Callable[[], Any], now: datetime, default: int,
               matter_days: Callable[[str], int | None], report: RetentionReport) -> list[str]:
    """Ids of the closed, not yet anonymised cases past their period; those with events
    or remarks the district has not acknowledged go to `report.held` instead."""
    due: list[str] = []
    with session_factory() as s:
        rows = s.execute(select(Case.id, Case.case_no, Case.matter_code, Case.closed_at)
                         .where(Case.closed_at.is_not(None), Case.anonymised_at.is_(None))
                         .order_by(Case.closed_at)).all()
        unacked = _unacknowledged_case_ids(s)
        for case_id, case_no, matter, closed_at in rows:
            days = matter_days(matter) or default
            if closed_at > _naive(now) - timedelta(days=days):
                continue
            if case_id in unacked:
                report.held.append(case_no)
                continue
            due.append(case_id)
            report.cases.append(case_no)
    return due


def _unacknowledged_case_ids(s: Session) -> set[str]:
    """Cases with a station event or remark the district has not acknowledged (pulled
    district events arrive acknowledged)."""
    events = s.execute(select(SyncOutbox.case_id).distinct()).scalars()
    notes = s.execute(select(CaseNote.case_id).where(CaseNote.sync_state != "acked")
                      .distinct()).scalars()
    return set(events) | set(notes)


def _anonymise_case(s: Session, case_id: str, now: datetime, report: RetentionReport) -> None:
    rows = s.execute(select(CaseEvent).where(CaseEvent.case_id == case_id)
                     .order_by(CaseEvent.seq)).scalars().all()
    for row in rows:
        report.released_scans |= scans_cited_in(row.payload)
        row.payload = scrub_payload(row.payload, row.type)
        if row.redacted_at is None:
            row.redacted_at = _naive(now)
            report.events += 1
    case = s.get(Case, case_id)
    assert case is not None
    # Steps another counter's superseded (clerk.cases.conflicts) are not part of the case.
    rewrite_projection(s, replay_stored(s, case_id, [stored_event(r) for r in rows
                                                    if r.sync_state != SUPERSEDED]))
    case.anonymised_at = _naive(now)
    for note in s.execute(select(CaseNote).where(CaseNote.case_id == case_id,
                                                 CaseNote.redacted_at.is_(None))).scalars():
        note.text, note.redacted_at = REDACTED_TEXT, _naive(now)
        report.notes += 1
    for q in s.execute(select(SyncQuarantine).where(SyncQuarantine.case_id == case_id)).scalars():
        s.delete(q)


def _orphan_applicants(s: Session, now: datetime, default: int,
                       leaving: set[str]) -> list[Applicant]:
    """Applicants with no case still kept (every case anonymised or `leaving`), and
    applicants without cases untouched for longer than the default period."""
    kept = (select(Case.applicant_id).where(Case.anonymised_at.is_(None))
            .where(Case.id.not_in(leaving) if leaving else Case.id.is_not(None)))
    has_cases = select(Case.applicant_id)
    cutoff = _naive(now) - timedelta(days=default)
    rows = s.execute(select(Applicant).where(
        Applicant.name != ANONYMISED, Applicant.id.not_in(kept),
        (Applicant.id.in_(has_cases)) | (Applicant.updated_at < cutoff))).scalars().all()
    return list(rows)


def _anonymise_applicants(s: Session, now: datetime, default: int,
                          report: RetentionReport) -> None:
    for person in _orphan_applicants(s, now, default, set()):
        report.documents += s.execute(
            select(func.count()).select_from(DocumentOnFile)
            .where(DocumentOnFile.applicant_id == person.id)).scalar_one()
        for doc in s.execute(select(DocumentOnFile)
                             .where(DocumentOnFile.applicant_id == person.id)).scalars():
            if doc.scan_sha256:
                report.released_scans.add(doc.scan_sha256)
            s.delete(doc)
        person.name = ANONYMISED
        # The (type, number) pair is unique: a number no real document can have.
        person.id_no = "#" + person.id.replace("-", "")[:31]
        person.mobile = person.address = person.legal_rep = person.contact = ""
        person.hukou_area = ""
        person.sex = None
        person.birth_date = None
        person.updated_at = _naive(now)
        report.applicants += 1


def _remove_released_scans(s: Session, blobs: LocalBlobs, released: set[str]) -> int:
    """Delete the files of `released` scans that nothing cites any more (no event, no
    document on file). Only those: a scan kept for an intake not yet saved cites nothing
    yet and must stay."""
    if not released:
        return 0
    s.flush()
    cited = set(cited_scans(s))
    cited |= {sha for sha in s.execute(select(DocumentOnFile.scan_sha256)).scalars() if sha}
    removed = 0
    for sha in sorted(released - cited):
        path = blobs.path(sha)
        if path.exists():
            path.unlink()
            removed += 1
    return removed


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)
