"""The station's 同步 page and status bar against a real district service: sync now, the
truth about online/offline, events the district refused with its reasons, reconciliation."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk.cases.events import canonical_json
from clerk.workspace import Workspace
from sync import engine
from tests.districtkit import (
    escalated_case,
    push,
    wire_events,
)
from tests.ui.district_fixtures import TIMEOUT_MS, ClockedDistrict
from ui.station.session import Session
from ui.station.sync_page import SyncPage
from wire.protocol import event_hash_parts

IdFactory = Callable[..., str]


@pytest.fixture
def page(qtbot: QtBot, station: Workspace) -> Iterator[SyncPage]:
    from clerk import accounts
    from ui.station.session import SessionBus

    with station.store.read() as s:
        account = accounts.get_account(s, "admin")
    info = station.station()
    assert info is not None
    widget = SyncPage()
    qtbot.addWidget(widget)
    widget.resize(1254, 740)
    with qtbot.waitSignal(widget.loaded, timeout=TIMEOUT_MS):
        widget.attach(Session(station, account, info, SessionBus()))
        widget.show()
    yield widget


def sync_now(qtbot: QtBot, page: SyncPage) -> Any:
    assert page.controller is not None
    with qtbot.waitSignal(page.controller.finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT_MS):
        pass
    return blocker.args[0]


def test_sync_now_lists_refused_events_with_reasons_and_reconciles(
        qtbot: QtBot, page: SyncPage, station: Workspace, district: ClockedDistrict,
        id_factory: IdFactory) -> None:
    assert "尚未同步" in page.state_label.text()
    ok = escalated_case(station, id_factory(1))
    bad = escalated_case(station, id_factory(2))
    # Somebody pushed a different event under the id of the second case's first event.
    forged = wire_events(station, bad.case_no)[0]
    forged["payload"] = {**forged["payload"], "form_data": {"forged": "yes"}}
    forged["hash"] = event_hash_parts(
        forged["event_id"], forged["case_id"], forged["seq"], forged["type"],
        canonical_json(forged["payload"]), forged["actor"], forged["origin"],
        forged["occurred_at"])
    token = engine.stored_token(station)  # the same window, e.g. from a restored backup
    assert token is not None
    assert push(district, token, [forged])[0]["status"] == "accepted"

    report = sync_now(qtbot, page)
    # The forged first event refuses ours ("history cannot be rewritten"); the rest follow on.
    assert report.push.accepted == 5 and len(report.push.rejected) == 1
    # Done with problems: amber, never the green "上次同步成功" beside a refusal.
    from ui.common.widgets import AMBER

    assert report.outcome == "problems"
    assert "但有 1 个问题" in page.state_label.text() and "成功" not in page.state_label.text()
    assert AMBER[0] in page.state_label.styleSheet()
    assert page.error_label.isVisible() and bad.case_no in page.error_label.text()
    assert "历史不能被改写" in page.error_label.text()
    rows = [page.rejected.row_at(i) for i in range(page.rejected.rowCount())]
    assert {r.key for r in rows} == {bad.case_no}
    assert "历史不能被改写" in rows[0].texts[3] and rows[0].texts[1] == "1"
    # the district's words for the clerk; its code only as a detail
    assert not re.match(r"^[a-z_.]+:", rows[0].texts[3])
    assert not re.search(r"(^|· )[a-z_.]+:", page.error_label.text())
    assert "双击" in rows[0].tooltips[3]

    assert "被拒绝 1 条" in page.counts_label.text()
    assert page.tabs.tabText(0).endswith("（1）")
    assert "推送：6 条事件" in page.report_view.toPlainText()
    assert "1号窗口" in page.device_label.text() and "窗口号 01" in page.device_label.text()
    opened: list[str] = []
    page._session.bus.open_case.connect(opened.append)  # type: ignore[union-attr]
    page.rejected_view.doubleClicked.emit(page.rejected.index(0, 0))
    assert opened == [bad.case_no]
    del ok


def test_offline_is_said_and_the_clerk_keeps_working(qtbot: QtBot, page: SyncPage,
                                                     station: Workspace,
                                                     district: ClockedDistrict,
                                                     id_factory: IdFactory) -> None:
    escalated_case(station, id_factory(3))
    assert sync_now(qtbot, page).ok
    with qtbot.waitSignal(page.reconciled, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(page.reconcile_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].reconciled and "已对账" in page.reconcile_label.text()
    district.proc.terminate()  # type: ignore[union-attr]
    district.proc.wait(10)  # type: ignore[union-attr]
    escalated_case(station, id_factory(4))
    report = sync_now(qtbot, page)
    assert not report.ok and report.error_code == "transport"
    assert "离线" in page.state_label.text()
    assert page.error_label.isVisible() and "网络不通" in page.error_label.text()
    assert "Error" not in page.error_label.text()  # no exception class names for a clerk
    assert "待同步：3 条事件" in page.counts_label.text()


def test_status_bar_tells_the_truth(qtbot: QtBot, data_dir: Path,
                                    district: ClockedDistrict) -> None:
    from tests.conftest import ADMIN, ADMIN_PASSWORD
    from tests.districtkit import enroll_station
    from ui.app import build_window
    from ui.station.main_window import Credentials

    ws = Workspace.open(data_dir, clock=district.clock)
    enroll_station(ws, district)
    ws.set_setting("sync.interval_minutes", "0")
    ws.close()
    w = build_window(data_dir, auto_login=Credentials(ADMIN, ADMIN_PASSWORD))
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.signed_in, timeout=TIMEOUT_MS):
        w.show()
        w.load()
    qtbot.waitUntil(lambda: "尚未同步" in w.network_label.text(), timeout=TIMEOUT_MS)
    assert not w.update_label.isVisible()
    # The district announces a newer workstation: the round learns it, both places say so.
    from district.cli import main as district_main

    assert district_main(["admin", "publish-client-version", "999.0.0", "--url",
                          "https://example.org/get", "--db", district.url]) == 0
    sync: Any = w.page("sync")
    w.show_page("sync")
    with qtbot.waitSignal(sync.controller.finished, timeout=TIMEOUT_MS):
        sync.sync_now()
    qtbot.waitUntil(lambda: "● 在线" in w.network_label.text(), timeout=TIMEOUT_MS)
    assert "从未" not in w.sync_label.text()
    notice = "有新版本 999.0.0（获取方式：https://example.org/get）"
    qtbot.waitUntil(lambda: w.update_label.text() == notice, timeout=TIMEOUT_MS)
    assert w.update_label.isVisible()
    qtbot.waitUntil(lambda: sync.update_label.text() == notice, timeout=TIMEOUT_MS)


def test_the_admin_enrolls_the_station_from_the_page(
        qtbot: QtBot, sws: Workspace, district: ClockedDistrict,
        id_factory: IdFactory) -> None:
    """No terminal needed: 登记到区中心… takes the address and the one-time code; a wrong
    code is explained in the dialog, the right one stores the token and syncs."""
    from clerk import accounts
    from ui.station.session import SessionBus

    escalated_case(sws, id_factory(1))
    with sws.store.read() as s:
        account = accounts.get_account(s, "admin")
    info = sws.station()
    assert info is not None
    widget = SyncPage()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=TIMEOUT_MS):
        widget.attach(Session(sws, account, info, SessionBus()))
        widget.show()
    assert "未登记到区中心" in widget.state_label.text()
    assert widget.enroll_button.isVisible() and widget.enroll_button.text() == "登记到区中心…"
    qtbot.mouseClick(widget.enroll_button, Qt.MouseButton.LeftButton)
    dialog = widget.enroll_dialog
    assert dialog is not None
    code = district.station("110108001001")
    dialog.server_edit.setText(district.base)
    dialog.code_edit.setText("WRONG-CODE-0000")
    qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=TIMEOUT_MS)
    assert "登记码无效" in dialog.message.text() and dialog.isVisible()
    dialog.code_edit.setText(code)
    assert widget.controller is not None
    with qtbot.waitSignal(widget.controller.finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert blocker.args[0].push.accepted == 3  # enrolled, then one round at once
    qtbot.waitUntil(lambda: "● 在线" in widget.state_label.text(), timeout=TIMEOUT_MS)
    assert widget.enroll_button.text() == "重新登记…"
    assert district.base in widget.server_label.text()


def test_clerks_do_not_see_the_enrollment(qtbot: QtBot, sws: Workspace) -> None:
    from clerk import accounts
    from ui.station.session import SessionBus

    with sws.store.write() as s:
        accounts.create_account(s, username="clerk1", display_name="窗口一",
                                password="clerk-password-1", role="clerk",
                                now=datetime.now(UTC))
    with sws.store.read() as s:
        account = accounts.get_account(s, "clerk1")
    info = sws.station()
    assert info is not None
    widget = SyncPage()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=TIMEOUT_MS):
        widget.attach(Session(sws, account, info, SessionBus()))
        widget.show()
    assert not widget.enroll_button.isVisible()


def test_reconcile_differences_are_a_table(page: SyncPage) -> None:
    from datetime import date

    from sync.engine import DayDifference, LedgerCount, Reconciliation

    def count(n: int) -> LedgerCount:
        return LedgerCount(count=n, hash="x" * 64)

    page._show_reconciliation(Reconciliation(days=3, differences=[
        DayDifference(date(2026, 6, 1), "station", count(5), count(3)),
        DayDifference(date(2026, 6, 2), "district", count(0), count(2))], unsent=2))
    rows = [page.reconcile_model.row_at(i).texts for i in range(2)]
    assert rows == [("2026-06-01", "本站事件", "5", "3", "+2"),
                    ("2026-06-02", "区中心事件", "0", "2", "-2")]
    assert page.tabs.currentWidget() is page.reconcile_view
    text = page.reconcile_label.text()
    assert "2 天" in text and "尚未被区中心接收的本站事件 2 条" in text and "立即同步" in text
    page._show_reconciliation(Reconciliation(days=3, differences=[]))
    assert page.reconcile_model.rowCount() == 0 and "已对账" in page.reconcile_label.text()


def test_an_unenrolled_station_is_told_to_use_the_button(ws: Workspace) -> None:
    from apiclient.http import SyncError

    with pytest.raises(SyncError) as refused:
        engine.make_client(ws)
    assert "登记到区中心…" in refused.value.message
    assert "python -m" not in refused.value.message


def test_a_coded_refusal_is_split_into_words_and_code() -> None:
    from ui.station.sync_page import split_reason

    assert split_reason("case_no_conflict: 编号已被其他案件使用") == (
        "编号已被其他案件使用", "case_no_conflict")
    assert split_reason("历史不能被改写：x") == ("历史不能被改写：x", "")


def test_the_page_lists_the_station_devices_and_a_conflict_the_clerk_redoes(
        qtbot: QtBot, page: SyncPage, station: Workspace, district: ClockedDistrict,
        id_factory: IdFactory, tmp_path: Path, clock: Any) -> None:
    from clerk import numbering
    from clerk.applicants import PersonInput
    from clerk.cases.service import MaterialChanges
    from tests.clerk.factories import ALL_NEEDED, DISTRICT, sample_matters
    from tests.conftest import ADMIN, ADMIN_PASSWORD, STATION_CODE

    other = Workspace.open(tmp_path / "pc2", clock=clock)
    try:
        other.init_station(code=STATION_CODE, name="测试站", admin=ADMIN, password=ADMIN_PASSWORD)
        other.import_matters(sample_matters(), source="tests")
        with other.store.write() as s:
            numbering.set_device_no(s, 2)
        engine.enroll(other, district.base, district.issue_code(), device_name="2号窗口")
        case_no = station.cases.new_case(
            matter_code=DISTRICT, applicant=PersonInput(name="王五", id_no=id_factory(1)),
            changes=MaterialChanges(received=ALL_NEEDED)).case_no
        sync_now(qtbot, page)
        assert engine.sync_round(other).ok
        other.cases.accept(case_no)  # the other counter accepts and syncs first
        assert engine.sync_round(other).ok
        station.cases.comment(case_no, "申请人来电询问")  # this counter, offline
        report = sync_now(qtbot, page)
        assert report.outcome == engine.PROBLEMS and report.pull.conflicts == [case_no]
        assert page.conflicts.rowCount() == 1 and page.redo_button.isEnabled()
        assert "同步冲突（1）" in page.tabs.tabText(3)
        texts = [page.conflicts.index(0, c).data() for c in range(4)]
        assert texts[0] == case_no and "受理" in texts[1] and "申请人来电询问" in texts[2]
        names = [page.devices.index(r, 0).data() for r in range(page.devices.rowCount())]
        assert names == ["1号窗口", "2号窗口"]
        assert page.devices.index(0, 2).data() != "从未"
        with qtbot.waitSignal(page.loaded, timeout=TIMEOUT_MS):
            qtbot.mouseClick(page.redo_button, Qt.MouseButton.LeftButton)
        assert page.conflicts.rowCount() == 0 and not page.redo_button.isEnabled()
        assert case_no in page.conflict_label.text()
        assert station.cases.get(case_no).comments[-1]["text"] == "申请人来电询问"
        assert sync_now(qtbot, page).outcome == engine.DONE
    finally:
        other.close()
