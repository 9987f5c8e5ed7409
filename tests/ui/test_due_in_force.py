"""One due date everywhere: after a calendar year is published, the case list, the case
detail (summary and history) and a reprinted receipt all show the recomputed date.

The issue's case: 社会保障卡申领 (20 working days) accepted on Friday 2026-12-04 at a
Beijing station, before the State Council has published 2027."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QApplication

from clerk.calendar import CalendarDay, CalendarYear, DayKind
from clerk.cases.queries import case_row
from printing.issue import renderer as pdf_renderer
from tests.clerk.case_builder import Cases
from tests.conftest import FakeClock
from tests.printing.pdftools import pdf_text
from ui.station.case_detail import DetailRenderer, load_detail
from ui.station.session import Session

SOCIAL_CARD = "社会保障卡申领"

# An invented official 2027 for the test: 元旦 from Friday 1 to Sunday 3 January, and a
# bridge on Monday 4 January (the real notice is not out; only the shape matters).
OFFICIAL_2027 = CalendarYear(2027, "测试：国务院办公厅通知", True, tuple(
    CalendarDay(date(2027, 1, d), DayKind.HOLIDAY, "元旦", "") for d in range(1, 5)))


def test_every_surface_shows_the_recomputed_due_date(
        qapp: QApplication, session: Session, clock: FakeClock,
        id_factory: Callable[..., str]) -> None:
    ws = session.ws
    clock.set_local(date(2026, 12, 4))
    case_no = Cases(ws, clock, id_factory).accepted(SOCIAL_CARD)
    rec = ws.cases.get(case_no)
    assert rec.limit_days == 20
    # Not New Year's Day: the statute makes 1 January a holiday even before the notice.
    assert (rec.due_date, rec.due_provisional) == (date(2027, 1, 4), True)
    renderer = DetailRenderer()
    detail = load_detail(ws, case_no)
    assert "2027-01-04" in renderer.summary(detail) and "暂定" in renderer.summary(detail)
    assert "2027年1月4日" in pdf_text(
        ws.documents.issue(case_no, "receipt", pdf_renderer(), output="printed").pdf)

    assert ws.import_calendar_year(OFFICIAL_2027) == 1

    # 12-07 … 12-31 are 19 working days, then 01-01..04 off: due Tuesday 01-05, final.
    with ws.store.read() as s:
        row = case_row(s, case_no, None)
    assert row is not None and (row.due_date, row.due_provisional) == (date(2027, 1, 5), False)
    detail = load_detail(ws, case_no)
    summary = renderer.summary(detail)
    assert "2027-01-05" in summary and "2027-01-04" not in summary and "暂定" not in summary
    history = renderer.timeline(detail)
    assert "2027-01-05" in history and "2027-01-04" not in history
    receipt = pdf_text(ws.documents.issue(case_no, "receipt", pdf_renderer(), output="printed").pdf)
    assert "2027年1月5日" in receipt and "2027年1月4日" not in receipt
    assert "暂定" not in receipt
