"""Data generators for the benchmarks: stations, applicants and cases, all synthetic."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from clerk.ids import new_id
from clerk.store import DB_FILENAME
from clerk.validation import make_resident_id
from clerk.workspace import Workspace

CACHE = Path(__file__).resolve().parent / ".cache"
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


def applicant_ids(n: int, seed: int = 7) -> list[str]:
    """`n` distinct valid resident IDs (area × birth day × sequence enumerates them)."""
    rng = random.Random(seed)
    ids: list[str] = []
    start = date(1940, 1, 1).toordinal()
    i = 0
    while len(ids) < n:
        area = _AREAS[i % len(_AREAS)]
        birth = date.fromordinal(start + (i // len(_AREAS)) % 24000)
        seq = 1 + (i // (len(_AREAS) * 24000)) * 7 + rng.randrange(7)
        ids.append(make_resident_id(area, birth, seq % 1000))
        i += 1
    return list(dict.fromkeys(ids))


def station_with_applicants(n: int) -> tuple[Path, list[str]]:
    """A station database holding `n` applicants, built once and cached in bench/.cache."""
    folder = CACHE / f"applicants-{n}"
    ids = applicant_ids(n)
    marker = folder / "complete"
    if marker.exists():
        return folder, ids
    if folder.exists():
        for f in folder.iterdir():
            f.unlink()
    fresh_station(folder).close()
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    con = sqlite3.connect(folder / DB_FILENAME)
    con.execute("PRAGMA synchronous=OFF")
    rows = ((new_id(), "natural", f"申请人{k}", "resident_id", id_no,
             "M" if int(id_no[16]) % 2 else "F", f"{id_no[6:10]}-{id_no[10:12]}-{id_no[12:14]}",
             "", "", id_no[:6], "", "", now, now) for k, id_no in enumerate(ids))
    con.executemany("INSERT INTO applicants (id, kind, name, id_type, id_no, sex, birth_date, "
                    "mobile, address, hukou_area, legal_rep, contact, created_at, updated_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.commit()
    con.execute("ANALYZE")
    con.close()
    marker.write_text("ok")
    return folder, ids
