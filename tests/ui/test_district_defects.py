"""Defects of the district window seen in use (issue 17): the timeline names people by
their display names, a proxy agent sees 准予/不予批准 once, 记录进展 suggests no step once
the result is in, and the window fits a 1366×768 screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk.workspace import Workspace
from tests.districtkit import PASSWORD, escalated_case
from tests.ui.district_fixtures import TIMEOUT_MS, ClockedDistrict, sync, window
from ui.district.proxy import ProxyPage


def _user(district: ClockedDistrict, username: str, role: str, display: str) -> str:
    from district import admin

    db = district.db()
    try:
        admin.create_user(db, username=username, password=PASSWORD, role=role,
                          display_name=display, now=district.clock())
    finally:
        db.close()
    r = district.post("/auth/login", json={"username": username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return str(r.json()["token"])


def test_proxy_agent_sees_names_one_hand_over_and_no_stale_step(
        qtbot: QtBot, station: Workspace, district: ClockedDistrict, id_factory: object,
        tmp_path: Path) -> None:
    rec = escalated_case(station, id_factory(1))  # type: ignore[operator]
    sync(station)
    reviewer = _user(district, "li.shen", "reviewer", "李审")
    _user(district, "wang.dai", "proxy", "王代")
    for path, body, v in (("take", {}, 3), ("assign", {"proxy_agent": "wang.dai"}, 4)):
        r = district.post(f"/cases/{rec.id}/{path}", reviewer,
                          json={"expected_version": v, **body})
        assert r.status_code == 200, r.text
    w = window(qtbot, district, tmp_path, "wang.dai")
    page = w.page("mine")
    assert isinstance(page, ProxyPage)
    timeline = page.detail.timeline_view.toPlainText()
    assert "李审" in timeline and "li.shen" not in timeline  # a reviewer, not in `proxies`
    panel = page.detail.panel
    for _ in range(3):
        with qtbot.waitSignal(page.detail.loaded, timeout=TIMEOUT_MS):
            qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    # The result is in: the bar offers the hand-over, the panel does not repeat it.
    assert page.approve_button.isVisible() and page.deny_button.isVisible()
    assert not panel.buttons["approve"].isVisible()
    assert not panel.buttons["deny"].isVisible()
    # F9 still opens the approval form.
    qtbot.keyClick(page, Qt.Key.Key_F9)
    assert panel.current_form == "approve"
    panel.hide_form()
    # 记录进展 suggests no step any more (it used to offer 提交部门 again).
    panel.open_form("proxy-step")
    assert panel.current_form == "proxy-step"
    assert panel.step_combo.currentText() == ""


def test_window_fits_a_1366x768_screen(qtbot: QtBot, district: ClockedDistrict,
                                       tmp_path: Path) -> None:
    _user(district, "li.shen", "reviewer", "李审")
    w = window(qtbot, district, tmp_path, "li.shen", size=(1366, 768))
    assert w.minimumSizeHint().height() <= 768 - 40
    assert w.height() <= 768
    bar = w.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() <= w.height()
