"""The 受理 page, driven through its real widgets: every path from matter to paper."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk.applicants import PersonInput
from clerk.cases.checklist import ItemStatus
from clerk.cases.events import Event
from clerk.cases.ledger import append_event, load_by_case_no
from clerk.cases.service import MaterialChanges
from clerk.cases.states import EventType, Side, State
from clerk.drafts import load_draft
from clerk.workspace import Workspace
from printing.qr import qr_payload
from tests.printing.pdftools import pdf_text
from tests.ui.conftest import shown_intake_page
from ui.common.operations import synchronous_operations, task_manager
from ui.station.counter_view import Showing
from ui.station.intake.decision import Mode
from ui.station.intake.page import IntakePage
from ui.station.intake.work import Decision, changes_against
from ui.station.session import Session

IdFactory = Callable[..., str]
PENSION = "BJ-RS-GG-001"  # 城乡居民基本养老保险参保登记: committed, station level
ELDERLY = "BJ-MZ-JF-003"  # 高龄津贴申请: also asks for id_card
MEDICAL = "BJ-YB-GG-001"  # 城乡居民基本医疗保险参保登记: instant (即办件)
DISABILITY = "BJ-CL-GG-001"  # 残疾人证新办: district level
CASE_NO = re.compile(r"\d{12}-\d{8}-\d{4,6}")


@pytest.fixture(autouse=True)
def _inline_operations(qapp: QApplication) -> Iterator[None]:
    """Background work runs inline, so each step is finished when the call returns."""
    with synchronous_operations():
        yield


def make_page(qtbot: QtBot, session: Session) -> IntakePage:
    return shown_intake_page(qtbot, session, draft_delay_ms=20)


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> IntakePage:
    return make_page(qtbot, session)


# --- helpers ------------------------------------------------------------------------------

def choose_matter(qtbot: QtBot, page: IntakePage, code: str) -> None:
    picker = page.matter_picker
    picker.search_edit.clear()
    qtbot.keyClicks(picker.search_edit, code)
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_Return)
    matter = picker.matter()
    assert matter is not None and matter.code == code


def enter_applicant(qtbot: QtBot, page: IntakePage, id_no: str, name: str = "",
                    mobile: str = "") -> None:
    qtbot.keyClicks(page.applicant.id_edit, id_no)
    qtbot.keyClick(page.applicant.id_edit, Qt.Key.Key_Return)
    if name:
        page.applicant.name_edit.setText(name)
    if mobile:
        page.applicant.mobile_edit.setText(mobile)


def fill_pension_form(page: IntakePage) -> None:
    panel = page.form_panel
    panel.set_raw_values({"annual_contribution": "1000", "payment_method": "银行代扣",
                          "residence_address": "北京市海淀区学院路1号"})


def mark(page: IntakePage, key: str, status: ItemStatus = ItemStatus.RECEIVED) -> None:
    assert page.checklist_model.set_status(key, status)


def press_space_on(qtbot: QtBot, page: IntakePage, key: str) -> None:
    view = page.checklist_view
    row = page.checklist_model.row_of(key)
    assert row is not None
    view.setCurrentIndex(page.checklist_model.index(row, 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)


def case_no_in_banner(page: IntakePage) -> str:
    found = CASE_NO.search(page.banner_text())
    assert found, page.banner_text()
    return found.group(0)


def new_pension_case_with_notice(qtbot: QtBot, page: IntakePage, id_no: str) -> str:
    """A pension intake with the registration form and hukou missing → notice."""
    choose_matter(qtbot, page, PENSION)
    enter_applicant(qtbot, page, id_no, "李秀英", "13900139000")
    fill_pension_form(page)
    mark(page, "id_card")
    assert page.decision_button(Decision.NOTICE).isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_F10)
    return case_no_in_banner(page)


# --- new intake ---------------------------------------------------------------------------

def test_empty_page_offers_no_decision_and_focus_is_in_the_search(qtbot: QtBot,
                                                                  page: IntakePage) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.matter_picker.search_edit)
    for d in (Decision.ACCEPT, Decision.NOTICE, Decision.REFUSE):
        assert page.decision_button(d).isVisible()
        assert not page.decision_button(d).isEnabled()
        assert page.decision_button(d).toolTip()
    assert not page.decision_button(Decision.COMPLETE).isVisible()  # no instant matter
    assert not page.decision_button(Decision.RESUBMIT).isVisible()
    assert "选择事项" in page.decision_panel.summary_label.text()


def test_accept_with_receipt(qtbot: QtBot, page: IntakePage, session: Session,
                             id_factory: IdFactory) -> None:
    id_no = id_factory(1)
    choose_matter(qtbot, page, PENSION)
    assert "承诺件" in page.matter_picker.summary_label.text()
    enter_applicant(qtbot, page, id_no, "王大明", "13800138000")
    fill_pension_form(page)
    for key in ("pension_registration_form", "hukou_booklet", "id_card"):
        press_space_on(qtbot, page, key)
    accept = page.decision_button(Decision.ACCEPT)
    assert accept.isEnabled(), accept.toolTip()
    changed: list[str] = []
    session.bus.case_changed.connect(changed.append)
    with qtbot.waitSignal(page.documents_ready, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    case_no = case_no_in_banner(page)
    assert changed == [case_no]
    rec = session.ws.cases.get(case_no)
    assert rec.state == State.ACCEPTED and rec.form_data["annual_contribution"] == "1000.00"
    assert page.preview is not None and page.preview.isVisible()
    text = pdf_text(page.preview.current_pdf())
    assert "受理回执" in text and case_no in text
    # ready for the next citizen; the matter is now a recent one
    assert page.mode == Mode.NEW and page.matter_picker.matter() is None
    assert page.applicant.id_edit.text() == "" and page.checklist_model.rowCount() == 0
    assert page.matter_picker.listed()[0] == PENSION
    assert load_draft(session.ws, "admin") is None


def test_accept_in_a_real_background_thread(qtbot: QtBot, page: IntakePage, session: Session,
                                            id_factory: IdFactory) -> None:
    """The same path with real worker threads: the page is busy, never frozen, then free."""
    choose_matter(qtbot, page, PENSION)
    enter_applicant(qtbot, page, id_factory(2), "赵小红")
    fill_pension_form(page)
    for key in ("pension_registration_form", "hukou_booklet", "id_card"):
        mark(page, key)
    manager = task_manager()
    saved = manager.serial_executor, manager.parallel_executor
    worker = ThreadPoolExecutor(1, thread_name_prefix="test-db")
    manager.serial_executor = manager.parallel_executor = worker
    try:
        with qtbot.waitSignal(page.decision_done, timeout=15_000) as blocker:
            qtbot.keyClick(page, Qt.Key.Key_F9)
            busy = not page.body.isEnabled()
        qtbot.waitUntil(lambda: manager.pending_count == 0, timeout=15_000)
    finally:
        worker.shutdown(wait=True)
        manager.serial_executor, manager.parallel_executor = saved
    assert busy and page.body.isEnabled()
    assert session.ws.cases.get(blocker.args[0]).state == State.ACCEPTED
    assert page.preview is not None


def test_refusal_with_reason(qtbot: QtBot, page: IntakePage, session: Session,
                             id_factory: IdFactory) -> None:
    choose_matter(qtbot, page, PENSION)
    enter_applicant(qtbot, page, id_factory(3), "孙立")
    qtbot.keyClick(page, Qt.Key.Key_F11)
    panel = page.decision_panel
    assert panel.refusal_box.isVisible()
    assert panel.reason_combo.count() == 4  # the matter's refusal reasons to choose from
    panel.refuse_confirm.click()
    assert "必须写明理由" in panel.reason_message.text()  # nothing happened yet
    assert session.ws.cases.count() == 0
    panel.reason_combo.setCurrentIndex(0)
    reason = panel.reason_combo.currentText()
    panel.basis_edit.setText("《北京市城乡居民养老保险办法》")
    with qtbot.waitSignal(page.documents_ready, timeout=10_000):
        qtbot.keyClick(panel.basis_edit, Qt.Key.Key_Return)
    case_no = case_no_in_banner(page)
    rec = session.ws.cases.get(case_no)
    assert rec.state == State.NOT_ACCEPTED and rec.refusal is not None
    assert rec.refusal["reason"] == reason
    assert page.preview is not None
    text = pdf_text(page.preview.current_pdf()).replace("\n", "")
    assert "不予受理通知书" in text and reason[:8] in text


def test_instant_completion_asks_the_citizen_to_rate(qtbot: QtBot, page: IntakePage,
                                                    session: Session,
                                                    id_factory: IdFactory) -> None:
    choose_matter(qtbot, page, MEDICAL)
    enter_applicant(qtbot, page, id_factory(4), "周敏")
    page.form_panel.set_raw_values({"insured_category": "劳动年龄内居民"})
    complete = page.decision_button(Decision.COMPLETE)
    assert complete.isVisible() and not complete.isEnabled()
    assert page.checklist_model.find("hukou_booklet").status == ItemStatus.SHARED  # type: ignore[union-attr]
    mark(page, "id_card")
    assert complete.isEnabled()
    panel = page.decision_panel
    assert panel.rating_note.isVisible()  # no score to pick: the citizen rates
    views: list[Any] = []
    session.bus.counter_view.connect(views.append)
    with qtbot.waitSignal(page.documents_ready, timeout=10_000) as blocker:
        qtbot.keyClick(page, Qt.Key.Key_F12)
    docs = blocker.args[0]
    assert [d.kind for d in docs] == ["receipt", "result"]
    case_no = case_no_in_banner(page)
    rec = session.ws.cases.get(case_no)
    assert rec.state == State.COMPLETED and rec.rating is None
    rating = [v for v in views if v.showing == Showing.RATING]
    assert [v.case_no for v in rating] == [case_no] and views[-1] is rating[0]
    preview = page.preview
    assert preview is not None and preview.document_count() == 2
    assert "受理回执" in pdf_text(preview.pdfs()[0])
    assert "办结通知" in pdf_text(preview.pdfs()[1])


def test_document_on_file_is_offered_and_counted(qtbot: QtBot, page: IntakePage,
                                                 session: Session,
                                                 id_factory: IdFactory) -> None:
    id_no = id_factory(5)
    ws = session.ws
    first = ws.cases.new_case(matter_code=PENSION,
                              applicant=PersonInput(name="钱进", id_no=id_no,
                                                    mobile="13700137000"),
                              changes=MaterialChanges(received=["pension_registration_form",
                                                                "hukou_booklet", "id_card"]))
    ws.cases.accept(first.case_no)  # id_card and hukou are now on file
    choose_matter(qtbot, page, ELDERLY)
    with qtbot.waitSignal(page.person_looked_up, timeout=5000):
        enter_applicant(qtbot, page, id_no)
    assert page.applicant.name_edit.text() == "钱进"  # a known person is not retyped
    assert page.applicant.mobile_edit.text() == "13700137000"
    assert "证照库" in page.applicant.recall_label.text()
    row = page.checklist_model.find("id_card")
    assert row is not None and row.status == ItemStatus.ON_FILE
    assert ItemStatus.ON_FILE in row.options()
    index = page.checklist_model.index(page.checklist_model.row_of("id_card") or 0, 3)
    assert index.data() == "证照库"
    outstanding = [i.key for i in page.checklist_model.checklist().outstanding]
    assert "id_card" not in outstanding
    assert "证照库 1 项" in page.decision_panel.summary_label.text()
    # another ID: the recalled person and their documents go away again
    page.applicant.id_edit.backspace()
    assert page.applicant.name_edit.text() == ""
    assert page.checklist_model.find("id_card").status == ItemStatus.MISSING  # type: ignore[union-attr]
    with qtbot.waitSignal(page.person_looked_up, timeout=5000):
        qtbot.keyClicks(page.applicant.id_edit, id_no[-1])
    assert page.applicant.name_edit.text() == "钱进"
    mark(page, "elderly_subsidy_form")
    mark(page, "social_security_card")
    with qtbot.waitSignal(page.documents_ready, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_F9)
    rec = ws.cases.get(case_no_in_banner(page))
    assert rec.state == State.ACCEPTED
    assert rec.materials.item("id_card").status == ItemStatus.ON_FILE
    assert page.preview is not None
    assert "证照库已核验" in pdf_text(page.preview.current_pdf())


# --- returning applicant ----------------------------------------------------------------------

def test_notice_then_supplement_by_case_number_then_accept(qtbot: QtBot, page: IntakePage,
                                                           session: Session,
                                                           id_factory: IdFactory) -> None:
    id_no = id_factory(6)
    case_no = new_pension_case_with_notice(qtbot, page, id_no)
    assert page.preview is not None
    text = pdf_text(page.preview.current_pdf())
    assert "一次性告知单" in text and case_no in text
    assert session.ws.cases.get(case_no).state == State.AWAITING_SUPPLEMENT

    with qtbot.waitSignal(page.case_loaded, timeout=5000):
        qtbot.keyClicks(page.lookup_bar.edit, case_no)
        qtbot.keyClick(page.lookup_bar.edit, Qt.Key.Key_Return)
    assert page.mode == Mode.SUPPLEMENT
    assert case_no in page.mode_label.text()
    model = page.checklist_model
    shown = {model.row(r).key for r in range(model.rowCount())}
    assert shown == {"pension_registration_form", "hukou_booklet"}  # only what is missing
    assert page.applicant.name_edit.isReadOnly()
    assert not page.decision_button(Decision.ACCEPT).isEnabled()
    press_space_on(qtbot, page, "pension_registration_form")
    press_space_on(qtbot, page, "hukou_booklet")
    assert page.decision_button(Decision.ACCEPT).isEnabled()
    with qtbot.waitSignal(page.documents_ready, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_F9)
    assert case_no_in_banner(page) == case_no
    assert session.ws.cases.get(case_no).state == State.ACCEPTED
    assert page.mode == Mode.NEW
    assert page.preview is not None and "受理回执" in pdf_text(page.preview.current_pdf())


def test_supplement_found_by_qr_payload(qtbot: QtBot, page: IntakePage, session: Session,
                                        id_factory: IdFactory) -> None:
    id_no = id_factory(7)
    case_no = new_pension_case_with_notice(qtbot, page, id_no)
    forged = qr_payload(case_no, "0000" if id_no[-4:] != "0000" else "1111")
    page.lookup_bar.edit.setText(forged)
    qtbot.keyClick(page.lookup_bar.edit, Qt.Key.Key_Return)
    assert "校验不通过" in page.lookup_bar.message.text()
    assert page.mode == Mode.NEW
    scanned = qr_payload(case_no, id_no[-4:])
    page.lookup_bar.edit.clear()
    with qtbot.waitSignal(page.case_loaded, timeout=5000) as blocker:
        qtbot.keyClicks(page.lookup_bar.edit, scanned)  # a scanner types like a keyboard
        qtbot.keyClick(page.lookup_bar.edit, Qt.Key.Key_Return)
    assert blocker.args == [case_no]
    mark(page, "pension_registration_form")
    mark(page, "hukou_booklet")
    with qtbot.waitSignal(page.decision_done, timeout=10_000):
        page.decision_button(Decision.ACCEPT).click()
    assert session.ws.cases.get(case_no).state == State.ACCEPTED


def test_id_number_lists_the_open_cases_to_choose_from(qtbot: QtBot, page: IntakePage,
                                                       session: Session,
                                                       id_factory: IdFactory) -> None:
    id_no = id_factory(8)
    first = new_pension_case_with_notice(qtbot, page, id_no)
    second = new_pension_case_with_notice(qtbot, page, id_no)
    page.lookup_bar.edit.setText(id_no)
    qtbot.keyClick(page.lookup_bar.edit, Qt.Key.Key_Return)
    choices = page.lookup_bar.choices
    assert choices.isVisible() and choices.count() == 2
    assert second in choices.item(0).text() and first in choices.item(1).text()
    with qtbot.waitSignal(page.case_loaded, timeout=5000) as blocker:
        qtbot.keyClick(page.lookup_bar.edit, Qt.Key.Key_Down)
        qtbot.keyClick(page.lookup_bar.edit, Qt.Key.Key_Return)
    assert blocker.args == [first]
    # resume() (the cases page's "continue at the counter") does the same
    with qtbot.waitSignal(page.case_loaded, timeout=5000):
        page.resume(second)
    record = page.record()
    assert record is not None and record.case_no == second


def test_case_not_waiting_for_a_supplement_is_explained(qtbot: QtBot, page: IntakePage,
                                                        session: Session,
                                                        id_factory: IdFactory) -> None:
    rec = session.ws.cases.new_case(matter_code=PENSION,
                                    applicant=PersonInput(name="吴刚", id_no=id_factory(9)),
                                    changes=MaterialChanges(received=[
                                        "pension_registration_form", "hukou_booklet",
                                        "id_card"]))
    session.ws.cases.accept(rec.case_no)
    page.lookup_bar.edit.setText(rec.case_no)
    qtbot.keyClick(page.lookup_bar.edit, Qt.Key.Key_Return)
    assert "已受理" in page.lookup_bar.message.text()
    assert page.mode == Mode.NEW


def test_one_time_principle_needs_a_justification(qtbot: QtBot, page: IntakePage,
                                                  session: Session,
                                                  id_factory: IdFactory) -> None:
    case_no = new_pension_case_with_notice(qtbot, page, id_factory(10))
    page.resume(case_no)
    panel = page.decision_panel
    assert not panel.justification_box.isVisible()
    page.show_all_box.setChecked(True)
    assert page.checklist_model.rowCount() == 5
    mark(page, "id_card", ItemStatus.MISSING)  # found unacceptable on a closer look
    assert panel.justification_box.isVisible()
    notice = page.decision_button(Decision.NOTICE)
    assert not notice.isEnabled() and "理由" in notice.toolTip()
    assert "居民身份证" in panel.summary_label.text()
    qtbot.keyClick(page, Qt.Key.Key_F10)  # refused: the reason is asked for, inline
    assert "理由" in panel.justification_message.text()
    assert session.ws.cases.get(case_no).state == State.AWAITING_SUPPLEMENT
    assert len(session.ws.cases.get(case_no).notices) == 1
    qtbot.keyClicks(panel.justification_edit, "shenfenzheng guoqi")
    assert notice.isEnabled()
    with qtbot.waitSignal(page.documents_ready, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_F10)
    rec = session.ws.cases.get(case_no)
    assert len(rec.notices) == 2
    assert rec.notices[1]["flagged"]
    assert "id_card" in {i["key"] for i in rec.notices[1]["items"]} - rec.first_notice_keys
    assert rec.notices[1]["justification"] == "shenfenzheng guoqi"


def test_service_refusal_of_a_new_item_shows_the_reason_field(
        qtbot: QtBot, page: IntakePage, session: Session, id_factory: IdFactory) -> None:
    """The service is the last word: if the case changed behind the screen's back and a
    later notice would add an item, the error lands in the reason field, not a crash."""
    case_no = new_pension_case_with_notice(qtbot, page, id_factory(11))
    page.resume(case_no)
    assert page.decision_button(Decision.NOTICE).isEnabled()
    session.ws.cases.update_materials(case_no, MaterialChanges(missing=["id_card"]))
    qtbot.keyClick(page, Qt.Key.Key_F10)
    panel = page.decision_panel
    assert panel.justification_box.isVisible()
    assert "一次性告知原则" in panel.justification_message.text()
    assert len(session.ws.cases.get(case_no).notices) == 1
    record = page.record()
    assert record is not None and "id_card" in {i.key for i in record.materials.outstanding}
    assert not page.decision_button(Decision.NOTICE).isEnabled()
    panel.justification_edit.setText("原身份证已过期")
    with qtbot.waitSignal(page.decision_done, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_F10)
    assert session.ws.cases.get(case_no).notices[1]["flagged"]


def test_returned_case_is_supplemented_and_resubmitted(qtbot: QtBot, page: IntakePage,
                                                       session: Session,
                                                       id_factory: IdFactory) -> None:
    ws = session.ws
    rec = ws.cases.new_case(matter_code=DISABILITY,
                            applicant=PersonInput(name="郑华", id_no=id_factory(12)),
                            changes=MaterialChanges(
                                received=["id_card", "hukou_booklet", "photo_2inch",
                                          "disability_application_form"],
                                deferred={"disability_assessment_form": date(2026, 3, 9)}),
                            form_data={"disability_category": "肢体残疾"})
    ws.cases.accept(rec.case_no)
    ws.cases.escalate(rec.case_no)
    district_event(ws, rec.case_no, EventType.TAKEN, {})
    district_event(ws, rec.case_no, EventType.RETURNED, {
        "items": [{"key": "photo_2inch", "name": "近期二寸白底免冠彩色照片",
                   "requirement": "照片背景不是白色，请重拍"}],
        "note": "照片不合格", "at": "2026-03-03T02:00:00Z"})
    with qtbot.waitSignal(page.case_loaded, timeout=5000):
        page.resume(rec.case_no)
    assert page.mode == Mode.RETURNED
    assert "照片不合格" in page.mode_label.text()
    resubmit = page.decision_button(Decision.RESUBMIT)
    assert resubmit.isVisible() and not resubmit.isEnabled()
    for d in (Decision.ACCEPT, Decision.NOTICE, Decision.REFUSE):
        assert not page.decision_button(d).isVisible()  # only the allowed decision
    model = page.checklist_model
    assert [model.row(r).key for r in range(model.rowCount())] == ["photo_2inch"]
    assert "重拍" in page.requirement_label.text()
    press_space_on(qtbot, page, "photo_2inch")
    assert resubmit.isEnabled()
    with qtbot.waitSignal(page.decision_done, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_F9)
    assert ws.cases.get(rec.case_no).state == State.ESCALATED
    assert page.preview is None  # nothing to print for a resubmission


def district_event(ws: Workspace, case_no: str, etype: EventType,
                   payload: dict[str, object]) -> None:
    with ws.store.write() as s:
        rec = load_by_case_no(s, case_no)
        append_event(s, rec, Event(event_id=str(uuid.uuid4()), case_id=rec.id,
                                   seq=rec.version + 1, type=etype, payload=dict(payload),
                                   actor="reviewer", origin=Side.DISTRICT,
                                   occurred_at=ws.now()), sync_state="acked")


# --- the ID field on the page -------------------------------------------------------------------

def test_invalid_id_feedback_disables_decisions(qtbot: QtBot, page: IntakePage,
                                                id_factory: IdFactory) -> None:
    good = id_factory(13)
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    choose_matter(qtbot, page, PENSION)
    qtbot.keyClicks(page.applicant.id_edit, wrong)
    page.applicant.name_edit.setText("冯雪")
    assert "校验不通过" in page.applicant.id_message.text()
    assert page.applicant.id_message.isVisible()
    for d in (Decision.ACCEPT, Decision.NOTICE, Decision.REFUSE):
        assert not page.decision_button(d).isEnabled()
    assert "校验不通过" in page.decision_panel.summary_label.text()
    page.applicant.id_edit.setText(good)
    assert page.decision_button(Decision.REFUSE).isEnabled()
    assert "号码有效" in page.applicant.id_message.text()


def test_scanner_types_eighteen_characters_and_enter(qtbot: QtBot, page: IntakePage,
                                                     session: Session,
                                                     id_factory: IdFactory) -> None:
    id_no = id_factory(14)
    ws = session.ws
    ws.cases.new_case(matter_code=PENSION, applicant=PersonInput(name="陈静", id_no=id_no,
                                                                 address="学院路2号"))
    choose_matter(qtbot, page, PENSION)
    page.applicant.id_edit.setFocus()
    with qtbot.waitSignal(page.person_looked_up, timeout=5000):
        qtbot.keyClicks(page.applicant.id_edit, id_no)  # a burst, no pauses
        qtbot.keyClick(page.applicant.id_edit, Qt.Key.Key_Return)
    assert page.applicant.id_edit.text() == id_no
    assert page.applicant.name_edit.text() == "陈静"
    assert page.applicant.address_edit.text() == "学院路2号"
    assert "男" in page.applicant.id_message.text() or "女" in page.applicant.id_message.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.applicant.name_edit)
    qtbot.keyClick(page.applicant.name_edit, Qt.Key.Key_Return)  # Enter proceeds
    assert QApplication.focusWidget() is page.applicant.mobile_edit


def test_keyboard_only_from_matter_to_receipt(qtbot: QtBot, page: IntakePage, session: Session,
                                             id_factory: IdFactory) -> None:
    """Enter proceeds field to field, Space marks materials, Ctrl+Enter accepts."""
    def focus() -> object:
        return QApplication.focusWidget()

    qtbot.waitUntil(lambda: focus() is page.matter_picker.search_edit)
    qtbot.keyClicks(page.matter_picker.search_edit, "cxjmjbylbx")  # 城乡居民基本养老保险…
    qtbot.keyClick(page.matter_picker.search_edit, Qt.Key.Key_Return)
    matter = page.matter_picker.matter()
    assert matter is not None and matter.code == PENSION
    assert focus() is page.applicant.id_edit
    qtbot.keyClicks(page.applicant.id_edit, id_factory(20))
    qtbot.keyClick(page.applicant.id_edit, Qt.Key.Key_Return)
    assert focus() is page.applicant.name_edit
    page.applicant.name_edit.insert("蒋文")  # QTest cannot synthesise Chinese key presses
    for expected in (page.applicant.mobile_edit, page.applicant.address_edit,
                     page.applicant.agent_toggle):
        qtbot.keyClick(focus(), Qt.Key.Key_Return)  # type: ignore[arg-type]
        assert focus() is expected
    editors = page.form_panel.editors()
    qtbot.keyClick(page.applicant.agent_toggle, Qt.Key.Key_Return)  # agent folded: skip it
    assert focus() is editors[0]
    qtbot.keyClicks(editors[0], "1200")
    qtbot.keyClick(editors[0], Qt.Key.Key_Return)
    assert focus() is editors[1]
    qtbot.keyClick(editors[1], Qt.Key.Key_Down)  # 银行代扣
    qtbot.keyClick(editors[1], Qt.Key.Key_Return)
    assert focus() is editors[2]
    qtbot.keyClicks(editors[2], "xueyuanlu 1")
    qtbot.keyClick(editors[2], Qt.Key.Key_Return)
    assert focus() is page.checklist_view
    for _ in range(3):  # Space ticks and moves on
        qtbot.keyClick(page.checklist_view, Qt.Key.Key_Space)
    with qtbot.waitSignal(page.decision_done, timeout=10_000) as blocker:
        qtbot.keyClick(page.checklist_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    rec = session.ws.cases.get(blocker.args[0])
    assert rec.state == State.ACCEPTED
    assert rec.form_data == {"annual_contribution": "1200.00", "payment_method": "银行代扣",
                             "residence_address": "xueyuanlu 1"}
    qtbot.waitUntil(lambda: focus() is page.matter_picker.search_edit)


def test_agent_suggests_the_power_of_attorney(qtbot: QtBot, page: IntakePage,
                                              id_factory: IdFactory) -> None:
    choose_matter(qtbot, page, PENSION)
    assert not page.applicant.agent_box.isVisible()
    row = page.checklist_model.find("power_of_attorney")
    assert row is not None and row.status == ItemStatus.NOT_APPLICABLE
    page.applicant.agent_toggle.click()
    assert page.applicant.agent_box.isVisible()
    page.applicant.agent_name_edit.setText("代理人甲")
    assert row.status == ItemStatus.MISSING
    assert "授权委托书" in page.banner_text()


# --- drafts --------------------------------------------------------------------------------

def test_draft_is_restored_after_the_page_is_recreated(qtbot: QtBot, page: IntakePage,
                                                       session: Session,
                                                       id_factory: IdFactory) -> None:
    id_no = id_factory(15)
    choose_matter(qtbot, page, PENSION)
    enter_applicant(qtbot, page, id_no, "褚楠", "13600136000")
    page.form_panel.set_raw_values({"annual_contribution": "2000", "payment_method": "自行缴纳"})
    with qtbot.waitSignal(page.draft_saved, timeout=5000):
        mark(page, "id_card")
    with qtbot.waitSignal(page.draft_saved, timeout=5000):
        mark(page, "hukou_booklet", ItemStatus.RECEIVED)
    page.close()
    page.deleteLater()

    again = make_page(qtbot, session)
    assert "已恢复上次未完成的收件" in again.banner_text()
    matter = again.matter_picker.matter()
    assert matter is not None and matter.code == PENSION
    assert again.applicant.id_edit.text() == id_no
    assert again.applicant.name_edit.text() == "褚楠"
    assert again.applicant.mobile_edit.text() == "13600136000"
    assert again.form_panel.raw_values()["annual_contribution"] == "2000"
    assert again.form_panel.raw_values()["payment_method"] == "自行缴纳"
    statuses = {r.key: r.status for r in again.checklist_model.rows()}
    assert statuses["id_card"] == ItemStatus.RECEIVED
    assert statuses["hukou_booklet"] == ItemStatus.RECEIVED
    assert statuses["pension_registration_form"] == ItemStatus.MISSING


def test_no_draft_is_kept_after_a_decision(qtbot: QtBot, page: IntakePage, session: Session,
                                           id_factory: IdFactory) -> None:
    choose_matter(qtbot, page, PENSION)
    with qtbot.waitSignal(page.draft_saved, timeout=5000):
        enter_applicant(qtbot, page, id_factory(16), "卫兰")
    assert load_draft(session.ws, "admin") is not None
    fill_pension_form(page)
    with qtbot.waitSignal(page.decision_done, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_F10)
    assert load_draft(session.ws, "admin") is None
    page.close()
    again = make_page(qtbot, session)
    assert again.banner_text() == "" and again.matter_picker.matter() is None


def test_supplement_in_progress_is_kept_as_a_draft(qtbot: QtBot, page: IntakePage,
                                                   session: Session,
                                                   id_factory: IdFactory) -> None:
    case_no = new_pension_case_with_notice(qtbot, page, id_factory(17))
    page.resume(case_no)
    with qtbot.waitSignal(page.draft_saved, timeout=5000):
        mark(page, "hukou_booklet")
    page.close()
    again = make_page(qtbot, session)
    record = again.record()
    assert record is not None and record.case_no == case_no
    row = again.checklist_model.find("hukou_booklet")
    assert row is not None and row.status == ItemStatus.RECEIVED
    assert "已恢复" in again.banner_text()


# --- scans ----------------------------------------------------------------------------------

PNG_SCAN = b"\x89PNG\r\n\x1a\n" + b"scan of a household register" * 30


def select_material(page: IntakePage, key: str) -> None:
    row = page.checklist_model.row_of(key)
    assert row is not None
    page.checklist_view.setCurrentIndex(page.checklist_model.index(row, 0))


def test_a_scan_attached_at_the_counter_goes_in_with_the_case(
        qtbot: QtBot, page: IntakePage, session: Session, id_factory: IdFactory,
        tmp_path: Path) -> None:
    scan_file = tmp_path / "hukou.png"
    scan_file.write_bytes(PNG_SCAN)
    choose_matter(qtbot, page, PENSION)
    enter_applicant(qtbot, page, id_factory(31), "韩梅", "13900139001")
    fill_pension_form(page)
    for key in ("pension_registration_form", "hukou_booklet", "id_card"):
        press_space_on(qtbot, page, key)
    select_material(page, "hukou_booklet")
    page.attach_scan(str(scan_file))
    status = page.checklist_model.index(page.checklist_model.row_of("hukou_booklet") or 0,
                                        page.checklist_model.STATUS)
    assert "扫描件 1" in str(status.data())
    # The draft keeps it (a page reopened before the decision still has the scan).
    draft = page.draft_data()
    assert draft is not None and draft["marks"]["hukou_booklet"]["scans"][0]["sha256"] \
        == hashlib.sha256(PNG_SCAN).hexdigest()
    with qtbot.waitSignal(page.documents_ready, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    rec = session.ws.cases.get(case_no_in_banner(page))
    assert rec.state == State.ACCEPTED
    assert [s.media_type for s in rec.materials.item("hukou_booklet").scans] == ["image/png"]


def test_a_file_that_is_not_a_scan_is_explained_beside_the_checklist(
        qtbot: QtBot, page: IntakePage, id_factory: IdFactory, tmp_path: Path) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a scan")
    assert not page.scan_button.isEnabled()  # no materials listed yet
    page.attach_scan(str(text_file))  # nothing selected (Ctrl+U says what is needed)
    assert page.checklist_message.isVisible()
    assert "选中一项材料" in page.checklist_message.text()
    choose_matter(qtbot, page, PENSION)
    assert page.scan_button.isEnabled()
    select_material(page, "id_card")
    page.attach_scan(str(text_file))
    assert "PDF、PNG 或 JPEG" in page.checklist_message.text()
    assert all(not r.scans for r in page.checklist_model.rows())


def test_a_scan_on_the_wrong_material_is_removed_before_and_after_committing(
        qtbot: QtBot, page: IntakePage, session: Session, id_factory: IdFactory,
        tmp_path: Path) -> None:
    scan_file = tmp_path / "id.png"
    scan_file.write_bytes(PNG_SCAN)
    case_no = new_pension_case_with_notice(qtbot, page, id_factory(33))
    session.ws.cases.attach_scan(case_no, "id_card", PNG_SCAN)  # committed earlier
    page.resume(case_no)
    page.show_all_box.setChecked(True)  # a supplement lists the missing materials first
    select_material(page, "hukou_booklet")
    page.attach_scan(str(scan_file))  # attached here, then taken back at once
    page.remove_scans()
    assert not page.checklist_model.find("hukou_booklet").scans  # type: ignore[union-attr]
    select_material(page, "id_card")
    page.remove_scans()  # the committed one: dropped when the marks are saved
    assert not page.checklist_model.find("id_card").as_item().scans  # type: ignore[union-attr]
    page.remove_scans()  # again: nothing left to remove, and the clerk is told
    assert "没有扫描件" in page.checklist_message.text()
    changes = changes_against(session.ws.cases.get(case_no), page._marks())
    assert changes.scans_dropped == {"id_card": [hashlib.sha256(PNG_SCAN).hexdigest()]}
    assert not changes.scans


# --- identity documents other than the resident ID ---------------------------------------

def test_passport_holder_is_received_recalled_and_masked_on_paper(qtbot: QtBot,
                                                                  page: IntakePage,
                                                                  session: Session) -> None:
    passport = "FRA 12AB34567"  # generated shape, not a real passport
    choose_matter(qtbot, page, MEDICAL)
    page.applicant.id_type_combo.set_id_type("passport")
    enter_applicant(qtbot, page, passport, "Marie Curie")
    page.form_panel.set_raw_values({"insured_category": "劳动年龄内居民"})
    mark(page, "id_card")
    assert page.decision_button(Decision.COMPLETE).isEnabled()
    with qtbot.waitSignal(page.documents_ready, timeout=10_000) as blocker:
        qtbot.keyClick(page, Qt.Key.Key_F12)
    rec = session.ws.cases.get(case_no_in_banner(page))
    assert (rec.applicant["id_type"], rec.applicant["id_no"]) == ("passport", "FRA-12AB34567")
    receipt = pdf_text(blocker.args[0][0].pdf)
    assert "护照" in receipt and "FRA-1*****567" in receipt and "12AB34567" not in receipt
    # The same person again: recalled by (type, number), the name filled in.
    assert page.applicant.id_type() == "resident_id"  # the next citizen starts afresh
    choose_matter(qtbot, page, MEDICAL)
    page.applicant.id_type_combo.set_id_type("passport")
    enter_applicant(qtbot, page, passport.lower())
    assert page.applicant.name_edit.text() == "Marie Curie"
    assert "已登记申请人" in page.applicant.recall_label.text()


def test_returning_pass_holder_is_found_by_the_pass_number(qtbot: QtBot, page: IntakePage,
                                                           session: Session) -> None:
    """The lookup bar takes any document's number; the case loads with its type shown."""
    rec = session.ws.cases.new_case(
        matter_code=PENSION,
        applicant=PersonInput(name="香港居民", id_no="H87654321", id_type="hk_macau_pass"))
    session.ws.cases.issue_notice(rec.case_no)
    with qtbot.waitSignal(page.case_loaded, timeout=5000) as blocker:
        page.lookup_bar.edit.setText("h8765 4321")
        qtbot.keyClick(page.lookup_bar.edit, Qt.Key.Key_Return)
    assert blocker.args == [rec.case_no]
    assert page.applicant.id_type() == "hk_macau_pass"
    assert page.applicant.id_edit.state.value == "valid"


def test_supplement_found_by_the_progress_page_qr(qtbot: QtBot, page: IntakePage,
                                                  session: Session,
                                                  id_factory: IdFactory) -> None:
    """Papers printed after a sync round hold the district's page URL: the scanner types
    it, and the case it names is opened."""
    from printing.qr_payload import progress_url

    case_no = new_pension_case_with_notice(qtbot, page, id_factory(8))
    page.lookup_bar.edit.clear()
    with qtbot.waitSignal(page.case_loaded, timeout=5000) as blocker:
        qtbot.keyClicks(page.lookup_bar.edit,
                        progress_url("https://zwfw.example.gov.cn/jindu", case_no))
        qtbot.keyClick(page.lookup_bar.edit, Qt.Key.Key_Return)
    assert blocker.args == [case_no]


def test_accept_refused_by_the_service_keeps_the_new_case_as_a_draft(
        qtbot: QtBot, page: IntakePage, session: Session, id_factory: IdFactory) -> None:
    """F9 on a new intake opens and accepts the case in one transaction; when the
    service refuses the acceptance (the screen's picture was wrong), nothing of that
    transaction stays and the case is opened on its own, as a draft with the error."""
    from clerk.errors import StateError
    from ui.station.intake.work import DecisionRequest, print_options, submit_new

    choose_matter(qtbot, page, PENSION)
    enter_applicant(qtbot, page, id_factory(21), "周一")
    fill_pension_form(page)
    mark(page, "id_card")  # the form and the hukou booklet are missing
    before = session.ws.cases.count()
    outcome = submit_new(session.ws, "admin", page.intake_data(),
                         DecisionRequest(Decision.ACCEPT), print_options(session.ws))
    assert isinstance(outcome.error, StateError) and outcome.documents == []
    assert outcome.record.state == State.DRAFT
    assert session.ws.cases.count() == before + 1
    assert [e.type for e in session.ws.cases.timeline(outcome.case_no)] == [EventType.CREATED]
