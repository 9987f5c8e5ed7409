"""不予受理通知书: reason, basis and the remedies with their time limits."""

from __future__ import annotations

from dataclasses import fields

from printing.model import RefusalData
from printing.refusal import render_refusal
from tests.printing import factories
from tests.printing.pdftools import flat, pdf_text


def test_refusal_content(refusal_pdf: bytes) -> None:
    data = factories.refusal()
    text = flat(pdf_text(refusal_pdf))
    assert "不予受理通知书" in text
    assert data.case_no in text
    assert "不予受理的理由" in text and flat(data.reason) in text
    assert "依据" in text and flat(data.basis) in text
    assert "申请材料已全部当场退还" in text


def test_remedies_name_both_routes_and_their_limits(refusal_pdf: bytes) -> None:
    text = flat(pdf_text(refusal_pdf))
    assert "救济途径" in text
    assert "六十日内向北京市东城区人民政府申请行政复议" in text
    assert "六个月内依法向人民法院提起行政诉讼" in text


def test_default_reconsideration_body() -> None:
    defaults = {f.name: f.default for f in fields(RefusalData)}
    pdf = render_refusal(factories.refusal(
        reconsideration_body=defaults["reconsideration_body"]))
    text = flat(pdf_text(pdf))
    assert "六十日内向区人民政府申请行政复议" in text


def test_remedies_text_can_be_replaced() -> None:
    pdf = render_refusal(factories.refusal(remedies_text="可于60日内向市人民政府申请行政复议。",
                                           materials_returned=False))
    text = flat(pdf_text(pdf))
    assert "可于60日内向市人民政府申请行政复议" in text
    assert "当场退还" not in text
