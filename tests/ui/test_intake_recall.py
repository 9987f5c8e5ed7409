"""全区通办 on the 受理 page: a number unknown here is recalled from the district (masked,
documents with where and when), 显示完整信息 fills the form and puts the documents on
file; offline, the page says so in a line and goes on with the station's own records."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk.applicants import PersonInput
from clerk.cases.checklist import ItemStatus
from clerk.cases.service import MaterialChanges
from clerk.validation import mask_id_no
from clerk.workspace import Workspace
from sync import engine
from tests import districtkit
from tests.conftest import FakeClock, copy_template
from tests.districtkit import District, ThreadedServer, enroll_station, make_app
from tests.ui.conftest import shown_intake_page
from ui.common.operations import synchronous_operations
from ui.station.intake.page import IntakePage
from ui.station.session import Session

IdFactory = Callable[..., str]
PENSION = "BJ-RS-GG-001"
ELDERLY = "BJ-MZ-JF-003"
MOBILE = "13700137011"  # synthetic
# The district's SQLite database fixtures (tests/ui's conftest does not register them).
sqlite_district_template = districtkit.sqlite_district_template
sqlite_url = districtkit.sqlite_url


@pytest.fixture(autouse=True)
def _inline_operations(qapp: QApplication) -> Iterator[None]:
    with synchronous_operations():
        yield


@pytest.fixture
def server(sqlite_url: str, clock: FakeClock) -> Iterator[tuple[District, ThreadedServer]]:
    app = make_app(sqlite_url, clock=clock)
    with ThreadedServer(app) as threaded, requests.Session() as http:
        yield District(url=sqlite_url, base=threaded.base, app=app, clock=clock,
                       http=http), threaded
    app.state.ctx.db.close()


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> IntakePage:
    return shown_intake_page(qtbot, session, height=900)


def served_at_window_5(d: District, tmp_path: Path, station_template: Path,
                       clock: FakeClock, id_no: str) -> None:
    """Another counter of the station accepted a pension case of 钱进 and synced it."""
    folder = copy_template(station_template, tmp_path / "window-5")
    other = Workspace.open(folder, clock=clock)
    try:
        engine.enroll(other, d.base, d.station(), device_no=5)
        rec = other.cases.new_case(
            matter_code=PENSION, applicant=PersonInput(name="钱进", id_no=id_no, mobile=MOBILE),
            changes=MaterialChanges(received=["pension_registration_form", "hukou_booklet",
                                              "id_card"]))
        other.cases.accept(rec.case_no)
        assert engine.sync_round(other).outcome == "done"
    finally:
        other.close()


def type_id(qtbot: QtBot, page: IntakePage, id_no: str) -> None:
    page.matter_picker.search_edit.clear()
    qtbot.keyClicks(page.matter_picker.search_edit, ELDERLY)
    qtbot.keyClick(page.matter_picker.search_edit, Qt.Key.Key_Return)
    with qtbot.waitSignal(page.district_recalled, timeout=10_000):
        qtbot.keyClicks(page.applicant.id_edit, id_no)


def test_a_person_known_elsewhere_is_recalled_masked_then_revealed(
        qtbot: QtBot, page: IntakePage, session: Session, server: tuple[District, Any],
        tmp_path: Path, station_template: Path, clock: FakeClock,
        id_factory: IdFactory) -> None:
    d, _ = server
    id_no = id_factory(31)
    served_at_window_5(d, tmp_path, station_template, clock, id_no)
    enroll_station(session.ws, d)
    type_id(qtbot, page, id_no)
    box = page.applicant.district_box
    assert box.isVisible() and box.reveal_button.isEnabled()
    text = box.title.text()
    assert "区内已有记录" in text and "钱*" in text and mask_id_no(id_no) in text
    assert "137****7011" in text and "海淀区测试社区便民服务站" in text and "2026-03-02" in text
    assert "钱进" not in text and MOBILE not in text
    assert page.applicant.name_edit.text() == ""  # masked: nothing filled yet
    assert not page.applicant.recall_label.isVisible()  # no "新申请人" beside it
    box.reason.setEditText("本人到窗口申领高龄津贴")
    with qtbot.waitSignal(page.person_revealed, timeout=10_000):
        qtbot.mouseClick(box.reveal_button, Qt.MouseButton.LeftButton)
    assert page.applicant.name_edit.text() == "钱进"
    assert page.applicant.mobile_edit.text() == MOBILE
    assert not box.isVisible() and "证照库" in page.applicant.recall_label.text()
    row = page.checklist_model.find("id_card")
    assert row is not None and row.status == ItemStatus.ON_FILE
    # The district logged both, with the reason, and no number.
    admin = d.user("zhao.admin", "admin")
    log = d.get("/admin/security-events", admin,
                params={"kind": ["person.lookup", "person.revealed"]}).json()["items"]
    assert [e["kind"] for e in log] == ["person.revealed", "person.lookup"]
    assert "本人到窗口申领高龄津贴" in log[0]["detail"] and id_no not in str(log)


def test_offline_the_page_says_so_and_goes_on(
        qtbot: QtBot, page: IntakePage, session: Session, sqlite_url: str, clock: FakeClock,
        id_factory: IdFactory) -> None:
    app = make_app(sqlite_url, clock=clock)
    with ThreadedServer(app) as threaded, requests.Session() as http:
        enroll_station(session.ws, District(url=sqlite_url, base=threaded.base, app=app,
                                            clock=clock, http=http))
    app.state.ctx.db.close()  # the district has gone away
    type_id(qtbot, page, id_factory(32))
    box = page.applicant.district_box
    assert box.isVisible() and not box.reveal_button.isVisible()
    assert "区中心暂时无法查询" in box.note.text()
    assert "新申请人" in page.applicant.recall_label.text()
    qtbot.keyClicks(page.applicant.mobile_edit, "1390")  # typing was never blocked
    assert page.applicant.mobile_edit.text() == "1390"


def test_unknown_in_the_district_too(qtbot: QtBot, page: IntakePage, session: Session,
                                     server: tuple[District, Any],
                                     id_factory: IdFactory) -> None:
    d, _ = server
    enroll_station(session.ws, d)
    type_id(qtbot, page, id_factory(33))
    assert "区内也没有此人的记录" in page.applicant.district_box.note.text()
    page.applicant.id_edit.backspace()  # another number: the note goes
    assert not page.applicant.district_box.isVisible()
