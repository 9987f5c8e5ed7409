"""Appending many events in one transaction (a pull's page): the chain head is carried
instead of read back at every event, and a snapshot's reusable materials are worked out
once (clerk.cases.ledger.ChainHead, clerk.cases.service.reusable_materials)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.cases.audit import verify
from clerk.cases.events import Event
from clerk.cases.ledger import ChainHead, append_event, last_chain_hash, load_by_case_no
from clerk.cases.service import reusable_materials
from clerk.cases.states import EventType, Side
from clerk.catalog.loader import matter_to_dict
from clerk.store.models import CaseEvent
from clerk.workspace import Workspace
from tests.clerk.case_builder import REVIEWER, Cases
from tests.clerk.factories import DISTRICT, matter
from tests.conftest import FakeClock

IdFactory = Callable[..., str]


def _taken(ws: Workspace, case_no: str, s: Session, head: ChainHead | None) -> None:
    """The district takes the case up, stored as a pull stores it."""
    rec = load_by_case_no(s, case_no)
    append_event(s, rec, Event(
        event_id=str(uuid.uuid4()), case_id=rec.id, seq=rec.version + 1,
        type=EventType.TAKEN, payload={}, actor=REVIEWER, origin=Side.DISTRICT,
        occurred_at=ws.now()), sync_state="acked", head=head)


@pytest.fixture
def escalated(tws: Workspace, clock: FakeClock, id_factory: IdFactory) -> list[str]:
    cases = Cases(tws, clock, id_factory)
    return [cases.escalated(person=f"申请人{n}") for n in range(3)]


def test_a_carried_head_continues_the_chain_as_reading_it_would(
        tws: Workspace, escalated: list[str]) -> None:
    head = ChainHead()
    with tws.store.write() as s:
        before = last_chain_hash(s)
        _taken(tws, escalated[0], s, head)  # unknown: read once
        first = head.hash
        _taken(tws, escalated[1], s, head)
        rows = list(s.execute(select(CaseEvent.chain_prev, CaseEvent.chain_hash)
                              .order_by(CaseEvent.pos.desc()).limit(2)))
        assert head.hash == last_chain_hash(s)
    assert [tuple(r) for r in rows] == [(first, head.hash), (before, first)]
    with tws.store.read() as s:
        result = verify(s)
    assert result.ok, result.problem


def test_a_forgotten_head_is_read_again(tws: Workspace, escalated: list[str]) -> None:
    """Whoever appends without the head makes it forget: the next append reads the
    store's, and the chain stays whole."""
    head = ChainHead()
    with tws.store.write() as s:
        _taken(tws, escalated[0], s, head)
        _taken(tws, escalated[1], s, None)  # not through the head
        head.forget()
        _taken(tws, escalated[2], s, head)
    with tws.store.read() as s:
        assert verify(s).ok


def test_a_stale_head_would_break_the_chain_and_the_audit_says_so(
        tws: Workspace, escalated: list[str]) -> None:
    """Why `forget` matters: a head left behind by an append that did not move it."""
    head = ChainHead()
    with tws.store.write() as s:
        _taken(tws, escalated[0], s, head)
        _taken(tws, escalated[1], s, None)
        _taken(tws, escalated[2], s, head)  # stale
    with tws.store.read() as s:
        assert not verify(s).ok


def test_reusable_materials_are_worked_out_once_per_snapshot() -> None:
    snapshot = matter_to_dict(matter(DISTRICT))
    found = reusable_materials(snapshot)
    # Government-issued (tests.clerk.factories): ID card, hukou booklet, marriage cert.
    assert {k for k, reusable in found.items() if reusable} == {
        "id_card", "hukou_booklet", "marriage_cert"}
    assert found["application_form"] is False
    assert reusable_materials(snapshot) is found  # the same snapshot: not read again
    equal = matter_to_dict(matter(DISTRICT))
    assert reusable_materials(equal) == found and reusable_materials(equal) is not found
