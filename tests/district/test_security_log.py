"""The security event log: what is written, what is not (personal data), who reads it."""

from __future__ import annotations

import warnings
from datetime import UTC, datetime
from typing import Any

from tests.conftest import FakeClock
from tests.districtkit import PASSWORD, District, make_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def events(d: District, token: str, **params: Any) -> list[dict[str, Any]]:
    r = d.get("/admin/security-events", token, params=params)
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


def test_logins_tokens_and_admin_actions_are_logged(sqlite_url: str) -> None:
    clock = FakeClock(datetime(2026, 3, 2, 2, tzinfo=UTC))
    app = make_app(sqlite_url, clock=clock)
    with TestClient(app, client=("10.1.2.3", 5000)) as http:
        d = District(url=sqlite_url, base="", app=app, http=http, clock=clock)
        admin = d.user("zhao.admin", "admin")
        reviewer = d.user("li.shen")
        for _ in range(4):  # three failures, then a throttled attempt
            d.post("/auth/login", json={"username": "li.shen", "password": "wrong-pass"})
        d.post("/auth/login", json={"username": "S3cret-typed-here", "password": "x" * 8})
        d.post("/auth/logout", reviewer)
        d.post("/admin/stations", admin, json={"code": "110105001001", "name": "朝阳测试站"})
        d.post("/admin/stations/110105001001/revoke", admin)
        log = events(d, admin)
        kinds = [e["kind"] for e in reversed(log)]
        assert kinds == ["user.created", "login.ok", "user.created", "login.ok",
                         "login.failed", "login.failed", "login.failed", "login.throttled",
                         "login.failed", "logout",
                         "enrollment.code", "token.revoked"]
        assert all(e["address"] == "10.1.2.3" for e in log if e["kind"].startswith("log"))
        failed = [e for e in log if e["kind"] == "login.failed"]
        # A name that is no user is not kept: it may be a password typed in the wrong field.
        assert [e["username"] for e in failed] == [None, "li.shen", "li.shen", "li.shen"]
        assert "S3cret" not in str(log)
        revoked = log[0]
        assert revoked["username"] == "zhao.admin" and revoked["station_code"] == "110105001001"
        # Filters and pages.
        only = events(d, admin, kind=["login.failed", "logout"])
        assert [e["kind"] for e in only] == ["logout"] + ["login.failed"] * 4
        first = d.get("/admin/security-events", admin, params={"limit": 4}).json()
        assert len(first["items"]) == 4 and first["next_before"] == first["items"][-1]["id"]
        rest = events(d, admin, before=first["next_before"], limit=100)
        assert [e["id"] for e in first["items"] + rest] == [e["id"] for e in log]
        clock.advance(hours=1)
        d.post("/auth/login", json={"username": "li.shen", "password": PASSWORD})
        recent = events(d, admin, since="2026-03-02T02:30:00Z")
        assert [e["kind"] for e in recent] == ["login.ok"]
        assert events(d, admin, until="2026-03-02T02:30:00Z") == log
        assert d.get("/admin/security-events", admin,
                     params={"kind": "nonsense"}).status_code == 422
        # Only admins read it.
        other = d.post("/auth/login", json={"username": "li.shen", "password": PASSWORD})
        assert d.get("/admin/security-events", other.json()["token"]).status_code == 403


def test_enrollment_is_logged(sqlite_url: str) -> None:
    clock = FakeClock(datetime(2026, 3, 2, 2, tzinfo=UTC))
    app = make_app(sqlite_url, clock=clock)
    with TestClient(app) as http:
        d = District(url=sqlite_url, base="", app=app, http=http, clock=clock)
        d.station_token()
        d.post("/enroll", json={"station_code": "110108001001",
                                "enrollment_code": "AAAAA-BBBBB-CCCCC-DDDDD"})
        admin = d.user("zhao.admin", "admin")
        kinds = [(e["kind"], e["station_code"]) for e in events(d, admin)
                 if e["kind"].startswith("enrollment")]
        assert kinds == [("enrollment.failed", None), ("enrollment.ok", "110108001001"),
                         ("enrollment.code", "110108001001")]
