"""First start, sign-in, idle lock, settings and accounts, through the real window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from clerk.store import DB_FILENAME, keys
from tests.conftest import ADMIN, ADMIN_PASSWORD, station_migrations
from ui.app import build_window
from ui.station.main_window import Credentials, MainWindow
from ui.station.recovery_dialog import RecoveryKeyDialog


def _open(qtbot: QtBot, data_dir: Path, **kw: object) -> MainWindow:
    window = build_window(data_dir, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.load()
    return window


def _sign_in(qtbot: QtBot, window: MainWindow, password: str = ADMIN_PASSWORD) -> None:
    window.login_page.password_edit.setText(password)
    with qtbot.waitSignal(window.signed_in, timeout=20_000):
        window.login_page.login_button.click()


def _sign_in_as(qtbot: QtBot, window: MainWindow, username: str, password: str) -> None:
    with qtbot.waitSignal(window.signed_in, timeout=20_000):
        window.login_page.login_requested.emit(username, password)


def test_first_start_setup_then_sign_in(qtbot: QtBot, tmp_path: Path) -> None:
    window = _open(qtbot, tmp_path / "new")
    assert window.screens.currentWidget() is window.setup_page
    page = window.setup_page
    page.code_edit.setText("123")
    page.name_edit.setText("某站")
    page.password_edit.setText("pass-word-1")
    page.password2_edit.setText("pass-word-1")
    page.create_button.click()
    assert "12" in page.error_label.text()  # refused before anything is written
    page.code_edit.setText("110105002003")
    page.admin_name_edit.setText("张站长")
    # the name implies no street office: the suggested authority must be completed
    assert "待确认" in page.authority_edit.text()
    page.create_button.click()
    assert "机关" in page.error_label.text()
    page.name_edit.setText("朝阳区某某街道某站")
    assert page.authority_edit.text() == "北京市朝阳区某某街道办事处"
    page.authority_edit.setText("北京市朝阳区某某街道办事处")
    with qtbot.waitSignal(window.ready, timeout=20_000):
        page.create_button.click()
    assert window.screens.currentWidget() is window.login_page
    assert "某站" in window.station_label.text()
    # The recovery key, shown once over the sign-in screen; it unwraps the store's key.
    dialog = window.recovery_dialog
    assert isinstance(dialog, RecoveryKeyDialog) and dialog.isVisible()
    recovery_key = dialog.key_label.text()
    assert len(recovery_key.split("-")) == 8
    assert window.ws is not None and window.ws.store.key == keys.unwrap(
        keys.read_recovery_file(tmp_path / "new") or {}, recovery_key)
    slip = dialog.slip_pdf()
    assert slip.startswith(b"%PDF") and recovery_key.encode() not in slip[:200]
    dialog.done_button.click()
    assert not dialog.isVisible()
    _sign_in(qtbot, window, "pass-word-1")
    assert window.screens.currentWidget() is window.work
    assert "张站长" in window.clerk_label.text()
    assert (tmp_path / "new" / DB_FILENAME).exists()
    assert window.ws is not None and window.ws.authority().confirmed  # asked at set-up
    assert not window.authority_banner.isVisible()


def test_unconfirmed_authority_banner_until_saved(qtbot: QtBot, data_dir: Path) -> None:
    """An existing station gets a default authority and a visible prompt to confirm it."""
    window = _open(qtbot, data_dir)
    _sign_in(qtbot, window)
    qtbot.waitUntil(window.authority_banner.isVisible, timeout=20_000)
    assert "尚未确认" in window.authority_banner.text()
    window.show_page("settings")
    page: Any = window.page("settings")
    qtbot.waitUntil(lambda: bool(page.reviewer_edit.text()), timeout=20_000)
    assert page.reviewer_edit.text() == "北京市海淀区人民政府"
    page.authority_edit.setText("北京市海淀区测试街道办事处")
    page.save_authority()
    qtbot.waitUntil(lambda: not window.authority_banner.isVisible(), timeout=20_000)
    assert window.ws is not None
    assert window.ws.authority().station_level == "北京市海淀区测试街道办事处"


def test_a_station_without_recovery_key_asks_the_admin_to_make_one(
        qtbot: QtBot, data_dir: Path) -> None:
    """Encrypted by an upgrade, no recovery key yet: the admin is told once signed in and
    makes one from the banner, shown once with its slip; a clerk is not asked."""
    from clerk.workspace import Workspace

    (data_dir / keys.RECOVERY_FILENAME).unlink()
    ws = Workspace.open(data_dir)
    ws.accounts.create(username="clerk9", password="clerk-pass-9", role="clerk",
                       display_name="王五")
    ws.close()
    window = _open(qtbot, data_dir)
    _sign_in_as(qtbot, window, "clerk9", "clerk-pass-9")
    qtbot.waitUntil(window.authority_banner.isVisible, timeout=20_000)  # settings read
    qtbot.wait(200)
    assert not window.recovery_banner.isVisible()
    window.sign_out()
    _sign_in_as(qtbot, window, ADMIN, ADMIN_PASSWORD)
    qtbot.waitUntil(window.recovery_banner.isVisible, timeout=20_000)
    assert "还没有恢复密钥" in window.recovery_banner.text()
    window.recovery_banner.linkActivated.emit("recovery")
    qtbot.waitUntil(lambda: isinstance(window.recovery_dialog, RecoveryKeyDialog),
                    timeout=20_000)
    dialog = window.recovery_dialog
    assert isinstance(dialog, RecoveryKeyDialog) and dialog.isVisible()
    assert not window.recovery_banner.isVisible()
    assert window.ws is not None and window.ws.has_recovery_key()
    assert window.ws.store.key == keys.unwrap(
        keys.read_recovery_file(data_dir) or {}, dialog.key_label.text())
    assert dialog.slip_pdf().startswith(b"%PDF")
    dialog.done_button.click()
    window.sign_out()
    _sign_in_as(qtbot, window, ADMIN, ADMIN_PASSWORD)  # made once: not asked again
    qtbot.wait(500)
    assert not window.recovery_banner.isVisible()


def test_wrong_password_refused(qtbot: QtBot, data_dir: Path) -> None:
    window = _open(qtbot, data_dir)
    window.login_page.password_edit.setText("wrong-password")
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.login_page.login_button.click()
    assert window.screens.currentWidget() is window.login_page
    assert "不正确" in window.login_page.error_label.text()
    assert window.session is None


def test_idle_lock_hides_work_and_unlocks(qtbot: QtBot, data_dir: Path) -> None:
    window = _open(qtbot, data_dir)
    _sign_in(qtbot, window)
    window.idle.set_minutes(0.0005)  # 30 ms: the watcher's own timer fires, no sleeps
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.lock_page, timeout=5000)
    # Back to a real idle time: with 30 ms the unlocked window would lock again before a
    # loaded machine's waitUntil polls it, and the test would wait for nothing.
    window.idle.set_minutes(30)
    window.lock_page.password_edit.setText("nope-nope")
    window.lock_page.password_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: "不正确" in window.lock_page.error_label.text(), timeout=20_000)
    assert window.screens.currentWidget() is window.lock_page
    window.lock_page.password_edit.setText(ADMIN_PASSWORD)
    window.lock_page.password_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.work, timeout=20_000)


def test_auto_login_for_screenshots(qtbot: QtBot, data_dir: Path) -> None:
    window = build_window(data_dir, auto_login=Credentials(ADMIN, ADMIN_PASSWORD))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.signed_in, timeout=20_000):
        window.load()
    assert window.session is not None and window.session.is_admin


def test_settings_saved_and_accounts_managed(qtbot: QtBot, data_dir: Path,
                                             tmp_path: Path) -> None:
    window = _open(qtbot, data_dir)
    _sign_in(qtbot, window)
    window.show_page("settings")
    page = window.settings_page
    qtbot.waitUntil(lambda: page.accounts_table.rowCount() == 1, timeout=5000)
    page.copies_combo.setCurrentIndex(1)
    page.idle_spin.setValue(3)
    with qtbot.waitSignal(page.saved, timeout=20_000):
        page.save()
    assert window.ws is not None
    assert window.ws.setting("print.copies") == "1"
    assert window.idle.minutes == 3
    page.new_user.setText("clerk2")
    page.new_name.setText("赵窗口")
    page.new_password.setText("short")
    page.add_account()
    qtbot.waitUntil(lambda: "8" in page.accounts_status.text(), timeout=20_000)
    page.new_password.setText("long-enough-1")
    with qtbot.waitSignal(page.accounts_changed, timeout=20_000):
        page.add_account()
    qtbot.waitUntil(lambda: page.accounts_table.rowCount() == 2, timeout=5000)
    page.accounts_table.selectRow(1)
    with qtbot.waitSignal(page.accounts_changed, timeout=20_000):
        page.toggle_selected()
    with qtbot.waitSignal(page.backup_done, timeout=20_000):
        page.backup_to(tmp_path / "b.sqlite3")
    assert (tmp_path / "b.sqlite3").exists()


def test_language_switch_takes_effect_in_a_new_window(qtbot: QtBot, data_dir: Path) -> None:
    """Settings → English: the choice persists and the next window speaks English."""
    from PySide6.QtWidgets import QApplication

    from ui.common.i18n import current_language, install_translator, set_language

    window = _open(qtbot, data_dir)
    _sign_in(qtbot, window)
    window.show_page("settings")
    page = window.settings_page
    page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    with qtbot.waitSignal(page.saved, timeout=20_000):
        page.save()
    assert current_language() == "en"
    assert "重新启动" in page.language_note.text()
    app = QApplication.instance()
    assert app is not None
    try:
        assert install_translator(app)
        english = _open(qtbot, data_dir)
        assert english.login_page.login_button.text() == "Sign in"
        _sign_in(qtbot, english)
        titles = [english.nav.item(i).text() for i in range(english.nav.count())]
        assert titles[:2] == ["Intake", "Cases"] and "Settings" in titles
    finally:
        set_language("zh_CN")
        install_translator(app)


def test_sign_in_screen_before_the_store_is_open(qtbot: QtBot, data_dir: Path) -> None:
    """The quick read shows the station at once; a password typed before the store is
    open is kept and used when it is."""
    import threading

    from clerk.workspace import Workspace
    from ui.app import workspace_opener

    gate = threading.Event()
    opener = workspace_opener(data_dir)

    def slow_open() -> Workspace:
        gate.wait(20)
        return opener()

    from clerk.store.peek import peek

    window = MainWindow(slow_open, peek=lambda: peek(data_dir))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.station_shown, timeout=20_000):
        window.load()
    assert window.ws is None and window.screens.currentWidget() is window.login_page
    assert "测试社区" in window.station_label.text()
    window.login_page.password_edit.setText(ADMIN_PASSWORD)
    window.login_page.login_button.click()
    with qtbot.waitSignal(window.signed_in, timeout=20_000):
        gate.set()
    assert window.session is not None


def test_screenshots_wait_for_the_page_to_load(qtbot: QtBot, data_dir: Path,
                                               cases: object) -> None:
    """`--screenshot --page cases` shows the list's rows, not an empty page loading."""
    from PySide6.QtWidgets import QApplication

    from tests.clerk.case_builder import Cases
    from ui.app import settle
    from ui.station.cases_page import CasesPage

    assert isinstance(cases, Cases)
    cases.accepted()
    cases.awaiting()
    cases.ws.close()  # the window opens its own workspace
    window = build_window(data_dir, auto_login=Credentials(ADMIN, ADMIN_PASSWORD))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.signed_in, timeout=20_000):
        window.load()
    window.show_page("cases")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settle(app)  # no qtbot wait here: settle itself must have waited
    page = window.page("cases")
    assert isinstance(page, CasesPage)
    assert page.model.rowCount() == 2


def test_the_next_clerk_acts_as_themselves(qtbot: QtBot, data_dir: Path) -> None:
    """Clerk A opens pages and signs out; clerk B signs in: what B does is B's (issue 17:
    pages built before kept A's session)."""
    from clerk.workspace import Workspace

    ws = Workspace.open(data_dir)
    ws.accounts.create(username="clerk1", password="clerk-pass-1", role="clerk",
                       display_name="王窗口")
    ws.close()
    window = _open(qtbot, data_dir)
    window.login_page.user_combo.setCurrentIndex(window.login_page.user_combo.findData(ADMIN))
    _sign_in(qtbot, window)
    window.show_page("catalog")
    first: Any = window.page("catalog")
    window.show_page("cases")
    window.show_page("settings")
    assert window.settings_page.accounts_box.isVisibleTo(window.settings_page)  # an admin's
    window.sign_out()
    login = window.login_page
    qtbot.waitUntil(lambda: login.user_combo.findData("clerk1") >= 0, timeout=20_000)
    login.user_combo.setCurrentIndex(login.user_combo.findData("clerk1"))
    _sign_in(qtbot, window, "clerk-pass-1")
    assert "王窗口" in window.clerk_label.text()
    window.show_page("catalog")
    page: Any = window.page("catalog")
    assert page is not first  # rebuilt for the clerk now signed in
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    page.select_matter(page.model.matter_at(0).code)
    with qtbot.waitSignal(page.consultation_recorded, timeout=20_000) as got:
        page.consult_button.click()
    assert got.args[0].clerk == "clerk1"
    window.show_page("settings")
    assert not window.settings_page.accounts_box.isVisibleTo(window.settings_page)


def test_what_an_upgrade_left_is_settled_after_the_counter_is_ready(
        qtbot: QtBot, data_dir: Path, cases: object) -> None:
    """The first start after 0012: signed in with nothing worked out at open; the
    returned case's clock is worked out in the background once the counter is ready."""
    from alembic import command
    from sqlalchemy import text

    from clerk.cases.clock import clock_current
    from tests.clerk.case_builder import Cases

    assert isinstance(cases, Cases)
    case_no = cases.returned()
    cfg = station_migrations(cases.ws.store.engine)
    command.downgrade(cfg, "0011_sync_outbox")
    cases.ws.close()
    window = build_window(data_dir, auto_login=Credentials(ADMIN, ADMIN_PASSWORD))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.signed_in, timeout=20_000):
        window.load()
    ws = window.ws
    assert ws is not None

    def settled() -> bool:
        with ws.store.read() as s:
            return clock_current(s)

    assert not settled()  # not at open, not before the counter
    qtbot.waitUntil(settled, timeout=20_000)
    with ws.store.read() as s:
        left = s.execute(text("SELECT clock_left FROM cases WHERE case_no = :n"),
                         {"n": case_no}).scalar()
    assert left == 25
