"""The window fits the counter's screen: 1366×768 minus the task bar opens maximised
(the status bar stays visible), a larger screen gets the asked size, centred; no page
asks for more than a 1366×768 screen can give."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize
from pytestqt.qtbot import QtBot

from tests.conftest import ADMIN, ADMIN_PASSWORD
from ui.app import build_window, initial_geometry
from ui.station.main_window import Credentials


def test_a_small_screen_opens_maximised() -> None:
    counter = QRect(0, 0, 1366, 728)  # 40 px task bar
    assert initial_geometry(counter, QSize(1366, 768)) is None
    assert initial_geometry(QRect(0, 0, 1366, 768), QSize(1366, 768)) is None  # frame


def test_a_large_screen_gets_the_size_centred() -> None:
    wide = QRect(0, 0, 1920, 1040)
    got = initial_geometry(wide, QSize(1366, 768))
    assert got is not None and got.size() == QSize(1366, 768)
    assert wide.contains(got) and abs(got.center().x() - wide.center().x()) <= 2
    second = QRect(1920, 0, 1920, 1040)  # on the second screen, not the first
    placed = initial_geometry(second, QSize(1366, 768))
    assert placed is not None and second.contains(placed)


def test_no_page_needs_more_than_the_counter_screen(qtbot: QtBot, data_dir: Path) -> None:
    window = build_window(data_dir, auto_login=Credentials(ADMIN, ADMIN_PASSWORD))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.signed_in, timeout=20_000):
        window.show()
        window.load()
    for key in window.work.keys:
        window.show_page(key)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 728 - 40, (key, hint)
