"""Events carry checklist items slim (the case's own fields); whoever applies them joins
them with the case's matter snapshot and gets exactly the items the full form gave."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from clerk import settings
from clerk.cases.checklist import Checklist, ItemStatus, Scan, initial_checklist
from clerk.cases.event_checklist import CATALOG_FIELDS, full_rows, slim_payload, slim_rows
from clerk.cases.events import Event
from clerk.cases.projection import apply_event, replay
from clerk.cases.service import stored_event
from clerk.cases.states import EventType, Side
from clerk.catalog import matter_from_dict, matter_to_dict
from clerk.errors import StateError
from clerk.options import SYNC_EVENT_FORMS
from clerk.store.models import CaseEvent
from clerk.workspace import Workspace
from tests.clerk.case_builder import DIBAO, Cases


def _matter(ws: Workspace) -> dict[str, Any]:
    return matter_to_dict(next(m for m in ws.matters() if m.name == DIBAO))


def _varied(matter: dict[str, Any]) -> list[dict[str, Any]]:
    """A checklist with every kind of case-own field set on some item."""
    checklist = initial_checklist(matter_from_dict(matter).materials)
    items = list(checklist.items)
    deferrable = next(i for i in items if i.necessity == "deferrable")
    required = [i for i in items if i.necessity == "required"]
    checklist = checklist.with_status(deferrable.key, ItemStatus.DEFERRED,
                                      promise_date=date(2026, 4, 1))
    checklist = checklist.with_status(required[0].key, ItemStatus.ON_FILE, document_id="doc-1")
    checklist = checklist.with_status(required[1].key, ItemStatus.RECEIVED)
    checklist = checklist.with_scans(required[1].key, [Scan("ab" * 32, "image/png")])
    return checklist.supplemented([deferrable.key], date(2026, 3, 20)).to_list()


def test_slim_items_carry_only_the_case_own_fields_and_join_back_exactly(
        ws: Workspace) -> None:
    matter = _matter(ws)
    rows = _varied(matter)
    slim = slim_rows(rows, matter)
    assert all(not set(CATALOG_FIELDS) & set(r) for r in slim)
    assert full_rows(slim, matter, "accepted") == rows
    assert [list(r) for r in full_rows(slim, matter, "accepted")] == [list(r) for r in rows]
    assert Checklist.from_list(full_rows(slim, matter, "accepted")) == Checklist.from_list(rows)


def test_an_item_the_snapshot_does_not_describe_as_it_reads_stays_full(ws: Workspace) -> None:
    matter = _matter(ws)
    rows = _varied(matter)
    rows[0] = {**rows[0], "name": "另一个名称"}
    rows.append({**rows[1], "key": "not_in_the_matter"})
    slim = slim_rows(rows, matter)
    assert slim[0] == rows[0] and slim[-1] == rows[-1]
    assert "name" not in slim[1]
    assert full_rows(slim, matter, "notice_issued") == rows


def test_a_slim_item_cannot_override_what_the_catalog_says(ws: Workspace) -> None:
    matter = _matter(ws)
    slim = slim_rows(_varied(matter), matter)
    forged = [{**slim[0], "necessity": "optional"}, *slim[1:]]
    joined = full_rows(forged, matter, "accepted")
    assert joined[0]["necessity"] == _varied(matter)[0]["necessity"] != "optional"


@pytest.mark.parametrize("checklist", [
    [{"key": "no_such_material", "status": "received", "original_count": 1, "copy_count": 0}],
    "not a list", [["key"]], [{"status": "received"}],
])
def test_a_malformed_or_foreign_checklist_is_refused_worded(ws: Workspace,
                                                             checklist: Any) -> None:
    with pytest.raises(StateError) as err:
        full_rows(checklist, _matter(ws), "materials_updated")
    assert err.value.code == "event.payload"


def test_old_full_events_and_new_slim_events_make_the_same_record(ws: Workspace) -> None:
    matter = _matter(ws)
    rows = _varied(matter)
    at = datetime(2026, 3, 2, 2, tzinfo=UTC)
    created = {"case_no": "X-1", "station_code": "S1", "matter": matter,
               "applicant": {"id": "a", "name": "张三"}, "agent": None, "form_data": {},
               "checklist": rows}
    update = {"checklist": rows}

    def events(slim: bool) -> list[Event]:
        payloads = [created, update]
        if slim:
            payloads = [slim_payload(p, matter) for p in payloads]
        types = [EventType.CREATED, EventType.MATERIALS_UPDATED]
        return [Event(event_id=f"e{k}", case_id="c", seq=k + 1, type=t, payload=p,
                      actor="clerk", origin=Side.STATION, occurred_at=at).sealed()
                for k, (t, p) in enumerate(zip(types, payloads, strict=True))]

    slim = events(True)
    assert "name" not in slim[1].payload["checklist"][0]
    assert replay(slim).to_dict() == replay(events(False)).to_dict()


def _stored(ws: Workspace, case_id: str) -> list[Event]:
    with ws.store.read() as s:
        return [stored_event(r) for r in s.execute(select(CaseEvent).where(
            CaseEvent.case_id == case_id).order_by(CaseEvent.seq)).scalars()]


@pytest.mark.parametrize("forms", ["", "slim_checklist"])
def test_the_service_writes_slim_events_once_allowed_and_the_record_reads_as_before(
        ws: Workspace, cases: Cases, forms: str) -> None:
    with ws.store.write() as s:  # what the district said at the last who-am-I
        settings.write(s, SYNC_EVENT_FORMS, forms)
    case_no = cases.accepted(DIBAO)
    rec = ws.cases.get(case_no)
    stored = _stored(ws, rec.id)
    with_checklists = [ev for ev in stored if "checklist" in ev.payload]
    assert [ev.type for ev in with_checklists] == [EventType.CREATED, EventType.ACCEPTED]
    for ev in with_checklists:
        assert all(("name" in item) is (not forms) for item in ev.payload["checklist"])
    assert all("name" in item for item in rec.checklist)
    assert replay(stored).to_dict() == rec.to_dict()
    one = apply_event(None, stored[0])
    assert one.checklist == full_rows(stored[0].payload["checklist"], rec.matter, "created")
