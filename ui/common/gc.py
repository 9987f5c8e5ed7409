"""Garbage collection on the UI thread only.

Python collects cycles on whichever thread happens to allocate when a threshold is
crossed. If that is a background worker and the garbage holds Qt objects created on
the UI thread, Qt deletes them from the wrong thread and the process crashes (seen as a
segfault "Garbage-collecting" in a database worker). So automatic collection is switched
off and the UI thread collects on a timer, as Anki does.

What the start loads (SQLAlchemy, the models, the pages, the warm-up: some 170,000
objects) lives as long as the window. Left to the collector, the first tick after the
start walked all of it (a 55–95 ms freeze of the window half a second after the counter
was ready, measured), and so did every full pass after it, once a minute. When the
counter is ready, and again when its warm-up is done, those objects are moved out of the
collector's reach (`gc.freeze`). What becomes garbage among them later (a change of
clerk drops the previous clerk's pages: a few hundred objects, measured) is collected
when nobody is at the counter: a full pass once the idle lock has been shown for a
moment (`collect_all_soon`), after which what lives is frozen again.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1_000
#: How long the lock or sign-in screen shows before the full pass (its paint first).
QUIET_PASS_DELAY_MS = 1_000

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


def keep_long_lived() -> None:
    """Everything alive now stays: never walked by a collection again (gc.freeze).
    Called when the counter is ready and when its warm-up is done. Does nothing when
    collection is not this module's (no `collect_on_ui_thread`: tests, tools)."""
    if _timer is not None:
        gc.freeze()


def collect_all_soon(window: QObject, still_quiet: Callable[[], bool]) -> None:
    """In a moment, if `window` still exists and `still_quiet()` (nobody is working at
    it: the idle lock still shows), collect everything once, what was frozen too
    (~100 ms over the whole heap), then freeze what lives again."""
    if _timer is None:
        return

    def full_pass() -> None:
        if still_quiet():
            gc.unfreeze()
            gc.collect()
            gc.freeze()

    QTimer.singleShot(QUIET_PASS_DELAY_MS, window, full_pass)


def _collect() -> None:
    """Young objects every second, older ones less often: a full pass over a large heap
    takes tens of milliseconds, which a clerk would feel if it ran every tick."""
    global _ticks
    _ticks += 1
    generation = 2 if _ticks % 60 == 0 else 1 if _ticks % 10 == 0 else 0
    gc.collect(generation)
