"""Reference data with ETags, supervision, progress lookup, staff login, the schema."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from clerk.catalog import dump_catalog
from clerk.workspace import Workspace
from tests.clerk.factories import matter
from tests.conftest import FakeClock
from tests.districtkit import (
    PASSWORD,
    District,
    TestClient,
    accepted_case,
    escalated_case,
    make_app,
    push,
    wire_events,
)

IdFactory = Callable[..., str]


def test_catalog_and_calendar_etags(api: District, tmp_path: Path) -> None:
    from district import admin

    token = api.station_token()
    empty = api.get("/catalog", token)
    assert empty.status_code == 200 and empty.json()["matters"] == []
    etag = empty.headers["etag"]
    assert api.get("/catalog", token, headers={"If-None-Match": etag}).status_code == 304
    path = tmp_path / "c.json"
    path.write_text(dump_catalog([matter("D-1"), matter("D-2")]), encoding="utf-8")
    db = api.db()
    try:
        assert admin.publish_catalog_file(db, path, datetime.now(UTC)) == {"added": 2,
                                                                             "unchanged": 0}
        assert admin.publish_catalog_file(db, path, datetime.now(UTC))["unchanged"] == 2
        changed = tmp_path / "c2.json"
        changed.write_text(dump_catalog([matter("D-1", name="改了名字")]), encoding="utf-8")
        from clerk.errors import ValidationError

        with pytest.raises(ValidationError, match="提高版本号"):
            admin.publish_catalog_file(db, changed, datetime.now(UTC))
    finally:
        db.close()
    r = api.get("/catalog", token, headers={"If-None-Match": etag})
    assert r.status_code == 200 and [m["code"] for m in r.json()["matters"]] == ["D-1", "D-2"]
    assert r.headers["etag"] != etag and r.json()["etag"] == r.headers["etag"].strip('"')
    cal = api.get("/calendar", token)
    assert cal.status_code == 200 and cal.json()["years"] == []
    assert api.get("/calendar", token,
                   headers={"If-None-Match": cal.headers["etag"]}).status_code == 304


def test_publishing_an_official_year_recomputes_due_dates(api: District, sws: Workspace,
                                                          id_factory: IdFactory,
                                                          clock: FakeClock,
                                                          tmp_path: Path, qapp: object) -> None:
    from district import admin
    from ui.district.render import DistrictCase, DistrictRenderer
    from wire.protocol import CaseDetail, PulledEvent

    token = api.station_token()
    reviewer = api.user("li.shen")
    clock.set_local(date(2026, 12, 28))
    rec = escalated_case(sws, id_factory(1))
    push(api, token, wire_events(sws, rec.case_no))
    before = api.get(f"/cases/{rec.id}", reviewer).json()
    # 12-29, 12-30, 12-31, (元旦 off by statute), 01-04, 01-05.
    assert (before["due_date"], before["due_provisional"]) == ("2027-01-05", True)
    year = tmp_path / "2027.json"
    year.write_text(json.dumps({
        "format": "stationdesk-calendar", "version": 1, "year": 2027, "official": True,
        "source": "测试", "days": [{"date": f"2027-01-0{d}", "kind": "holiday", "name": "元旦"}
                                 for d in (1, 2, 3, 4)]},
        ensure_ascii=False), encoding="utf-8")
    db = api.db()
    try:
        assert admin.publish_calendar_file(db, year, datetime.now(UTC)) == (2027, True, 1)
    finally:
        db.close()
    after = api.get(f"/cases/{rec.id}", reviewer).json()
    assert (after["due_date"], after["due_provisional"]) == ("2027-01-06", False)
    # The events keep what was computed (and printed) at the time…
    assert after["record"]["due_date"] == "2027-01-05"
    # …and the reviewer's history shows the date in force, like the summary.
    events = api.get(f"/cases/{rec.id}/events", reviewer).json()["events"]
    case = DistrictCase(CaseDetail.model_validate(after),
                        [PulledEvent.model_validate(e) for e in events])
    history = DistrictRenderer().timeline(case, {})
    assert "2027-01-06" in history and "2027-01-05" not in history


def test_due_dates_stored_under_the_old_rule_are_recomputed_on_upgrade(
        api: District, sws: Workspace, id_factory: IdFactory, clock: FakeClock) -> None:
    """A district upgraded from the plain Monday-Friday rule recomputes its stored
    provisional due dates when the upgrading process opens the database, once."""
    from sqlalchemy import delete, update

    from district.calendar import settle_provisional_rule
    from district.models import CaseRow, Publication

    token = api.station_token()
    reviewer = api.user("li.shen")
    clock.set_local(date(2026, 12, 28))
    rec = escalated_case(sws, id_factory(1))
    push(api, token, wire_events(sws, rec.case_no))
    db = api.db()
    try:
        with db.write() as s:  # as the old version left it: New Year's Day counted
            s.execute(update(CaseRow).where(CaseRow.id == rec.id)
                      .values(due_date=date(2027, 1, 4)))
            s.execute(delete(Publication).where(Publication.kind == "provisional"))
    finally:
        db.close()
    api.db().close()  # opening with migrate (as `serve` does before its workers) settles
    after = api.get(f"/cases/{rec.id}", reviewer).json()
    assert (after["due_date"], after["due_provisional"]) == ("2027-01-05", True)
    db = api.db()
    try:
        with db.write() as s:
            assert settle_provisional_rule(s, datetime.now(UTC)) is None  # remembered
    finally:
        db.close()


def test_supervision_board(district_url: str, sws: Workspace, id_factory: IdFactory,
                           clock: FakeClock) -> None:
    app = make_app(district_url, clock=clock)
    with TestClient(app) as client:
        d = District(url=district_url, base="", app=app, http=client, clock=clock)
        token = d.station_token()
        clock.set_local(date(2026, 3, 2))
        late = escalated_case(sws, id_factory(1))  # 5 working days: due 2026-03-09
        clock.set_local(date(2026, 3, 6))
        soon = escalated_case(sws, id_factory(2))  # due 2026-03-13
        clock.set_local(date(2026, 3, 12), hour=9)
        fresh = escalated_case(sws, id_factory(3))  # due 2026-03-19
        for rec in (late, soon, fresh):
            push(d, token, wire_events(sws, rec.case_no))
        reviewer = d.user("li.shen")  # logged in today (sessions last hours, not days)
        board = d.get("/supervision", reviewer).json()
        assert board["counts"] == {"normal": 1, "yellow": 1, "red": 1}
        assert [(i["case_no"], i["level"]) for i in board["items"]] == [
            (late.case_no, "red"), (soon.case_no, "yellow")]
        only_red = d.get("/supervision", reviewer, params={"level": "red"}).json()
        assert [i["case_no"] for i in only_red["items"]] == [late.case_no]
        # The station sees its own board.
        own = d.get("/station/supervision", token).json()
        assert own["counts"] == board["counts"]
        detail = d.get(f"/cases/{late.id}", reviewer).json()
        assert detail["level"] == "red"


def test_progress_lookup_and_its_rate_limit(district_url: str, sws: Workspace,
                                            id_factory: IdFactory, clock: FakeClock) -> None:
    app = make_app(district_url, progress_per_minute=5, free_failures=3, clock=clock)
    with TestClient(app) as client:
        d = District(url=district_url, base="", app=app, http=client)
        token = d.station_token()
        id_no = id_factory(7)
        rec = accepted_case(sws, id_no)
        push(d, token, wire_events(sws, rec.case_no))
        r = d.post("/progress", json={"case_no": rec.case_no, "last4": id_no[-4:]})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["state"] == "accepted" and body["due_date"] == "2026-03-09"
        text = r.text
        assert id_no not in text and "张三" not in text and id_no[-4:] not in text
        wrong = "0000" if id_no[-4:] != "0000" else "1111"
        statuses = [d.post("/progress", json={"case_no": rec.case_no, "last4": wrong}
                           ).status_code for _ in range(4)]
        assert statuses == [404, 404, 404, 429]
        # Guessing from here waits (growing delays), even with the right digits.
        r = d.post("/progress", json={"case_no": rec.case_no, "last4": id_no[-4:]})
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
        # Per-address limit: 5 a minute in all.
        r = d.post("/progress", json={"case_no": "110108001001-20260302-9999", "last4": "1234"})
        assert r.status_code == 429


def test_staff_login(api: District) -> None:
    from district import admin

    db = api.db()
    try:
        admin.create_user(db, username="zhao.admin", password=PASSWORD, role="admin",
                          now=datetime.now(UTC))
    finally:
        db.close()
    bad = api.post("/auth/login", json={"username": "zhao.admin", "password": "wrong-one"})
    assert bad.status_code == 401
    nobody = api.post("/auth/login", json={"username": "nobody", "password": "wrong-one"})
    assert nobody.status_code == 401 and nobody.json()["message"] == bad.json()["message"]
    ok = api.post("/auth/login", json={"username": "zhao.admin", "password": PASSWORD})
    assert ok.status_code == 200 and ok.json()["role"] == "admin"
    token = ok.json()["token"]
    assert api.get("/auth/me", token).json()["username"] == "zhao.admin"
    # An admin can register stations and staff through the API as well.
    r = api.post("/admin/stations", token, json={"code": "110105001001", "name": "朝阳测试站"})
    assert r.status_code == 200 and len(r.json()["enrollment_code"]) == 23
    r = api.post("/admin/users", token, json={"username": "qian.proxy", "password": PASSWORD,
                                              "role": "proxy"})
    assert r.status_code == 200
    assert {u["username"] for u in api.get("/admin/users", token).json()} == {
        "zhao.admin", "qian.proxy"}
    r = api.post("/admin/users", token, json={"username": "qian.proxy", "password": PASSWORD,
                                              "role": "proxy"})
    assert r.status_code == 422


def test_staff_tokens_expire(district_url: str, clock: FakeClock) -> None:
    app = make_app(district_url, clock=clock, staff_token_hours=1)
    with TestClient(app) as client:
        d = District(url=district_url, base="", app=app, http=client, clock=clock)
        token = d.user("li.shen")
        assert d.get("/cases", token).status_code == 200
        clock.advance(hours=2)
        assert d.get("/cases", token).status_code == 401


def test_no_personal_data_in_logs(api: District, sws: Workspace, id_factory: IdFactory,
                                  caplog: pytest.LogCaptureFixture) -> None:
    token = api.station_token()
    id_no = id_factory(3)
    rec = escalated_case(sws, id_no)
    with caplog.at_level("DEBUG"):
        push(api, token, wire_events(sws, rec.case_no))
        push(api, token, wire_events(sws, rec.case_no))
        api.post("/progress", json={"case_no": rec.case_no, "last4": "0000"})
    assert id_no not in caplog.text and id_no[-4:] + '"' not in caplog.text


def test_report_summary(api: District, sws: Workspace, id_factory: IdFactory) -> None:
    token = api.station_token()
    for n in (1, 2):
        push(api, token, wire_events(sws, escalated_case(sws, id_factory(n)).case_no))
    push(api, token, wire_events(sws, accepted_case(sws, id_factory(3)).case_no))
    reviewer = api.user("li.shen")
    r = api.get("/reports/summary", reviewer).json()
    assert r["total"] == 3 and r["by_state"] == {"escalated": 2, "accepted": 1}
    assert r["by_station"] == {"110108001001": 3} and r["bad_ratings"] == 0
    empty = api.get("/reports/summary", reviewer, params={"from": "2030-01-01"}).json()
    assert empty["total"] == 0
    bad = api.get("/reports/summary", reviewer, params={"from": "2026-03-05", "to": "2026-03-01"})
    assert bad.status_code == 422
    assert api.get("/reports/summary", token).status_code == 403
