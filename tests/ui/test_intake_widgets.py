"""The intake page's parts on their own: ID field, matter picker, checklist."""

from __future__ import annotations

import random
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from clerk.cases.checklist import ItemStatus, initial_checklist
from clerk.catalog import CatalogIndex, Matter, load_bundled_catalog
from clerk.id_documents import DOCUMENT_TYPES, random_document
from clerk.validation import make_resident_id
from ui.common.id_input import (
    DocumentTypeCombo,
    IdNumberEdit,
    IdState,
    check_document_partial,
    check_partial,
)
from ui.station.intake.applicant import ApplicantPanel
from ui.station.intake.checklist import ChecklistModel, ChecklistView, MaterialRow
from ui.station.intake.matter import MatterPicker

TODAY = date(2026, 3, 2)
GOOD_ID = make_resident_id("110108", date(1980, 5, 17), 11)


@pytest.fixture(scope="module")
def matters() -> list[Matter]:
    return load_bundled_catalog()


def _wrong_check_digit(number: str) -> str:
    last = "0" if number[-1] != "0" else "1"
    return number[:-1] + last


# --- ID field -------------------------------------------------------------------------------

def test_partial_check_stages() -> None:
    assert check_partial("")[0] == IdState.EMPTY
    assert check_partial("1101")[0] == IdState.TYPING
    assert check_partial("11a1")[0] == IdState.INVALID
    state, _, error = check_partial("11010819801399")  # month 13, seen at 14 digits
    assert state == IdState.INVALID and error is not None and error.code == "id_no.birth_date"
    state, _, error = check_partial("99010819800517", TODAY)
    assert state == IdState.INVALID and error is not None and error.code == "id_no.area"
    state, parsed, _ = check_partial(GOOD_ID, TODAY)
    assert state == IdState.VALID and parsed is not None and parsed.sex == "M"


def test_wrong_check_digit_is_reported_as_typed(qtbot: QtBot) -> None:
    edit = IdNumberEdit()
    qtbot.addWidget(edit)
    edit.set_today(TODAY)
    states: list[str] = []
    edit.state_changed.connect(states.append)
    qtbot.keyClicks(edit, _wrong_check_digit(GOOD_ID))
    assert edit.state == IdState.INVALID
    assert edit.error() is not None and edit.error().code == "id_no.check_digit"  # type: ignore[union-attr]
    assert "校验不通过" in edit.message()
    assert states == ["typing", "invalid"]
    assert "fce8e6" in edit.styleSheet()
    edit.backspace()
    qtbot.keyClicks(edit, GOOD_ID[-1])
    assert edit.state == IdState.VALID and "号码有效" in edit.message()


def test_lowercase_x_and_full_width_are_normalised(qtbot: QtBot) -> None:
    base = "11010819800517001"
    from clerk.validation import resident_id_check_digit

    number = base + resident_id_check_digit(base)
    typed = number.lower() if number.endswith("X") else number
    edit = IdNumberEdit()
    qtbot.addWidget(edit)
    edit.set_today(TODAY)
    edit.setText("１１０１" + typed[4:-1] + " " + typed[-1])
    assert edit.text() == number
    # a lowercase x typed by hand becomes X at once
    edit.setText("110108")
    qtbot.keyClicks(edit, "x")
    assert edit.text() == "110108X"


def test_valid_id_is_announced_once(qtbot: QtBot) -> None:
    edit = IdNumberEdit()
    qtbot.addWidget(edit)
    with qtbot.waitSignal(edit.id_valid, timeout=1000) as blocker:
        qtbot.keyClicks(edit, GOOD_ID)
    assert blocker.args == [GOOD_ID]
    seen: list[str] = []
    edit.id_valid.connect(seen.append)
    edit.setText(GOOD_ID)  # unchanged number: no second announcement
    assert seen == []


# --- document types -------------------------------------------------------------------------

def test_type_selector_lists_the_six_documents(qtbot: QtBot) -> None:
    combo = DocumentTypeCombo()
    qtbot.addWidget(combo)
    assert [combo.itemData(i) for i in range(combo.count())] == list(DOCUMENT_TYPES)
    assert combo.id_type() == "resident_id" and combo.currentText() == "居民身份证"
    combo.set_id_type("passport")
    assert combo.id_type() == "passport" and combo.currentText() == "护照"


@pytest.mark.parametrize(("id_type", "typing", "bad", "code"), [
    ("passport", "CHN E12", "12", "passport.country"),
    ("hk_macau_pass", "H1234", "X1", "hk_macau_pass.prefix"),
    ("taiwan_pass", "1234", "123456789", "taiwan_pass.booklet"),
    ("gat_residence_permit", "8200", "1101", "gat_residence_permit.area"),
    ("foreign_permanent_resident", "ABC1234", "ABCD", "foreign_permanent_resident.length"),
])
def test_partial_check_per_document(id_type: str, typing: str, bad: str, code: str) -> None:
    assert check_document_partial(typing, id_type, TODAY)[0] == IdState.TYPING
    state, _, error = check_document_partial(bad, id_type, TODAY)
    assert state == IdState.INVALID and error is not None and error.code == code
    valid = random_document(random.Random(3), id_type)
    state, doc, _ = check_document_partial(valid, id_type, TODAY)
    assert state == IdState.VALID and doc is not None and doc.id_type == id_type


def test_each_document_gets_instant_feedback_in_its_own_words(qtbot: QtBot) -> None:
    edit = IdNumberEdit()
    qtbot.addWidget(edit)
    edit.set_today(TODAY)
    edit.set_document_type("passport")
    assert "CHN" in edit.placeholderText()
    seen: list[str] = []
    edit.id_valid.connect(seen.append)
    qtbot.keyClicks(edit, "chn e1234567")
    # Valid from 5 characters on, but a passport number may be longer: announced (and
    # looked up) when the clerk presses Enter, once.
    assert edit.state == IdState.VALID and edit.number() == "CHN-E1234567" and seen == []
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert seen == ["CHN-E1234567"]
    assert edit.message() == "号码格式有效 · 护照"  # a passport tells no sex or birth date
    # The same characters judged as another document: refused in that document's words.
    edit.set_document_type("hk_macau_pass")
    assert edit.state == IdState.INVALID and "港澳居民来往内地通行证" in edit.message()
    permit = make_resident_id("830000", date(1988, 8, 8), 12)
    edit.set_document_type("gat_residence_permit")
    edit.setText(permit)
    assert edit.state == IdState.VALID and edit.message() == "号码有效 · 女 · 出生于 1988-08-08"
    edit.set_document_type("resident_id")  # 83 is a province code a resident ID may carry
    assert edit.state == IdState.VALID and edit.resident_id() is not None


def test_applicant_panel_keeps_the_chosen_type(qtbot: QtBot) -> None:
    panel = ApplicantPanel()
    qtbot.addWidget(panel)
    panel.id_type_combo.set_id_type("taiwan_pass")
    qtbot.keyClicks(panel.id_edit, "12345678")
    panel.name_edit.setText("台湾居民")
    assert panel.problems() == []
    person = panel.person_input()
    assert (person.id_type, person.id_no) == ("taiwan_pass", "12345678")
    saved = panel.to_dict()
    panel.clear()
    assert panel.id_type() == "resident_id"
    panel.from_dict(saved)
    assert panel.id_type() == "taiwan_pass" and panel.id_edit.state == IdState.VALID
    panel.agent_toggle.setChecked(True)
    panel.agent_name_edit.setText("代理人")
    panel.agent_id_type_combo.set_id_type("hk_macau_pass")
    panel.agent_id_edit.setText("M1234567")
    assert ("agent", "代理人证件号码无效或未填写完整") in panel.problems()
    panel.agent_id_edit.setText("M12345678")
    agent = panel.agent_input()
    assert agent is not None and agent.id_type == "hk_macau_pass" and panel.problems() == []


# --- matter picker --------------------------------------------------------------------------

def test_picker_recent_first_then_search_by_initials(qtbot: QtBot, matters: list[Matter]) -> None:
    picker = MatterPicker()
    qtbot.addWidget(picker)
    picker.set_index(CatalogIndex(matters))
    picker.set_recent(["BJ-MZ-JF-001", "unknown-code"])
    assert picker.listed()[0] == "BJ-MZ-JF-001"
    assert len(picker.listed()) == len(matters)
    picker.show()
    chosen: list[object] = []
    picker.matter_chosen.connect(chosen.append)
    qtbot.keyClicks(picker.search_edit, "cjrz")
    listed = picker.listed()
    assert listed[:2] == ["BJ-CL-GG-001", "BJ-CL-GG-002"]
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_Return)
    chosen_matter = picker.matter()
    assert chosen_matter is not None and chosen_matter.code == "BJ-CL-GG-002"
    assert chosen == [chosen_matter]
    assert not picker.result_list.isVisible()
    assert "承诺件" in picker.summary_label.text() or "即办件" in picker.summary_label.text()
    qtbot.keyClicks(picker.search_edit, "x")  # typing again reopens the search
    assert picker.matter() is None and chosen[-1] is None


# --- checklist ------------------------------------------------------------------------------

def _model(matter: Matter) -> ChecklistModel:
    model = ChecklistModel()
    model.set_rows([MaterialRow(item=i, status=i.status)
                    for i in initial_checklist(matter.materials).items])
    return model


def test_checklist_keyboard_toggles_and_readiness(qtbot: QtBot, matters: list[Matter]) -> None:
    matter = next(m for m in matters if m.code == "BJ-RS-GG-001")
    model = _model(matter)
    view = ChecklistView(model)
    qtbot.addWidget(view)
    view.show()
    assert [i.key for i in model.checklist().outstanding] == [
        "pension_registration_form", "hukou_booklet", "id_card"]
    view.setFocus()
    for _ in range(3):  # Space ticks and moves on
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert model.checklist().ready_to_accept
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter toggles back to 缺
    assert [i.key for i in model.checklist().outstanding] == ["id_card"]
    # Options follow the material: only conditional ones may be 不适用
    assert ItemStatus.NOT_APPLICABLE not in model.find("id_card").options()  # type: ignore[union-attr]
    assert ItemStatus.NOT_APPLICABLE in model.find("power_of_attorney").options()  # type: ignore[union-attr]
    assert not model.set_status("id_card", ItemStatus.DEFERRED)


def test_checklist_f2_status_then_enter_keeps_the_keyboard(qtbot: QtBot,
                                                          matters: list[Matter]) -> None:
    """F2 opens the status list, Enter chooses: the table has the focus again, so the
    next keys (Down, Space) work without touching the mouse."""
    matter = next(m for m in matters if m.code == "BJ-RS-GG-001")
    model = _model(matter)
    view = ChecklistView(model)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    first = model.row(0).key
    qtbot.keyClick(view, Qt.Key.Key_F2)
    combo = view.indexWidget(view.currentIndex())
    assert isinstance(combo, QComboBox)
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible)
    target = combo.findData(ItemStatus.RECEIVED.value)
    popup.setCurrentIndex(popup.model().index(target, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(view.currentIndex()) is None)
    assert model.find(first).status == ItemStatus.RECEIVED  # type: ignore[union-attr]
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Space)  # ticks row 0 back to 缺 and moves on
    assert view.currentIndex().row() == 1
    assert model.find(first).status == ItemStatus.MISSING  # type: ignore[union-attr]


def test_agent_makes_power_of_attorney_apply(matters: list[Matter]) -> None:
    matter = next(m for m in matters if m.code == "BJ-RS-GG-001")
    model = _model(matter)
    changed = model.suggest_for_agent(True)
    assert set(changed) == {"power_of_attorney", "agent_id_card"}
    assert {i.key for i in model.checklist().outstanding} >= set(changed)
    model.set_status("power_of_attorney", ItemStatus.RECEIVED)
    assert model.suggest_for_agent(False) == ["agent_id_card"]  # the clerk's mark stays


def test_deferred_item_gets_a_promise_date(matters: list[Matter]) -> None:
    matter = next(m for m in matters if m.code == "BJ-MZ-JF-001")
    model = _model(matter)
    assert model.set_status("income_proof", ItemStatus.DEFERRED, today=TODAY)
    row = model.find("income_proof")
    assert row is not None and row.promise == date(2026, 3, 9)
    assert [i.key for i in model.checklist().deferred] == ["income_proof"]
    model.set_promise("income_proof", date(2026, 3, 20))
    index = model.index(model.row_of("income_proof") or 0, ChecklistModel.PROMISE)
    assert index.data() == "2026-03-20"
