"""Run in a child process by bench/startup_bench.py: start a window, report milestones.

Prints `paint` at the first paint of the top-level window, `station` when the sign-in
screen shows the station and its clerks (the first usable screen with data), and
`ready` when, signed in automatically, the counter page has its catalog; then exits.
`floor` does after the bare window's first paint only what any start must before the
counter can use the store through its one reader (issue 19's fence): the store key from
the key source, SQLAlchemy's ORM and the store's models; it prints `floor` and exits.
A station that cannot be opened prints `failed: <the worded error>` and exits with 1.

`daily` measures, in one process after such a start, what a clerk does many times a
day without starting the program: the idle lock lifted with the password (`unlock <ms>`,
Enter to the counter painted again) and a change of clerk (`switch <ms>`, Enter on the
sign-in screen to the new clerk's counter with its catalog), and the longest the window
did not answer in the seconds after the counter was ready (`pause <ms>`) and after each
change of clerk (`switchpause <ms>`).
Usage: python -m bench.startup_probe bare|floor|app|daily DATA_DIR PASSWORD
"""

from __future__ import annotations

import os
import sys
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _report(what: str) -> None:
    sys.stdout.write(what + "\n")
    sys.stdout.flush()


def main() -> int:
    mode = sys.argv[1]
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class FirstPaint(QObject):
        """Reports the first paint, then runs `then` (queued behind it) if given."""

        def __init__(self, then: Any = None) -> None:
            super().__init__()
            self.seen = False
            self.then = then

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                _report("paint")
                if self.then is not None:
                    QTimer.singleShot(0, self.then)
            return False

    if mode in ("bare", "floor"):
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1366, 768)
        probe = FirstPaint(QApplication.quit if mode == "bare"
                           else lambda: _floor(sys.argv[2]))
        window.installEventFilter(probe)
        window.show()
        return app.exec()
    from pathlib import Path

    from ui.app import build_window, ensure_app
    from ui.station.main_window import Credentials

    app = ensure_app()
    win = build_window(Path(sys.argv[2]), auto_login=Credentials("admin", sys.argv[3]))
    probe = FirstPaint()
    win.installEventFilter(probe)
    def ready() -> None:
        _report("ready")
        QTimer.singleShot(0, app.quit)

    def failed(text: str) -> None:
        # Else the probe would wait for a sign-in that never comes (a lost store key).
        _report("failed: " + text.replace("\n", " "))
        QTimer.singleShot(0, lambda: app.exit(1))

    win.station_shown.connect(lambda: _report("station"))
    win.load_failed.connect(failed)
    if mode == "daily":
        win.show()
        win.load()
        return _daily(app, win, sys.argv[3])
    win.ready.connect(ready)
    win.show()
    win.load()
    return app.exec()


def _floor(data_dir: str) -> None:
    """After the first paint (queued behind it): what the counter cannot be ready
    without, and nothing else."""
    import gc
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    gc.disable()  # as the station does (ui.common.gc): no collection during the start
    from clerk.store import keys

    if keys.stored_key(Path(data_dir)) is None:
        _report("failed: no store key for the bench station")
        QApplication.exit(1)
        return
    import clerk.store.models  # noqa: F401  (SQLAlchemy and its ORM come with them)

    _report("floor")
    QApplication.quit()


DAILY_RUNS = 7
#: Seconds after the counter is ready in which the UI thread's pauses are watched.
PAUSE_WINDOW_S = 3.0


def _daily(app: Any, win: Any, password: str) -> int:
    """After the start settles: unlock the idle lock, then switch clerks, DAILY_RUNS times
    each; every time from the Enter key to the counter painted (and, for a switch, ready
    with its catalog)."""
    import time

    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt
    from PySide6.QtTest import QTest

    from ui.common.operations import task_manager

    loop = QEventLoop()
    ready: list[bool] = []
    win.ready.connect(lambda: ready.append(True))

    def wait(done: Any, seconds: float = 60) -> None:
        deadline = time.perf_counter() + seconds
        while not done():
            loop.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("the window did not get there")
            time.sleep(0.0005)

    def settle() -> None:  # the background work a sign-in starts, and a pause
        until = time.perf_counter() + 1.0
        wait(lambda: task_manager().pending_count == 0 and time.perf_counter() > until)

    painted: list[float] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(time.perf_counter())
            return False

    def longest_pause(seconds: float) -> float:
        """The longest the UI thread went without handling events (a keystroke's wait)
        over `seconds`, in ms: the warm-up, the collector's ticks, the settling."""
        longest, last = 0.0, time.perf_counter()
        until = last + seconds
        while last < until:
            loop.processEvents()
            time.sleep(0.0005)
            now = time.perf_counter()
            longest, last = max(longest, now - last), now
        return longest * 1000

    paints = Paints()
    wait(lambda: bool(ready) and win.session is not None)
    _report(f"pause {longest_pause(PAUSE_WINDOW_S):.1f}")
    settle()
    page = win.page("intake")
    page.installEventFilter(paints)
    for _ in range(DAILY_RUNS):
        win.lock()
        wait(lambda: win.screens.currentWidget() is win.lock_page)
        QTest.keyClicks(win.lock_page.password_edit, password)
        painted.clear()
        started = time.perf_counter()
        QTest.keyClick(win.lock_page.password_edit, Qt.Key.Key_Return)
        wait(lambda: win.screens.currentWidget() is win.work and bool(painted))
        _report(f"unlock {(painted[0] - started) * 1000:.1f}")
        settle()
    for _ in range(DAILY_RUNS):
        win.sign_out()
        wait(lambda: win.screens.currentWidget() is win.login_page)
        settle()
        QTest.keyClicks(win.login_page.password_edit, password)
        ready.clear()
        started = time.perf_counter()
        QTest.keyClick(win.login_page.password_edit, Qt.Key.Key_Return)
        wait(lambda: bool(ready) and win.screens.currentWidget() is win.work)
        _report(f"switch {(time.perf_counter() - started) * 1000:.1f}")
        # the previous clerk's pages are collected in one pass a few ticks later
        _report(f"switchpause {longest_pause(PAUSE_WINDOW_S + 2):.1f}")
        settle()
    return 0


if __name__ == "__main__":
    sys.exit(main())
