"""What the public progress page shows of a case: the matter, the state in plain words,
the dates, what is still missing and where to collect the result. Nothing about the
person: no name, no ID number, no phone, no address of theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from clerk.cases.checklist import Checklist
from clerk.cases.events import parse_utc
from clerk.cases.states import State
from clerk.timeutil import local_date
from district.models import CaseRow, StationRow

# The state as a citizen would say it (the counter's labels are the clerks' words).
PLAIN_STATES: dict[str, str] = {
    State.DRAFT: "窗口正在收件，尚未受理",
    State.AWAITING_SUPPLEMENT: "材料不齐，请按一次性告知单补齐材料后再来",
    State.NOT_ACCEPTED: "不予受理（理由见不予受理通知书）",
    State.ACCEPTED: "已受理，正在办理",
    State.ESCALATED: "已受理，已报送区政务服务中心审批",
    State.UNDER_REVIEW: "区政务服务中心正在审批",
    State.RETURNED: "需要补正材料，请按下列事项到受理地点补正",
    State.APPROVED: "审批通过，请到受理地点领取办理结果",
    State.DENIED: "审批未通过，请到受理地点领取决定书",
    State.COMPLETED: "已办结，办理结果已领取",
    State.WITHDRAWN: "申请已撤回",
}
_DECIDED = (State.APPROVED, State.DENIED)
_CLOSED = (State.COMPLETED, State.NOT_ACCEPTED, State.WITHDRAWN)
_COLLECT = (State.APPROVED, State.DENIED)


@dataclass(frozen=True)
class Missing:
    name: str
    detail: str  # what is asked of it, or the promised date that has passed


@dataclass(frozen=True)
class CaseView:
    case_no: str
    matter_name: str
    state: str
    state_words: str
    received_on: date
    accepted_on: date | None
    due_date: date | None
    due_provisional: bool
    decided_on: date | None
    missing: tuple[Missing, ...]
    missing_title: str
    collect: bool  # a result is (or will be) waiting at the station
    delivery: str
    station_name: str
    station_address: str
    station_phone: str


def _day(text: Any) -> date | None:
    return local_date(parse_utc(str(text))) if text else None


def _naive_day(moment: datetime | None) -> date | None:
    return local_date(moment.replace(tzinfo=UTC)) if moment is not None else None


def _missing(row: CaseRow, today: date) -> tuple[str, tuple[Missing, ...]]:
    data = row.data
    if row.state == State.RETURNED and data.get("returns"):
        items = data["returns"][-1].get("items") or []
        return "需要补正的材料", tuple(
            Missing(str(i.get("name", "")), str(i.get("requirement", ""))) for i in items)
    if row.state == State.AWAITING_SUPPLEMENT and data.get("notices"):
        items = data["notices"][-1].get("items") or []
        return "需要补齐的材料", tuple(
            Missing(str(i.get("name", "")), str(i.get("requirement", ""))) for i in items)
    if row.next_promise is not None and row.next_promise < today:
        overdue = Checklist.from_list(data.get("checklist") or []).overdue_promises(today)
        return "承诺后补、已过期限的材料", tuple(
            Missing(i.name, f"承诺于 {i.promise_date:%Y-%m-%d} 前补交") for i in overdue)
    return "", ()


def case_view(row: CaseRow, station: StationRow | None, now: datetime) -> CaseView:
    data = row.data
    state = State(row.state)
    title, missing = _missing(row, local_date(now))
    decided = (_naive_day(row.updated_at) if state in _DECIDED
               else _naive_day(row.closed_at) if state in _CLOSED else None)
    result = data.get("result") or {}
    return CaseView(
        case_no=row.case_no, matter_name=row.matter_name, state=state.value,
        state_words=PLAIN_STATES[state], received_on=_day(data["received_at"]) or date.min,
        accepted_on=_day(data.get("accepted_at")), due_date=row.due_date,
        due_provisional=row.due_provisional, decided_on=decided, missing=missing,
        missing_title=title, collect=state in _COLLECT,
        delivery=str(result.get("delivery") or "窗口领取"),
        station_name=station.name if station else row.station_code,
        station_address=(station.address or "") if station else "",
        station_phone=(station.phone or "") if station else "")
