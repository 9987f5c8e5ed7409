"""Case lifecycle at the station: every transition, allowed and refused, and the one-time rule."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from clerk.applicants import PersonInput
from clerk.cases.checklist import ItemStatus
from clerk.cases.service import MaterialChanges
from clerk.cases.states import EventType, Side, State
from clerk.errors import NotFoundError, StateError, ValidationError
from clerk.workspace import Workspace
from tests.clerk.factories import ALL_NEEDED, DISTRICT, INSTANT, STATION
from tests.conftest import FakeClock

IdFactory = Callable[..., str]


def new(ws: Workspace, ids: IdFactory, matter: str = DISTRICT, received: list[str] | None = None,
        n: int = 1, **kw: object) -> str:
    rec = ws.cases.new_case(matter_code=matter,
                            applicant=PersonInput(name="张三", id_no=ids(n)),
                            changes=MaterialChanges(received=received or [], **kw))  # type: ignore[arg-type]
    return rec.case_no


def test_case_number_format_and_never_reused(tws: Workspace, id_factory: IdFactory) -> None:
    a = new(tws, id_factory)
    b = new(tws, id_factory)
    assert a == "110108001001-20260302-010001"  # window 01 (the default), case 0001
    assert b == "110108001001-20260302-010002"
    tws.cases.withdraw(a)
    assert new(tws, id_factory) == "110108001001-20260302-010003"


def test_each_window_numbers_on_its_own_and_old_numbers_stay_valid(
        tws: Workspace, id_factory: IdFactory) -> None:
    from clerk import numbering

    with tws.store.write() as s:
        numbering.set_device_no(s, 7)
    case_no = new(tws, id_factory)
    assert case_no == "110108001001-20260302-070001"
    parsed = numbering.parse_case_no(case_no)
    assert parsed is not None and (parsed.device, parsed.seq) == (7, 1)
    old = numbering.parse_case_no("110108001001-20260302-0001")
    assert old is not None and old.device is None and numbering.is_case_no(old.station + "-"
                                                                           "20260302-0001")
    assert numbering.parse_case_no("../../etc") is None
    notice = tws.cases.issue_notice(case_no)
    assert notice.documents[-1]["doc_no"] == "GZ2026-110108001001-0700001"
    with pytest.raises(ValidationError):
        numbering.validate_device_no(100)


def test_new_case_checklist_defaults(tws: Workspace, id_factory: IdFactory) -> None:
    rec = tws.cases.get(new(tws, id_factory, received=["id_card"]))
    status = {i.key: i.status for i in rec.materials.items}
    assert status["id_card"] == ItemStatus.RECEIVED
    assert status["marriage_cert"] == ItemStatus.SHARED  # 信息免交
    assert status["power_of_attorney"] == ItemStatus.NOT_APPLICABLE  # conditional
    assert status["hukou_booklet"] == ItemStatus.MISSING
    assert rec.state == State.DRAFT and rec.owner == Side.STATION
    assert [i.key for i in rec.materials.outstanding] == ["hukou_booklet", "application_form",
                                                          "income_proof"]


def test_accept_with_everything_sets_due_date(tws: Workspace, id_factory: IdFactory,
                                              clock: FakeClock) -> None:
    clock.set_local(date(2026, 9, 29))
    case_no = new(tws, id_factory, received=ALL_NEEDED)
    rec = tws.cases.accept(case_no)
    assert rec.state == State.ACCEPTED
    assert rec.due_date == date(2026, 10, 12)  # DESIGN section 5's example
    assert not rec.due_provisional
    assert [d["kind"] for d in rec.documents] == ["receipt"]


def test_accept_refused_when_materials_missing(tws: Workspace, id_factory: IdFactory) -> None:
    case_no = new(tws, id_factory, received=["id_card"])
    with pytest.raises(StateError, match="一次性告知"):
        tws.cases.accept(case_no)
    assert tws.cases.get(case_no).state == State.DRAFT
    assert len(tws.cases.timeline(case_no)) == 1  # nothing stored by the refusal


def test_deferred_item_needs_promise_and_allows_acceptance(tws: Workspace,
                                                           id_factory: IdFactory) -> None:
    case_no = new(tws, id_factory, received=ALL_NEEDED[:3],
                  deferred={"income_proof": date(2026, 3, 9)})
    rec = tws.cases.accept(case_no)
    assert rec.materials.item("income_proof").status == ItemStatus.DEFERRED
    with pytest.raises(ValidationError, match="不是容缺后补"):
        new(tws, id_factory, n=2, deferred={"id_card": date(2026, 3, 9)})


def test_notice_lists_everything_then_supplement_then_accept(tws: Workspace,
                                                              id_factory: IdFactory) -> None:
    case_no = new(tws, id_factory, received=["id_card"])
    rec = tws.cases.issue_notice(case_no)
    assert rec.state == State.AWAITING_SUPPLEMENT
    items = rec.notices[0]["items"]
    assert [i["key"] for i in items] == ["hukou_booklet", "application_form", "income_proof"]
    assert all(i["requirement"] for i in items)
    tws.cases.update_materials(case_no, MaterialChanges(received=ALL_NEEDED[1:]))
    assert tws.cases.accept(case_no).state == State.ACCEPTED


def test_notice_refused_when_nothing_missing(tws: Workspace, id_factory: IdFactory) -> None:
    case_no = new(tws, id_factory, received=ALL_NEEDED)
    with pytest.raises(StateError, match="应当场受理"):
        tws.cases.issue_notice(case_no)


def test_one_time_principle(tws: Workspace, id_factory: IdFactory) -> None:
    case_no = new(tws, id_factory, received=ALL_NEEDED[:3])
    tws.cases.issue_notice(case_no)  # first notice: income_proof only
    # A second notice repeating the first one's item is fine.
    tws.cases.issue_notice(case_no)
    # An item the first notice did not list (the agent's power of attorney) is refused...
    tws.cases.update_materials(case_no, MaterialChanges(applies=["power_of_attorney"]))
    with pytest.raises(ValidationError, match="一次性告知原则") as err:
        tws.cases.issue_notice(case_no)
    assert err.value.code == "one_time.new_item"
    # ...unless justified, and then it is flagged for supervision.
    rec = tws.cases.issue_notice(case_no, justification="申请人现场改为委托其子代办")
    last = rec.notices[-1]
    assert last["flagged"] and last["justification"].startswith("申请人")
    assert not rec.notices[1]["flagged"]


def test_refusal_needs_reason(tws: Workspace, id_factory: IdFactory) -> None:
    case_no = new(tws, id_factory)
    with pytest.raises(ValidationError):
        tws.cases.refuse(case_no, reason="  ")
    rec = tws.cases.refuse(case_no, reason="申请人户籍不在本街道", basis="《办法》第五条")
    assert rec.state == State.NOT_ACCEPTED and rec.closed_at is not None
    with pytest.raises(StateError):
        tws.cases.accept(case_no)


def test_instant_matter_accept_and_complete(tws: Workspace, id_factory: IdFactory) -> None:
    case_no = new(tws, id_factory, matter=INSTANT, received=ALL_NEEDED)
    rec = tws.cases.accept(case_no)
    assert rec.due_date == rec.received_at.date() or rec.limit_days == 0
    rec = tws.cases.complete(case_no, rating=5)
    assert rec.state == State.COMPLETED and rec.rating and rec.rating["score"] == 5
    with pytest.raises(StateError, match="只能评价一次"):
        tws.cases.rate(case_no, 1)


def test_station_level_completes_at_station_but_cannot_escalate(
        tws: Workspace, id_factory: IdFactory) -> None:
    case_no = new(tws, id_factory, matter=STATION, received=ALL_NEEDED)
    tws.cases.accept(case_no)
    with pytest.raises(StateError, match="站点办结"):
        tws.cases.escalate(case_no)
    assert tws.cases.complete(case_no).state == State.COMPLETED


def test_district_level_must_escalate(tws: Workspace, id_factory: IdFactory) -> None:
    case_no = new(tws, id_factory, received=ALL_NEEDED)
    tws.cases.accept(case_no)
    with pytest.raises(StateError, match="上报区级"):
        tws.cases.complete(case_no)
    rec = tws.cases.escalate(case_no)
    assert rec.state == State.ESCALATED and rec.owner == Side.DISTRICT
    # The station no longer owns it: it cannot withdraw or complete it.
    with pytest.raises(StateError, match="区中心负责"):
        tws.cases.withdraw(case_no)


def test_rating_validation_and_bad_rating_flag(tws: Workspace, id_factory: IdFactory) -> None:
    case_no = new(tws, id_factory, matter=INSTANT, received=ALL_NEEDED)
    tws.cases.accept(case_no)
    tws.cases.complete(case_no)
    with pytest.raises(ValidationError):
        tws.cases.rate(case_no, 6)
    rec = tws.cases.rate(case_no, 2, "等候时间太长")
    assert rec.rating is not None and rec.rating["bad"] and rec.rating["label"] == "不满意"


def test_withdraw_from_intake(tws: Workspace, id_factory: IdFactory) -> None:
    case_no = new(tws, id_factory)
    rec = tws.cases.withdraw(case_no, "申请人不再申请")
    assert rec.state == State.WITHDRAWN
    with pytest.raises(StateError):
        tws.cases.withdraw(case_no)


def test_documents_on_file_are_reused(tws: Workspace, id_factory: IdFactory) -> None:
    first = new(tws, id_factory, received=ALL_NEEDED)
    tws.cases.accept(first)
    rec = tws.cases.get(new(tws, id_factory, matter=STATION))
    status = {i.key: i.status for i in rec.materials.items}
    # Government-issued certificates are on file; the application form is per case.
    assert status["id_card"] == ItemStatus.ON_FILE
    assert status["hukou_booklet"] == ItemStatus.ON_FILE
    assert status["application_form"] == ItemStatus.MISSING
    assert rec.materials.item("id_card").document_id


def test_known_applicant_recalled_and_name_mismatch_refused(
        tws: Workspace, id_factory: IdFactory) -> None:
    new(tws, id_factory)
    new(tws, id_factory)
    with tws.store.read() as s:
        from clerk.store.models import Applicant
        assert s.query(Applicant).count() == 1
    with pytest.raises(ValidationError, match="姓名为“张三”"):
        tws.cases.new_case(matter_code=DISTRICT,
                           applicant=PersonInput(name="李四", id_no=id_factory(1)))


def test_invalid_id_stores_nothing(tws: Workspace) -> None:
    with pytest.raises(ValidationError):
        tws.cases.new_case(matter_code=DISTRICT,
                           applicant=PersonInput(name="张三", id_no="110108198005170010"))
    assert tws.cases.count() == 0


def test_unknown_case_and_matter(tws: Workspace, id_factory: IdFactory) -> None:
    with pytest.raises(NotFoundError):
        tws.cases.get("110108001001-20260302-9999")
    with pytest.raises(NotFoundError):
        new(tws, id_factory, matter="NO-SUCH-MATTER")


def test_matter_snapshot_survives_catalog_change(tws: Workspace, id_factory: IdFactory) -> None:
    from tests.clerk.factories import matter

    case_no = new(tws, id_factory)
    tws.import_matters([matter(DISTRICT, version=2, name="改名后的事项", limit=9)], "tests")
    rec = tws.cases.get(case_no)
    assert rec.matter_name == f"测试事项{DISTRICT}" and rec.matter_version == 1
    assert tws.cases.get(new(tws, id_factory, n=2)).matter_name == "改名后的事项"


def test_timeline_has_sequence_numbers(tws: Workspace, id_factory: IdFactory) -> None:
    case_no = new(tws, id_factory, received=["id_card"])
    tws.cases.issue_notice(case_no)
    tws.cases.update_materials(case_no, MaterialChanges(received=ALL_NEEDED))
    tws.cases.accept(case_no)
    events = tws.cases.timeline(case_no)
    assert [e.seq for e in events] == [1, 2, 3, 4]
    assert [e.type for e in events] == [EventType.CREATED, EventType.NOTICE_ISSUED,
                                        EventType.MATERIALS_UPDATED, EventType.ACCEPTED]
    assert all(e.hash == e.content_hash() for e in events)


def test_open_and_accept_is_new_case_then_accept_in_one_commit(
        tws: Workspace, id_factory: IdFactory, clock: FakeClock) -> None:
    """The counter's F9 on a new intake: the same two events, the same record, one
    transaction; the hash chain stays whole."""
    from clerk.cases.audit import verify

    clock.set_local(date(2026, 9, 29))
    rec = tws.cases.open_and_accept(
        matter_code=DISTRICT, applicant=PersonInput(name="张三", id_no=id_factory(1)),
        changes=MaterialChanges(received=ALL_NEEDED))
    assert rec.state == State.ACCEPTED and rec.due_date == date(2026, 10, 12)
    assert [d["kind"] for d in rec.documents] == ["receipt"]
    assert tws.cases.get(rec.case_no) == rec
    events = tws.cases.timeline(rec.case_no)
    assert [(e.seq, e.type) for e in events] == [(1, EventType.CREATED), (2, EventType.ACCEPTED)]
    with tws.store.read() as s:
        assert verify(s).ok


def test_open_and_accept_refused_stores_nothing(tws: Workspace, id_factory: IdFactory) -> None:
    before = tws.cases.count()
    with pytest.raises(StateError, match="一次性告知"):
        tws.cases.open_and_accept(
            matter_code=DISTRICT, applicant=PersonInput(name="张三", id_no=id_factory(1)),
            changes=MaterialChanges(received=["id_card"]))
    assert tws.cases.count() == before
