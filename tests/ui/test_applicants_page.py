"""The applicants page: search, masked detail with reveal, cases and documents, edit with
validation errors next to each field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk import applicants as ap
from clerk.workspace import Workspace
from tests.clerk.case_builder import DIBAO, Cases
from ui.station.applicants_page import ApplicantsPage
from ui.station.session import Session

TIMEOUT_MS = 10_000


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> ApplicantsPage:
    widget = ApplicantsPage()
    qtbot.addWidget(widget)
    widget.resize(1254, 740)
    widget.attach(session)
    widget.show()
    return widget


def search(qtbot: QtBot, page: ApplicantsPage, text: str) -> None:
    with qtbot.waitSignal(page.searched, timeout=TIMEOUT_MS):
        page.search_edit.setText(text)
        page.search_now()


def open_first(qtbot: QtBot, page: ApplicantsPage, text: str) -> None:
    with qtbot.waitSignal(page.applicant_shown, timeout=TIMEOUT_MS,
                          check_params_cb=bool):
        search(qtbot, page, text)


def test_search_by_name_prefix_and_full_id(qtbot: QtBot, page: ApplicantsPage,
                                           cases: Cases) -> None:
    cases.accepted(person="王小明")
    cases.accepted(person="王大明")
    cases.accepted(person="李四")
    search(qtbot, page, "王")
    assert page.results_model.rowCount() == 2
    assert "找到 2 位" in page.result_label.text()
    masked = page.results_model.data(page.results_model.index(0, 1))
    assert "********" in masked and cases.ids(1) not in masked
    search(qtbot, page, cases.ids(3))
    assert page.results_model.rowCount() == 1
    search(qtbot, page, cases.ids(3)[:12])
    assert page.results_model.rowCount() == 0 and "完整输入" in page.result_label.text()


def test_detail_masks_and_reveals_the_mobile(qtbot: QtBot, page: ApplicantsPage,
                                             cases: Cases) -> None:
    case_no = cases.accepted(person="王小明", mobile="13912345678")
    open_first(qtbot, page, "王小明")
    assert page.name_label.text() == "王小明"
    id_no = cases.ids(1)
    assert page.id_no_label.text() == id_no[:6] + "********" + id_no[-4:]
    assert page.sex_label.text() in ("男", "女") and page.birth_label.text() == "1980-05-17"
    assert page.mobile_value.label.text() == "139****5678"
    qtbot.mouseClick(page.mobile_value.button, Qt.MouseButton.LeftButton)
    assert page.mobile_value.label.text() == "13912345678"
    qtbot.mouseClick(page.mobile_value.button, Qt.MouseButton.LeftButton)
    assert page.mobile_value.label.text() == "139****5678"
    assert page.cases_model.row_at(0).key == case_no
    documents = [page.docs_model.row_at(i).texts[0] for i in range(page.docs_model.rowCount())]
    assert len(documents) >= 2 and all(documents)  # id card and hukou booklet, verified
    assert page.tabs.tabText(0) == "办件（1）"


def test_edit_shows_each_error_next_to_its_field(qtbot: QtBot, page: ApplicantsPage,
                                                 ws: Workspace, session: Session,
                                                 cases: Cases) -> None:
    cases.accepted(person="王小明")
    open_first(qtbot, page, "王小明")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert page.editing and page.name_edit.text() == "王小明"
    page.name_edit.clear()
    page.mobile_edit.setText("12345")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "姓名不能为空" in page.name_error.text() and page.name_error.isVisibleTo(page)
    assert "11位" in page.mobile_error.text() and page.mobile_error.isVisibleTo(page)
    assert page.editing  # nothing saved
    person = page.detail.person if page.detail else None
    assert person is not None
    with ws.store.read() as s:
        assert ap.get_applicant(s, person.id).name == "王小明"
    # Typing clears the field's error. (QTest types Latin-1 only: Chinese arrives as one
    # input-method commit.)
    qtbot.keyClicks(page.name_edit, "x")
    assert not page.name_error.isVisibleTo(page)
    page.name_edit.setText("王晓明")
    page.mobile_edit.setText("139 1234 5678")
    page.address_edit.setText("北京市海淀区学院路1号")
    with qtbot.waitSignals([page.saved, session.bus.applicant_changed], timeout=TIMEOUT_MS):
        qtbot.keyClick(page.address_edit, Qt.Key.Key_Return)
    with ws.store.read() as s:
        saved = ap.get_applicant(s, person.id)
    assert (saved.name, saved.mobile, saved.address) == (
        "王晓明", "13912345678", "北京市海淀区学院路1号")
    assert not page.editing and "已保存" in page.saved_note.text()
    qtbot.waitUntil(lambda: page.name_label.text() == "王晓明", timeout=TIMEOUT_MS)


def test_cancel_keeps_the_applicant_unchanged(qtbot: QtBot, page: ApplicantsPage,
                                              ws: Workspace, cases: Cases) -> None:
    cases.accepted(person="王小明")
    open_first(qtbot, page, "王小明")
    page.start_edit()
    page.name_edit.setText("错误的名字")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Escape)
    assert not page.editing
    assert page.name_label.text() == "王小明"


def test_double_click_opens_the_case(qtbot: QtBot, page: ApplicantsPage, session: Session,
                                     cases: Cases) -> None:
    case_no = cases.accepted(DIBAO, person="王小明")
    open_first(qtbot, page, "王小明")
    with qtbot.waitSignal(session.bus.open_case, timeout=TIMEOUT_MS) as opened:
        page.cases_view.doubleClicked.emit(page.cases_model.index(0, 0))
    assert opened.args == [case_no]


def test_other_document_is_named_masked_and_tells_no_birth_date(qtbot: QtBot,
                                                                page: ApplicantsPage,
                                                                session: Session) -> None:
    ws = session.ws
    with ws.store.write() as s:
        ap.add_applicant(s, ap.PersonInput(name="Marie Curie", id_no="FRA 12AB34567",
                                           id_type="passport"), now=ws.now())
    open_first(qtbot, page, "fra12ab34567")  # found by the number as typed, no type
    assert page.id_type_label.text() == "护照"
    assert page.id_no_label.text() == "FRA-1*****567"
    assert page.results_model.data(page.results_model.index(0, 1)) == "FRA-1*****567"
    assert page.sex_label.isHidden() and page.birth_label.isHidden()
