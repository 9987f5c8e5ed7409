"""Rendering a case's issued documents: the view model from the committed case's data
(``printing.from_case``), then the PDF bytes. Pure: reading the case and logging the print
belong to ``ws.documents`` (:class:`clerk.documents.DocumentService`), which calls the
renderer made here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from clerk.documents import DailyReportFacts, IssuedDocument, Renderer
from printing import from_case
from printing.model import DEFAULT_OPTIONS, PrintOptions, ReceiptData

_BUILDERS: dict[str, Callable[..., object]] = {
    "notice": from_case.notice_data,
    "receipt": from_case.receipt_data,
    "refusal": from_case.refusal_data,
    "result": from_case.result_data,
}


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



def render_issued(doc: IssuedDocument, options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    """The PDF of an issued document (marked 补打 when it was printed before)."""
    build = _BUILDERS[doc.kind]
    meta = from_case.meta(doc.event, doc.doc_no, doc.issuer_name, doc.issuer_phone,
                          doc.reprint)
    data = build(doc.record, doc.event, doc.station, meta, doc.authority,
                 progress_url=doc.progress_url)
    return _renderer(doc.kind)(data, options)


def warm_up(options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    """Import what the counter's documents are rendered with and register the CJK font
    (reportlab parses the font file: the slowest part of a first document), so the
    first decision after sign-in renders as fast as the later ones. Returns the made-up
    receipt it rendered (the preview may warm its own renderer with it)."""
    from printing.fonts import ensure_cjk_font
    from printing.qr import warm_up_encoder

    for kind in _BUILDERS:
        _renderer(kind)
    ensure_cjk_font(options.font_path)
    warm_up_encoder()  # the encoder's first-use set-up, its mask tables per symbol size
    return _sample_pdf(options)


@lru_cache(maxsize=4)
def _sample_pdf(options: PrintOptions) -> bytes:
    """A first document still costs about twice a later one (reportlab's first table,
    font subset and page): one made-up receipt takes that cost, once per process (a
    second sign-in finds reportlab warm)."""
    return _renderer("receipt")(_sample_receipt(), options)


def _sample_receipt() -> ReceiptData:
    """A receipt of nobody: made-up placeholders only, never a person's data."""
    from datetime import date, datetime

    from printing.model import DocumentMeta, MaterialLine, Person, StationInfo

    day = datetime(2000, 1, 3, 9, 0)
    return ReceiptData(
        meta=DocumentMeta(doc_no="SL-000000000000-20000103-0001", issued_at=day,
                          clerk_name="样例"),
        station=StationInfo(name="样例便民服务站", code="000000000000", address="样例地址",
                            phone="010-00000000", authority="样例街道办事处"),
        case_no="000000000000-20000103-0001", matter_name="样例事项",
        matter_code="000000000000", applicant=Person(name="样例", id_no="000000000000000000"),
        received_at=day, accepted_at=day,
        received=(MaterialLine("样例材料", "原件", 1, 0, requirement="样例"),),
        legal_limit_days=20, committed_limit_days=10, due_date=date(2000, 1, 17),
        qr_payload="warm-up")


def renderer(options: PrintOptions = DEFAULT_OPTIONS) -> Renderer:
    """The renderer ``ws.documents.issue`` calls, with these print options."""

    def render(doc: IssuedDocument) -> bytes:
        return render_issued(doc, options)

    return render


def render_daily_report(facts: DailyReportFacts,
                        options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    from printing.daily_report import render_daily_report as render

    return render(from_case.daily_report_data(facts.summary, facts.station,
                                              facts.generated_at), options)
