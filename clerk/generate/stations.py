"""Synthetic stations and applicants for the tests, the benchmarks and the demo."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from clerk.validation import make_resident_id
from clerk.workspace import Workspace

STATION = "110108001001"
PASSWORD = "bench-password-1"
_AREAS = ("110101", "110102", "110105", "110106", "110108", "110112", "110114", "110115")


def fresh_station(folder: Path) -> Workspace:
    folder.mkdir(parents=True, exist_ok=True)
    ws = Workspace.open(folder)
    if ws.station() is None:
        ws.init_station(code=STATION, name="基准测试社区便民服务站", admin="admin",
                        password=PASSWORD, phone="010-62000000")
    return ws


#: Enumerations made so far, by seed: the generator's state and the IDs it produced
#: (duplicates included). The sync tests call `populate` again and again on one station,
#: each time for the IDs after those already used; without this every call enumerated
#: (and check-digited) the whole prefix again, most of a soak's set-up time.
_MADE: dict[int, tuple[random.Random, list[str]]] = {}
_KEEP_AT_MOST = 200_000  # larger sets (the benchmarks' million) are made once, not kept


def applicant_ids(n: int, seed: int = 7) -> list[str]:
    """`n` distinct valid resident IDs (area × birth day × sequence enumerates them)."""
    rng, ids = _MADE.get(seed) or (random.Random(seed), [])
    start = date(1940, 1, 1).toordinal()
    i = len(ids)
    while len(ids) < n:
        area = _AREAS[i % len(_AREAS)]
        birth = date.fromordinal(start + (i // len(_AREAS)) % 24000)
        seq = 1 + (i // (len(_AREAS) * 24000)) * 7 + rng.randrange(7)
        ids.append(make_resident_id(area, birth, seq % 1000))
        i += 1
    if len(ids) <= _KEEP_AT_MOST:
        _MADE[seed] = (rng, ids)
    else:
        _MADE.pop(seed, None)
    return list(dict.fromkeys(ids[:n]))
