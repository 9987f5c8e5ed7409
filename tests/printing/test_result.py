"""办结通知: decision, result, delivery, rating invitation; remedies only for a denial."""

from __future__ import annotations

from printing.result import render_result
from tests.printing import factories
from tests.printing.pdftools import flat, pdf_text


def test_approved_result(result_pdf: bytes) -> None:
    data = factories.result()
    text = flat(pdf_text(result_pdf))
    assert "办结通知" in text
    assert "办理结果" in text and "准予" in text
    assert flat(data.decision_text) in text
    assert "结果名称" in text and data.result_name in text
    assert "办结日期" in text and "2026年12月15日" in text
    assert "送达方式" in text and flat(data.delivery) in text
    assert "领取人（签收）" in text
    assert "行政复议" not in text


def test_rating_invitation_lists_the_five_levels(result_pdf: bytes) -> None:
    text = flat(pdf_text(result_pdf))
    assert "服务评价" in text
    for level in ("非常满意", "满意", "基本满意", "不满意", "非常不满意"):
        assert level in text
    assert "投诉电话：12345" in text


def test_denied_result_states_the_remedies() -> None:
    pdf = render_result(factories.result(decision="denied", result_name="",
                                         decision_text="家庭人均收入高于本市低保标准，不予批准。"))
    text = flat(pdf_text(pdf))
    assert "不予批准" in text
    assert "六十日内向北京市东城区人民政府申请行政复议" in text
    assert "六个月内依法向人民法院提起行政诉讼" in text


def test_completed_result() -> None:
    pdf = render_result(factories.result(decision="completed"))
    assert "已办结" in flat(pdf_text(pdf))
