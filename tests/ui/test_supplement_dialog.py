"""补交容缺材料 on the case detail: the action appears only when the state machine allows it
and something is awaited; the dialog is driven by the keyboard; the timeline shows the
event and the materials tab the delivery day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk.cases.checklist import ItemStatus
from tests.clerk.case_builder import DIBAO, Cases
from tests.conftest import FakeClock
from tests.ui.test_cases_page import TIMEOUT_MS, make_page, select  # noqa: F401
from ui.station.case_detail import Action, DetailRenderer, load_detail, station_actions
from ui.station.cases_page import CasesPage
from ui.station.session import Session
from ui.station.supplement_dialog import SupplementDialog

DEFERRED = "income_proof"


def test_action_only_while_something_is_awaited(cases: Cases, clock: FakeClock) -> None:
    promise = clock().date() + timedelta(days=3)
    for make in (cases.accepted, cases.escalated, cases.under_review):
        case_no = make(deferred={DEFERRED: promise})
        rec = cases.ws.cases.get(case_no)
        assert Action.SUPPLEMENT in station_actions(rec), rec.state
        cases.ws.cases.supplement(case_no, [DEFERRED])
        assert Action.SUPPLEMENT not in station_actions(cases.ws.cases.get(case_no))
    assert Action.SUPPLEMENT not in station_actions(cases.ws.cases.get(cases.accepted(DIBAO)))
    draft = cases.new(DIBAO, deferred={DEFERRED: promise})
    assert Action.SUPPLEMENT not in station_actions(cases.ws.cases.get(draft))


def test_dialog_lists_awaited_items_and_needs_a_tick(qtbot: QtBot, cases: Cases,
                                                     clock: FakeClock) -> None:
    clock.set_local(date(2026, 6, 10))
    case_no = cases.accepted(DIBAO, deferred={DEFERRED: date(2026, 6, 8)})
    rec = cases.ws.cases.get(case_no)
    dialog = SupplementDialog(case_no, rec.materials.awaited, date(2026, 6, 10))
    qtbot.addWidget(dialog)
    dialog.show()
    assert list(dialog.boxes) == [DEFERRED]
    box = dialog.boxes[DEFERRED]
    assert "已逾期" in box.text() and "2026-06-08" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # nothing ticked: refused with words
    assert dialog.result() == 0 and dialog.error.isVisible()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and not dialog.error.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT_MS):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert dialog.keys() == [DEFERRED]


def test_supplement_through_the_case_detail(
        qtbot: QtBot, make_page: Callable[[], CasesPage], session: Session,  # noqa: F811
        cases: Cases, clock: FakeClock) -> None:
    clock.set_local(date(2026, 6, 10))
    case_no = cases.under_review(deferred={DEFERRED: date(2026, 6, 20)})
    page = make_page()
    select(qtbot, page, case_no)
    detail = page.detail
    assert detail.supplement_button.isVisible()
    assert "补交的容缺材料可在此登记" in detail.hint.text()
    qtbot.mouseClick(detail.supplement_button, Qt.MouseButton.LeftButton)
    dialog = detail.supplement_dialog
    assert dialog is not None and dialog.isVisible()
    box = dialog.boxes[DEFERRED]
    qtbot.keyClick(box, Qt.Key.Key_Space)
    with qtbot.waitSignal(detail.case_changed, timeout=TIMEOUT_MS):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not detail.supplement_button.isVisible(), timeout=TIMEOUT_MS)
    rec = session.ws.cases.get(case_no)
    assert rec.materials.item(DEFERRED).status == ItemStatus.RECEIVED
    data = load_detail(session.ws, case_no)
    renderer = DetailRenderer()
    assert "补交容缺材料" in renderer.timeline(data)
    assert "2026-06-10 补交（承诺 2026-06-20）" in renderer.materials(data)


def test_district_sees_the_supplement(qtbot: QtBot, cases: Cases, clock: FakeClock) -> None:
    """The district's renderer (case materials, timeline) and board card."""
    from ui.district.board import BoardPage
    from ui.district.render import DistrictCase, DistrictRenderer
    from wire.protocol import CaseDetail, PulledEvent
    from wire.staff import BoardResponse

    clock.set_local(date(2026, 6, 10))
    case_no = cases.under_review(deferred={DEFERRED: date(2026, 6, 8)})
    rec = cases.ws.cases.supplement(case_no, [DEFERRED], counts={DEFERRED: (1, 1)})
    events = [PulledEvent.model_validate({**e.to_wire(), "pos": n})
              for n, e in enumerate(cases.ws.cases.timeline(case_no), 1)]
    detail = CaseDetail(case_id=rec.id, case_no=rec.case_no, station_code=rec.station_code,
                        matter_code=rec.matter_code, matter_name=rec.matter_name,
                        state=rec.state.value, state_label=rec.state.label,
                        owner=rec.owner.value, proxy_agent=None, accepted_at=rec.accepted_at,
                        due_date=rec.due_date, due_provisional=False, version=rec.version,
                        updated_at=clock(), record=rec.to_dict())
    case = DistrictCase(detail=detail, events=events)
    renderer = DistrictRenderer()
    assert "2026-06-10 补交（承诺 2026-06-08）" in renderer.materials(case)
    timeline = renderer.timeline(case, {})
    assert "补交容缺材料" in timeline and "原件1份、复印件1份" in timeline
    board = BoardPage()
    qtbot.addWidget(board)
    board._show(BoardResponse(today=date(2026, 6, 10), stale_hours=24, counts={},
                              by_station=[], by_matter=[], stations=[], overdue_promises=4))
    assert board.cards["promises"].number.text() == "4"
