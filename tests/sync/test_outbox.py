"""The outbox's request bodies: SQLite spells each event's wire JSON as it reads the row;
it must say exactly what the Python spelling (the hashed form) says."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import Text, select, text, type_coerce

from clerk.store.models import CaseEvent, SyncOutbox
from clerk.workspace import Workspace
from sync import outbox
from tests.conftest import station_migrations
from tests.districtkit import District, accepted_case, enroll_station, escalated_case
from wire.protocol import WireEvent

IdFactory = Callable[..., str]


def _python_spelling(ws: Workspace) -> dict[int, str]:
    with ws.store.read() as s:
        rows = s.execute(select(
            CaseEvent.pos, CaseEvent.event_id, CaseEvent.case_id, CaseEvent.seq,
            CaseEvent.type, type_coerce(CaseEvent.payload, Text).label("payload"),
            CaseEvent.actor, CaseEvent.origin, CaseEvent.occurred_at, CaseEvent.hash)).all()
    return {r.pos: outbox._wire_json(r) for r in rows}


def test_sqlite_spells_what_python_spells(sws: Workspace, id_factory: IdFactory) -> None:
    escalated_case(sws, id_factory(1))
    accepted_case(sws, id_factory(2))
    with sws.store.read() as s:
        items = outbox._pending(s, 0, 100)
    expected = _python_spelling(sws)
    assert len(items) == 5
    for it in items:
        assert json.loads(it.json) == json.loads(expected[it.pos])
        event = WireEvent.model_validate_json(it.json)  # what the district reads
        assert (event.event_id, event.case_id) == (it.event_id, it.case_id)
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", event.occurred_at)


def test_a_timestamp_stored_in_another_shape_is_spelled_in_python(
        sws: Workspace, id_factory: IdFactory) -> None:
    """A row whose stored time SQLite cannot respell (no fraction) still goes out in the
    hashed form, '.000000Z', and its neighbours keep the fast spelling."""
    accepted_case(sws, id_factory(1))
    with sws.store.write() as s:
        first = s.execute(select(CaseEvent.pos).order_by(CaseEvent.pos).limit(1)).scalar_one()
        s.execute(text("UPDATE case_events SET occurred_at = '2026-03-02 09:30:00' "
                       "WHERE pos = :pos"), {"pos": first})
    with sws.store.read() as s:
        items = outbox._pending(s, 0, 100)
    expected = _python_spelling(sws)
    assert items[0].pos == first and len(items) == 2
    assert b'"occurred_at":"2026-03-02T09:30:00.000000Z"' in items[0].json
    for it in items:
        assert json.loads(it.json) == json.loads(expected[it.pos])


def test_batches_follow_local_order_after_a_position(sws: Workspace,
                                                     id_factory: IdFactory) -> None:
    for n in range(1, 4):
        escalated_case(sws, id_factory(n))
    with sws.store.read() as s:
        first = outbox._pending(s, 0, 4)
        rest = outbox._pending(s, first[-1].pos, 100)
    positions = [it.pos for it in first + rest]
    assert positions == sorted(positions) and len(positions) == 9


def test_acknowledged_events_leave_the_outbox_and_read_as_acked(
        live: District, sws: Workspace, id_factory: IdFactory) -> None:
    """An acknowledgement deletes the outbox row (the event row is not rewritten); every
    reader then says acked, and the next round sends nothing again."""
    from clerk.cases import queries
    from sync import engine

    enroll_station(sws, live)
    record = escalated_case(sws, id_factory(1))
    accepted_case(sws, id_factory(2))
    assert engine.status(sws).pending == 5
    report = engine.sync_round(sws)
    assert report.ok and report.push.accepted == 5
    with sws.store.read() as s:
        assert s.execute(select(SyncOutbox)).first() is None
        assert outbox.counts(s) == {"pending": 0, "acked": 5, "rejected": 0}
        assert {e.sync_state for e in queries.case_timeline(s, record.id)} == {"acked"}
    again = engine.sync_round(sws)
    assert again.ok and again.push.sent == 0
    accepted_case(sws, id_factory(3))  # a new event joins the outbox as it is written
    with sws.store.read() as s:
        assert len(outbox._pending(s, 0, 100)) == 2
        assert outbox.counts(s)["pending"] == 2


def test_migration_0011_puts_exactly_the_unacknowledged_events_in_the_outbox(
        sws: Workspace, id_factory: IdFactory) -> None:
    """Down to 0010 the outbox's verdicts go back into the rows; up again, the outbox
    holds the events that were not acknowledged and nothing else."""
    from alembic import command


    acked = accepted_case(sws, id_factory(1)).id
    pending = accepted_case(sws, id_factory(2)).id
    with sws.store.write() as s:  # the district acknowledged the first case's events
        s.execute(text("DELETE FROM sync_outbox WHERE case_id = :c"), {"c": acked})
    cfg = station_migrations(sws.store.engine)
    command.downgrade(cfg, "0010_case_list_indexes")
    with sws.store.read() as s:
        states = dict(s.execute(text("SELECT case_id, group_concat(DISTINCT sync_state) "
                                     "FROM case_events GROUP BY case_id")).all())
    assert states == {acked: "acked", pending: "pending"}
    command.upgrade(cfg, "head")
    with sws.store.read() as s:
        assert set(s.execute(select(SyncOutbox.case_id)).scalars()) == {pending}
        assert outbox.counts(s) == {"pending": 2, "acked": 2, "rejected": 0}


class _LaneClient:
    """A district stand-in that answers slowly, so requests overlap, and checks what a
    push may never do: two requests in flight with events of one case, or a case's
    events out of order. `fail_case` answers a request carrying that case with a
    transport error."""

    def __init__(self, fail_case: str | None = None) -> None:
        import threading

        self.lock = threading.Lock()
        self.flying: list[set[str]] = []
        self.most = 0
        self.seqs: dict[str, int] = {}
        self.answered: set[str] = set()
        self.fail_case = fail_case

    def push_raw(self, body: bytes) -> Any:
        import time

        from apiclient.retry import TransportError
        from wire.protocol import EventResult, PushResponse, ResultStatus

        events = json.loads(body)["events"]
        cases = {e["case_id"] for e in events}
        with self.lock:
            assert all(not (cases & other) for other in self.flying)
            for e in events:
                assert e["seq"] == self.seqs.get(e["case_id"], 0) + 1
                self.seqs[e["case_id"]] = e["seq"]
            self.flying.append(cases)
            self.most = max(self.most, len(self.flying))
        time.sleep(0.02)
        with self.lock:
            self.flying.remove(cases)
            if self.fail_case in cases:
                raise TransportError("lost")
            self.answered |= {e["event_id"] for e in events}
        return PushResponse(results=[EventResult(event_id=e["event_id"],
                                                 status=ResultStatus.ACCEPTED)
                                     for e in events], note_results=[])


def _outbox_ids(ws: Workspace) -> set[str]:
    with ws.store.read() as s:
        return set(s.execute(select(CaseEvent.event_id).join(
            SyncOutbox, SyncOutbox.pos == CaseEvent.pos)).scalars())


def test_two_requests_fly_at_once_never_with_one_case_and_each_case_in_order(
        sws: Workspace) -> None:
    from clerk.generate.bulk_cases import populate

    total = populate(sws, 40)
    client = _LaneClient()
    report = outbox.push_events(sws, client, batch_size=10)  # type: ignore[arg-type]
    assert report.accepted == total and not _outbox_ids(sws)
    assert client.most == 2  # they did overlap
    assert all(seq == 3 for seq in client.seqs.values()) and len(client.seqs) == 40


def test_a_lost_request_beside_another_leaves_exactly_its_unanswered_events_pending(
        sws: Workspace) -> None:
    import pytest

    from apiclient.retry import TransportError
    from clerk.generate.bulk_cases import populate

    populate(sws, 40)
    with sws.store.read() as s:
        items = outbox._pending(s, 0, 1000)
    client = _LaneClient(fail_case=items[30].case_id)
    with pytest.raises(TransportError):
        outbox.push_events(sws, client, batch_size=10)  # type: ignore[arg-type]
    pending = _outbox_ids(sws)
    everything = {it.event_id for it in items}
    # Nothing the district did not answer left the outbox; the failed case's events stay.
    assert everything - pending <= client.answered
    assert {it.event_id for it in items if it.case_id == items[30].case_id} <= pending
