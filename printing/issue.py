"""Producing a case's document from the station's committed data.

The flow every caller (command line, window) uses: load the committed case and the
event that issued the document, render it (marked 补打 when it was printed before), and
log the print once the bytes exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from clerk import accounts
from clerk.cases.ledger import load_by_case_no
from clerk.documents import KINDS, issuing_event, record_print, was_printed
from clerk.issuing import Authority, read_authority
from clerk.reports import daily_report
from clerk.station import StationInfo
from clerk.store.models import Setting
from clerk.workspace import Workspace
from printing import from_case
from printing.model import DEFAULT_OPTIONS, PrintOptions

_RENDERERS: dict[str, tuple[Callable[..., object], str]] = {
    "notice": (from_case.notice_data, "printing.notice:render_notice"),
    "receipt": (from_case.receipt_data, "printing.receipt:render_receipt"),
    "refusal": (from_case.refusal_data, "printing.refusal:render_refusal"),
    "result": (from_case.result_data, "printing.result:render_result"),
}


@dataclass(frozen=True)
class PrintedDocument:
    kind: str
    title: str
    doc_no: str
    case_no: str
    reprint: bool
    pdf: bytes


def _renderer(path: str) -> Callable[..., bytes]:
    import importlib

    module, _, name = path.partition(":")
    fn: Callable[..., bytes] = getattr(importlib.import_module(module), name)
    return fn


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
        authority = station_authority(s, station)
    build, render_path = _RENDERERS[kind]
    meta = from_case.meta(event, number, issuer.display_name, issuer.phone or station.phone,
                          reprint)
    data = build(rec, event, station, meta, authority)
    pdf = _renderer(render_path)(data, options)
    with ws.store.write() as s:
        printed_by = ws.resolve_clerk(s, clerk)
        record_print(s, doc_no=number, kind=kind, case_id=rec.id, printed_by=printed_by,
                     now=ws.now())
    return PrintedDocument(kind, KINDS[kind], number, rec.case_no, reprint, pdf)


def station_authority(s: Session, station: StationInfo) -> Authority:
    """The station's configured issuing authorities (defaults when not yet confirmed)."""
    def get(key: str, default: str) -> str:
        row = s.get(Setting, key)
        return row.value if row else default

    return read_authority(get, station.name, station.code)


def render_daily_report(ws: Workspace, day: date,
                        options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    from printing.daily_report import render_daily_report as render

    with ws.store.read() as s:
        summary = daily_report(s, day, ws.supervision_cut(day))
        station = ws.require_station(s)
    return render(from_case.daily_report_data(summary, station, ws.now()), options)
