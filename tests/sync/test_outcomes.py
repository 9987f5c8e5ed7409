"""A round tells the truth: done (0), done with problems (3), failed (1).

Reproduces the fault tests' findings: `sync` printed "同步完成" and exited 0 when events
were refused or a case was held back; a catalog the station could not apply made every
later round fail at the catalog step (exit 2) and stopped its last-success time.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, update

from clerk.cli import main
from clerk.store.models import CaseEvent
from clerk.workspace import Workspace
from sync import engine
from tests.districtkit import District, accepted_case, enroll_station
from tests.sync.test_blobs import attach_scan, draft

IdFactory = Callable[..., str]


def sync_cli(ws: Workspace, capsys: pytest.CaptureFixture[str],
             monkeypatch: pytest.MonkeyPatch, *extra: str) -> tuple[int, str]:
    assert ws.store.path is not None
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(["sync", *extra, "--data-dir", str(ws.store.path.parent)])
    out, err = capsys.readouterr()
    return code, out + err


def test_refused_events_end_in_problems_exit_3(live: District, sws: Workspace,
                                               id_factory: IdFactory,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    enroll_station(sws, live)
    a = accepted_case(sws, id_factory(1))
    with sws.store.write() as s:
        s.execute(update(CaseEvent).where(CaseEvent.case_id == a.id, CaseEvent.seq == 2)
                  .values(hash="0" * 64))
    sws.close()
    code, out = sync_cli(sws, capsys, monkeypatch)
    assert code == 3, out
    assert "同步完成，但有 1 个问题" in out and a.case_no in out
    assert "hash_mismatch" not in out  # words, not codes
    code, out = sync_cli(sws, capsys, monkeypatch, "--json")
    data = json.loads(out)
    assert code == 3 and data["outcome"] == "problems"
    assert data["problems"][0]["kind"] == "rejected" and data["problems"][0]["text"]


def test_held_back_case_is_a_problem_and_doctor_and_audit_see_the_scan(
        live: District, sws: Workspace, id_factory: IdFactory,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    enroll_station(sws, live)
    case_no = draft(sws, id_factory(1))
    sha = attach_scan(sws, case_no)
    path = sws.blobs.path(sha)
    good = path.read_bytes()
    path.write_bytes(good[:-3] + b"XYZ")  # damaged on disk
    report = engine.sync_round(sws)
    assert report.outcome == "problems" and report.exit_status == 3
    assert [p.kind for p in report.problems] == ["held_back"]
    assert case_no in report.problems[0].text
    assert engine.status(sws).last_problems[0].kind == "held_back"
    data_dir = str(path.parents[2])
    sws.close()
    assert main(["audit", "verify", "--data-dir", data_dir]) == 1
    assert "扫描件" in capsys.readouterr().out
    assert main(["doctor", "--data-dir", data_dir]) == 1
    out = capsys.readouterr().out
    assert "问题  扫描件" in out and case_no in out and "正常  数据库" in out
    path.write_bytes(good)  # restored: the next round is done, the doctor clean
    ws = Workspace.open(data_dir)
    try:
        again = engine.sync_round(ws)
        assert again.outcome == "done" and again.exit_status == 0, again.problems
    finally:
        ws.close()
    assert main(["doctor", "--data-dir", data_dir]) == 0
    assert "检查通过" in capsys.readouterr().out
    ws = Workspace.open(data_dir)  # sealed on disk: read back through the station's key
    try:
        data = ws.blobs.get(sha)
    finally:
        ws.close()
    assert data is not None and hashlib.sha256(data).hexdigest() == sha


def test_a_publication_the_station_cannot_apply_is_kept_out_and_reported(
        live: District, sws: Workspace, id_factory: IdFactory, tmp_path: Path) -> None:
    from clerk.catalog import dump_catalog
    from district import admin
    from district import reference as district_reference
    from district.models import PublishedMatter
    from tests.clerk.factories import matter

    enroll_station(sws, live)
    before = {(m.code, m.version) for m in sws.matters()}
    catalog = tmp_path / "catalog.json"
    catalog.write_text(dump_catalog([matter("D-NEW-001", name="新发布事项")]), encoding="utf-8")
    db = live.db()
    try:
        admin.publish_catalog_file(db, catalog, live.clock())
        # An older district let an unbounded number through (what the fault tests did).
        with db.write() as s:
            row = s.execute(select(PublishedMatter)).scalars().one()
            row.data = {**row.data, "committed_limit_days": 10**30}
            s.flush()
            district_reference._set_etag(s, "catalog", "broken-etag", live.clock())
    finally:
        db.close()
    accepted_case(sws, id_factory(1))
    report = engine.sync_round(sws)
    assert report.ok and report.outcome == "problems"
    assert report.push.accepted == 2  # the round went on: events still pushed
    assert [p.kind for p in report.problems] == ["publication"]
    assert "继续使用原来的版本" in report.problems[0].text
    assert {(m.code, m.version) for m in sws.matters()} == before
    assert engine.status(sws).last_success  # the last-success time moves on
    # The district's admins see which station refused what.
    token = live.user("admin1", role="admin")
    listed = live.get("/admin/refusals", token).json()
    assert [(r["station_code"], r["kind"]) for r in listed] == [("110108001001", "catalog")]
    assert "committed_limit_days" in listed[0]["reason"]
    again = engine.sync_round(sws)  # still refused, still one row on the district
    assert again.outcome == "problems"
    assert len(live.get("/admin/refusals", token).json()) == 1
