"""Concurrent writers: identical pushes racing, two reviewers deciding at once, and pulls
that never step over an event committed late (several workers on PostgreSQL)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests

from clerk.generate.bulk_cases import populate
from clerk.workspace import Workspace
from tests.districtkit import District, ServerProcess, escalated_case, wire_events

IdFactory = Callable[..., str]


def _post(base: str, path: str, token: str, body: Any) -> requests.Response:
    return requests.post(f"{base}/api/v1{path}", json=body,
                         headers={"Authorization": f"Bearer {token}"}, timeout=60)


def test_identical_pushes_racing_store_each_event_once(live: District, sws: Workspace,
                                                       id_factory: IdFactory) -> None:
    token = live.station_token()
    events = [e for n in range(1, 6)
              for e in wire_events(sws, escalated_case(sws, id_factory(n)).case_no)]
    barrier = threading.Barrier(4)

    def push() -> list[str]:
        barrier.wait()
        r = _post(live.base, "/sync/push", token, {"events": events})
        assert r.status_code == 200, r.text
        return [x["status"] for x in r.json()["results"]]

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: push(), range(4)))
    per_event = [Counter(a[i] for a in answers) for i in range(len(events))]
    assert all(c == Counter({"accepted": 1, "duplicate": 3}) for c in per_event), per_event
    ledger = live.get("/sync/ledger", token).json()["days"]
    assert sum(d["station"]["count"] for d in ledger) == len(events)


def test_two_reviewers_one_decision(live: District, sws: Workspace,
                                    id_factory: IdFactory) -> None:
    token = live.station_token()
    rec = escalated_case(sws, id_factory(1))
    _post(live.base, "/sync/push", token, {"events": wire_events(sws, rec.case_no)})
    reviewers = [live.user("li.shen"), live.user("zhou.shen")]
    barrier = threading.Barrier(2)

    def take(who: str) -> int:
        barrier.wait()
        return _post(live.base, f"/cases/{rec.id}/take", who,
                     {"expected_version": 3}).status_code

    with ThreadPoolExecutor(2) as pool:
        codes = sorted(pool.map(take, reviewers))
    assert codes == [200, 409]


def pull_everything_while_writing(base: str, station: str, reviewer: str,
                                  case_ids: list[str]) -> None:
    """Reviewers act on many cases in parallel while the station keeps pulling; the
    station must end up with every district event, none skipped and none twice."""
    seen: list[str] = []
    stop = threading.Event()

    def puller() -> None:
        cursor = 0
        while True:
            last_round = stop.is_set()
            r = requests.get(f"{base}/api/v1/sync/pull", params={"cursor": cursor, "limit": 7},
                             headers={"Authorization": f"Bearer {station}"}, timeout=60)
            page = r.json()
            seen.extend(e["event_id"] for e in page["events"])
            cursor = page["next_cursor"]
            if last_round and not page["more"]:
                return

    def act(case_id: str) -> None:
        for v, path in ((3, "take"), (4, "proxy-step"), (5, "proxy-step")):
            body: dict[str, Any] = {"expected_version": v}
            if path == "proxy-step":
                body["step"] = f"第 {v} 步"
            assert _post(base, f"/cases/{case_id}/{path}", reviewer, body).status_code == 200

    thread = threading.Thread(target=puller)
    thread.start()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(act, case_ids))
    stop.set()
    thread.join(120)
    assert len(seen) == len(set(seen)) == 3 * len(case_ids)


def test_pull_never_skips_a_late_commit(live: District, sws: Workspace) -> None:
    from sync.engine import enroll

    populate(sws, 40)
    enroll(sws, live.base, live.station())
    from sync import engine

    assert engine.sync_round(sws).ok
    token = engine.stored_token(sws)
    assert token is not None
    reviewer = live.user("li.shen")
    with sws.store.read() as s:
        from sqlalchemy import select

        from clerk.store.models import Case

        ids = list(s.execute(select(Case.id)).scalars())
    pull_everything_while_writing(live.base, token, reviewer, ids)


@pytest.mark.slow
def test_several_workers(district_url: str, sws: Workspace, tmp_path: Path) -> None:
    """`serve --workers 3`: nothing in process memory makes the workers disagree (SQLite's
    writers take turns through a file lock, PostgreSQL's through row locks)."""
    from sync import engine

    populate(sws, 60)
    with ServerProcess(district_url, workers=3, log=tmp_path / "server.log") as proc, \
            requests.Session() as http:
        d = District(url=district_url, base=proc.base, http=http)
        engine.enroll(sws, d.base, d.station())
        assert engine.sync_round(sws).ok
        token = engine.stored_token(sws)
        assert token is not None
        reviewer = d.user("li.shen")
        # Sessions and tokens are in the database: any worker accepts them.
        assert all(d.get("/auth/me", reviewer).status_code == 200 for _ in range(20))
        with sws.store.read() as s:
            from sqlalchemy import select

            from clerk.store.models import Case

            ids = list(s.execute(select(Case.id)).scalars())
        pull_everything_while_writing(d.base, token, reviewer, ids)
        # Pushes on fresh connections reach every worker and fill their token caches;
        # revoking the token in the database must still turn every push away.
        def empty_push() -> int:
            return requests.post(f"{d.base}/api/v1/sync/push", json={"events": [], "notes": []},
                                 headers={"Authorization": f"Bearer {token}",
                                          "Connection": "close"}, timeout=30).status_code
        assert {empty_push() for _ in range(24)} == {200}
        d.revoke()
        assert {empty_push() for _ in range(24)} == {401}


def test_a_push_waits_for_the_feed_like_the_districts_own_writers(
        live: District, sws: Workspace, id_factory: IdFactory) -> None:
    """Pushed entries are pulled by the station's other devices: on PostgreSQL their
    positions are taken under the feed lock, so they commit in order with every other
    writer of the feed (a pull never steps over one committed later)."""
    if live.url.startswith("sqlite"):
        pytest.skip("SQLite serialises every writer anyway")
    token = live.station_token()
    rec = escalated_case(sws, id_factory(1))
    db = live.db()
    try:
        with db.write() as s:
            db.lock_feed(s)  # a district action between its position and its commit
            with ThreadPoolExecutor(1) as pool:
                pushed = pool.submit(_post, live.base, "/sync/push", token,
                                     {"events": wire_events(sws, rec.case_no)})
                with pytest.raises(TimeoutError):
                    pushed.result(timeout=1.0)  # waiting for the feed
                s.commit()
                reply = pushed.result(timeout=60)
    finally:
        db.close()
    assert reply.status_code == 200, reply.text
    assert [r["status"] for r in reply.json()["results"]] == ["accepted"] * 3
