"""补交容缺材料 end to end: recorded at the station while the district reviews the case,
pushed, acknowledged, and seen in the district's case materials; the district's board
counts broken promises until then; a forged supplement is refused by the same state
machine."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from clerk.applicants import PersonInput
from clerk.cases.events import Event
from clerk.cases.service import MaterialChanges
from clerk.cases.states import EventType, Side, State
from clerk.workspace import Workspace
from sync import credentials, engine
from tests.clerk.factories import ALL_NEEDED, DISTRICT
from tests.conftest import STATION_CODE, FakeClock
from tests.districtkit import District, enroll_station, push, statuses

DEFERRED = "income_proof"


def _promised(ws: Workspace, id_no: str, promise: date) -> str:
    rec = ws.cases.new_case(
        matter_code=DISTRICT, applicant=PersonInput(name="张三", id_no=id_no),
        changes=MaterialChanges(received=[k for k in ALL_NEEDED if k != DEFERRED],
                                deferred={DEFERRED: promise}))
    ws.cases.accept(rec.case_no)
    return ws.cases.escalate(rec.case_no).case_no


def test_supplement_reaches_the_district(live: District, sws: Workspace, clock: FakeClock,
                                         id_factory: Callable[..., str]) -> None:
    clock.set_local(date(2026, 6, 1))
    enroll_station(sws, live)
    case_no = _promised(sws, id_factory(1), date(2026, 6, 3))
    kept = _promised(sws, id_factory(2), date(2026, 6, 30))  # not yet due
    case_id = sws.cases.get(case_no).id
    assert engine.sync_round(sws).ok
    reviewer = live.user("li.shen")
    assert live.post(f"/cases/{case_id}/take", reviewer,
                     json={"expected_version": 3}).status_code == 200
    assert engine.sync_round(sws).pull.events == 1
    assert sws.cases.get(case_no).state == State.UNDER_REVIEW

    clock.set_local(date(2026, 6, 5))  # the promise of 06-03 is broken
    reviewer = live.user("zhao.shen")  # days later: a fresh sign-in
    board = live.get("/oversight/board", reviewer).json()
    assert board["overdue_promises"] == 1

    sws.cases.supplement(case_no, [DEFERRED], counts={DEFERRED: (1, 0)})
    report = engine.sync_round(sws)
    assert report.ok and (report.push.sent, report.push.accepted, report.push.rejected) == (
        1, 1, [])
    assert engine.status(sws).pending == 0
    detail = live.get(f"/cases/{case_id}", reviewer).json()
    assert detail["state"] == "under_review" and detail["record"]["owner"] == "district"
    item = next(i for i in detail["record"]["checklist"] if i["key"] == DEFERRED)
    assert item["status"] == "received" and item["delivered_on"] == "2026-06-05"
    assert item["promise_date"] == "2026-06-03"
    events = live.get(f"/cases/{case_id}/events", reviewer).json()["events"]
    assert events[-1]["type"] == "supplemented" and events[-1]["origin"] == "station"
    assert live.get("/oversight/board", reviewer).json()["overdue_promises"] == 0
    # The district keeps working on the case: its next step follows the supplement.
    assert live.post(f"/cases/{case_id}/approve", reviewer, json={
        "expected_version": 5, "text": "准予"}).status_code == 200
    assert engine.sync_round(sws).pull.events == 1
    assert sws.cases.get(case_no).state == State.APPROVED
    assert sws.cases.get(kept).materials.item(DEFERRED).status.value == "deferred"


def test_forged_supplements_are_refused(live: District, sws: Workspace, clock: FakeClock,
                                        id_factory: Callable[..., str]) -> None:
    clock.set_local(date(2026, 6, 1))
    enroll_station(sws, live)
    case_no = _promised(sws, id_factory(1), date(2026, 6, 3))
    rec = sws.cases.get(case_no)
    assert engine.sync_round(sws).ok
    token = credentials.load_token(live.base, station=STATION_CODE, device_no=1)
    assert token is not None

    def forged(key: str, seq: int = rec.version + 1, counts: int = 1,
               origin: Side = Side.STATION) -> dict[str, object]:
        return Event(event_id=str(uuid.uuid4()), case_id=rec.id, seq=seq,
                     type=EventType.SUPPLEMENTED,
                     payload={"items": [{"key": key, "original_count": counts,
                                         "copy_count": 0}]},
                     actor="admin", origin=origin, occurred_at=clock()).sealed().to_wire()

    assert statuses(push(live, token, [forged("id_card")])) == [
        "rejected:supplement.not_awaited"]
    assert statuses(push(live, token, [forged(DEFERRED, counts=0)])) == [
        "rejected:supplement.counts"]
    assert statuses(push(live, token, [forged("nope")])) == ["rejected:checklist.unknown_key"]
    assert statuses(push(live, token, [forged(DEFERRED)])) == ["accepted"]
    assert statuses(push(live, token, [forged(DEFERRED, seq=rec.version + 2)])) == [
        "rejected:supplement.not_awaited"]
