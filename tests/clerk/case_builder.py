"""Building realistic cases for tests: through the real CaseService on the bundled
catalog, with district decisions stored the way pulled ones are."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, NamedTuple

from clerk.applicants import PersonInput
from clerk.cases.events import Event
from clerk.cases.ledger import append_event, load_by_case_no
from clerk.cases.service import MaterialChanges
from clerk.cases.states import EventType, Side
from clerk.catalog import Matter
from clerk.store import DB_FILENAME
from clerk.workspace import Workspace
from tests.conftest import FakeClock, raw_store

DIBAO = "最低生活保障申请"  # district level, committed, 25 working days, income proof deferrable
ELDERLY = "高龄津贴申请"  # station level, committed, 10 working days
BIRTH = "生育登记"  # instant, station level
REVIEWER = "区中心审核员 刘审"


class Cases:
    """Builds cases in every station-reachable state through the real services."""

    def __init__(self, ws: Workspace, clock: FakeClock, ids: Callable[..., str]) -> None:
        self.ws, self.clock, self.ids = ws, clock, ids
        self.matters: dict[str, Matter] = {m.name: m for m in ws.matters()}
        self.n = 0

    def code(self, name: str) -> str:
        return self.matters[name].code

    def needed(self, name: str) -> list[str]:
        return [x.key for x in self.matters[name].materials
                if x.necessity in ("required", "deferrable") and not x.condition]

    def new(self, name: str = DIBAO, *, person: str = "张三", n: int | None = None,
            complete: bool = True, deferred: dict[str, date] | None = None,
            mobile: str = "13800138000") -> str:
        if n is None:
            self.n += 1
            n = self.n
        received = self.needed(name) if complete else self.needed(name)[:1]
        if deferred:
            received = [k for k in received if k not in deferred]
        rec = self.ws.cases.new_case(
            matter_code=self.code(name),
            applicant=PersonInput(name=person, id_no=self.ids(n), mobile=mobile),
            changes=MaterialChanges(received=received, deferred=deferred or {}))
        return rec.case_no

    def accepted(self, name: str = DIBAO, **kw: Any) -> str:
        case_no = self.new(name, **kw)
        self.ws.cases.accept(case_no)
        return case_no

    def awaiting(self, name: str = DIBAO, **kw: Any) -> str:
        case_no = self.new(name, complete=False, **kw)
        self.ws.cases.issue_notice(case_no)
        return case_no

    def escalated(self, **kw: Any) -> str:
        case_no = self.accepted(DIBAO, **kw)
        self.ws.cases.escalate(case_no)
        return case_no

    def district(self, case_no: str, etype: EventType, payload: dict[str, Any]) -> None:
        """Store a district decision the way a pulled one is stored."""
        with self.ws.store.write() as s:
            rec = load_by_case_no(s, case_no)
            ev = Event(event_id=str(uuid.uuid4()), case_id=rec.id, seq=rec.version + 1,
                       type=etype, payload=payload, actor=REVIEWER, origin=Side.DISTRICT,
                       occurred_at=self.ws.now())
            append_event(s, rec, ev, sync_state="acked")

    def under_review(self, **kw: Any) -> str:
        case_no = self.escalated(**kw)
        self.district(case_no, EventType.TAKEN, {})
        return case_no

    def returned(self, **kw: Any) -> str:
        case_no = self.under_review(**kw)
        self.district(case_no, EventType.RETURNED, {
            "items": [{"key": "economic_status_declaration", "name": "家庭经济状况声明",
                       "note": "缺少签字"}],
            "note": "请申请人签字后重新上报"})
        return case_no

    def decided(self, approve: bool = True, **kw: Any) -> str:
        case_no = self.under_review(**kw)
        if approve:
            self.district(case_no, EventType.APPROVED, {"text": "符合条件，准予。"})
        else:
            self.district(case_no, EventType.DENIED, {"reason": "收入高于标准"})
        return case_no

    def completed(self, rating: int | None = 5, comment: str = "", **kw: Any) -> str:
        case_no = self.accepted(BIRTH, **kw)
        self.ws.cases.complete(case_no, rating=rating, rating_comment=comment)
        return case_no



def clone_cases(ws: Workspace, template: str, count: int) -> list[str]:
    """``count`` copies of a case row (with spread dates and due dates), fast, via SQL."""
    path = ws.store.path
    assert path is not None and path.name == DB_FILENAME
    con = raw_store(path)
    src = con.execute("SELECT * FROM cases WHERE case_no = ?", (template,)).fetchone()
    names = [d[0] for d in con.execute("SELECT * FROM cases LIMIT 0").description]
    rows, numbers = [], []
    base = date(2026, 1, 1)
    for i in range(count):
        r = dict(zip(names, src, strict=True))
        day = base + timedelta(days=i % 50)
        r["id"] = str(uuid.uuid4())
        r["case_no"] = f"110108001001-{day:%Y%m%d}-{1000 + i:04d}"
        r["updated_at"] = f"2026-02-{1 + i % 28:02d} 08:{i % 60:02d}:00.000000"
        r["due_date"] = None if i % 7 == 0 else (base + timedelta(days=i % 90)).isoformat()
        r["state"] = ("accepted", "completed", "under_review")[i % 3]
        rows.append(tuple(r[n] for n in names))
        numbers.append(r["case_no"])
    con.executemany(f"INSERT INTO cases VALUES ({', '.join('?' * len(names))})", rows)
    con.commit()
    con.close()
    return numbers


class Returned(NamedTuple):
    """Three returned cases: at once (normal), the day before its due date (yellow) and
    three days after it (red); ``due`` is the due date of the last two."""

    calm: str
    nearly: str
    late: str
    due: date
