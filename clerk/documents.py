"""Issued documents of a case: which event issued them, and whether paper was printed.

A document exists because an event issued it (its number is in that event's payload).
Printing it again is a reprint (补打): the print log says so, and the page shows it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.cases.due import due_override, payload_in_force
from clerk.cases.events import Event
from clerk.cases.record import CaseRecord
from clerk.cases.service import stored_event
from clerk.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from clerk.store.models import CaseEvent, PrintLog

KINDS = {"notice": "一次性告知单", "receipt": "受理回执", "refusal": "不予受理通知书",
         "result": "办结通知"}
_MISSING = {
    "notice": "该案件没有出具过一次性告知单。",
    "receipt": "该案件尚未受理，没有受理回执可打印。",
    "refusal": "该案件没有不予受理的决定。",
    "result": "该案件尚未办结，没有办结通知可打印。",
}


def issuing_event(session: Session, rec: CaseRecord, kind: str,
                  doc_no: str | None = None) -> Event:
    """The committed event that issued the case's `kind` document (the latest one, or the
    one numbered `doc_no`)."""
    if kind not in KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "未知文书类型 {kind}；可用：{items}"),
            code="doc.kind", params={"kind": kind, "items": ', '.join(KINDS)})
    docs = [d for d in rec.documents if d["kind"] == kind
            and (doc_no is None or d["doc_no"] == doc_no)]
    if not docs:
        raise NotFoundError(_MISSING[kind] if doc_no is None else f"没有编号为 {doc_no} 的文书。",
                            code="doc.none")
    seq = docs[-1]["seq"]
    row = session.execute(select(CaseEvent).where(CaseEvent.case_id == rec.id,
                                                  CaseEvent.seq == seq)).scalar_one()
    event = stored_event(row)
    # A reprinted receipt shows the due date in force, not a provisional one since moved.
    payload = payload_in_force(event.payload, due_override(session, rec.id))
    return event if payload is event.payload else replace(event, payload=payload)


def was_printed(session: Session, doc_no: str) -> bool:
    return session.execute(select(PrintLog.id).where(PrintLog.doc_no == doc_no)
                           .limit(1)).first() is not None


def record_print(session: Session, *, doc_no: str, kind: str, case_id: str | None,
                 printed_by: str, now: datetime) -> bool:
    """Log a print; returns True when it was a reprint."""
    reprint = was_printed(session, doc_no)
    session.add(PrintLog(doc_no=doc_no, kind=kind, case_id=case_id, printed_by=printed_by,
                         printed_at=now.replace(tzinfo=None), reprint=reprint))
    return reprint
