"""Soak: a 20,000-case station through 300 rounds of a misbehaving network and a district
that is killed now and then, with scans damaged and restored in between.

Every round ends in one of the three outcomes and says so truthfully (a damaged scan is
"done with problems", never "done"); at the end station and district agree event for
event and the station's doctor is clean. Bounded in time: the network faults are the
quick kinds (no long delays), retries are short, and most rounds only pull.
"""

from __future__ import annotations

import hashlib
import io
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
import requests

from apiclient.retry import RetryPolicy
from bench.sync_bench import populate
from clerk.applicants import PersonInput
from clerk.cli import main
from clerk.workspace import Workspace
from sync import engine
from sync.client import DistrictClient
from tests.districtkit import District, ServerProcess, enroll_station
from tests.sync.faultproxy import FaultProxy
from tests.sync.test_faults import agree, until_converged

IdFactory = Callable[..., str]
CASES = 20_000
ROUNDS = 300
QUICK_FAULTS = ("drop", "lost", "truncate", "cut_headers", "500", "503", "duplicate")
PNG = b"\x89PNG\r\n\x1a\n" + b"soak scan " * 40


def scanned_draft(ws: Workspace, id_no: str, n: int) -> tuple[str, Path, bytes]:
    """A draft case citing a scan of its own (its bytes differ per case)."""
    case = ws.cases.new_case(matter_code="T-DISTRICT-001",
                             applicant=PersonInput(name="测试", id_no=id_no))
    data = PNG + str(n).encode()
    key = ws.cases.get(case.case_no).checklist[1]["key"]
    ws.cases.attach_scan(case.case_no, key, data)
    return case.case_no, ws.blobs.path(hashlib.sha256(data).hexdigest()), data


def _round_into(box: list[engine.SyncReport], ws: Workspace, client: DistrictClient) -> None:
    box.append(engine.sync_round(ws, client, batch_size=100))


@pytest.mark.slow
@pytest.mark.timeout(600)  # its own bound (480 s, below) is the one that counts
def test_soak(district_url: str, sws: Workspace, id_factory: IdFactory, tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    proc = ServerProcess(district_url, log=tmp_path / "server.log").start()
    outcomes: Counter[str] = Counter()
    try:
        with requests.Session() as http:
            d = District(url=district_url, base=proc.base, http=http)
            enroll_station(sws, d)
            token = engine.stored_token(sws)
            assert token is not None
            populate(sws, CASES)
            with FaultProxy(proc.port, faults=QUICK_FAULTS, seed=15, probability=0.15,
                            max_faults=400) as proxy:
                client = DistrictClient(proxy.base, token=token, timeout=(1.0, 30.0),
                                        retry=RetryPolicy(attempts=30, base=0.02, cap=0.2))
                damaged: tuple[Path, bytes] | None = None
                for n in range(ROUNDS):
                    if n % 25 == 5:  # new work: cases, one of them citing a scan
                        populate(sws, 20)
                        _, path, data = scanned_draft(sws, id_factory(n + 1), n)
                        if damaged is None:  # damage it before the district has it
                            path.write_bytes(data[:-4] + b"XXXX")
                            damaged = (path, data)
                    elif n % 25 == 15 and damaged is not None:
                        damaged[0].write_bytes(damaged[1])  # restored from the original
                        damaged = None
                    if n % 100 == 50:  # the district killed in the middle of a round
                        populate(sws, 500)
                        box: list[engine.SyncReport] = []
                        worker = threading.Thread(target=_round_into, args=(box, sws, client))
                        worker.start()
                        time.sleep(0.3)
                        proc.kill()
                        proc.start()
                        worker.join(120)
                        assert not worker.is_alive() and box
                        report = box[0]
                    else:
                        report = engine.sync_round(sws, client)
                    outcomes[report.outcome] += 1
                    held = any(p.kind == "held_back" for p in report.problems)
                    if report.ok and damaged is not None and report.push.held_cases:
                        assert held and report.outcome == "problems"  # never a silent "done"
                    if report.outcome == "problems":
                        assert {p.kind for p in report.problems} <= {"held_back"}, \
                            [p.text for p in report.problems]
                assert damaged is None
                client.close()
                assert sum(proxy.dealt.values()) >= 100, proxy.dealt
            with DistrictClient(d.base, token=token) as direct:
                until_converged(sws, direct)
            assert outcomes["done"] and outcomes["problems"], outcomes
            agree(d, sws, token, sample=300)
            data_dir = str(sws.store.path.parent) if sws.store.path else ""
            sws.close()
            monkeypatch.setattr(sys, "stdin", io.StringIO(""))
            assert main(["doctor", "--data-dir", data_dir]) == 0, capsys.readouterr().out
    finally:
        proc.stop()
    elapsed = time.monotonic() - started
    print(f"soak: {ROUNDS} rounds, {CASES} cases, outcomes {dict(outcomes)}, "
          f"{elapsed:.0f} s")
    assert elapsed < 480, f"soak took {elapsed:.0f} s"
