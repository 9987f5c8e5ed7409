"""The wire rules both sides rely on: one hash spelling, strict requests, tolerant replies."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from clerk.cases.events import Event, canonical_json, parse_utc
from clerk.cases.states import EventType, Side
from clerk.workspace import Workspace
from tests.districtkit import escalated_case
from wire.protocol import (
    PushResponse,
    WireEvent,
    blob_refs,
    event_hash_parts,
    note_hash,
)

IdFactory = Callable[..., str]


@pytest.mark.parametrize("payload", [
    {}, {"text": "含\"引号\"和\\反斜杠\n换行 \u2028 emoji 🎉"}, {"b": 1, "a": [1.5, None, True]},
    {"nested": {"z": {"y": "x"}, "a": []}},
])
@pytest.mark.parametrize("actor", ["王\"窗口\"", "tab\there \x01\x1f\\ \u2028 🎉"])
def test_one_pass_hash_equals_the_domain_hash(payload: dict[str, object], actor: str) -> None:
    ev = Event(event_id=str(uuid.uuid4()), case_id=str(uuid.uuid4()), seq=7,
               type=EventType.COMMENTED, payload=payload, actor=actor,
               origin=Side.STATION, occurred_at=datetime(2026, 3, 2, 1, 2, 3, 45, tzinfo=UTC))
    wire = WireEvent.of(ev.sealed())
    assert event_hash_parts(ev.event_id, ev.case_id, ev.seq, ev.type.value,
                            canonical_json(payload), ev.actor, ev.origin.value,
                            wire.occurred_at) == ev.content_hash()
    assert wire.computed_hash() == ev.content_hash() == wire.hash
    assert parse_utc(wire.occurred_at) == ev.occurred_at
    assert wire.event(wire.hash).content_hash() == ev.content_hash()


def test_real_events_round_trip(sws: Workspace, id_factory: IdFactory) -> None:
    rec = escalated_case(sws, id_factory(1))
    for ev in sws.cases.timeline(rec.case_no):
        wire = WireEvent.model_validate_json(WireEvent.of(ev).model_dump_json())
        assert wire.computed_hash() == ev.hash


def test_requests_are_strict_and_replies_tolerant() -> None:
    with pytest.raises(ValidationError):
        WireEvent.model_validate_json('{"event_id": 1}')
    reply = PushResponse.model_validate_json(
        '{"results": [{"event_id": "x", "status": "accepted", "future_field": 1}],'
        ' "also_new": true}')
    assert reply.results[0].status == "accepted"


def test_blob_refs_and_note_hash() -> None:
    sha = "ab" * 32
    payload = {"checklist": [{"key": "id_card", "scans": [{"sha256": sha}]},
                             {"sha256": "not-a-hash"}]}
    assert blob_refs(payload) == {sha}
    a = note_hash("n", "c", "text", "who", "station", "2026-03-02T01:00:00.000000Z")
    assert a != note_hash("n", "c", "text!", "who", "station", "2026-03-02T01:00:00.000000Z")


def test_an_event_with_nul_in_its_actor_is_refused(sws: Workspace, id_factory: IdFactory
                                                   ) -> None:
    ev = sws.cases.timeline(escalated_case(sws, id_factory(1)).case_no)[0]
    wire = WireEvent.of(ev).model_dump(mode="json")
    WireEvent.model_validate_json(json.dumps(wire))
    for field, bad in (("actor", "ad\x00min"), ("event_id", wire["event_id"][:-1] + "\x00")):
        with pytest.raises(ValidationError, match=r"NUL|pattern"):
            WireEvent.model_validate_json(json.dumps({**wire, field: bad}))
