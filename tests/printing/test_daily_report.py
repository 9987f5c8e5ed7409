"""站点日报: counts by matter and state, supervision, ratings; no personal data."""

from __future__ import annotations

import re
from dataclasses import fields

from printing.daily_report import rate, render_daily_report
from printing.model import (
    DailyReportData,
    MatterCountRow,
    RatingCounts,
    SupervisionCounts,
)
from tests.printing import factories
from tests.printing.pdftools import flat, pdf_pages, pdf_text


def test_report_content(report_pdf: bytes) -> None:
    data = factories.daily_report()
    text = flat(pdf_text(report_pdf))
    assert "站点日报" in text
    assert factories.STATION.name in text and factories.STATION.code in text
    assert "报表日期：2026年12月1日" in text
    assert "生成时间：2026年12月1日17:45" in text
    for row in data.rows:
        assert row.matter_name in text and row.matter_code in text
    for state in data.state_columns:
        assert state in text
    assert "正常" in text and "黄牌预警" in text and "红牌超期" in text
    assert "好评率" in text and "85.0%" in text  # (12 + 5) / 20
    assert "中评率" in text and "10.0%" in text
    assert "差评率" in text and "5.0%" in text


def test_totals_row_sums_every_column(report_pdf: bytes) -> None:
    data = factories.daily_report()
    totals = data.column_totals()
    grand = sum(totals)
    layout = pdf_text(report_pdf)
    assert str(grand) in layout
    assert grand == sum(row.total for row in data.rows)


def test_one_unlabelled_copy(report_pdf: bytes) -> None:
    pages = pdf_pages(report_pdf)
    assert len(pages) <= 2  # two tables of matters, supervision and ratings
    assert not any("留存联" in p or "存档联" in p for p in pages)
    assert f"第1页共{len(pages)}页" in flat(pages[0])


def test_each_table_says_what_it_counts(report_pdf: bytes) -> None:
    text = flat(pdf_text(report_pdf))
    assert "当前状态" in text and "按收件日期" in text  # the state table: cases, once each
    assert "办理事件" in text and "各栏不相加" in text  # the activity table
    data = factories.daily_report()
    for column in data.activity_columns:
        assert column in text


def test_ratings_by_channel(report_pdf: bytes) -> None:
    text = flat(pdf_text(report_pdf))
    assert "评价渠道" in text
    for label in ("窗口评价器", "申请人手机", "窗口人员代为录入"):
        assert label in text
    assert "申请人不愿评价：3件（不计入评价等级和以上合计）" in text  # apart from the scores


def test_report_carries_no_personal_data(report_pdf: bytes) -> None:
    # by construction: nothing in the view model can hold a person
    def holds_person(cls: type) -> bool:
        return any("Person" in str(f.type) or "Party" in str(f.type) for f in fields(cls))

    for cls in (DailyReportData, MatterCountRow, SupervisionCounts, RatingCounts):
        assert not holds_person(cls)
    text = flat(pdf_text(report_pdf))
    assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text)  # no mobile number
    assert "身份证" not in text


def test_few_states_stay_portrait() -> None:
    data = factories.daily_report(
        state_columns=("已受理", "已办结"),
        rows=(MatterCountRow("生育登记", "11110101000000000000003", (4, 3)),),
    )
    pdf = render_daily_report(data)
    assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in pdf
    assert "7" in pdf_text(pdf)


def test_empty_day() -> None:
    pdf = render_daily_report(factories.daily_report(rows=(), ratings=RatingCounts(),
                                                     supervision=SupervisionCounts()))
    text = flat(pdf_text(pdf))
    assert "站点日报" in text and "—" in text  # rates without ratings


def test_rate() -> None:
    assert rate(1, 3) == "33.3%"
    assert rate(0, 0) == "—"
