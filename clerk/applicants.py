"""Applicants (natural and legal persons) and their documents on file (证照库).

An applicant is entered once and found again by ID number; the station never makes a
clerk retype a known person. A natural person's identity is (document type, number):
see clerk.id_documents for the documents and their rules. A verified government-issued
document is kept on file so a later case needing the same material key offers it instead
of collecting it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from clerk.id_documents import (
    DOCUMENT_TYPES,
    canonical_number,
    lookup_numbers,
    validate_document,
)
from clerk.ids import new_id
from clerk.store.models import Applicant, DocumentOnFile
from clerk.timeutil import local_date
from clerk.validation import (
    validate_mobile,
    validate_name,
    validate_uscc,
)

#: Every identity a person or organisation can be entered with: the documents a natural
#: person shows (clerk.id_documents) and an organisation's credit code.

if TYPE_CHECKING:
    from clerk.cases.queries import CaseRow, SupervisionCut
    from clerk.workspace import Workspace

ID_TYPES = {
    **DOCUMENT_TYPES,
    "uscc": "统一社会信用代码",
}


@dataclass(frozen=True)
class PersonInput:
    """What a clerk types for an applicant; validated by `normalize_person`."""

    name: str
    id_no: str
    id_type: str = "resident_id"
    mobile: str = ""
    address: str = ""
    legal_rep: str = ""
    contact: str = ""


@dataclass(frozen=True)
class ApplicantView:
    id: str
    kind: str
    name: str
    id_type: str
    id_no: str
    sex: str | None
    birth_date: date | None
    mobile: str
    address: str
    legal_rep: str
    contact: str

    def snapshot(self) -> dict[str, Any]:
        """What a case keeps of its applicant (as it was when the case was created)."""
        return {"id": self.id, "kind": self.kind, "name": self.name, "id_type": self.id_type,
                "id_no": self.id_no, "mobile": self.mobile, "address": self.address,
                "legal_rep": self.legal_rep}


@dataclass(frozen=True)
class DocumentView:
    id: str
    material_key: str
    name: str
    verified_at: datetime
    verified_by: str
    valid_until: date | None
    source_case_id: str | None
    scan_sha256: str | None = None  # a scan of it, in the station's store (clerk.scans)

    def valid_on(self, day: date) -> bool:
        return self.valid_until is None or self.valid_until >= day


def normalize_person(p: PersonInput, *, today: date | None = None) -> dict[str, Any]:
    """Validated column values for a person, or ValidationError naming the field."""
    name = validate_name(p.name)
    mobile = validate_mobile(p.mobile) if p.mobile.strip() else ""
    address = p.address.strip()[:200]
    if p.id_type in DOCUMENT_TYPES:
        doc = validate_document(p.id_type, p.id_no, today=today)
        # Only a resident ID's area code is a household-register area.
        hukou = doc.area_code if doc.id_type == "resident_id" else ""
        return {"kind": "natural", "name": name, "id_type": doc.id_type, "id_no": doc.number,
                "sex": doc.sex, "birth_date": doc.birth_date, "mobile": mobile,
                "address": address, "hukou_area": hukou, "legal_rep": "", "contact": ""}
    if p.id_type == "uscc":
        return {"kind": "legal", "name": name, "id_type": "uscc", "id_no": validate_uscc(p.id_no),
                "sex": None, "birth_date": None, "mobile": mobile, "address": address,
                "hukou_area": "", "legal_rep": p.legal_rep.strip(), "contact": p.contact.strip()}
    raise ValidationError(
        QT_TRANSLATE_NOOP("errors", "不支持的证件类型：{id_type}"),
        code="applicant.id_type", field="id_type", params={"id_type": p.id_type})


def _view(a: Applicant) -> ApplicantView:
    return ApplicantView(a.id, a.kind, a.name, a.id_type, a.id_no, a.sex, a.birth_date,
                         a.mobile, a.address, a.legal_rep, a.contact)


def normalize_id_no(id_no: str, id_type: str | None = None) -> str:
    """The stored form of a typed number (upper case, no spaces; see canonical_number)."""
    return canonical_number(id_type, id_no)


def find_by_id_no(session: Session, id_no: str,
                  id_type: str | None = None) -> ApplicantView | None:
    """The applicant with this (type, number); with no type, the number under any type
    (a number is almost never shared between types: the formats differ)."""
    q = select(Applicant)
    if id_type is None:
        q = q.where(Applicant.id_no.in_(sorted(lookup_numbers(id_no))))
    else:
        q = q.where(Applicant.id_type == id_type,
                    Applicant.id_no == normalize_id_no(id_no, id_type))
    row = session.execute(q.order_by(Applicant.created_at)).scalars().first()
    return _view(row) if row else None


def get_applicant(session: Session, applicant_id: str) -> ApplicantView:
    row = session.get(Applicant, applicant_id)
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "申请人不存在。"),
            code="applicant.unknown")
    return _view(row)


def search_applicants(session: Session, text: str, limit: int = 50) -> list[ApplicantView]:
    text = text.strip()
    if not text:
        return []
    q = select(Applicant)
    q = q.where(Applicant.id_no.in_(sorted(lookup_numbers(text)))) \
        if any(c.isdigit() for c in text) else q.where(Applicant.name.like(f"{text}%"))
    return [_view(a) for a in session.execute(q.limit(limit)).scalars()]


def add_applicant(session: Session, person: PersonInput, *, now: datetime) -> ApplicantView:
    values = normalize_person(person, today=now.date())
    if find_by_id_no(session, values["id_no"], values["id_type"]) is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "该证件号码的申请人已登记，请直接调取（applicant find）。"),
            code="applicant.exists", field="id_no")
    naive = now.replace(tzinfo=None)
    row = Applicant(id=new_id(), created_at=naive, updated_at=naive, **values)
    session.add(row)
    session.flush()
    return _view(row)


def update_applicant(session: Session, applicant_id: str, *, name: str | None = None,
                     mobile: str | None = None, address: str | None = None,
                     now: datetime) -> ApplicantView:
    row = session.get(Applicant, applicant_id)
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "申请人不存在。"),
            code="applicant.unknown")
    if name is not None:
        row.name = validate_name(name)
    if mobile is not None:
        row.mobile = validate_mobile(mobile) if mobile.strip() else ""
    if address is not None:
        row.address = address.strip()[:200]
    row.updated_at = now.replace(tzinfo=None)
    return _view(row)


def recall_or_add(session: Session, person: PersonInput, *, now: datetime) -> ApplicantView:
    """The known applicant with this ID number, or a new one; a name mismatch is an error.

    A different name under a known ID number is almost always a typo in one of the two,
    so it is refused rather than silently overwritten; a real name change goes through
    the applicant edit screen.
    """
    values = normalize_person(person, today=now.date())
    known = find_by_id_no(session, values["id_no"], values["id_type"])
    if known is None:
        return add_applicant(session, person, now=now)
    if known.name != values["name"]:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "该证件号码已登记，姓名为“{name}”，"
                                        "与输入的“{name2}”不一致。请核对证件；如姓名确已变更，"
                                        "请先在申请人页面修改。"),
            code="applicant.name_mismatch", field="name",
            params={"name": known.name, "name2": values['name']})
    if values["mobile"] and values["mobile"] != known.mobile:
        return update_applicant(session, known.id, mobile=values["mobile"], now=now)
    return known


MERGED_FIELDS = ("name", "mobile", "address", "legal_rep")


def _utc_naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def local_applicant(session: Session, snapshot: dict[str, Any]) -> Applicant | None:
    """This store's row for the person a case's snapshot names: by id, else by identity
    (type and number, in their stored form). One person has one row at a station's PC,
    whichever counter took them first; a snapshot taken at another counter may carry that
    counter's id."""
    row = session.get(Applicant, str(snapshot.get("id", "")))
    if row is not None:
        return row
    id_type, id_no = str(snapshot.get("id_type") or ""), str(snapshot.get("id_no") or "")
    if not id_no:
        return None
    try:
        number = normalize_id_no(id_no, id_type or None)
    except ValidationError:
        number = id_no
    return session.execute(select(Applicant).where(
        Applicant.id_type == id_type, Applicant.id_no == number)
        .order_by(Applicant.created_at)).scalars().first()


def _merge(row: Applicant, snapshot: dict[str, Any], taken_at: datetime) -> None:
    """Merge what another counter took of the person into this PC's row: a field the
    other counter took later wins; one only it took fills an empty one. A value that no
    longer validates (say, a mobile in an old format) is not taken over."""
    newer = taken_at > row.updated_at
    changed = False
    for name in MERGED_FIELDS:
        value = str(snapshot.get(name) or "").strip()
        if not value or value == getattr(row, name) or not (newer or not getattr(row, name)):
            continue
        try:
            if name == "name":
                value = validate_name(value)
            elif name == "mobile":
                value = validate_mobile(value)
        except ValidationError:
            continue
        setattr(row, name, value[:200] if name == "address" else value)
        changed = True
    if changed and newer:
        row.updated_at = taken_at


def adopt_snapshot(session: Session, snapshot: dict[str, Any], *, now: datetime,
                   taken_at: datetime | None = None) -> str:
    """Make sure the person a case pulled from another counter names is known here, merged
    by identity; returns this store's id for them.

    The station is one place: a person captured at the next counter is recalled here
    too. Known by id, or by (type, number) under this PC's own id, the row stays (its id
    survives: the cases and documents here point at it) and takes what the other counter
    recorded later (`taken_at`, when the case was created there); else the person is
    added under the other counter's id, with what the snapshot says and what the number
    implies (sex, birth date, household area), as far as it validates.
    """
    known = local_applicant(session, snapshot)
    if known is not None:
        _merge(known, snapshot, _utc_naive(taken_at or now))
        session.flush()
        return known.id
    applicant_id = str(snapshot["id"])
    id_type, id_no = str(snapshot.get("id_type", "")), str(snapshot.get("id_no", ""))
    person = PersonInput(name=str(snapshot.get("name", "")), id_no=id_no, id_type=id_type,
                         mobile=str(snapshot.get("mobile") or ""),
                         address=str(snapshot.get("address") or ""),
                         legal_rep=str(snapshot.get("legal_rep") or ""))
    try:
        values = normalize_person(person, today=now.date())
    except ValidationError:  # recorded at another counter: keep it as it was taken
        values = {"kind": str(snapshot.get("kind", "natural")), "name": person.name,
                  "id_type": id_type, "id_no": id_no, "sex": None, "birth_date": None,
                  "mobile": person.mobile, "address": person.address[:200],
                  "hukou_area": "", "legal_rep": person.legal_rep, "contact": ""}
    session.add(Applicant(id=applicant_id, created_at=_utc_naive(now),
                          updated_at=_utc_naive(taken_at or now), **values))
    session.flush()
    return applicant_id


def documents_on_file(session: Session, applicant_id: str) -> list[DocumentView]:
    rows = session.execute(
        select(DocumentOnFile).where(DocumentOnFile.applicant_id == applicant_id,
                                     DocumentOnFile.revoked.is_(False))
        .order_by(DocumentOnFile.verified_at.desc())
    ).scalars()
    return [DocumentView(r.id, r.material_key, r.name, r.verified_at, r.verified_by,
                         r.valid_until, r.source_case_id, r.scan_sha256) for r in rows]


def valid_documents(session: Session, applicant_id: str, day: date) -> dict[str, DocumentView]:
    """The newest valid document on file per material key."""
    found: dict[str, DocumentView] = {}
    for doc in documents_on_file(session, applicant_id):
        if doc.valid_on(day) and doc.material_key not in found:
            found[doc.material_key] = doc
    return found


def record_document(session: Session, *, applicant_id: str, material_key: str, name: str,
                    verified_by: str, now: datetime, valid_until: date | None = None,
                    source_case_id: str | None = None,
                    scan_sha256: str | None = None) -> DocumentView:
    row = DocumentOnFile(
        id=new_id(), applicant_id=applicant_id, material_key=material_key, name=name,
        verified_at=now.replace(tzinfo=None), verified_by=verified_by, valid_until=valid_until,
        scan_sha256=scan_sha256, source_case_id=source_case_id, revoked=False)
    session.add(row)
    session.flush()
    return DocumentView(row.id, material_key, name, row.verified_at, verified_by, valid_until,
                        source_case_id, scan_sha256)


@dataclass(frozen=True)
class VerifiedElsewhere:
    """A document a clerk of another station verified (全区通办), as the district told."""

    material_key: str
    name: str
    verified_at: datetime
    place: str  # the station's name: kept as "verified by", where the clerk looks


def adopt_recalled(session: Session, person: PersonInput, documents: list[VerifiedElsewhere],
                   *, now: datetime) -> ApplicantView:
    """Keep a person recalled from the district, and the documents verified for them
    elsewhere, on file here: the checklist then offers those documents like any other on
    file, so the clerk need not collect them again. A document already kept (same kind,
    same moment) is not added twice."""
    known = recall_or_add(session, person, now=now)
    have = {(d.material_key, d.verified_at) for d in documents_on_file(session, known.id)}
    for doc in documents:
        at = doc.verified_at.astimezone(UTC).replace(tzinfo=None) \
            if doc.verified_at.tzinfo else doc.verified_at
        if (doc.material_key, at) in have:
            continue
        record_document(session, applicant_id=known.id, material_key=doc.material_key,
                        name=doc.name[:200], verified_by=doc.place[:32], now=at)
    return known


@dataclass(frozen=True)
class ApplicantFile:
    """An applicant with their cases and documents on file, read in one transaction."""

    person: ApplicantView
    cases: list[CaseRow]
    documents: list[DocumentView]
    names: dict[str, str]  # clerk username -> display name


class Applicants:
    """``ws.applicants``: find, read and edit applicants; each call one transaction."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def search(self, text: str, limit: int = 50) -> list[ApplicantView]:
        with self.ws.store.read() as s:
            return search_applicants(s, text, limit=limit)

    def file(self, applicant_id: str, cut: SupervisionCut | None) -> ApplicantFile:
        # The case queries load with the 申请人 page, not with the counter at sign-in.
        from clerk.cases.queries import applicant_cases, clerk_names

        with self.ws.store.read() as s:
            return ApplicantFile(get_applicant(s, applicant_id),
                                 applicant_cases(s, applicant_id, cut),
                                 documents_on_file(s, applicant_id), clerk_names(s))

    def lookup(self, id_no: str, day: date, id_type: str | None = None
               ) -> tuple[ApplicantView | None, dict[str, DocumentView]]:
        """The known applicant with this (document type and) number and their documents
        valid on ``day``."""
        with self.ws.store.read() as s:
            person = find_by_id_no(s, id_no, id_type)
            if person is None:
                return None, {}
            return person, valid_documents(s, person.id, day)

    def adopt(self, person: PersonInput, documents: list[VerifiedElsewhere]
              ) -> tuple[ApplicantView, dict[str, DocumentView]]:
        """Keep a person recalled from the district (see `adopt_recalled`), in one
        transaction; the person and their documents valid today."""
        with self.ws.store.write() as s:
            kept = adopt_recalled(s, person, documents, now=self.ws.now())
            return kept, valid_documents(s, kept.id, local_date(self.ws.now()))

    def update(self, applicant_id: str, *, name: str | None = None, mobile: str | None = None,
               address: str | None = None) -> ApplicantView:
        with self.ws.store.write() as s:
            return update_applicant(s, applicant_id, name=name, mobile=mobile,
                                    address=address, now=self.ws.now())
