"""PDF documents with reportlab: notice, receipt, refusal, result notice, daily report.

Takes plain view models (``printing.model``), returns PDF bytes. No Qt, no database.
The renderers are imported lazily so that ``import printing`` (or ``printing.model``)
does not pull in reportlab at application start.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from printing.model import (
    DailyReportData,
    DocumentMeta,
    LegalPerson,
    MaterialLine,
    MatterCountRow,
    NoticeData,
    Party,
    Person,
    PrintOptions,
    RatingCounts,
    ReceiptData,
    RefusalData,
    ResultData,
    StationInfo,
    SupervisionCounts,
)

if TYPE_CHECKING:
    from printing.daily_report import render_daily_report
    from printing.fonts import (
        FontNotFoundError,
        RegisteredFont,
        ensure_cjk_font,
        font_search_report,
    )
    from printing.notice import render_notice
    from printing.qr_payload import parse_qr_payload, qr_payload, verify_qr_payload
    from printing.receipt import render_receipt
    from printing.refusal import render_refusal
    from printing.result import render_result

_LAZY = {
    "render_notice": "printing.notice",
    "render_receipt": "printing.receipt",
    "render_refusal": "printing.refusal",
    "render_result": "printing.result",
    "render_daily_report": "printing.daily_report",
    "qr_payload": "printing.qr_payload",
    "parse_qr_payload": "printing.qr_payload",
    "verify_qr_payload": "printing.qr_payload",
    "ensure_cjk_font": "printing.fonts",
    "font_search_report": "printing.fonts",
    "FontNotFoundError": "printing.fonts",
    "RegisteredFont": "printing.fonts",
}

__all__ = [
    "DailyReportData",
    "DocumentMeta",
    "FontNotFoundError",
    "LegalPerson",
    "MaterialLine",
    "MatterCountRow",
    "NoticeData",
    "Party",
    "Person",
    "PrintOptions",
    "RatingCounts",
    "ReceiptData",
    "RefusalData",
    "RegisteredFont",
    "ResultData",
    "StationInfo",
    "SupervisionCounts",
    "ensure_cjk_font",
    "font_search_report",
    "parse_qr_payload",
    "qr_payload",
    "render_daily_report",
    "render_notice",
    "render_receipt",
    "render_refusal",
    "render_result",
    "verify_qr_payload",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'printing' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
