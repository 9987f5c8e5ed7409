"""The main window: paints first, opens the station in the background, fills the catalog."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from clerk.store import DB_FILENAME
from ui.app import build_window


def test_window_loads_station_and_catalog(qtbot: QtBot, data_dir: Path) -> None:
    window = build_window(data_dir)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.data_loaded, timeout=20_000):
        window.load()
    assert "海淀区测试社区便民服务站" in window.station_label.text()
    assert "110108001001" in window.station_label.text()
    assert "离线" in window.network_label.text()  # no district configured: say so
    assert window.pending_label.text().endswith("0")
    assert window.catalog_page.model.rowCount() >= 15
    assert window.pages.currentWidget() is window.catalog_page


def test_first_start_creates_demo_station(qtbot: QtBot, tmp_path: Path) -> None:
    window = build_window(tmp_path / "fresh")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.data_loaded, timeout=20_000):
        window.load()
    assert (tmp_path / "fresh" / DB_FILENAME).exists()
    assert "示范社区" in window.station_label.text()


def test_unusable_data_is_reported_not_crashed(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / DB_FILENAME).write_bytes(b"garbage" * 1000)
    window = build_window(bad)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.load_failed, timeout=20_000) as blocker:
        window.load()
    assert "不是可用的" in blocker.args[0]
    assert "无法打开" in window.station_label.text()
