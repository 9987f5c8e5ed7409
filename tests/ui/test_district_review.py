"""District mode, reviewer: the queue, the case detail and the actions, through the real
widgets against a real district service (uvicorn subprocess, SQLite)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk.cases.states import State
from clerk.workspace import Workspace
from tests.districtkit import escalated_case
from tests.ui.district_fixtures import (
    TIMEOUT_MS,
    ClockedDistrict,
    staff,
    sync,
    window,
)
from ui.district.queue import QueuePage
from ui.district.queue_model import QueueModel

IdFactory = Callable[..., str]


def open_first(qtbot: QtBot, page: QueuePage) -> None:
    """The first (most urgent) case is selected and shown as the queue opens."""
    first = page.model.row_at(0).case_id
    assert page.view.currentIndex().row() == 0
    if page.detail.data is None or page.detail.data.detail.case_id != first:
        with qtbot.waitSignal(page.detail.loaded, timeout=TIMEOUT_MS):
            pass


def act(qtbot: QtBot, page: QueuePage, action: str) -> None:
    """Confirm the open form (or click the button of a one-step action) and wait for the
    reloaded case."""
    panel = page.detail.panel
    with qtbot.waitSignal(page.detail.action_done, timeout=TIMEOUT_MS), \
            qtbot.waitSignal(page.detail.loaded, timeout=TIMEOUT_MS):
        if action == "take":
            qtbot.mouseClick(panel.buttons["take"], Qt.MouseButton.LeftButton)
        else:
            qtbot.mouseClick(panel.confirm_buttons[action], Qt.MouseButton.LeftButton)


def test_reviewer_takes_and_returns_a_case(qtbot: QtBot, station: Workspace,
                                            district: ClockedDistrict, id_factory: IdFactory,
                                            tmp_path: Path) -> None:
    rec = escalated_case(station, id_factory(1))
    sync(station)
    staff(district, "li.shen")
    w = window(qtbot, district, tmp_path, "li.shen")
    page = w.page("queue")
    assert isinstance(page, QueuePage)
    assert page.model.rowCount() == 1 and page.model.total == 1
    row = page.model.row_at(0)
    assert (row.case_no, row.state, row.level) == (rec.case_no, "escalated", "normal")
    assert row.applicant == "张*"  # masked in the list
    assert page.model.data(page.model.index(0, QueueModel.STATION)) == "海淀区测试社区便民服务站"

    open_first(qtbot, page)
    detail = page.detail
    assert detail.data is not None and detail.data.detail.case_no == rec.case_no
    # The ID number is masked until the reviewer asks for it.
    full = rec.applicant["id_no"]
    assert full not in detail.summary_view.toPlainText()
    assert full[:6] + "********" + full[-4:] in detail.summary_view.toPlainText()
    # Asking for it takes a reason, which the district logs with who and when.
    detail._link(__import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl("reveal:"))
    assert detail.reveal_row.isVisibleTo(detail) and full not in detail.summary_view.toPlainText()
    detail.confirm_reveal()
    assert "理由" in detail.banner.text()
    detail.reveal_reason.setText("核对申请人身份")
    detail.confirm_reveal()
    qtbot.waitUntil(lambda: full in detail.summary_view.toPlainText(), timeout=TIMEOUT_MS)
    assert not detail.reveal_row.isVisibleTo(detail)
    detail._link(__import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl("reveal:"))
    assert full not in detail.summary_view.toPlainText()  # hidden again, no new request
    assert "受理回执" in detail.documents_view.toPlainText()
    assert "上报区级" in detail.timeline_view.toPlainText()
    panel = detail.panel
    assert panel.buttons["take"].isVisible() and not panel.buttons["approve"].isVisible()

    act(qtbot, page, "take")
    assert detail.data.state == State.UNDER_REVIEW
    assert "已接件" in detail.banner.text()
    assert page.model.row_at(0).state == "under_review"

    # Return for correction: pick the items from the matter's materials, with a note.
    panel.open_form("return")
    assert panel.current_form == "return"
    qtbot.mouseClick(panel.confirm_buttons["return"], Qt.MouseButton.LeftButton)
    assert "至少一项" in panel.errors["return"].text()  # nothing picked yet
    names = [panel.return_list.item(i).text() for i in range(panel.return_list.count())]
    income = names.index(next(n for n in names if "收入" in n))
    panel.return_list.item(income).setCheckState(Qt.CheckState.Checked)
    panel.return_note.setPlainText("收入证明须加盖单位公章")  # keyClicks types ASCII only
    act(qtbot, page, "return")
    assert detail.data.state == State.RETURNED
    assert "第 1 次退回补正" in detail.summary_view.toPlainText()
    assert not panel.buttons["return"].isVisible()

    # The station sees the task with the reviewer's items and note.
    report = sync(station)
    assert report.pull.tasks == [rec.case_no]
    task = station.cases.get(rec.case_no)
    assert task.state == State.RETURNED
    assert task.returns[-1]["note"] == "收入证明须加盖单位公章"
    assert [i["key"] for i in task.returns[-1]["items"]] == ["income_proof"]


def test_a_stale_action_is_explained_and_the_view_refreshed(
        qtbot: QtBot, station: Workspace, district: ClockedDistrict, id_factory: IdFactory,
        tmp_path: Path) -> None:
    rec = escalated_case(station, id_factory(2))
    sync(station)
    other = staff(district, "zhao.shen")
    staff(district, "li.shen")
    w = window(qtbot, district, tmp_path, "li.shen")
    page = w.page("queue")
    assert isinstance(page, QueuePage)
    open_first(qtbot, page)
    assert page.detail.data is not None and page.detail.data.detail.version == 3
    # Someone else takes the case meanwhile.
    r = district.post(f"/cases/{rec.id}/take", other, json={"expected_version": 3})
    assert r.status_code == 200
    with qtbot.waitSignal(page.detail.action_failed, timeout=TIMEOUT_MS), \
            qtbot.waitSignal(page.detail.loaded, timeout=TIMEOUT_MS):
        qtbot.mouseClick(page.detail.panel.buttons["take"], Qt.MouseButton.LeftButton)
    assert "刚刚被别人处理过" in page.detail.banner.text()
    assert page.detail.data.detail.version == 4
    assert page.detail.data.state == State.UNDER_REVIEW
    # Refreshed: the case now offers what an under-review case allows.
    assert page.detail.panel.buttons["approve"].isVisible()


def test_reviewer_assigns_and_approves(qtbot: QtBot, station: Workspace,
                                       district: ClockedDistrict, id_factory: IdFactory,
                                       tmp_path: Path) -> None:
    rec = escalated_case(station, id_factory(3))
    sync(station)
    staff(district, "wang.dai", "proxy")
    staff(district, "li.shen")
    w = window(qtbot, district, tmp_path, "li.shen")
    page = w.page("queue")
    assert isinstance(page, QueuePage)
    open_first(qtbot, page)
    panel = page.detail.panel
    panel.open_form("assign")
    assert panel.assign_combo.currentData() == "wang.dai"
    act(qtbot, page, "assign")
    assert page.detail.data is not None
    assert page.detail.data.detail.proxy_agent == "wang.dai"
    panel.open_form("approve")
    panel.approve_doc.setText("海民准〔2026〕7号")
    act(qtbot, page, "approve")
    assert page.detail.data.state == State.APPROVED
    assert "海民准〔2026〕7号" in page.detail.summary_view.toPlainText()
    report = sync(station)
    assert report.pull.decisions == [rec.case_no]
    assert station.cases.get(rec.case_no).state == State.APPROVED
