"""Rendering a case's issued documents: the view model from the committed case's data
(``printing.from_case``), then the PDF bytes. Pure: reading the case and logging the print
belong to ``ws.documents`` (:class:`clerk.documents.DocumentService`), which calls the
renderer made here.
"""

from __future__ import annotations

from collections.abc import Callable

from clerk.documents import DailyReportFacts, IssuedDocument, Renderer
from printing import from_case
from printing.model import DEFAULT_OPTIONS, PrintOptions

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


def warm_up(options: PrintOptions = DEFAULT_OPTIONS) -> None:
    """Import what the counter's documents are rendered with and register the CJK font
    (reportlab parses the font file: the slowest part of a first document), so the
    first decision after sign-in renders as fast as the later ones."""
    from printing.fonts import ensure_cjk_font
    from printing.qr import qr_runs

    for kind in _BUILDERS:
        _renderer(kind)
    ensure_cjk_font(options.font_path)
    qr_runs.__wrapped__("warm-up")  # the encoder's own first-use set-up, outside the cache


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
