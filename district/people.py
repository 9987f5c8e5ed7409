"""全区通办: a person and the documents verified for them anywhere in the district.

The district keeps no register of people: a person is what the stations' cases say about
their applicant. `find_person` is the ONE query by ID number (the column-encryption work
of issue 14 replaces its body with the keyed-hash column, nothing else changes);
`recall` turns the cases it finds into the person's newest details and the documents a
clerk verified at acceptance (government-issued ones, the kinds a station keeps on file),
each with where and when.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.cases.events import parse_utc
from clerk.cases.service import REUSABLE_SOURCES
from clerk.id_documents import mask_document
from clerk.timeutil import BEIJING
from clerk.validation import mask_mobile
from district import crypto, snapshots
from district.models import CaseRow, StationRow
from wire.people import PersonRecord, RecalledDocument

#: The newest cases of one person that are read (a person with more has their newest
#: documents in these; the bound keeps one lookup cheap whatever the history).
MAX_CASES = 50


def find_person(s: Session, id_type: str, id_no: str) -> list[CaseRow]:
    """The cases whose applicant has this (document type, canonical number), newest first.

    The only place that queries the district by ID number.
    """
    # The number itself is sealed in the row (district.crypto): the keyed hash finds it,
    # under the current key and, during a rotation, the previous ones.
    rows = s.execute(select(CaseRow)
                     .where(CaseRow.applicant_id_hash.in_(crypto.lookup_hashes(id_no)))
                     .order_by(CaseRow.updated_at.desc(), CaseRow.id).limit(MAX_CASES)
                     ).scalars().all()
    # Snapshots from before the type was recorded are resident IDs.
    return [r for r in rows
            if str(r.data.get("applicant", {}).get("id_type") or "resident_id") == id_type]


def mask_name(name: str) -> str:
    """The family name and a star per other character (张三 → 张*, 欧阳娜娜 → 欧***)."""
    text = name.strip()
    return text[:1] + "*" * max(len(text) - 1, 1) if text else ""


def _station_names(s: Session, codes: set[str]) -> dict[str, str]:
    rows = s.execute(select(StationRow.code, StationRow.name)
                     .where(StationRow.code.in_(sorted(codes)))).all()
    return {code: name for code, name in rows}


def _reusable_keys(matter: dict[str, Any]) -> set[str]:
    return {str(m.get("key")) for m in matter.get("materials", ())
            if str(m.get("source")) in REUSABLE_SOURCES}


def _verified_at(item: dict[str, Any], accepted_at: datetime) -> datetime:
    """When the item was checked: at acceptance, or on the day a promised item was
    handed in (the case keeps that day only; noon Beijing time stands for it)."""
    delivered = item.get("delivered_on")
    if not delivered:
        return accepted_at
    day = datetime.fromisoformat(str(delivered)).date()
    return datetime.combine(day, time(12), BEIJING).astimezone(UTC)


def _documents(s: Session, rows: Sequence[CaseRow], names: dict[str, str]
               ) -> list[RecalledDocument]:
    """The newest verification of each document kind among the person's accepted cases."""
    newest: dict[str, RecalledDocument] = {}
    refs = snapshots.load(s, [r.matter_ref for r in rows])
    for row in rows:
        data = snapshots.full_data(row.data, row.matter_ref, refs)
        if not data.get("accepted_at"):
            continue  # nothing was verified for a case never accepted
        accepted_at = parse_utc(str(data["accepted_at"]))
        keys = _reusable_keys(data.get("matter") or {})
        for item in data.get("checklist") or ():
            key = str(item.get("key"))
            if item.get("status") != "received" or key not in keys:
                continue
            doc = RecalledDocument(material_key=key, name=str(item.get("name", key)),
                                   station_code=row.station_code,
                                   station_name=names.get(row.station_code, row.station_code),
                                   verified_at=_verified_at(item, accepted_at))
            if key not in newest or doc.verified_at > newest[key].verified_at:
                newest[key] = doc
    return sorted(newest.values(), key=lambda d: d.verified_at, reverse=True)


def recall(s: Session, id_type: str, id_no: str, *, full: bool
           ) -> tuple[PersonRecord, str | None]:
    """The person with this number as the district knows them (masked unless `full`),
    and the id of their newest case (the access log's reference: never the number)."""
    rows = find_person(s, id_type, id_no)
    if not rows:
        return PersonRecord(found=False), None
    names = _station_names(s, {r.station_code for r in rows})
    person = rows[0].data.get("applicant", {})
    name, mobile = str(person.get("name", "")), str(person.get("mobile", ""))
    number = str(person.get("id_no", ""))
    record = PersonRecord(
        found=True, masked=not full, id_type=id_type,
        id_no=number if full else mask_document(id_type, number),
        name=name if full else mask_name(name),
        mobile=mobile if full else mask_mobile(mobile) if mobile else "",
        address=str(person.get("address", "")) if full else "",
        station_name=names.get(rows[0].station_code, rows[0].station_code),
        last_seen=rows[0].updated_at.replace(tzinfo=UTC),
        documents=_documents(s, rows, names))
    return record, rows[0].id
