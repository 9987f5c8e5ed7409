"""Producing a case's document from the station's committed data.

The flow every caller (command line, window) uses: load the committed case and the
event that issued the document, render it (marked 补打 when it was printed before), and
log the print once the bytes exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from clerk import accounts
from clerk.cases.ledger import load_by_case_no
from clerk.documents import KINDS, issuing_event, record_print, was_printed
from clerk.reports import daily_summary
from clerk.workspace import Workspace
from printing import from_case
from printing.model import DEFAULT_OPTIONS, PrintOptions

_BUILDERS: dict[str, Callable[..., object]] = {
    "notice": from_case.notice_data,
    "receipt": from_case.receipt_data,
    "refusal": from_case.refusal_data,
    "result": from_case.result_data,
}


@dataclass(frozen=True)
class PrintedDocument:
    kind: str
    title: str
    doc_no: str
    case_no: str
    reprint: bool
    pdf: bytes


def _renderer(kind: str) -> Callable[..., bytes]:
    """The kind's renderer, imported on first use: reportlab is slow to import."""
    if kind == "notice":
        from printing.notice import render_notice

        return render_notice
    if kind == "receipt":
        from printing.receipt import render_receipt

        return render_receipt
    if kind == "refusal":
        from printing.refusal import render_refusal

        return render_refusal
    from printing.result import render_result

    return render_result


def render_case_document(ws: Workspace, case_no: str, kind: str, *, clerk: str | None = None,
                         doc_no: str | None = None,
                         options: PrintOptions = DEFAULT_OPTIONS) -> PrintedDocument:
    """Render and log the case's `kind` document; raises if the case never issued one."""
    with ws.store.read() as s:
        rec = load_by_case_no(s, case_no)
        event = issuing_event(s, rec, kind, doc_no)
        number = str(event.payload["doc_no"])
        station = ws.require_station(s)
        issuer = accounts.get_account(s, event.actor)
        reprint = was_printed(s, number)
    build = _BUILDERS[kind]
    meta = from_case.meta(event, number, issuer.display_name, issuer.phone or station.phone,
                          reprint)
    data = build(rec, event, station, meta)
    pdf = _renderer(kind)(data, options)
    with ws.store.write() as s:
        printed_by = ws.resolve_clerk(s, clerk)
        record_print(s, doc_no=number, kind=kind, case_id=rec.id, printed_by=printed_by,
                     now=ws.now())
    return PrintedDocument(kind, KINDS[kind], number, rec.case_no, reprint, pdf)


def render_daily_report(ws: Workspace, day: date,
                        options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    from printing.daily_report import render_daily_report as render

    with ws.store.read() as s:
        summary = daily_summary(s, day, ws.calendar())
        station = ws.require_station(s)
    return render(from_case.daily_report_data(summary, station, ws.now()), options)
