"""The reports page: the period summary and the printed daily report."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk.cases.states import State
from clerk.reports import Activity
from tests.clerk.case_builder import BIRTH, Cases
from tests.conftest import FakeClock
from tests.printing.pdftools import pdf_text
from ui.station.reports_page import ACTIVITIES, COLUMNS, ReportsPage
from ui.station.session import Session

TIMEOUT_MS = 10_000


@pytest.fixture
def page(qtbot: QtBot) -> ReportsPage:
    widget = ReportsPage()
    qtbot.addWidget(widget)
    widget.resize(1254, 740)
    widget.preview_opener = lambda _pdf, _title, _parent: None
    return widget


def test_today_and_a_period(qtbot: QtBot, page: ReportsPage, session: Session,
                            cases: Cases, clock: FakeClock) -> None:
    clock.set_local(date(2026, 3, 2))
    cases.completed(rating=5)
    cases.completed(rating=1, comment="等候太久")
    cases.awaiting()
    clock.set_local(date(2026, 3, 3))
    cases.completed(rating=4)
    with qtbot.waitSignal(page.summary_loaded, timeout=TIMEOUT_MS):
        page.attach(session)
        page.show()
    assert page.period() == (date(2026, 3, 3), date(2026, 3, 3))
    assert [c.number.text() for c in page.cards[:6]] == ["1", "1", "1", "0", "1", "0"]
    with qtbot.waitSignal(page.summary_loaded, timeout=TIMEOUT_MS):
        page.set_period(date(2026, 3, 2), date(2026, 3, 3))
    summary = page.summary
    assert summary is not None and summary.rated == 3
    assert [c.number.text() for c in page.cards[:6]] == ["4", "3", "3", "0", "3", "1"]
    model = page.table_model
    names = [model.row_at(i).texts[0] for i in range(model.rowCount())]
    assert names[-1] == "合计" and BIRTH in names
    birth = model.row_at(names.index(BIRTH)).texts
    completed_column = 1 + COLUMNS.index(State.COMPLETED)
    # each case once, in its current state: the row total is the cases received
    assert birth[completed_column] == "3" and birth[-1] == "3"
    activity = page.activity_model
    names = [activity.row_at(i).texts[0] for i in range(activity.rowCount())]
    done = activity.row_at(names.index(BIRTH)).texts
    assert done[1 + ACTIVITIES.index(Activity.RECEIVED)] == "3"
    assert done[1 + ACTIVITIES.index(Activity.ACCEPTED)] == "3"
    assert done[1 + ACTIVITIES.index(Activity.COMPLETED)] == "3"
    assert "当前状态" in page.states_caption.text()
    assert "各栏不相加" in page.activity_caption.text()
    html = page.ratings_view.toPlainText()
    assert "好差评（3 条）" in html and "等候太久" in html and "1 非常不满意" in html
    assert "满意率 66.7%" in html
    assert "评价渠道：窗口评价器 3" in html


def test_presets_fill_the_dates(qtbot: QtBot, page: ReportsPage, session: Session,
                                clock: FakeClock) -> None:
    clock.set_local(date(2026, 3, 18))  # a Wednesday
    with qtbot.waitSignal(page.summary_loaded, timeout=TIMEOUT_MS):
        page.attach(session)
    for preset, expected in (("week", (date(2026, 3, 16), date(2026, 3, 18))),
                             ("month", (date(2026, 3, 1), date(2026, 3, 18))),
                             ("last_month", (date(2026, 2, 1), date(2026, 2, 28))),
                             ("yesterday", (date(2026, 3, 17), date(2026, 3, 17)))):
        with qtbot.waitSignal(page.summary_loaded, timeout=TIMEOUT_MS):
            page.preset_combo.setCurrentIndex(page.preset_combo.findData(preset))
        assert page.period() == expected
    assert "没有评价" in page.ratings_view.toPlainText()


def test_print_daily_report(qtbot: QtBot, page: ReportsPage, session: Session,
                            cases: Cases, clock: FakeClock) -> None:
    clock.set_local(date(2026, 3, 2))
    cases.completed(rating=5)
    cases.completed(rating=2)
    with qtbot.waitSignal(page.summary_loaded, timeout=TIMEOUT_MS):
        page.attach(session)
        page.show()
    with qtbot.waitSignal(page.report_ready, timeout=TIMEOUT_MS) as ready:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    pdf = ready.args[0]
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "日报" in text and "2026" in text and "生育登记" in text
    assert page.print_button.isEnabled()


def test_consultations_are_counted_apart_from_cases(qtbot: QtBot, page: ReportsPage,
                                                    session: Session, cases: Cases,
                                                    clock: FakeClock) -> None:
    clock.set_local(date(2026, 3, 2))
    cases.accepted()
    code = session.ws.matters()[0].code
    session.ws.consultations.record(code, guide="printed")
    session.ws.consultations.record(code)
    with qtbot.waitSignal(page.summary_loaded, timeout=TIMEOUT_MS):
        page.attach(session)
        page.show()
    assert page.summary is not None and page.summary.consulted == 2
    assert page.cards[0].number.text() == "1"  # 收件: the case, not the consultations
    text = page.ratings_view.toPlainText()
    assert "咨询登记" in text and "咨询 2 次" in text
    opened: list[bytes] = []
    page.preview_opener = lambda pdf, _title, _parent: opened.append(pdf)
    page.print_daily_report()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert "咨询 2 次" in pdf_text(opened[0])
