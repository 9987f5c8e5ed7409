"""Run by tests/ui/test_customer_display.py in a child pytest whose Qt offscreen platform
has two screens ("Clerk" and "Citizen"); not collected on its own (no test_ prefix).

Drives the customer display on the citizen's screen through its states and writes a
screenshot of each to $STATIONDESK_DISPLAY_SHOTS, in $STATIONDESK_DISPLAY_LANGUAGE."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerk.cases.checklist import ItemStatus
from tests.clerk.case_builder import Cases
from ui.common.i18n import install_translator
from ui.common.operations import synchronous_operations
from ui.station.counter_view import Showing, notice_of, rating_of, working
from ui.station.customer_link import CustomerLink
from ui.station.session import Session


@pytest.fixture(autouse=True)
def _inline_operations(qapp: QApplication) -> Iterator[None]:
    language = os.environ.get("STATIONDESK_DISPLAY_LANGUAGE", "zh_CN")
    assert install_translator(qapp, language) == (language != "zh_CN")
    with synchronous_operations():
        yield
    install_translator(qapp, "zh_CN")


def test_display_on_the_citizens_screen(qtbot: QtBot, session: Session, cases: Cases) -> None:
    screens = {s.name(): s for s in QGuiApplication.screens()}
    assert set(screens) == {"Clerk", "Citizen"}, "the child runs with two virtual screens"
    main = QWidget()
    qtbot.addWidget(main)
    main.setScreen(screens["Clerk"])
    main.setGeometry(screens["Clerk"].geometry().adjusted(0, 0, -200, -200))
    main.show()
    link = CustomerLink(main)
    link.attach(session)
    link.apply(True, main.screen())
    display = link.display
    assert display is not None
    qtbot.addWidget(display)
    assert display.screen().name() == "Citizen"
    assert display.isFullScreen() and display.geometry() == screens["Citizen"].geometry()
    english = os.environ.get("STATIONDESK_DISPLAY_LANGUAGE") == "en"
    shots = Path(os.environ["STATIONDESK_DISPLAY_SHOTS"])
    shots.mkdir(parents=True, exist_ok=True)

    notice_case = session.ws.cases.get(cases.awaiting())
    items = list(notice_case.materials.items)
    items[0] = replace(items[0], status=ItemStatus.RECEIVED)
    session.bus.counter_view.emit(working(notice_case.matter_name, "欧阳明华", "resident_id",
                                          str(notice_case.applicant["id_no"]), items))
    assert display.view.showing == Showing.WORKING
    display.grab().save(str(shots / "working.png"))
    assert ("Application materials" if english else "申请材料") in display.work.text()

    session.bus.counter_view.emit(notice_of(notice_case))
    display.grab().save(str(shots / "notice.png"))
    assert display.view.showing == Showing.NOTICE

    done = cases.completed(rating=None)
    view = rating_of(session.ws.cases.get(done))
    assert view is not None
    session.bus.counter_view.emit(view)
    display.grab().save(str(shots / "rating.png"))
    qtbot.mouseClick(display.rating_buttons[5], Qt.MouseButton.LeftButton)
    rating = session.ws.cases.get(done).rating
    assert rating is not None and rating["channel"] == "device" and rating["score"] == 5
    display.grab().save(str(shots / "thanks.png"))
    assert ("Thank you" if english else "感谢") in display.thanks.text()
    link.close()
