"""Realistic demo data for a demo station: generated applicants and cases in every state.

Everything is synthetic: ID numbers are generated with the check-digit rule, names are
drawn from common surnames and given names. Cases are played through the real services
(and, for district decisions, through the same event path pulled decisions take), so the
demo history passes `audit verify`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from clerk import accounts
from clerk.applicants import PersonInput
from clerk.cases.events import Event
from clerk.cases.ledger import append_event, load_by_case_no
from clerk.cases.service import MaterialChanges
from clerk.cases.states import EventType, Side, State
from clerk.catalog import Matter
from clerk.ids import new_id
from clerk.timeutil import BEIJING, local_date
from clerk.validation import random_resident_id
from clerk.workspace import Workspace

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
# Given names by sex: the ID number's 17th digit says the sex, and a clerk notices a
# "王秀英" whose number says male.
GIVEN_MALE = ("伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "建华", "建国",
              "志强", "浩然", "思远", "国庆", "建军", "文博", "德明")
GIVEN_FEMALE = ("芳", "娜", "秀英", "敏", "静", "丽", "艳", "娟", "秀兰", "霞", "桂英", "玉兰",
                "淑珍", "海燕", "红梅", "小红", "子涵", "雨桐", "欣怡", "春梅")
GIVEN = GIVEN_MALE + GIVEN_FEMALE
STREETS = ("学院路", "知春路", "双清路", "清华东路", "成府路", "中关村东路", "志新路")
# Office hours of the counter (Beijing time); the station syncs when the day ends.
OPEN, LAST_CASE, CLOSE, SYNC_AT = time(9, 0), time(16, 30), time(17, 0), time(17, 5)
# Longest a demo case's own counter steps take (up to three steps of at most 9 minutes).
CASE_TIME = timedelta(minutes=30)
DEMO_CLERK, DEMO_CLERK_PASSWORD = "clerk1", "stationdesk-demo"
REVIEWER = "区中心审核员 刘审"
PROXY = "区中心代办员 陈代"

# The states the demo fills, in the order cases are dealt out.
DEMO_STATES = (State.COMPLETED, State.ACCEPTED, State.AWAITING_SUPPLEMENT, State.ESCALATED,
               State.UNDER_REVIEW, State.RETURNED, State.APPROVED, State.DENIED, State.DRAFT,
               State.NOT_ACCEPTED, State.WITHDRAWN, State.COMPLETED, State.ACCEPTED)


def _person(rng: random.Random) -> PersonInput:
    sex: Literal["M", "F"] = rng.choice(("M", "F"))
    name = rng.choice(SURNAMES) + rng.choice(GIVEN_MALE if sex == "M" else GIVEN_FEMALE)
    return PersonInput(
        name=name, id_no=random_resident_id(rng, sex=sex),
        mobile=f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
        address=f"北京市海淀区{rng.choice(STREETS)}{rng.randrange(1, 200)}号院"
                f"{rng.randrange(1, 20)}号楼{rng.randrange(1, 7)}单元{rng.randrange(101, 1806)}")


class _Clock:
    """The demo's moment (UTC), moved forward within office hours of working days."""

    def __init__(self, moment: datetime, days: list[date], cut: datetime) -> None:
        self.moment, self.days, self.cut = moment, days, cut
        self.end = cut  # now: station-side steps may follow the last sync

    def __call__(self) -> datetime:
        return self.moment

    def step(self, rng: random.Random, minutes: tuple[int, int] = (2, 9)) -> None:
        self.moment += timedelta(minutes=rng.randrange(*minutes))

    def later_day(self, rng: random.Random, limit: datetime | None = None) -> bool:
        """Move to an office hour of the next working day; False (and no move) when that
        is after `limit` (default: the last sync, so the district's answer was pulled)."""
        today = local_date(self.moment)
        later = [d for d in self.days if d > today]
        if not later:
            return False
        minute = rng.randrange(30, 7 * 60)  # 09:30–16:30
        moment = _at(later[0], OPEN) + timedelta(minutes=minute)
        if moment > (limit or self.cut):
            return False
        self.moment = moment
        return True


def _at(day: date, clock_time: time) -> datetime:
    return datetime.combine(day, clock_time, BEIJING).astimezone(UTC)


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
    """The district's steps on later working days, each before the station's last sync
    (so it was pulled); a case sent up too recently simply waits at the district."""
    ws.cases.escalate(case_no, clerk=clerk)
    if target == State.ESCALATED or not clock.later_day(rng):
        return
    _district(ws, case_no, EventType.TAKEN, {}, REVIEWER, clock())
    if target == State.UNDER_REVIEW:
        _district(ws, case_no, EventType.ASSIGNED, {"proxy_agent": PROXY}, REVIEWER, clock())
        return
    clock.step(rng, (20, 90))
    if target == State.RETURNED:
        item = matter.materials[0]
        _district(ws, case_no, EventType.RETURNED, {
            "items": [{"key": item.key, "name": item.name, "note": "填写内容不完整，请补充签字"}],
            "note": "请申请人补充签字后重新上报"}, REVIEWER, clock())
        return
    if target == State.DENIED:
        _district(ws, case_no, EventType.DENIED, {"reason": "经核查，家庭人均收入高于本市标准"},
                  REVIEWER, clock())
        return
    _district(ws, case_no, EventType.APPROVED, {"text": "经审核，符合条件，准予办理。"},
              REVIEWER, clock())
    # The applicant collects the result on a later working day (before now).
    if target == State.COMPLETED and clock.later_day(rng, limit=clock.end):
        ws.cases.complete(case_no, rating=rng.choice((5, 5, 4, 4, 3, 1)), clerk=clerk)


def _fitting(matters: list[Matter], target: State) -> list[Matter]:
    """Matters a case can reach `target` with: something must be missing for a draft, a
    notice or a refusal at the counter, so those need two or more required materials."""
    if target in (State.DRAFT, State.AWAITING_SUPPLEMENT, State.NOT_ACCEPTED):
        return [m for m in matters if len(_needed(m)) >= 2] or matters
    return matters


def working_days_before(ws: Workspace, end: datetime, count: int) -> list[date]:
    """The last `count` working days whose office opened before `end`, oldest first."""
    calendar = ws.calendar()
    days: list[date] = []
    day = local_date(end)
    while len(days) < count:
        if calendar.is_working_day(day) and _at(day, OPEN) < end:
            days.append(day)
        day -= timedelta(days=1)
    return sorted(days)


def _synced(ws: Workspace, cut: datetime) -> None:
    """The station synced at `cut` (a day's end): what it had done by then is acked."""
    from sqlalchemy import update

    from clerk.options import SYNC_LAST_SUCCESS
    from clerk.store.models import CaseEvent

    naive = cut.astimezone(UTC).replace(tzinfo=None)
    with ws.store.write() as s:
        s.execute(update(CaseEvent).where(CaseEvent.origin == Side.STATION,
                                          CaseEvent.occurred_at <= naive)
                  .values(sync_state="acked", acked_at=naive))
    ws.settings.set(SYNC_LAST_SUCCESS, cut.astimezone(UTC).isoformat())


def _case_starts(rng: random.Random, days: list[date], end: datetime,
                 cases: int) -> list[datetime]:
    """When each of `cases` cases begins: spread evenly over the office hours the days had
    before `end` (today's only up to `CASE_TIME` before now, so a case's own steps stay in
    the past). Every case gets a moment however early in the day the demo is made; cutting
    at `end` instead dropped today's share (48 of 60 at 09:03 on a Monday)."""
    windows: list[tuple[datetime, timedelta]] = []
    for day in days:
        start = _at(day, OPEN)
        length = min(_at(day, LAST_CASE), end - CASE_TIME) - start
        if length > timedelta(0):
            windows.append((start, length))
    if not windows:
        return []
    total = sum((length for _, length in windows), timedelta(0))
    step = total / cases
    starts: list[datetime] = []
    for i in range(cases):
        offset = step * i + step * rng.random() / 3
        for start, length in windows:
            if offset < length:
                starts.append(start + offset)
                break
            offset -= length
    return starts


def populate_demo(ws: Workspace, *, cases: int = 60, seed: int = 2026,
                  days: int = 5) -> int:
    """Fill a freshly initialised station with a plausible week: `cases` cases over the
    last `days` working days in office hours, district answers on later days, synced at
    the end of each day but the current one. Returns how many cases were made."""
    rng = random.Random(seed)
    real_clock: Callable[[], datetime] = ws.now
    end = real_clock()
    with ws.store.write() as s:
        accounts.create_account(s, username=DEMO_CLERK, password=DEMO_CLERK_PASSWORD,
                                role="clerk", display_name="李窗口", phone="010-62000001",
                                now=end)
    matters = ws.matters()
    office_days = working_days_before(ws, end, days)
    closed = [d for d in office_days if _at(d, SYNC_AT) < end]
    cut = _at(closed[-1], SYNC_AT) if closed else _at(office_days[0], OPEN)
    real_ctx = ws.cases.ctx
    starts = _case_starts(rng, office_days, end, cases)
    made = 0
    try:
        for i, start in enumerate(starts):
            clock = _Clock(start, office_days, min(cut, end))
            clock.end = end
            ws.now = clock
            ws.cases.ctx = replace(real_ctx, now=clock)
            target = DEMO_STATES[i % len(DEMO_STATES)]
            _play(ws, clock, rng, rng.choice(_fitting(matters, target)), target,
                  rng.choice(("admin", DEMO_CLERK)))
            made += 1
    finally:
        ws.now = real_clock
        ws.cases.ctx = real_ctx
    if closed:
        _synced(ws, cut)
    return made
