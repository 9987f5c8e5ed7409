"""全区通办 from the station's side, against the real district app over HTTP: an unknown
number is recalled masked, the full record is kept on file with the documents verified
elsewhere, and an unreachable or unknown district falls back to the station alone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests

from clerk.applicants import PersonInput
from clerk.cases.service import MaterialChanges
from clerk.validation import mask_id_no
from clerk.workspace import Workspace
from sync import engine
from sync.recall import recall_person, reveal_person
from tests.clerk.factories import ALL_NEEDED, DISTRICT, sample_matters
from tests.conftest import ADMIN, FakeClock, copy_template
from tests.districtkit import (
    District,
    ThreadedServer,
    enroll_station,
    make_app,
)

IdFactory = Callable[..., str]
MOBILE = "13900000088"  # synthetic


@pytest.fixture
def counter_one(tmp_path: Path, station_template: Path, clock: FakeClock
                ) -> Iterator[Workspace]:
    """Another counter PC of the station, where the person was served before."""
    folder = copy_template(station_template, tmp_path / "counter-one")
    w = Workspace.open(folder, clock=clock)
    w.import_matters(sample_matters(), source="tests")
    yield w
    w.close()


def served_before(live: District, ws: Workspace, id_no: str) -> None:
    """Window 5 of the station accepted a case of the person and synced it."""
    engine.enroll(ws, live.base, live.station(), device_no=5)
    rec = ws.cases.new_case(matter_code=DISTRICT,
                            applicant=PersonInput(name="李四", id_no=id_no, mobile=MOBILE),
                            changes=MaterialChanges(received=ALL_NEEDED))
    ws.cases.accept(rec.case_no)
    assert engine.sync_round(ws).outcome == "done"


def test_recall_then_reveal_keeps_the_person_and_their_documents(
        live: District, sws: Workspace, counter_one: Workspace, id_factory: IdFactory) -> None:
    id_no = id_factory(21)
    served_before(live, counter_one, id_no)
    enroll_station(sws, live)
    assert sws.applicants.lookup(id_no, live.clock().date())[0] is None
    found = recall_person(sws, id_no, "resident_id", ADMIN)
    assert found.found and found.record is not None and found.record.masked
    assert (found.record.name, found.record.id_no) == ("李*", mask_id_no(id_no))
    assert {d.material_key for d in found.record.documents} == {"id_card", "hukou_booklet"}
    assert sws.applicants.lookup(id_no, live.clock().date())[0] is None  # masked: not kept
    person, docs = reveal_person(sws, id_no, "resident_id", ADMIN, "核对身份后办理")
    assert (person.name, person.id_no, person.mobile) == ("李四", id_no, MOBILE)
    assert set(docs) == {"id_card", "hukou_booklet"}
    assert docs["id_card"].verified_by == "海淀区测试社区便民服务站"
    assert docs["id_card"].verified_at.isoformat().startswith("2026-03-02T02:00")
    # Now a local lookup has them; a second reveal adds nothing twice.
    again, docs_again = reveal_person(sws, id_no, "resident_id", ADMIN, "再次核对")
    assert again.id == person.id and docs_again == docs
    assert sws.applicants.lookup(id_no, live.clock().date())[1] == docs
    assert len(sws.applicants.file(person.id, None).documents) == 2


def test_an_unknown_person_is_not_found_and_nothing_is_kept(
        live: District, sws: Workspace, id_factory: IdFactory) -> None:
    enroll_station(sws, live)
    found = recall_person(sws, id_factory(22), "resident_id", ADMIN)
    assert found.record is not None and not found.found and found.error is None
    with pytest.raises(Exception, match="没有这个人的记录"):
        reveal_person(sws, id_factory(22), "resident_id", ADMIN, "核对身份")
    assert sws.applicants.search(id_factory(22)) == []


def test_offline_or_not_enrolled_falls_back_to_the_station(
        sqlite_url: str, sws: Workspace, clock: FakeClock, id_factory: IdFactory) -> None:
    not_enrolled = recall_person(sws, id_factory(23), "resident_id", ADMIN)
    assert not not_enrolled.enrolled and not_enrolled.record is None
    app = make_app(sqlite_url, clock=clock)
    with ThreadedServer(app) as server, requests.Session() as http:
        enroll_station(sws, District(url=sqlite_url, base=server.base, app=app,
                                     clock=clock, http=http))
        assert recall_person(sws, id_factory(23), "resident_id", ADMIN).error is None
    app.state.ctx.db.close()
    # The server is gone: the answer is a note, not an exception, and comes at once.
    gone = recall_person(sws, id_factory(23), "resident_id", ADMIN)
    assert gone.enrolled and gone.record is None and gone.error is not None
    assert type(gone.error).__name__ == "TransportError"
