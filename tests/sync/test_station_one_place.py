"""The station is one place: every counter sees the station's cases and applicants after
a round, and two counters acting on one case offline end in one accepted step and one
worded conflict the clerk resolves (redo or discard) — nothing overwritten, nothing lost,
the chain intact. A supplement racing the district is redone by the pull itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clerk.applicants import PersonInput
from clerk.cases.audit import verify
from clerk.cases.service import MaterialChanges
from clerk.cases.states import EventType, State
from clerk.cli import main as clerk_main
from clerk.errors import StationDeskError
from clerk.store.models import Applicant, Case, CaseEvent, SyncConflict, SyncQuarantine
from clerk.workspace import Workspace
from sync import engine
from tests.clerk.factories import ALL_NEEDED, DISTRICT, sample_matters
from tests.conftest import ADMIN, ADMIN_PASSWORD, STATION_CODE, FakeClock
from tests.districtkit import District

IdFactory = Callable[..., str]
DEFERRED = "income_proof"


@pytest.fixture
def pcs(tmp_path: Path, clock: FakeClock) -> Iterator[Callable[..., Workspace]]:
    opened: list[Workspace] = []

    def make(label: str, device_no: int) -> Workspace:
        from clerk import numbering

        ws = Workspace.open(tmp_path / label, clock=clock)
        ws.init_station(code=STATION_CODE, name="测试站", admin=ADMIN, password=ADMIN_PASSWORD)
        ws.import_matters(sample_matters(), source="tests")
        with ws.store.write() as s:
            numbering.set_device_no(s, device_no)
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


def _two(district: District, pcs: Callable[..., Workspace]) -> tuple[Workspace, Workspace]:
    one, two = pcs("pc1", 1), pcs("pc2", 2)
    engine.enroll(one, district.base, district.station(), device_name="1号窗口")
    engine.enroll(two, district.base, district.issue_code(), device_name="2号窗口")
    return one, two


def _audit_ok(ws: Workspace) -> None:
    with ws.store.read() as s:
        result = verify(s)
    assert result.ok, result.problem


def _open_conflicts(ws: Workspace) -> int:
    with ws.store.read() as s:
        return int(s.execute(select(func.count()).select_from(SyncConflict)
                             .where(SyncConflict.state == "open")).scalar_one())


def test_each_counter_sees_the_other_counters_cases_and_people(
        live: District, pcs: Callable[..., Workspace], id_factory: IdFactory) -> None:
    one, two = _two(live, pcs)
    a = one.cases.new_case(matter_code=DISTRICT,
                           applicant=PersonInput(name="张三", id_no=id_factory(1)),
                           changes=MaterialChanges(received=ALL_NEEDED))
    one.cases.accept(a.case_no)
    # The same person captured at both counters offline, under two different ids.
    b1 = one.cases.new_case(matter_code=DISTRICT,
                            applicant=PersonInput(name="李四", id_no=id_factory(2)))
    b2 = two.cases.new_case(matter_code=DISTRICT,
                            applicant=PersonInput(name="李四", id_no=id_factory(2)))
    assert b1.applicant["id"] != b2.applicant["id"]
    assert engine.sync_round(one).outcome == engine.DONE
    report = engine.sync_round(two)
    assert report.outcome == engine.DONE, report.lines()
    assert report.pull.station_events == 3
    assert engine.sync_round(one).outcome == engine.DONE
    for ws in (one, two):
        with ws.store.read() as s:
            assert s.execute(select(func.count()).select_from(Case)).scalar_one() == 3
            assert s.execute(select(func.count()).select_from(Applicant)).scalar_one() == 2
            assert s.execute(select(SyncQuarantine)).first() is None
        _audit_ok(ws)
    # The person captured at counter 1 is recalled at counter 2, with documents on file.
    person, docs = two.applicants.lookup(id_factory(1), date.today())
    assert person is not None and person.name == "张三"
    assert docs and all(d.source_case_id == a.id for d in docs.values())
    assert two.cases.get(a.case_no).state == State.ACCEPTED
    # Counter 2 can act on counter 1's case; counter 1 sees it after the next rounds.
    two.cases.escalate(a.case_no)
    assert engine.sync_round(two).outcome == engine.DONE
    assert engine.sync_round(one).outcome == engine.DONE
    assert one.cases.get(a.case_no).state == State.ESCALATED
    # The same person under two ids: each counter lists both cases under its own row.
    with two.store.read() as s:
        ids = set(s.execute(select(Case.applicant_id).where(
            Case.case_no.in_([b1.case_no, b2.case_no]))).scalars())
    assert ids == {b2.applicant["id"]}


def _draft(ws: Workspace, id_no: str) -> str:
    return ws.cases.new_case(matter_code=DISTRICT, applicant=PersonInput(name="王五", id_no=id_no),
                             changes=MaterialChanges(received=ALL_NEEDED)).case_no


def test_two_counters_on_one_case_end_in_a_conflict_the_clerk_redoes(
        live: District, pcs: Callable[..., Workspace], id_factory: IdFactory,
        capsys: pytest.CaptureFixture[str]) -> None:
    _conflict_redone(live, pcs, id_factory, capsys)


@pytest.mark.slow
def test_the_conflict_through_a_real_server(
        served: District, pcs: Callable[..., Workspace], id_factory: IdFactory,
        capsys: pytest.CaptureFixture[str]) -> None:
    _conflict_redone(served, pcs, id_factory, capsys)


def _conflict_redone(live: District, pcs: Callable[..., Workspace], id_factory: IdFactory,
                     capsys: pytest.CaptureFixture[str]) -> None:
    one, two = _two(live, pcs)
    case_no = _draft(one, id_factory(3))
    assert engine.sync_round(one).outcome == engine.DONE
    assert engine.sync_round(two).outcome == engine.DONE
    # Offline, both counters act on the case: counter 1 accepts, counter 2 comments.
    one.cases.accept(case_no)
    two.cases.comment(case_no, "申请人来电询问进度")
    assert engine.sync_round(one).outcome == engine.DONE
    report = engine.sync_round(two)
    assert report.outcome == engine.PROBLEMS and report.exit_status == 3
    assert [p.kind for p in report.problems] == ["conflict"]
    assert case_no in report.problems[0].text and "重做" in report.problems[0].text
    assert report.pull.conflicts == [case_no]
    # Counter 2's case is now counter 1's version; its own step is kept, not lost.
    rec = two.cases.get(case_no)
    assert rec.state == State.ACCEPTED and rec.comments == []
    [view] = two.conflicts.listed()
    assert [s.type for s in view.theirs] == ["accepted"]
    assert [s.type for s in view.mine] == ["commented"]
    assert "申请人来电询问进度" in view.mine[0].summary
    assert "已被另一事件占用" in view.refusal
    _audit_ok(two)
    assert engine.status(two).rejected == []  # the refusal became the conflict
    # The command line lists it (exit 3) and the clerk redoes the step.
    assert clerk_main(["--data-dir", str(two.data_dir), "conflicts", "list"]) == 3
    assert case_no in capsys.readouterr().out
    redone = two.conflicts.redo(case_no, clerk=ADMIN)
    assert redone.state == State.ACCEPTED and redone.comments[-1]["text"] == "申请人来电询问进度"
    assert _open_conflicts(two) == 0
    assert engine.sync_round(two).outcome == engine.DONE
    assert engine.sync_round(one).outcome == engine.DONE
    assert one.cases.get(case_no).comments[-1]["text"] == "申请人来电询问进度"
    assert [e.type for e in one.cases.timeline(case_no)] == [
        EventType.CREATED, EventType.ACCEPTED, EventType.COMMENTED]
    assert [e.type for e in two.cases.timeline(case_no)] == [
        EventType.CREATED, EventType.ACCEPTED, EventType.COMMENTED]
    for ws in (one, two):
        _audit_ok(ws)
    assert clerk_main(["--data-dir", str(two.data_dir), "conflicts", "list"]) == 0


def test_a_step_the_current_case_no_longer_allows_is_refused_and_discarded(
        live: District, pcs: Callable[..., Workspace], id_factory: IdFactory) -> None:
    one, two = _two(live, pcs)
    case_no = _draft(one, id_factory(4))
    assert engine.sync_round(one).ok and engine.sync_round(two).ok
    one.cases.accept(case_no)
    two.cases.refuse(case_no, reason="材料不符合要求")
    assert engine.sync_round(one).outcome == engine.DONE
    assert engine.sync_round(two).outcome == engine.PROBLEMS
    with pytest.raises(StationDeskError):
        two.conflicts.redo(case_no, clerk=ADMIN)
    assert two.cases.get(case_no).state == State.ACCEPTED  # nothing stored
    view = two.conflicts.discard(case_no, clerk=ADMIN)
    assert view.state == "discarded" and view.mine[0].type == "refused"
    assert engine.sync_round(two).outcome == engine.DONE
    assert two.conflicts.listed(all_states=True)[0].state == "discarded"
    _audit_ok(two)
    with pytest.raises(StationDeskError) as err:
        two.conflicts.discard(case_no)
    assert err.value.code == "conflict.none"


def test_a_supplement_racing_the_district_is_redone_by_the_pull(
        live: District, pcs: Callable[..., Workspace], id_factory: IdFactory,
        clock: FakeClock) -> None:
    clock.set_local(date(2026, 6, 1))
    one, _ = _two(live, pcs)
    rec = one.cases.new_case(
        matter_code=DISTRICT, applicant=PersonInput(name="张三", id_no=id_factory(5)),
        changes=MaterialChanges(received=[k for k in ALL_NEEDED if k != DEFERRED],
                                deferred={DEFERRED: date(2026, 6, 3)}))
    one.cases.accept(rec.case_no)
    case_no = one.cases.escalate(rec.case_no).case_no
    assert engine.sync_round(one).outcome == engine.DONE
    clock.set_local(date(2026, 6, 2))
    # The station records the supplement while, up there, a reviewer takes the case.
    one.cases.supplement(case_no, [DEFERRED], counts={DEFERRED: (1, 0)})
    reviewer = live.user("li.shen")
    assert live.post(f"/cases/{rec.id}/take", reviewer,
                     json={"expected_version": 3}).status_code == 200
    report = engine.sync_round(one)
    assert report.pull.rebased == [case_no], report.lines()
    assert engine.sync_round(one).outcome == engine.DONE
    assert _open_conflicts(one) == 0
    detail = live.get(f"/cases/{rec.id}", reviewer).json()
    assert detail["state"] == "under_review"
    item = next(i for i in detail["record"]["checklist"] if i["key"] == DEFERRED)
    assert item["status"] == "received" and item["delivered_on"] == "2026-06-02"
    local = one.cases.get(case_no)
    assert local.version == detail["record"]["version"] == 5
    assert local.materials.item(DEFERRED).status.value == "received"
    with one.store.read() as s:
        assert s.execute(select(SyncQuarantine)).first() is None
    _audit_ok(one)
    # The district goes on: its next step follows the supplement.
    assert live.post(f"/cases/{rec.id}/approve", reviewer, json={
        "expected_version": 5, "text": "准予"}).status_code == 200
    assert engine.sync_round(one).outcome == engine.DONE
    assert one.cases.get(case_no).state == State.APPROVED


@pytest.mark.slow
def test_a_person_captured_at_two_counters_offline_ends_as_one_applicant(
        served: District, pcs: Callable[..., Workspace], id_factory: IdFactory,
        clock: FakeClock) -> None:
    """The same (type, number) taken at two counters offline, each under its own id:
    after the rounds each counter keeps one row for the person (its own id), merged with
    the other's (newer fields win, documents on file united), and every case of the
    person — the other counter's too, whose snapshot names the other id — points at it."""
    one, two = _two(served, pcs)
    id_no = id_factory(6)
    clock.set_local(date(2026, 5, 11), hour=9)
    a = one.cases.accept(one.cases.new_case(
        matter_code=DISTRICT,
        applicant=PersonInput(name="赵六", id_no=id_no, mobile="13900000001",
                              address="某社区1号楼"),
        changes=MaterialChanges(received=ALL_NEEDED)).case_no)
    clock.set_local(date(2026, 5, 11), hour=11)  # later, at counter 2: a new mobile
    b = two.cases.accept(two.cases.new_case(
        matter_code=DISTRICT,
        applicant=PersonInput(name="赵六", id_no=id_no, mobile="13900000002"),
        changes=MaterialChanges(received=ALL_NEEDED)).case_no)
    c = two.cases.new_case(matter_code=DISTRICT, applicant=PersonInput(name="赵六", id_no=id_no),
                           changes=MaterialChanges(received=["application_form"],
                                                   use_on_file=False))
    assert a.applicant["id"] != b.applicant["id"] == c.applicant["id"]
    for ws in (one, two, one):
        report = engine.sync_round(ws)
        assert report.outcome == engine.DONE, report.lines()
    cases = {a.id, b.id, c.id}
    for ws, own in ((one, a.applicant["id"]), (two, b.applicant["id"])):
        with ws.store.read() as s:
            [row] = s.execute(select(Applicant).where(Applicant.id_no == id_no)).scalars()
            assert row.id == own  # the local row survives
            assert row.mobile == "13900000002"  # the newer capture's field wins
            assert row.address == "某社区1号楼"  # a field only one counter took is kept
            refs = dict(s.execute(select(Case.id, Case.applicant_id)
                                  .where(Case.id.in_(cases))).all())
            assert refs == dict.fromkeys(cases, own)
        person, docs = ws.applicants.lookup(id_no, date(2026, 5, 11))
        assert person is not None and person.id == own
        assert docs["id_card"].source_case_id == b.id  # recall offers the newest on file
        filed = ws.applicants.file(own, None)
        assert {r.case_no for r in filed.cases} == {a.case_no, b.case_no, c.case_no}
        # Documents on file united: each counter keeps those verified at either one.
        assert {d.source_case_id for d in filed.documents} == {a.id, b.id}
        _audit_ok(ws)
    # Counter 1 continues counter 2's draft, whose snapshot names counter 2's id: the
    # documents on file are found through the surviving row.
    clock.set_local(date(2026, 5, 12))
    rec = one.cases.update_materials(c.case_no, MaterialChanges(use_on_file=True))
    assert rec.materials.item("id_card").status.value == "on_file"
    assert engine.sync_round(one).outcome == engine.DONE
    assert engine.sync_round(two).outcome == engine.DONE
    assert two.cases.get(c.case_no).materials.item("id_card").status.value == "on_file"


def test_a_redone_checklist_step_is_written_slim_and_both_counters_agree(
        live: District, pcs: Callable[..., Workspace], id_factory: IdFactory) -> None:
    one, two = _two(live, pcs)
    for ws in (one, two, one):  # both have said what they read: slim items from now on
        assert engine.sync_round(ws).outcome == engine.DONE
    case_no = _draft(one, id_factory(4))
    assert engine.sync_round(one).outcome == engine.DONE
    assert engine.sync_round(two).outcome == engine.DONE
    # Offline, both counters change the checklist: counter 1 takes the income proof
    # back, counter 2 notes that the applicant came through an agent.
    one.cases.update_materials(case_no, MaterialChanges(missing=["income_proof"]))
    two.cases.update_materials(case_no, MaterialChanges(applies=["power_of_attorney"]))
    assert engine.sync_round(one).outcome == engine.DONE
    assert engine.sync_round(two).outcome == engine.PROBLEMS
    redone = two.conflicts.redo(case_no, clerk=ADMIN)
    status = {i["key"]: i["status"] for i in redone.checklist}
    assert (status["income_proof"], status["power_of_attorney"]) == ("missing", "missing")
    with two.store.read() as s:
        rows = s.execute(select(CaseEvent.payload).where(
            CaseEvent.case_id == redone.id, CaseEvent.seq == redone.version)).scalars().all()
    assert rows and all("name" not in item for p in rows for item in p["checklist"])
    assert engine.sync_round(two).outcome == engine.DONE
    assert engine.sync_round(one).outcome == engine.DONE
    assert one.cases.get(case_no).to_dict() == two.cases.get(case_no).to_dict()
    for ws in (one, two):
        _audit_ok(ws)
