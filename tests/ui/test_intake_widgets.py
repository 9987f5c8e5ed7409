"""The intake page's parts on their own: ID field, matter picker, checklist."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk.cases.checklist import ItemStatus, initial_checklist
from clerk.catalog import CatalogIndex, Matter, load_bundled_catalog
from clerk.validation import make_resident_id
from ui.common.id_input import IdNumberEdit, IdState, check_partial
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
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Space)
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert model.checklist().ready_to_accept
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter toggles back to 缺
    assert [i.key for i in model.checklist().outstanding] == ["id_card"]
    # Options follow the material: only conditional ones may be 不适用
    assert ItemStatus.NOT_APPLICABLE not in model.find("id_card").options()  # type: ignore[union-attr]
    assert ItemStatus.NOT_APPLICABLE in model.find("power_of_attorney").options()  # type: ignore[union-attr]
    assert not model.set_status("id_card", ItemStatus.DEFERRED)


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
