"""Applying an event to a case record: the one projection used by station and district.

Pure and deterministic: everything an event changes is in its payload (due dates are
computed by whoever emits the event, with their calendar, and carried in the payload),
so replaying a case's events anywhere yields the same record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from clerk.cases.checklist import Scan
from clerk.cases.event_checklist import full_rows
from clerk.cases.events import Event
from clerk.cases.record import CaseRecord
from clerk.cases.states import EventType, Side, State, check_event
from clerk.errors import QT_TRANSLATE_NOOP, StateError, ValidationError
from clerk.timeutil import local_date


def apply_event(record: CaseRecord | None, event: Event) -> CaseRecord:
    """Check `event` against the state machine and return the updated record."""
    if record is None:
        if event.type != EventType.CREATED or event.seq != 1:
            raise StateError(
                QT_TRANSLATE_NOOP("errors", "案件的第一个事件必须是收件。"),
                code="state.first_event")
        record = _created(event)
    else:
        if event.seq != record.version + 1:
            raise StateError(
                QT_TRANSLATE_NOOP("errors", "事件序号 {seq} 不接续（应为 {expected}）。"),
                code="state.sequence", params={"seq": event.seq, "expected": record.version + 1})
        facts = record.facts(readiness=event.type == EventType.ACCEPTED)
        rule = check_event(facts, event.type, event.origin)
        _HANDLERS.get(event.type, _noop)(record, event)
        if rule.target is not None:
            record.state = rule.target
        if rule.new_owner is not None:
            record.owner = rule.new_owner
        if record.state.is_final and record.closed_at is None:
            record.closed_at = event.occurred_at
    record.version = event.seq
    record.updated_at = event.occurred_at
    return record


def replay(events: Iterable[Event]) -> CaseRecord:
    record: CaseRecord | None = None
    for ev in events:
        record = apply_event(record, ev)
    if record is None:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "没有事件，无法重建案件。"),
            code="state.no_events")
    return record


def _created(event: Event) -> CaseRecord:
    check_event_payload(event, ("case_no", "station_code", "applicant", "checklist"))
    p = event.payload
    matter = _snapshot(event)
    return CaseRecord(
        id=event.case_id, case_no=p["case_no"], station_code=p["station_code"],
        matter=matter, applicant=p["applicant"], agent=p.get("agent"),
        form_data=p.get("form_data", {}),
        checklist=full_rows(p["checklist"], matter, event.type.value), state=State.DRAFT,
        owner=Side.STATION, clerk=event.actor, received_at=event.occurred_at,
    )


def _snapshot(event: Event) -> Any:
    """The case's matter snapshot: carried by the event, or named by its `matter_ref`
    and attached by whoever applies it (clerk.cases.snapshot)."""
    p = event.payload
    if "matter" in p:
        return p["matter"]
    check_event_payload(event, ("matter",) if "matter_ref" not in p else ())
    if event.matter is None:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "收件事件所指的事项快照 {ref} 未随事件送达，"
                                        "或与其编号不符。"),
            code="event.snapshot", params={"ref": str(p["matter_ref"])[:64]})
    return event.matter


def check_event_payload(event: Event, keys: Iterable[str]) -> None:
    missing = [k for k in keys if k not in event.payload]
    if missing:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "事件 {type} 缺少字段：{items}"),
            code="event.payload", params={"type": event.type, "items": ', '.join(missing)})


def _noop(record: CaseRecord, event: Event) -> None:
    return None


def _materials(record: CaseRecord, event: Event) -> None:
    check_event_payload(event, ("checklist",))
    _set_checklist(record, event)


def _set_checklist(record: CaseRecord, event: Event) -> None:
    """The event's checklist, its slim items joined with the case's matter snapshot
    (clerk.cases.event_checklist)."""
    record.checklist = full_rows(event.payload["checklist"], record.matter, event.type.value)


def _notice(record: CaseRecord, event: Event) -> None:
    check_event_payload(event, ("doc_no", "items", "checklist"))
    p = event.payload
    _set_checklist(record, event)
    record.notices.append({
        "doc_no": p["doc_no"], "issued_at": event.payload.get("issued_at"),
        "items": p["items"], "justification": p.get("justification"),
        "flagged": bool(p.get("flagged")), "seq": event.seq,
    })
    _doc(record, event, "notice")


def _accepted(record: CaseRecord, event: Event) -> None:
    check_event_payload(event, ("doc_no", "checklist", "due_date", "limit_days"))
    p = event.payload
    _set_checklist(record, event)
    record.accepted_at = event.occurred_at
    record.limit_days = int(p["limit_days"])
    _set_due(record, p)
    _doc(record, event, "receipt")


def _refused(record: CaseRecord, event: Event) -> None:
    check_event_payload(event, ("doc_no", "reason"))
    record.refusal = {"reason": event.payload["reason"], "basis": event.payload.get("basis", "")}
    _doc(record, event, "refusal")


def _returned(record: CaseRecord, event: Event) -> None:
    p = event.payload
    record.returns.append({"items": p.get("items", []), "note": p.get("note", ""),
                           "at": event.payload.get("at"), "by": event.actor, "seq": event.seq})
    record.pauses.append({"kind": "returned", "reason": "退回补正",
                          "start": _day(event), "end": None})


def _resubmitted(record: CaseRecord, event: Event) -> None:
    p = event.payload
    if "checklist" in p:
        _set_checklist(record, event)
    _close_pause(record, event, "returned")
    _set_due(record, p)


def _special_started(record: CaseRecord, event: Event) -> None:
    check_event_payload(event, ("procedure",))
    record.pauses.append({"kind": "special", "reason": event.payload["procedure"],
                          "start": _day(event), "end": None})


def _special_ended(record: CaseRecord, event: Event) -> None:
    _close_pause(record, event, "special")
    record.pauses[-1]["result"] = event.payload.get("result", "")
    _set_due(record, event.payload)


def _assigned(record: CaseRecord, event: Event) -> None:
    check_event_payload(event, ("proxy_agent",))
    record.proxy_agent = event.payload["proxy_agent"]


def _proxy_step(record: CaseRecord, event: Event) -> None:
    check_event_payload(event, ("step",))
    record.proxy_steps.append({"step": event.payload["step"], "note": event.payload.get("note", ""),
                               "by": event.actor, "seq": event.seq})


def _decided(record: CaseRecord, event: Event) -> None:
    p = event.payload
    decision = "approved" if event.type == EventType.APPROVED else "denied"
    record.result = {"decision": decision, "text": p.get("text", ""), "reason": p.get("reason", ""),
                     "doc_no": p.get("doc_no", ""), "by": event.actor, "seq": event.seq}


def _completed(record: CaseRecord, event: Event) -> None:
    p = event.payload
    record.delivered_at = event.occurred_at
    if record.result is None:
        record.result = {"decision": "completed", "text": p.get("text", ""), "by": event.actor,
                         "seq": event.seq}
    record.result["delivery"] = p.get("delivery", "")
    record.result["result_doc_no"] = p.get("doc_no", "")
    _doc(record, event, "result")
    if p.get("rating") is not None:
        _rate(record, p["rating"], event)


def _rated(record: CaseRecord, event: Event) -> None:
    check_event_payload(event, ("rating",))
    _rate(record, event.payload["rating"], event)


def _rate(record: CaseRecord, rating: dict[str, Any], event: Event) -> None:
    record.rating = {**rating, "seq": event.seq}


def _withdrawn(record: CaseRecord, event: Event) -> None:
    record.withdrawn_reason = event.payload.get("reason", "")
    if record.open_pause is not None:
        _close_pause(record, event, str(record.open_pause["kind"]))


def _commented(record: CaseRecord, event: Event) -> None:
    record.comments.append({"text": event.payload.get("text", ""), "by": event.actor,
                            "origin": event.origin.value, "seq": event.seq})


def _supplemented(record: CaseRecord, event: Event) -> None:
    """容缺后补 delivered: the items become received on the event's (Beijing) day. The
    checklist is rebuilt from the keys, not carried whole, so whoever applies the event
    (the district too) checks each key against its own copy of the case."""
    check_event_payload(event, ("items",))
    items = event.payload["items"]
    if not isinstance(items, list):
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "事件 {type} 的字段 {field} 格式不对。"),
            code="event.payload", params={"type": event.type, "field": "items"})
    keys: list[str] = []
    scans: dict[str, list[Scan]] = {}
    for it in items:
        key = str(it["key"])
        check_received_counts(key, it.get("original_count", 0), it.get("copy_count", 0))
        keys.append(key)
        scans[key] = [Scan(str(sc["sha256"]), str(sc.get("media_type", "")))
                      for sc in it.get("scans") or ()]
    checklist = record.materials.supplemented(keys, local_date(event.occurred_at), scans)
    record.checklist = checklist.to_list()


def check_received_counts(key: str, originals: Any, copies: Any) -> None:
    """Counts of a delivered material: whole numbers 0–99, at least one piece."""
    ok = all(isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= 99
             for n in (originals, copies))
    if not ok or originals + copies == 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "材料“{key}”的原件、复印件份数须为 0–99 的整数，"
                                        "且至少交一份。"),
            code="supplement.counts", field=key, params={"key": key})


def _doc(record: CaseRecord, event: Event, kind: str) -> None:
    doc_no = event.payload.get("doc_no")
    if doc_no:
        record.documents.append({"kind": kind, "doc_no": doc_no, "seq": event.seq})


def _set_due(record: CaseRecord, payload: dict[str, Any]) -> None:
    if payload.get("due_date"):
        record.due_date = date.fromisoformat(payload["due_date"])
        record.due_provisional = bool(payload.get("due_provisional", False))


def _close_pause(record: CaseRecord, event: Event, kind: str) -> None:
    for pause in reversed(record.pauses):
        if pause["kind"] == kind and pause["end"] is None:
            pause["end"] = _day(event)
            return


def _day(event: Event) -> str:
    """The local (Beijing) calendar day of an event, as used for pauses."""
    return local_date(event.occurred_at).isoformat()


_HANDLERS: dict[EventType, Callable[[CaseRecord, Event], None]] = {
    EventType.MATERIALS_UPDATED: _materials,
    EventType.NOTICE_ISSUED: _notice,
    EventType.ACCEPTED: _accepted,
    EventType.REFUSED: _refused,
    EventType.RETURNED: _returned,
    EventType.RESUBMITTED: _resubmitted,
    EventType.SPECIAL_STARTED: _special_started,
    EventType.SPECIAL_ENDED: _special_ended,
    EventType.ASSIGNED: _assigned,
    EventType.PROXY_STEP: _proxy_step,
    EventType.APPROVED: _decided,
    EventType.DENIED: _decided,
    EventType.COMPLETED: _completed,
    EventType.RATED: _rated,
    EventType.WITHDRAWN: _withdrawn,
    EventType.COMMENTED: _commented,
    EventType.SUPPLEMENTED: _supplemented,
}
