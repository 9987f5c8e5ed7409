"""Signing in to the district: remember me keeps the token in the keyring (never a file of
ours), a remembered session resumes, sign-out forgets it; wrong passwords and a missing
keyring are said plainly."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from tests.districtkit import PASSWORD
from tests.ui.district_fixtures import TIMEOUT_MS, ClockedDistrict, staff
from ui.district.window import DistrictWindow

SERVICE = "StationDesk-district"


def make(qtbot: QtBot, district: ClockedDistrict, tmp_path: Path) -> DistrictWindow:
    settings = QSettings(str(tmp_path / "district.ini"), QSettings.Format.IniFormat)
    w = DistrictWindow(district.base, settings=settings)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    return w


def test_remember_me_resume_and_sign_out(qtbot: QtBot, district: ClockedDistrict,
                                         tmp_path: Path) -> None:
    staff(district, "li.shen")
    w = make(qtbot, district, tmp_path)
    with qtbot.waitSignal(w.ready, timeout=TIMEOUT_MS):
        w.show()
        w.start()
    page = w.login_page
    assert w.screens.currentWidget() is page and page.error_label.isHidden()
    assert page.server_edit.text() == district.base
    qtbot.keyClicks(page.user_edit, "li.shen")
    qtbot.keyClicks(page.password_edit, "wrong-password")
    qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.login_button.isEnabled(), timeout=TIMEOUT_MS)
    assert "用户名或密码不正确" in page.error_label.text()
    page.password_edit.clear()
    qtbot.keyClicks(page.password_edit, PASSWORD)
    assert page.remember_check.isEnabled()
    page.remember_check.setChecked(True)
    with qtbot.waitSignal(w.ready, timeout=TIMEOUT_MS):
        qtbot.keyClick(page.password_edit, Qt.Key.Key_Return)
    assert w.session is not None and w.session.role == "reviewer"
    assert "审核人员" in w.user_label.text() and "在线" in w.network_label.text()
    token = keyring.get_password(SERVICE, f"{district.base}|li.shen")
    assert token == w.session.token
    ini = (tmp_path / "district.ini").read_text()
    assert token not in ini and "li.shen" in ini  # the user name, never the token

    # A new window resumes the remembered session without asking.
    again = make(qtbot, district, tmp_path)
    with qtbot.waitSignal(again.signed_in, timeout=TIMEOUT_MS):
        again.show()
        again.start()
    assert again.session is not None and again.session.token == token

    # Signing out forgets the token; the district no longer accepts it.
    again.sign_out()
    qtbot.waitUntil(lambda: keyring.get_password(SERVICE, f"{district.base}|li.shen")
                    is None, timeout=TIMEOUT_MS)
    assert again.screens.currentWidget() is again.login_page
    qtbot.waitUntil(lambda: district.get("/auth/me", token).status_code == 401,
                    timeout=TIMEOUT_MS)


def test_without_a_keyring_remember_me_is_off_and_says_why(
        qtbot: QtBot, district: ClockedDistrict, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    w = make(qtbot, district, tmp_path)
    with qtbot.waitSignal(w.ready, timeout=TIMEOUT_MS):
        w.show()
        w.start()
    page = w.login_page
    assert not page.remember_check.isEnabled() and not page.remember_check.isChecked()
    assert page.keyring_note.isVisible() and "密钥环" in page.keyring_note.text()
