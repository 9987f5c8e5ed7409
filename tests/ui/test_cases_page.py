"""The cases page: the list (masking, supervision colours, filters, search, lazy pages,
sorting) and the detail pane's actions, driven through the real widgets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk.cases.queries import PAGE_SIZE, Level
from clerk.cases.states import State
from clerk.workspace import Workspace
from tests.clerk.case_builder import BIRTH, DIBAO, ELDERLY, Cases, clone_cases
from tests.conftest import FakeClock
from tests.printing.pdftools import pdf_text
from ui.common.print_preview import PrintPreviewDialog
from ui.common.widgets import LEVEL_COLOURS
from ui.station.case_detail import RatingPicker
from ui.station.case_table_model import CaseTableModel
from ui.station.cases_page import CasesPage
from ui.station.counter_view import Showing
from ui.station.session import Session

TIMEOUT_MS = 10_000


class Previews:
    """Opens the real print preview, not shown: records what opened, and the test prints
    or saves through the window as the clerk would."""

    def __init__(self) -> None:
        self.opened: list[tuple[bytes, str]] = []
        self.windows: list[PrintPreviewDialog] = []

    def __call__(self, pdf: bytes, title: str, _parent: object) -> PrintPreviewDialog:
        self.opened.append((pdf, title))
        self.windows.append(PrintPreviewDialog(pdf, title))
        return self.windows[-1]


@pytest.fixture
def make_page(qtbot: QtBot, session: Session) -> Iterator[Callable[[], CasesPage]]:
    def make() -> CasesPage:
        page = CasesPage()
        qtbot.addWidget(page)
        page.resize(1254, 740)
        page.detail.preview_opener = Previews()
        with qtbot.waitSignal(page.model.loaded, timeout=TIMEOUT_MS):
            page.attach(session)
            page.show()
        return page
    yield make


def listed(page: CasesPage) -> list[str]:
    return [page.model.row_at(i).case_no for i in range(page.model.rowCount())]


def cell(page: CasesPage, case_no: str, column: int, role: int = Qt.ItemDataRole.DisplayRole
         ) -> Any:
    row = page.model.row_of(case_no)
    assert row is not None, case_no
    return page.model.data(page.model.index(row, column), role)


def refilter(qtbot: QtBot, page: CasesPage, change: Callable[[], object]) -> None:
    with qtbot.waitSignal(page.model.loaded, timeout=TIMEOUT_MS):
        change()
        page.apply_filters_now()


def select(qtbot: QtBot, page: CasesPage, case_no: str) -> None:
    row = page.model.row_of(case_no)
    assert row is not None
    with qtbot.waitSignal(page.detail.loaded, timeout=TIMEOUT_MS,
                          check_params_cb=lambda no: no == case_no):
        page.view.selectRow(row)


def click(qtbot: QtBot, page: CasesPage, button: Any) -> None:
    """Click an action's button and wait until the action changed the case."""
    with qtbot.waitSignal(page.detail.case_changed, timeout=TIMEOUT_MS):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --- the list ----------------------------------------------------------------------------------

def test_rows_show_masked_ids_states_and_supervision_colours(
        make_page: Callable[[], CasesPage], cases: Cases, clock: FakeClock) -> None:
    clock.set_local(date(2026, 3, 2))
    red = cases.accepted(ELDERLY)  # 10 working days: due 2026-03-16
    clock.set_local(date(2026, 3, 10))
    yellow = cases.accepted(ELDERLY)  # due 2026-03-24
    normal = cases.accepted(DIBAO)  # 25 working days
    draft = cases.new(DIBAO, complete=False)
    clock.set_local(date(2026, 3, 20))
    page = make_page()
    assert sorted(listed(page)) == sorted([red, yellow, normal, draft])
    masked = cell(page, red, CaseTableModel.ID_NO)
    assert masked == cases.ids(1)[:6] + "********" + cases.ids(1)[-4:]
    assert cases.ids(1) not in {str(cell(page, red, c)) for c in range(8)}
    assert cell(page, red, CaseTableModel.STATE) == "已受理"
    assert cell(page, red, CaseTableModel.DUE) == "2026-03-16"
    background = Qt.ItemDataRole.BackgroundRole
    red_brush = cell(page, red, CaseTableModel.DUE, background)
    yellow_brush = cell(page, yellow, CaseTableModel.DUE, background)
    assert isinstance(red_brush, QBrush) and isinstance(yellow_brush, QBrush)
    assert red_brush.color().name() == LEVEL_COLOURS[Level.RED][1]
    assert yellow_brush.color().name() == LEVEL_COLOURS[Level.YELLOW][1]
    assert cell(page, normal, CaseTableModel.DUE, background) is None
    assert "超期" in cell(page, red, CaseTableModel.DUE, Qt.ItemDataRole.ToolTipRole)
    assert cell(page, draft, CaseTableModel.DUE) == "—"
    assert cell(page, draft, CaseTableModel.SYNC) == "待同步 1"
    assert "共 4 件" in page.count_label.text()


def test_provisional_due_date_is_marked(make_page: Callable[[], CasesPage], cases: Cases,
                                        clock: FakeClock) -> None:
    clock.set_local(date(2026, 12, 15))  # 25 working days run into 2027: no official data
    case_no = cases.accepted(DIBAO)
    page = make_page()
    assert str(cell(page, case_no, CaseTableModel.DUE)).endswith("暂定")
    assert "暂定" in cell(page, case_no, CaseTableModel.DUE, Qt.ItemDataRole.ToolTipRole)


def test_filters_and_search(qtbot: QtBot, make_page: Callable[[], CasesPage],
                            cases: Cases, clock: FakeClock) -> None:
    accepted = cases.accepted(DIBAO, person="王小明")
    awaiting = cases.awaiting(DIBAO, person="王大明")
    done = cases.completed(person="李四")
    elderly = cases.accepted(ELDERLY, person="赵六")
    page = make_page()
    refilter(qtbot, page, lambda: page.set_state_filter(State.ACCEPTED))
    assert sorted(listed(page)) == sorted([accepted, elderly])
    assert "找到 2 件" in page.count_label.text()
    refilter(qtbot, page, lambda: page.set_matter_filter(cases.code(ELDERLY)))
    assert listed(page) == [elderly]
    refilter(qtbot, page, page.clear_filters)
    refilter(qtbot, page, lambda: page.search_edit.setText("王"))
    assert sorted(listed(page)) == sorted([accepted, awaiting])
    refilter(qtbot, page, lambda: page.search_edit.setText(cases.ids(3)))
    assert listed(page) == [done]
    refilter(qtbot, page, lambda: page.search_edit.setText(awaiting))
    assert listed(page) == [awaiting]
    refilter(qtbot, page, lambda: page.search_edit.setText("钱"))
    assert listed(page) == []
    assert page.empty_label.isVisibleTo(page) and "清除筛选" in page.empty_label.text()
    refilter(qtbot, page, page.clear_filters)
    clock.set_local(date(2026, 4, 30))
    refilter(qtbot, page, lambda: page.set_level_filter("red"))
    assert sorted(listed(page)) == sorted([accepted, elderly])
    refilter(qtbot, page, lambda: page.date_combo.setCurrentIndex(
        page.date_combo.findData("today")))
    assert listed(page) == []  # nothing received on 2026-04-30


def test_filtering_out_the_shown_case_clears_the_detail(
        qtbot: QtBot, make_page: Callable[[], CasesPage], cases: Cases) -> None:
    wang = cases.accepted(DIBAO, person="王小明")
    li = cases.accepted(ELDERLY, person="李四")
    page = make_page()
    select(qtbot, page, wang)
    assert page.detail.case_no == wang
    with qtbot.waitSignal(page.detail.loaded, timeout=TIMEOUT_MS,
                          check_params_cb=lambda no: no == li):
        refilter(qtbot, page, lambda: page.search_edit.setText("李四"))
    assert listed(page) == [li]  # the only result is shown
    refilter(qtbot, page, lambda: page.set_state_filter(State.COMPLETED))
    assert listed(page) == [] and page.detail.case_no in ("", None)
    assert "未选择办件" in page.detail.hint.text()
    refilter(qtbot, page, page.clear_filters)
    select(qtbot, page, wang)
    refilter(qtbot, page, lambda: page.search_edit.setText("王"))
    assert page.detail.case_no == wang  # still in the results: kept


def test_typing_searches_after_a_pause(qtbot: QtBot, make_page: Callable[[], CasesPage],
                                       cases: Cases) -> None:
    cases.accepted(person="王小明")
    other = cases.accepted(person="李四")
    page = make_page()
    with qtbot.waitSignal(page.model.loaded, timeout=TIMEOUT_MS):
        qtbot.keyClicks(page.search_edit, other[:-2])
    assert page.model.case_filter.text == other[:-2]


def test_rows_load_lazily_with_fetch_more(qtbot: QtBot, make_page: Callable[[], CasesPage],
                                          ws: Workspace, cases: Cases,
                                          qtmodeltester: Any) -> None:
    clone_cases(ws, cases.accepted(), 1000)
    page = make_page()
    model = page.model
    assert model.total == 1001
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    with qtbot.waitSignal(model.rows_fetched, timeout=TIMEOUT_MS):
        model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    assert "已载入 400" in page.count_label.text()
    # Scrolling to the end of the list asks for more by itself.
    with qtbot.waitSignal(model.rows_fetched, timeout=TIMEOUT_MS):
        page.view.scrollToBottom()
    assert model.rowCount() == 3 * PAGE_SIZE
    while model.canFetchMore():
        with qtbot.waitSignal(model.rows_fetched, timeout=TIMEOUT_MS):
            model.fetchMore()
    numbers = listed(page)
    assert len(numbers) == len(set(numbers)) == 1001
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_header_click_sorts_in_sql(qtbot: QtBot, make_page: Callable[[], CasesPage],
                                   cases: Cases, clock: FakeClock) -> None:
    clock.set_local(date(2026, 3, 2))
    first = cases.accepted(ELDERLY)
    clock.set_local(date(2026, 3, 3))
    second = cases.accepted(DIBAO)
    third = cases.new(DIBAO)
    page = make_page()
    header = page.view.horizontalHeader()
    with qtbot.waitSignal(page.model.loaded, timeout=TIMEOUT_MS):
        header.sectionClicked.emit(CaseTableModel.DUE)
    assert listed(page) == [first, second, third]  # no due date last
    assert "按办结期限" in page.count_label.text()
    with qtbot.waitSignal(page.model.loaded, timeout=TIMEOUT_MS):
        header.sectionClicked.emit(CaseTableModel.CASE_NO)
    assert listed(page) == [third, second, first]
    header.sectionClicked.emit(CaseTableModel.APPLICANT)  # not sortable: nothing happens
    assert not page.model.loading


# --- the detail pane ---------------------------------------------------------------------------

def test_complete_and_hand_over_puts_the_rating_on_the_display(
        qtbot: QtBot, make_page: Callable[[], CasesPage], session: Session, ws: Workspace,
        cases: Cases) -> None:
    case_no = cases.decided(approve=True)
    page = make_page()
    select(qtbot, page, case_no)
    detail = page.detail
    assert detail.complete_button.isVisible()
    assert not detail.escalate_button.isVisible() and not detail.withdraw_button.isVisible()
    qtbot.mouseClick(detail.complete_button, Qt.MouseButton.LeftButton)
    assert detail.forms.currentWidget() is detail.complete_form
    detail.delivery_combo.setCurrentIndex(detail.delivery_combo.findData("邮寄送达"))
    # the clerk picks no score at the hand-over: the citizen rates on the display
    assert not detail.complete_form.findChildren(RatingPicker)
    views: list[Any] = []
    session.bus.counter_view.connect(views.append)
    documents: list[Any] = []
    detail.document_ready.connect(documents.append)
    with qtbot.waitSignals([detail.document_ready, session.bus.case_changed],
                           timeout=TIMEOUT_MS):
        qtbot.mouseClick(detail.confirm_complete_button, Qt.MouseButton.LeftButton)
    rec = ws.cases.get(case_no)
    assert rec.state == State.COMPLETED
    assert rec.result is not None and rec.result["delivery"] == "邮寄送达"
    assert rec.rating is None
    assert [(v.showing, v.case_no) for v in views] == [(Showing.RATING, case_no)]
    assert "********" in views[0].id_masked and "*" in views[0].name  # masked
    (doc,) = documents
    assert doc.kind == "result" and not doc.reprint
    assert "办结通知" in pdf_text(doc.pdf)
    previews = detail.preview_opener
    assert isinstance(previews, Previews) and len(previews.opened) == 1
    qtbot.waitUntil(lambda: cell(page, case_no, CaseTableModel.STATE) == "已办结",
                    timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: "尚未评价" in detail.summary_view.toPlainText(),
                    timeout=TIMEOUT_MS)
    assert not detail.complete_button.isVisible() and detail.rate_button.isVisible()


def test_station_level_case_completes_without_rating_and_is_rated_later(
        qtbot: QtBot, make_page: Callable[[], CasesPage], ws: Workspace,
        cases: Cases) -> None:
    case_no = cases.accepted(ELDERLY)
    page = make_page()
    select(qtbot, page, case_no)
    detail = page.detail
    assert detail.complete_button.isVisible() and not detail.escalate_button.isVisible()
    qtbot.mouseClick(detail.complete_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(detail.document_ready, timeout=TIMEOUT_MS):
        qtbot.keyClick(detail.result_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.rate_button.isVisible(), timeout=TIMEOUT_MS)
    assert ws.cases.get(case_no).rating is None
    qtbot.mouseClick(detail.rate_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(detail.save_rating_button, Qt.MouseButton.LeftButton)
    assert "请选择评价等级" in detail.rate_error.text()  # nothing chosen: nothing stored
    # the citizen dictated it: the clerk keys it in, and the form and the rating say so
    assert "代为录入" in detail.dictated_label.text() and "王窗口" in detail.dictated_label.text()
    qtbot.mouseClick(detail.rate_picker.buttons[4], Qt.MouseButton.LeftButton)
    detail.rate_comment.setText("很方便")
    click(qtbot, page, detail.save_rating_button)
    rating = ws.cases.get(case_no).rating
    assert rating is not None and rating["score"] == 4 and not rating["bad"]
    assert rating["channel"] == "clerk_on_behalf" and rating["entered_by_name"] == "王窗口"
    qtbot.waitUntil(lambda: not detail.rate_button.isVisible(), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: "窗口人员代为录入（王窗口）" in detail.summary_view.toPlainText(),
                    timeout=TIMEOUT_MS)


def test_the_clerk_notes_a_decline_and_the_citizen_may_still_rate_on_the_display(
        qtbot: QtBot, make_page: Callable[[], CasesPage], session: Session, ws: Workspace,
        cases: Cases) -> None:
    case_no = cases.completed(rating=None)
    page = make_page()
    select(qtbot, page, case_no)
    detail = page.detail
    qtbot.mouseClick(detail.rate_button, Qt.MouseButton.LeftButton)
    click(qtbot, page, detail.decline_button)
    rating = ws.cases.get(case_no).rating
    assert rating is not None and rating["channel"] == "declined" and "score" not in rating
    qtbot.waitUntil(lambda: "申请人不愿评价（王窗口登记）" in detail.summary_view.toPlainText(),
                    timeout=TIMEOUT_MS)
    # the citizen changes their mind: the buttons go on the display once more
    qtbot.waitUntil(lambda: detail.rate_button.isVisible(), timeout=TIMEOUT_MS)
    qtbot.mouseClick(detail.rate_button, Qt.MouseButton.LeftButton)
    assert not detail.decline_button.isVisible()  # declined once is enough
    with qtbot.waitSignal(session.bus.counter_view, timeout=TIMEOUT_MS) as shown:
        qtbot.mouseClick(detail.ask_display_button, Qt.MouseButton.LeftButton)
    assert shown.args[0].showing == Showing.RATING and shown.args[0].case_no == case_no


def test_withdraw_needs_a_reason_and_confirmation(
        qtbot: QtBot, make_page: Callable[[], CasesPage], ws: Workspace,
        cases: Cases) -> None:
    case_no = cases.accepted(DIBAO)
    page = make_page()
    select(qtbot, page, case_no)
    detail = page.detail
    qtbot.mouseClick(detail.withdraw_button, Qt.MouseButton.LeftButton)
    assert detail.forms.currentWidget() is detail.withdraw_form
    assert QApplication.focusWidget() in (detail.withdraw_reason, None)
    qtbot.mouseClick(detail.confirm_withdraw_button, Qt.MouseButton.LeftButton)
    assert "撤回原因" in detail.withdraw_error.text()
    assert ws.cases.get(case_no).state == State.ACCEPTED
    qtbot.keyClick(detail.withdraw_reason, Qt.Key.Key_Escape)  # cancels the form
    assert detail.forms.currentIndex() == 0
    qtbot.mouseClick(detail.withdraw_button, Qt.MouseButton.LeftButton)
    detail.withdraw_reason.setText("申请人书面申请撤回")
    click(qtbot, page, detail.confirm_withdraw_button)
    rec = ws.cases.get(case_no)
    assert rec.state == State.WITHDRAWN and rec.withdrawn_reason == "申请人书面申请撤回"
    qtbot.waitUntil(lambda: cell(page, case_no, CaseTableModel.STATE) == "已撤回",
                    timeout=TIMEOUT_MS)
    # The pane reloads after the row (one more read on the worker): wait for it too.
    qtbot.waitUntil(lambda: "申请人书面申请撤回" in detail.summary_view.toPlainText(),
                    timeout=TIMEOUT_MS)
    assert not any(b.isVisible() for b in (detail.withdraw_button, detail.complete_button))


def test_escalate_a_district_level_case(qtbot: QtBot, make_page: Callable[[], CasesPage],
                                        ws: Workspace, cases: Cases) -> None:
    case_no = cases.accepted(DIBAO)
    page = make_page()
    select(qtbot, page, case_no)
    detail = page.detail
    assert detail.escalate_button.isVisible() and not detail.complete_button.isVisible()
    click(qtbot, page, detail.escalate_button)
    rec = ws.cases.get(case_no)
    assert rec.state == State.ESCALATED and rec.owner == "district"
    qtbot.waitUntil(lambda: not detail.escalate_button.isVisible(), timeout=TIMEOUT_MS)
    # Owned by the district now: the station can neither withdraw nor complete it.
    assert not detail.withdraw_button.isVisible()
    assert "区中心" in detail.hint.text()
    assert "上报区级" in detail.timeline_view.toPlainText()


def test_supplement_and_correction_continue_at_the_counter(
        qtbot: QtBot, make_page: Callable[[], CasesPage], session: Session,
        cases: Cases) -> None:
    awaiting = cases.awaiting()
    returned = cases.returned()
    page = make_page()
    for case_no in (awaiting, returned):
        select(qtbot, page, case_no)
        assert page.detail.resume_button.isVisible()
        with qtbot.waitSignal(session.bus.resume_case, timeout=TIMEOUT_MS) as blocker:
            qtbot.mouseClick(page.detail.resume_button, Qt.MouseButton.LeftButton)
        assert blocker.args == [case_no]
    text = page.detail.summary_view.toPlainText()
    assert "区中心退回补正" in text and "缺少签字" in text and "请申请人签字后重新上报" in text


def test_reprint_is_marked_and_saved_is_not_printed(
        qtbot: QtBot, make_page: Callable[[], CasesPage], cases: Cases,
        tmp_path: Path) -> None:
    case_no = cases.accepted(DIBAO)
    page = make_page()
    select(qtbot, page, case_no)
    detail = page.detail
    detail.tabs.setCurrentIndex(3)
    assert detail.documents.rowCount() == 1
    assert detail.documents.item(0, 0).text() == "受理回执"
    assert detail.print_button.text() == "打印所选文书"
    previews = detail.preview_opener
    assert isinstance(previews, Previews)
    with qtbot.waitSignal(detail.document_ready, timeout=TIMEOUT_MS) as shown:
        qtbot.mouseClick(detail.print_button, Qt.MouseButton.LeftButton)
    assert not shown.args[0].reprint
    previews.windows[-1].close()  # looked at, neither printed nor saved: still 未打印
    assert detail.documents.item(0, 3).text() == "未打印"
    with qtbot.waitSignal(detail.document_ready, timeout=TIMEOUT_MS) as first:
        qtbot.mouseClick(detail.print_button, Qt.MouseButton.LeftButton)
    assert not first.args[0].reprint
    assert "补打" not in pdf_text(first.args[0].pdf)
    previews.windows[-1].save_to(tmp_path / "receipt.pdf")  # saved as a PDF, not paper
    qtbot.waitUntil(lambda: detail.documents.item(0, 3).text() == "已保存 PDF",
                    timeout=TIMEOUT_MS)
    assert detail.print_button.text() == "补打所选文书"
    with qtbot.waitSignal(detail.document_ready, timeout=TIMEOUT_MS) as second:
        qtbot.mouseClick(detail.print_button, Qt.MouseButton.LeftButton)
    doc = second.args[0]
    assert doc.reprint and doc.kind == "receipt"
    text = pdf_text(doc.pdf)
    assert "补打" in text and "受理回执" in text
    assert "补打" in previews.opened[-1][1]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "paper.pdf"))
    assert previews.windows[-1].print_to(printer) > 0
    qtbot.waitUntil(lambda: detail.documents.item(0, 3).text() == "已打印 1 次",
                    timeout=TIMEOUT_MS)


def test_no_actions_for_closed_or_district_held_cases(
        qtbot: QtBot, make_page: Callable[[], CasesPage], cases: Cases) -> None:
    done = cases.completed(rating=5)
    held = cases.under_review()
    page = make_page()
    for case_no in (done, held):
        select(qtbot, page, case_no)
        buttons = page.detail._action_buttons.values()
        assert not any(b.isVisibleTo(page.detail) for b in buttons), case_no


def test_open_case_from_another_page(qtbot: QtBot, make_page: Callable[[], CasesPage],
                                     session: Session, cases: Cases) -> None:
    cases.accepted()
    wanted = cases.accepted()
    page = make_page()
    page.set_state_filter(State.COMPLETED)  # hides it
    with qtbot.waitSignal(page.detail.loaded, timeout=TIMEOUT_MS,
                          check_params_cb=lambda no: no == wanted):
        session.bus.open_case.emit(wanted)
    qtbot.waitUntil(lambda: listed(page) == [wanted], timeout=TIMEOUT_MS)
    assert page.state_combo.currentIndex() == 0
    assert page.view.currentIndex().row() == 0


def test_changes_elsewhere_refresh_the_row_and_new_cases_the_list(
        qtbot: QtBot, make_page: Callable[[], CasesPage], session: Session, ws: Workspace,
        cases: Cases) -> None:
    case_no = cases.accepted(DIBAO)
    page = make_page()
    ws.cases.escalate(case_no)
    session.bus.case_changed.emit(case_no)
    qtbot.waitUntil(lambda: cell(page, case_no, CaseTableModel.STATE) == "已上报",
                    timeout=TIMEOUT_MS)
    new = cases.accepted(BIRTH)
    session.bus.case_changed.emit(new)
    with qtbot.waitSignal(page.model.loaded, timeout=TIMEOUT_MS):
        page.refresh()  # the page is shown again
    assert new in listed(page)


def test_keyboard_flow(qtbot: QtBot, make_page: Callable[[], CasesPage],
                       cases: Cases) -> None:
    case_no = cases.accepted(DIBAO)
    page = make_page()
    page.activateWindow()
    page.search_edit.setFocus()
    qtbot.waitUntil(lambda: page.search_edit.hasFocus(), timeout=TIMEOUT_MS)
    page.search_edit.setText(case_no)
    with qtbot.waitSignal(page.model.loaded, timeout=TIMEOUT_MS):
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view.hasFocus(), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(page.detail.loaded, timeout=TIMEOUT_MS):
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail.escalate_button.hasFocus(), timeout=TIMEOUT_MS)
    qtbot.keyClick(page.detail.escalate_button, Qt.Key.Key_Escape)
    assert page.view.hasFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    assert page.search_edit.hasFocus()
    with qtbot.waitSignal(page.model.loaded, timeout=TIMEOUT_MS):
        qtbot.keyClick(page.search_edit, Qt.Key.Key_F5)
