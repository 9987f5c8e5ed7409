"""Garbage collection on the UI thread only.

Python collects cycles on whichever thread happens to allocate when a threshold is
crossed. If that is a background worker and the garbage holds Qt objects created on
the UI thread, Qt deletes them from the wrong thread and the process crashes (seen as a
segfault "Garbage-collecting" in a database worker). So automatic collection is switched
off and the UI thread collects on a timer, as Anki does.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1_000

_timer: QTimer | None = None
_ticks = 0


def collect_on_ui_thread(app: QObject, interval_ms: int = INTERVAL_MS) -> QTimer:
    """Disable automatic collection and collect every `interval_ms` on `app`'s thread."""
    global _timer
    gc.disable()
    if _timer is None:
        _timer = QTimer(app)
        _timer.setInterval(interval_ms)
        _timer.timeout.connect(_collect)
        _timer.start()
    return _timer


def _collect() -> None:
    """Young objects every second, older ones less often: a full pass over a large heap
    takes tens of milliseconds, which a clerk would feel if it ran every tick."""
    global _ticks
    _ticks += 1
    generation = 2 if _ticks % 60 == 0 else 1 if _ticks % 10 == 0 else 0
    gc.collect(generation)
