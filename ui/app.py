"""Starting the Qt application: style, fonts, language, the data directory, the window.

Kept apart from main.py so tests and benchmarks build exactly the same window.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QRect, QSize, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from clerk.paths import resolve_data_dir
from ui.station.main_window import Credentials, MainWindow

if TYPE_CHECKING:
    from clerk.peek import Peek
    from clerk.workspace import Workspace
    from ui.district.window import DistrictWindow

DEMO_ADMIN, DEMO_PASSWORD = "admin", "stationdesk-demo"


def init_demo_station(ws: Workspace) -> None:
    """The demo station (`--demo`, documented in the README), with generated demo data."""
    from clerk.generate.demo import populate_demo

    ws.init_station(code="110108001001", name="海淀区学院路街道示范社区便民服务站",
                    admin=DEMO_ADMIN, password=DEMO_PASSWORD, admin_name="演示管理员",
                    phone="010-62000000", address="北京市海淀区学院路示范社区服务站一层",
                    authority="北京市海淀区学院路街道办事处")
    populate_demo(ws)


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
    from ui.common.gc import collect_on_ui_thread
    from ui.common.i18n import install_translator

    collect_on_ui_thread(app)
    install_translator(app)
    return app


def workspace_opener(data_dir: Path, known_key: Callable[[], bytes | None] = lambda: None
                     ) -> Callable[[], Workspace]:
    """Opening runs in a background operation: SQLAlchemy is imported there, not before
    the window's first paint. `known_key`: the store key if the quick look just read it
    (else the key source is asked)."""
    def open_ws() -> Workspace:
        from clerk.workspace import Workspace

        return Workspace.open(data_dir, key=known_key())
    return open_ws


class QuickLook:
    """The sign-in screen's quick look at the station (clerk.peek); the key it read with
    goes on to the full open, so the OS keyring is asked once per start."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._key: bytes | None = None

    def peek(self) -> Peek | None:
        from clerk.peek import peek

        seen = peek(self.folder)
        self._key = seen.key if seen is not None else None
        return seen

    def key(self) -> bytes | None:
        """The key once (both run on the store's serial worker, the peek first)."""
        key, self._key = self._key, None
        return key


def env_credentials() -> Credentials | None:
    user, password = os.environ.get("STATIONDESK_USER"), os.environ.get("STATIONDESK_PASSWORD")
    return Credentials(user, password) if user and password else None


def build_window(data_dir: Path | None, size: tuple[int, int] = (1366, 768), *,
                 demo: bool = False, auto_login: Credentials | None = None) -> MainWindow:
    creds = auto_login or env_credentials()
    if creds is None and demo:
        creds = Credentials(DEMO_ADMIN, DEMO_PASSWORD)
    folder = resolve_data_dir(data_dir)
    look = QuickLook(folder)
    window = MainWindow(workspace_opener(folder, look.key), peek=look.peek,
                        init_demo=init_demo_station if demo else None, auto_login=creds)
    window.resize(*size)
    return window


# The title bar and borders a window manager adds outside the client area (the real
# frame is known only after the first show).
FRAME_ESTIMATE = QMargins(2, 32, 2, 2)


def initial_geometry(available: QRect, wanted: QSize,
                     frame: QMargins = FRAME_ESTIMATE) -> QRect | None:
    """Where the window opens on a screen whose usable area (without task bars) is
    `available`: `wanted` centred if it fits with its frame, None to open maximised.

    A 1366×768 counter screen has about 730 pixels under its task bar: a 768-pixel-tall
    window would hide its status bar below the screen's edge."""
    outer = QSize(wanted.width() + frame.left() + frame.right(),
                  wanted.height() + frame.top() + frame.bottom())
    if outer.width() > available.width() or outer.height() > available.height():
        return None
    x = available.x() + (available.width() - outer.width()) // 2 + frame.left()
    y = available.y() + (available.height() - outer.height()) // 2 + frame.top()
    return QRect(x, y, wanted.width(), wanted.height())


def show_fitted(window: QWidget, size: tuple[int, int]) -> None:
    """Show the window at `size` if the screen has room, otherwise maximised."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    geometry = initial_geometry(screen.availableGeometry(), QSize(*size)) if screen else None
    if geometry is None:
        window.showMaximized()
    else:
        window.setGeometry(geometry)
        window.show()


def run_app(*, data_dir: Path | None, screenshot: Path | None,
            size: tuple[int, int] = (1366, 768), demo: bool = False,
            page: str | None = None) -> int:
    app = ensure_app()
    window = build_window(data_dir, size, demo=demo)
    if screenshot is None:
        show_fitted(window, size)
    else:  # a screenshot has exactly the size asked for
        window.show()
    window.load()
    if screenshot is None:
        return app.exec()
    return _capture(app, window, screenshot, page)


def settle(app: QApplication, timeout_s: float = 10.0) -> None:
    """Let the shown page finish what it loads in the background (a list's first rows),
    so a screenshot shows what a person would see a moment later, not an empty page."""
    from ui.common.operations import task_manager

    deadline = time.monotonic() + timeout_s
    app.processEvents()
    while task_manager().pending_count and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()


def _capture(app: QApplication, window: MainWindow, target: Path, page: str | None) -> int:
    """Wait until the window shows its first usable screen, save a PNG of it, and quit."""
    status = {"code": 1}

    def grab() -> None:
        if page and window.session is not None:
            window.show_page(page)
        settle(app)
        target.parent.mkdir(parents=True, exist_ok=True)
        status["code"] = 0 if window.grab().save(str(target), "PNG") else 1
        if status["code"]:
            print(f"could not write {target}", file=sys.stderr)
        app.quit()

    def failed(text: str) -> None:
        print(f"StationDesk could not open its data: {text}", file=sys.stderr)
        app.exit(1)

    window.ready.connect(lambda: QTimer.singleShot(300, grab))
    window.load_failed.connect(failed)
    QTimer.singleShot(120_000, lambda: failed("timed out after 120 s"))
    app.exec()
    return status["code"]


def build_district_window(server: str, size: tuple[int, int] = (1366, 768), *,
                          ca_bundle: str | None = None) -> DistrictWindow:
    """District mode (reviewers, proxy agents, admins); credentials from the environment
    sign in at once."""
    from ui.district.window import DistrictWindow

    creds = env_credentials()
    window = DistrictWindow(server, ca_bundle=ca_bundle,
                            auto_login=(creds.username, creds.password) if creds else None)
    window.resize(*size)
    return window


def run_district(server: str, *, screenshot: Path | None, size: tuple[int, int] = (1366, 768),
                 page: str | None = None, ca_bundle: str | None = None) -> int:
    app = ensure_app()
    window = build_district_window(server, size, ca_bundle=ca_bundle)
    if screenshot is None:
        show_fitted(window, size)
    else:
        window.show()
    window.start()
    if screenshot is None:
        return app.exec()
    return _capture_district(app, window, screenshot, page)


def _capture_district(app: QApplication, window: DistrictWindow, target: Path,
                      page: str | None) -> int:
    """Wait for the district main window with its data (or the sign-in), save a PNG."""
    status = {"code": 1}

    def save() -> None:
        app.processEvents()
        target.parent.mkdir(parents=True, exist_ok=True)
        status["code"] = 0 if window.grab().save(str(target), "PNG") else 1
        if status["code"]:
            print(f"could not write {target}", file=sys.stderr)
        app.quit()

    def grab() -> None:
        if page and window.session is not None and page in window.page_keys:
            shown = window.show_page(page)
            ready = getattr(shown, "ready", None)
            if ready is not None and page != window.page_keys[0]:
                ready.connect(lambda: QTimer.singleShot(300, save))
                return
        QTimer.singleShot(300, save)

    def failed(text: str) -> None:
        print(f"StationDesk could not sign in to the district: {text}", file=sys.stderr)
        app.exit(1)

    window.ready.connect(grab)
    window.load_failed.connect(failed)
    QTimer.singleShot(120_000, lambda: failed("timed out after 120 s"))
    app.exec()
    return status["code"]
