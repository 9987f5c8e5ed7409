"""PDF documents with reportlab: notice, receipt, refusal, result notice, daily report.

Takes plain view models (``printing.model``), returns PDF bytes. No Qt, no database.
The package exports only the view models; each renderer is imported from its own module
(``printing.receipt.render_receipt`` …) where it is needed, so that ``import printing``
(or ``printing.model``) does not pull in reportlab at application start.
"""

from __future__ import annotations

from printing.model import (
    DailyReportData,
    DocumentMeta,
    GuideData,
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

__all__ = [
    "DailyReportData",
    "DocumentMeta",
    "GuideData",
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
    "ResultData",
    "StationInfo",
    "SupervisionCounts",
]

