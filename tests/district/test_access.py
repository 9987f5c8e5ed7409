"""The access matrix, derived from the OpenAPI document so no endpoint is forgotten:

* every endpoint that takes an id, called with another station's token: 404;
* station tokens on staff endpoints: 403;
* revoked (or unknown) tokens: 401.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import pytest

from clerk.workspace import Workspace
from tests.districtkit import OTHER_STATION, District, escalated_case, push, wire_events

IdFactory = Callable[..., str]

PUBLIC = {("GET", "/api/v1/health"), ("POST", "/api/v1/enroll"),
          ("POST", "/api/v1/auth/login"), ("POST", "/api/v1/progress")}
STATION_ONLY = {("POST", "/api/v1/sync/push"), ("GET", "/api/v1/sync/pull"),
                ("GET", "/api/v1/sync/ledger"), ("GET", "/api/v1/station"),
                ("GET", "/api/v1/station/cases/{case_id}"),
                ("GET", "/api/v1/station/cases/{case_id}/events"),
                ("GET", "/api/v1/station/supervision"), ("PUT", "/api/v1/blobs/{sha256}"),
                ("POST", "/api/v1/sync/refusals"), ("GET", "/api/v1/sync/whoami"),
                ("GET", "/api/v1/station/devices"), ("POST", "/api/v1/sync/people/lookup"),
                ("POST", "/api/v1/sync/people/reveal")}
SHARED = {("GET", "/api/v1/blobs/{sha256}"), ("GET", "/api/v1/catalog"),
          ("GET", "/api/v1/calendar"), ("GET", "/api/v1/client-version")}
PNG = b"\x89PNG\r\n\x1a\n" + b"scan" * 10
PNG_SHA = hashlib.sha256(PNG).hexdigest()


def operations(api: District) -> set[tuple[str, str]]:
    spec = api.http.get("/openapi.json").json()
    return {(method.upper(), path) for path, item in spec["paths"].items() for method in item}


def staff_operations(api: District) -> set[tuple[str, str]]:
    return operations(api) - PUBLIC - STATION_ONLY - SHARED


@pytest.fixture
def world(api: District, sws: Workspace, id_factory: IdFactory) -> dict[str, Any]:
    """Station A with an escalated case and a scan; station B; a reviewer."""
    a = api.station_token()
    b = api.station_token(OTHER_STATION)
    rec = escalated_case(sws, id_factory(1))
    push(api, a, wire_events(sws, rec.case_no))
    assert api.put(f"/blobs/{PNG_SHA}", a, content=PNG,
                   headers={"Content-Type": "image/png"}).status_code == 200
    return {"a": a, "b": b, "case_id": rec.id, "reviewer": api.user("li.shen")}


def fill(path: str, world: dict[str, Any]) -> str:
    return (path.removeprefix("/api/v1").replace("{case_id}", world["case_id"])
            .replace("{sha256}", PNG_SHA).replace("{code}", "110108001001")
            .replace("{name}", "1号窗口"))


def call(api: District, method: str, path: str, token: str) -> Any:
    body = {"expected_version": 3} if method == "POST" else None
    if method == "PUT":
        return api.put(path, token, content=PNG, headers={"Content-Type": "image/png"})
    return api.request(method, path, token, json=body)


def test_the_lists_cover_the_whole_api(api: District) -> None:
    ops = operations(api)
    assert ops >= PUBLIC | STATION_ONLY | SHARED
    # Every other operation is a staff one; make sure it is really guarded below.
    assert len(staff_operations(api)) >= 15


def test_another_stations_token_gets_404_for_every_id(api: District,
                                                      world: dict[str, Any]) -> None:
    with_ids = [(m, p) for m, p in STATION_ONLY | SHARED if "{" in p and m == "GET"]
    assert with_ids
    for method, path in with_ids:
        own = call(api, method, fill(path, world), world["a"])
        assert own.status_code == 200, (path, own.text)
        foreign = call(api, method, fill(path, world), world["b"])
        assert foreign.status_code == 404, (path, foreign.status_code, foreign.text)
    # ...and pushing onto another station's case is refused as not found.
    event = api.get(f"/station/cases/{world['case_id']}/events", world["a"]).json()["events"][0]
    event.pop("pos")
    r = api.post("/sync/push", world["b"], json={"events": [event]})
    assert r.json()["results"][0]["code"] == "not_found"


def test_station_tokens_get_403_on_staff_endpoints(api: District,
                                                   world: dict[str, Any]) -> None:
    for method, path in sorted(staff_operations(api)):
        r = call(api, method, fill(path, world), world["a"])
        assert r.status_code == 403, (method, path, r.status_code, r.text)
    # And staff tokens are not station tokens either.
    for method, path in sorted(STATION_ONLY):
        r = call(api, method, fill(path, world), world["reviewer"])
        assert r.status_code == 403, (method, path, r.status_code)


def test_revoked_and_unknown_tokens_get_401(api: District, world: dict[str, Any]) -> None:
    api.revoke()
    guarded = sorted(operations(api) - PUBLIC)
    for token in (world["a"], "sdt_not-a-real-token", "nonsense", ""):
        for method, path in guarded:
            r = call(api, method, fill(path, world), token)
            assert r.status_code == 401, (token[:6], method, path, r.status_code)
            assert r.headers.get("www-authenticate") == "Bearer"
    # Station B, not revoked, still works.
    assert api.get("/sync/pull", world["b"]).status_code == 200


def test_logged_out_and_expired_staff_tokens_get_401(api: District,
                                                     world: dict[str, Any]) -> None:
    token = world["reviewer"]
    assert api.get("/cases", token).status_code == 200
    assert api.post("/auth/logout", token).status_code == 204
    assert api.get("/cases", token).status_code == 401


def test_proxy_agents_work_only_their_cases(api: District, world: dict[str, Any]) -> None:
    proxy = api.user("wang.dai", "proxy")
    case = f"/cases/{world['case_id']}"
    assert api.post(f"{case}/take", proxy, json={"expected_version": 3}).status_code == 403
    assert api.post(f"{case}/take", world["reviewer"],
                    json={"expected_version": 3}).status_code == 200
    assert api.post(f"{case}/proxy-step", proxy,
                    json={"expected_version": 4, "step": "x"}).status_code == 403
    assert api.post(f"{case}/assign", world["reviewer"],
                    json={"expected_version": 4, "proxy_agent": "wang.dai"}).status_code == 200
    assert api.post(f"{case}/proxy-step", proxy,
                    json={"expected_version": 5, "step": "已送审"}).status_code == 200
    assert api.post("/admin/users", proxy, json={
        "username": "x.y", "password": "12345678", "role": "admin"}).status_code == 403
