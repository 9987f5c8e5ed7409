"""The sync core on the real app in process: push semantics, pull, notes, ledger."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from typing import Any

from clerk.cases.events import Event, canonical_json
from clerk.cases.states import EventType, Side
from clerk.workspace import Workspace
from tests.districtkit import (
    OTHER_STATION,
    District,
    accepted_case,
    escalated_case,
    push,
    statuses,
    wire_events,
)

IdFactory = Callable[..., str]


def rehash(wire: dict[str, object]) -> dict[str, object]:
    body = {k: v for k, v in wire.items() if k != "hash"}
    wire = dict(wire)
    wire["hash"] = hashlib.sha256(canonical_json(body).encode()).hexdigest()
    return wire


def test_health_and_openapi(api: District) -> None:
    assert api.get("/health").json()["status"] == "ok"
    spec = api.http.get("/openapi.json").json()
    assert "/api/v1/sync/push" in spec["paths"]
    assert "PushRequest" in spec["components"]["schemas"]


def test_push_accepts_and_projects(api: District, sws: Workspace, id_factory: IdFactory) -> None:
    token = api.station_token()
    rec = escalated_case(sws, id_factory(1))
    results = push(api, token, wire_events(sws, rec.case_no))
    assert statuses(results) == ["accepted"] * 3
    reviewer = api.user("li.shen")
    detail = api.get(f"/cases/{rec.id}", reviewer).json()
    assert (detail["state"], detail["owner"], detail["version"]) == ("escalated", "district", 3)
    assert detail["record"]["applicant"]["name"] == "张三"


def test_replay_creates_no_duplicate(api: District, sws: Workspace,
                                     id_factory: IdFactory) -> None:
    token = api.station_token()
    rec = escalated_case(sws, id_factory(1))
    events = wire_events(sws, rec.case_no)
    push(api, token, events)
    assert statuses(push(api, token, events)) == ["duplicate"] * 3
    assert statuses(push(api, token, events[1:2])) == ["duplicate"]
    ledger = api.get("/sync/ledger", token).json()
    assert sum(d["station"]["count"] for d in ledger["days"]) == 3


def test_same_id_changed_content_is_rejected(api: District, sws: Workspace,
                                             id_factory: IdFactory) -> None:
    token = api.station_token()
    rec = escalated_case(sws, id_factory(1))
    events = wire_events(sws, rec.case_no)
    push(api, token, events)
    forged = copy.deepcopy(events[1])
    forged["payload"]["limit_days"] = 99
    assert statuses(push(api, token, [rehash(forged)])) == ["rejected:payload_mismatch"]
    # Changed content under the old hash: refused before anything else.
    assert statuses(push(api, token, [forged])) == ["rejected:hash_mismatch"]


def test_gap_is_detected_and_other_cases_continue(api: District, sws: Workspace,
                                                 id_factory: IdFactory) -> None:
    token = api.station_token()
    a = escalated_case(sws, id_factory(1))
    b = escalated_case(sws, id_factory(2))
    ea, eb = wire_events(sws, a.case_no), wire_events(sws, b.case_no)
    results = push(api, token, [ea[0], ea[2], eb[0], eb[1], eb[2]])
    assert statuses(results) == ["accepted", "rejected:out_of_order", "accepted", "accepted",
                                 "accepted"]
    # The missing event arrives: the case catches up, the late one follows on.
    assert statuses(push(api, token, [ea[1], ea[2]])) == ["accepted", "accepted"]


def test_later_events_of_a_refused_case_are_held(api: District, sws: Workspace,
                                                id_factory: IdFactory) -> None:
    token = api.station_token()
    a = escalated_case(sws, id_factory(1))
    ea = wire_events(sws, a.case_no)
    bad = copy.deepcopy(ea[1])
    bad["payload"].pop("due_date")  # the projection refuses an acceptance without a due date
    results = push(api, token, [ea[0], rehash(bad), ea[2]])
    assert statuses(results) == ["accepted", "rejected:event.payload", "rejected:out_of_order"]
    assert statuses(push(api, token, ea[1:])) == ["accepted", "accepted"]


def test_state_machine_and_origin_are_enforced(api: District, sws: Workspace,
                                               id_factory: IdFactory) -> None:
    token = api.station_token()
    rec = escalated_case(sws, id_factory(1))
    events = wire_events(sws, rec.case_no)
    push(api, token, events)
    # The station no longer owns the case: a station-origin comment is refused.
    comment = Event(event_id="00000000-0000-4000-8000-000000000001", case_id=rec.id, seq=4,
                    type=EventType.COMMENTED, payload={"text": "x"}, actor="admin",
                    origin=Side.STATION,
                    occurred_at=Event.from_wire(events[2]).occurred_at).sealed()
    assert statuses(push(api, token, [comment.to_wire()])) == ["rejected:state.owner"]
    forged = dict(comment.to_wire(), origin="district",
                  event_id="00000000-0000-4000-8000-000000000002")
    assert statuses(push(api, token, [rehash(forged)])) == ["rejected:origin"]


def test_another_stations_case_is_not_found(api: District, sws: Workspace,
                                            id_factory: IdFactory) -> None:
    mine = api.station_token()
    theirs = api.station_token(OTHER_STATION)
    rec = escalated_case(sws, id_factory(1))
    events = wire_events(sws, rec.case_no)
    # Another station cannot create a case in our name...
    assert statuses(push(api, theirs, events[:1])) == ["rejected:not_found"]
    push(api, mine, events[:2])
    # ...nor add to ours, nor learn that an event id exists.
    assert statuses(push(api, theirs, events[2:])) == ["rejected:not_found"]
    assert statuses(push(api, theirs, events[:1])) == ["rejected:not_found"]


def test_pull_returns_district_events_with_cursor_paging(api: District, sws: Workspace,
                                                         id_factory: IdFactory) -> None:
    token = api.station_token()
    reviewer = api.user("li.shen")
    api.user("wang.dai", "proxy")
    rec = escalated_case(sws, id_factory(1))
    push(api, token, wire_events(sws, rec.case_no))
    assert api.post(f"/cases/{rec.id}/take", reviewer, json={"expected_version": 3}
                    ).status_code == 200
    assert api.post(f"/cases/{rec.id}/assign", reviewer,
                    json={"expected_version": 4, "proxy_agent": "wang.dai"}).status_code == 200
    page1 = api.get("/sync/pull", token, params={"cursor": 0, "limit": 1}).json()
    assert [e["type"] for e in page1["events"]] == ["taken"] and page1["more"]
    page2 = api.get("/sync/pull", token, params={"cursor": page1["next_cursor"]}).json()
    assert [e["type"] for e in page2["events"]] == ["assigned"] and not page2["more"]
    empty = api.get("/sync/pull", token, params={"cursor": page2["next_cursor"]}).json()
    assert empty["events"] == [] and empty["next_cursor"] == page2["next_cursor"]
    # Another station sees nothing of it.
    other = api.station_token(OTHER_STATION)
    assert api.get("/sync/pull", other).json()["events"] == []


def test_a_pull_moves_the_cursor_past_the_devices_own_entries(
        api: District, sws: Workspace, id_factory: IdFactory) -> None:
    """Else every later pull steps over all of them again (an idle round grew with the
    station's history)."""
    token = api.station_token()
    reviewer = api.user("li.shen")
    rec = escalated_case(sws, id_factory(1))
    push(api, token, wire_events(sws, rec.case_no))
    own = api.get("/sync/pull", token, params={"cursor": 0}).json()
    assert own["events"] == [] and not own["more"] and own["next_cursor"] > 0
    # The station's other counter still gets them from the start,
    other_device = api.get("/sync/pull", api.station_token(), params={"cursor": 0}).json()
    assert len(other_device["events"]) == 3
    assert other_device["next_cursor"] == own["next_cursor"]
    # and the district's next step comes after the moved cursor.
    assert api.post(f"/cases/{rec.id}/take", reviewer, json={"expected_version": 3}
                    ).status_code == 200
    after = api.get("/sync/pull", token, params={"cursor": own["next_cursor"]}).json()
    assert [e["type"] for e in after["events"]] == ["taken"]
    again = api.get("/sync/pull", token, params={"cursor": after["next_cursor"]}).json()
    assert again["events"] == [] and again["next_cursor"] == after["next_cursor"]


def test_stale_version_is_409(api: District, sws: Workspace, id_factory: IdFactory) -> None:
    token = api.station_token()
    reviewer = api.user("li.shen")
    rec = escalated_case(sws, id_factory(1))
    push(api, token, wire_events(sws, rec.case_no))
    assert api.post(f"/cases/{rec.id}/take", reviewer, json={"expected_version": 3}
                    ).status_code == 200
    r = api.post(f"/cases/{rec.id}/return", reviewer, json={
        "expected_version": 3, "items": [{"key": "income_proof", "name": "收入证明"}]})
    assert r.status_code == 409 and r.json()["code"] == "version.stale"
    assert r.json()["current_version"] == 4
    # A transition the state machine refuses is a 409 with its own code.
    r = api.post(f"/cases/{rec.id}/take", reviewer, json={"expected_version": 4})
    assert r.status_code == 409 and r.json()["code"] == "state.transition"


def test_notes_both_ways(api: District, sws: Workspace, id_factory: IdFactory) -> None:
    from sync import notes

    token = api.station_token()
    reviewer = api.user("li.shen")
    station_owned = accepted_case(sws, id_factory(1))
    at_district = escalated_case(sws, id_factory(2))
    push(api, token, wire_events(sws, station_owned.case_no)
         + wire_events(sws, at_district.case_no))
    # The reviewer remarks on a station-owned case: a note, the version does not move.
    r = api.post(f"/cases/{station_owned.id}/comment", reviewer,
                 json={"expected_version": 2, "text": "请核对收入证明"})
    assert r.status_code == 200 and r.json()["version"] == 2
    assert [n["text"] for n in r.json()["notes"]] == ["请核对收入证明"]
    pulled = api.get("/sync/pull", token).json()
    assert [n["text"] for n in pulled["notes"]] == ["请核对收入证明"] and not pulled["events"]
    # On a district-owned case the reviewer's comment is in the sequence.
    r = api.post(f"/cases/{at_district.id}/comment", reviewer,
                 json={"expected_version": 3, "text": "已收到"})
    assert r.json()["version"] == 4
    # The station remarks on the case at the district: a note, pushed idempotently.
    remark = notes.remark(sws, at_district.case_no, "申请人来电询问进度")
    assert remark.kind == "note"
    row = notes.notes_of(sws, at_district.case_no)[0]
    wire = {"note_id": row.note_id, "case_id": row.case_id, "text": row.text,
            "author": row.author, "origin": row.origin, "occurred_at": row.occurred_at,
            "hash": row.hash}
    for expected in ("accepted", "duplicate"):
        r = api.post("/sync/push", token, json={"events": [], "notes": [wire]})
        assert r.json()["note_results"][0]["status"] == expected
    detail = api.get(f"/cases/{at_district.id}", reviewer).json()
    assert "申请人来电询问进度" in [n["text"] for n in detail["notes"]]


def test_ledger_counts_and_hashes_per_day(api: District, sws: Workspace,
                                          id_factory: IdFactory) -> None:
    from wire.protocol import ledger_count

    token = api.station_token()
    rec = escalated_case(sws, id_factory(1))
    events = wire_events(sws, rec.case_no)
    push(api, token, events)
    days = api.get("/sync/ledger", token).json()["days"]
    assert len(days) == 1 and days[0]["day"] == "2026-03-02"
    assert days[0]["station"] == ledger_count([e["event_id"] for e in events]).model_dump()
    assert days[0]["district"]["count"] == 0


def _a_pushed_b_not(api: District, sws: Workspace, id_factory: IdFactory
                    ) -> tuple[str, str, str, list[dict[str, Any]], list[dict[str, Any]]]:
    """Two escalated cases, a's events pushed and b's not: the station's token, a's and
    b's case numbers, their wire events."""
    token = api.station_token()
    a = escalated_case(sws, id_factory(1))
    b = escalated_case(sws, id_factory(2))
    ea, eb = wire_events(sws, a.case_no), wire_events(sws, b.case_no)
    push(api, token, ea)
    return token, a.case_no, b.case_no, ea, eb


def test_a_case_number_already_taken_is_refused_and_nothing_stored(
        api: District, sws: Workspace, id_factory: IdFactory) -> None:
    token, _, _, ea, eb = _a_pushed_b_not(api, sws, id_factory)
    # Another case under a's number, in one batch with a replayed event and a new case:
    # the ids and the numbers are looked up together, each judged on its own.
    twin = rehash(dict(copy.deepcopy(ea[0]), case_id="00000000-0000-4000-8000-0000000000aa",
                       event_id="00000000-0000-4000-8000-0000000000ab"))
    results = push(api, token, [twin, ea[0], eb[0]])
    assert statuses(results) == ["rejected:case_no_conflict", "duplicate", "accepted"]
    ledger = api.get("/sync/ledger", token).json()
    assert sum(d["station"]["count"] for d in ledger["days"]) == 4
    reviewer = api.user("li.shen")
    assert api.get(f"/cases/{twin['case_id']}", reviewer).status_code == 404


def test_a_case_number_holding_a_comma_is_refused_as_malformed(
        api: District, sws: Workspace, id_factory: IdFactory) -> None:
    # PostgreSQL looks the numbers up as one comma-joined text (district.push._joined):
    # a number with a comma is left out of it and refused by its format, and the taken
    # number it spells after the comma does not make the batch's other cases conflict.
    token, a_no, b_no, ea, eb = _a_pushed_b_not(api, sws, id_factory)
    created = copy.deepcopy(ea[0])
    created["payload"]["case_no"] = f"{b_no},{a_no}"
    odd = rehash(dict(created, case_id="00000000-0000-4000-8000-0000000000ba",
                      event_id="00000000-0000-4000-8000-0000000000bb"))
    results = push(api, token, [odd, eb[0]])
    assert statuses(results) == ["rejected:case_no.format", "accepted"]
