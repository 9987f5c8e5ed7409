"""The customer display (双屏): placement, what it shows as the clerk works, the citizen's
rating recorded with the channel ``device``, nothing unmasked, and a real second virtual
screen (Qt's offscreen platform configured with two screens, in a child pytest)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk.cases.checklist import ItemStatus
from clerk.cases.states import State
from clerk.options import CUSTOMER_DISPLAY
from tests.clerk.case_builder import Cases
from tests.ui.test_intake_page import ELDERLY, choose_matter, enter_applicant, make_page, mark
from ui.common.operations import synchronous_operations
from ui.station.counter_view import IDLE, Showing, notice_of, rating_of
from ui.station.customer_display import CustomerDisplay, choose_screen
from ui.station.customer_link import CustomerLink
from ui.station.session import Session

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _inline_operations(qapp: QApplication) -> Iterator[None]:
    with synchronous_operations():
        yield


@dataclass(frozen=True)
class FakeScreen:
    name: str

    def geometry(self) -> QRect:
        return QRect(0, 0, 1, 1)


def test_the_display_goes_to_the_screen_that_is_not_the_clerks() -> None:
    clerk, citizen, third = FakeScreen("clerk"), FakeScreen("citizen"), FakeScreen("third")
    assert choose_screen([clerk], clerk) is None  # one screen: a movable window
    assert choose_screen([], None) is None
    assert choose_screen([clerk, citizen], clerk) is citizen
    assert choose_screen([citizen, clerk], clerk) is citizen
    assert choose_screen([clerk, citizen, third], citizen) is clerk
    assert choose_screen([clerk, citizen], None) is None  # the clerk's screen unknown


@pytest.fixture
def link(qtbot: QtBot, session: Session) -> Iterator[CustomerLink]:
    host = make_page(qtbot, session)  # any widget parents the operations
    link = CustomerLink(host)
    link.attach(session)
    link.apply(True, None)
    assert link.display is not None
    qtbot.addWidget(link.display)
    yield link
    link.close()


def _text(display: CustomerDisplay) -> str:
    page = display.pages.currentWidget()
    labels = [page] if hasattr(page, "text") else page.findChildren(type(display.welcome))
    return "\n".join(label.text() for label in labels)


def test_it_follows_the_intake_as_the_clerk_works(qtbot: QtBot, session: Session,
                                                  id_factory: object) -> None:
    page = make_page(qtbot, session)
    link = CustomerLink(page)
    link.attach(session)
    link.apply(True, None)
    display = link.display
    assert display is not None and display.view.showing == Showing.IDLE
    id_no = id_factory(3)  # type: ignore[operator]
    choose_matter(qtbot, page, ELDERLY)
    enter_applicant(qtbot, page, id_no, "欧阳明华")
    assert display.view.showing == Showing.WORKING
    text = _text(display)
    assert "高龄津贴" in text and "欧***" in text
    assert id_no not in text and id_no[:6] + "********" + id_no[-4:] in text
    assert "缺" in text and "已收" not in text
    with qtbot.waitSignal(display.shown, timeout=2000):  # a signal, not polling
        mark(page, "id_card")
    assert "已收" in _text(display)
    page.start_new()
    assert display.view == IDLE and "欢迎" in _text(display)
    link.close()


def test_a_notice_shows_every_missing_item_in_large_type(qtbot: QtBot, session: Session,
                                                         cases: Cases) -> None:
    rec = session.ws.cases.get(cases.awaiting())
    view = notice_of(rec)
    display = CustomerDisplay()
    qtbot.addWidget(display)
    display.show_view(view)
    text = _text(display)
    missing = [i for i in rec.materials.items if i.status == ItemStatus.MISSING]
    assert missing and all(i.name in text for i in missing)
    assert "一次性告知" in text and "font-size: 30pt" in display.notice.styleSheet()


def test_the_citizens_tap_is_recorded_as_the_device(qtbot: QtBot, session: Session,
                                                    link: CustomerLink, cases: Cases) -> None:
    case_no = cases.completed(rating=None)
    view = rating_of(session.ws.cases.get(case_no))
    assert view is not None
    session.bus.counter_view.emit(view)
    display = link.display
    assert display is not None and display.pages.currentWidget() is display.rating_page
    changed: list[str] = []
    session.bus.case_changed.connect(changed.append)
    qtbot.mouseClick(display.rating_buttons[4], Qt.MouseButton.LeftButton)
    rating = session.ws.cases.get(case_no).rating
    assert rating is not None and rating["score"] == 4 and rating["channel"] == "device"
    assert "entered_by" not in rating  # the citizen's own, nobody keyed it in
    assert changed == [case_no] and "感谢" in display.thanks.text()
    # the buttons are gone: a second tap records nothing
    qtbot.mouseClick(display.rating_buttons[1], Qt.MouseButton.LeftButton)
    assert session.ws.cases.get(case_no).rating["score"] == 4  # type: ignore[index]
    assert rating_of(session.ws.cases.get(case_no)) is None  # rated: no buttons again


def test_a_refused_rating_is_worded_on_the_display(qtbot: QtBot, session: Session,
                                                   link: CustomerLink, cases: Cases) -> None:
    case_no = cases.completed(rating=None)
    view = rating_of(session.ws.cases.get(case_no))
    assert view is not None
    session.ws.cases.rate(case_no, 5, channel="phone")  # rated meanwhile on the phone
    session.bus.counter_view.emit(view)
    display = link.display
    assert display is not None
    qtbot.mouseClick(display.rating_buttons[2], Qt.MouseButton.LeftButton)
    assert "未能保存" in display.rating_note.text() and "每件只能评价一次" in \
        display.rating_note.text()
    assert session.ws.cases.get(case_no).rating["score"] == 5  # type: ignore[index]
    assert display.rating_buttons[2].isEnabled()


def test_locking_and_the_setting(qtbot: QtBot, session: Session, link: CustomerLink,
                                 cases: Cases) -> None:
    case_no = cases.completed(rating=None)
    view = rating_of(session.ws.cases.get(case_no))
    session.bus.counter_view.emit(view)
    link.clear()  # the station locks: nothing of the citizen stays
    assert link.display is not None and link.display.view == IDLE
    link.apply(False, None)
    assert not link.display.isVisible()
    session.ws.settings.set(CUSTOMER_DISPLAY, 0)
    link.read_setting(None)
    assert not link.enabled
    session.ws.settings.set(CUSTOMER_DISPLAY, 1)
    link.read_setting(None)
    assert link.enabled and link.display.isVisible()
    assert session.ws.cases.get(case_no).state == State.COMPLETED


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_on_a_second_virtual_screen(tmp_path: Path, language: str) -> None:
    """A child pytest under Qt's offscreen platform with two screens: the display goes
    full screen on the citizen's screen; screenshots of each state are written."""
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "Clerk", "x": 0, "y": 0, "width": 1280, "height": 800,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "Citizen", "x": 1280, "y": 0, "width": 1024, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    shots = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "STATIONDESK_DISPLAY_SHOTS": str(shots), "STATIONDESK_DISPLAY_LANGUAGE": language}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--no-header",
         str(ROOT / "tests" / "ui" / "two_screens_display.py")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert sorted(p.name for p in shots.iterdir()) == [
        "notice.png", "rating.png", "thanks.png", "working.png"]


def test_the_settings_page_turns_the_display_off(qtbot: QtBot, session: Session) -> None:
    from ui.station.settings_page import SettingsPage

    page = SettingsPage()
    qtbot.addWidget(page)
    page.attach(session)
    assert page.display_box.isChecked()  # on by default
    page.display_box.setChecked(False)
    with qtbot.waitSignal(session.bus.settings_changed, timeout=2000):
        page.save()
    assert session.ws.settings.get(CUSTOMER_DISPLAY) == 0
