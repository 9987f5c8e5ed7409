"""The state machine table itself: every (state, event) pair is either allowed or refused."""

from __future__ import annotations

import pytest

from clerk.cases.states import RULES, CaseFacts, EventType, Side, State, check_event
from clerk.errors import StateError

OWNER_OF = {State.ESCALATED: Side.DISTRICT, State.UNDER_REVIEW: Side.DISTRICT}

ALLOWED = {
    (State.DRAFT, EventType.MATERIALS_UPDATED), (State.DRAFT, EventType.NOTICE_ISSUED),
    (State.DRAFT, EventType.ACCEPTED), (State.DRAFT, EventType.REFUSED),
    (State.DRAFT, EventType.WITHDRAWN),
    (State.AWAITING_SUPPLEMENT, EventType.MATERIALS_UPDATED),
    (State.AWAITING_SUPPLEMENT, EventType.NOTICE_ISSUED),
    (State.AWAITING_SUPPLEMENT, EventType.ACCEPTED),
    (State.AWAITING_SUPPLEMENT, EventType.REFUSED),
    (State.AWAITING_SUPPLEMENT, EventType.WITHDRAWN),
    (State.ACCEPTED, EventType.ESCALATED), (State.ACCEPTED, EventType.COMPLETED),
    (State.ACCEPTED, EventType.WITHDRAWN), (State.ACCEPTED, EventType.SPECIAL_STARTED),
    (State.ESCALATED, EventType.TAKEN), (State.ESCALATED, EventType.ASSIGNED),
    (State.ESCALATED, EventType.RETURNED), (State.ESCALATED, EventType.WITHDRAWN),
    (State.UNDER_REVIEW, EventType.ASSIGNED), (State.UNDER_REVIEW, EventType.PROXY_STEP),
    (State.UNDER_REVIEW, EventType.RETURNED), (State.UNDER_REVIEW, EventType.APPROVED),
    (State.UNDER_REVIEW, EventType.DENIED), (State.UNDER_REVIEW, EventType.WITHDRAWN),
    (State.UNDER_REVIEW, EventType.SPECIAL_STARTED),
    (State.RETURNED, EventType.MATERIALS_UPDATED), (State.RETURNED, EventType.RESUBMITTED),
    (State.RETURNED, EventType.WITHDRAWN),
    (State.APPROVED, EventType.COMPLETED), (State.DENIED, EventType.COMPLETED),
    (State.COMPLETED, EventType.RATED),
    # 补交容缺材料: the station records it, also while the district holds the case.
    (State.ACCEPTED, EventType.SUPPLEMENTED), (State.ESCALATED, EventType.SUPPLEMENTED),
    (State.UNDER_REVIEW, EventType.SUPPLEMENTED),
}


def _rule_side(event: EventType, state: State) -> Side:
    rule = RULES[event]
    return rule.side or OWNER_OF.get(state, Side.STATION)


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("event", [e for e in EventType
                                   if e not in (EventType.CREATED, EventType.COMMENTED,
                                                EventType.SPECIAL_ENDED)])
def test_every_pair(state: State, event: EventType) -> None:
    side = _rule_side(event, state)
    facts = CaseFacts(state=state, owner=OWNER_OF.get(state, Side.STATION),
                      handling_level="station" if (state, event) == (
                          State.ACCEPTED, EventType.COMPLETED) else "district")
    if (state, event) in ALLOWED:
        rule = check_event(facts, event, side)
        assert rule is RULES[event]
    else:
        with pytest.raises(StateError):
            check_event(facts, event, side)


def test_final_states_accept_nothing_but_rating() -> None:
    for state in (State.NOT_ACCEPTED, State.WITHDRAWN, State.COMPLETED):
        assert state.is_final
        allowed = {e for (s, e) in ALLOWED if s == state}
        assert allowed <= {EventType.RATED}


def test_wrong_side_refused() -> None:
    facts = CaseFacts(State.UNDER_REVIEW, Side.DISTRICT, "district")
    with pytest.raises(StateError, match="区中心负责"):
        check_event(facts, EventType.APPROVED, Side.STATION)
    facts = CaseFacts(State.DRAFT, Side.STATION, "district")
    with pytest.raises(StateError, match="站点负责"):
        check_event(facts, EventType.ACCEPTED, Side.DISTRICT)


def test_guards() -> None:
    f = CaseFacts(State.DRAFT, Side.STATION, "district", ready_to_accept=False)
    with pytest.raises(StateError, match="必要材料"):
        check_event(f, EventType.ACCEPTED, Side.STATION)
    f = CaseFacts(State.ACCEPTED, Side.STATION, "station", special_open=True)
    with pytest.raises(StateError, match="进行中的特别程序"):
        check_event(f, EventType.SPECIAL_STARTED, Side.STATION)
    f = CaseFacts(State.ACCEPTED, Side.STATION, "station")
    with pytest.raises(StateError, match="没有进行中的特别程序"):
        check_event(f, EventType.SPECIAL_ENDED, Side.STATION)
    assert check_event(CaseFacts(State.COMPLETED, Side.STATION, "station"),
                       EventType.COMMENTED, Side.STATION)
    with pytest.raises(StateError, match="站点负责"):
        check_event(CaseFacts(State.COMPLETED, Side.STATION, "station"),
                    EventType.COMMENTED, Side.DISTRICT)
