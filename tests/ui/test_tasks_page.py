"""The tasks page: each list with its count, broken promises in red, and opening a case."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from clerk.cases.queries import Level
from clerk.workspace import Workspace
from tests.clerk.case_builder import DIBAO, ELDERLY, Cases
from tests.conftest import FakeClock
from ui.common.widgets import LEVEL_COLOURS
from ui.station.session import Session
from ui.station.tasks_page import TasksPage

TIMEOUT_MS = 10_000


@pytest.fixture
def page(qtbot: QtBot) -> TasksPage:
    widget = TasksPage()
    qtbot.addWidget(widget)
    widget.resize(1254, 740)
    return widget


def attach(qtbot: QtBot, page: TasksPage, session: Session) -> None:
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT_MS):
        page.attach(session)
        page.show()


def keys(page: TasksPage, which: int) -> list[str]:
    model = page.models[which]
    return [model.row_at(i).key for i in range(model.rowCount())]


def test_lists_and_counts(qtbot: QtBot, page: TasksPage, session: Session, cases: Cases,
                          clock: FakeClock) -> None:
    clock.set_local(date(2026, 3, 2))
    waiting = cases.awaiting()
    promised = cases.accepted(DIBAO, deferred={"income_proof": date(2026, 3, 6)})
    red = cases.accepted(ELDERLY)  # due 2026-03-16
    clock.set_local(date(2026, 3, 10))
    yellow = cases.accepted(ELDERLY)  # due 2026-03-24
    returned = cases.returned()
    approved = cases.decided(approve=True)
    denied = cases.decided(approve=False)
    cases.completed()
    clock.set_local(date(2026, 3, 20))
    attach(qtbot, page, session)
    assert sorted(keys(page, TasksPage.FOLLOW_UP)) == sorted([waiting, promised])
    assert keys(page, TasksPage.RETURNED) == [returned]
    assert sorted(keys(page, TasksPage.RESULTS)) == sorted([approved, denied])
    assert keys(page, TasksPage.RED) == [red]
    assert keys(page, TasksPage.YELLOW) == [yellow]
    assert [c.number.text() for c in page.cards] == ["2", "1", "2", "1", "1"]
    assert "承诺逾期 1" in page.cards[0].caption.text()
    # The broken promise's date is red; the phone is masked until the clerk asks.
    model = page.models[TasksPage.FOLLOW_UP]
    row = keys(page, TasksPage.FOLLOW_UP).index(promised)
    brush = model.data(model.index(row, 5), Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == LEVEL_COLOURS[Level.RED][1]
    assert model.data(model.index(row, 3)) == "138****8000"
    page.show_phones.setChecked(True)
    assert model.data(model.index(row, 3)) == "13800138000"
    assert "容缺后补" in model.data(model.index(row, 0))
    returned_model = page.models[TasksPage.RETURNED]
    opinion = returned_model.data(returned_model.index(0, 6))
    assert "请申请人签字后重新上报" in opinion and "家庭经济状况声明：缺少签字" in opinion
    overdue = page.models[TasksPage.RED]
    assert overdue.data(overdue.index(0, 5)) == "4 个工作日"


def test_cards_and_number_keys_switch_lists(qtbot: QtBot, page: TasksPage,
                                            session: Session, cases: Cases) -> None:
    cases.decided(approve=True)
    attach(qtbot, page, session)
    qtbot.mouseClick(page.cards[2], Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == TasksPage.RESULTS
    assert "领取" in page.note_label.text()
    page.activateWindow()
    page.current_view().setFocus()
    qtbot.keyClick(page.current_view(), Qt.Key.Key_4)
    assert page.stack.currentIndex() == TasksPage.RED and page.cards[3].isChecked()


def test_enter_resumes_supplements_and_opens_the_rest(qtbot: QtBot, page: TasksPage,
                                                      session: Session, cases: Cases) -> None:
    waiting = cases.awaiting()
    approved = cases.decided(approve=True)
    attach(qtbot, page, session)
    view = page.current_view()
    view.setFocus()
    view.selectRow(0)
    with qtbot.waitSignal(session.bus.resume_case, timeout=TIMEOUT_MS) as resumed:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert resumed.args == [waiting]
    page.select_list(TasksPage.RESULTS)
    view = page.current_view()
    index = page.models[TasksPage.RESULTS].index(0, 0)
    with qtbot.waitSignal(session.bus.open_case, timeout=TIMEOUT_MS) as opened:
        view.doubleClicked.emit(index)
    assert opened.args == [approved]


def test_a_changed_case_reloads_the_visible_lists(qtbot: QtBot, page: TasksPage,
                                                  session: Session, ws: Workspace,
                                                  cases: Cases) -> None:
    approved = cases.decided(approve=True)
    attach(qtbot, page, session)
    assert keys(page, TasksPage.RESULTS) == [approved]
    ws.cases.complete(approved, rating=5)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT_MS):
        session.bus.case_changed.emit(approved)
    assert keys(page, TasksPage.RESULTS) == []
    assert page.cards[2].number.text() == "0"


def test_delivered_promises_leave_the_list(qtbot: QtBot, page: TasksPage, session: Session,
                                           cases: Cases, clock: FakeClock) -> None:
    """Generated promised cases at the station and at the district: the broken ones
    are counted until the material is handed in (补交容缺材料)."""
    clock.set_local(date(2026, 6, 1))
    made = [cases.accepted(DIBAO, deferred={"income_proof": date(2026, 6, 2 + i)})
            for i in range(3)]
    made.append(cases.under_review(deferred={"income_proof": date(2026, 6, 3)}))
    clock.set_local(date(2026, 6, 5))  # promises of 06-02, 06-03 (twice), 06-04 broken
    attach(qtbot, page, session)
    assert sorted(keys(page, TasksPage.FOLLOW_UP)) == sorted(made)
    assert "承诺逾期 4" in page.cards[0].caption.text()
    session.ws.cases.supplement(made[0], ["income_proof"])
    session.ws.cases.supplement(made[3], ["income_proof"])  # held by the district
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT_MS):
        page.reload()
    assert sorted(keys(page, TasksPage.FOLLOW_UP)) == sorted(made[1:3])
    assert "承诺逾期 2" in page.cards[0].caption.text()


def test_waiting_days_of_results_are_never_negative(qtbot: QtBot, page: TasksPage,
                                                    session: Session, cases: Cases,
                                                    clock: FakeClock) -> None:
    clock.set_local(date(2026, 3, 10))
    today = cases.decided(approve=True)
    clock.set_local(date(2026, 3, 12))
    future = cases.decided(approve=True)  # dated after the PC's today below
    clock.set_local(date(2026, 3, 11))
    attach(qtbot, page, session)
    model = page.models[TasksPage.RESULTS]
    rows = {model.row_at(i).key: model.row_at(i) for i in range(model.rowCount())}
    assert rows[today].texts[5] == "1 天"
    assert rows[future].texts[5] == "今天"
    assert "本机的日期" in rows[future].tooltips[5]
    assert not any("-" in r.texts[5] for r in rows.values())

