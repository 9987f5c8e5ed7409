"""区中心办件统计报表: says what it counts, counts ratings by channel, no raw markup."""

from __future__ import annotations

from datetime import date, datetime

from printing.district_report import (
    DistrictReportData,
    ReportRow,
    render_district_report,
    report_csv,
)
from tests.printing.pdftools import flat, pdf_text


def _data() -> DistrictReportData:
    rows = [ReportRow("110108001001", "某社区便民服务站", 12, 9, 8, 1, 6.5)]
    matters = [ReportRow("T-1", "最低生活保障申请", 12, 9, 8, 1, 6.5)]
    return DistrictReportData(
        "海淀区政务服务中心", date(2026, 3, 1), date(2026, 3, 31), datetime(2026, 3, 31, 17),
        "李审", rows, matters, ReportRow("", "", 12, 9, 8, 1, 6.5),
        [("窗口评价器", 10), ("申请人手机", 3), ("窗口人员代为录入", 1)])


def test_definition_channels_and_headings() -> None:
    text = flat(pdf_text(render_district_report(_data())))
    assert "统计口径：各栏均为办件数，每件只计一次" in text
    assert "好差评（按评价渠道）" in text
    assert "窗口评价器" in text and "申请人手机" in text and "窗口人员代为录入" in text
    assert "<br" not in text and "<b" not in text  # the column heading's break is markup
    assert "平均用时" in text


def test_csv_has_channels_and_definition() -> None:
    csv = report_csv(_data())
    assert "评价渠道,件数" in csv and "申请人手机,3" in csv
    assert "统计口径" in csv
