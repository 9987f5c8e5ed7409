"""Issued documents of a case: which event issued them, and whether paper was printed.

A document exists because an event issued it (its number is in that event's payload).
Printing it again is a reprint (补打): the print log says so, and the page shows it.

`DocumentService` (``ws.documents``) is the one flow every caller (command line, window)
uses: load the committed case and the event that issued the document, let the caller's
renderer (printing/) make the bytes, and log the print once the bytes exist. The
renderer is handed in, so the domain never imports printing and printing never touches
the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk import accounts, options, settings
from clerk.cases.due import due_override, payload_in_force, settle_ahead
from clerk.cases.events import Event
from clerk.cases.ledger import load_by_case_no
from clerk.cases.queries import SupervisionCut
from clerk.cases.record import CaseRecord
from clerk.cases.service import stored_event
from clerk.cases.supervision import yellow_ratio
from clerk.context import StationContext
from clerk.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from clerk.issuing import Authority, read_authority
from clerk.reports import StationReport, daily_report
from clerk.station import StationInfo
from clerk.store.models import SUPERSEDED, CaseEvent, PrintLog, Setting

#: How a document left the station: on paper, or written to a PDF file. The case shows
#: 已打印 only for paper; a document only saved shows 已保存 PDF.
Output = Literal["printed", "saved"]
OUTPUTS: tuple[Output, ...] = ("printed", "saved")

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
                                                  CaseEvent.seq == seq,
                                                  CaseEvent.sync_state != SUPERSEDED)
                          ).scalar_one()
    event = stored_event(row)
    # A reprinted receipt shows the due date in force, not a provisional one since moved.
    payload = payload_in_force(event.payload, due_override(session, rec.id))
    return event if payload is event.payload else replace(event, payload=payload)


def station_authority(s: Session, station: StationInfo) -> Authority:
    """The station's configured issuing authorities (defaults when not yet confirmed)."""
    def get(key: str, default: str) -> str:
        row = s.get(Setting, key)
        return row.value if row else default

    return read_authority(get, station.name, station.code)


def was_printed(session: Session, doc_no: str) -> bool:
    """True when the document already left the station, printed or saved as a PDF: a
    saved file is a copy in circulation too, so the next one is marked 补打."""
    return session.execute(select(PrintLog.id).where(PrintLog.doc_no == doc_no)
                           .limit(1)).first() is not None


def check_output(output: str) -> Output:
    if output not in OUTPUTS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "未知的文书输出方式 {output}（可用：printed、saved）。"),
            code="doc.output", params={"output": output})
    return "printed" if output == "printed" else "saved"


def record_print(session: Session, *, doc_no: str, kind: str, case_id: str | None,
                 printed_by: str, now: datetime, output: Output = "printed") -> bool:
    """Log that the document was printed or saved; returns True when it was a reprint."""
    reprint = was_printed(session, doc_no)
    session.add(PrintLog(doc_no=doc_no, kind=kind, case_id=case_id, printed_by=printed_by,
                         printed_at=now.replace(tzinfo=None), reprint=reprint,
                         output=check_output(output)))
    return reprint


@dataclass(frozen=True)
class IssuedDocument:
    """What paper needs of one issued document, read from the committed case."""

    kind: str
    doc_no: str
    record: CaseRecord
    event: Event
    station: StationInfo
    issuer_name: str
    issuer_phone: str
    reprint: bool
    authority: Authority
    #: The district's progress page ("" before the first sync round: no QR is printed).
    progress_url: str = ""

    @property
    def title(self) -> str:
        return KINDS[self.kind]


@dataclass(frozen=True)
class PrintedDocument:
    kind: str
    title: str
    doc_no: str
    case_no: str
    reprint: bool
    pdf: bytes


@dataclass(frozen=True)
class DailyReportFacts:
    """What the station daily report shows: the day's counts, the station, when made."""

    summary: StationReport
    station: StationInfo
    generated_at: datetime


Renderer = Callable[[IssuedDocument], bytes]


class DocumentService:
    """Issuing a case's documents and reading the daily report's facts."""

    def __init__(self, ctx: StationContext) -> None:
        self.ctx = ctx

    def issue(self, case_no: str, kind: str, render: Renderer, *, output: Output | None,
              clerk: str | None = None, doc_no: str | None = None) -> PrintedDocument:
        """Render the case's `kind` document; raises if the case never issued one.

        ``output`` logs at once how it leaves (the command line writes the file it was
        asked for: 'saved'); None logs nothing: the window's preview logs what the clerk
        does with it (:meth:`record_output`), so a preview closed unprinted stays 未打印.
        """
        if output is not None:
            check_output(output)
        settle_ahead(self.ctx.store, self.ctx.calendar, case_no, self.ctx.now())
        with self.ctx.store.read() as s:
            doc = self.issued_in(s, case_no, kind, doc_no)
        pdf = render(doc)
        printed = PrintedDocument(kind, KINDS[kind], doc.doc_no, doc.record.case_no,
                                  doc.reprint, pdf)
        if output is not None:
            self.record_output(printed, output, clerk=clerk)
        return printed

    def issued_in(self, s: Session, case_no: str, kind: str,
                  doc_no: str | None = None) -> IssuedDocument:
        """What paper needs of the case's `kind` document, read in session ``s``."""
        rec = load_by_case_no(s, case_no)
        event = issuing_event(s, rec, kind, doc_no)
        number = str(event.payload["doc_no"])
        station = self.ctx.require_station(s)
        issuer = accounts.get_account(s, event.actor)
        reprint = was_printed(s, number)
        authority = station_authority(s, station)
        page = settings.read(s, options.SYNC_PROGRESS_URL)
        return IssuedDocument(kind, number, rec, event, station, issuer.display_name,
                              issuer.phone or station.phone, reprint, authority, page)

    def record_output(self, doc: PrintedDocument, output: Output, *,
                      clerk: str | None = None) -> None:
        """Log that ``doc`` was printed or saved as a PDF, by ``clerk``."""
        output = check_output(output)
        with self.ctx.store.write() as s:
            rec = load_by_case_no(s, doc.case_no)
            printed_by = self.ctx.resolve_clerk(s, clerk)
            record_print(s, doc_no=doc.doc_no, kind=doc.kind, case_id=rec.id,
                         printed_by=printed_by, now=self.ctx.now(), output=output)

    def daily_report(self, day: date) -> DailyReportFacts:
        with self.ctx.store.read() as s:
            cut = SupervisionCut.build(self.ctx.calendar(), day,
                                       yellow_ratio(settings.read(s, options.YELLOW_RATIO)))
            summary = daily_report(s, day, cut)
            station = self.ctx.require_station(s)
        return DailyReportFacts(summary, station, self.ctx.now())
