"""Demo and benchmark data for a district service: stations, staff and cases in every state.

`python -m district.demo --db URL --stations 12 --cases 600` fills a database with
generated (never real) applicants and cases whose histories are played through clerk's
one state machine, station events and district events alike, with due dates from the
district's working-day calendar. Older cases have progressed further; some are late,
some returned, some in a special procedure; completed ones carry ratings, a few bad.

With ``--no-ledger`` only the case projections are written (the benchmark's 100,000
cases: the queue reads projections only, and the log would triple the file).
"""

from __future__ import annotations

import argparse
import random
import sys
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from clerk.calendar import Pause, WorkCalendar
from clerk.cases.checklist import ItemStatus, initial_checklist
from clerk.cases.event_checklist import slim_payload
from clerk.cases.events import Event
from clerk.cases.projection import apply_event
from clerk.cases.record import CaseRecord
from clerk.cases.states import EventType, Side
from clerk.catalog import Matter
from clerk.catalog.loader import load_bundled_catalog, matter_to_dict
from clerk.errors import StateError
from clerk.generate.demo import GIVEN, STREETS, SURNAMES
from clerk.ids import new_id
from clerk.timeutil import BEIJING, local_date
from clerk.validation import random_resident_id
from district import ledger
from district.auth import naive
from district.calendar import work_calendar
from district.db import Database

DEMO_PASSWORD = "district-demo-1"
REVIEWERS = (("li.shen", "李审"), ("zhao.shen", "赵审"))
PROXIES = (("wang.dai", "王代"), ("chen.dai", "陈代"), ("liu.dai", "刘代"))
ADMIN = ("admin", "区中心管理员")
COMMUNITIES = ("学院路", "知春里", "双榆树", "燕园", "清河", "万柳", "紫竹院", "北下关",
               "八里庄", "甘家口", "羊坊店", "中关村", "花园路", "东升", "西三旗", "上地")
PROXY_STEPS = ("提交部门", "部门反馈", "取得结果")
RATING_WEIGHTS = ((5, 60), (4, 24), (3, 9), (2, 5), (1, 2))
BAD_COMMENTS = ("等候时间太长", "材料要求没有一次说清", "工作人员态度一般", "办理进度没人告知")
_BATCH = 2000


@dataclass
class Summary:
    stations: int = 0
    cases: int = 0
    events: int = 0
    by_state: dict[str, int] = field(default_factory=dict)


def station_codes(n: int) -> list[tuple[str, str]]:
    """Haidian (110108) community stations: 12-digit codes and names."""
    out = []
    for i in range(n):
        street, community = 1 + i // 4, 1 + i % 4
        place = COMMUNITIES[i % len(COMMUNITIES)]
        suffix = "" if i < len(COMMUNITIES) else str(i // len(COMMUNITIES) + 1)
        out.append((f"110108{street:03d}{community:03d}", f"海淀区{place}{suffix}社区便民服务站"))
    return out


class _Builder:
    """Plays one case's history through the state machine, event by event."""

    def __init__(self, case_id: str, station: str) -> None:
        self.case_id = case_id
        self.station = station
        self.record: CaseRecord | None = None
        self.events: list[Event] = []

    def add(self, etype: EventType, payload: dict[str, Any], actor: str, side: Side,
            at: datetime) -> bool:
        seq = self.record.version + 1 if self.record else 1
        matter = self.record.matter if self.record else payload["matter"]
        event = Event(event_id=new_id(), case_id=self.case_id, seq=seq, type=etype,
                      payload=slim_payload(payload, matter), actor=actor, origin=side,
                      occurred_at=at).sealed()
        try:
            self.record = apply_event(self.record, event)
        except StateError:
            return False
        self.events.append(event)
        return True


class Generator:
    def __init__(self, cal: WorkCalendar, now: datetime, seed: int = 7) -> None:
        self.cal = cal
        self.now = now
        self.today = local_date(now)
        self.rng = random.Random(seed)
        matters = load_bundled_catalog()
        self.district = [m for m in matters if str(m.handling_level) == "district"]
        self.station_level = [m for m in matters if str(m.handling_level) != "district"]
        self.snapshots = {m.code: matter_to_dict(m) for m in matters}
        self.counters: dict[str, int] = {}

    # --- small pieces -------------------------------------------------------------
    def _next(self, scope: str) -> int:
        self.counters[scope] = self.counters.get(scope, 0) + 1
        return self.counters[scope]

    def _at(self, day: date, minutes: int) -> datetime:
        moment = datetime.combine(day, time(9, 0), BEIJING) + timedelta(minutes=minutes)
        return moment.astimezone(UTC)

    def _workday(self, start: date, n: int) -> date:
        return self.cal.add_working_days(start, n).day if n > 0 else start

    def _applicant(self) -> dict[str, Any]:
        rng = self.rng
        return {"id": str(uuid.UUID(int=rng.getrandbits(128))), "kind": "person",
                "name": rng.choice(SURNAMES) + rng.choice(GIVEN), "id_type": "resident_id",
                "id_no": random_resident_id(rng),
                "mobile": f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
                "address": f"北京市海淀区{rng.choice(STREETS)}{rng.randrange(1, 200)}号院",
                "legal_rep": None}

    def _checklist(self, matter: Matter) -> list[dict[str, Any]]:
        items = initial_checklist(matter.materials).items
        return [{**i.to_dict(), "status": ItemStatus.RECEIVED.value} if i.needed
                else i.to_dict() for i in items]

    def _limit(self, matter: Matter) -> int:
        if str(matter.case_kind) == "instant":
            return 0
        return int(matter.committed_limit_days or matter.legal_limit_days or 0)

    def _rating(self) -> dict[str, Any]:
        score = self.rng.choices([s for s, _ in RATING_WEIGHTS],
                                 [w for _, w in RATING_WEIGHTS])[0]
        comment = self.rng.choice(BAD_COMMENTS) if score <= 2 else ""
        labels = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
        return {"score": score, "label": labels[score], "comment": comment,
                "channel": "窗口评价器", "bad": score <= 2}

    # --- one case -------------------------------------------------------------------
    def case(self, station: str) -> _Builder:
        rng = self.rng
        district = rng.random() < 0.8
        matter = rng.choice(self.district if district else self.station_level)
        limit = self._limit(matter)
        received = self.today - timedelta(days=rng.randrange(0, 60))
        while not self.cal.is_working_day(received):
            received -= timedelta(days=1)
        b = _Builder(str(uuid.UUID(int=rng.getrandbits(128))), station)
        stamp = received.strftime("%Y%m%d")
        case_no = f"{station}-{stamp}-{self._next(f'{station}{stamp}'):04d}"
        clerk = f"clerk{rng.randrange(1, 4)}"
        minute = rng.randrange(0, 400)
        checklist = self._checklist(matter)
        b.add(EventType.CREATED, {"case_no": case_no, "station_code": station,
                                  "matter": self.snapshots[matter.code],
                                  "applicant": self._applicant(), "agent": None,
                                  "form_data": {}, "checklist": checklist},
              clerk, Side.STATION, self._at(received, minute))
        due = self.cal.add_working_days(received, limit)
        receipt = f"SL{received.year}-{station}-{self._next(f'SL{station}'):05d}"
        b.add(EventType.ACCEPTED, {"doc_no": receipt, "checklist": checklist,
                                   "limit_days": limit, "due_date": due.day.isoformat(),
                                   "due_provisional": due.provisional},
              clerk, Side.STATION, self._at(received, minute + 12))
        if district:
            self._district_path(b, received, limit, minute, clerk)
        else:
            done = self._workday(received, rng.randrange(0, limit + 1)) if limit else received
            self._complete(b, done, clerk)
        return b

    def _on(self, b: _Builder, day: date, etype: EventType, payload: dict[str, Any],
            actor: str, side: Side, minute: int | None = None) -> bool:
        """Add the event if its day has come (and, today, its hour)."""
        at = self._at(day, minute if minute is not None else self.rng.randrange(0, 420))
        if day > self.today or at > self.now:
            return False
        return b.add(etype, payload, actor, side, at)

    def _district_path(self, b: _Builder, accepted: date, limit: int, minute: int,
                       clerk: str) -> None:
        rng = self.rng
        if not self._on(b, accepted, EventType.ESCALATED, {}, clerk, Side.STATION,
                        minute + 30):
            return
        reviewer = rng.choice(REVIEWERS)[0]
        day = self._workday(accepted, rng.choice((1, 1, 2, 2, 3, 4, 6)))
        if not self._on(b, day, EventType.TAKEN, {}, reviewer, Side.DISTRICT):
            return
        if rng.random() < 0.15:  # returned for correction, resubmitted some days later
            if not self._on(b, day, EventType.RETURNED, {
                    "items": [{"key": "income_proof", "name": "收入证明",
                               "requirement": "须加盖单位公章"}],
                    "note": "请补充加盖公章的收入证明", "at": ""}, reviewer, Side.DISTRICT):
                return
            back = self._workday(day, rng.randrange(2, 9))
            pauses = b.record.pauses if b.record else []
            start = date.fromisoformat(pauses[-1]["start"]) if pauses else day
            new_due = self.cal.due_date(accepted, limit, [Pause(start, back, "退回补正")])
            if not self._on(b, back, EventType.RESUBMITTED, {
                    "checklist": b.record.checklist if b.record else [],
                    "due_date": new_due.day.isoformat(),
                    "due_provisional": new_due.provisional}, clerk, Side.STATION):
                return
            day = self._workday(back, 1)
            if not self._on(b, day, EventType.TAKEN, {}, reviewer, Side.DISTRICT):
                return
        proxy = rng.choice(PROXIES)[0]
        if not self._on(b, day, EventType.ASSIGNED, {"proxy_agent": proxy}, reviewer,
                        Side.DISTRICT):
            return
        if rng.random() < 0.06:
            start = self._workday(day, 2)
            if not self._on(b, start, EventType.SPECIAL_STARTED, {"procedure": "公示"},
                            proxy, Side.DISTRICT):
                return
            end = self._workday(start, rng.randrange(5, 8))
            pause_due = self.cal.due_date(accepted, limit, [Pause(start, end, "公示")])
            if not self._on(b, end, EventType.SPECIAL_ENDED, {
                    "result": "公示无异议", "due_date": pause_due.day.isoformat(),
                    "due_provisional": pause_due.provisional}, proxy, Side.DISTRICT):
                return
            day = end
        finish = self._workday(accepted, max(2, round(limit * rng.uniform(0.5, 1.25))))
        for i, step in enumerate(PROXY_STEPS):
            when = max(day, self._workday(accepted, round(limit * (0.2 + 0.3 * i))))
            when = min(when, finish)
            if not self._on(b, when, EventType.PROXY_STEP, {"step": step, "note": ""}, proxy,
                            Side.DISTRICT):
                return
        if rng.random() < 0.1:
            decided = self._on(b, finish, EventType.DENIED,
                               {"reason": "经核查不符合申请条件"}, proxy, Side.DISTRICT)
        else:
            doc = f"海民准〔{finish.year}〕{self._next('approve'):d}号"
            decided = self._on(b, finish, EventType.APPROVED, {"text": "准予", "doc_no": doc},
                               proxy, Side.DISTRICT)
        if decided:
            self._complete(b, self._workday(finish, rng.randrange(1, 4)), clerk)

    def _complete(self, b: _Builder, day: date, clerk: str) -> None:
        station = b.station
        doc = f"BJ{day.year}-{station}-{self._next(f'BJ{station}'):05d}"
        self._on(b, day, EventType.COMPLETED, {"doc_no": doc, "delivery": "窗口领取",
                                               "text": "", "rating": self._rating()},
                 clerk, Side.STATION)


def _batches(items: Iterator[_Builder], size: int) -> Iterator[list[_Builder]]:
    batch: list[_Builder] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def populate(db: Database, *, stations: int, cases: int, now: datetime | None = None,
             seed: int = 7, with_ledger: bool = True, users: bool = True,
             password: str = DEMO_PASSWORD) -> Summary:
    """Fill `db` with demo stations, staff (password `password`) and cases."""
    from district import admin

    now = now or datetime.now(UTC)
    summary = Summary()
    codes = station_codes(stations)
    for code, name in codes:
        admin.create_station(db, code=code, name=name, now=now)
    summary.stations = len(codes)
    if users:
        for username, display in REVIEWERS:
            admin.create_user(db, username=username, password=password, role="reviewer",
                              display_name=display, now=now)
        for username, display in PROXIES:
            admin.create_user(db, username=username, password=password, role="proxy",
                              display_name=display, now=now)
        admin.create_user(db, username=ADMIN[0], password=password, role="admin",
                          display_name=ADMIN[1], now=now)
    with db.read() as s:
        cal = work_calendar(s)
    gen = Generator(cal, now, seed)
    _contacts(db, [c for c, _ in codes], now, gen.rng)
    weights = [1.0 / (1 + i % 5) for i in range(len(codes))]
    station_list = [c for c, _ in codes]
    made = (gen.case(gen.rng.choices(station_list, weights)[0]) for _ in range(cases))
    for batch in _batches(made, _BATCH):
        _write(db, batch, cal, now, with_ledger, summary)
    if with_ledger:
        _followups(db, now, gen.rng)
    return summary


def _followups(db: Database, now: datetime, rng: random.Random) -> None:
    """Most older bad ratings have been followed up; some are still open or late."""
    from sqlalchemy import select

    from district.models import CaseRow, RatingFollowup

    with db.write() as s:
        bad = s.execute(select(CaseRow.id, CaseRow.closed_at).where(CaseRow.rating <= 2)
                        .order_by(CaseRow.closed_at)).all()
        for case_id, closed_at in bad[: len(bad) * 2 // 3]:
            if closed_at is None or rng.random() < 0.3:
                continue
            done = closed_at + timedelta(days=rng.randrange(3, 12))
            if done > naive(now):
                continue
            s.add(RatingFollowup(
                case_id=case_id, owner=rng.choice(("李审", "赵审")),
                rectification="已约谈窗口人员，调整高峰时段排班并增开窗口",
                call_record=f"{done:%m月%d日}电话回访申请人，表示认可整改",
                done_at=done, updated_by="li.shen", updated_at=done))


def _contacts(db: Database, codes: list[str], now: datetime, rng: random.Random) -> None:
    """Most stations synced minutes ago; every seventh has been silent for days."""
    from district.models import StationContact

    with db.write() as s:
        for n, code in enumerate(codes):
            ago = timedelta(days=rng.randrange(2, 6)) if n % 7 == 3 else timedelta(
                minutes=rng.randrange(2, 90))
            seen = naive(now - ago)
            s.merge(StationContact(station_code=code, last_pull_at=seen,
                                   last_push_at=seen - timedelta(minutes=rng.randrange(0, 30))))


def _write(db: Database, batch: Sequence[_Builder], cal: WorkCalendar, now: datetime,
           with_ledger: bool, summary: Summary) -> None:
    rows, entries = [], []
    for b in batch:
        assert b.record is not None
        rows.append(ledger.case_values(b.record, cal))
        summary.cases += 1
        summary.by_state[b.record.state.value] = summary.by_state.get(b.record.state.value,
                                                                      0) + 1
        if with_ledger:
            for e in b.events:
                entries.append(ledger.event_row(e, b.station, e.occurred_at))
        summary.events += len(b.events)
    with db.write_conn() as conn:
        ledger.write_rows(conn, new_cases=rows, changed_cases=[], entries=entries)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m district.demo",
                                description="给区中心服务生成演示数据（虚构的站点、人员和案件）")
    p.add_argument("--db", required=True, metavar="URL", help="database URL or SQLite file")
    p.add_argument("--stations", type=int, default=12)
    p.add_argument("--cases", type=int, default=600)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--no-ledger", action="store_true",
                   help="write case projections only (benchmark data)")
    p.add_argument("--password", default=DEMO_PASSWORD,
                   help=f"password of the demo staff accounts (default {DEMO_PASSWORD})")
    args = p.parse_args(argv)
    db = Database(args.db)
    try:
        summary = populate(db, stations=args.stations, cases=args.cases, seed=args.seed,
                           with_ledger=not args.no_ledger, password=args.password)
    finally:
        db.close()
    states = "，".join(f"{k} {v}" for k, v in sorted(summary.by_state.items()))
    print(f"已生成 {summary.stations} 个站点、{summary.cases} 件案件"
          f"（{summary.events} 个事件）：{states}")
    users = "、".join(u for u, _ in (*REVIEWERS, *PROXIES, ADMIN))
    print(f"工作人员账号：{users}；密码：{args.password}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
