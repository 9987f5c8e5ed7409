"""Login and progress lookup throttling: growing delays per (subject, address), never a
lockout of the real user; a storm of failed logins does not stall pushes."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from bench.district_bench import push_latency_under_storm
from clerk.workspace import Workspace
from tests.conftest import FakeClock
from tests.districtkit import (
    PASSWORD,
    District,
    ServerProcess,
    accepted_case,
    make_app,
    wire_events,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

IdFactory = Callable[..., str]
ATTACKER, REAL = ("10.0.0.66", 40000), ("10.0.0.7", 40000)


@pytest.fixture
def fclock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 2, tzinfo=UTC))


@pytest.fixture
def two(sqlite_url: str, fclock: FakeClock) -> Iterator[tuple[TestClient, TestClient]]:
    """The same app seen from an attacker's address and from the real user's."""
    from district import admin

    app = make_app(sqlite_url, clock=fclock)
    db = District(url=sqlite_url, base="").db()
    try:
        admin.create_user(db, username="li.shen", password=PASSWORD, role="reviewer",
                          now=fclock())
    finally:
        db.close()
    with TestClient(app, client=ATTACKER) as bad, TestClient(app, client=REAL) as good:
        yield bad, good


def login(c: TestClient, password: str, user: str = "li.shen") -> Any:
    return c.post("/api/v1/auth/login", json={"username": user, "password": password})


def test_growing_delays_never_lock_out_the_real_user(two: tuple[TestClient, TestClient],
                                                     fclock: FakeClock) -> None:
    bad, good = two
    assert [login(bad, "wrong-pass").status_code for _ in range(3)] == [401] * 3
    r = login(bad, "wrong-pass")
    assert r.status_code == 429 and r.headers["retry-after"] == "1"
    # Throttled attempts are not even checked: the right password waits too, from there.
    assert login(bad, PASSWORD).status_code == 429
    waits = []
    for _ in range(7):
        wait = int(login(bad, "wrong-pass").headers["retry-after"])
        fclock.advance(seconds=wait)
        waits.append(wait)
        assert login(bad, "wrong-pass").status_code == 401
    assert waits == [1, 2, 4, 8, 16, 30, 30]  # 2^(n-3) seconds, at most 30
    # Meanwhile the real user, from an address that has not been failing, signs in at once.
    assert login(good, PASSWORD).status_code == 200
    # A wrong password of the real user costs them only their own first free failures.
    assert login(good, "typo-pass").status_code == 401
    assert login(good, PASSWORD).status_code == 200
    # The attacker's delay is forgotten an hour after its last failure.
    fclock.advance(hours=1, seconds=1)
    assert login(bad, PASSWORD).status_code == 200


def test_an_address_spraying_many_names_is_slowed(two: tuple[TestClient, TestClient]) -> None:
    bad, good = two
    codes = [login(bad, "wrong-pass", user=f"user.{n}").status_code for n in range(11)]
    assert codes == [401] * 10 + [429]
    assert login(good, PASSWORD).status_code == 200


def test_progress_lookup_slows_guessing_without_locking_out(
        sqlite_url: str, fclock: FakeClock, sws: Workspace, id_factory: IdFactory) -> None:
    app = make_app(sqlite_url, clock=fclock)
    with TestClient(app, client=ATTACKER) as bad, TestClient(app, client=REAL) as good:
        d = District(url=sqlite_url, base="", app=app, http=bad)
        token = d.station_token()
        id_no = id_factory(7)
        rec = accepted_case(sws, id_no)
        assert d.post("/sync/push", token, json={
            "events": wire_events(sws, rec.case_no), "notes": []}).status_code == 200
        wrong = "0000" if id_no[-4:] != "0000" else "1111"

        def ask(c: TestClient, last4: str) -> Any:
            return c.post("/api/v1/progress", json={"case_no": rec.case_no, "last4": last4})

        assert [ask(bad, wrong).status_code for _ in range(4)] == [404, 404, 404, 429]
        r = ask(bad, id_no[-4:])
        assert r.status_code == 429 and r.headers["retry-after"] == "1"
        # The applicant, from elsewhere, is answered.
        assert ask(good, id_no[-4:]).status_code == 200
        fclock.advance(seconds=1)
        assert ask(bad, id_no[-4:]).status_code == 200


# --------------------------------------------------------------------------- the storm


def test_forty_failed_logins_do_not_stall_pushes(sqlite_url: str, tmp_path: Path,
                                                 sws: Workspace,
                                                 id_factory: IdFactory) -> None:
    from district import admin
    from district.db import Database

    db = Database(sqlite_url)
    try:
        admin.create_user(db, username="li.shen", password=PASSWORD, role="reviewer",
                          now=datetime.now(UTC))
    finally:
        db.close()
    with ServerProcess(sqlite_url, log=tmp_path / "server.log") as proc, \
            requests.Session() as http_session:
        d = District(url=sqlite_url, base=proc.base, http=http_session)
        token = d.station_token()
        events = wire_events(sws, accepted_case(sws, id_factory(1)).case_no)
        idle, during, codes = push_latency_under_storm(proc.base, proc.port, token, events)
        assert sorted(set(codes)) == [401]  # every one a real (failed) password check
        # Pushes stay within 2× of idle (and a few ms of scheduling noise).
        assert during <= 2 * idle + 10, (idle, during)
        # The real user signs in with the right password, at once.
        r = d.post("/auth/login", json={"username": "li.shen", "password": PASSWORD})
        assert r.status_code == 200, r.text
