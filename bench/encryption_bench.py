"""The encrypted station store beside a plaintext one (DESIGN §13: within 1.3×).

Case creation + acceptance (durable commits), an applicant lookup by ID among
LOOKUP_APPLICANTS, and the case list's first page over 100,000 cases (the query the
list's first paint waits for; the painting itself does not touch the store), each on the
SQLCipher store the product uses and on a plaintext copy opened the way the previous
version did. The plaintext store exists only here, for the comparison.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.data import CACHE, station_with_applicants
from clerk import applicants as ap
from clerk.cases.queries import CaseFilter, CaseQuery
from clerk.cases.service import MaterialChanges
from clerk.generate.stations import PASSWORD, STATION, applicant_ids
from clerk.store import DB_FILENAME, Store, schema
from clerk.store.db import _configure_sqlite, connect_encrypted
from clerk.store.jsoncodec import json_text, json_value
from clerk.workspace import Workspace

#: DESIGN §13's applicant lookup "among 1,000,000": the encrypted store is built once,
#: encrypted directly (bench.data), and its plaintext twin exported from it once; both
#: are cached in bench/.cache.
LOOKUP_APPLICANTS = 1_000_000
LOOKUPS = 1000
CASES = 150
LIST_REPEATS = 20
#: Cold first pages are single samples, each on a freshly opened store: several opens,
#: encrypted and plaintext alternating, and the median of each.
COLD_OPENS = 5
BUDGET = "≤ 1.3× plaintext"


def _plain_workspace(path: Path) -> Workspace:
    """A workspace over an unencrypted file, as before issue 14 (bench only)."""
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}", json_serializer=json_text,
                           json_deserializer=json_value)
    _configure_sqlite(engine)
    schema.check_and_upgrade(engine, migrate=True)
    # The key only seals this workspace's scans (none here); the database is plaintext.
    store = Store(engine, path, key=bytes(32))
    # As Store.open does for every store, and as the earlier version did: the first
    # queries are measured with the page-by-page check running beside them on both.
    store.check_in_background()
    return Workspace(store)


def _plain_copy(encrypted: Path, target: Path) -> Path:
    """A plaintext export of an encrypted station database, made once and cached."""
    if target.exists():
        return target
    ws = Workspace.open(encrypted.parent)
    key = ws.store.key
    ws.close()
    assert key is not None
    target.parent.mkdir(parents=True, exist_ok=True)
    con = connect_encrypted(encrypted, key)
    con.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    con.execute("SELECT sqlcipher_export('plain')")
    con.execute("DETACH DATABASE plain")
    con.close()
    return target


def _case_times(ws: Workspace, ids: list[str]) -> Callable[[int], float]:
    """A function that creates and accepts case ``n`` on ``ws`` and returns its ms."""
    ws.init_station(code=STATION, name="基准测试社区便民服务站", admin="admin",
                    password=PASSWORD)
    matter = next(m for m in ws.matters() if not m.is_instant)
    needed = [m.key for m in matter.materials
              if m.necessity in ("required", "deferrable") and not m.condition]

    def one(n: int) -> float:
        t = time.perf_counter()
        rec = ws.cases.new_case(matter_code=matter.code,
                                applicant=ap.PersonInput(name=f"申请人{n}", id_no=ids[n]),
                                changes=MaterialChanges(received=needed))
        ws.cases.accept(rec.case_no)
        return (time.perf_counter() - t) * 1000

    return one


def _case_rates() -> tuple[float, float]:
    """Median ms per case created and accepted, encrypted and plaintext. The two stores
    take turns case by case, so a change in the machine's load falls on both alike."""
    ids = applicant_ids(CASES, seed=13)
    with tempfile.TemporaryDirectory() as tmp:
        enc_ws = Workspace.open(Path(tmp) / "encrypted")
        plain_ws = _new_plain(Path(tmp) / "plain")
        enc, plain = _case_times(enc_ws, ids), _case_times(plain_ws, ids)
        pairs = [_in_turn(enc, plain, n) for n in range(CASES)]
        enc_ws.close()
        plain_ws.close()
    return (statistics.median(e for e, _p in pairs), statistics.median(p for _e, p in pairs))


def _in_turn(enc: Callable[[int], float], plain: Callable[[int], float],
             n: int) -> tuple[float, float]:
    """Case ``n`` on both stores, the encrypted one first on even ``n``."""
    if n % 2 == 0:
        first = enc(n)
        return first, plain(n)
    second = plain(n)
    return enc(n), second


def _new_plain(folder: Path) -> Workspace:
    folder.mkdir(parents=True)
    return _plain_workspace(folder / DB_FILENAME)


def _lookup_ms(ws: Workspace, id_no: str) -> float:
    t = time.perf_counter()
    with ws.store.read() as s:
        found = ap.find_by_id_no(s, id_no)
    elapsed = (time.perf_counter() - t) * 1000
    assert found is not None
    return elapsed


def _lookups(encrypted: Path, plain: Path, sample: list[str]) -> dict[bool, list[float]]:
    """Each ID looked up on both stores, open and settled, the two taking turns; sorted
    times per store (True: encrypted)."""
    stores = {True: Workspace.open(encrypted), False: _plain_workspace(plain)}
    for ws in stores.values():
        ws.store.wait_for_check()
    times: dict[bool, list[float]] = {True: [], False: []}
    for n, id_no in enumerate(sample):
        for enc in ((True, False) if n % 2 == 0 else (False, True)):
            times[enc].append(_lookup_ms(stores[enc], id_no))
    for ws in stores.values():
        ws.close()
    return {enc: sorted(values) for enc, values in times.items()}


def _first_page_ms(ws: Workspace) -> tuple[float, float]:
    """One first page of the case list, as (wall ms, this thread's CPU ms)."""
    query = CaseQuery(CaseFilter(), ws.supervision_cut())
    t, cpu = time.perf_counter(), time.thread_time()
    page = ws.case_lists.first_page(query)
    elapsed = ((time.perf_counter() - t) * 1000, (time.thread_time() - cpu) * 1000)
    assert page.rows
    return elapsed


def _warm(encrypted: Path, plain: Path) -> tuple[float, float]:
    """Medians of the first page again on both stores once open and settled (the
    background page check finished), the two taking turns."""
    stores = {True: Workspace.open(encrypted), False: _plain_workspace(plain)}
    for ws in stores.values():
        ws.store.wait_for_check()
        _first_page_ms(ws)
    warm: dict[bool, list[float]] = {True: [], False: []}
    for n in range(LIST_REPEATS):
        for enc in ((True, False) if n % 2 == 0 else (False, True)):
            warm[enc].append(_first_page_ms(stores[enc])[0])
    for ws in stores.values():
        ws.close()
    return statistics.median(warm[True]), statistics.median(warm[False])


def _case_list(encrypted: Path, plain: Path) -> dict[str, tuple[float, float]]:
    """Medians, encrypted and plaintext: cold wall, cold CPU (the querying thread's: on
    the shared machine the wall figure is mostly other processes), warm wall."""
    cold: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    for n in range(COLD_OPENS):
        # Alternate which store goes first, so neither always follows the other's I/O.
        for enc in ((True, False) if n % 2 == 0 else (False, True)):
            ws = Workspace.open(encrypted) if enc else _plain_workspace(plain)
            cold[enc].append(_first_page_ms(ws))
            ws.close()

    def both(values: Callable[[bool], list[float]]) -> tuple[float, float]:
        return statistics.median(values(True)), statistics.median(values(False))

    return {"cold": both(lambda e: [w for w, _c in cold[e]]),
            "cold CPU": both(lambda e: [c for _w, c in cold[e]]),
            "warm, settled": _warm(encrypted, plain)}


def _rows(what: str, encrypted: float, plain: float, unit: str) -> list[tuple[str, float, str]]:
    return [(f"{what}: encrypted ({unit})", encrypted, BUDGET),
            (f"{what}: plaintext ({unit})", plain, "-"),
            (f"{what}: encrypted / plaintext", encrypted / plain, "≤ 1.3")]


def run() -> list[tuple[str, float, str]]:
    from bench.ui_bench import station_with_cases

    rows = _rows("case creation + acceptance per case, median", *_case_rates(), "ms")

    folder, ids = station_with_applicants(LOOKUP_APPLICANTS)
    plain = _plain_copy(folder / DB_FILENAME,
                        CACHE / f"plain-applicants-{LOOKUP_APPLICANTS}" / DB_FILENAME)
    sample = random.Random(3).sample(ids, LOOKUPS)
    times = _lookups(folder, plain, sample)
    enc_med, pl_med = statistics.median(times[True]), statistics.median(times[False])
    enc_p99, pl_p99 = times[True][int(LOOKUPS * 0.99)], times[False][int(LOOKUPS * 0.99)]
    what = f"applicant lookup by ID among {LOOKUP_APPLICANTS:,}"
    rows += _rows(f"{what}, median", enc_med, pl_med, "ms")
    rows += _rows(f"{what}, p99", enc_p99, pl_p99, "ms")

    cases = station_with_cases()
    plain_cases = _plain_copy(cases / DB_FILENAME, CACHE / "plain-cases-100000" / DB_FILENAME)
    measured = _case_list(cases, plain_cases)
    for what, (enc, pl) in measured.items():
        opens = f" (median of {COLD_OPENS} opens)" if what.startswith("cold") else ""
        rows += _rows(f"case list first page over 100,000, {what}{opens}", enc, pl, "ms")
    return rows
