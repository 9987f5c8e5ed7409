"""Between tests no background work may still be running: what a test started lands in
the next one otherwise."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QApplication

#: How long a test's background work may still run after the test ended.
DRAIN_TIMEOUT_S = 30.0


def drain_operations(qapp: QApplication) -> None:
    """Let the background work a test started (a counter's warm-up, a status read) finish
    and deliver its callbacks before the next test: otherwise it lands in a later test,
    whose own waits and counts it spoils (CI: a warm-up of an earlier window was still
    pending when test_operations counted the operations in flight)."""
    from ui.common import operations

    manager = operations._manager
    if manager is None:
        return
    deadline = time.monotonic() + DRAIN_TIMEOUT_S
    while manager.pending_count and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.002)
    if manager.pending_count:
        pytest.fail(f"{manager.pending_count} background operation(s) still running "
                    f"{DRAIN_TIMEOUT_S:.0f} s after the test", pytrace=False)
