"""The case state machine (DESIGN section 4): one table, used by the station and the server.

Each event type names the states it may follow, the side that may emit it and the state
it leads to. Guards that need the case itself (handling level, readiness) live in
`check_event`, so nobody can reach a state by a path the table does not allow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from clerk.errors import QT_TRANSLATE_NOOP, StateError
from clerk.labels import EVENT_LABELS, OWNER_LABELS, STATE_LABELS


class State(StrEnum):
    DRAFT = "draft"
    AWAITING_SUPPLEMENT = "awaiting_supplement"
    NOT_ACCEPTED = "not_accepted"
    ACCEPTED = "accepted"
    ESCALATED = "escalated"
    UNDER_REVIEW = "under_review"
    RETURNED = "returned"
    APPROVED = "approved"
    DENIED = "denied"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]

    @property
    def is_final(self) -> bool:
        return self in (State.NOT_ACCEPTED, State.COMPLETED, State.WITHDRAWN)




#: States in which the station continues a case at the counter (补正 / 继续受理).
RESUMABLE = (State.DRAFT, State.AWAITING_SUPPLEMENT, State.RETURNED)


class Side(StrEnum):
    STATION = "station"
    DISTRICT = "district"


class EventType(StrEnum):
    CREATED = "created"
    MATERIALS_UPDATED = "materials_updated"
    NOTICE_ISSUED = "notice_issued"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    ESCALATED = "escalated"
    TAKEN = "taken"
    ASSIGNED = "assigned"
    PROXY_STEP = "proxy_step"
    RETURNED = "returned"
    RESUBMITTED = "resubmitted"
    SPECIAL_STARTED = "special_started"
    SPECIAL_ENDED = "special_ended"
    APPROVED = "approved"
    DENIED = "denied"
    COMPLETED = "completed"
    RATED = "rated"
    WITHDRAWN = "withdrawn"
    COMMENTED = "commented"
    SUPPLEMENTED = "supplemented"  # 补交容缺材料: a promised material handed in after acceptance


@dataclass(frozen=True)
class Rule:
    sources: frozenset[State | None]
    side: Side | None  # None: whoever owns the case
    target: State | None  # None: the state does not change
    new_owner: Side | None = None
    # True: the event records something without changing the state, so `side` may emit
    # it whoever owns the case ("only the owner may change a case's state"); the station
    # recording what the citizen handed over while the district reviews the case.
    any_owner: bool = False


def _r(sources: Iterable[State | None], side: Side | None, target: State | None,
       new_owner: Side | None = None, *, any_owner: bool = False) -> Rule:
    if any_owner and (target is not None or new_owner is not None or side is None):
        raise ValueError("an event any side may record names its side and changes no state")
    return Rule(frozenset(sources), side, target, new_owner, any_owner)


_S, _D = Side.STATION, Side.DISTRICT
_INTAKE: frozenset[State | None] = frozenset({State.DRAFT, State.AWAITING_SUPPLEMENT})
_AT_DISTRICT: frozenset[State | None] = frozenset({State.ESCALATED, State.UNDER_REVIEW})

RULES: dict[EventType, Rule] = {
    EventType.CREATED: _r([None], _S, State.DRAFT, _S),
    EventType.MATERIALS_UPDATED: _r(_INTAKE | {State.RETURNED}, _S, None),
    EventType.NOTICE_ISSUED: _r(_INTAKE, _S, State.AWAITING_SUPPLEMENT),
    EventType.ACCEPTED: _r(_INTAKE, _S, State.ACCEPTED),
    EventType.REFUSED: _r(_INTAKE, _S, State.NOT_ACCEPTED),
    EventType.ESCALATED: _r({State.ACCEPTED}, _S, State.ESCALATED, _D),
    EventType.TAKEN: _r({State.ESCALATED}, _D, State.UNDER_REVIEW),
    EventType.ASSIGNED: _r(_AT_DISTRICT, _D, State.UNDER_REVIEW),
    EventType.PROXY_STEP: _r({State.UNDER_REVIEW}, _D, None),
    EventType.RETURNED: _r(_AT_DISTRICT, _D, State.RETURNED, _S),
    EventType.RESUBMITTED: _r({State.RETURNED}, _S, State.ESCALATED, _D),
    EventType.SPECIAL_STARTED: _r({State.ACCEPTED, State.UNDER_REVIEW}, None, None),
    EventType.SPECIAL_ENDED: _r({State.ACCEPTED, State.UNDER_REVIEW}, None, None),
    EventType.APPROVED: _r({State.UNDER_REVIEW}, _D, State.APPROVED, _S),
    EventType.DENIED: _r({State.UNDER_REVIEW}, _D, State.DENIED, _S),
    EventType.COMPLETED: _r({State.ACCEPTED, State.APPROVED, State.DENIED}, _S, State.COMPLETED),
    EventType.RATED: _r({State.COMPLETED}, _S, None),
    # 容缺后补 delivered after acceptance and before the decision (DESIGN section 3), by
    # the station that received it, also while the district holds the case.
    EventType.SUPPLEMENTED: _r({State.ACCEPTED} | _AT_DISTRICT, _S, None, any_owner=True),
    EventType.WITHDRAWN: _r(
        _INTAKE | {State.ACCEPTED, State.RETURNED} | _AT_DISTRICT, None, State.WITHDRAWN
    ),
}


@dataclass(frozen=True)
class CaseFacts:
    """What the guards need to know about a case."""

    state: State | None
    owner: Side | None
    handling_level: str  # station | district
    ready_to_accept: bool = True
    has_rating: bool = False
    special_open: bool = False


def check_event(facts: CaseFacts, event_type: EventType, side: Side) -> Rule:
    """Return the rule for `event_type` on this case, or raise StateError saying why not."""
    if event_type == EventType.COMMENTED:
        # Comments in the case's own sequence come from its owner; the other side's
        # remarks travel as unsequenced notes, so the two never race for a number.
        if facts.state is None:
            raise StateError(
                QT_TRANSLATE_NOOP("errors", "案件不存在，无法留言。"),
                code="state.no_case")
        rule = _r({facts.state}, None, None)
    else:
        rule = RULES[event_type]
    if facts.state not in rule.sources:
        current = facts.state.label if facts.state else "（新建）"
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "案件当前状态为“{current}”，不能执行“{action}”。"),
            code="state.transition",
            params={"current": current, "action": EVENT_LABELS[event_type]})
    if facts.owner is not None and side != facts.owner and not rule.any_owner:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "案件当前由{owner}负责，{side}不能更改它的状态。"),
            code="state.owner",
            params={"owner": OWNER_LABELS[facts.owner], "side": OWNER_LABELS[side]})
    if rule.side is not None and side != rule.side:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "“{action}”只能由{side}执行。"),
            code="state.side",
            params={"action": EVENT_LABELS[event_type], "side": OWNER_LABELS[rule.side]})
    _check_guards(facts, event_type)
    return rule


def _check_guards(facts: CaseFacts, event_type: EventType) -> None:
    district_level = facts.handling_level == "district"
    if event_type == EventType.ESCALATED and not district_level:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "本事项由站点办结，不需要上报区级。"),
            code="state.not_district_level")
    if (event_type == EventType.COMPLETED and facts.state == State.ACCEPTED
            and district_level):
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "本事项须上报区级审批，不能在站点直接办结。"),
            code="state.district_level")
    if event_type == EventType.ACCEPTED and not facts.ready_to_accept:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "仍有必要材料未收齐，不能受理；请出具一次性告知单。"),
            code="state.incomplete")
    if event_type == EventType.RATED and facts.has_rating:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "该案件已有评价，每件只能评价一次。"),
            code="state.rated")
    if event_type == EventType.SPECIAL_STARTED and facts.special_open:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "已有进行中的特别程序，请先结束它。"),
            code="state.special_open")
    if event_type == EventType.SPECIAL_ENDED and not facts.special_open:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "没有进行中的特别程序。"),
            code="state.no_special")



