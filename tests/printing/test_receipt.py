"""受理回执: accepted at, limits, due date (provisional or not), progress lookup, materials."""

from __future__ import annotations

from datetime import date

from printing.receipt import PROVISIONAL_NOTE, render_receipt
from tests.printing import factories
from tests.printing.pdftools import flat, pdf_pages, pdf_text


def test_receipt_content(receipt_pdf: bytes) -> None:
    data = factories.receipt()
    text = flat(pdf_text(receipt_pdf))
    assert "受理回执" in text
    assert data.case_no in text
    assert "受理时间" in text and "2026年12月1日09:30" in text
    assert "收件时间" in text and "2026年12月1日09:12" in text
    assert "法定时限" in text and "20个工作日" in text
    assert "承诺时限" in text and "10个工作日" in text
    assert "预计办结日期" in text and "2026年12月15日" in text
    assert "暂定" not in text
    assert "收费" in text and "不收费" in text
    assert "结果送达" in text and flat(data.delivery_method) in text
    assert factories.STATION.complaint_phone in text and "投诉电话" in text
    assert "证件号码后4位" in text  # how to follow progress
    for line in data.received:
        assert flat(line.name) in text
    assert "已收取的材料（共4项）" in text
    assert "容缺受理承诺后补的材料（共1项）" in text and "承诺于2026年12月3日前补交" in text


def test_special_procedures_are_not_counted(receipt_pdf: bytes) -> None:
    text = flat(pdf_text(receipt_pdf))
    for procedure in ("听证", "检验", "检测", "鉴定", "专家评审", "公示"):
        assert procedure in text
    assert "不计算在办理时限内" in text


def test_provisional_due_date_is_said_plainly() -> None:
    pdf = render_receipt(factories.receipt(due_date=date(2027, 1, 15), due_provisional=True))
    text = flat(pdf_text(pdf))
    assert "2027年1月15日" + flat(PROVISIONAL_NOTE) in text
    assert "暂定" in text and "公布后自动重算" in text


def test_instant_matter() -> None:
    pdf = render_receipt(factories.receipt(legal_limit_days=0, committed_limit_days=0,
                                           due_date=None))
    text = flat(pdf_text(pdf))
    assert "即办" in text and "当场办结" in text


def test_typical_receipt_fits_one_page_per_copy(receipt_pdf: bytes) -> None:
    assert len(pdf_pages(receipt_pdf)) == 2


def test_fee_text_is_printed() -> None:
    pdf = render_receipt(factories.receipt(fee_text="工本费 10元（依据京发改〔2020〕1号）"))
    assert "工本费10元" in flat(pdf_text(pdf))
