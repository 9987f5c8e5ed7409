"""The main window: paints first, opens the station in the background, fills the pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clerk.store import DB_FILENAME
from tests.conftest import ADMIN, ADMIN_PASSWORD
from ui.app import build_window
from ui.station.main_window import Credentials


def test_window_loads_station_and_catalog(qtbot: QtBot, data_dir: Path) -> None:
    window = build_window(data_dir, auto_login=Credentials(ADMIN, ADMIN_PASSWORD))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.load()
    assert "海淀区测试社区便民服务站" in window.station_label.text()
    assert "110108001001" in window.station_label.text()
    # read just after `ready`; no district configured: say so
    qtbot.waitUntil(lambda: "离线（未连接区中心）" in window.network_label.text(), timeout=5000)
    assert window.page("catalog").model.rowCount() >= 15  # type: ignore[attr-defined]
    assert window.screens.currentWidget() is window.work


def test_counter_takes_keys_the_moment_it_is_ready(qtbot: QtBot, data_dir: Path) -> None:
    """At `ready` (the moment the start-up bench times) the 受理 page is showing with its
    matter search filled: keys typed at once reach the search and find matters."""
    from PySide6.QtTest import QTest

    window = build_window(data_dir, auto_login=Credentials(ADMIN, ADMIN_PASSWORD))
    qtbot.addWidget(window)
    window.show()
    seen: dict[str, object] = {}

    def at_ready() -> None:
        picker = window.page("intake").matter_picker  # type: ignore[attr-defined]
        seen["showing"] = (window.screens.currentWidget() is window.work
                           and window.work.current_key() == "intake")
        seen["session"] = window.session is not None and window.pages_signed_in
        seen["listed"] = len(picker.listed())
        QTest.keyClicks(picker.search_edit, "cjrz")  # in the same event as `ready`
        seen["typed"] = picker.search_edit.text()
        seen["found"] = picker.listed()[:1]

    window.ready.connect(at_ready)
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.load()
    assert seen["showing"] and seen["session"]
    assert isinstance(seen["listed"], int) and seen["listed"] > 0
    assert seen["typed"] == "cjrz" and seen["found"]


def test_demo_start_creates_station_with_cases(qtbot: QtBot, tmp_path: Path) -> None:
    window = build_window(tmp_path / "fresh", demo=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=60_000):
        window.load()
    assert (tmp_path / "fresh" / DB_FILENAME).exists()
    assert "示范社区" in window.station_label.text()
    assert window.ws is not None and window.ws.cases.count() >= 50
    qtbot.waitUntil(lambda: window.pending_label.text()[-1].isdigit(), timeout=5000)
    # Like a real set-up, the demo station has a recovery key, shown once with its slip.
    from clerk.store import keys
    from ui.station.recovery_dialog import RecoveryKeyDialog

    dialog = window.recovery_dialog
    assert isinstance(dialog, RecoveryKeyDialog) and dialog.isVisible()
    assert window.ws.store.key == keys.unwrap(
        keys.read_recovery_file(tmp_path / "fresh") or {}, dialog.key_label.text())
    assert not window.recovery_banner.isVisible()


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
    assert "不是可用的" in window.opening.text()


def test_collection_runs_on_the_ui_thread_only(qtbot: QtBot) -> None:
    """Automatic collection is off: a worker thread must never free Qt objects."""
    import gc

    from ui.common.gc import _collect

    assert not gc.isenabled()
    _collect()  # the timer's tick: collects without raising, on this (the UI) thread


def test_the_window_before_its_first_paint_needs_no_qt_namespace(tmp_path: Path) -> None:
    """PySide6 makes Qt's whole namespace (94 enum types) at the first `Qt.…`: the window
    is built and shown without it, so it paints sooner (see ui.common.forms)."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    script = (
        "import sys; from pathlib import Path; import PySide6.QtCore as core\n"
        "from ui.app import build_window, ensure_app\n"
        "ensure_app(); window = build_window(Path(sys.argv[1])); window.show()\n"
        "print('Qt' in vars(core))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path / "data")], cwd=root,
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


def test_a_status_that_cannot_be_read_is_said_not_left_reading(
        qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.station.main_window as main_window

    def broken(_ws: object) -> object:
        raise OSError("disk I/O error")

    monkeypatch.setattr(main_window, "_sync_status", broken)
    window = build_window(data_dir, auto_login=Credentials(ADMIN, ADMIN_PASSWORD))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.load()
    qtbot.waitUntil(lambda: "无法读取同步状态" in window.network_label.text(), timeout=5000)
    assert window.network_label.toolTip(), "the reason, in the tooltip"
