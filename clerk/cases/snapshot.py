"""A case's matter snapshot named by its content: the ref a created event may carry.

The ref is the sha256 of the snapshot's canonical JSON (the spelling both sides hash,
clerk.cases.events.canonical_bytes), so whoever holds a snapshot can check it is the one
an event names, and a snapshot sent once per request serves every case created under
that matter version (clerk.cases.event_forms, form ``matter_ref``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

from clerk.cases.events import Event, canonical_bytes
from clerk.cases.states import EventType

REF_PATTERN = re.compile(r"^[0-9a-f]{64}$")


def snapshot_ref(matter: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_bytes(matter)).hexdigest()


def named_ref(event: Event) -> str | None:
    """The snapshot ref a created event names (None: it carries its snapshot, or is not
    a created event)."""
    if event.type != EventType.CREATED or "matter" in event.payload:
        return None
    ref = event.payload.get("matter_ref")
    return ref if isinstance(ref, str) else None


def verified(snapshots: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The snapshots (ref -> snapshot) whose content is the one their ref names; the
    others are left out, so an event naming them finds no snapshot and is refused."""
    return {ref: data for ref, data in snapshots.items()
            if isinstance(data, dict) and REF_PATTERN.match(ref)
            and snapshot_ref(data) == ref}


def attached(event: Event, snapshots: Mapping[str, dict[str, Any]]) -> Event:
    """`event` with the snapshot it names attached (from `snapshots`, which hold only
    verified ones); any other event, or one whose snapshot is not there, as it is."""
    ref = named_ref(event)
    if ref is None or ref not in snapshots:
        return event
    return event.with_matter(snapshots[ref])


def with_record_matter(events: list[Event], matter: Mapping[str, Any] | None) -> list[Event]:
    """A case's stored events with the created one's snapshot taken from the case's own
    record (the snapshot never changes in a case's life), if it is the one named: a
    record whose snapshot was altered does not replay."""
    if not events or matter is None:
        return events
    first = events[0]
    ref = named_ref(first)
    if ref is None or not isinstance(matter, dict) or snapshot_ref(matter) != ref:
        return events
    return [first.with_matter(matter), *events[1:]]
