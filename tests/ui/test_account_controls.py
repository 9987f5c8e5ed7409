"""Everyday controls of the station window: lock now (Ctrl+L), sign out, change one's
own password, the admin's password reset that forces a change at the next sign-in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk.workspace import Workspace
from tests.conftest import ADMIN, ADMIN_PASSWORD
from ui.app import build_window
from ui.station.main_window import MainWindow


def _open(qtbot: QtBot, data_dir: Path) -> MainWindow:
    window = build_window(data_dir)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.load()
    return window


def _sign_in(qtbot: QtBot, window: MainWindow, user: str = ADMIN,
             password: str = ADMIN_PASSWORD) -> None:
    page = window.login_page
    page.user_combo.setCurrentIndex(page.user_combo.findData(user))
    page.password_edit.setText(password)
    with qtbot.waitSignal(window.ready if user != ADMIN else window.signed_in,
                          timeout=20_000):
        page.login_button.click()


def test_ctrl_l_locks_and_the_menu_signs_out(qtbot: QtBot, data_dir: Path) -> None:
    window = _open(qtbot, data_dir)
    assert not window.menuBar().isVisible()  # nothing to lock before sign-in
    _sign_in(qtbot, window)
    assert window.menuBar().isVisible() and window.lock_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.screens.currentWidget() is window.lock_page
    assert not window.menuBar().isVisible()
    window.lock_page.password_edit.setText(ADMIN_PASSWORD)
    window.lock_page.password_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.work, timeout=20_000)
    window.sign_out_action.trigger()
    assert window.screens.currentWidget() is window.login_page
    assert "未登录" in window.clerk_label.text()


def test_change_own_password(qtbot: QtBot, data_dir: Path) -> None:
    window = _open(qtbot, data_dir)
    _sign_in(qtbot, window)
    window.password_action.trigger()
    page = window.password_page
    assert window.screens.currentWidget() is page
    page.current_edit.setText(ADMIN_PASSWORD)
    page.new_edit.setText("a-new-secret-9")
    page.repeat_edit.setText("a-new-secret-8")
    page.save_button.click()
    assert "不一致" in page.error_label.text()
    page.current_edit.setText("wrong-password")
    page.new_edit.setText("a-new-secret-9")
    page.repeat_edit.setText("a-new-secret-9")
    page.save_button.click()
    qtbot.waitUntil(lambda: "当前密码不正确" in page.error_label.text(), timeout=20_000)
    page.current_edit.setText(ADMIN_PASSWORD)
    page.save_button.click()
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.work, timeout=20_000)
    assert "密码已修改" in window.statusBar().currentMessage()
    ws = window.ws
    assert ws is not None and ws.accounts.authenticate(ADMIN, "a-new-secret-9") is not None
    window.password_action.trigger()
    page.cancel_button.click()  # cancelling a voluntary change goes back to work
    assert window.screens.currentWidget() is window.work


def test_admin_reset_forces_a_new_password(qtbot: QtBot, data_dir: Path) -> None:
    window = _open(qtbot, data_dir)
    _sign_in(qtbot, window)
    ws: Workspace | None = window.ws
    assert ws is not None
    ws.accounts.create(username="li", password="long-enough-1", role="clerk",
                       display_name="李窗口")
    window.show_page("settings")
    settings = window.page("settings")
    qtbot.waitUntil(lambda: settings.accounts_table.rowCount() == 2, timeout=20_000)
    settings.accounts_table.selectRow(1)
    settings.reset_selected()
    qtbot.waitUntil(lambda: "一次性密码" in settings.accounts_status.text(), timeout=20_000)
    one_time = settings.last_one_time_password
    assert one_time and one_time in settings.accounts_status.text()
    window.sign_out()
    qtbot.waitUntil(lambda: window.login_page.user_combo.findData("li") >= 0, timeout=20_000)
    _sign_in(qtbot, window, "li", one_time)
    page = window.password_page
    assert window.screens.currentWidget() is page  # the work area stays closed
    assert not window.menuBar().isVisible()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.screens.currentWidget() is page
    page.current_edit.setText(one_time)
    page.new_edit.setText("li-chose-this-1")
    page.repeat_edit.setText("li-chose-this-1")
    with qtbot.waitSignal(window.signed_in, timeout=20_000):
        page.save_button.click()
    assert window.screens.currentWidget() is window.work
    account = ws.accounts.authenticate("li", "li-chose-this-1")
    assert account is not None and not account.must_change_password


def test_forced_change_can_only_be_left_by_signing_out(qtbot: QtBot, data_dir: Path,
                                                       ) -> None:
    window = _open(qtbot, data_dir)
    qtbot.waitUntil(lambda: window.ws is not None, timeout=20_000)
    ws = window.ws
    assert ws is not None
    ws.accounts.create(username="li", password="long-enough-1", role="clerk")
    one_time = ws.accounts.reset_password("li")
    window.sign_out()  # the sign-in list is reloaded with li
    qtbot.waitUntil(lambda: window.login_page.user_combo.findData("li") >= 0, timeout=20_000)
    _sign_in(qtbot, window, "li", one_time)
    assert window.screens.currentWidget() is window.password_page
    window.password_page.cancel_button.click()
    assert window.screens.currentWidget() is window.login_page
    # The pages may be built (the 受理 page is made before sign-in), never for li.
    assert not window.pages_signed_in
    assert window.session is not None
    assert all(getattr(page, "_session", None) is not window.session
               for page in window.work.built_pages())


def test_station_details_and_settings_are_confirmed(qtbot: QtBot, data_dir: Path) -> None:
    window = _open(qtbot, data_dir)
    _sign_in(qtbot, window)
    window.show_page("settings")
    page = window.page("settings")
    qtbot.waitUntil(lambda: bool(page.station_name_edit.text()), timeout=20_000)
    page.station_phone_edit.setText("not a phone")
    page.save_station()
    qtbot.waitUntil(lambda: "咨询电话" in page.station_status.text(), timeout=20_000)
    ws = window.ws
    assert ws is not None and ws.station().phone != "not a phone"  # type: ignore[union-attr]
    page.station_name_edit.setText("学院路第二社区便民服务站")
    page.station_phone_edit.setText("010-6234 5678")
    page.station_address_edit.setText("学院路 2 号")
    page.save_station()
    qtbot.waitUntil(lambda: "已保存" in page.station_status.text(), timeout=20_000)
    assert "学院路第二社区" in window.station_label.text()
    assert "学院路第二社区" in window.windowTitle()
    info = ws.station()
    assert info is not None and (info.phone, info.address) == ("010-6234 5678", "学院路 2 号")
    with qtbot.waitSignal(page.saved, timeout=20_000):
        page.save()
    assert "设置已保存" in page.save_status.text()
