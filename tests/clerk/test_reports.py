"""Station reports count cases (clerk.reports): the state table agrees with the case list
filtered the same way, the activity table with the cases' own timelines, on generated
data over several days; ratings by level and channel."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from clerk.cases.queries import (
    CaseFilter,
    CaseQuery,
    Level,
    LevelFilter,
    SupervisionCut,
    case_timeline,
    matters_in_use,
)
from clerk.cases.service import MaterialChanges
from clerk.cases.states import EventType, State
from clerk.ratings import RatingChannel, channel_of
from clerk.reports import ACTIVITY_EVENTS, Activity, daily_report, station_report
from clerk.store.models import Case
from clerk.timeutil import local_date
from clerk.workspace import Workspace
from tests.clerk.case_builder import BIRTH, DIBAO, ELDERLY, Cases
from tests.conftest import STATION_CODE, FakeClock

DAYS = tuple(date(2026, 3, 2) + timedelta(days=i) for i in range(5))  # Monday to Friday


def cut_of(ws: Workspace) -> SupervisionCut:
    return SupervisionCut.build(ws.calendar(), local_date(ws.now()))


# --- generated data -------------------------------------------------------------------------

def _make(kind: str, ws: Workspace, cases: Cases, rng: random.Random) -> str:
    """One case brought to ``kind`` through the real services (several events a day)."""
    if kind == "draft":
        return cases.new(rng.choice((DIBAO, ELDERLY)))
    if kind == "awaiting":
        return cases.awaiting()
    if kind == "noticed_twice":
        case_no = cases.awaiting(ELDERLY)
        ws.cases.issue_notice(case_no)  # a second notice the same day: still one case
        return case_no
    if kind == "accepted":
        return cases.accepted(ELDERLY)
    if kind == "refused":
        case_no = cases.new(ELDERLY, complete=False)
        ws.cases.refuse(case_no, reason="不属于本站受理范围", basis="事项办事指南")
        return case_no
    if kind == "withdrawn":
        case_no = cases.new(DIBAO)
        ws.cases.withdraw(case_no, "申请人决定暂不申请")
        return case_no
    if kind == "completed":
        return cases.completed(rating=rng.choice((5, 4, 3, 2, 1)))
    if kind == "completed_unrated":
        return cases.completed(rating=None)
    return {"escalated": cases.escalated, "under_review": cases.under_review,
            "returned": cases.returned, "approved": lambda: cases.decided(True),
            "denied": lambda: cases.decided(False)}[kind]()


KINDS = ("draft", "awaiting", "noticed_twice", "accepted", "refused", "withdrawn",
         "completed", "completed_unrated", "escalated", "under_review", "returned", "approved",
         "denied")


def generate(ws: Workspace, cases: Cases, clock: FakeClock, seed: int = 11) -> None:
    """Cases in every state over five days; some move on (accepted, completed, rated by
    phone or by the clerk) on later days."""
    rng = random.Random(seed)
    drafts: list[str] = []
    unrated: list[str] = []
    for day in DAYS:
        clock.set_local(day, 9)
        # yesterday's drafts accepted today, some of them completed the same day
        for case_no in drafts:
            clock.advance(minutes=3)
            ws.cases.accept(case_no)
        drafts = []
        for case_no in unrated[:2]:
            clock.advance(minutes=3)
            channel = rng.choice((RatingChannel.PHONE, RatingChannel.CLERK_ON_BEHALF))
            ws.cases.rate(case_no, rng.randint(1, 5), channel=channel)
        unrated = unrated[2:]
        for kind in (*KINDS, *rng.choices(KINDS, k=8)):
            clock.advance(minutes=7)
            case_no = _make(kind, ws, cases, rng)
            if kind == "draft" and rng.random() < 0.6:
                drafts.append(case_no)
            if kind == "completed_unrated":
                unrated.append(case_no)


# --- what the report must agree with ----------------------------------------------------------

def _listed(ws: Workspace, s: object, a: date, b: date, **kw: object) -> int:
    """The case list's count with the received-date filter of ``a``..``b``."""
    f = CaseFilter(received_from=a, received_to=b, **kw)  # type: ignore[arg-type]
    return CaseQuery(f, cut_of(ws), station_code=STATION_CODE).count(s)  # type: ignore[arg-type]


def _from_timelines(ws: Workspace, a: date, b: date) -> tuple[Counter[tuple[str, Activity]],
                                                              Counter[int],
                                                              Counter[RatingChannel]]:
    """The activity and ratings of ``a``..``b`` worked out case by case from timelines."""
    kinds = {t: act for act, types in ACTIVITY_EVENTS.items() for t in types}
    activity: Counter[tuple[str, Activity]] = Counter()
    scores: Counter[int] = Counter()
    channels: Counter[RatingChannel] = Counter()
    with ws.store.read() as s:
        for case_id, matter in s.execute(select(Case.id, Case.matter_code)).all():
            seen: set[Activity] = set()
            for e in case_timeline(s, case_id):
                if not a <= local_date(e.occurred_at) <= b:
                    continue
                if e.type in kinds:
                    seen.add(kinds[e.type])
                rating = e.payload.get("rating") if e.type in ("completed", "rated") else None
                if rating:
                    scores[int(rating["score"])] += 1
                    channels[channel_of(rating)] += 1
            activity.update((matter, act) for act in seen)
    return activity, scores, channels


PERIODS = ((DAYS[0], DAYS[0]), (DAYS[1], DAYS[1]), (DAYS[4], DAYS[4]), (DAYS[1], DAYS[3]),
           (DAYS[0], DAYS[4]), (DAYS[4] + timedelta(days=1), DAYS[4] + timedelta(days=3)))


def test_reports_agree_with_the_case_list_on_generated_data(
        ws: Workspace, cases: Cases, clock: FakeClock) -> None:
    generate(ws, cases, clock)
    cut = cut_of(ws)
    with ws.store.read() as s:
        matters = [code for code, _ in matters_in_use(s)]
        assert {State(r) for r in s.execute(select(Case.state)).scalars()} == set(State)
        for a, b in PERIODS:
            report = station_report(s, a, b, cut)
            # every case received in the period counted once, in its current state
            assert report.received() == _listed(ws, s, a, b)
            for code in matters:
                assert report.received(code) == _listed(ws, s, a, b, matter_code=code)
                for st in State:
                    assert report.count(code, st) == _listed(
                        ws, s, a, b, matter_code=code, states=(st,)), (a, b, code, st)
            for st in State:
                assert report.total(st) == _listed(ws, s, a, b, states=(st,))
            # the activity table: cases with such an event in the period, each once
            activity, scores, channels = _from_timelines(ws, a, b)
            assert +report.activity == +activity, (a, b)
            assert +report.ratings == +scores and +report.channels == +channels
            assert report.rated == sum(report.channels.values())
            # supervision: the case list's level filter
            for level, lf in ((Level.RED, LevelFilter.RED), (Level.YELLOW, LevelFilter.YELLOW),
                              (Level.NORMAL, LevelFilter.NORMAL)):
                assert report.levels[level] == CaseQuery(
                    CaseFilter(level=lf), cut, station_code=STATION_CODE).count(s)
        whole = station_report(s, DAYS[0], DAYS[4], cut)
    assert whole.received() == sum(whole.received(c) for c in matters) > 60
    # some cases were received one day and accepted another: in the whole week's activity
    # they count once under 受理 though the days' reports each have their share
    accepted_days = sum(station_report_total(ws, d, Activity.ACCEPTED) for d in DAYS)
    assert whole.did_total(Activity.ACCEPTED) == accepted_days
    # unrated cases rated on later mornings, by phone or keyed in by the clerk
    assert whole.channels[RatingChannel.PHONE] > 0
    assert whole.channels[RatingChannel.CLERK_ON_BEHALF] > 0
    assert whole.channels[RatingChannel.DEVICE] >= 5


def station_report_total(ws: Workspace, day: date, activity: Activity) -> int:
    with ws.store.read() as s:
        return daily_report(s, day, cut_of(ws)).did_total(activity)


def test_a_case_noticed_and_accepted_the_same_day_counts_once_per_column(
        ws: Workspace, cases: Cases, clock: FakeClock) -> None:
    clock.set_local(DAYS[0])
    case_no = cases.new(ELDERLY, complete=False)
    ws.cases.issue_notice(case_no)
    ws.cases.issue_notice(case_no)
    ws.cases.update_materials(case_no, MaterialChanges(received=cases.needed(ELDERLY)))
    ws.cases.accept(case_no)
    with ws.store.read() as s:
        report = daily_report(s, DAYS[0], cut_of(ws))
    code = cases.code(ELDERLY)
    assert report.received() == 1 and report.count(code, State.ACCEPTED) == 1
    assert sum(report.count(code, st) for st in State) == 1  # once in the state table
    assert report.did(code, Activity.RECEIVED) == 1
    assert report.did(code, Activity.NOTICED) == 1  # two notices, one case
    assert report.did(code, Activity.ACCEPTED) == 1


def test_ratings_by_level_channel_and_bad_ones(ws: Workspace, cases: Cases,
                                               clock: FakeClock) -> None:
    clock.set_local(DAYS[0])
    cases.completed(rating=5)
    cases.completed(rating=2, comment="等候时间太长")
    cases.awaiting()
    clock.set_local(DAYS[1])
    late = cases.completed(rating=None)
    ws.cases.rate(late, 1, "态度差", channel=RatingChannel.CLERK_ON_BEHALF)
    phone = cases.completed(rating=None)
    ws.cases.rate(phone, 4, channel="phone")
    cut = cut_of(ws)
    with ws.store.read() as s:
        first = station_report(s, DAYS[0], DAYS[0], cut)
        both = station_report(s, DAYS[0], DAYS[1], cut)
        before = station_report(s, DAYS[0] - timedelta(days=1), DAYS[0] - timedelta(days=1),
                                cut)
    birth = cases.code(BIRTH)
    assert first.count(birth, State.COMPLETED) == 2 and first.received(birth) == 2
    assert first.did(birth, Activity.COMPLETED) == 2
    assert first.ratings == {5: 1, 2: 1}
    assert first.channels == {RatingChannel.DEVICE: 2}
    assert [(b.score, b.comment) for b in first.bad] == [(2, "等候时间太长")]
    assert both.did_total(Activity.COMPLETED) == 4 and both.rated == 4
    assert both.channels == {RatingChannel.DEVICE: 2, RatingChannel.CLERK_ON_BEHALF: 1,
                             RatingChannel.PHONE: 1}
    assert [(b.score, b.channel, b.entered_by) for b in both.bad] == [
        (2, RatingChannel.DEVICE, ""), (1, RatingChannel.CLERK_ON_BEHALF, "王窗口")]
    assert before.rated == 0 and not before.states and not before.activity


def test_old_free_text_channels_count_as_the_device(ws: Workspace, cases: Cases) -> None:
    case_no = cases.completed(rating=None)
    rec = ws.cases.get(case_no)
    # an event as an older workstation wrote it: the free-text channel of those days
    cases_events_store_old_rating(ws, case_no, rec.id)
    with ws.store.read() as s:
        report = daily_report(s, DAYS[0], cut_of(ws))
    assert report.channels == {RatingChannel.DEVICE: 1}


def cases_events_store_old_rating(ws: Workspace, case_no: str, case_id: str) -> None:
    import uuid

    from clerk.cases.events import Event
    from clerk.cases.ledger import append_event, load_by_case_no
    from clerk.cases.states import Side

    with ws.store.write() as s:
        rec = load_by_case_no(s, case_no)
        ev = Event(event_id=str(uuid.uuid4()), case_id=case_id, seq=rec.version + 1,
                   type=EventType.RATED, actor="admin", origin=Side.STATION,
                   occurred_at=ws.now(),
                   payload={"rating": {"score": 4, "label": "满意", "comment": "",
                                       "channel": "窗口评价器", "bad": False}})
        append_event(s, rec, ev)


@pytest.mark.parametrize("value", ["", "kiosk", "评价器"])
def test_unknown_channels_are_refused_and_nothing_is_stored(
        ws: Workspace, cases: Cases, value: str) -> None:
    from clerk.errors import ValidationError

    case_no = cases.completed(rating=None)
    before = ws.cases.get(case_no).version
    with pytest.raises(ValidationError) as err:
        ws.cases.rate(case_no, 5, channel=value)
    assert err.value.code == "rating.channel"
    assert ws.cases.get(case_no).version == before and ws.cases.get(case_no).rating is None


def test_a_decline_is_counted_apart_and_gives_way_to_the_citizens_rating(
        ws: Workspace, cases: Cases, clock: FakeClock) -> None:
    from clerk.errors import StateError, ValidationError

    clock.set_local(DAYS[0])
    declined = cases.completed(rating=None)
    rec = ws.cases.decline_rating(declined)
    assert rec.rating is not None and rec.rating["channel"] == "declined"
    assert "score" not in rec.rating and rec.rating["entered_by"]
    with pytest.raises(StateError) as again:
        ws.cases.decline_rating(declined)
    assert again.value.code == "rating.already_declined"
    with pytest.raises(ValidationError) as scored:  # a decline never carries a score
        ws.cases.rate(declined, 3, channel=RatingChannel.DECLINED)
    assert scored.value.code == "rating.declined_score"
    changed_mind = cases.completed(rating=None)
    ws.cases.decline_rating(changed_mind)
    ws.cases.rate(changed_mind, 5, channel=RatingChannel.DEVICE)  # on the display, later
    rated = cases.completed(rating=4)
    with pytest.raises(StateError):  # the citizen's score is never replaced by a decline
        ws.cases.decline_rating(rated)
    with ws.store.read() as s:
        report = station_report(s, DAYS[0], DAYS[0], cut_of(ws))
        row = s.execute(select(Case.rating).where(Case.case_no == declined)).scalar_one()
    assert row is None  # the case list's rating column holds scores only
    assert report.ratings == {5: 1, 4: 1} and report.rated == 2
    assert report.declined == 1
    assert report.channels == {RatingChannel.DEVICE: 2, RatingChannel.DECLINED: 1}
