"""Retention: closed cases past their period lose the person's data, once acknowledged."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select, update

from clerk.cases.audit import verify
from clerk.catalog import (
    CATALOG_FORMAT,
    CATALOG_VERSION,
    CatalogError,
    matter_to_dict,
    parse_catalog,
)
from clerk.cli import main as cli
from clerk.options import RETENTION_DAYS
from clerk.retention import ANONYMISED, scrub_payload
from clerk.scans import keep
from clerk.store.models import Applicant, CaseEvent, CaseNote, DocumentOnFile, RetentionRun
from clerk.workspace import Workspace
from tests.clerk.case_builder import BIRTH, ELDERLY, Cases
from tests.clerk.factories import sample_matters
from tests.conftest import FakeClock, raw_store

PNG = b"\x89PNG\r\n\x1a\n" + b"scan of an id card" * 20


def _ack_all(ws: Workspace) -> None:
    """What a round does when the district acknowledges everything."""
    with ws.store.write() as s:
        s.execute(update(CaseEvent).values(sync_state="acked"))
        s.execute(update(CaseNote).values(sync_state="acked"))


def _db_bytes(ws: Workspace) -> bytes:
    assert ws.store.path is not None
    # The store is encrypted: look at a plaintext export of what it holds.
    plain = ws.store.path.with_name("plain-export.sqlite3")
    plain.unlink(missing_ok=True)
    con = raw_store(ws.store.path)
    con.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
    con.execute("SELECT sqlcipher_export('plain')")
    con.execute("DETACH DATABASE plain")
    con.close()
    data = plain.read_bytes()
    plain.unlink()
    return data


def _closed_long_ago(cases: Cases, clock: FakeClock, **kw: object) -> str:
    clock.set_local(date(2023, 3, 6))
    case_no = cases.completed(**kw)  # type: ignore[arg-type]
    clock.set_local(date(2026, 12, 4))
    return case_no


def test_a_closed_acknowledged_case_past_its_period_loses_the_persons_data(
        ws: Workspace, cases: Cases, clock: FakeClock,
        id_factory: Callable[..., str]) -> None:
    case_no = _closed_long_ago(cases, clock, comment="等候时间太长", person="李四")
    _ack_all(ws)
    id_no = id_factory(1)
    assert id_no.encode() in _db_bytes(ws)

    report = ws.retention()

    assert report.cases == [case_no] and report.held == []
    assert report.events >= 2 and report.applicants == 1
    rec = ws.cases.get(case_no)
    assert rec.applicant["name"] == ANONYMISED and rec.applicant["id_no"] == ""
    assert rec.applicant["mobile"] == ""
    assert rec.rating is not None and rec.rating["score"] == 5  # the score stays
    assert "等候" not in json.dumps(rec.rating, ensure_ascii=False)
    raw = _db_bytes(ws)
    assert id_no.encode() not in raw
    assert "李四".encode() not in raw and b"13800138000" not in raw
    with ws.store.read() as s:
        assert verify(s).ok  # the chain still verifies, the projection still replays
        run = s.execute(select(RetentionRun)).scalar_one()
        assert run.cases == 1 and run.applicants == 1
    # A second run has nothing left to do.
    again = ws.retention()
    assert again.cases == [] and again.events == 0 and again.applicants == 0


def test_unacknowledged_cases_are_held_back_and_untouched(
        ws: Workspace, cases: Cases, clock: FakeClock,
        id_factory: Callable[..., str]) -> None:
    case_no = _closed_long_ago(cases, clock)
    report = ws.retention()
    assert report.cases == [] and report.held == [case_no]
    assert ws.cases.get(case_no).applicant["id_no"] == id_factory(1)


def test_recent_and_open_cases_are_kept(ws: Workspace, cases: Cases, clock: FakeClock) -> None:
    clock.set_local(date(2023, 3, 6))
    still_open = cases.accepted(ELDERLY)  # old, but not closed
    clock.set_local(date(2026, 11, 2))
    recent = cases.completed()
    clock.set_local(date(2026, 12, 4))
    _ack_all(ws)
    report = ws.retention()
    assert report.cases == [] and report.applicants == 0
    for case_no in (still_open, recent):
        assert ws.cases.get(case_no).applicant["name"] == "张三"


def test_a_person_with_a_case_still_kept_stays_known(
        ws: Workspace, cases: Cases, clock: FakeClock) -> None:
    old = _closed_long_ago(cases, clock, n=7)
    recent = cases.completed(n=7)  # the same person came back this year
    _ack_all(ws)
    report = ws.retention()
    assert report.cases == [old] and report.applicants == 0
    assert ws.cases.get(old).applicant["name"] == ANONYMISED
    assert ws.cases.get(recent).applicant["name"] == "张三"
    with ws.store.read() as s:
        assert s.execute(select(Applicant.name)).scalars().all() == ["张三"]


def test_dry_run_reports_and_changes_nothing(
        ws: Workspace, cases: Cases, clock: FakeClock) -> None:
    case_no = _closed_long_ago(cases, clock)
    _ack_all(ws)
    report = ws.retention(dry_run=True)
    assert report.dry_run and report.cases == [case_no] and report.applicants == 1
    assert report.events == 0
    assert ws.cases.get(case_no).applicant["name"] == "张三"
    with ws.store.read() as s:
        assert s.execute(select(RetentionRun)).first() is None


def test_the_setting_and_the_matter_set_the_period(
        ws: Workspace, cases: Cases, clock: FakeClock) -> None:
    clock.set_local(date(2026, 9, 1))
    case_no = cases.completed()
    clock.set_local(date(2026, 12, 4))
    _ack_all(ws)
    assert ws.retention().cases == []  # 94 days < the default 730
    ws.settings.set(RETENTION_DAYS, 90)
    assert ws.retention(dry_run=True).cases == [case_no]
    # The catalog's period for the matter wins over the setting.
    ws.settings.set(RETENTION_DAYS, 30)
    matters = [m for m in ws.matters() if m.name == BIRTH]
    ws.import_matters([replace(matters[0], retention_days=365, version=matters[0].version + 1)],
                      source="tests")
    assert ws.retention(dry_run=True).cases == []


def test_scans_of_anonymised_cases_go_and_others_stay(
        ws: Workspace, cases: Cases, clock: FakeClock) -> None:
    clock.set_local(date(2023, 3, 6))
    case_no = cases.new(BIRTH)
    ws.cases.attach_scan(case_no, cases.needed(BIRTH)[0], PNG)
    ws.cases.accept(case_no)  # the verified document keeps the scan on file
    ws.cases.complete(case_no, rating=4)
    sha = ws.cases.get(case_no).materials.item(cases.needed(BIRTH)[0]).scans[0].sha256
    clock.set_local(date(2026, 12, 4))
    draft_scan = keep(ws.blobs, PNG + b"draft")  # a scan for an intake not saved yet
    _ack_all(ws)
    report = ws.retention()
    assert report.documents >= 1 and report.scans == 1
    assert not ws.blobs.path(sha).exists()
    assert ws.blobs.path(draft_scan.sha256).exists()
    with ws.store.read() as s:
        assert s.execute(select(DocumentOnFile)).first() is None
        assert verify(s).ok


def test_scrub_keeps_the_record_readable() -> None:
    payload: dict[str, Any] = {
        "applicant": {"id": "a1", "kind": "natural", "name": "王五", "id_type": "resident",
                             "id_no": "X", "mobile": "1", "address": "某路"},
               "agent": None, "form_data": {"family": "王六"},
               "checklist": [{"key": "id_card", "name": "居民身份证",
                              "scans": [{"sha256": "0" * 64}]}],
               "matter": {"name": "生育登记"}}
    out = scrub_payload(payload)
    assert out["applicant"] == {"id": "a1", "kind": "natural", "name": ANONYMISED,
                                "id_type": "resident", "id_no": "", "mobile": "",
                                "address": ""}
    assert out["form_data"] == {} and out["checklist"][0]["scans"] == []
    assert out["checklist"][0]["name"] == "居民身份证" and out["matter"]["name"] == "生育登记"
    assert payload["applicant"]["name"] == "王五"  # the input is not changed


def test_the_catalog_refuses_a_too_short_period() -> None:
    good = matter_to_dict(sample_matters()[0])
    text = json.dumps({"format": CATALOG_FORMAT, "version": CATALOG_VERSION,
                       "matters": [good | {"retention_days": 5}]})
    with pytest.raises(CatalogError) as err:
        parse_catalog(text, source_name="t.json")
    assert any((p.field or "").endswith("retention_days") for p in err.value.problems)
    ok = parse_catalog(json.dumps({"format": CATALOG_FORMAT, "version": CATALOG_VERSION,
                                   "matters": [good | {"retention_days": 400}]}),
                       source_name="t.json")
    assert ok[0].retention_days == 400
    assert matter_to_dict(ok[0])["retention_days"] == 400


def test_cli_reports_what_it_did(ws: Workspace, cases: Cases, clock: FakeClock,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    case_no = _closed_long_ago(cases, clock)
    _ack_all(ws)
    assert ws.data_dir is not None
    data_dir = str(ws.data_dir)
    assert cli(["--data-dir", data_dir, "retention", "run", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "试运行" in out and case_no in out
    assert cli(["--data-dir", data_dir, "--json", "retention", "run"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cases"] == [case_no] and data["applicants"] == 1
