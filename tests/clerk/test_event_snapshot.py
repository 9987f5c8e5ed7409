"""A created event may name its matter snapshot by ref instead of carrying it (form
matter_ref); whoever applies it attaches the snapshot after checking it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select, update

from clerk import settings
from clerk.cases.audit import verify
from clerk.cases.event_forms import MATTER_REF, READS, SLIM_CHECKLIST
from clerk.cases.events import Event
from clerk.cases.ledger import replay_stored
from clerk.cases.projection import apply_event
from clerk.cases.service import stored_event
from clerk.cases.snapshot import attached, snapshot_ref, verified, with_record_matter
from clerk.cases.states import EventType, Side
from clerk.errors import StateError
from clerk.options import SYNC_EVENT_FORMS
from clerk.store.models import Case, CaseEvent
from clerk.workspace import Workspace
from tests.clerk.case_builder import DIBAO, Cases
from tests.conftest import FakeClock


def _forms(ws: Workspace, *forms: str) -> None:
    with ws.store.write() as s:
        settings.write(s, SYNC_EVENT_FORMS, ",".join(forms))


def _stored(ws: Workspace, case_id: str) -> list[Event]:
    with ws.store.read() as s:
        return [stored_event(r) for r in s.execute(select(CaseEvent).where(
            CaseEvent.case_id == case_id).order_by(CaseEvent.seq)).scalars()]


@pytest.mark.parametrize("forms", [(MATTER_REF,), READS])
def test_the_created_event_names_its_snapshot_and_the_record_holds_it(
        ws: Workspace, cases: Cases, forms: tuple[str, ...]) -> None:
    _forms(ws, *forms)
    rec = ws.cases.get(cases.accepted(DIBAO))
    created = _stored(ws, rec.id)[0]
    assert "matter" not in created.payload
    assert created.payload["matter_ref"] == snapshot_ref(rec.matter)
    assert rec.matter["name"] == DIBAO and rec.matter["materials"]
    assert all(("name" in item) is (SLIM_CHECKLIST not in forms)
               for item in created.payload["checklist"])
    with ws.store.read() as s:
        assert replay_stored(s, rec.id, _stored(ws, rec.id)).to_dict() == rec.to_dict()
        assert verify(s).ok


def test_a_named_snapshot_that_is_not_attached_is_refused_worded(
        ws: Workspace, cases: Cases) -> None:
    _forms(ws, *READS)
    rec = ws.cases.get(cases.accepted(DIBAO))
    created = _stored(ws, rec.id)[0]
    with pytest.raises(StateError) as err:
        apply_event(None, created)
    assert err.value.code == "event.snapshot" and "事项快照" in err.value.message
    other = {**rec.matter, "name": "别的事项"}
    # Only a snapshot whose content is the ref's is attached.
    assert verified({created.payload["matter_ref"]: other}) == {}
    assert attached(created, {}).matter is None
    assert with_record_matter([created], other)[0].matter is None
    assert apply_event(None, attached(created, verified(
        {created.payload["matter_ref"]: rec.matter}))).matter == rec.matter


def test_an_altered_snapshot_in_the_case_row_fails_the_audit(
        ws: Workspace, cases: Cases) -> None:
    _forms(ws, *READS)
    rec = ws.cases.get(cases.accepted(DIBAO))
    data: dict[str, Any] = {**rec.to_dict(), "matter": {**rec.matter, "legal_limit_days": 1}}
    with ws.store.write() as s:
        s.execute(update(Case).where(Case.id == rec.id).values(data=data))
    with ws.store.read() as s:
        result = verify(s)
    assert not result.ok and rec.case_no in (result.problem or "")


def test_an_old_created_event_with_its_snapshot_inline_still_applies(ws: Workspace,
                                                                       cases: Cases) -> None:
    rec = ws.cases.get(cases.accepted(DIBAO))  # no forms heard: the full form
    created = _stored(ws, rec.id)[0]
    assert created.payload["matter"] == rec.matter and "matter_ref" not in created.payload
    at = datetime(2026, 3, 2, tzinfo=UTC)
    bare = Event(event_id="e", case_id="c", seq=1, type=EventType.CREATED,
                 payload={k: v for k, v in created.payload.items() if k != "matter"},
                 actor="a", origin=Side.STATION, occurred_at=at)
    with pytest.raises(StateError) as err:  # neither the snapshot nor a ref
        apply_event(None, bare)
    assert err.value.code == "event.payload"


def test_retention_anonymises_a_case_whose_created_event_names_its_snapshot(
        ws: Workspace, cases: Cases, clock: FakeClock) -> None:
    _forms(ws, *READS)
    clock.set_local(date(2023, 3, 6))
    case_no = cases.completed()
    clock.set_local(date(2026, 12, 4))
    with ws.store.write() as s:  # the district acknowledged everything
        s.execute(update(CaseEvent).values(sync_state="acked"))
    report = ws.retention()
    assert report.cases == [case_no]
    rec = ws.cases.get(case_no)
    assert rec.applicant["id_no"] == "" and rec.matter["materials"]
    with ws.store.read() as s:
        assert verify(s).ok
