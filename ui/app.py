"""Starting the Qt application: style, fonts, the data directory, the main window.

Kept apart from main.py so tests and benchmarks can build the same window.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from clerk.paths import resolve_data_dir
from clerk.workspace import Workspace
from ui.main_window import MainWindow

DEMO_ADMIN, DEMO_PASSWORD = "admin", "stationdesk-demo"


def init_demo_station(ws: Workspace) -> None:
    """The demo station a first start creates (documented in the README)."""
    ws.init_station(code="110108001001", name="海淀区学院路街道示范社区便民服务站",
                    admin=DEMO_ADMIN, password=DEMO_PASSWORD, admin_name="演示管理员",
                    phone="010-62000000", address="北京市海淀区学院路示范社区服务站一层")


def ensure_app() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("StationDesk")
    app.setOrganizationName("StationDesk")
    app.setStyle("Fusion")
    font = QFont()
    font.setFamilies(["Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
                      "PingFang SC", "Sans Serif"])
    font.setPointSize(10)
    app.setFont(font)
    return app


def workspace_opener(data_dir: Path) -> Callable[[], Workspace]:
    """Open the station's workspace; on the very first start, create the demo station."""
    def open_ws() -> Workspace:
        ws = Workspace.open(data_dir)
        if ws.station() is None:
            init_demo_station(ws)
        return ws
    return open_ws


def build_window(data_dir: Path | None, size: tuple[int, int] = (1366, 768)) -> MainWindow:
    window = MainWindow(workspace_opener(resolve_data_dir(data_dir)))
    window.resize(*size)
    return window


def run_app(*, data_dir: Path | None, screenshot: Path | None,
            size: tuple[int, int] = (1366, 768)) -> int:
    app = ensure_app()
    window = build_window(data_dir, size)
    window.show()
    window.load()
    if screenshot is None:
        return app.exec()
    return _capture(app, window, screenshot)


def _capture(app: QApplication, window: MainWindow, target: Path) -> int:
    """Wait until the window shows its data, save a PNG of it, and quit."""
    status = {"code": 1}

    def grab() -> None:
        app.processEvents()
        pixmap = window.grab()
        target.parent.mkdir(parents=True, exist_ok=True)
        status["code"] = 0 if pixmap.save(str(target), "PNG") else 1
        if status["code"]:
            print(f"could not write {target}", file=sys.stderr)
        app.quit()

    def failed(text: str) -> None:
        print(f"StationDesk could not open its data: {text}", file=sys.stderr)
        app.exit(1)

    window.data_loaded.connect(lambda: QTimer.singleShot(50, grab))
    window.load_failed.connect(failed)
    QTimer.singleShot(60_000, lambda: failed("timed out after 60 s"))
    app.exec()
    return status["code"]
