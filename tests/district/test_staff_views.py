"""The staff views behind the district window (review queue, supervision board, ratings
and follow-ups, period report), on SQLite and PostgreSQL, through the HTTP API."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import pytest

from clerk.workspace import Workspace
from district.db import Database
from district.demo import populate
from tests.clerk.factories import STATION
from tests.conftest import FakeClock
from tests.districtkit import (
    District,
    accepted_case,
    escalated_case,
    make_app,
    push,
    wire_events,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def api(district_url: str, clock: FakeClock) -> Iterator[District]:
    """The app in process on the station's clock (levels depend on the day)."""
    app = make_app(district_url, clock=clock, staff_token_hours=24 * 365)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield District(url=district_url, base="", app=app, http=client, clock=clock)

IdFactory = Callable[..., str]


def _fill(api: District, sws: Workspace, ids: IdFactory) -> dict[str, str]:
    token = api.station_token()
    made = {}
    for n in range(3):
        rec = escalated_case(sws, ids(n + 1))
        push(api, token, wire_events(sws, rec.case_no))
        made[f"escalated{n}"] = rec.id
    rec = accepted_case(sws, ids(9), matter=STATION)
    sws.cases.complete(rec.case_no, rating=1, rating_comment="态度差")
    push(api, token, wire_events(sws, rec.case_no))
    made["bad"] = rec.id
    return made


def test_queue_pages_filters_and_levels(api: District, sws: Workspace,
                                        id_factory: IdFactory) -> None:
    made = _fill(api, sws, id_factory)
    reviewer = api.user("li.shen")
    first = api.get("/review/queue?limit=2", reviewer).json()
    assert first["total"] == 3 and len(first["rows"]) == 2 and first["next_cursor"]
    rest = api.get(f"/review/queue?limit=2&cursor={first['next_cursor']}", reviewer).json()
    ids = [r["case_id"] for r in first["rows"] + rest["rows"]]
    assert sorted(ids) == sorted(made[k] for k in ("escalated0", "escalated1", "escalated2"))
    assert rest["next_cursor"] is None
    row = first["rows"][0]
    assert row["applicant"] == "张*" and row["station_name"] == "海淀区测试社区便民服务站"
    assert row["level"] == "normal" and row["days_left"] == 5
    by_updated = api.get("/review/queue?sort=updated&limit=1", reviewer).json()
    again = api.get(f"/review/queue?sort=updated&limit=5&cursor={by_updated['next_cursor']}",
                    reviewer).json()
    assert len(again["rows"]) == 2
    assert api.get("/review/queue?scope=all", reviewer).json()["total"] == 4
    assert api.get("/review/queue?level=attention", reviewer).json()["total"] == 0
    assert api.get("/review/queue?level=normal", reviewer).json()["total"] == 3
    assert api.get("/review/queue?station_code=110108009999", reviewer).json()["total"] == 0
    assert api.get("/review/queue?cursor=nonsense", reviewer).status_code == 422
    facets = api.get("/review/facets", reviewer).json()
    assert [s["code"] for s in facets["stations"]] == ["110108001001"]
    assert facets["me"]["username"] == "li.shen" and facets["role"] == "reviewer"


def test_board_ratings_followups_and_report(api: District, sws: Workspace,
                                            id_factory: IdFactory) -> None:
    made = _fill(api, sws, id_factory)
    reviewer = api.user("li.shen")
    board = api.get("/oversight/board", reviewer).json()
    assert board["counts"]["normal"] == 3 and board["bad_ratings_open"] == 1
    assert [s["stale"] for s in board["stations"]] == [False]
    ratings = api.get("/oversight/ratings", reviewer).json()
    assert ratings["overall"]["counts"]["1"] == 1 and ratings["overall"]["bad"] == 1
    items = api.get("/oversight/followups", reviewer).json()["items"]
    assert [(i["case_id"], i["status"], i["comment"]) for i in items] == [
        (made["bad"], "open", "态度差")]
    assert items[0]["deadline"] == "2026-03-23"
    saved = api.post(f"/oversight/followups/{made['bad']}", reviewer, json={
        "owner": "李审", "rectification": "培训", "call_record": "已回访", "done": True})
    assert saved.status_code == 200 and saved.json()["status"] == "done"
    assert api.get("/oversight/board", reviewer).json()["bad_ratings_open"] == 0
    not_bad = api.post(f"/oversight/followups/{made['escalated0']}", reviewer,
                       json={"owner": "x"})
    assert not_bad.status_code == 409
    proxy = api.user("wang.dai", "proxy")
    assert api.post(f"/oversight/followups/{made['bad']}", proxy,
                    json={"owner": "x"}).status_code == 403
    report = api.get("/oversight/report?from=2026-03-01&to=2026-03-31", reviewer).json()
    assert report["total"]["accepted"] == 4 and report["total"]["completed"] == 1
    assert report["by_station"][0]["on_time"] == 1
    assert api.get("/oversight/report?from=2026-04-01&to=2026-03-01",
                   reviewer).status_code == 422


def test_demo_data_fill_a_district(district_url: str) -> None:
    db = Database(district_url)
    try:
        summary = populate(db, stations=3, cases=60, now=datetime(2026, 11, 20, 8, tzinfo=UTC))
    finally:
        db.close()
    assert summary.stations == 3 and summary.cases == 60
    assert summary.by_state.get("completed", 0) > 0
    assert sum(summary.by_state.values()) == 60
    assert date(2026, 11, 20)  # the demo's "today"


def test_station_contacts_flag_silent_stations(api: District, clock: FakeClock) -> None:
    from district import contacts

    api.station_token()
    reviewer = api.user("li.shen")
    never = api.get("/oversight/board", reviewer).json()["stations"][0]
    assert never["last_contact_at"] is None and never["stale"]
    db = Database(api.url)
    try:
        contacts.touch(db, "110108001001", "pull", clock())
        contacts.touch(db, "110108001001", "pull", clock())  # throttled: one write a minute
    finally:
        db.close()
    seen = api.get("/oversight/board", reviewer).json()["stations"][0]
    assert seen["last_pull_at"] is not None and not seen["stale"]
    clock.advance(hours=30)
    assert api.get("/oversight/board?stale_hours=24", reviewer).json()["stations"][0]["stale"]
    assert not api.get("/oversight/board?stale_hours=48",
                       reviewer).json()["stations"][0]["stale"]


def test_a_pull_counts_as_contact(api: District) -> None:
    """A station that only pulls is not silent: the sync endpoints record the contact."""
    token = api.station_token()
    reviewer = api.user("li.shen")
    assert api.get("/sync/pull", token).status_code == 200
    seen = api.get("/oversight/board", reviewer).json()["stations"][0]
    assert seen["last_pull_at"] is not None and not seen["stale"]
