"""Scans travel before the events that cite them; a missing scan holds back only its case."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from clerk.applicants import PersonInput
from clerk.cases.service import MaterialChanges
from clerk.workspace import Workspace
from sync import engine
from tests.districtkit import District, accepted_case, enroll_station

IdFactory = Callable[..., str]
PNG = b"\x89PNG\r\n\x1a\n" + b"scan of a hukou booklet" * 20


def attach_scan(ws: Workspace, case_no: str, item: int = 1) -> str:
    """Attach the scan to one material of the case, as the counter does; its sha256."""
    key = ws.cases.get(case_no).checklist[item]["key"]
    ws.cases.attach_scan(case_no, key, PNG)
    return hashlib.sha256(PNG).hexdigest()


def draft(ws: Workspace, id_no: str) -> str:
    return ws.cases.new_case(matter_code="T-DISTRICT-001",
                             applicant=PersonInput(name="李四", id_no=id_no)).case_no


def test_scan_is_uploaded_before_the_event(live: District, sws: Workspace,
                                           id_factory: IdFactory) -> None:
    enroll_station(sws, live)
    case_no = draft(sws, id_factory(1))
    sha = attach_scan(sws, case_no)
    report = engine.sync_round(sws)
    assert report.ok and report.blobs.uploaded == 1 and report.push.accepted == 2
    token = engine.stored_token(sws)
    got = live.get(f"/blobs/{sha}", token)
    assert got.status_code == 200 and got.content == PNG
    # Cited again later (by another material): already on the district, not sent again.
    attach_scan(sws, case_no, item=0)
    again = engine.sync_round(sws)
    assert again.blobs.uploaded == 0 and again.blobs.already == 1
    assert again.push.accepted == 1


def test_missing_scan_holds_back_only_its_case(live: District, sws: Workspace,
                                               id_factory: IdFactory) -> None:
    enroll_station(sws, live)
    store = sws.blobs
    a = draft(sws, id_factory(1))
    sha = attach_scan(sws, a)
    sws.cases.update_materials(a, MaterialChanges(received=["id_card"]))
    b = accepted_case(sws, id_factory(2))
    store.path(sha).unlink()  # the file went missing before the round
    report = engine.sync_round(sws)
    assert report.ok
    assert report.push.held_back == 2  # case a's scan event and the one after it
    assert report.push.accepted == 3  # case a's creation (before the scan), case b
    assert sha in report.blobs.failed
    st = engine.status(sws)
    assert st.pending == 2 and st.rejected == []
    token = engine.stored_token(sws)
    assert live.get(f"/station/cases/{b.id}", token).json()["version"] == 2
    # Once the scan is back, the held events follow in order.
    store.put(PNG)
    report = engine.sync_round(sws)
    assert report.blobs.uploaded == 1 and report.push.accepted == 2
    assert engine.status(sws).pending == 0
