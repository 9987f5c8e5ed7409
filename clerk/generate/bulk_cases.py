"""Cases in bulk: valid events, projections and hash chain, exactly what CaseService would
write, without one transaction per event. The sync tests and the sync benchmarks use it
to fill a station with thousands of accepted (and escalated) cases in seconds.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select

from clerk.cases.checklist import initial_checklist
from clerk.cases.event_checklist import slim_rows
from clerk.cases.event_forms import MATTER_REF, SLIM_CHECKLIST
from clerk.cases.events import Event, chain_hash
from clerk.cases.ledger import last_chain_hash
from clerk.cases.projection import apply_event
from clerk.cases.record import CaseRecord
from clerk.cases.service import MaterialChanges, apply_changes, event_forms
from clerk.cases.snapshot import snapshot_ref
from clerk.cases.states import EventType, Side
from clerk.catalog import matter_to_dict
from clerk.catalog_store import active_matters
from clerk.generate.stations import applicant_ids
from clerk.ids import new_id
from clerk.store.models import Applicant, Case, CaseEvent, Counter
from clerk.workspace import Workspace


def _district_matter(ws: Workspace) -> dict[str, Any]:
    with ws.store.read() as s:
        for m in active_matters(s):
            if m.handling_level.value == "district" and m.case_kind.value == "committed":
                return matter_to_dict(m)
    raise RuntimeError("no district-level matter in the station's catalog")


def _naive(moment: datetime | None) -> datetime | None:
    return moment.astimezone(UTC).replace(tzinfo=None) if moment is not None else None


def populate(ws: Workspace, n: int, *, day: date = date(2026, 3, 2),
             escalate: bool = True, device: int | None = None) -> int:
    """Add `n` accepted (and escalated) district-level cases; returns the events written.
    With `device` (a window number) the numbers carry it (`…-DDNNNN`, at most 9,999)."""
    matter = _district_matter(ws)
    station = ws.station()
    assert station is not None
    from clerk.catalog import matter_from_dict

    checklist = initial_checklist(matter_from_dict(matter).materials)
    needed = [i.key for i in checklist.items if i.needed]
    full = apply_changes(checklist, MaterialChanges(received=needed)).to_list()
    stamp = day.strftime("%Y%m%d")
    base = datetime(day.year, day.month, day.day, 1, tzinfo=UTC)
    applicants: list[dict[str, Any]] = []
    cases: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    with ws.store.write() as s:
        # Continue the deterministic enumeration after the applicants already there.
        known = int(s.execute(select(func.count()).select_from(Applicant)).scalar_one())
        forms = event_forms(s)  # events as CaseService writes them
        if SLIM_CHECKLIST in forms:
            full = slim_rows(full, matter)
        # The created event carries its matter, or names it (the snapshot stays beside).
        carried = {"matter_ref": snapshot_ref(matter)} if MATTER_REF in forms \
            else {"matter": matter}
        ids = applicant_ids(known + n + 64)[known:known + n]
        start = int(s.execute(select(Counter.value).where(Counter.scope == f"case:{stamp}")
                              ).scalar() or 0)
        prev = last_chain_hash(s)
        for k in range(n):
            at = base + timedelta(seconds=k)
            applicant = {"id": new_id(), "kind": "natural", "name": f"申请人{k}",
                         "id_type": "resident_id", "id_no": ids[k], "mobile": "",
                         "address": "", "legal_rep": ""}
            applicants.append({**{x: applicant[x] for x in ("id", "kind", "name", "id_type",
                                                            "id_no", "mobile", "address",
                                                            "legal_rep")},
                               "sex": None, "birth_date": None, "hukou_area": "",
                               "contact": "", "created_at": _naive(at),
                               "updated_at": _naive(at)})
            case_id = new_id()
            no = start + k + 1
            payloads: list[tuple[EventType, dict[str, Any]]] = [
                (EventType.CREATED, {
                    "case_no": f"{station.code}-{stamp}-{device:02d}{no:04d}" if device
                    else f"{station.code}-{stamp}-{no:05d}", "station_code": station.code,
                    **carried, "applicant": applicant, "agent": None, "form_data": {},
                    "checklist": full}),
                (EventType.ACCEPTED, {
                    "doc_no": f"SL{day.year}-{station.code}-{no:06d}", "checklist": full,
                    "limit_days": 20, "due_date": (day + timedelta(days=28)).isoformat(),
                    "due_provisional": False})]
            if escalate:
                payloads.append((EventType.ESCALATED, {}))
            rec: CaseRecord | None = None
            for seq, (etype, payload) in enumerate(payloads, 1):
                ev = Event(event_id=new_id(), case_id=case_id, seq=seq, type=etype,
                           payload=payload, actor="admin", origin=Side.STATION,
                           occurred_at=at + timedelta(milliseconds=seq),
                           matter=matter if seq == 1 else None).sealed()
                rec = apply_event(rec, ev)
                link = chain_hash(prev, ev.hash)
                events.append({
                    "event_id": ev.event_id, "case_id": case_id, "seq": seq,
                    "type": etype.value, "payload": payload, "actor": ev.actor,
                    "origin": "station", "occurred_at": _naive(ev.occurred_at), "hash": ev.hash,
                    "chain_prev": prev, "chain_hash": link, "sync_state": "pending"})
                prev = link
            assert rec is not None
            cases.append(_case_row(rec))
        s.execute(insert(Applicant), applicants)
        s.execute(insert(Case), cases)
        for i in range(0, len(events), 5000):
            s.execute(insert(CaseEvent), events[i:i + 5000])
        counter = s.get(Counter, f"case:{stamp}")
        if counter is None:
            s.add(Counter(scope=f"case:{stamp}", value=start + n))
        else:
            counter.value = start + n
    return len(events)


def add_comments(ws: Workspace, per_case: int) -> int:
    """Small events: `per_case` clerk comments on every accepted (station-owned) case."""
    events: list[dict[str, Any]] = []
    with ws.store.write() as s:
        prev = last_chain_hash(s)
        rows = s.execute(select(Case).where(Case.state == "accepted")).scalars().all()
        for row in rows:
            rec = CaseRecord.from_dict(row.data)
            moment = (rec.updated_at or datetime.now(UTC)) + timedelta(minutes=1)
            for k in range(per_case):
                text = f"已电话告知申请人（{k + 1}）"
                ev = Event(event_id=new_id(), case_id=rec.id, seq=rec.version + 1,
                           type=EventType.COMMENTED, payload={"text": text},
                           actor="admin", origin=Side.STATION,
                           occurred_at=moment + timedelta(seconds=k)).sealed()
                rec = apply_event(rec, ev)
                link = chain_hash(prev, ev.hash)
                events.append({
                    "event_id": ev.event_id, "case_id": rec.id, "seq": ev.seq,
                    "type": ev.type.value, "payload": ev.payload, "actor": ev.actor,
                    "origin": "station", "occurred_at": _naive(ev.occurred_at),
                    "hash": ev.hash, "chain_prev": prev, "chain_hash": link,
                    "sync_state": "pending"})
                prev = link
            updated = _naive(rec.updated_at)
            assert updated is not None
            row.version, row.updated_at, row.data = rec.version, updated, rec.to_dict()
        for i in range(0, len(events), 5000):
            s.execute(insert(CaseEvent), events[i:i + 5000])
    return len(events)


def _case_row(rec: CaseRecord) -> dict[str, Any]:
    return {
        "id": rec.id, "case_no": rec.case_no, "station_code": rec.station_code,
        "matter_code": rec.matter_code, "matter_version": rec.matter_version,
        "matter_name": rec.matter_name, "applicant_id": rec.applicant["id"],
        "applicant_name": rec.applicant["name"], "applicant_id_no": rec.applicant["id_no"],
        "state": rec.state.value, "owner": rec.owner.value, "clerk": rec.clerk,
        "received_at": _naive(rec.received_at), "accepted_at": _naive(rec.accepted_at),
        "limit_days": rec.limit_days, "due_date": rec.due_date,
        "due_provisional": rec.due_provisional, "closed_at": _naive(rec.closed_at),
        "rating": None, "version": rec.version, "updated_at": _naive(rec.updated_at),
        "data": rec.to_dict()}
