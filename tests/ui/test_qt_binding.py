"""The Qt binding itself must not wear the interpreter down.

PySide6 6.12.0 on Python 3.11 returned ``None`` from every void call (``setText``,
``processEvents``, ``show`` …) without taking a reference to it: each call lowered
``None``'s reference count by one until, after tens of thousands of calls — an hour or
two at a counter — the interpreter aborted with "Fatal Python error: none_dealloc". The
pin is 6.11.3 (constraints.txt); this test keeps a binding with that defect out.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel

CALLS = 2000


def test_void_qt_calls_leave_none_alone(qapp: QApplication) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("受理")
        label.setEnabled(True)
        QCoreApplication.processEvents()
    lost = before - sys.getrefcount(None)
    label.deleteLater()
    # a few references may come and go with Qt's own work; one per call may not
    assert lost < CALLS // 10, f"None lost {lost} references in {3 * CALLS} void Qt calls"
