"""The benchmarks' large stations, built once and cached in bench/.cache."""

from __future__ import annotations

import base64
import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path

from clerk.generate.stations import applicant_ids, fresh_station
from clerk.ids import new_id
from clerk.store import DB_FILENAME
from clerk.store.db import connect_encrypted

CACHE = Path(__file__).resolve().parent / ".cache"
# The district's column key for the benchmarks' synthetic data (not a secret: fixed, so
# the cached district database opens in every run and in the servers the benchmarks start).
BENCH_DISTRICT_KEY = "bench:" + base64.b64encode(
    hashlib.sha256(b"stationdesk bench district key").digest()).decode("ascii")


def use_bench_district_key() -> None:
    """Set STATIONDESK_DISTRICT_KEY for this process and its children, unless set."""
    os.environ.setdefault("STATIONDESK_DISTRICT_KEY", BENCH_DISTRICT_KEY)


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
    ws = fresh_station(folder)
    key = ws.store.key
    assert key is not None
    ws.close()
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    con = connect_encrypted(folder / DB_FILENAME, key)
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
