"""A sync conflict on the case's own detail: two counters act on one case offline, the
second to sync sees an amber banner with both versions over the case's tabs, and redo
(or discard) from there resolves it — the banner goes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk import numbering
from clerk.applicants import PersonInput
from clerk.cases.service import MaterialChanges
from clerk.cases.states import State
from clerk.workspace import Workspace
from sync import engine
from tests.clerk.factories import ALL_NEEDED, DISTRICT, sample_matters
from tests.conftest import ADMIN, ADMIN_PASSWORD, STATION_CODE
from tests.ui.district_fixtures import TIMEOUT_MS, ClockedDistrict, sync
from ui.station.case_detail import CaseDetail
from ui.station.session import Session

IdFactory = Callable[..., str]


@pytest.fixture
def other(station: Workspace, district: ClockedDistrict, tmp_path: Path,
          clock: Any) -> Iterator[Workspace]:
    """The station's second counter PC (window 2), enrolled with its own code."""
    ws = Workspace.open(tmp_path / "pc2", clock=clock)
    ws.init_station(code=STATION_CODE, name="测试站", admin=ADMIN, password=ADMIN_PASSWORD)
    ws.import_matters(sample_matters(), source="tests")
    with ws.store.write() as s:
        numbering.set_device_no(s, 2)
    engine.enroll(ws, district.base, district.issue_code(), device_name="2号窗口")
    yield ws
    ws.close()


def _conflict(station: Workspace, other: Workspace, id_no: str, mine: Callable[[str], Any]
              ) -> str:
    """Counter 2 accepts a case and syncs first; this counter acts offline, then syncs."""
    case_no = station.cases.new_case(
        matter_code=DISTRICT, applicant=PersonInput(name="王五", id_no=id_no),
        changes=MaterialChanges(received=ALL_NEEDED)).case_no
    sync(station)
    sync(other)
    other.cases.accept(case_no)
    sync(other)
    mine(case_no)
    report = engine.sync_round(station)
    assert report.outcome == engine.PROBLEMS and report.pull.conflicts == [case_no]
    return case_no


def _detail(qtbot: QtBot, station: Workspace, case_no: str) -> CaseDetail:
    from clerk import accounts
    from ui.station.session import SessionBus

    with station.store.read() as s:
        account = accounts.get_account(s, "admin")
    info = station.station()
    assert info is not None
    detail = CaseDetail()
    qtbot.addWidget(detail)
    detail.resize(1254, 560)
    detail.attach(Session(station, account, info, SessionBus()))
    detail.show()
    with qtbot.waitSignal(detail.loaded, timeout=TIMEOUT_MS):
        detail.show_case(case_no)
    return detail


def test_the_case_detail_shows_the_conflict_and_redo_resolves_it(
        qtbot: QtBot, station: Workspace, other: Workspace, id_factory: IdFactory,
        tmp_path: Path) -> None:
    case_no = _conflict(station, other, id_factory(1),
                        lambda no: station.cases.comment(no, "申请人来电询问进度"))
    detail = _detail(qtbot, station, case_no)
    banner = detail.conflict_banner
    assert banner.isVisible()
    text = banner.text.text()
    # Both versions: the case's current step (counter 2's acceptance) and the lost one.
    assert "同步冲突" in text and "第 2 步" in text
    assert "受理" in text and "留言" in text and "申请人来电询问进度" in text
    assert banner.redo_button.isEnabled() and banner.discard_button.isEnabled()
    detail.grab().save(str(tmp_path / "conflict.png"))
    # Redo from the banner: the step is redone on the current case, the banner goes.
    with qtbot.waitSignal(detail.loaded, timeout=TIMEOUT_MS):
        qtbot.mouseClick(banner.redo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=TIMEOUT_MS)
    assert case_no in detail.message.text() and "重做" in detail.message.text()
    rec = station.cases.get(case_no)
    assert rec.state == State.ACCEPTED and rec.comments[-1]["text"] == "申请人来电询问进度"
    assert station.conflicts.listed() == []
    assert engine.sync_round(station).outcome == engine.DONE
    sync(other)
    assert other.cases.get(case_no).comments[-1]["text"] == "申请人来电询问进度"


def test_a_redo_the_case_no_longer_allows_is_worded_and_discard_ends_it(
        qtbot: QtBot, station: Workspace, other: Workspace, id_factory: IdFactory) -> None:
    case_no = _conflict(station, other, id_factory(2),
                        lambda no: station.cases.refuse(no, reason="材料不符合要求"))
    detail = _detail(qtbot, station, case_no)
    banner = detail.conflict_banner
    assert banner.isVisible() and "不予受理" in banner.text.text()
    qtbot.mouseClick(banner.redo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: banner.message.isVisible(), timeout=TIMEOUT_MS)
    assert banner.message.text()  # the state machine's worded refusal, nothing stored
    assert banner.isVisible() and banner.redo_button.isEnabled()
    assert station.cases.get(case_no).state == State.ACCEPTED
    with qtbot.waitSignal(detail.loaded, timeout=TIMEOUT_MS):
        qtbot.mouseClick(banner.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=TIMEOUT_MS)
    assert "放弃" in detail.message.text()
    assert station.conflicts.listed(all_states=True)[0].state == "discarded"
