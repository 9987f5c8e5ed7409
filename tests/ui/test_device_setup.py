"""This PC among the station's counters: the first start asks its name and window number
(validated), every case number it makes carries the number, and enrolling with a number
another PC of the station holds is refused by the district in words, in the dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk import numbering
from clerk.applicants import PersonInput
from clerk.errors import ValidationError
from clerk.workspace import Workspace
from sync import engine
from tests.clerk.factories import DISTRICT, sample_matters
from tests.conftest import ADMIN, ADMIN_PASSWORD, STATION_CODE
from tests.ui.district_fixtures import TIMEOUT_MS, ClockedDistrict
from ui.app import build_window
from ui.station.enroll_dialog import EnrollDialog

IdFactory = Callable[..., str]


def test_first_start_asks_this_pcs_name_and_window_number(
        qtbot: QtBot, tmp_path: Path, id_factory: IdFactory) -> None:
    window = build_window(tmp_path / "new")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=TIMEOUT_MS):
        window.load()
    page = window.setup_page
    page.code_edit.setText("110108001001")
    page.name_edit.setText("海淀区学院路街道某社区便民服务站")
    page.admin_name_edit.setText("张站长")
    page.password_edit.setText("pass-word-1")
    page.password2_edit.setText("pass-word-1")
    # The name follows the number until the admin types one.
    page.device_no_spin.setValue(3)
    assert page.device_name_edit.text() == "3号窗口"
    window.resize(1100, 860)
    window.grab().save(str(tmp_path / "setup.png"))
    qtbot.keyClicks(page.device_name_edit, "x")  # typed: no longer follows the number
    page.device_no_spin.setValue(4)
    assert page.device_name_edit.text() == "3号窗口x"
    page.device_name_edit.setText("   ")
    page.create_button.click()
    assert "本机名称" in page.error_label.text()  # refused before anything is written
    assert window.ws is not None and window.ws.station() is None
    assert page.device_name_edit.maxLength() == numbering.MAX_DEVICE_NAME
    page.device_name_edit.setText("4号窗口（东）")
    with qtbot.waitSignal(window.ready, timeout=TIMEOUT_MS):
        page.create_button.click()
    ws = window.ws
    with ws.store.read() as s:
        assert (numbering.device_no(s), numbering.device_name(s)) == (4, "4号窗口（东）")
    ws.import_matters(sample_matters(), source="tests")
    rec = ws.cases.new_case(matter_code=DISTRICT,
                            applicant=PersonInput(name="王五", id_no=id_factory(1)))
    assert rec.case_no.split("-")[-1] == "040001"  # window 04, its first case


def test_device_name_rules_live_in_clerk(tmp_path: Path, clock: Any) -> None:
    assert numbering.validate_device_name(" 2号窗口 ") == "2号窗口"
    for bad in ("", "   ", "窗" * 21, "2号\n窗口"):
        with pytest.raises(ValidationError) as err:
            numbering.validate_device_name(bad)
        assert err.value.code == "device.name"
    ws = Workspace.open(tmp_path / "fresh", clock=clock)
    try:
        for bad_no, bad_name in ((100, ""), (2, "窗" * 21)):
            with pytest.raises(ValidationError):  # nothing stored: no station
                ws.init_station(code=STATION_CODE, name="测试站", admin=ADMIN,
                                password=ADMIN_PASSWORD, device_no=bad_no, device_name=bad_name)
            assert ws.station() is None
    finally:
        ws.close()


@pytest.fixture
def second_pc(station: Workspace, tmp_path: Path, clock: Any) -> Iterator[Workspace]:
    """Another PC of the enrolled station (window 1, "1号窗口"), set up as window 1 too."""
    ws = Workspace.open(tmp_path / "pc2", clock=clock)
    ws.init_station(code=STATION_CODE, name="测试站", admin=ADMIN, password=ADMIN_PASSWORD,
                    device_no=1, device_name="前台")
    yield ws
    ws.close()


def test_enrolling_with_a_taken_window_number_is_refused_in_the_dialog(
        qtbot: QtBot, second_pc: Workspace, district: ClockedDistrict, tmp_path: Path) -> None:
    dialog = EnrollDialog(second_pc, district.base)
    qtbot.addWidget(dialog)
    dialog.show()
    # The name and number given at set-up come back.
    assert dialog.name_edit.text() == "前台" and dialog.number_spin.value() == 1
    dialog.code_edit.setText(district.issue_code())
    dialog.name_edit.setText("")
    dialog.submit()
    assert "本机名称" in dialog.message.text() and dialog.message.isVisible()
    dialog.name_edit.setText("前台")
    qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.enroll_button.isEnabled(), timeout=TIMEOUT_MS)
    # Window 1 is the first PC's: the district says so, and the code is not spent.
    assert "窗口号 1" in dialog.message.text() and "另设窗口号" in dialog.message.text()
    assert engine.stored_token(second_pc) is None
    dialog.grab().save(str(tmp_path / "enroll.png"))
    dialog.number_spin.setValue(2)
    dialog.name_edit.setText("2号窗口")
    with qtbot.waitSignal(dialog.enrolled, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
    enrolled = blocker.args[0]
    assert (enrolled.device_name, enrolled.device_no) == ("2号窗口", 2)
    with second_pc.store.read() as s:
        assert (numbering.device_no(s), numbering.device_name(s)) == (2, "2号窗口")
