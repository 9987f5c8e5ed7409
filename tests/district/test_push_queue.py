"""Group commit of pushes (district/api/push_queue.py): requests that wait together share
one transaction, yet each is answered as if it had been alone."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from clerk.workspace import Workspace
from district import push as push_module
from district.api.push_queue import PushQueue
from district.errors import ApiError
from district.models import LedgerEntry
from tests.districtkit import District, escalated_case, statuses, wire_events

IdFactory = Callable[..., str]


def body(events: list[dict[str, Any]]) -> bytes:
    return json.dumps({"events": events, "notes": []}).encode()


def submit_together(queue: PushQueue, token: str, bodies: list[bytes]) -> list[Any]:
    """Submit every body before the queue gets to run: they form one group."""
    async def run() -> list[Any]:
        return await asyncio.gather(*(queue.submit(token, b) for b in bodies),
                                    return_exceptions=True)
    return asyncio.run(run())


def results(outcome: Any) -> list[str]:
    assert not isinstance(outcome, BaseException), outcome
    return statuses(json.loads(outcome.body)["results"])


def stored_events(api: District) -> int:
    db = api.db()
    try:
        with db.read() as s:
            return int(s.execute(select(func.count()).select_from(LedgerEntry)).scalar_one())
    finally:
        db.close()


@pytest.fixture
def groups(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every group that reached the database."""
    sizes: list[int] = []
    real = push_module.push_group

    def counting(db: Any, jobs: list[Any], now: Any) -> Any:
        sizes.append(len(jobs))
        return real(db, jobs, now)

    monkeypatch.setattr("district.api.push_queue.push_group", counting)
    return sizes


def test_waiting_requests_share_one_transaction(api: District, sws: Workspace,
                                                id_factory: IdFactory,
                                                groups: list[int]) -> None:
    token = api.station_token()
    one = wire_events(sws, escalated_case(sws, id_factory(1)).case_no)
    two = wire_events(sws, escalated_case(sws, id_factory(2)).case_no)
    queue: PushQueue = api.app.state.pushes
    # The second request repeats the first (a retry racing the original).
    out = submit_together(queue, token, [body(one), body(one), body(two)])
    assert groups == [3]
    assert [results(o) for o in out] == [["accepted"] * 3, ["duplicate"] * 3,
                                         ["accepted"] * 3]
    assert stored_events(api) == 6


def test_requests_judged_in_two_lanes_at_once_answer_as_if_alone(
        api: District, sws: Workspace, id_factory: IdFactory, groups: list[int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """On PostgreSQL two groups are judged at once (in two threads and transactions): a
    retry racing its original in the other lane still ends as accepted once and
    duplicate once, nothing stored twice. (SQLite keeps one lane: the same answers.)"""
    import threading

    from district.api import push_queue

    monkeypatch.setattr(push_queue, "MAX_GROUP", 1)
    monkeypatch.setattr(push_queue, "LANE_BYTES", 0)
    busy, most, calls, lock = [0], [0], [0], threading.Lock()
    counted = push_queue.push_group
    # Two lanes are two threads: the first group waits at the door for the second, or a
    # group quicker than the second lane's start would pass as one lane (flaky). A lane
    # that never comes breaks the barrier, and that request fails the test.
    two_lanes = not api.url.startswith("sqlite")
    door = threading.Barrier(2, timeout=10)

    def watched(db: Any, jobs: list[Any], now: Any) -> Any:
        with lock:
            busy[0] += 1
            calls[0] += 1
            first_two = calls[0] <= 2
        if two_lanes and first_two:
            door.wait()
        with lock:
            most[0] = max(most[0], busy[0])
        try:
            return counted(db, jobs, now)
        finally:
            with lock:
                busy[0] -= 1

    monkeypatch.setattr(push_queue, "push_group", watched)
    token = api.station_token()
    one = wire_events(sws, escalated_case(sws, id_factory(1)).case_no)
    two = wire_events(sws, escalated_case(sws, id_factory(2)).case_no)
    queue: PushQueue = api.app.state.pushes
    out = submit_together(queue, token, [body(one), body(one), body(two)])
    assert groups == [1, 1, 1]
    assert sorted(tuple(results(o)) for o in out[:2]) == [("accepted",) * 3,
                                                          ("duplicate",) * 3]
    assert results(out[2]) == ["accepted"] * 3
    assert stored_events(api) == 6
    assert most[0] == (1 if api.url.startswith("sqlite") else 2)


def test_a_case_refused_in_one_request_is_judged_afresh_in_the_next(
        api: District, sws: Workspace, id_factory: IdFactory, groups: list[int]) -> None:
    token = api.station_token()
    events = wire_events(sws, escalated_case(sws, id_factory(1)).case_no)
    queue: PushQueue = api.app.state.pushes
    # The first request lacks the case's first event: its later events are refused and
    # the case is blocked for the rest of that request only.
    out = submit_together(queue, token, [body(events[1:]), body(events)])
    assert groups == [2]
    assert results(out[0]) == ["rejected:out_of_order"] * 2
    assert results(out[1]) == ["accepted"] * 3


def test_a_bad_request_fails_alone(api: District, sws: Workspace, id_factory: IdFactory,
                                   groups: list[int]) -> None:
    token = api.station_token()
    events = wire_events(sws, escalated_case(sws, id_factory(1)).case_no)
    queue: PushQueue = api.app.state.pushes
    too_many = json.dumps({"events": [events[0]] * 501}).encode()
    out = submit_together(queue, token, [b"{not json", body(events), too_many])
    assert isinstance(out[0], ApiError) and out[0].status == 400
    assert results(out[1]) == ["accepted"] * 3
    assert isinstance(out[2], ApiError) and out[2].status == 413
    assert groups == [1]  # only the valid request reached the database


def test_an_unexpected_failure_stays_with_its_request(
        api: District, sws: Workspace, id_factory: IdFactory,
        monkeypatch: pytest.MonkeyPatch, groups: list[int]) -> None:
    token = api.station_token()
    bad = wire_events(sws, escalated_case(sws, id_factory(1)).case_no)
    good = wire_events(sws, escalated_case(sws, id_factory(2)).case_no)
    real = push_module._Batch.judge_request

    def judge(self: Any, job: Any) -> Any:
        if job.req.events and job.req.events[0].event_id == bad[0]["event_id"]:
            raise RuntimeError("a bug in judging this request")
        return real(self, job)

    monkeypatch.setattr(push_module._Batch, "judge_request", judge)
    out = submit_together(api.app.state.pushes, token, [body(bad), body(good)])
    assert isinstance(out[0], RuntimeError)
    assert results(out[1]) == ["accepted"] * 3
    assert groups == [2, 1, 1]  # the group failed as a whole, then each went alone
    assert stored_events(api) == 3


def test_a_token_revoked_while_cached_stores_nothing(api: District, sws: Workspace,
                                                     id_factory: IdFactory) -> None:
    token = api.station_token()
    first = wire_events(sws, escalated_case(sws, id_factory(1)).case_no)
    later = wire_events(sws, escalated_case(sws, id_factory(2)).case_no)
    queue: PushQueue = api.app.state.pushes
    assert results(submit_together(queue, token, [body(first)])[0]) == ["accepted"] * 3
    api.revoke()  # the queue still trusts the token it resolved a moment ago
    out = submit_together(queue, token, [body(later)])[0]
    assert isinstance(out, ApiError) and out.status == 401
    assert stored_events(api) == 3
    # and over HTTP, with a body that is not even valid: 401, not 422
    r = api.post("/sync/push", token, content=b'{"events": [{"seq": "x"}]}',
                 headers={"Content-Type": "application/json"})
    assert r.status_code == 401


def test_a_push_records_the_contact_in_its_own_transaction(
        api: District, sws: Workspace, id_factory: IdFactory) -> None:
    token = api.station_token()
    reviewer = api.user("li.shen")
    assert api.get("/oversight/board", reviewer).json()["stations"][0]["last_push_at"] is None
    events = wire_events(sws, escalated_case(sws, id_factory(1)).case_no)
    assert results(submit_together(api.app.state.pushes, token, [body(events)])[0]) == \
        ["accepted"] * 3
    seen = api.get("/oversight/board", reviewer).json()["stations"][0]
    assert seen["last_push_at"] is not None and not seen["stale"]
    db = api.db()
    try:
        from district.models import StationContact

        with db.read() as s:
            row = s.get(StationContact, "110108001001")
        assert row is not None and row.last_push_at is not None  # the row, not the log
    finally:
        db.close()


def test_groups_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from district.api import push_queue

    monkeypatch.setattr(push_queue, "MAX_GROUP_BYTES", 100)
    queue = push_queue._LoopQueue(pending=[
        push_queue._Waiting("t", b"x" * 150, None),  # type: ignore[arg-type]
        push_queue._Waiting("t", b"x" * 10, None),  # type: ignore[arg-type]
        *[push_queue._Waiting("t", b"", None) for _ in range(40)]])  # type: ignore[arg-type]
    assert [len(w.raw) for w in push_queue._take(queue)] == [150]  # alone, but it goes
    assert len(push_queue._take(queue)) == push_queue.MAX_GROUP
    assert len(push_queue._take(queue)) == 41 - push_queue.MAX_GROUP


def test_a_failure_while_reading_one_request_fails_that_request_only(
        api: District, sws: Workspace, id_factory: IdFactory,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from district.api import push_queue

    token = api.station_token()
    good = wire_events(sws, escalated_case(sws, id_factory(1)).case_no)
    real = push_queue.parse_push

    def parse(raw: bytes) -> Any:
        if b"boom" in raw:
            raise RuntimeError("the database went away while reading this one")
        return real(raw)

    monkeypatch.setattr(push_queue, "parse_push", parse)
    out = submit_together(api.app.state.pushes, token,
                          [b'{"events": [], "notes": [], "boom": 1}', body(good)])
    assert isinstance(out[0], RuntimeError)
    assert results(out[1]) == ["accepted"] * 3
