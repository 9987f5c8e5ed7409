"""What a station reads back: the pull feed, its ledger, its own cases."""

from __future__ import annotations

import contextlib
import json
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select, true
from sqlalchemy.orm import Session

from clerk.cases.states import EventType, Side
from district import snapshots
from district.models import LedgerEntry
from wire.protocol import (
    LedgerDay,
    LedgerResponse,
    PulledEvent,
    PulledNote,
    PullResponse,
    ledger_count,
)


def entry_to_event(r: LedgerEntry) -> PulledEvent:
    return PulledEvent(event_id=r.entry_id, case_id=r.case_id, seq=r.seq or 0,
                       type=EventType(r.type), payload=json.loads(r.payload), actor=r.actor,
                       origin=Side(r.origin),
                       occurred_at=r.occurred_at, hash=r.hash, pos=r.pos)


def entry_to_note(r: LedgerEntry) -> PulledNote:
    text = str(json.loads(r.payload).get("text", ""))
    return PulledNote(note_id=r.entry_id, case_id=r.case_id, text=text,
                      author=r.actor, origin=Side(r.origin),
                      occurred_at=r.occurred_at, hash=r.hash, pos=r.pos)


def pull(s: Session, station_code: str, cursor: int, limit: int, *,
         device_no: int | None = None) -> PullResponse:
    """The events and notes of this station's cases after `cursor`, in order: the
    district's, and those the station's other devices pushed (every counter of a station
    sees the station's cases). The calling device's own entries are left out; entries
    pushed before devices were numbered (no device) are included: a device already
    holding them skips them by id."""
    others = or_(LedgerEntry.origin == "district", LedgerEntry.device_no.is_(None),
                 LedgerEntry.device_no != device_no) if device_no is not None else true()
    # The cursor moves past the caller's own entries too, else every later pull would
    # step over all of them again (30,000 after a big push: 40 ms per idle round on
    # SQLite). Positions commit in order (db.FEED_LOCK), so every entry up to the
    # station's newest position seen first is there for the second statement as well.
    newest = s.execute(select(func.max(LedgerEntry.pos))
                       .where(LedgerEntry.station_code == station_code)).scalar()
    if newest is None or newest <= cursor:
        return PullResponse(events=[], notes=[], next_cursor=cursor, more=False)
    rows = list(s.execute(
        select(LedgerEntry)
        .where(LedgerEntry.station_code == station_code, LedgerEntry.pos > cursor,
               LedgerEntry.pos <= newest, others)
        .order_by(LedgerEntry.pos).limit(limit + 1)).scalars())
    more = len(rows) > limit
    rows = rows[:limit]
    events = [entry_to_event(r) for r in rows if r.kind == "event"]
    notes = [entry_to_note(r) for r in rows if r.kind == "note"]
    return PullResponse(events=events, notes=notes, snapshots=_named_snapshots(s, events),
                        next_cursor=rows[-1].pos if more else newest, more=more)


def _named_snapshots(s: Session, events: list[PulledEvent]) -> dict[str, dict[str, Any]]:
    """The snapshots the page's created events name by `matter_ref` (form matter_ref)."""
    refs = {str(e.payload["matter_ref"]) for e in events
            if e.type == EventType.CREATED and "matter" not in e.payload
            and isinstance(e.payload.get("matter_ref"), str)}
    found: dict[str, dict[str, Any]] = {}
    for ref in sorted(refs):  # one by one: a ref the district lacks is left out
        with contextlib.suppress(LookupError):
            found.update(snapshots.load(s, [ref]))
    return found


def ledger(s: Session, station_code: str) -> LedgerResponse:
    """Per Beijing day: the count and fingerprint of the station's events held here."""
    ids: dict[tuple[date, str], list[str]] = defaultdict(list)
    for day, origin, entry_id in s.execute(
            select(LedgerEntry.day, LedgerEntry.origin, LedgerEntry.entry_id)
            .where(LedgerEntry.station_code == station_code, LedgerEntry.kind == "event")):
        ids[(day, origin)].append(entry_id)
    days = sorted({d for d, _ in ids})
    return LedgerResponse(station_code=station_code, days=[
        LedgerDay(day=d, station=ledger_count(ids.get((d, "station"), [])),
                  district=ledger_count(ids.get((d, "district"), [])))
        for d in days])
