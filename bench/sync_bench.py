"""Sync benchmarks (DESIGN section 13), on SQLite and PostgreSQL:

* push 10,000 cases' events (created, accepted, escalated: 30,000 events) from a station
  to a local district service over real HTTP (a uvicorn subprocess), compared with
  PouchDB replicating 10,000 equivalent documents to pouchdb-server (express-pouchdb) on
  loopback;
* a sync round with nothing to do (≤ 50 ms);
* single-event pushes per second on one worker (≥ 500/s) and batched events per second
  (≥ 10,000/s from a server run with one worker per core, stations pushing at once),
  from one sender (one station) and from four at once, with large real events and with
  small ones, on one worker and on one per core;
* replay of everything: creates 0 duplicates.

`populate` builds the station data in bulk (valid events, projections and hash chain,
exactly what CaseService would write, without one transaction per event); the tests of
the sync protocol use it too.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from sqlalchemy import func, insert, select

from bench.data import applicant_ids, fresh_station
from clerk.cases.checklist import initial_checklist
from clerk.cases.events import Event, chain_hash
from clerk.cases.ledger import last_chain_hash
from clerk.cases.projection import apply_event
from clerk.cases.record import CaseRecord
from clerk.cases.service import MaterialChanges, apply_changes
from clerk.cases.states import EventType, Side
from clerk.catalog import matter_to_dict
from clerk.catalog_store import active_matters
from clerk.ids import new_id
from clerk.store.models import Applicant, Case, CaseEvent, Counter
from clerk.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
POUCH_DIR = Path(__file__).resolve().parent / "pouchdb"
CASES = 10_000
BENCH_WORKERS = max(2, os.cpu_count() or 2)  # one per core (2 on the machines of DESIGN 13)
PG_ENV = "STATIONDESK_PG_URL"


# --------------------------------------------------------------------------- station data


def _district_matter(ws: Workspace) -> dict[str, Any]:
    with ws.store.read() as s:
        for m in active_matters(s):
            if m.handling_level.value == "district" and m.case_kind.value == "committed":
                return matter_to_dict(m)
    raise RuntimeError("no district-level matter in the station's catalog")


def _naive(moment: datetime | None) -> datetime | None:
    return moment.astimezone(UTC).replace(tzinfo=None) if moment is not None else None


def populate(ws: Workspace, n: int, *, day: date = date(2026, 3, 2),
             escalate: bool = True) -> int:
    """Add `n` accepted (and escalated) district-level cases; returns the events written."""
    matter = _district_matter(ws)
    station = ws.station()
    assert station is not None
    from clerk.catalog import matter_from_dict

    checklist = initial_checklist(matter_from_dict(matter).materials)
    needed = [i.key for i in checklist.items if i.needed]
    full = apply_changes(checklist, MaterialChanges(received=needed)).to_list()
    stamp = day.strftime("%Y%m%d")
    base = datetime(day.year, day.month, day.day, 1, tzinfo=UTC)
    applicants: list[dict[str, Any]] = []
    cases: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    with ws.store.write() as s:
        # Continue the deterministic enumeration after the applicants already there.
        known = int(s.execute(select(func.count()).select_from(Applicant)).scalar_one())
        ids = applicant_ids(known + n + 64)[known:known + n]
        start = int(s.execute(select(Counter.value).where(Counter.scope == f"case:{stamp}")
                              ).scalar() or 0)
        prev = last_chain_hash(s)
        for k in range(n):
            at = base + timedelta(seconds=k)
            applicant = {"id": new_id(), "kind": "natural", "name": f"申请人{k}",
                         "id_type": "resident_id", "id_no": ids[k], "mobile": "",
                         "address": "", "legal_rep": ""}
            applicants.append({**{x: applicant[x] for x in ("id", "kind", "name", "id_type",
                                                            "id_no", "mobile", "address",
                                                            "legal_rep")},
                               "sex": None, "birth_date": None, "hukou_area": "",
                               "contact": "", "created_at": _naive(at),
                               "updated_at": _naive(at)})
            case_id = new_id()
            no = start + k + 1
            payloads: list[tuple[EventType, dict[str, Any]]] = [
                (EventType.CREATED, {
                    "case_no": f"{station.code}-{stamp}-{no:05d}", "station_code": station.code,
                    "matter": matter, "applicant": applicant, "agent": None, "form_data": {},
                    "checklist": full}),
                (EventType.ACCEPTED, {
                    "doc_no": f"SL{day.year}-{station.code}-{no:06d}", "checklist": full,
                    "limit_days": 20, "due_date": (day + timedelta(days=28)).isoformat(),
                    "due_provisional": False})]
            if escalate:
                payloads.append((EventType.ESCALATED, {}))
            rec: CaseRecord | None = None
            for seq, (etype, payload) in enumerate(payloads, 1):
                ev = Event(event_id=new_id(), case_id=case_id, seq=seq, type=etype,
                           payload=payload, actor="admin", origin=Side.STATION,
                           occurred_at=at + timedelta(milliseconds=seq)).sealed()
                rec = apply_event(rec, ev)
                link = chain_hash(prev, ev.hash)
                events.append({
                    "event_id": ev.event_id, "case_id": case_id, "seq": seq,
                    "type": etype.value, "payload": payload, "actor": ev.actor,
                    "origin": "station", "occurred_at": _naive(ev.occurred_at), "hash": ev.hash,
                    "chain_prev": prev, "chain_hash": link, "sync_state": "pending"})
                prev = link
            assert rec is not None
            cases.append(_case_row(rec))
        s.execute(insert(Applicant), applicants)
        s.execute(insert(Case), cases)
        for i in range(0, len(events), 5000):
            s.execute(insert(CaseEvent), events[i:i + 5000])
        counter = s.get(Counter, f"case:{stamp}")
        if counter is None:
            s.add(Counter(scope=f"case:{stamp}", value=start + n))
        else:
            counter.value = start + n
    return len(events)


def add_comments(ws: Workspace, per_case: int) -> int:
    """Small events: `per_case` clerk comments on every accepted (station-owned) case."""
    events: list[dict[str, Any]] = []
    with ws.store.write() as s:
        prev = last_chain_hash(s)
        rows = s.execute(select(Case).where(Case.state == "accepted")).scalars().all()
        for row in rows:
            rec = CaseRecord.from_dict(row.data)
            moment = (rec.updated_at or datetime.now(UTC)) + timedelta(minutes=1)
            for k in range(per_case):
                text = f"已电话告知申请人（{k + 1}）"
                ev = Event(event_id=new_id(), case_id=rec.id, seq=rec.version + 1,
                           type=EventType.COMMENTED, payload={"text": text},
                           actor="admin", origin=Side.STATION,
                           occurred_at=moment + timedelta(seconds=k)).sealed()
                rec = apply_event(rec, ev)
                link = chain_hash(prev, ev.hash)
                events.append({
                    "event_id": ev.event_id, "case_id": rec.id, "seq": ev.seq,
                    "type": ev.type.value, "payload": ev.payload, "actor": ev.actor,
                    "origin": "station", "occurred_at": _naive(ev.occurred_at),
                    "hash": ev.hash, "chain_prev": prev, "chain_hash": link,
                    "sync_state": "pending"})
                prev = link
            updated = _naive(rec.updated_at)
            assert updated is not None
            row.version, row.updated_at, row.data = rec.version, updated, rec.to_dict()
        for i in range(0, len(events), 5000):
            s.execute(insert(CaseEvent), events[i:i + 5000])
    return len(events)


def _case_row(rec: CaseRecord) -> dict[str, Any]:
    return {
        "id": rec.id, "case_no": rec.case_no, "station_code": rec.station_code,
        "matter_code": rec.matter_code, "matter_version": rec.matter_version,
        "matter_name": rec.matter_name, "applicant_id": rec.applicant["id"],
        "applicant_name": rec.applicant["name"], "applicant_id_no": rec.applicant["id_no"],
        "state": rec.state.value, "owner": rec.owner.value, "clerk": rec.clerk,
        "received_at": _naive(rec.received_at), "accepted_at": _naive(rec.accepted_at),
        "limit_days": rec.limit_days, "due_date": rec.due_date,
        "due_provisional": rec.due_provisional, "closed_at": _naive(rec.closed_at),
        "rating": None, "version": rec.version, "updated_at": _naive(rec.updated_at),
        "data": rec.to_dict()}


# --------------------------------------------------------------------------- servers


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def district_server(db_url: str, workers: int = 1) -> Iterator[str]:
    """`python -m district serve` on a free loopback port; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "district", "serve", "--port", str(port), "--db", db_url,
         "--workers", str(workers)], cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"district server exited ({proc.returncode})")
            try:
                if requests.get(f"{base}/api/v1/health", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("district server did not start")
            time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def pg_url() -> str | None:
    """The PostgreSQL server to bench against, if one answers."""
    url = os.environ.get(PG_ENV, "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    try:
        import psycopg

        psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"),
                        connect_timeout=3).close()
    except Exception:
        return None
    return url


@contextlib.contextmanager
def fresh_database(kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{folder / f'district-{uuid.uuid4().hex[:8]}.sqlite3'}"
        return
    import psycopg

    base = pg_url()
    assert base is not None
    plain = base.replace("postgresql+psycopg://", "postgresql://")
    name = f"sd_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base.rpartition('/')[0]}/{name}"
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --------------------------------------------------------------------------- measurements


def _station(folder: Path, template: Path) -> Workspace:
    from clerk.store import DB_FILENAME

    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(template, folder / DB_FILENAME)
    return Workspace.open(folder)


def _enroll(ws: Workspace, base: str, db_url: str) -> Any:
    """Enroll without touching the machine's keyring; returns a client with the token."""
    from district import admin
    from district.db import Database
    from sync import engine
    from sync.client import DistrictClient

    db = Database(db_url)
    try:
        station = ws.station()
        assert station is not None
        code = admin.create_station(db, code=station.code, name=station.name,
                                    now=datetime.now(UTC)).code
    finally:
        db.close()
    _, token = engine.enroll(ws, base, code, store_token=False)
    return DistrictClient(base, token=token)


def _post_all(base: str, token: str, bodies: list[bytes]) -> int:
    """POST each body on one keep-alive connection; returns the events accepted.

    Plain http.client, not requests: on this 2-core machine the load generator shares
    the cores with the server, and requests spends about 1 ms of CPU per call (ten times
    http.client), which would measure the client instead of the server."""
    url = urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=120)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    accepted = 0
    try:
        for body in bodies:
            conn.request("POST", "/api/v1/sync/push", body, headers)
            reply = conn.getresponse()
            data = reply.read()
            if reply.status != 200:
                raise RuntimeError(f"push answered {reply.status}: {data[:200]!r}")
            accepted += data.count(b'"status":"accepted"')
            if b'"status":"rejected"' in data:
                first = next(r for r in json.loads(data)["results"] if r["status"] == "rejected")
                raise RuntimeError(f"push rejected an event: {first['code']}: {first['message']}")
    finally:
        conn.close()
    return accepted


def bench_backend(kind: str, template: Path, total: int, work: Path) -> list[tuple[str, float,
                                                                                    str]]:
    from sqlalchemy import update

    from clerk.store.models import CaseEvent
    from sync import engine

    rows: list[tuple[str, float, str]] = []
    with fresh_database(kind, work) as db_url, district_server(db_url) as base:
        ws = _station(work / f"station-{kind}", template)
        client = _enroll(ws, base, db_url)
        started = time.perf_counter()
        report = engine.sync_round(ws, client)
        push_s = time.perf_counter() - started
        assert report.ok and report.push.accepted == total, report.lines()
        rows.append((f"sync [{kind}]: push {CASES:,} cases ({total:,} events), s", push_s,
                     "< PouchDB replicating the same documents (pouchdb row)"))
        # The station's whole round (its own reads and acknowledgment writes included,
        # on the same two cores); the district's batched rate is measured below.
        rows.append((f"sync [{kind}]: that round, events/s", total / push_s,
                     "- (station and district together)"))
        idle = []
        for _ in range(20):
            started = time.perf_counter()
            assert engine.sync_round(ws, client).ok
            idle.append((time.perf_counter() - started) * 1000)
        rows.append((f"sync [{kind}]: round with nothing to do, ms (median of 20)",
                     statistics.median(idle), "<= 50 ms"))
        # Replay everything: the district must recognise every event as a duplicate.
        with ws.store.write() as s:
            s.execute(update(CaseEvent).values(sync_state="pending", acked_at=None))
        replay = engine.sync_round(ws, client)
        assert replay.ok and replay.push.duplicates == total, replay.lines()
        ledger = client.ledger()
        stored = sum(d.station.count for d in ledger.days)
        rows.append((f"sync [{kind}]: replay of all {total:,} events, new events created",
                     float(replay.push.accepted + stored - total), "0 duplicates"))
        rows += _rates(kind, ws, base, client.token or "", 1)
        client.close()
        ws.close()
    return rows


def _acked(ws: Workspace) -> None:
    """Forget what is pending (the next measurement pushes only what it populates)."""
    from sqlalchemy import update

    from clerk.store.models import CaseEvent

    with ws.store.write() as s:
        s.execute(update(CaseEvent).values(sync_state="acked"))


def _rates(kind: str, ws: Workspace, base: str, token: str, workers: int
           ) -> list[tuple[str, float, str]]:
    """Server-side rates over plain HTTP with pre-built request bodies.

    One sender is one station's sync (it waits for each answer); four senders stand for
    stations pushing at the same time, which is what a district server sees. DESIGN 13's
    batched budget is the district's: a server run as deployed, one worker per core (two
    here), with stations pushing at once. The other rows say what one core, or one
    station alone, gets. The single-event budget is per worker: the one-worker row."""
    from sync import engine
    from sync.client import DistrictClient

    label = f"sync [{kind}, {workers} worker{'s' if workers > 1 else ''}]"
    per_core = workers == BENCH_WORKERS
    batched = ">= 10,000/s (a worker per core)" if per_core else "- (one core)"
    rows: list[tuple[str, float, str]] = []
    _acked(ws)
    populate(ws, 2000, day=date(2026, 3, 3))
    rows.append((f"{label}: batched pushes (500/batch), 1 sender, events/s",
                 _events_per_second(base, token, _client_bodies(ws, 500, 1)),
                 "- (one station: a request at a time)"))
    _acked(ws)
    populate(ws, 4000, day=date(2026, 3, 4))
    rows.append((f"{label}: batched pushes (500/batch), 4 senders, events/s",
                 _events_per_second(base, token, _client_bodies(ws, 500, 4)), batched))
    # Small events: clerk comments, ~0.3 KB each instead of ~5 KB.
    _acked(ws)
    populate(ws, 1000, day=date(2026, 3, 5), escalate=False)
    client = DistrictClient(base, token=token)
    try:
        assert engine.sync_round(ws, client).ok
    finally:
        client.close()
    add_comments(ws, 10)
    rows.append((f"{label}: batched small events (comments), 4 senders, events/s",
                 _events_per_second(base, token, _client_bodies(ws, 500, 4)), batched))
    _acked(ws)
    populate(ws, 600, day=date(2026, 3, 6), escalate=False)
    rows.append((f"{label}: single-event pushes, 4 senders, per second",
                 _events_per_second(base, token, _client_bodies(ws, 1, 4)),
                 ">= 500/s per worker" if workers == 1
                 else f"- ({workers} workers together)"))
    return rows


def bench_per_core(kind: str, template: Path, work: Path) -> list[tuple[str, float, str]]:
    """The same rates with `serve --workers N`, one worker per core (as deployed)."""
    with fresh_database(kind, work) as db_url, \
            district_server(db_url, workers=BENCH_WORKERS) as base:
        ws = _station(work / f"station-{kind}-2", template)
        client = _enroll(ws, base, db_url)
        try:
            return _rates(kind, ws, base, client.token or "", BENCH_WORKERS)
        finally:
            client.close()
            ws.close()


def _client_bodies(ws: Workspace, size: int, clients: int) -> list[list[bytes]]:
    """The pending events dealt to `clients` senders by case (each case's events stay in
    order with one sender), in request bodies of `size` events."""
    from sync.outbox import _pending

    with ws.store.read() as s:
        items = _pending(s, 0, 10**9)
    by_case: dict[str, list[str]] = {}
    for it in items:
        by_case.setdefault(it.case_id, []).append(it.json)
    shares: list[list[str]] = [[] for _ in range(clients)]
    for k, events in enumerate(by_case.values()):
        shares[k % clients].extend(events)
    return [[('{"events":[' + ",".join(share[i:i + size]) + '],"notes":[]}').encode()
             for i in range(0, len(share), size)] for share in shares]


def _events_per_second(base: str, token: str, shares: list[list[bytes]]) -> float:
    """Every sender posts its bodies on its own connection, all at once; events/s."""
    import threading

    total = sum(body.count(b'"event_id"') for share in shares for body in share)
    errors: list[str] = []

    def send(share: list[bytes]) -> None:
        try:
            if _post_all(base, token, share) != sum(b.count(b'"event_id"') for b in share):
                errors.append("not all accepted")
        except Exception as exc:
            errors.append(repr(exc))

    threads = [threading.Thread(target=send, args=(share,)) for share in shares]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise RuntimeError(errors[0])
    return total / elapsed


# --------------------------------------------------------------------------- PouchDB


def _documents(ws: Workspace, path: Path) -> int:
    """One document per case: its wire events (the same content the push carries)."""
    from sync.outbox import _pending

    with ws.store.read() as s:
        items = _pending(s, 0, 10**9)
    cases: dict[str, list[str]] = {}
    for it in items:
        cases.setdefault(it.case_id, []).append(it.json)
    with path.open("w", encoding="utf-8") as fh:
        for case_id, events in cases.items():
            fh.write('{"_id":"%s","events":[%s]}\n' % (case_id, ",".join(events)))  # noqa: UP031
    return len(cases)


def bench_pouchdb(template: Path, work: Path) -> list[tuple[str, float, str]]:
    node = shutil.which("node")
    npm = shutil.which("npm")
    if node is None or npm is None:
        return [("pouchdb: node/npm not found, comparison skipped", float("nan"), "")]
    if not (POUCH_DIR / "node_modules" / "express-pouchdb").exists():
        done = subprocess.run([npm, "install", "--no-audit", "--no-fund"], cwd=POUCH_DIR,
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            why = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["unknown"]
            return [(f"pouchdb: npm install failed ({why[0][:80]}), comparison skipped",
                     float("nan"), "")]
    ws = _station(work / "station-pouch", template)
    docs = work / "docs.jsonl"
    n = _documents(ws, docs)
    ws.close()
    done = subprocess.run([node, str(POUCH_DIR / "replicate.js"), str(docs)],
                          capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        why = done.stderr.strip().splitlines()[-1:] or ["unknown"]
        return [(f"pouchdb: replication failed ({why[0][:80]})", float("nan"), "")]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["remote_count"] == n
    return [(f"pouchdb: replicate {n:,} case documents to pouchdb-server, s",
             float(result["seconds"]), "the baseline the push must beat")]


def run() -> list[tuple[str, float, str]]:
    work = Path(tempfile.mkdtemp(prefix="sd-sync-bench-"))
    try:
        ws = fresh_station(work / "template")
        total = populate(ws, CASES)
        template = ws.store.path
        ws.close()
        assert template is not None
        rows = bench_pouchdb(template, work)
        for kind in ("sqlite", "postgres"):
            if kind == "postgres" and pg_url() is None:
                rows.append(("sync [postgres]: no PostgreSQL reachable, skipped",
                             float("nan"), ""))
                continue
            rows += bench_backend(kind, template, total, work)
            rows += bench_per_core(kind, template, work)
        return rows
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    for name, value, budget in run():
        print(f"{name:<75} {value:>12.3f}  {budget}")
