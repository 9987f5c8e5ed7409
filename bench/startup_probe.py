"""Run in a child process by bench/startup_bench.py: start a window, report milestones.

Prints `paint` at the first paint of the top-level window, `station` when the sign-in
screen shows the station and its clerks (the first usable screen with data), and
`ready` when, signed in automatically, the counter page has its catalog; then exits.
A station that cannot be opened prints `failed: <the worded error>` and exits with 1.
Usage: python -m bench.startup_probe bare|app DATA_DIR
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _report(what: str) -> None:
    sys.stdout.write(what + "\n")
    sys.stdout.flush()


def main() -> int:
    mode = sys.argv[1]
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class FirstPaint(QObject):
        def __init__(self, then_quit: bool) -> None:
            super().__init__()
            self.seen = False
            self.then_quit = then_quit

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                _report("paint")
                if self.then_quit:
                    QTimer.singleShot(0, QApplication.quit)
            return False

    if mode == "bare":
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1366, 768)
        probe = FirstPaint(then_quit=True)
        window.installEventFilter(probe)
        window.show()
        return app.exec()
    from pathlib import Path

    from ui.app import build_window, ensure_app
    from ui.station.main_window import Credentials

    app = ensure_app()
    win = build_window(Path(sys.argv[2]), auto_login=Credentials("admin", sys.argv[3]))
    probe = FirstPaint(then_quit=False)
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
    win.ready.connect(ready)
    win.show()
    win.load()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
