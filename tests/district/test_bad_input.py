"""Bad input gets a clear 4xx and stores nothing."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from typing import Any

import pytest

from clerk.workspace import Workspace
from tests.districtkit import District, escalated_case, make_app, wire_events

IdFactory = Callable[..., str]


def stored_events(api: District, token: str) -> int:
    return sum(d["station"]["count"] for d in api.get("/sync/ledger", token).json()["days"])


@pytest.fixture
def token(api: District) -> str:
    return api.station_token()


@pytest.fixture
def events(sws: Workspace, id_factory: IdFactory) -> list[dict[str, Any]]:
    rec = escalated_case(sws, id_factory(1))
    return wire_events(sws, rec.case_no)


def test_malformed_json(api: District, token: str) -> None:
    for body in (b"{not json", b'{"events": [', b"\xff\xfe", b""):
        r = api.post("/sync/push", token, content=body,
                     headers={"Content-Type": "application/json"})
        assert r.status_code in (400, 422), r.text
        assert r.json()["code"] in ("malformed_json", "invalid")
    reviewer = api.user("li.shen")
    r = api.post("/cases/00000000-0000-4000-8000-000000000000/take", reviewer,
                 content=b"{oops", headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["code"] == "malformed_json"
    assert stored_events(api, token) == 0


def test_oversized_batch_is_413(api: District, token: str,
                                events: list[dict[str, Any]]) -> None:
    batch = [dict(events[0], event_id=f"00000000-0000-4000-8000-{i:012d}") for i in range(501)]
    r = api.post("/sync/push", token, json={"events": batch})
    assert r.status_code == 413 and r.json()["code"] == "batch.too_large"
    # The words before the values went in, and the values: a workstation shows the
    # message in its own language (ui.common.operations.error_text).
    body = r.json()
    assert body["template"] == "一批最多 {limit} 条事件和留言，本批 {size} 条；请分批推送。"
    assert body["params"] == {"limit": "500", "size": "501"}
    assert body["message"] == body["template"].format(**body["params"])
    r = api.post("/sync/push", token, content=b"{not json",
                 headers={"Content-Type": "application/json"})
    assert "template" not in r.json() and "params" not in r.json()  # no values: the message
    assert stored_events(api, token) == 0


def test_oversized_body_is_413(district_url: str) -> None:
    from tests.districtkit import TestClient

    app = make_app(district_url, max_body_bytes=10_000)
    with TestClient(app) as client:
        d = District(url=district_url, base="", app=app, http=client)
        token = d.station_token()
        r = d.post("/sync/push", token, content=b"x" * 10_001,
                   headers={"Content-Type": "application/json"})
        assert r.status_code == 413

        def chunks() -> Any:  # no Content-Length: counted while reading
            for _ in range(20):
                yield b"y" * 1000

        r = d.post("/sync/push", token, content=chunks(),
                   headers={"Content-Type": "application/json"})
        assert r.status_code == 413
        assert stored_events(d, token) == 0


def test_unknown_fields_and_wrong_types_are_422(api: District, token: str,
                                                events: list[dict[str, Any]]) -> None:
    good = events[0]
    bad_events: list[Any] = [
        dict(good, colour="blue"),  # unknown field
        dict(good, seq="1"),  # a string is not a number
        dict(good, seq=True),  # nor is a boolean
        dict(good, seq=1.0),
        dict(good, seq=0),
        dict(good, type="teleported"),
        dict(good, origin="elsewhere"),
        dict(good, occurred_at="2026-03-02 10:00:00"),
        dict(good, occurred_at="2026-13-45T10:00:00.000000Z"),
        dict(good, event_id="not-a-uuid"),
        dict(good, hash="abc"),
        dict(good, payload=[1, 2]),
        {k: v for k, v in good.items() if k != "actor"},
        "just a string",
    ]
    for bad in bad_events:
        r = api.post("/sync/push", token, json={"events": [bad]})
        assert r.status_code == 422, (bad if isinstance(bad, str) else bad.keys(), r.text)
        assert r.json()["code"] == "invalid" and r.json()["errors"]
    r = api.post("/sync/push", token, json={"events": [good], "extra": 1})
    assert r.status_code == 422
    r = api.post("/sync/push", token, json=[good])
    assert r.status_code == 422
    assert stored_events(api, token) == 0
    # Nothing personal is echoed back in the error details.
    r = api.post("/sync/push", token, json={"events": [dict(good, seq="1")]})
    assert good["payload"]["applicant"]["id_no"] not in r.text


def test_actions_validate_their_bodies(api: District, token: str,
                                       events: list[dict[str, Any]]) -> None:
    api.post("/sync/push", token, json={"events": events})
    reviewer = api.user("li.shen")
    case = f"/cases/{events[0]['case_id']}"
    for path, body in (("take", {}), ("take", {"expected_version": "3"}),
                       ("take", {"expected_version": 3, "force": True}),
                       ("return", {"expected_version": 3, "items": []}),
                       ("deny", {"expected_version": 3, "reason": ""}),
                       ("assign", {"expected_version": 3})):
        r = api.post(f"{case}/{path}", reviewer, json=body)
        assert r.status_code == 422, (path, body, r.text)
    assert api.get(case, reviewer).json()["version"] == 3
    r = api.get("/sync/pull", token, params={"cursor": -1})
    assert r.status_code == 422
    r = api.get("/sync/pull", token, params={"limit": 100000})
    assert r.status_code == 422


def test_blob_rules(api: District, token: str) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"pixels" * 100
    sha = hashlib.sha256(png).hexdigest()
    # Body that does not match its name: refused, nothing stored.
    r = api.put(f"/blobs/{sha}", token, content=png + b"!", headers={"Content-Type": "image/png"})
    assert r.status_code == 422 and r.json()["code"] == "blob.hash_mismatch"
    assert api.get(f"/blobs/{sha}", token).status_code == 404
    r = api.put(f"/blobs/{sha}", token, content=png, headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    r = api.put(f"/blobs/{'A' * 64}", token, content=png, headers={"Content-Type": "image/png"})
    assert r.status_code == 422
    r = api.put(f"/blobs/{hashlib.sha256(b'').hexdigest()}", token, content=b"",
                headers={"Content-Type": "image/png"})
    assert r.status_code == 400
    # Idempotent: the same upload twice is fine.
    for _ in range(2):
        r = api.put(f"/blobs/{sha}", token, content=png, headers={"Content-Type": "image/png"})
        assert r.status_code == 200 and r.json()["size"] == len(png)
    assert api.get(f"/blobs/{sha}", token).content == png


def test_blob_size_limit(district_url: str) -> None:
    from tests.districtkit import District, TestClient

    app = make_app(district_url, max_blob_bytes=1000)
    with TestClient(app) as client:
        d = District(url=district_url, base="", app=app, http=client)
        token = d.station_token()
        big = b"%PDF-" + b"0" * 2000
        r = d.put(f"/blobs/{hashlib.sha256(big).hexdigest()}", token, content=big,
                  headers={"Content-Type": "application/pdf"})
        assert r.status_code == 413


def test_tampered_hash_in_batch_changes_nothing_else(api: District, token: str,
                                                     events: list[dict[str, Any]]) -> None:
    tampered = copy.deepcopy(events)
    tampered[0]["actor"] = "mallory"
    r = api.post("/sync/push", token, json={"events": tampered})
    codes = [x["code"] for x in r.json()["results"]]
    assert codes == ["hash_mismatch", "out_of_order", "out_of_order"]
    assert stored_events(api, token) == 0


def test_nul_characters_and_malformed_ids(api: District, token: str,
                                          events: list[dict[str, Any]]) -> None:
    """PostgreSQL cannot store NUL; no text field lets one through (found by schemathesis)."""
    r = api.post("/auth/login", json={"username": "li\x00shen", "password": "x" * 10})
    assert r.status_code == 422
    r = api.post("/progress", json={"case_no": "1\x002", "last4": "1234"})
    assert r.status_code == 422
    reviewer = api.user("li.shen")
    assert api.get("/cases/not-a-uuid", reviewer).status_code == 422
    assert api.get("/station/cases/not-a-uuid", token).status_code == 422
    assert api.get("/cases", reviewer, params={"proxy_agent": "a\x00b"}).status_code == 422
    api.post("/sync/push", token, json={"events": events})
    r = api.post(f"/cases/{events[0]['case_id']}/comment", reviewer,
                 json={"expected_version": 3, "text": "bad\x00text"})
    assert r.status_code == 422
