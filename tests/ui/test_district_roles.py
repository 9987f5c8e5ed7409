"""District mode: the proxy agent's steps and hand-over, the supervision board as the
calendar advances, ratings and the follow-up of a bad rating, the period report (CSV and
PDF) — through the real widgets against a real district service (uvicorn subprocess)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk.calendar import WorkCalendar
from clerk.cases.states import State
from clerk.workspace import Workspace
from tests.clerk.factories import STATION
from tests.districtkit import (
    accepted_case,
    escalated_case,
)
from tests.printing.pdftools import flat, pdf_fonts, pdf_text
from tests.ui.district_fixtures import (
    TIMEOUT_MS,
    ClockedDistrict,
    staff,
    sync,
    window,
)
from ui.district.board import BoardPage
from ui.district.proxy import ProxyPage
from ui.district.ratings import RatingsPage
from ui.district.reports import ReportsPage

IdFactory = Callable[..., str]


def test_proxy_agent_records_steps_and_hands_over_the_result(
        qtbot: QtBot, station: Workspace, district: ClockedDistrict, id_factory: IdFactory,
        tmp_path: Path) -> None:
    rec = escalated_case(station, id_factory(1))
    sync(station)
    reviewer = staff(district, "li.shen")
    staff(district, "wang.dai", "proxy")
    for path, body, v in (("take", {}, 3), ("assign", {"proxy_agent": "wang.dai"}, 4)):
        r = district.post(f"/cases/{rec.id}/{path}", reviewer, json={"expected_version": v,
                                                                     **body})
        assert r.status_code == 200, r.text
    w = window(qtbot, district, tmp_path, "wang.dai")
    assert w.page_keys == ["mine", "board"]  # a proxy agent's navigation
    page = w.page("mine")
    assert isinstance(page, ProxyPage)
    assert page.model.rowCount() == 1
    assert page.detail.data is not None  # the first case opens with the page
    assert page.next_button.isVisible() and "提交部门" in page.next_button.text()
    assert not page.approve_button.isVisible()
    # One click per step: submitted to the department, its feedback, the result.
    for expected in ("提交部门", "部门反馈", "取得结果"):
        assert expected in page.next_button.text()
        with qtbot.waitSignal(page.detail.action_done, timeout=TIMEOUT_MS), \
                qtbot.waitSignal(page.detail.loaded, timeout=TIMEOUT_MS):
            qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.detail.data is not None
    assert [s["step"] for s in page.detail.data.steps] == ["提交部门", "部门反馈", "取得结果"]
    assert "提交部门 → 部门反馈 → 取得结果" in page.steps_label.text()
    assert "代办进展" in page.detail.summary_view.toPlainText()
    assert page.model.row_at(0).last_step in ("", "取得结果")  # the list row follows on reload
    # Hand-over: the department's decision, recorded by the agent, goes back to the station.
    assert not page.next_button.isVisible() and page.approve_button.isVisible()
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    panel = page.detail.panel
    assert panel.current_form == "approve"
    panel.approve_doc.setText("海民准〔2026〕3号")
    with qtbot.waitSignal(page.detail.action_done, timeout=TIMEOUT_MS), \
            qtbot.waitSignal(page.detail.loaded, timeout=TIMEOUT_MS):
        qtbot.mouseClick(panel.confirm_buttons["approve"], Qt.MouseButton.LeftButton)
    assert page.detail.data.state == State.APPROVED
    report = sync(station)
    assert report.pull.decisions == [rec.case_no]
    case = station.cases.get(rec.case_no)
    assert case.state == State.APPROVED and case.result is not None
    assert case.result["doc_no"] == "海民准〔2026〕3号"
    assert [s["step"] for s in case.proxy_steps] == ["提交部门", "部门反馈", "取得结果"]


def reload_board(qtbot: QtBot, board: BoardPage) -> None:
    with qtbot.waitSignal(board.ready, timeout=TIMEOUT_MS):
        board.reload()


def test_supervision_turns_yellow_then_red_as_the_calendar_advances(
        qtbot: QtBot, station: Workspace, district: ClockedDistrict, id_factory: IdFactory,
        tmp_path: Path) -> None:
    rec = escalated_case(station, id_factory(2))  # accepted Mon 2026-03-02, 5 days: 03-09
    assert rec.due_date == date(2026, 3, 9)
    sync(station)
    staff(district, "li.shen")
    w = window(qtbot, district, tmp_path, "li.shen")
    with qtbot.waitSignal(w.page("board").ready, timeout=TIMEOUT_MS):
        board = w.show_page("board")
    assert isinstance(board, BoardPage)
    counts = lambda: {k: c.number.text() for k, c in board.cards.items()}  # noqa: E731
    assert (counts()["yellow"], counts()["red"], counts()["stale"]) == ("0", "0", "0")

    district.set_local(date(2026, 3, 5))  # 3 of 5 days used
    reload_board(qtbot, board)
    assert counts()["yellow"] == "0"
    # Two days without a sync: the station is flagged.
    assert counts()["stale"] == "1"
    assert "久未同步" in board.stations.row_at(0).texts[0]

    district.set_local(date(2026, 3, 6))  # 4 of 5 days used: 80%
    reload_board(qtbot, board)
    assert (counts()["yellow"], counts()["red"]) == ("1", "0")
    row = board.stations.row_at(0)
    assert row.texts[1:3] == ("0", "1")
    # Drill down from the station's 预警 number to the case.
    with qtbot.waitSignal(board.cases.loaded, timeout=TIMEOUT_MS):
        board._clicked(board.stations.index(0, BoardPage.YELLOW_COL), station=True)
    assert [board.cases.row_at(i).case_no for i in range(board.cases.rowCount())] == [
        rec.case_no]
    assert board.cases.row_at(0).level == "yellow"

    district.set_local(date(2026, 3, 10))  # past the due date
    reload_board(qtbot, board)
    assert (counts()["yellow"], counts()["red"]) == ("0", "1")
    matter = board.matters.row_at(0)
    assert matter.texts[1] == "1"
    with qtbot.waitSignal(board.cases.loaded, timeout=TIMEOUT_MS):
        board._clicked(board.matters.index(0, BoardPage.RED_COL), station=False)
    assert board.cases.rowCount() == 1 and board.cases.row_at(0).level == "red"
    assert board.cases.row_at(0).days_left == -1
    # Double-click opens it in the queue.
    with qtbot.waitSignal(w.page("queue").detail.loaded, timeout=TIMEOUT_MS):
        board._open_case(board.cases.index(0, 0))
    assert w.pages.currentWidget() is w.page("queue")


def test_a_bad_rating_becomes_a_follow_up_with_a_15_working_day_deadline(
        qtbot: QtBot, station: Workspace, district: ClockedDistrict, id_factory: IdFactory,
        tmp_path: Path) -> None:
    good = accepted_case(station, id_factory(3), matter=STATION)
    station.cases.complete(good.case_no, rating=5)
    bad = accepted_case(station, id_factory(4), matter=STATION)
    station.cases.complete(bad.case_no, rating=2, rating_comment="等候时间太长",
                           rating_channel="clerk_on_behalf")
    sync(station)
    staff(district, "li.shen")
    w = window(qtbot, district, tmp_path, "li.shen")
    with qtbot.waitSignal(w.page("ratings").ready, timeout=TIMEOUT_MS):
        page = w.show_page("ratings")
    assert isinstance(page, RatingsPage)
    page.from_edit.setDate(page.from_edit.date().addYears(-1))
    with qtbot.waitSignal(page.ready, timeout=TIMEOUT_MS):
        page.reload()
    assert page.cards["total"].number.text() == "2"
    assert page.cards["bad"].number.text() == "1"
    assert page.cards["open"].number.text() == "1"
    station_row = page.by_station.row_at(0)
    assert station_row.texts[1] == "1" and station_row.texts[4] == "1"  # one 5, one 2
    # device, phone, keyed in by a clerk, and declines apart (no score)
    assert station_row.texts[-4:] == ("1", "0", "1", "0")
    assert "评价渠道：窗口评价器 1" in page.note.text()
    assert page.items.rowCount() == 1
    assert page.items.row_at(0).texts[-1] == "窗口人员代为录入（王窗口）"
    item = page.items.row_at(0).payload
    cal = WorkCalendar(station.calendar().years)
    assert item.rated_on == date(2026, 3, 2)
    assert item.deadline == cal.add_working_days(date(2026, 3, 2), 15).day == date(2026, 3, 23)
    assert item.comment == "等候时间太长" and item.status == "open"

    page.tabs.setCurrentIndex(1)
    page.select_followup(bad.id)
    assert page.comment_label.text() == "等候时间太长"  # in full, not "等候时…"
    page.owner_edit.setText("李审")
    page.done_check.setChecked(True)
    page.save()
    assert "整改情况" in page.save_error.text()  # closing needs what was done
    page.fix_edit.setPlainText("调整窗口排班，高峰期增开一个窗口")
    page.call_edit.setPlainText("2026-03-04 电话回访，申请人表示满意")
    with qtbot.waitSignal(page.saved, timeout=TIMEOUT_MS), \
            qtbot.waitSignal(page.ready, timeout=TIMEOUT_MS):
        page.save()
    done = page.items.row_at(0).payload
    assert (done.status, done.owner, done.done) == ("done", "李审", True)
    assert page.cards["open"].number.text() == "0"
    # The district's supervision list sees the follow-up as well.
    token = staff(district, "zhao.shen")
    board = district.get("/supervision", token).json()
    assert [(b["case_no"], b["followed_up"]) for b in board["bad_ratings"]] == [
        (bad.case_no, True)]


def test_period_report_with_csv_and_pdf(qtbot: QtBot, station: Workspace,
                                        district: ClockedDistrict, id_factory: IdFactory,
                                        tmp_path: Path) -> None:
    for n in range(2):
        rec = accepted_case(station, id_factory(10 + n), matter=STATION)
        station.cases.complete(rec.case_no, rating=5, rating_channel=("device", "phone")[n])
    escalated_case(station, id_factory(20))
    sync(station)
    staff(district, "li.shen")
    w = window(qtbot, district, tmp_path, "li.shen")
    with qtbot.waitSignal(w.page("reports").ready, timeout=TIMEOUT_MS):
        page = w.show_page("reports")
    assert isinstance(page, ReportsPage)
    page.set_period(date(2026, 3, 1), date(2026, 3, 31))
    with qtbot.waitSignal(page.ready, timeout=TIMEOUT_MS):
        page.reload()
    assert page.cards["accepted"].number.text() == "3"
    assert page.cards["completed"].number.text() == "2"
    assert page.cards["rate"].number.text() == "100.0%"
    assert page.by_station.row_at(0).texts[:3] == ("海淀区测试社区便民服务站", "3", "2")
    assert "每件只计一次" in page.definition.text()
    assert "窗口评价器 1" in page.channels_label.text()
    assert "申请人手机 1" in page.channels_label.text()
    target = tmp_path / "report.csv"
    page.export_csv(target)
    text = target.read_text(encoding="utf-8-sig")
    assert "海淀区测试社区便民服务站,110108001001,3,2,2,0,100.0%,0.0" in text
    shown: list[bytes] = []
    page.preview_opener = lambda pdf, _title, _parent: shown.append(pdf)
    with qtbot.waitSignal(page.pdf_ready, timeout=TIMEOUT_MS):
        page.print_pdf()
    assert shown
    words = flat(pdf_text(shown[0]))
    assert "办件统计报表" in words and "海淀区测试社区便民服务站" in words
    assert "统计期间：2026年3月1日至2026年3月31日" in words
    assert "统计口径" in words and "好差评（按评价渠道）" in words and "申请人手机" in words
    assert all(f.embedded and f.subset for f in pdf_fonts(shown[0]))
