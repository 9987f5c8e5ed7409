"""The enrollment code slip a district admin prints for a station."""

from __future__ import annotations

from datetime import UTC, datetime

from printing.enrollment_slip import EnrollmentSlip, render_enrollment_slip
from tests.printing.pdftools import flat, pdf_fonts, pdf_pages, pdf_text


def test_slip_carries_the_code_the_station_and_how_to_use_it() -> None:
    pdf = render_enrollment_slip(EnrollmentSlip(
        district_name="海淀区政务服务中心", server="https://qzx.example.gov.cn/",
        station_code="110108001001", station_name="海淀区学院路社区便民服务站",
        code="ABCDE-FGHIJ-KLMNO-PQRST", expires_at=datetime(2026, 3, 9, 2, tzinfo=UTC),
        issued_at=datetime(2026, 3, 2, 2, tzinfo=UTC), issued_by="赵管理"))
    text = flat(pdf_text(pdf))
    assert "ABCDE-FGHIJ-KLMNO-PQRST" in text
    assert "海淀区学院路社区便民服务站" in text and "110108001001" in text
    assert "https://qzx.example.gov.cn/" in text
    assert "2026年3月9日10:00" in text  # Beijing time
    assert "登记到区中心" in text and "只能使用一次" in text
    assert len(pdf_pages(pdf)) == 1
    assert all(f.embedded and f.subset for f in pdf_fonts(pdf))
