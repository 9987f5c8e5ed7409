"""POST /api/v1/sync/push is answered in front of FastAPI's routing and middleware
(district.api.push_endpoint), with the same answers the app gives."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from starlette.middleware.exceptions import ExceptionMiddleware

from clerk.workspace import Workspace
from district.api.push_queue import PushQueue
from tests.districtkit import District, escalated_case, make_app, wire_events

IdFactory = Callable[..., str]


def test_a_push_skips_the_framework_and_other_requests_do_not(
        api: District, sws: Workspace, id_factory: IdFactory,
        monkeypatch: pytest.MonkeyPatch) -> None:
    token = api.station_token()
    events = wire_events(sws, escalated_case(sws, id_factory(1)).case_no)
    through: list[str] = []
    real = ExceptionMiddleware.__call__

    async def recorded(self: Any, scope: Any, receive: Any, send: Any) -> None:
        through.append(f"{scope['method']} {scope['path']}")
        await real(self, scope, receive, send)

    monkeypatch.setattr(ExceptionMiddleware, "__call__", recorded)
    r = api.post("/sync/push", token, json={"events": events})
    assert r.status_code == 200 and {x["status"] for x in r.json()["results"]} == {"accepted"}
    assert through == []
    assert api.get("/sync/ledger", token).status_code == 200
    r = api.get("/sync/push", token)  # not a push: the app answers (and refuses) it
    assert r.status_code == 405 and r.json()["code"] == "method_not_allowed"
    assert through == ["GET /api/v1/sync/ledger", "GET /api/v1/sync/push"]


def test_its_refusals_are_the_apps(api: District) -> None:
    r = api.http.post("/api/v1/sync/push", content=b"{}")
    assert r.status_code == 401 and r.json()["code"] == "auth.missing"
    assert r.headers["WWW-Authenticate"] == "Bearer"
    r = api.post("/sync/push", "sd-st-not-a-token", json={"events": []})
    assert r.status_code == 401 and r.json()["code"] == "auth.invalid"


def test_a_body_over_the_limit_is_413_as_elsewhere(district_url: str) -> None:
    from tests.districtkit import TestClient

    app = make_app(district_url, max_body_bytes=1_000)
    with TestClient(app) as client:
        d = District(url=district_url, base="", app=app, http=client)
        token = d.station_token()
        pushed = d.post("/sync/push", token, content=b"x" * 1_001)
        other = d.post("/auth/login", None, content=b"x" * 1_001)
    assert pushed.status_code == other.status_code == 413
    assert pushed.json() == other.json() == {"code": "too_large",
                                             "message": "请求体超过 1000 字节。"}


def test_an_unexpected_error_is_a_500_that_logs_no_personal_data(
        api: District, id_factory: IdFactory, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    token = api.station_token()
    id_no = id_factory(2)

    async def broken(self: PushQueue, token: str, raw: bytes) -> Any:
        raise RuntimeError(id_no)  # as if a payload's value surfaced in an error

    monkeypatch.setattr(PushQueue, "submit", broken)
    with caplog.at_level(logging.ERROR, logger="district"):
        r = api.post("/sync/push", token, json={"events": []})
    assert r.status_code == 500 and r.json()["code"] == "internal"
    assert "RuntimeError" in caplog.text and id_no not in caplog.text
