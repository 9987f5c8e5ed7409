"""Scans travel before the events that cite them; a missing scan holds back only its case."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable

from clerk.applicants import PersonInput
from clerk.cases.events import Event
from clerk.cases.ledger import append_event, load_by_case_no
from clerk.cases.service import MaterialChanges
from clerk.cases.states import EventType, Side
from clerk.workspace import Workspace
from sync import credentials, engine
from sync.blobs import LocalBlobs
from tests.districtkit import District, accepted_case, enroll_station

IdFactory = Callable[..., str]
PNG = b"\x89PNG\r\n\x1a\n" + b"scan of a hukou booklet" * 20


def attach_scan(ws: Workspace, case_no: str, sha256: str) -> None:
    """Record a scan on a checklist item (as the scanning UI will)."""
    with ws.store.write() as s:
        rec = load_by_case_no(s, case_no)
        checklist = copy.deepcopy(rec.checklist)
        checklist[1]["scans"] = [{"sha256": sha256, "media_type": "image/png"}]
        append_event(s, rec, Event(
            event_id=str(uuid.uuid4()), case_id=rec.id, seq=rec.version + 1,
            type=EventType.MATERIALS_UPDATED, payload={"checklist": checklist}, actor="admin",
            origin=Side.STATION, occurred_at=ws.now()))


def draft(ws: Workspace, id_no: str) -> str:
    return ws.cases.new_case(matter_code="T-DISTRICT-001",
                             applicant=PersonInput(name="李四", id_no=id_no)).case_no


def test_scan_is_uploaded_before_the_event(live: District, sws: Workspace,
                                           id_factory: IdFactory) -> None:
    enroll_station(sws, live)
    sha = LocalBlobs.of(sws).put(PNG)
    case_no = draft(sws, id_factory(1))
    attach_scan(sws, case_no, sha)
    report = engine.sync_round(sws)
    assert report.ok and report.blobs.uploaded == 1 and report.push.accepted == 2
    token = credentials.load_token(live.base)
    got = live.get(f"/blobs/{sha}", token)
    assert got.status_code == 200 and got.content == PNG
    # Cited again later: already on the district, not sent again.
    attach_scan(sws, case_no, sha)
    again = engine.sync_round(sws)
    assert again.blobs.uploaded == 0 and again.blobs.already == 1
    assert again.push.accepted == 1


def test_missing_scan_holds_back_only_its_case(live: District, sws: Workspace,
                                               id_factory: IdFactory) -> None:
    enroll_station(sws, live)
    store = LocalBlobs.of(sws)
    sha = store.put(PNG)
    a = draft(sws, id_factory(1))
    attach_scan(sws, a, sha)
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
    token = credentials.load_token(live.base)
    assert live.get(f"/station/cases/{b.id}", token).json()["version"] == 2
    # Once the scan is back, the held events follow in order.
    store.put(PNG)
    report = engine.sync_round(sws)
    assert report.blobs.uploaded == 1 and report.push.accepted == 2
    assert engine.status(sws).pending == 0
