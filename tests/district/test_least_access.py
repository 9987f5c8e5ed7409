"""Least access at the district: proxy agents see full ID numbers, phones and scans only
of the cases assigned to them; everybody else sees them masked until they open the full
record with a reason, and every full view is in the access log. Scans go out as checked
attachments; uploads are judged by their content."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import pytest

from clerk.applicants import PersonInput
from clerk.cases.service import MaterialChanges
from clerk.validation import mask_id_no, mask_mobile
from clerk.workspace import Workspace
from tests.clerk.factories import ALL_NEEDED, DISTRICT
from tests.districtkit import District, push, wire_events

IdFactory = Callable[..., str]
MOBILE_A, MOBILE_B = "13900000042", "13900000043"  # synthetic, not real numbers


def png(tag: str) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + f"scan of {tag}".encode() * 10


def escalated_with_scan(api: District, ws: Workspace, station: str, id_no: str, mobile: str,
                        scan: bytes) -> str:
    rec = ws.cases.new_case(matter_code=DISTRICT,
                            applicant=PersonInput(name="张三", id_no=id_no, mobile=mobile),
                            changes=MaterialChanges(received=ALL_NEEDED))
    ws.cases.attach_scan(rec.case_no, ws.cases.get(rec.case_no).checklist[0]["key"], scan)
    ws.cases.accept(rec.case_no)
    ws.cases.escalate(rec.case_no)
    sha = hashlib.sha256(scan).hexdigest()
    assert api.put(f"/blobs/{sha}", station, content=scan,
                   headers={"Content-Type": "image/png"}).status_code == 200
    push(api, station, wire_events(ws, rec.case_no))
    return rec.id


@pytest.fixture
def world(api: District, sws: Workspace, id_factory: IdFactory) -> dict[str, Any]:
    """Case A assigned to proxy wang.dai, case B not; each with a scan of its own."""
    station = api.station_token()
    w: dict[str, Any] = {"id_a": id_factory(1), "id_b": id_factory(2),
                         "scan_a": png("a"), "scan_b": png("b")}
    w["a"] = escalated_with_scan(api, sws, station, w["id_a"], MOBILE_A, w["scan_a"])
    w["b"] = escalated_with_scan(api, sws, station, w["id_b"], MOBILE_B, w["scan_b"])
    w["reviewer"] = reviewer = api.user("li.shen")
    w["proxy"] = api.user("wang.dai", "proxy")
    w["admin"] = api.user("zhao.admin", "admin")
    version = api.get(f"/cases/{w['a']}", reviewer).json()["version"]
    assert api.post(f"/cases/{w['a']}/take", reviewer,
                    json={"expected_version": version}).status_code == 200
    assert api.post(f"/cases/{w['a']}/assign", reviewer, json={
        "expected_version": version + 1, "proxy_agent": "wang.dai"}).status_code == 200
    return w


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def views(api: District, admin: str) -> list[dict[str, Any]]:
    r = api.get("/admin/security-events", admin, params={"kind": "record.viewed"})
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


def test_the_proxy_agents_access_matrix(api: District, world: dict[str, Any]) -> None:
    proxy, a, b = world["proxy"], world["a"], world["b"]
    before = len(views(api, world["admin"]))
    # Their own case: in full, and its scan (the timeline is masked for everyone).
    own = api.get(f"/cases/{a}", proxy)
    assert own.status_code == 200 and own.json()["masked"] is False
    assert own.json()["record"]["applicant"]["id_no"] == world["id_a"]
    assert own.json()["record"]["applicant"]["mobile"] == MOBILE_A
    assert world["id_a"] not in api.get(f"/cases/{a}/events", proxy).text
    scan = api.get(f"/blobs/{sha(world['scan_a'])}", proxy)
    assert scan.status_code == 200 and scan.content == world["scan_a"]
    # Another case: masked everywhere, its scan refused, its full record refused.
    other = api.get(f"/cases/{b}", proxy)
    assert other.status_code == 200 and other.json()["masked"] is True
    applicant = other.json()["record"]["applicant"]
    assert applicant["id_no"] == mask_id_no(world["id_b"])
    assert applicant["mobile"] == mask_mobile(MOBILE_B)
    assert world["id_b"] not in other.text and MOBILE_B not in other.text
    events = api.get(f"/cases/{b}/events", proxy)
    assert events.status_code == 200
    assert world["id_b"] not in events.text and MOBILE_B not in events.text
    assert api.get(f"/blobs/{sha(world['scan_b'])}", proxy).status_code == 403
    assert api.post(f"/cases/{b}/reveal", proxy,
                    json={"reason": "想看看"}).status_code == 403
    # The case list never carried ID numbers.
    listed = api.get("/cases", proxy)
    assert world["id_a"] not in listed.text and world["id_b"] not in listed.text
    # Their full views are in the access log: the detail and the scan of case A.
    logged = views(api, world["admin"])[: len(views(api, world["admin"])) - before]
    assert {(e["username"], e["case_id"]) for e in logged} == {("wang.dai", a)}
    assert len(logged) == 2


def test_reviewers_see_masked_data_until_they_open_the_full_record(
        api: District, world: dict[str, Any]) -> None:
    reviewer, admin, b = world["reviewer"], world["admin"], world["b"]
    detail = api.get(f"/cases/{b}", reviewer)
    assert detail.json()["masked"] is True and world["id_b"] not in detail.text
    assert world["id_b"] not in api.get(f"/cases/{b}/events", reviewer).text
    assert api.post(f"/cases/{b}/reveal", reviewer, json={"reason": " "}).status_code == 422
    assert api.post(f"/cases/{b}/reveal", reviewer, json={}).status_code == 422
    before = views(api, admin)
    full = api.post(f"/cases/{b}/reveal", reviewer, json={"reason": "核对申请人身份"})
    assert full.status_code == 200 and full.json()["masked"] is False
    assert full.json()["record"]["applicant"]["id_no"] == world["id_b"]
    assert full.json()["record"]["applicant"]["mobile"] == MOBILE_B
    # Admins too: masked until asked.
    assert api.get(f"/cases/{b}", admin).json()["masked"] is True
    assert api.post(f"/cases/{b}/reveal", admin, json={"reason": "抽查"}).status_code == 200
    # Scans are full records as well: each download by staff is logged.
    assert api.get(f"/blobs/{sha(world['scan_b'])}", reviewer).status_code == 200
    new = views(api, admin)[: len(views(api, admin)) - len(before)]
    assert [(e["username"], e["case_id"], e["detail"]) for e in reversed(new)] == [
        ("li.shen", b, "核对申请人身份"), ("zhao.admin", b, "抽查"),
        ("li.shen", None, f"scan {sha(world['scan_b'])[:16]}")]
    assert all(e["at"] for e in new)
    # The log itself holds no ID numbers or phones.
    log = api.get("/admin/security-events", admin, params={"limit": 500}).text
    for secret in (world["id_a"], world["id_b"], MOBILE_A, MOBILE_B):
        assert secret not in log


def test_scans_go_out_as_checked_attachments(api: District, world: dict[str, Any]) -> None:
    r = api.get(f"/blobs/{sha(world['scan_a'])}", world["reviewer"])
    assert r.status_code == 200
    assert r.headers["content-type"] == "image/png"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["content-disposition"].startswith("attachment;")


@pytest.mark.parametrize(("declared", "body"), [
    ("image/png", b"<html><script>alert(1)</script></html>"),
    ("application/pdf", b"\x89PNG\r\n\x1a\n" + b"a png said to be a pdf"),
    ("image/jpeg", b"%PDF-1.7 a pdf said to be a jpeg"),
])
def test_uploads_are_judged_by_their_content(api: District, declared: str,
                                             body: bytes) -> None:
    station = api.station_token()
    r = api.put(f"/blobs/{sha(body)}", station, content=body,
                headers={"Content-Type": declared})
    assert r.status_code == 415 and r.json()["code"] == "blob.content_type"
    assert api.get(f"/blobs/{sha(body)}", station).status_code == 404
