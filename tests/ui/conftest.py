"""Qt widget tests run offscreen: no display needed, same rendering as on screen."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from clerk.workspace import Workspace
from tests.districtkit import sqlite_district_template, sws  # noqa: F401  (district mode)
from tests.ui.district_fixtures import district, station  # noqa: F401
from tests.ui.operations_drain import drain_operations
from ui.station.session import Session, SessionBus

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from ui.station.intake.page import IntakePage


@pytest.fixture(autouse=True)
def _collect_on_ui_thread(qapp: QApplication) -> Iterator[None]:
    """As in the app: no automatic collection (a worker thread must never free Qt
    objects); the UI thread collects the youngest objects after every test. What a
    test's window froze (ui.common.gc.keep_long_lived) is given back, so no test keeps
    another's objects out of collection."""
    from ui.common import gc as ui_gc

    ui_gc.collect_on_ui_thread(qapp)
    yield
    drain_operations(qapp)
    gc.unfreeze()
    gc.collect(0)


@pytest.fixture
def session(ws: Workspace) -> Session:
    """A signed-in admin's session on the test station, as the window builds it."""
    from clerk import accounts

    with ws.store.read() as s:
        account = accounts.get_account(s, "admin")
    info = ws.station()
    assert info is not None
    return Session(ws, account, info, SessionBus())


def shown_intake_page(qtbot: QtBot, session: Session, height: int = 740,
                      draft_delay_ms: int | None = None) -> IntakePage:
    """The 受理 page shown at a counter's size and attached to `session`, as at sign-in."""
    from ui.station.intake.page import IntakePage

    page = IntakePage()
    qtbot.addWidget(page)
    page.resize(1254, height)
    if draft_delay_ms is not None:
        page.set_draft_delay(draft_delay_ms)
    page.show()
    page.attach(session)
    return page
