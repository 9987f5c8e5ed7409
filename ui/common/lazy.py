"""Deferred imports: the one place the start-up work keeps what the counter does not
need at sign-in (the print preview's QtPdf, reportlab and the CJK font).

A :class:`Deferred` wraps a function holding a plain import statement (no module is
ever looked up by name, so the type checker and the import contracts see it); the
import runs the first time the value is asked for. :func:`warm_up` asks for several
on a background thread once the counter is ready, so the first F9 of the day finds
them loaded instead of waiting for them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QWidget

T = TypeVar("T")


class Deferred(Generic[T]):
    """The value `load()` returns, made on first use (on any thread) and kept."""

    def __init__(self, load: Callable[[], T]) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._value: T | None = None
        self._loaded = False

    def __call__(self) -> T:
        if not self._loaded:
            with self._lock:  # a warm-up thread and the UI thread may ask at once
                if not self._loaded:
                    self._value = self._load()
                    self._loaded = True
        return self._value  # type: ignore[return-value]  # set above once loaded

    @property
    def loaded(self) -> bool:
        return self._loaded


def warm_up(parent: QWidget, *work: Callable[[], object],
            done: Callable[[], object] | None = None) -> None:
    """Run `work` (Deferred values, or functions that load something) in the background,
    one after the other, on the parallel executor: never queued before the clerk's own
    lookups on the serial database worker. A failure is left for the real use to
    report; the items after it still run. `done` is called on the UI thread after them."""
    from ui.common.operations import Operation

    def run() -> None:
        for item in work:
            try:
                item()
            except Exception:  # best-effort: the real use reports
                continue

    finish = (lambda _r: done()) if done is not None else (lambda _r: None)
    Operation(run, parent=parent, serial=False).success(finish) \
        .failure(lambda _exc: None).run_in_background()
