"""全区通办 at the district: a station recalls a person known at another station, masked
first, whole after a reason; every call is in the access log without the number; bad
input is refused in words; a device that looks up too many people is slowed down."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from clerk.applicants import PersonInput
from clerk.cases.service import MaterialChanges
from clerk.validation import make_resident_id, mask_id_no
from clerk.workspace import Workspace
from tests.clerk.factories import ALL_NEEDED, DISTRICT
from tests.conftest import FakeClock
from tests.districtkit import OTHER_STATION, District, make_app, push, wire_events

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

IdFactory = Callable[..., str]
MOBILE = "13900000077"  # synthetic


def lookup(d: District, token: str, id_no: str, path: str = "lookup", **extra: Any) -> Any:
    body = {"id_type": "resident_id", "id_no": id_no, "clerk": "wang.chuang",
            "reason": "申请人到窗口办理", **extra}
    return d.post(f"/sync/people/{path}", token, json=body)


def accepted_at_a(d: District, ws: Workspace, token: str, id_no: str) -> str:
    rec = ws.cases.new_case(matter_code=DISTRICT,
                            applicant=PersonInput(name="张小三", id_no=id_no, mobile=MOBILE,
                                                  address="海淀区某路1号"),
                            changes=MaterialChanges(received=ALL_NEEDED))
    ws.cases.accept(rec.case_no)
    push(d, token, wire_events(ws, rec.case_no))
    return rec.id


def log(d: District) -> list[dict[str, Any]]:
    admin = d.user("zhao.admin", "admin")
    r = d.get("/admin/security-events", admin,
              params={"kind": ["person.lookup", "person.revealed", "person.throttled"]})
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


def test_another_station_recalls_the_person_masked_then_whole(
        api: District, sws: Workspace, id_factory: IdFactory) -> None:
    a, b = api.station_token(), api.station_token(OTHER_STATION)
    id_no = id_factory(7)
    case_id = accepted_at_a(api, sws, a, id_no)
    r = lookup(api, b, id_no)
    assert r.status_code == 200, r.text
    found = r.json()
    assert found["found"] and found["masked"]
    assert (found["name"], found["id_no"], found["mobile"], found["address"]) == (
        "张**", mask_id_no(id_no), "139****0077", "")
    docs = {d["material_key"]: d for d in found["documents"]}
    # Government-issued documents only: the application form is not kept on file.
    assert set(docs) == {"id_card", "hukou_booklet"}
    assert docs["id_card"]["station_code"] == "110108001001"
    assert docs["id_card"]["station_name"] == "海淀区测试社区便民服务站"
    assert docs["id_card"]["verified_at"].startswith("2026-03-02T02:00:00")  # 10:00 Beijing
    assert id_no not in r.text and MOBILE not in r.text
    whole = lookup(api, b, id_no, "reveal", reason="核对申请人身份").json()
    assert not whole["masked"]
    assert (whole["name"], whole["id_no"], whole["mobile"], whole["address"]) == (
        "张小三", id_no, MOBILE, "海淀区某路1号")
    assert whole["documents"] == found["documents"]
    entries = log(api)
    assert [(e["kind"], e["station_code"], e["username"], e["case_id"]) for e in entries] == [
        ("person.revealed", OTHER_STATION, "wang.chuang", case_id),
        ("person.lookup", OTHER_STATION, "wang.chuang", case_id)]
    assert "核对申请人身份" in entries[0]["detail"] and "device 1" in entries[0]["detail"]
    text = str(entries)
    assert id_no not in text and id_no[-8:] not in text and MOBILE not in text


def test_an_unknown_person_is_not_found_and_logged_without_a_reference(
        api: District, id_factory: IdFactory) -> None:
    b = api.station_token(OTHER_STATION)
    # A person born in Shanghai is looked up like anyone else: people move.
    other_province = make_resident_id("310101", datetime(1990, 1, 2).date(), 3)
    for id_no in (id_factory(9), other_province):
        r = lookup(api, b, id_no)
        assert r.status_code == 200 and r.json() == {**r.json(), "found": False}
        assert r.json()["documents"] == [] and r.json()["name"] == ""
    entries = log(api)
    assert [(e["kind"], e["case_id"]) for e in entries] == [("person.lookup", None)] * 2
    assert all("not found" in e["detail"] for e in entries)


def test_bad_input_is_refused_in_words_and_nothing_is_logged(
        api: District, id_factory: IdFactory) -> None:
    b = api.station_token(OTHER_STATION)
    good = id_factory(3)
    typo = good[:17] + ("0" if good[17] != "0" else "1")
    r = lookup(api, b, typo)
    assert r.status_code == 422 and "校验不通过" in r.json()["message"]
    assert lookup(api, b, good, id_type="driving_licence").status_code == 422
    assert lookup(api, b, "1" * 100_000).status_code == 422  # huge body
    assert lookup(api, b, good, reason=" ").status_code == 422
    assert lookup(api, b, good, clerk="../admin").status_code == 422
    assert lookup(api, b, good, extra="x").status_code == 422
    nested = api.post("/sync/people/lookup", b, json={"id_no": {"a": [[[good]]]},
                                                       "clerk": "wang", "reason": "办理"})
    assert nested.status_code == 422
    assert good not in nested.text and typo not in r.text.replace(typo[:17], "")
    # The number in the URL is not a thing: the route takes none.
    assert api.get(f"/sync/people/lookup?id_no={good}", b).status_code == 405
    assert log(api) == []


def test_staff_and_revoked_devices_are_refused(api: District, id_factory: IdFactory) -> None:
    b = api.station_token(OTHER_STATION)
    reviewer = api.user("li.shen")
    assert lookup(api, reviewer, id_factory(1)).status_code == 403
    api.revoke(OTHER_STATION)
    assert lookup(api, b, id_factory(1)).status_code == 401
    assert lookup(api, b, id_factory(1), "reveal").status_code == 401


def test_a_device_enumerating_people_is_slowed_down(sqlite_url: str,
                                                     id_factory: IdFactory) -> None:
    clock = FakeClock(datetime(2026, 3, 2, 2, tzinfo=UTC))
    app = make_app(sqlite_url, clock=clock, recall_device_burst=3, recall_device_daily=5,
                   recall_station_daily=9)
    with TestClient(app) as http:
        d = District(url=sqlite_url, base="", app=app, http=http, clock=clock)
        one, two = d.station_token(OTHER_STATION), d.station_token(OTHER_STATION)
        codes = [lookup(d, one, id_factory(n)).status_code for n in range(1, 5)]
        assert codes == [200, 200, 200, 429]
        r = lookup(d, one, id_factory(5), "reveal")  # reveals count the same
        assert r.status_code == 429 and 0 < int(r.headers["Retry-After"]) <= 601
        assert "频繁" in r.json()["message"]
        # Garbage is counted too (it passed the schema, so it cost a look).
        assert lookup(d, one, "110108198005170000").status_code == 429
        # Another device of the station has its own burst...
        assert [lookup(d, two, id_factory(n)).status_code for n in range(6, 9)] == [200] * 3
        clock.advance(minutes=11)
        # ...after the burst window: device one reaches its day, the station its day.
        assert [lookup(d, one, id_factory(n)).status_code for n in (9, 10, 11)] == [
            200, 200, 429]
        assert lookup(d, two, id_factory(12)).status_code == 200  # the station: 9th today
        assert lookup(d, two, id_factory(13)).status_code == 429
        clock.advance(days=1)
        assert lookup(d, one, id_factory(14)).status_code == 200
        throttled = [e for e in log(d) if e["kind"] == "person.throttled"]
        assert throttled and all(e["station_code"] == OTHER_STATION for e in throttled)
        assert all(id_factory(4) not in str(e) for e in throttled)


@pytest.mark.parametrize("path", ["lookup", "reveal"])
def test_the_recall_is_one_transaction_with_its_log(api: District, sws: Workspace,
                                                    id_factory: IdFactory, path: str) -> None:
    """Asking twice gives two log entries and the same answer (nothing cached or lost)."""
    a = api.station_token()
    id_no = id_factory(2)
    accepted_at_a(api, sws, a, id_no)
    first, second = lookup(api, a, id_no, path).json(), lookup(api, a, id_no, path).json()
    assert first == second and first["found"]
    assert len(log(api)) == 2
