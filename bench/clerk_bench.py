"""Domain benchmarks: applicant lookup among 1,000,000, case throughput, due dates."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.data import station_with_applicants
from clerk import applicants as ap
from clerk.calendar import WorkCalendar, seed_years
from clerk.cases.service import MaterialChanges
from clerk.generate.stations import applicant_ids, fresh_station
from clerk.workspace import Workspace

LOOKUPS = 2000
CASES = 300


def bench_lookup() -> list[tuple[str, float, str]]:
    started = time.perf_counter()
    folder, ids = station_with_applicants(1_000_000)
    build = time.perf_counter() - started
    ws = Workspace.open(folder)
    rng = random.Random(3)
    sample = rng.sample(ids, LOOKUPS)
    times = []
    for id_no in sample:
        t = time.perf_counter()
        with ws.store.read() as s:
            found = ap.find_by_id_no(s, id_no)
        times.append((time.perf_counter() - t) * 1000)
        assert found is not None
    ws.close()
    times.sort()
    return [
        ("applicant lookup by ID among 1,000,000: median (ms)", statistics.median(times),
         "≤ 5 ms"),
        ("applicant lookup by ID among 1,000,000: p99 (ms)", times[int(len(times) * 0.99)],
         "≤ 5 ms"),
        ("  (generating/opening the 1,000,000-applicant database, s)", build, "-"),
    ]


def bench_cases() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        ws = fresh_station(Path(tmp))
        matter = next(m for m in ws.matters() if not m.is_instant)
        needed = [m.key for m in matter.materials
                  if m.necessity in ("required", "deferrable") and not m.condition]
        ids = applicant_ids(CASES, seed=11)
        t = time.perf_counter()
        for n, id_no in enumerate(ids):
            rec = ws.cases.new_case(matter_code=matter.code,
                                    applicant=ap.PersonInput(name=f"申请人{n}", id_no=id_no),
                                    changes=MaterialChanges(received=needed))
            ws.cases.accept(rec.case_no)
        elapsed = time.perf_counter() - t
        ws.close()
    return [("case creation + acceptance (cases/s, durable commits)", CASES / elapsed, "-"),
            ("case creation + acceptance: per case (ms)", elapsed / CASES * 1000, "-")]


def bench_due_dates() -> list[tuple[str, float, str]]:
    cal = WorkCalendar(seed_years())
    rng = random.Random(5)
    starts = [date(2026, 1, 1).toordinal() + rng.randrange(700) for _ in range(100_000)]
    t = time.perf_counter()
    for o in starts:
        cal.due_date(date.fromordinal(o), 20)
    per = (time.perf_counter() - t) / len(starts) * 1e6
    return [("due date computation (µs per case)", per, "-")]


def run() -> list[tuple[str, float, str]]:
    return bench_lookup() + bench_cases() + bench_due_dates()
