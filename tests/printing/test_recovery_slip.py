"""The recovery key slip printed at set-up (issue 14)."""

from __future__ import annotations

from datetime import UTC, datetime

from clerk.store.keys import new_recovery_key
from printing.recovery_slip import RecoverySlip, render_recovery_slip
from tests.printing.pdftools import flat, pdf_fonts, pdf_pages, pdf_text


def test_slip_carries_the_whole_recovery_key_the_station_and_how_to_use_it() -> None:
    recovery_key = new_recovery_key()
    pdf = render_recovery_slip(RecoverySlip(
        district_name="海淀区", station_code="110108001001",
        station_name="海淀区学院路社区便民服务站", data_dir="/home/clerk/.local/share/StationDesk",
        recovery_key=recovery_key, issued_at=datetime(2026, 3, 2, 2, tzinfo=UTC)))
    text = flat(pdf_text(pdf))
    groups = recovery_key.split("-")
    # Printed four groups to a line: every group is there, in order.
    assert "-".join(groups[:4]) in text and "-".join(groups[4:]) in text
    assert "海淀区学院路社区便民服务站" in text and "110108001001" in text
    assert "unlock" in text and "restore" in text and "只在设置时显示一次" in text
    assert len(pdf_pages(pdf)) == 1
    assert all(f.embedded and f.subset for f in pdf_fonts(pdf))
