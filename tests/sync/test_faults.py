"""Convergence under faults: a misbehaving network, and the server killed mid-push.

Afterwards station and district agree event for event: every station event is on the
district exactly once (same id, same hash, same sequence), every district event is on
the station, nothing was rejected, and the ledgers reconcile.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from apiclient.retry import RetryPolicy
from clerk.generate.bulk_cases import populate
from clerk.store.models import Case
from clerk.workspace import Workspace
from sync import engine
from sync.client import DistrictClient
from tests.districtkit import District, ServerProcess, enroll_station
from tests.sync.faultproxy import FaultProxy

IdFactory = Callable[..., str]


def agree(district: District, ws: Workspace, token: str, sample: int | None = None) -> None:
    """Event for event, for every case (or a sample), by id, sequence and hash."""
    with ws.store.read() as s:
        cases = list(s.execute(select(Case.id, Case.case_no).order_by(Case.case_no)).all())
    if sample is not None:
        cases = cases[:: max(1, len(cases) // sample)]
    for case_id, case_no in cases:
        theirs = [(e["event_id"], e["seq"], e["hash"]) for e in district.get(
            f"/station/cases/{case_id}/events", token).json()["events"]]
        mine = [(e.event_id, e.seq, e.hash) for e in ws.cases.timeline(case_no)]
        assert theirs == mine, case_no
    with DistrictClient(district.base, token=token) as client:
        result = engine.reconcile(ws, client)
    assert result.reconciled, result.differences
    st = engine.status(ws)
    assert (st.pending, st.rejected, st.quarantined) == (0, [], [])


def until_converged(ws: Workspace, client: DistrictClient, rounds: int = 60,
                    batch_size: int = 500) -> int:
    for n in range(1, rounds + 1):
        report = engine.sync_round(ws, client, batch_size=batch_size)
        if report.ok and engine.status(ws).pending == 0:
            return n
    raise AssertionError("did not converge")


@pytest.mark.slow
def test_convergence_through_a_faulty_network(live: District, sws: Workspace) -> None:
    enroll_station(sws, live)
    token = engine.stored_token(sws)
    assert token is not None
    populate(sws, 40)
    reviewer = live.user("li.shen")
    port = int(live.base.rsplit(":", 1)[1])
    with FaultProxy(port, seed=7, probability=0.6, max_faults=40, delay=1.2) as proxy:
        client = DistrictClient(proxy.base, token=token, timeout=(1.0, 0.8),
                                retry=RetryPolicy(attempts=4, base=0.01, cap=0.05))
        until_converged(sws, client, batch_size=7)
        # The district works some of the cases; the station pulls through the same mess.
        with sws.store.read() as s:
            ids = list(s.execute(select(Case.id).order_by(Case.case_no).limit(10)).scalars())
        for case_id in ids:
            assert live.post(f"/cases/{case_id}/take", reviewer,
                             json={"expected_version": 3}).status_code == 200
            assert live.post(f"/cases/{case_id}/return", reviewer, json={
                "expected_version": 4, "items": [{"key": "id_card", "name": "身份证"}]}
                ).status_code == 200
        for _ in range(30):
            report = engine.sync_round(sws, client)
            with sws.store.read() as s:
                returned = s.execute(select(Case.id).where(Case.state == "returned")).all()
            if report.ok and len(returned) == 10:
                break
        else:
            raise AssertionError("pull did not converge")
    assert len(proxy.dealt) >= 5, proxy.dealt  # most kinds of fault actually happened
    assert sum(proxy.dealt.values()) >= 20
    agree(live, sws, token)


@pytest.mark.slow
def test_server_killed_mid_push_then_restarted(district_url: str, sws: Workspace,
                                               tmp_path: Path) -> None:
    proc = ServerProcess(district_url, log=tmp_path / "server.log").start()
    try:
        with requests.Session() as http:
            d = District(url=district_url, base=proc.base, http=http)
            enroll_station(sws, d)
            token = engine.stored_token(sws)
            assert token is not None
            total = populate(sws, 3000)
            # Patient enough to ride out the restart (about a second or two).
            client = DistrictClient(d.base, token=token, timeout=(1.0, 30.0),
                                    retry=RetryPolicy(attempts=80, base=0.05, cap=0.25))
            reports: list[engine.SyncReport] = []
            worker = threading.Thread(target=lambda: reports.append(
                engine.sync_round(sws, client, batch_size=250)))
            worker.start()
            deadline = time.monotonic() + 60
            while engine.status(sws).acked < 1000:
                assert time.monotonic() < deadline and worker.is_alive(), "push too fast"
                time.sleep(0.005)
            proc.kill()  # SIGKILL in the middle of the push
            killed_at = engine.status(sws).acked
            assert 0 < killed_at < total
            proc.start()
            worker.join(120)
            assert not worker.is_alive()
            until_converged(sws, client)
            ledger = d.get("/sync/ledger", token).json()["days"]
            assert sum(day["station"]["count"] for day in ledger) == total  # none doubled
            agree(d, sws, token, sample=100)
    finally:
        proc.stop()


@pytest.mark.parametrize("seed", range(6))
def test_an_answer_cut_inside_its_headers_is_retried(live: District, sws: Workspace,
                                                     seed: int) -> None:
    """A 200 whose headers end early (and so has no body) used to end the round with
    "区中心的回答无法识别"; it is now retried like a dropped connection."""
    enroll_station(sws, live)
    token = engine.stored_token(sws)
    assert token is not None
    populate(sws, 3)
    port = int(live.base.rsplit(":", 1)[1])
    with FaultProxy(port, faults=("cut_headers",), seed=seed, probability=1.0,
                    max_faults=2) as proxy:
        client = DistrictClient(proxy.base, token=token,
                                retry=RetryPolicy(attempts=4, base=0.01, cap=0.05))
        assert client.station().code == sws.station().code  # type: ignore[union-attr]
        report = engine.sync_round(sws, client)
        assert report.outcome == "done", report.error
        assert proxy.dealt["cut_headers"] == 2
        client.close()
