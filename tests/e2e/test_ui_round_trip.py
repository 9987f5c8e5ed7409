"""One case through the windows (DESIGN section 14): the station window takes the
application and escalates it, "立即同步" carries it up; the reviewer's district window
returns it for correction; the station sees the task, supplements and resubmits at the
counter; the reviewer approves; the station hands the result over with the citizen's
rating; the rating reaches the district as a follow-up item. Real widgets on both sides,
a real district service (uvicorn subprocess, SQLite), real background threads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk.cases.checklist import ItemStatus
from clerk.cases.states import State
from clerk.workspace import Workspace
from tests.conftest import ADMIN, ADMIN_PASSWORD, FakeClock
from tests.districtkit import enroll_station
from tests.ui.district_fixtures import (
    TIMEOUT_MS,
    ClockedDistrict,
    clocked_district,
    staff,
    window,
)
from tests.ui.operations_drain import drain_operations
from ui.app import build_window
from ui.common.operations import synchronous_operations
from ui.station.intake.work import Decision
from ui.station.main_window import Credentials, MainWindow
from ui.station.sync_page import SyncPage
from ui.station.tasks_page import TasksPage

IdFactory = Callable[..., str]


@pytest.fixture(autouse=True)
def _no_work_left_running(qapp: QApplication) -> Iterator[None]:
    yield
    drain_operations(qapp)
DISABILITY = "BJ-CL-GG-001"  # 残疾人证新办: district level
MATERIALS = ("id_card", "hukou_booklet", "photo_2inch", "disability_application_form",
             "disability_assessment_form")


@pytest.fixture
def district(tmp_path: Path, sqlite_district_template: Path,
             clock: FakeClock) -> Iterator[ClockedDistrict]:
    with clocked_district(tmp_path, sqlite_district_template, clock) as d:
        yield d


@pytest.fixture
def station_window(qtbot: QtBot, data_dir: Path, district: ClockedDistrict
                   ) -> Iterator[MainWindow]:
    """The station's window, its station enrolled with the district (no background
    rounds: the test clicks 立即同步 itself)."""
    # The station's window runs on the real clock: so do the district and its admin.
    district.clock = lambda: datetime.now(UTC)
    district.set_time(datetime.now(UTC))
    ws = Workspace.open(data_dir)
    enroll_station(ws, district)
    ws.set_setting("sync.interval_minutes", "0")
    ws.close()
    w = build_window(data_dir, auto_login=Credentials(ADMIN, ADMIN_PASSWORD))
    qtbot.addWidget(w)
    with qtbot.waitSignals([w.signed_in, w.ready], timeout=TIMEOUT_MS):  # usable with data
        w.show()
        w.load()
    yield w


def sync_now(qtbot: QtBot, w: MainWindow) -> Any:
    page = w.page("sync")
    assert isinstance(page, SyncPage) and page.controller is not None
    w.show_page("sync")
    with qtbot.waitSignal(page.controller.finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT_MS):
        pass  # the status read after the round
    report = blocker.args[0]
    assert report.ok, report.error
    return report


def intake(qtbot: QtBot, w: MainWindow, id_no: str) -> str:
    """At the counter: matter, applicant, form, materials; accept (the receipt prints)."""
    page: Any = w.page("intake")
    w.show_page("intake")
    with synchronous_operations():
        picker = page.matter_picker
        qtbot.keyClicks(picker.search_edit, DISABILITY)
        qtbot.keyClick(picker.search_edit, Qt.Key.Key_Return)
        assert picker.matter() is not None and picker.matter().code == DISABILITY
        qtbot.keyClicks(page.applicant.id_edit, id_no)
        qtbot.keyClick(page.applicant.id_edit, Qt.Key.Key_Return)
        page.applicant.name_edit.setText("郑华")
        page.form_panel.set_raw_values({"disability_category": "肢体残疾"})
        for key in MATERIALS:
            assert page.checklist_model.set_status(key, ItemStatus.RECEIVED)
        assert page.decision_button(Decision.ACCEPT).isEnabled()
        with qtbot.waitSignal(page.decision_done, timeout=TIMEOUT_MS) as blocker:
            qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return str(blocker.args[0])


def station_case(w: MainWindow, case_no: str) -> Any:
    assert w.ws is not None
    return w.ws.cases.get(case_no)


def test_one_case_through_station_and_district_windows(
        qtbot: QtBot, station_window: MainWindow, district: ClockedDistrict,
        id_factory: IdFactory, tmp_path: Path) -> None:
    w = station_window
    # The link is read just after the counter is ready (before, the label is neutral).
    qtbot.waitUntil(lambda: "读取" not in w.network_label.text(), timeout=TIMEOUT_MS)
    assert "未连接" not in w.network_label.text(), "the enrolled station says so"

    # Station: intake, then escalate from the case's detail, then sync now.
    case_no = intake(qtbot, w, id_factory(1))
    assert station_case(w, case_no).state == State.ACCEPTED
    cases: Any = w.page("cases")
    w.show_page("cases")
    with qtbot.waitSignal(cases.detail.loaded, timeout=TIMEOUT_MS,
                          check_params_cb=lambda no: no == case_no):
        cases.show_case(case_no)
    with qtbot.waitSignal(cases.detail.case_changed, timeout=TIMEOUT_MS):
        qtbot.mouseClick(cases.detail.escalate_button, Qt.MouseButton.LeftButton)
    assert station_case(w, case_no).state == State.ESCALATED
    report = sync_now(qtbot, w)
    assert report.push.accepted == 3
    sync_page = w.page("sync")
    assert isinstance(sync_page, SyncPage)
    assert "在线" in sync_page.state_label.text()
    qtbot.waitUntil(lambda: "● 在线" in w.network_label.text(), timeout=TIMEOUT_MS)
    assert w.pending_label.text().endswith("0")

    # District: the reviewer takes the case and returns it for a new photo.
    staff(district, "li.shen")
    d = window(qtbot, district, tmp_path, "li.shen")
    queue: Any = d.page("queue")
    assert [queue.model.row_at(i).case_no for i in range(queue.model.rowCount())] == [case_no]
    assert queue.detail.data is not None  # the most urgent case opens with the queue
    panel = queue.detail.panel

    def act(action: str) -> None:
        with qtbot.waitSignal(queue.detail.action_done, timeout=TIMEOUT_MS), \
                qtbot.waitSignal(queue.detail.loaded, timeout=TIMEOUT_MS):
            button = panel.buttons["take"] if action == "take" else panel.confirm_buttons[action]
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    act("take")
    panel.open_form("return")
    for i in range(panel.return_list.count()):
        item = panel.return_list.item(i)
        if item.data(Qt.ItemDataRole.UserRole)["key"] == "photo_2inch":
            item.setCheckState(Qt.CheckState.Checked)
    panel.return_note.setPlainText("照片背景不是白色，请重拍")
    act("return")
    assert queue.detail.data.state == State.RETURNED

    # Station: the task appears in 待办 with the reviewer's items and note.
    report = sync_now(qtbot, w)
    assert report.pull.tasks == [case_no]
    tasks = w.page("tasks")
    assert isinstance(tasks, TasksPage)
    with qtbot.waitSignal(tasks.loaded, timeout=TIMEOUT_MS):
        w.show_page("tasks")
    returned = tasks.models[TasksPage.RETURNED]
    assert [returned.row_at(i).key for i in range(returned.rowCount())] == [case_no]
    opinion = " ".join(str(returned.data(returned.index(0, c))) for c in
                       range(returned.columnCount()))
    assert "照片背景不是白色" in opinion

    # Supplement at the counter and resubmit with the same case number.
    intake_page: Any = w.page("intake")
    with synchronous_operations():
        with qtbot.waitSignal(intake_page.case_loaded, timeout=TIMEOUT_MS):
            w.bus.resume_case.emit(case_no)
        assert "照片背景不是白色" in intake_page.mode_label.text()
        assert intake_page.checklist_model.set_status("photo_2inch", ItemStatus.RECEIVED)
        resubmit = intake_page.decision_button(Decision.RESUBMIT)
        assert resubmit.isVisible() and resubmit.isEnabled(), resubmit.toolTip()
        with qtbot.waitSignal(intake_page.decision_done, timeout=TIMEOUT_MS):
            qtbot.mouseClick(resubmit, Qt.MouseButton.LeftButton)
    assert station_case(w, case_no).state == State.ESCALATED
    report = sync_now(qtbot, w)
    assert report.push.accepted >= 1 and not report.push.rejected  # the supplement, resubmission

    # District: take again and approve.
    with qtbot.waitSignal(queue.model.loaded, timeout=TIMEOUT_MS):
        queue.reload()
    with qtbot.waitSignal(queue.detail.loaded, timeout=TIMEOUT_MS):
        queue.detail.reload()
    assert queue.detail.data.state == State.ESCALATED
    act("take")
    panel.open_form("approve")
    panel.approve_doc.setText("海残准〔2026〕8号")
    act("approve")
    assert queue.detail.data.state == State.APPROVED

    # Station: the result to hand over; complete with a bad rating.
    assert sync_now(qtbot, w).pull.decisions == [case_no]
    with qtbot.waitSignal(tasks.loaded, timeout=TIMEOUT_MS):
        w.show_page("tasks")
    results = tasks.models[TasksPage.RESULTS]
    assert [results.row_at(i).key for i in range(results.rowCount())] == [case_no]
    w.show_page("cases")
    with qtbot.waitSignal(cases.detail.loaded, timeout=TIMEOUT_MS,
                          check_params_cb=lambda no: no == case_no):
        cases.show_case(case_no)
    detail = cases.detail
    qtbot.mouseClick(detail.complete_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(detail.case_changed, timeout=TIMEOUT_MS):
        qtbot.mouseClick(detail.confirm_complete_button, Qt.MouseButton.LeftButton)
    # The citizen rates on the customer display (the counter's rating device).
    display = w.customer.display
    assert display is not None and display.isVisible()
    qtbot.waitUntil(lambda: display.view.case_no == case_no, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(w.customer.rating_recorded, timeout=TIMEOUT_MS):
        qtbot.mouseClick(display.rating_buttons[2], Qt.MouseButton.LeftButton)
    done = station_case(w, case_no)
    assert done.state == State.COMPLETED and done.rating["score"] == 2
    assert done.rating["channel"] == "device"
    assert sync_now(qtbot, w).push.accepted == 2  # the hand-over, then the rating

    # District: the bad rating is a follow-up item; station and district reconcile.
    ratings: Any = d.page("ratings")
    with qtbot.waitSignal(ratings.ready, timeout=TIMEOUT_MS):
        d.show_page("ratings")
    with qtbot.waitSignal(ratings.ready, timeout=TIMEOUT_MS):
        ratings.reload()
    assert [ratings.items.row_at(i).payload.case_no
            for i in range(ratings.items.rowCount())] == [case_no]
    assert ratings.items.row_at(0).payload.channel == "device"
    with qtbot.waitSignal(sync_page.reconciled, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(sync_page.reconcile_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].reconciled
    assert "已对账" in sync_page.reconcile_label.text()
    QApplication.processEvents()
