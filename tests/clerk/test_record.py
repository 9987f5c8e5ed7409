"""CaseRecord's JSON form (clerk/cases/record.py): every field, converted once."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

from clerk.cases.events import utc_iso
from clerk.cases.record import CaseRecord
from clerk.cases.states import Side, State


def _reference(rec: CaseRecord) -> dict[str, Any]:
    """The plain reading: every field, whatever its type."""
    out: dict[str, Any] = {}
    for f in fields(rec):
        v = getattr(rec, f.name)
        if isinstance(v, datetime):
            v = utc_iso(v)
        elif isinstance(v, date):
            v = v.isoformat()
        elif isinstance(v, (State, Side)):
            v = v.value
        out[f.name] = v
    return out


def _full_record() -> CaseRecord:
    at = datetime(2026, 3, 2, 1, 2, 3, 4005, tzinfo=UTC)
    rec = CaseRecord(id="c", case_no="n", station_code="110108001001",
                     matter={"code": "m", "name": "事项"}, applicant={"name": "申请人"},
                     agent=None, form_data={}, checklist=[], state=State.COMPLETED,
                     owner=Side.STATION, clerk="admin", received_at=at)
    # Every time and date field set, each to a different moment.
    for k, f in enumerate(fields(rec)):
        if str(f.type).startswith("datetime"):
            setattr(rec, f.name, at + timedelta(hours=k))
        elif str(f.type).startswith("date"):
            setattr(rec, f.name, date(2026, 4, k))
    return rec


def test_to_dict_converts_every_field_like_the_plain_reading() -> None:
    rec = _full_record()
    assert list(rec.to_dict()) == [f.name for f in fields(rec)]  # order kept
    assert rec.to_dict() == _reference(rec)
    assert CaseRecord.from_dict(rec.to_dict()) == rec


def test_to_dict_with_the_optional_fields_empty() -> None:
    rec = _full_record()
    for name in ("updated_at", "accepted_at", "due_date", "delivered_at", "closed_at"):
        setattr(rec, name, None)
    assert rec.to_dict() == _reference(rec)
    assert CaseRecord.from_dict(rec.to_dict()) == rec
