"""Several counters of one station (issue 13), on SQLite: 5 devices × 2,000 cases pushed
to one district (a uvicorn subprocess) against one station alone pushing the same 10,000
cases, per event (budget: no slower per event); then one device pulls the other four's
steps (their cases built at this counter, people merged by identity), per event.

The pushes are timed alone (who-am-I and push, as a round starts), so the comparison
with the lone station is like for like: a round that also pulls the earlier devices'
steps would add the pull's cost to the pushes'. The pull is timed on its own.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.sync_bench import district_server, fresh_database
from clerk import numbering
from clerk.generate.bulk_cases import populate
from clerk.generate.stations import fresh_station
from clerk.workspace import Workspace

DEVICES = 5
PER_DEVICE = 2_000


def _device(folder: Path, number: int, cases: int) -> tuple[Workspace, int]:
    ws = fresh_station(folder)
    with ws.store.write() as s:
        numbering.set_device_no(s, number)
    return ws, populate(ws, cases, device=number)


def _enroll(ws: Workspace, base: str, db_url: str, first: bool) -> object:
    from district import admin
    from district.db import Database
    from sync import engine
    from sync.client import DistrictClient

    db = Database(db_url)
    try:
        station = ws.station()
        assert station is not None
        now = datetime.now(UTC)
        code = (admin.create_station(db, code=station.code, name=station.name, now=now).code
                if first else admin.issue_code(db, station_code=station.code, now=now).code)
    finally:
        db.close()
    _, token = engine.enroll(ws, base, code, store_token=False)
    return DistrictClient(base, token=token)


def run() -> list[tuple[str, float, str]]:
    from sync import engine, outbox

    work = Path(tempfile.mkdtemp(prefix="sd-devices-bench-"))
    rows: list[tuple[str, float, str]] = []
    try:
        with fresh_database("sqlite", work) as db_url, district_server(db_url) as base:
            alone, total = _device(work / "alone", 1, DEVICES * PER_DEVICE)
            client = _enroll(alone, base, db_url, True)
            started = time.perf_counter()
            report = engine.sync_round(alone, client)  # type: ignore[arg-type]
            alone_s = time.perf_counter() - started
            assert report.ok and report.push.accepted == total, report.lines()
            alone.close()
        with fresh_database("sqlite", work) as db_url, district_server(db_url) as base:
            pcs = [_device(work / f"pc{n}", n, PER_DEVICE) for n in range(1, DEVICES + 1)]
            clients = [_enroll(ws, base, db_url, n == 0) for n, (ws, _) in enumerate(pcs)]
            pushed = sum(events for _, events in pcs)
            started = time.perf_counter()
            for (ws, events), c in zip(pcs, clients, strict=True):
                engine.check_identity(ws, c)  # type: ignore[arg-type]
                accepted = outbox.push_events(ws, c).accepted  # type: ignore[arg-type]
                assert accepted == events, (accepted, events)
            push_s = time.perf_counter() - started
            (last, _), client = pcs[-1], clients[-1]
            started = time.perf_counter()
            r = engine.sync_round(last, client)  # type: ignore[arg-type]
            pull_s = time.perf_counter() - started
            assert r.ok and r.outcome == engine.DONE, r.lines()
            pulled = r.pull.events
            assert pulled == pushed - pcs[-1][1], (pulled, pushed)
            for ws, _ in pcs:
                ws.close()
        rows.append((f"devices: one station alone, {total:,} events pushed, ms/event",
                     alone_s * 1000 / total, "reference"))
        rows.append((f"devices: {DEVICES} devices × {PER_DEVICE:,} cases pushed to one district "
                     f"({pushed:,} events), ms/event",
                     push_s * 1000 / pushed,
                     f"≤ {alone_s * 1000 / total:.3f} (no slower per event than one alone)"))
        rows.append((f"devices: one device pulls the other {DEVICES - 1}'s "
                     f"{pulled:,} events, ms/event", pull_s * 1000 / max(pulled, 1), "-"))
        return rows
    finally:
        shutil.rmtree(work, ignore_errors=True)
