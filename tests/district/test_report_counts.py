"""The district's period report counts cases, each once per column, and agrees with the
district's case list (and the cases' own events) on generated data; ratings keep their
channel from the station's workstation to the district's 好差评 page and report."""

from __future__ import annotations

import random
import uuid
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from clerk.cases.events import Event
from clerk.cases.ledger import append_event, load_by_case_no
from clerk.cases.states import EventType, Side
from clerk.ratings import SCORED_CHANNELS, RatingChannel, channel_of
from clerk.timeutil import local_date
from clerk.workspace import Workspace
from tests.clerk.factories import STATION
from tests.conftest import STATION_CODE, FakeClock
from tests.districtkit import District, accepted_case, escalated_case, make_app, push

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

IdFactory = Callable[..., str]
DAYS = tuple(date(2026, 3, 2) + timedelta(days=i) for i in range(5))  # Monday to Friday


@pytest.fixture
def api(district_url: str, clock: FakeClock) -> Iterator[District]:
    app = make_app(district_url, clock=clock, staff_token_hours=24 * 365)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield District(url=district_url, base="", app=app, http=client, clock=clock)


class Station:
    """The station's side: cases made through the real services, pushed as they change."""

    def __init__(self, api: District, ws: Workspace, ids: IdFactory) -> None:
        self.api, self.ws, self.ids = api, ws, ids
        self.token = api.station_token()
        self.pushed: dict[str, int] = {}
        self.n = 0

    def sync(self, case_no: str) -> str:
        events = [e.to_wire() for e in self.ws.cases.timeline(case_no)]
        new = events[self.pushed.get(case_no, 0):]
        if new:
            push(self.api, self.token, new)
        self.pushed[case_no] = len(events)
        return str(events[0]["case_id"])

    def next_id(self) -> str:
        self.n += 1
        return self.ids(self.n)


def _decide(api: District, who: str, case_id: str, approve: bool) -> None:
    version = api.get(f"/cases/{case_id}", who).json()["version"]
    taken = api.post(f"/cases/{case_id}/take", who, json={"expected_version": version})
    assert taken.status_code == 200, taken.text
    version = taken.json()["version"]
    if approve:
        r = api.post(f"/cases/{case_id}/approve", who,
                     json={"expected_version": version, "text": "准予"})
    else:
        r = api.post(f"/cases/{case_id}/deny", who,
                     json={"expected_version": version, "reason": "收入高于标准"})
    assert r.status_code == 200, r.text


def generate(api: District, st: Station, clock: FakeClock, reviewer: str) -> None:
    """Five days: district matters accepted and escalated, decided on later days; station
    matters accepted and completed (rated at once, later, by phone or by the clerk)."""
    rng = random.Random(5)
    waiting: list[str] = []  # escalated case ids awaiting a decision
    unrated: list[str] = []  # station case numbers completed without a rating
    ws = st.ws
    for day in DAYS:
        clock.set_local(day, 9)
        for case_id in waiting[:3]:
            clock.advance(minutes=5)
            _decide(api, reviewer, case_id, rng.random() < 0.7)
        waiting = waiting[3:]
        for case_no in unrated[:2]:
            clock.advance(minutes=5)
            channel = rng.choice((RatingChannel.PHONE, RatingChannel.CLERK_ON_BEHALF))
            ws.cases.rate(case_no, rng.randint(1, 5), channel=channel)
            st.sync(case_no)
        unrated = unrated[2:]
        for _ in range(7):
            clock.advance(minutes=11)
            kind = rng.choice(("escalated", "escalated", "station_done", "station_done",
                               "station_open"))
            if kind == "escalated":
                rec = escalated_case(ws, st.next_id())
                waiting.append(st.sync(rec.case_no))
                continue
            rec = accepted_case(ws, st.next_id(), matter=STATION)
            if kind == "station_done":
                rating = rng.choice((5, 4, 3, 2, 1, None))
                ws.cases.complete(rec.case_no, rating=rating,
                                  rating_channel=rng.choice(list(SCORED_CHANNELS)))
                if rating is None:
                    unrated.append(rec.case_no)
            st.sync(rec.case_no)


def _all_cases(api: District, who: str, **filters: str) -> list[dict[str, Any]]:
    """The district's case list, every page."""
    query = "&".join(f"{k}={v}" for k, v in filters.items())
    out: list[dict[str, Any]] = []
    while True:
        page = api.get(f"/cases?limit=500&offset={len(out)}&{query}", who).json()
        out += page["cases"]
        if len(out) >= page["total"]:
            return out


def _listed(api: District, who: str, **filters: str) -> int:
    query = "&".join(f"{k}={v}" for k, v in filters.items())
    return int(api.get(f"/cases?limit=1&{query}", who).json()["total"])


def _days(api: District, who: str, case_id: str) -> tuple[date | None, date | None]:
    """A case's finish day (first decision, else first hand-over) and the day its rating
    was recorded, read from its own events."""
    events = api.get(f"/cases/{case_id}/events", who).json()["events"]

    def day(e: dict[str, Any]) -> date:
        return local_date(datetime.fromisoformat(e["occurred_at"].replace("Z", "+00:00")))

    decided = [day(e) for e in events if e["type"] in ("approved", "denied")]
    handed = [day(e) for e in events if e["type"] == "completed"]
    rated = [day(e) for e in events if e["type"] in ("completed", "rated")
             and (e["payload"] or {}).get("rating")]
    finish = min(decided) if decided else (min(handed) if handed else None)
    return finish, (max(rated) if rated else None)


PERIODS = ((DAYS[0], DAYS[0]), (DAYS[2], DAYS[2]), (DAYS[1], DAYS[3]), (DAYS[0], DAYS[4]),
           (DAYS[4] + timedelta(days=1), DAYS[4] + timedelta(days=7)))


def test_period_report_agrees_with_the_case_list(api: District, sws: Workspace,
                                                 clock: FakeClock,
                                                 id_factory: IdFactory) -> None:
    reviewer = api.user("li.shen")
    generate(api, Station(api, sws, id_factory), clock, reviewer)
    cases = _all_cases(api, reviewer)
    assert len(cases) == 35
    days = {c["case_id"]: _days(api, reviewer, c["case_id"]) for c in cases}
    details = {c["case_id"]: api.get(f"/cases/{c['case_id']}", reviewer).json()
               for c in cases if c["rating"] is not None}
    matters = sorted({c["matter_code"] for c in cases})
    for a, b in PERIODS:
        report = api.get(f"/oversight/report?from={a}&to={b}", reviewer).json()
        span = {"accepted_from": a.isoformat(), "accepted_to": b.isoformat()}
        # 受理: cases whose acceptance falls in the period, each once — the case list's
        # accepted-date filter, per station, per matter and in total
        assert report["total"]["accepted"] == _listed(api, reviewer, **span)
        lines = {x["code"]: x for x in report["by_matter"]}
        for m in matters:
            expected = _listed(api, reviewer, matter_code=m, **span)
            assert (lines[m]["accepted"] if m in lines else 0) == expected, (a, b, m)
        stations = {x["code"]: x for x in report["by_station"]}
        assert (stations[STATION_CODE]["accepted"] if stations else 0) == _listed(
            api, reviewer, station_code=STATION_CODE, **span)
        # 办结: cases whose first finish falls in the period, each once
        finished = Counter(c["matter_code"] for c in cases
                           if c["accepted_at"] and days[c["case_id"]][0] is not None
                           and a <= days[c["case_id"]][0] <= b)  # type: ignore[operator]
        assert report["total"]["completed"] == sum(finished.values()), (a, b)
        for m in matters:
            assert (lines[m]["completed"] if m in lines else 0) == finished[m]
        total = report["total"]
        assert total["on_time"] + total["overdue"] == total["completed"]
        for column in ("accepted", "completed", "on_time", "overdue"):
            assert sum(x[column] for x in report["by_matter"]) == total[column]
            assert sum(x[column] for x in report["by_station"]) == total[column]
        # ratings recorded in the period, by channel, in the report and on the 好差评 page
        channels = Counter(channel_of(d["record"]["rating"]).value
                           for cid, d in details.items()
                           if a <= days[cid][1] <= b)  # type: ignore[operator]
        expected_channels = {c.value: channels.get(c.value, 0) for c in RatingChannel}
        assert report["rating_channels"] == expected_channels, (a, b)
        ratings = api.get(f"/oversight/ratings?from={a}&to={b}", reviewer).json()
        assert ratings["overall"]["channels"] == expected_channels
        scored = {k: n for k, n in ratings["overall"]["channels"].items() if k != "declined"}
        assert sum(scored.values()) == ratings["overall"]["total"]
    week = api.get(f"/oversight/report?from={DAYS[0]}&to={DAYS[4]}", reviewer).json()
    assert week["total"]["accepted"] == 35 and week["total"]["completed"] > 10
    assert all(n > 0 for k, n in week["rating_channels"].items() if k != "declined")


def test_the_channel_travels_to_the_district(api: District, sws: Workspace,
                                             clock: FakeClock, id_factory: IdFactory) -> None:
    st = Station(api, sws, id_factory)
    reviewer = api.user("li.shen")
    keyed = accepted_case(sws, st.next_id(), matter=STATION)
    sws.cases.complete(keyed.case_no, rating=2, rating_comment="等候太久",
                       rating_channel=RatingChannel.CLERK_ON_BEHALF)
    keyed_id = st.sync(keyed.case_no)
    phone = accepted_case(sws, st.next_id(), matter=STATION)
    sws.cases.complete(phone.case_no)
    sws.cases.rate(phone.case_no, 5, channel="phone")
    phone_id = st.sync(phone.case_no)
    old = accepted_case(sws, st.next_id(), matter=STATION)
    sws.cases.complete(old.case_no)
    _old_rating(sws, old.case_no)  # as an older workstation wrote it
    st.sync(old.case_no)
    declined = accepted_case(sws, st.next_id(), matter=STATION)
    sws.cases.complete(declined.case_no)
    sws.cases.decline_rating(declined.case_no)  # counted apart, never as a score
    declined_id = st.sync(declined.case_no)

    record = api.get(f"/cases/{keyed_id}", reviewer).json()["record"]
    assert record["rating"]["channel"] == "clerk_on_behalf"
    assert record["rating"]["entered_by"] == "admin"
    assert record["rating"]["entered_by_name"] == "王窗口"
    assert api.get(f"/cases/{phone_id}", reviewer).json()["record"]["rating"]["channel"] \
        == "phone"
    declined_record = api.get(f"/cases/{declined_id}", reviewer).json()["record"]
    assert declined_record["rating"]["channel"] == "declined"
    ratings = api.get("/oversight/ratings", reviewer).json()
    assert ratings["overall"]["channels"] == {"device": 1, "phone": 1, "clerk_on_behalf": 1,
                                              "declined": 1}
    assert ratings["overall"]["total"] == 3 and ratings["overall"]["average"] == round(11 / 3, 2)
    assert ratings["by_station"][0]["channels"]["clerk_on_behalf"] == 1
    items = api.get("/oversight/followups", reviewer).json()["items"]
    assert [(i["case_id"], i["channel"], i["entered_by"]) for i in items] == [
        (keyed_id, "clerk_on_behalf", "王窗口")]
    today = local_date(clock())
    report = api.get(f"/oversight/report?from={today}&to={today}", reviewer).json()
    assert report["rating_channels"] == {"device": 1, "phone": 1, "clerk_on_behalf": 1,
                                         "declined": 1}


def _old_rating(ws: Workspace, case_no: str) -> None:
    with ws.store.write() as s:
        rec = load_by_case_no(s, case_no)
        append_event(s, rec, Event(
            event_id=str(uuid.uuid4()), case_id=rec.id, seq=rec.version + 1,
            type=EventType.RATED, actor="admin", origin=Side.STATION, occurred_at=ws.now(),
            payload={"rating": {"score": 4, "label": "满意", "comment": "",
                                "channel": "窗口评价器", "bad": False}}))
