"""d0007: existing case rows get their earliest awaited promise date (容缺后补) filled."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text

from district import schema


def _item(key: str, status: str, promise: str | None) -> dict[str, object]:
    return {"key": key, "name": key, "necessity": "deferrable", "form": "原件",
            "original_count": 1, "copy_count": 0, "requirement": "", "condition": None,
            "status": status, "promise_date": promise, "document_id": None}


def test_backfill_from_stored_checklists(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    schema.upgrade(engine, "d0005")
    rows = {  # case id: (state, checklist)
        "a": ("accepted", [_item("x", "deferred", "2026-06-09"),
                           _item("y", "deferred", "2026-06-03"),
                           _item("z", "received", "2026-06-01")]),
        "b": ("under_review", [_item("x", "received", None)]),
        "c": ("completed", [_item("x", "deferred", "2026-06-03")]),  # past its decision
        "d": ("escalated", []),
    }
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO stations (code, name, district_code, created_at) "
                          "VALUES ('110108001001', 's', '110108', '2026-06-01 00:00:00')"))
        for n, (case_id, (state, checklist)) in enumerate(rows.items()):
            conn.execute(text(
                "INSERT INTO cases (id, case_no, station_code, matter_code, matter_name, state,"
                " owner, due_provisional, flagged, version, updated_at, data) VALUES (:id,"
                " :no, '110108001001', 'M', 'm', :state, 'station', 0, 0, 3,"
                " '2026-06-01 00:00:00', :data)"),
                {"id": case_id, "no": f"110108001001-20260601-{n:04d}", "state": state,
                 "data": json.dumps({"checklist": checklist})})
    schema.upgrade(engine)
    with engine.connect() as conn:
        found = dict(conn.execute(text("SELECT id, next_promise FROM cases")).all())
    engine.dispose()
    assert found == {"a": date(2026, 6, 3).isoformat(), "b": None, "c": None, "d": None}
