"""Several counters of one station (issue 13), on SQLite: 5 devices pushing 2,000 cases
each to one district (a uvicorn subprocess) against one station alone pushing the same
10,000 cases in as many rounds of 2,000, per event (budget: no slower per event); then
one device pulls the other four's steps (their cases built at this counter, people
merged by identity), per event, while a clerk saves something every 0.2 s on that device
(how long each save takes: the pull lets a waiting save in between two events).

Like for like: the rounds are the same size on both sides, because every push pays a
fixed start and end (the first batch is read before anything is in flight, the last is
judged with nothing left to overlap, ~50 ms); against one push of all 10,000 cases the
five devices' pushes paid that five times and came out 5-15 % slower per event, which
says how big a push is, not how many counters there are. The pushes are timed alone
(who-am-I and push, as a round starts): a round that also pulls the earlier devices'
steps would add the pull's cost. Both sides are the median of REPS repetitions taken in
turns, each pushing cases made for it to a district that grows alike on both sides: one
push of each, the same code, differed by ±20 % either way from run to run.
"""

from __future__ import annotations

import contextlib
import shutil
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from bench.sync_bench import district_server, fresh_database
from clerk import numbering
from clerk.generate.bulk_cases import populate
from clerk.generate.stations import fresh_station
from clerk.workspace import Workspace

DEVICES = 5
PER_DEVICE = 2_000
REPS = 3


def _device(folder: Path, number: int) -> Workspace:
    ws = fresh_station(folder)
    with ws.store.write() as s:
        numbering.set_device_no(s, number)
    return ws


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


def _settle_forms(rounds: list[tuple[Workspace, object, int]]) -> None:
    """Every device says at a who-am-I which event forms it reads, then hears what the
    whole station reads (clerk.cases.event_forms): a device asking before the others
    have spoken hears "none" and writes events whole until its next round. Two passes
    give the steady state of a station whose counters all run this software, the same
    on both sides; without them the first four devices pushed whole events in the first
    two repetitions (2.4 times the bytes), and measured that, not the devices."""
    from sync import engine

    for _ in range(2):
        for ws, client, _device in rounds:
            engine.check_identity(ws, client)  # type: ignore[arg-type]


def _push_ms_per_event(rounds: list[tuple[Workspace, object, int]], day: date) -> float:
    """One round per entry (a station, its client, its device number), in turn:
    PER_DEVICE new cases made at that station (not timed), then its who-am-I and push
    (timed); ms per event over all the rounds."""
    from sync import engine, outbox

    took, events = 0.0, 0
    for ws, client, device in rounds:
        made = populate(ws, PER_DEVICE, day=day, device=device)
        started = time.perf_counter()
        engine.check_identity(ws, client)  # type: ignore[arg-type]
        accepted = outbox.push_events(ws, client).accepted  # type: ignore[arg-type]
        took += time.perf_counter() - started
        assert accepted == made, (accepted, made)
        events += made
    return took * 1000 / events


class _ClerkSaves:
    """A clerk's small save every SAVE_EVERY_S seconds on another thread while the pull
    runs (as the counter's database worker does beside a background round): how long
    each took, from asking to write to committed, in ms."""

    def __init__(self, ws: Workspace) -> None:
        import threading

        self.ws = ws
        self.waits: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-clerk-saves")

    def __enter__(self) -> _ClerkSaves:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        from clerk.store.models import Setting

        n = 0
        while not self._stop.wait(SAVE_EVERY_S):
            n += 1
            started = time.perf_counter()
            with self.ws.store.write() as s:
                s.merge(Setting(key="bench.clerk_save", value=str(n)))
            self.waits.append((time.perf_counter() - started) * 1000)


#: How often the clerk's save comes while the pull runs.
SAVE_EVERY_S = 0.2


def run() -> list[tuple[str, float, str]]:
    from sync import engine

    work = Path(tempfile.mkdtemp(prefix="sd-devices-bench-"))
    try:
        with contextlib.ExitStack() as stack:
            urls = [stack.enter_context(fresh_database("sqlite", work)) for _ in range(2)]
            bases = [stack.enter_context(district_server(url)) for url in urls]
            alone = _device(work / "alone", 1)
            lone = [(alone, _enroll(alone, bases[0], urls[0], True), 1)]
            pcs = [_device(work / f"pc{n}", n) for n in range(1, DEVICES + 1)]
            several = [(ws, _enroll(ws, bases[1], urls[1], n == 1), n)
                       for n, ws in enumerate(pcs, 1)]
            _settle_forms(lone + several)
            alone_ms: list[float] = []
            several_ms: list[float] = []
            pull_s, pulled = 0.0, 0
            save_ms: list[float] = []
            for rep in range(REPS):
                day = date(2026, 3, 2 + rep)
                for side in ((0, 1) if rep % 2 == 0 else (1, 0)):
                    if side == 0:
                        alone_ms.append(_push_ms_per_event(lone * DEVICES, day))
                    else:
                        several_ms.append(_push_ms_per_event(several, day))
                if rep == 0:  # the pull of the first repetition's steps (4 × 6,000 events)
                    last, client, _ = several[-1]
                    started = time.perf_counter()
                    with _ClerkSaves(last) as saves:
                        r = engine.sync_round(last, client)  # type: ignore[arg-type]
                    pull_s = time.perf_counter() - started
                    save_ms = saves.waits
                    assert r.ok and r.outcome == engine.DONE, r.lines()
                    pulled = r.pull.events
            for ws in (alone, *pcs):
                ws.close()
        alone_median = statistics.median(alone_ms)
        total = DEVICES * PER_DEVICE
        return [
            (f"devices: one station alone, {total:,} cases in {DEVICES} rounds, ms/event "
             f"(median of {REPS})", alone_median, "reference"),
            (f"devices: {DEVICES} devices × {PER_DEVICE:,} cases pushed to one district, "
             f"ms/event (median of {REPS})", statistics.median(several_ms),
             f"≤ {alone_median:.3f} (no slower per event than one alone)"),
            (f"devices: one device pulls the other {DEVICES - 1}'s {pulled:,} events, "
             "ms/event", pull_s * 1000 / max(pulled, 1), "-"),
            (f"devices: a clerk's save during that pull, median of {len(save_ms)} (ms)",
             statistics.median(save_ms) if save_ms else float("nan"),
             "≤ 50 ms (a keystroke's wait; a whole page before: seconds)"),
            ("devices: that save, the longest (ms)", max(save_ms, default=float("nan")),
             "- (SQLite's checkpoints and the interpreter shared with the pull)"),
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)
