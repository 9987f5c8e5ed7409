"""The admin endpoints behind the district window's administration pages: stations with
devices and last contact, accounts (disable, re-enable, one-time passwords that must be
changed), everyone's own password, publishing with a preview — on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from typing import Any

from clerk.calendar import dump_year_file, seed_years
from clerk.catalog import dump_catalog
from clerk.catalog.model import Necessity
from tests.clerk.factories import DISTRICT, STATION, matter, sample_matters
from tests.conftest import STATION_CODE
from tests.districtkit import PASSWORD, District


def ok(r: Any, status: int = 200) -> Any:
    assert r.status_code == status, r.text
    return r.json() if status != 204 else None


def kinds(api: District, admin: str) -> list[str]:
    log = ok(api.get("/admin/security-events", admin))["items"]
    return [e["kind"] for e in log]


def login(api: District, username: str, password: str = PASSWORD) -> Any:
    return api.post("/auth/login", json={"username": username, "password": password})


def test_stations_list_devices_and_last_contact(api: District) -> None:
    admin = api.user("zhao.admin", "admin")
    created = ok(api.post("/admin/stations", admin,
                          json={"code": STATION_CODE, "name": "海淀测试站"}))
    assert len(created["enrollment_code"]) == 23
    r = api.post("/enroll", json={"station_code": STATION_CODE,
                                  "enrollment_code": created["enrollment_code"],
                                  "device_no": 1})
    token = ok(r)["token"]
    ok(api.get("/sync/pull", token))  # a contact
    [row] = ok(api.get("/admin/stations", admin))
    assert row["code"] == STATION_CODE and row["devices"] == 1
    assert row["last_contact_at"] is not None and row["revoked_at"] is None
    second = ok(api.post(f"/admin/stations/{STATION_CODE}/codes", admin))
    assert second["enrollment_code"] != created["enrollment_code"]
    ok(api.post(f"/admin/stations/{STATION_CODE}/devices/1号窗口/revoke", admin), 204)
    assert api.get("/sync/pull", token).status_code == 401
    assert ok(api.get("/admin/stations", admin))[0]["devices"] == 0
    ok(api.post(f"/admin/stations/{STATION_CODE}/revoke", admin), 204)
    assert ok(api.get("/admin/stations", admin))[0]["revoked_at"] is not None
    log = kinds(api, admin)
    assert log[:4] == ["token.revoked", "device.revoked", "enrollment.code", "enrollment.ok"]
    # A reviewer may not list stations; an unknown station is a worded 404.
    reviewer = api.user("li.shen")
    assert api.get("/admin/stations", reviewer).status_code == 403
    r = api.post("/admin/stations/110101999999/codes", admin)
    assert r.status_code == 404 and "110101999999" in r.json()["message"]


def test_disable_enable_and_reset_a_password(api: District) -> None:
    admin = api.user("zhao.admin", "admin")
    token = api.user("li.shen")
    user = ok(api.post("/admin/users/li.shen/disable", admin))
    assert user["active"] is False
    assert api.get("/auth/me", token).status_code == 401  # its session ended at once
    assert login(api, "li.shen").status_code == 401
    ok(api.post("/admin/users/li.shen/enable", admin))
    token = ok(login(api, "li.shen"))["token"]
    # The admin cannot lock the district out by disabling themselves.
    r = api.post("/admin/users/zhao.admin/disable", admin)
    assert r.status_code == 422 and r.json()["code"] == "account.self"
    assert api.post("/admin/users/nobody/disable", admin).status_code == 404
    # A reset: a one-time password, every session ends, the user must change it first.
    reset = ok(api.post("/admin/users/li.shen/reset-password", admin))
    one_time = reset["password"]
    assert len(one_time) == 12
    assert api.get("/auth/me", token).status_code == 401
    assert login(api, "li.shen").status_code == 401  # the old password is gone
    answer = ok(login(api, "li.shen", one_time))
    assert answer["must_change_password"] is True
    fresh = answer["token"]
    r = api.get("/review/facets", fresh)
    assert r.status_code == 403 and r.json()["code"] == "password.must_change"
    assert ok(api.get("/auth/me", fresh))["must_change_password"] is True
    r = api.post("/auth/password", fresh, json={"old_password": one_time,
                                                 "new_password": one_time})
    assert r.status_code == 422 and r.json()["code"] == "password.same"
    r = api.post("/auth/password", fresh, json={"old_password": "wrong-one",
                                                 "new_password": "new-pass-123"})
    assert r.status_code == 422 and r.json()["code"] == "password.wrong"
    r = api.post("/auth/password", fresh, json={"old_password": one_time, "new_password": "short"})
    assert r.status_code == 422 and r.json()["code"] == "account.password"
    ok(api.post("/auth/password", fresh, json={"old_password": one_time,
                                                "new_password": "new-pass-123"}), 204)
    assert api.get("/review/facets", fresh).status_code == 200  # the same session goes on
    assert ok(login(api, "li.shen", "new-pass-123"))["must_change_password"] is False
    log = kinds(api, admin)
    assert "password.changed" in log and "password.reset" in log
    assert "user.disabled" in log and "user.enabled" in log
    assert one_time not in str(ok(api.get("/admin/security-events", admin)))
    mine = ok(api.get("/admin/security-events", admin, params={"username": "li.shen"}))
    assert mine["items"] and {e["username"] for e in mine["items"]} == {"li.shen"}
    users = {u["username"]: u for u in ok(api.get("/admin/users", admin))}
    assert users["li.shen"]["must_change_password"] is False
    # Only admins administer accounts; a station token never.
    assert api.post("/admin/users/zhao.admin/reset-password", fresh).status_code == 403


def test_everyone_changes_their_own_password(api: District) -> None:
    proxy = api.user("wang.dai", "proxy")
    ok(api.post("/auth/password", proxy, json={"old_password": PASSWORD,
                                                "new_password": "another-pass-1"}), 204)
    assert login(api, "wang.dai").status_code == 401
    assert login(api, "wang.dai", "another-pass-1").status_code == 200
    station = api.station_token()
    assert api.post("/auth/password", station, json={"old_password": "x",
                                                      "new_password": "y" * 9}).status_code == 403


def _catalog_body(matters: Any, name: str = "test.json") -> dict[str, Any]:
    return {"kind": "catalog", "file_name": name, "content": dump_catalog(matters)}


def test_catalog_preview_shows_changes_and_publish_validates_again(api: District) -> None:
    admin = api.user("zhao.admin", "admin")
    body = _catalog_body(sample_matters())
    preview = ok(api.post("/admin/publish/preview", admin, json=body))
    assert preview["ok"] and {m["change"] for m in preview["matters"]} == {"added"}
    assert api.get("/catalog", admin).json()["matters"] == []  # a preview publishes nothing
    done = ok(api.post("/admin/publish", admin, json=body))
    assert "新增 3 个版本" in done["summary"]
    # Version 2 of one matter: a limit and a material changed; another matter left out.
    old = matter(DISTRICT)
    materials = tuple(dataclasses.replace(m, necessity=Necessity.OPTIONAL)
                      if m.key == "income_proof" else m for m in old.materials)
    changed = dataclasses.replace(old, version=2, committed_limit_days=10, materials=materials)
    preview = ok(api.post("/admin/publish/preview", admin,
                          json=_catalog_body([changed, matter(STATION, limit=3)])))
    by_code = {m["code"]: m for m in preview["matters"]}
    assert by_code[DISTRICT]["change"] == "new_version"
    details = " ".join(by_code[DISTRICT]["details"])
    assert "承诺时限：5个工作日 → 10个工作日" in details and "收入证明" in details
    assert by_code["T-INSTANT-001"]["change"] == "absent"
    # The same version with other content: a conflict the preview shows and publish refuses.
    conflict = dataclasses.replace(old, committed_limit_days=9)
    preview = ok(api.post("/admin/publish/preview", admin, json=_catalog_body([conflict])))
    assert not preview["ok"] and "版本" in preview["problems"][0]
    r = api.post("/admin/publish", admin, json=_catalog_body([conflict]))
    assert r.status_code == 422
    # A broken file: every problem in the preview, a worded 422 on publish, nothing stored.
    broken = {"kind": "catalog", "file_name": "bad.json", "content": '{"format": 1'}
    preview = ok(api.post("/admin/publish/preview", admin, json=broken))
    assert not preview["ok"] and "bad.json" in preview["problems"][0]
    r = api.post("/admin/publish", admin, json=broken)
    assert r.status_code == 422 and r.json()["code"] == "publish.invalid"
    assert len(api.get("/catalog", admin).json()["matters"]) == 3
    assert kinds(api, admin)[0] == "publication"
    reviewer = api.user("li.shen")
    assert api.post("/admin/publish/preview", reviewer, json=body).status_code == 403


def test_calendar_preview_and_publish(api: District) -> None:
    admin = api.user("zhao.admin", "admin")
    year = seed_years()[-1]
    body = {"kind": "calendar", "file_name": f"{year.year}.json",
            "content": dump_year_file(year)}
    [change] = ok(api.post("/admin/publish/preview", admin, json=body))["years"]
    assert change["change"] == "added" and change["days"] == len(year.days)
    assert "已发布" in ok(api.post("/admin/publish", admin, json=body))["summary"]
    [change] = ok(api.post("/admin/publish/preview", admin, json=body))["years"]
    assert change["change"] == "unchanged"
    bad = {"kind": "calendar", "file_name": "x.json", "content": '{"year": "soon"}'}
    preview = ok(api.post("/admin/publish/preview", admin, json=bad))
    assert not preview["ok"] and preview["problems"]
    assert api.post("/admin/publish", admin, json=bad).status_code == 422
