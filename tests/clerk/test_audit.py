"""The hash chain and projections detect tampering with history."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import text

from clerk.applicants import PersonInput
from clerk.cases.audit import verify
from clerk.cases.service import MaterialChanges
from clerk.workspace import Workspace
from tests.clerk.factories import ALL_NEEDED, DISTRICT


def _history(ws: Workspace, ids: Callable[..., str]) -> str:
    for n in (1, 2):
        rec = ws.cases.new_case(matter_code=DISTRICT,
                                applicant=PersonInput(name=f"申请人{n}", id_no=ids(n)),
                                changes=MaterialChanges(received=["id_card"]))
        ws.cases.issue_notice(rec.case_no)
    ws.cases.update_materials(rec.case_no, MaterialChanges(received=ALL_NEEDED))
    ws.cases.accept(rec.case_no)
    return rec.case_no


def _verify(ws: Workspace):  # type: ignore[no-untyped-def]
    with ws.store.read() as s:
        return verify(s)


def _sql(ws: Workspace, statement: str) -> None:
    with ws.store.write() as s:
        s.execute(text(statement))


def test_intact_history_verifies(tws: Workspace, id_factory: Callable[..., str]) -> None:
    _history(tws, id_factory)
    result = _verify(tws)
    assert result.ok and result.events == 6 and result.cases == 2


def test_edited_payload_detected(tws: Workspace, id_factory: Callable[..., str]) -> None:
    _history(tws, id_factory)
    _sql(tws, "UPDATE case_events SET payload = json_set(payload, '$.reason', 'x') WHERE pos = 3")
    result = _verify(tws)
    assert not result.ok and result.position == 3 and "内容" in result.problem


def test_deleted_event_detected(tws: Workspace, id_factory: Callable[..., str]) -> None:
    _history(tws, id_factory)
    _sql(tws, "DELETE FROM case_events WHERE pos = 2")
    result = _verify(tws)
    assert not result.ok and "哈希链" in result.problem and result.position == 2


def test_rehashed_forgery_still_breaks_chain(tws: Workspace,
                                             id_factory: Callable[..., str]) -> None:
    """Recomputing the edited event's own hash does not help: the chain still breaks."""
    _history(tws, id_factory)
    with tws.store.write() as s:
        from clerk.cases.service import stored_event
        from clerk.store.models import CaseEvent

        row = s.get(CaseEvent, 2)
        assert row is not None
        row.actor = "someone-else"
        row.hash = stored_event(row).content_hash()
    result = _verify(tws)
    assert not result.ok and "哈希链" in result.problem


def test_edited_case_row_detected(tws: Workspace, id_factory: Callable[..., str]) -> None:
    case_no = _history(tws, id_factory)
    _sql(tws, f"UPDATE cases SET state = 'completed' WHERE case_no = '{case_no}'")
    result = _verify(tws)
    assert not result.ok and case_no in result.problem
