"""The catalog browser: search, filter, read a guide, all from the keyboard."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk.catalog import FeeItem, Matter, load_bundled_catalog
from ui.common.operations import task_manager
from ui.station.catalog_page import CatalogPage, MatterTableModel

TIMEOUT_MS = 5000


@pytest.fixture(scope="module")
def matters() -> list[Matter]:
    return load_bundled_catalog()


@pytest.fixture
def page(qtbot: QtBot, matters: list[Matter]) -> CatalogPage:
    widget = CatalogPage(matters)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def _listed(page: CatalogPage) -> list[str]:
    model = page.model
    return [model.matter_at(row).name for row in range(model.rowCount())]


def _shown(page: CatalogPage) -> str | None:
    matter = page.current_matter()
    return None if matter is None else matter.name


def _search(qtbot: QtBot, page: CatalogPage, text: str) -> None:
    """Type ``text``: ASCII key by key; Chinese as one input-method commit (QTest can only
    synthesise Latin-1 key presses and aborts on anything else)."""
    page.search_edit.clear()
    if text.isascii():
        qtbot.keyClicks(page.search_edit, text)
    else:
        page.search_edit.insert(text)


def test_starts_with_everything_listed_and_focus_in_search(
    qtbot: QtBot, page: CatalogPage, matters: list[Matter]
) -> None:
    assert len(_listed(page)) == len(matters)
    assert page.count_label.text() == f"共 {len(matters)} 项"
    assert page.current_matter() is None
    assert "选择一个事项" in page.detail_view.toPlainText()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_edit, timeout=TIMEOUT_MS)


def test_search_by_name_filters_as_you_type(qtbot: QtBot, page: CatalogPage) -> None:
    _search(qtbot, page, "救助")
    assert _listed(page) == ["临时救助申请", "特困人员救助供养申请"]
    assert page.count_label.text() == "找到 2 项"
    assert _shown(page) == "临时救助申请"  # the best match is shown at once


def test_search_by_code(qtbot: QtBot, page: CatalogPage) -> None:
    _search(qtbot, page, "BJ-ZJ-QR-001")
    assert _listed(page) == ["公共租赁住房资格申请"]


def test_search_by_pinyin_initials(qtbot: QtBot, page: CatalogPage) -> None:
    _search(qtbot, page, "zdshbz")
    assert _listed(page) == ["最低生活保障申请"]
    _search(qtbot, page, "dbsq")
    assert _listed(page)[0] == "最低生活保障申请"


def test_no_match_says_so(qtbot: QtBot, page: CatalogPage) -> None:
    _search(qtbot, page, "护照签注")
    assert _listed(page) == [] and page.current_matter() is None
    assert "没有找到匹配的事项" in page.detail_view.toPlainText()


def test_department_filter(qtbot: QtBot, page: CatalogPage) -> None:
    combo = page.department_combo
    assert combo.itemText(0) == "全部部门"
    combo.setCurrentIndex(combo.findText("区残疾人联合会"))
    assert _listed(page) == ["残疾人证新办", "残疾人证换领", "残疾人辅助器具适配申请"]
    _search(qtbot, page, "换领")
    assert _listed(page) == ["残疾人证换领"]
    combo.setCurrentIndex(0)
    assert "残疾人证换领" in _listed(page)


def test_detail_shows_basic_facts_and_materials(page: CatalogPage) -> None:
    assert page.select_matter("BJ-CL-GG-001")
    text = page.detail_view.toPlainText()
    for expected in (
        "残疾人证新办",
        "BJ-CL-GG-001",
        "区残疾人联合会",
        "承诺件",
        "上报区级",
        "10 个工作日",
        "法律法规未规定",
        "不收费",
        "12345",
        "近期二寸白底免冠彩色照片",
        "原件3份",
        "容缺后补",
        "申请人为未成年人或智力残疾、精神残疾人时",
        "受理标准",
        "公示5个工作日（未成年人不公示）",
        "《中华人民共和国残疾人保障法》",
        "常见不予受理情形",
    ):
        assert expected in text, expected


def test_detail_of_an_instant_matter(page: CatalogPage) -> None:
    page.select_matter("BJ-WJ-GG-001")
    text = page.detail_view.toPlainText()
    assert "即办件" in text and "站点办结" in text and "当场办结" in text
    assert "北京市生育登记信息采集表" in text and "子女出生后办理登记时" in text


def test_detail_shows_fees(page: CatalogPage, matters: list[Matter]) -> None:
    fee = FeeItem(name="工本费", amount_yuan=Decimal("10.00"), basis="某收费文件")
    paid = dataclasses.replace(matters[0], code="PAID-1", fees=(fee,))
    page.set_matters([paid])
    page.select_matter("PAID-1")
    assert "工本费 10.00 元（某收费文件）" in page.detail_view.toPlainText()


def test_list_shows_kind_tag_and_limit(page: CatalogPage) -> None:
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.matter_at(r).name == "生育登记")
    assert model.index(row, MatterTableModel.KIND).data() == "即办"
    assert model.index(row, MatterTableModel.LIMIT).data() == "当场办结"
    row = next(r for r in range(model.rowCount()) if model.matter_at(r).name == "最低生活保障申请")
    assert model.index(row, MatterTableModel.KIND).data() == "承诺"
    assert model.index(row, MatterTableModel.LIMIT).data() == "25 个工作日"
    assert model.index(row, MatterTableModel.DEPARTMENT).data() == "区民政局"


def test_keyboard_down_moves_into_the_list(qtbot: QtBot, page: CatalogPage) -> None:
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.matter_view.hasFocus()
    assert page.matter_view.currentIndex().row() == 0
    assert _shown(page) == _listed(page)[0]
    qtbot.keyClick(page.matter_view, Qt.Key.Key_Down)
    assert _shown(page) == _listed(page)[1]  # arrows show each matter as they move


def test_keyboard_enter_opens_the_guide(qtbot: QtBot, page: CatalogPage) -> None:
    _search(qtbot, page, "残疾人证")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(page.matter_view, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.matter_activated, timeout=TIMEOUT_MS) as blocker:
        qtbot.keyClick(page.matter_view, Qt.Key.Key_Return)
    assert blocker.args[0].name == "残疾人证换领"
    assert page.detail_view.hasFocus()
    assert "原残疾人证" in page.detail_view.toPlainText()


def test_enter_in_search_opens_the_best_match(qtbot: QtBot, page: CatalogPage) -> None:
    _search(qtbot, page, "gzf")
    with qtbot.waitSignal(page.matter_activated, timeout=TIMEOUT_MS) as blocker:
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert blocker.args[0].name == "公共租赁住房资格申请"


def test_escape_and_up_return_to_search(qtbot: QtBot, page: CatalogPage) -> None:
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(page.matter_view, Qt.Key.Key_Up)  # from the first row
    assert page.search_edit.hasFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(page.matter_view, Qt.Key.Key_Return)
    assert page.detail_view.hasFocus()
    qtbot.keyClick(page.detail_view, Qt.Key.Key_Escape)
    assert page.search_edit.hasFocus()
    _search(qtbot, page, "低保")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)
    assert page.search_edit.text() == ""


def test_selection_survives_refiltering(qtbot: QtBot, page: CatalogPage) -> None:
    page.select_matter("BJ-CL-GG-002")
    _search(qtbot, page, "残疾")
    assert _shown(page) == "残疾人证换领"
    assert page.model.matter_at(page.matter_view.currentIndex().row()).code == "BJ-CL-GG-002"


def test_select_matter_clears_hiding_filters(qtbot: QtBot, page: CatalogPage) -> None:
    _search(qtbot, page, "低保")
    assert page.select_matter("BJ-WJ-GG-001")
    assert _shown(page) == "生育登记" and page.search_edit.text() == ""
    assert not page.select_matter("NO-SUCH-CODE")


def test_current_matter_changed_signal(qtbot: QtBot, page: CatalogPage) -> None:
    with qtbot.waitSignal(page.current_matter_changed, timeout=TIMEOUT_MS) as blocker:
        page.select_matter("BJ-MZ-JF-001")
    assert blocker.args[0].code == "BJ-MZ-JF-001"


def test_set_matters_replaces_the_catalog(page: CatalogPage, matters: list[Matter]) -> None:
    page.department_combo.setCurrentIndex(page.department_combo.findText("区民政局"))
    page.set_matters([m for m in matters if m.department in ("区民政局", "区卫生健康委员会")])
    assert page.department_combo.currentText() == "区民政局"  # the filter is kept
    assert page.department_combo.count() == 3
    assert len(_listed(page)) == 5


def test_load_runs_in_the_background(qtbot: QtBot, matters: list[Matter]) -> None:
    page = CatalogPage()
    qtbot.addWidget(page)
    assert _listed(page) == []
    with qtbot.waitSignal(task_manager().operation_finished, timeout=TIMEOUT_MS):
        page.load(lambda: matters[:4])
    assert len(_listed(page)) == 4


# --- 办事指南 and 咨询登记 ------------------------------------------------------------------

class _Previews:
    """Opens the real preview window, not shown: the test prints or saves through it."""

    def __init__(self) -> None:
        self.opened: list[object] = []

    def __call__(self, pdf: bytes, title: str, _parent: object) -> object:
        from ui.common.print_preview import PrintPreviewDialog

        dialog = PrintPreviewDialog(pdf, title)
        self.opened.append(dialog)
        return dialog


@pytest.fixture
def station_page(qtbot: QtBot, session: object) -> CatalogPage:
    from ui.station.session import Session

    assert isinstance(session, Session)
    widget = CatalogPage(session.ws.matters())
    qtbot.addWidget(widget)
    widget.preview_opener = _Previews()
    widget.attach(session)
    widget.resize(1366, 768)
    widget.show()
    return widget


def test_actions_need_a_matter_and_a_session(qtbot: QtBot, page: CatalogPage,
                                             station_page: CatalogPage) -> None:
    assert not page.guide_button.isEnabled()  # no clerk signed in: nothing to record as
    station_page.search_edit.insert("不存在的事项名称")
    assert not station_page.guide_button.isEnabled()
    station_page.search_edit.clear()
    station_page.select_matter(station_page.model.matter_at(0).code)
    assert station_page.guide_button.isEnabled() and station_page.consult_button.isEnabled()


def test_register_a_consultation_without_printing(qtbot: QtBot, station_page: CatalogPage,
                                                  session: object) -> None:
    from ui.station.session import Session

    assert isinstance(session, Session)
    matter = station_page.model.matter_at(0)
    station_page.select_matter(matter.code)
    station_page.note_edit.setText("问了需要带什么")
    with qtbot.waitSignal(station_page.consultation_recorded, timeout=TIMEOUT_MS) as got:
        qtbot.mouseClick(station_page.consult_button, Qt.MouseButton.LeftButton)
    entry = got.args[0]
    assert (entry.matter_code, entry.clerk, entry.note, entry.guide) == (
        matter.code, session.username, "问了需要带什么", "")
    assert "已登记咨询" in station_page.action_message.text()
    assert station_page.note_edit.text() == ""
    # personal data in the note: refused in words, nothing stored
    station_page.note_edit.setText("手机13812345678")
    qtbot.mouseClick(station_page.consult_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "个人信息" in station_page.action_message.text(),
                    timeout=TIMEOUT_MS)
    today = session.ws.consultations.between(entry.consulted_at.date(),
                                             entry.consulted_at.date())
    assert len(today) == 1


def test_the_guide_is_registered_once_when_saved(qtbot: QtBot, station_page: CatalogPage,
                                                 session: object, tmp_path: object) -> None:
    from pathlib import Path

    from tests.printing.pdftools import pdf_text
    from ui.common.print_preview import PrintPreviewDialog
    from ui.station.session import Session

    assert isinstance(session, Session) and isinstance(tmp_path, Path)
    matter = station_page.model.matter_at(0)
    station_page.select_matter(matter.code)
    with qtbot.waitSignal(station_page.guide_ready, timeout=20_000) as ready:
        qtbot.mouseClick(station_page.guide_button, Qt.MouseButton.LeftButton)
    assert matter.name in pdf_text(ready.args[0]).replace("\n", "")
    previews = station_page.preview_opener
    assert isinstance(previews, _Previews)
    (preview,) = previews.opened
    assert isinstance(preview, PrintPreviewDialog)
    assert session.ws.consultations.count(session.ws.now().date()) == 0  # only previewed
    with qtbot.waitSignal(station_page.consultation_recorded, timeout=TIMEOUT_MS) as got:
        preview.save_to(tmp_path / "guide.pdf")
    assert got.args[0].guide == "saved" and got.args[0].matter_code == matter.code
    # the same citizen: saving again starts no second registration (nothing is pending)
    preview.save_to(tmp_path / "again.pdf")
    assert not task_manager()._pending
    everything = session.ws.consultations.between(got.args[0].consulted_at.date(),
                                                  got.args[0].consulted_at.date())
    assert len(everything) == 1
    preview.close()
