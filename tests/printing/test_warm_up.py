"""The counter's printing warm-up renders a receipt of nobody."""

from __future__ import annotations

import re

from printing.issue import warm_up
from tests.printing.pdftools import flat, pdf_text


def test_warm_up_renders_a_made_up_receipt_without_personal_data() -> None:
    pdf = warm_up()
    text = flat(pdf_text(pdf))
    assert "受理回执" in text and "样例便民服务站" in text
    # placeholders only: no digit of an ID number or phone beyond the zero fillers
    assert not re.search(r"[1-9]\d{10,}", text)
