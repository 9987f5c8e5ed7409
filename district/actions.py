"""District-side case actions: take, assign, proxy steps, return, special procedures,
approve, deny, comment.

Each action builds one district-origin event with `seq = version + 1`, lets clerk's state
machine judge it (the same `apply_event` the stations run), and stores event and
projection in one transaction. The caller names the version it decided on; if the case
moved on meanwhile the action is refused with 409, never merged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.calendar import Pause
from clerk.cases.events import Event, utc_iso
from clerk.cases.projection import apply_event
from clerk.cases.record import CaseRecord
from clerk.cases.states import EventType, Side
from clerk.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from clerk.ids import new_id
from clerk.timeutil import local_date
from district import ledger
from district.auth import StaffPrincipal
from district.calendar import calendar_on, work_calendar
from district.db import Database
from district.errors import ApiError
from district.models import StaffUser
from wire.protocol import note_hash

PayloadBuilder = Callable[[Session, CaseRecord], dict[str, Any]]

# Who may do what: reviewers and admins everything; a proxy agent works the cases
# assigned to him (steps, returns, special procedures, the decision, comments).
REVIEWER_ONLY = frozenset({EventType.TAKEN, EventType.ASSIGNED})


def check_role(staff: StaffPrincipal, etype: EventType | None, record: CaseRecord) -> None:
    if staff.role in ("reviewer", "admin"):
        return
    if staff.role == "proxy" and etype not in REVIEWER_ONLY \
            and record.proxy_agent == staff.username:
        return
    raise ApiError(
        403, "forbidden.role",
        QT_TRANSLATE_NOOP("errors", "您的角色不能对该案件执行这个操作（代办员只能办理指派给自己"
                                    "的案件）。"))


def _locked(s: Session, case_id: str, expected_version: int) -> CaseRecord:
    rec = ledger.load_record(s, case_id, lock=True)
    if rec is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "没有这个案件。"), code="case.unknown")
    if rec.version != expected_version:
        raise ApiError(
            409, "version.stale",
            QT_TRANSLATE_NOOP("errors", "案件已被更新（当前版本 {version}，"
                                        "您依据的是 {expected_version}）；请刷新后重新决定。"),
            extra={"current_version": rec.version},
            params={"version": rec.version, "expected_version": expected_version})
    return rec


def perform(db: Database, staff: StaffPrincipal, case_id: str, expected_version: int,
            etype: EventType, build: PayloadBuilder, now: datetime) -> CaseRecord:
    with db.write() as s:
        db.lock_feed(s)  # the event is pulled by the station: positions commit in order
        rec = _locked(s, case_id, expected_version)
        check_role(staff, etype, rec)
        event = Event(event_id=new_id(), case_id=rec.id, seq=rec.version + 1,
                      type=etype, payload=build(s, rec), actor=staff.username,
                      origin=Side.DISTRICT, occurred_at=now).sealed()
        new = apply_event(rec, event)  # StateError -> 409 with the machine's own message
        cal = calendar_on(s.connection()) if ledger.needs_calendar(new) else None
        values = ledger.case_values(new, cal)
        ledger.write(s, new_cases=[], changed_cases=[values],
                     entries=[ledger.event_row(event, new.station_code, now)])
        return new


def comment(db: Database, staff: StaffPrincipal, case_id: str, expected_version: int,
            text: str, now: datetime) -> CaseRecord:
    """A comment in the sequence while the district owns the case, a note otherwise."""
    with db.write() as s:
        db.lock_feed(s)
        rec = _locked(s, case_id, expected_version)
        check_role(staff, None, rec)
        if rec.owner == Side.DISTRICT:
            event = Event(event_id=new_id(), case_id=rec.id, seq=rec.version + 1,
                          type=EventType.COMMENTED, payload={"text": text},
                          actor=staff.username, origin=Side.DISTRICT, occurred_at=now).sealed()
            new = apply_event(rec, event)
            cal = calendar_on(s.connection()) if ledger.needs_calendar(new) else None
            ledger.write(s, new_cases=[], changed_cases=[ledger.case_values(new, cal)],
                         entries=[ledger.event_row(event, new.station_code, now)])
            return new
        note_id, at = new_id(), utc_iso(now)
        digest = note_hash(note_id, rec.id, text, staff.username, Side.DISTRICT.value, at)
        ledger.write(s, new_cases=[], changed_cases=[], entries=[ledger.note_row(
            note_id=note_id, case_id=rec.id, station_code=rec.station_code, text=text,
            author=staff.username, origin=Side.DISTRICT.value, occurred_at=at, hash_=digest,
            now=now)])
        return rec


# --------------------------------------------------------------------------- payloads


def assign_payload(proxy_agent: str) -> PayloadBuilder:
    def build(s: Session, rec: CaseRecord) -> dict[str, Any]:
        role = s.execute(select(StaffUser.role).where(StaffUser.username == proxy_agent,
                                                      StaffUser.active.is_(True))).scalar()
        if role != "proxy":
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{proxy_agent} 不是在岗的代办员。"),
                code="assign.not_proxy", field="proxy_agent", params={"proxy_agent": proxy_agent})
        return {"proxy_agent": proxy_agent}
    return build


def return_payload(items: list[dict[str, Any]], note: str, now: datetime) -> PayloadBuilder:
    def build(s: Session, rec: CaseRecord) -> dict[str, Any]:
        return {"items": items, "note": note.strip(), "at": utc_iso(now)}
    return build


def special_end_payload(result: str, now: datetime) -> PayloadBuilder:
    """The due date moves by the working days the special procedure took (DESIGN 5)."""
    def build(s: Session, rec: CaseRecord) -> dict[str, Any]:
        payload: dict[str, Any] = {"result": result.strip()}
        if rec.accepted_at is not None and rec.limit_days is not None:
            today = local_date(now)
            pauses = [Pause(date.fromisoformat(p["start"]),
                            date.fromisoformat(p["end"]) if p.get("end") else today,
                            str(p.get("reason", ""))) for p in rec.pauses]
            due = work_calendar(s).due_date(local_date(rec.accepted_at), rec.limit_days, pauses)
            payload.update(due_date=due.day.isoformat(), due_provisional=due.provisional)
        return payload
    return build


def fixed(payload: dict[str, Any]) -> PayloadBuilder:
    def build(s: Session, rec: CaseRecord) -> dict[str, Any]:
        return payload
    return build
