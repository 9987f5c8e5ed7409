"""补交容缺材料 after acceptance: the state machine's row, the projection, the refusals and
the overdue promises the station's 待办 and supervision count (generated cases, a
FakeClock)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from clerk.cases.checklist import ItemStatus
from clerk.cases.queries import follow_ups, overdue_promise_count, overdue_promises
from clerk.cases.states import (
    RULES,
    CaseFacts,
    EventType,
    Side,
    State,
    check_event,
)
from clerk.errors import StateError, ValidationError
from tests.clerk.case_builder import BIRTH, DIBAO, Cases
from tests.conftest import FakeClock

DEFERRED = "income_proof"  # the deferrable material of 最低生活保障申请
ALLOWED = {State.ACCEPTED, State.ESCALATED, State.UNDER_REVIEW}


# --- the state machine table ---------------------------------------------------------------

def test_table_row_changes_no_state_and_names_the_station() -> None:
    rule = RULES[EventType.SUPPLEMENTED]
    assert rule.sources == ALLOWED
    assert rule.target is None and rule.new_owner is None
    assert rule.side == Side.STATION and rule.any_owner


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("owner", list(Side))
def test_only_the_station_only_before_the_decision(state: State, owner: Side) -> None:
    facts = CaseFacts(state=state, owner=owner, handling_level="district")
    if state in ALLOWED:
        # Whoever owns the case: the station records what the citizen handed over.
        assert check_event(facts, EventType.SUPPLEMENTED, Side.STATION).target is None
    else:
        with pytest.raises(StateError) as err:
            check_event(facts, EventType.SUPPLEMENTED, Side.STATION)
        assert err.value.code == "state.transition"
        assert "补交容缺材料" in err.value.message
    with pytest.raises(StateError):  # never the district's to record
        check_event(facts, EventType.SUPPLEMENTED, Side.DISTRICT)


def test_other_events_still_need_the_owner() -> None:
    facts = CaseFacts(state=State.UNDER_REVIEW, owner=Side.DISTRICT, handling_level="district")
    with pytest.raises(StateError) as err:
        check_event(facts, EventType.WITHDRAWN, Side.STATION)
    assert err.value.code == "state.owner"


# --- projection and service ------------------------------------------------------------------

def _promised(cases: Cases, clock: FakeClock, days: int = 5, **kw: object) -> str:
    promise = clock().date() + timedelta(days=days)
    return cases.accepted(DIBAO, deferred={DEFERRED: promise}, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("stage", ["accepted", "escalated", "under_review"])
def test_supplement_marks_the_item_received_with_its_day(cases: Cases, clock: FakeClock,
                                                         stage: str) -> None:
    promise = date(2026, 6, 12)
    builder = {"accepted": cases.accepted, "escalated": lambda **kw: cases.escalated(**kw),
               "under_review": lambda **kw: cases.under_review(**kw)}[stage]
    case_no = builder(deferred={DEFERRED: promise})
    before = cases.ws.cases.get(case_no)
    clock.advance(days=3)
    rec = cases.ws.cases.supplement(case_no, [DEFERRED], counts={DEFERRED: (1, 2)})
    item = rec.materials.item(DEFERRED)
    assert item.status == ItemStatus.RECEIVED
    assert item.delivered_on == (clock.moment + timedelta(hours=8)).date()
    assert item.promise_date == promise  # what was promised stays on record
    assert rec.state == before.state and rec.owner == before.owner
    assert rec.version == before.version + 1
    event = cases.ws.cases.timeline(case_no)[-1]
    assert event.type == EventType.SUPPLEMENTED
    assert event.payload["items"][0] | {} == {"key": DEFERRED, "name": item.name,
                                               "original_count": 1, "copy_count": 2}
    # Replaying the stored events yields the same record (the district's view).
    from clerk.cases.projection import replay
    assert replay(cases.ws.cases.timeline(case_no)).checklist == rec.checklist


def test_refused_for_a_key_not_awaited(cases: Cases, clock: FakeClock) -> None:
    case_no = _promised(cases, clock)
    version = cases.ws.cases.get(case_no).version
    for key, code in (("id_card", "supplement.not_awaited"),
                      ("no_such_material", "checklist.unknown_key")):
        with pytest.raises(ValidationError) as err:
            cases.ws.cases.supplement(case_no, [key])
        assert err.value.code == code
    cases.ws.cases.supplement(case_no, [DEFERRED])
    with pytest.raises(ValidationError) as err:  # the second time it is no longer awaited
        cases.ws.cases.supplement(case_no, [DEFERRED])
    assert err.value.code == "supplement.not_awaited" and "已经补交" in err.value.message
    assert cases.ws.cases.get(case_no).version == version + 1


@pytest.mark.parametrize("counts", [(0, 0), (-1, 1), (100, 0)])
def test_refused_for_impossible_counts(cases: Cases, clock: FakeClock,
                                       counts: tuple[int, int]) -> None:
    case_no = _promised(cases, clock)
    with pytest.raises(ValidationError) as err:
        cases.ws.cases.supplement(case_no, [DEFERRED], counts={DEFERRED: counts})
    assert err.value.code == "supplement.counts"
    assert cases.ws.cases.get(case_no).materials.item(DEFERRED).status == ItemStatus.DEFERRED


def test_refused_for_nothing_or_stray_counts(cases: Cases, clock: FakeClock) -> None:
    case_no = _promised(cases, clock)
    with pytest.raises(ValidationError) as err:
        cases.ws.cases.supplement(case_no, [])
    assert err.value.code == "supplement.empty"
    with pytest.raises(ValidationError) as err:
        cases.ws.cases.supplement(case_no, [DEFERRED], counts={"id_card": (1, 0)})
    assert err.value.code == "supplement.stray"


def test_refused_for_draft_and_closed_cases(cases: Cases, clock: FakeClock) -> None:
    promise = clock().date() + timedelta(days=5)
    draft = cases.new(DIBAO, deferred={DEFERRED: promise})
    with pytest.raises(StateError) as err:
        cases.ws.cases.supplement(draft, [DEFERRED])
    assert err.value.code == "state.transition" and "收件中" in err.value.message
    done = cases.completed()
    with pytest.raises(StateError) as err:
        cases.ws.cases.supplement(done, ["id_card"])
    assert "已办结" in err.value.message
    returned = cases.returned(deferred={DEFERRED: promise})
    with pytest.raises(StateError):  # returned: the correction goes through resubmission
        cases.ws.cases.supplement(returned, [DEFERRED])


# --- overdue promises: 待办 and supervision ----------------------------------------------

def test_overdue_promises_listed_and_counted(cases: Cases, clock: FakeClock) -> None:
    """Generated cases with promises before, on and after today; some delivered."""
    start = date(2026, 6, 1)
    clock.set_local(start)
    made: list[tuple[str, date]] = []
    for n, offset in enumerate((1, 2, 3, 4, 6, 8)):
        promise = start + timedelta(days=offset)
        case_no = cases.accepted(DIBAO, deferred={DEFERRED: promise}, n=100 + n)
        if n % 3 == 2:
            cases.ws.cases.escalate(case_no)
        made.append((case_no, promise))
    delivered = made[1][0]
    cases.ws.cases.supplement(delivered, [DEFERRED])
    cases.ws.cases.withdraw(made[0][0])  # closed: no longer followed up
    today = start + timedelta(days=4)
    clock.set_local(today)
    expected = {no for no, promise in made if promise < today} - {delivered, made[0][0]}
    assert expected  # the generated set has overdue ones
    with cases.ws.store.read() as s:
        listed = overdue_promises(s, today)
        assert {p.case_no for p in listed} == expected
        assert all(p.promise_date < today and p.material_key == DEFERRED for p in listed)
        assert overdue_promise_count(s, today) == len(expected)
        # The promise list of 待办 shows them, and no longer the delivered one.
        promises = [f for f in follow_ups(s) if f.kind == "promise"]
        assert delivered not in {f.case_no for f in promises}
        assert {f.case_no for f in promises if f.overdue(today)} == expected
        # On the promise date itself the promise is not broken yet.
        assert overdue_promise_count(s, made[0][1]) == 0


def test_an_instant_case_has_no_promises(cases: Cases, clock: FakeClock) -> None:
    cases.completed()
    with cases.ws.store.read() as s:
        assert overdue_promise_count(s, date(2030, 1, 1)) == 0
    assert BIRTH
