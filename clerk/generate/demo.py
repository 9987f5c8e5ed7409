"""Realistic demo data for a demo station: generated applicants and cases in every state.

Everything is synthetic: ID numbers are generated with the check-digit rule, names are
drawn from common surnames and given names. Cases are played through the real services
(and, for district decisions, through the same event path pulled decisions take), so the
demo history passes `audit verify`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from clerk import accounts
from clerk.applicants import PersonInput
from clerk.cases.events import Event
from clerk.cases.ledger import append_event, load_by_case_no
from clerk.cases.service import MaterialChanges
from clerk.cases.states import EventType, Side, State
from clerk.catalog import Matter
from clerk.ids import new_id
from clerk.validation import random_resident_id
from clerk.workspace import Workspace

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = (
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
    "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华",
    "玉兰", "淑珍", "建国", "志强", "海燕", "红梅", "小红", "子涵", "雨桐", "浩然", "思远", "欣怡",
    "国庆", "建军", "春梅", "文博",
)
STREETS = ("学院路", "知春路", "双清路", "清华东路", "成府路", "中关村东路", "志新路")
DEMO_CLERK, DEMO_CLERK_PASSWORD = "clerk1", "stationdesk-demo"
REVIEWER = "区中心审核员 刘审"
PROXY = "区中心代办员 陈代"

# The states the demo fills, in the order cases are dealt out.
DEMO_STATES = (State.COMPLETED, State.ACCEPTED, State.AWAITING_SUPPLEMENT, State.ESCALATED,
               State.UNDER_REVIEW, State.RETURNED, State.APPROVED, State.DENIED, State.DRAFT,
               State.NOT_ACCEPTED, State.WITHDRAWN, State.COMPLETED, State.ACCEPTED)


def _person(rng: random.Random) -> PersonInput:
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    return PersonInput(
        name=name, id_no=random_resident_id(rng),
        mobile=f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
        address=f"北京市海淀区{rng.choice(STREETS)}{rng.randrange(1, 200)}号院"
                f"{rng.randrange(1, 20)}号楼{rng.randrange(1, 7)}单元{rng.randrange(101, 1806)}")


class _Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def step(self, rng: random.Random, minutes: tuple[int, int] = (3, 40)) -> None:
        self.moment += timedelta(minutes=rng.randrange(*minutes))


def _needed(m: Matter) -> list[str]:
    return [x.key for x in m.materials if x.necessity in ("required", "deferrable")
            and not x.condition]


def _district(ws: Workspace, case_no: str, etype: EventType, payload: dict[str, object],
              actor: str, at: datetime) -> None:
    """Record a district decision the way a pulled one is stored."""
    with ws.store.write() as s:
        rec = load_by_case_no(s, case_no)
        ev = Event(event_id=new_id(), case_id=rec.id, seq=rec.version + 1, type=etype,
                   payload=dict(payload), actor=actor, origin=Side.DISTRICT, occurred_at=at)
        append_event(s, rec, ev, sync_state="acked")


def _play(ws: Workspace, clock: _Clock, rng: random.Random, matter: Matter,
          target: State, clerk: str) -> None:
    needed = _needed(matter)
    person = _person(rng)
    if target in (State.DRAFT, State.AWAITING_SUPPLEMENT, State.NOT_ACCEPTED):
        received = needed[: max(1, len(needed) - 2)]
    else:
        received = needed
    rec = ws.cases.new_case(matter_code=matter.code, applicant=person,
                            changes=MaterialChanges(received=received), clerk=clerk)
    case_no = rec.case_no
    clock.step(rng)
    if target == State.DRAFT:
        return
    if target == State.AWAITING_SUPPLEMENT:
        ws.cases.issue_notice(case_no, clerk=clerk)
        return
    if target == State.NOT_ACCEPTED:
        reason = (matter.refusal_reasons or ("申请人不符合本事项的申请条件",))[0]
        ws.cases.refuse(case_no, reason=reason, clerk=clerk)
        return
    if target == State.WITHDRAWN:
        ws.cases.withdraw(case_no, "申请人决定暂不申请", clerk=clerk)
        return
    ws.cases.accept(case_no, clerk=clerk)
    clock.step(rng)
    if target == State.ACCEPTED:
        return
    if matter.handling_level == "station":
        ws.cases.complete(case_no, rating=rng.choice((5, 5, 5, 4, 4, 3, 2)), clerk=clerk)
        return
    _play_district(ws, clock, rng, matter, case_no, target, clerk)


def _play_district(ws: Workspace, clock: _Clock, rng: random.Random, matter: Matter,
                   case_no: str, target: State, clerk: str) -> None:
    ws.cases.escalate(case_no, clerk=clerk)
    _acknowledge(ws, case_no)
    if target == State.ESCALATED:
        return
    clock.step(rng, (60, 600))
    _district(ws, case_no, EventType.TAKEN, {}, REVIEWER, clock())
    if target == State.UNDER_REVIEW:
        _district(ws, case_no, EventType.ASSIGNED, {"proxy_agent": PROXY}, REVIEWER, clock())
        return
    if target == State.RETURNED:
        item = matter.materials[0]
        _district(ws, case_no, EventType.RETURNED, {
            "items": [{"key": item.key, "name": item.name, "note": "填写内容不完整，请补充签字"}],
            "note": "请申请人补充签字后重新上报"}, REVIEWER, clock())
        return
    clock.step(rng, (600, 3000))
    if target == State.DENIED:
        _district(ws, case_no, EventType.DENIED, {"reason": "经核查，家庭人均收入高于本市标准"},
                  REVIEWER, clock())
        return
    _district(ws, case_no, EventType.APPROVED, {"text": "经审核，符合条件，准予办理。"},
              REVIEWER, clock())
    if target == State.COMPLETED:
        clock.step(rng, (600, 3000))
        ws.cases.complete(case_no, rating=rng.choice((5, 5, 4, 4, 3, 1)), clerk=clerk)


def _acknowledge(ws: Workspace, case_no: str) -> None:
    """Demo cases that went up to the district are shown as synced."""
    from sqlalchemy import update

    from clerk.store.models import CaseEvent

    with ws.store.write() as s:
        rec = load_by_case_no(s, case_no)
        s.execute(update(CaseEvent).where(CaseEvent.case_id == rec.id)
                  .values(sync_state="acked", acked_at=ws.now().replace(tzinfo=None)))


def populate_demo(ws: Workspace, *, cases: int = 60, seed: int = 2026,
                  days_back: int = 30) -> int:
    """Fill a freshly initialised station with demo cases; returns how many were made."""
    rng = random.Random(seed)
    real_clock: Callable[[], datetime] = ws.now
    end = real_clock()
    with ws.store.write() as s:
        accounts.create_account(s, username=DEMO_CLERK, password=DEMO_CLERK_PASSWORD,
                                role="clerk", display_name="李窗口", phone="010-62000001",
                                now=end)
    matters = ws.matters()
    start = end - timedelta(days=days_back)
    try:
        for i in range(cases):
            day_offset = days_back * i / max(cases, 1)
            clock = _Clock(start + timedelta(days=day_offset, hours=rng.randrange(0, 7)))
            ws.now = clock
            _play(ws, clock, rng, rng.choice(matters), DEMO_STATES[i % len(DEMO_STATES)],
                  rng.choice(("admin", DEMO_CLERK)))
    finally:
        ws.now = real_clock
    return cases

