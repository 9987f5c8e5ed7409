"""Station reports: the 统计 page's period and the printed daily report count the same
way, here. Aggregates only, no personal data.

Every number counts cases, each case at most once per row and column:

* **办件状态** (:attr:`StationReport.states`): the cases *received* in the period (by the
  day in their case number, exactly the case list's 收件日期 filter), by matter and by
  their *current* state, so a row's total is the number of cases received for that
  matter and equals the case list filtered by matter and received dates.
* **办理情况** (:attr:`StationReport.activity`): by matter, the cases that had an event of
  each kind in the period (受理, 办结 …), whenever they were received. A case noticed and
  accepted on the same day counts once under 告知 and once under 受理; a notice issued
  twice counts once. These columns are never added across (a case can be in several).
* **好差评**: the ratings recorded in the period (one per case), by level and by
  channel (:mod:`clerk.ratings`).
* **电子监察**: the supervised cases' levels on the report's day.
* **咨询** (:attr:`StationReport.consulted`): the consultations recorded in the period
  (:mod:`clerk.consultations`: a citizen who only asked), counted apart from cases.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.cases.events import utc_iso
from clerk.cases.queries import (
    CaseFilter,
    Level,
    SupervisionCut,
    _db_datetime,
    _local_day,
    _rows,
    _terms,
    level_counts,
)
from clerk.cases.states import State
from clerk.consultations import count_between
from clerk.errors import QT_TRANSLATE_NOOP
from clerk.ratings import CITIZEN_AUTHOR, RatingChannel, channel_of, entered_by, read_citizen_note
from clerk.store.models import Station
from clerk.timeutil import day_bounds_utc


class Activity(StrEnum):
    """The kinds of event the 办理情况 columns count (cases with such an event)."""

    RECEIVED = "received"
    NOTICED = "noticed"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    ESCALATED = "escalated"
    RETURNED = "returned"
    APPROVED = "approved"
    DENIED = "denied"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return ACTIVITY_LABELS[self]


ACTIVITY_LABELS: dict[Activity, str] = {
    Activity.RECEIVED: QT_TRANSLATE_NOOP("reports", "收件"),
    Activity.NOTICED: QT_TRANSLATE_NOOP("reports", "一次性告知"),
    Activity.ACCEPTED: QT_TRANSLATE_NOOP("reports", "受理"),
    Activity.REFUSED: QT_TRANSLATE_NOOP("reports", "不予受理"),
    Activity.ESCALATED: QT_TRANSLATE_NOOP("reports", "上报"),
    Activity.RETURNED: QT_TRANSLATE_NOOP("reports", "退回补正"),
    Activity.APPROVED: QT_TRANSLATE_NOOP("reports", "准予"),
    Activity.DENIED: QT_TRANSLATE_NOOP("reports", "不予批准"),
    Activity.COMPLETED: QT_TRANSLATE_NOOP("reports", "办结"),
    Activity.WITHDRAWN: QT_TRANSLATE_NOOP("reports", "撤回"),
}

# Which event types each activity column counts. Re-sending a returned case up is
# counted as 上报 (the case is counted once however often it went up in the period).
ACTIVITY_EVENTS: dict[Activity, tuple[str, ...]] = {
    Activity.RECEIVED: ("created",),
    Activity.NOTICED: ("notice_issued",),
    Activity.ACCEPTED: ("accepted",),
    Activity.REFUSED: ("refused",),
    Activity.ESCALATED: ("escalated", "resubmitted"),
    Activity.RETURNED: ("returned",),
    Activity.APPROVED: ("approved",),
    Activity.DENIED: ("denied",),
    Activity.COMPLETED: ("completed",),
    Activity.WITHDRAWN: ("withdrawn",),
}

# The state columns, in lifecycle order (DESIGN section 4).
STATE_ORDER: tuple[State, ...] = (
    State.DRAFT, State.AWAITING_SUPPLEMENT, State.NOT_ACCEPTED, State.ACCEPTED,
    State.ESCALATED, State.UNDER_REVIEW, State.RETURNED, State.APPROVED, State.DENIED,
    State.COMPLETED, State.WITHDRAWN)

# What each table counts, said once for the page and the paper.
STATES_CAPTION = QT_TRANSLATE_NOOP(
    "reports", "按收件日期在统计期间内的办件计，每件按生成报表时的当前状态只计一次；"
               "合计等于办件列表按同一收件日期、事项筛选的件数。")
ACTIVITY_CAPTION = QT_TRANSLATE_NOOP(
    "reports", "按期间内发生的办理事件计件：每栏为期间内发生该事件的办件数，同一办件在一栏中"
               "只计一次（同日先告知后受理的，在告知、受理两栏各计一次），各栏不相加。")
CONSULTATIONS_CAPTION = QT_TRANSLATE_NOOP(
    "reports", "期间内登记的咨询（只询问、未申请办理的群众，含打印办事指南），不计入办件。")
RATINGS_CAPTION = QT_TRANSLATE_NOOP(
    "reports", "期间内记录的评价，每件一次，按评价等级和评价渠道统计；申请人不愿评价的单独计数，"
               "不计入评价等级。")


@dataclass(frozen=True)
class BadRating:
    case_no: str
    matter_name: str
    score: int
    comment: str
    day: date
    channel: RatingChannel = RatingChannel.DEVICE
    entered_by: str = ""


@dataclass
class StationReport:
    """What the station did in ``start``..``end`` (Beijing days, inclusive)."""

    start: date
    end: date
    matters: dict[str, str] = field(default_factory=dict)  # code → name
    states: Counter[tuple[str, State]] = field(default_factory=Counter)
    activity: Counter[tuple[str, Activity]] = field(default_factory=Counter)
    ratings: Counter[int] = field(default_factory=Counter)
    channels: Counter[RatingChannel] = field(default_factory=Counter)
    bad: list[BadRating] = field(default_factory=list)
    levels: dict[Level, int] = field(default_factory=dict)
    # 咨询登记 by matter code: citizens who only asked (clerk.consultations), not cases
    consultations: Counter[str] = field(default_factory=Counter)

    def count(self, matter_code: str, state: State) -> int:
        """Cases of the matter received in the period and now in ``state``."""
        return self.states[(matter_code, state)]

    def total(self, state: State) -> int:
        return sum(n for (_, st), n in self.states.items() if st == state)

    def received(self, matter_code: str | None = None) -> int:
        """Cases received in the period (of one matter, or all)."""
        return sum(n for (code, _), n in self.states.items()
                   if matter_code is None or code == matter_code)

    def did(self, matter_code: str, activity: Activity) -> int:
        return self.activity[(matter_code, activity)]

    def did_total(self, activity: Activity) -> int:
        return sum(n for (_, a), n in self.activity.items() if a == activity)

    def state_matters(self) -> list[tuple[str, str]]:
        """(code, name) of the matters with cases received in the period, by name."""
        codes = {code for code, _ in self.states}
        return sorted(((c, self.matters[c]) for c in codes), key=lambda cn: (cn[1], cn[0]))

    def activity_matters(self) -> list[tuple[str, str]]:
        codes = {code for code, _ in self.activity}
        return sorted(((c, self.matters[c]) for c in codes), key=lambda cn: (cn[1], cn[0]))

    @property
    def rated(self) -> int:
        return sum(self.ratings.values())

    @property
    def declined(self) -> int:
        """Cases whose citizen declined to rate (not in :attr:`rated`)."""
        return self.channels[RatingChannel.DECLINED]

    @property
    def consulted(self) -> int:
        """Consultations recorded in the period (咨询 N 次)."""
        return sum(self.consultations.values())

    @property
    def bad_count(self) -> int:
        return sum(n for score, n in self.ratings.items() if score <= 2)


def station_report(s: Session, start: date, end: date, cut: SupervisionCut) -> StationReport:
    """The report of ``start``..``end``; supervision levels as of ``cut``'s day."""
    if end < start:
        start, end = end, start
    report = StationReport(start, end)
    _count_states(s, report, cut)
    _count_activity(s, report)
    _count_ratings(s, report)
    for (code, name), n in count_between(s, report.start, report.end).items():
        report.consultations[code] += n
        report.matters.setdefault(code, name)
    report.levels = level_counts(s, cut)
    return report


def daily_report(s: Session, day: date, cut: SupervisionCut) -> StationReport:
    """The printed daily report's numbers: one day, supervision at that day."""
    return station_report(s, day, day, cut)


def _count_states(s: Session, report: StationReport, cut: SupervisionCut) -> None:
    # The case list's own received-date filter (the day in the case number).
    code = s.execute(select(Station.code)).scalar()
    if code is None:
        return
    f = CaseFilter(received_from=report.start, received_to=report.end)
    terms = _terms(f, cut, code)
    where = " AND ".join(f"({t.render(True)})" for t in terms)
    params = [p for t in terms for p in t.params]
    for matter, name, state, n in _rows(
            s, f"SELECT matter_code, max(matter_name), state, count(*) FROM cases "
               f"WHERE {where} GROUP BY matter_code, state", params):
        report.matters.setdefault(matter, name)
        report.states[(matter, State(state))] += int(n)


def _bounds(start: date, end: date) -> tuple[str, str]:
    low, _ = day_bounds_utc(start)
    _, high = day_bounds_utc(end)
    return _db_datetime(low.replace(tzinfo=UTC)), _db_datetime(high.replace(tzinfo=UTC))


def _count_activity(s: Session, report: StationReport) -> None:
    lo, hi = _bounds(report.start, report.end)
    kinds = {etype: a for a, types in ACTIVITY_EVENTS.items() for etype in types}
    marks = ", ".join("?" * len(kinds))
    # One row per (case, kind): a case counts once per column however many such events.
    # Driven by the cases' updated_at index: a case with an event in the period was
    # updated at or after the period's start.
    which = "CASE e.type " + " ".join(f"WHEN '{t}' THEN '{a.value}'"
                                      for t, a in kinds.items()) + " END"
    for matter, name, kind, n in _rows(s, f"""
            SELECT c.matter_code, max(c.matter_name), {which} AS kind,
                   count(DISTINCT e.case_id)
            FROM cases c JOIN case_events e ON e.case_id = c.id
            WHERE c.updated_at >= ? AND e.occurred_at >= ? AND e.occurred_at < ?
              AND e.type IN ({marks})
            GROUP BY c.matter_code, kind""", [lo, lo, hi, *kinds]):
        report.matters.setdefault(matter, name)
        report.activity[(matter, Activity(kind))] += int(n)


def _count_ratings(s: Session, report: StationReport) -> None:
    for rated in ratings_in_period(s, report.start, report.end):
        report.matters.setdefault(rated.matter_code, rated.matter_name)
        report.channels[rated.channel] += 1
        if rated.score is None:  # a decline: counted apart, never as a score
            continue
        report.ratings[rated.score] += 1
        if rated.score <= 2:
            report.bad.append(BadRating(rated.case_no, rated.matter_name, rated.score,
                                        rated.comment, rated.day, rated.channel,
                                        rated.entered_by))
    report.bad.sort(key=lambda b: (b.day, b.case_no))


@dataclass(frozen=True)
class RatedCase:
    """One case's rating (or decline) recorded in a period: a row of the ratings list
    the report's 好差评 numbers are counted from."""

    case_no: str
    matter_code: str
    matter_name: str
    score: int | None  # None: the citizen declined
    comment: str
    channel: RatingChannel
    entered_by: str
    day: date


def ratings_in_period(s: Session, start: date, end: date) -> list[RatedCase]:
    """Each case rated in ``start``..``end`` once, with the rating that stood last in the
    period: a rating given after a decline replaces the decline, and a rating the citizen
    gave on the district's progress page (pulled as a note by
    :data:`clerk.ratings.CITIZEN_AUTHOR`, channel ``phone``) is the case's rating, its
    latest change in the period counting (the district keeps that one; a counter's
    rating of such a case is one the district refused)."""
    lo, hi = _bounds(start, end)
    # case_no → (matter code, name, citizen's?, occurred, rating): the max wins.
    last: dict[str, tuple[str, str, bool, str, dict[str, Any]]] = {}
    for code, name, case_no, occurred, raw in _rows(s, """
            SELECT c.matter_code, c.matter_name, c.case_no, e.occurred_at,
                   json_extract(e.payload, '$.rating')
            FROM cases c JOIN case_events e ON e.case_id = c.id
            WHERE c.updated_at >= ? AND e.occurred_at >= ? AND e.occurred_at < ?
              AND e.type IN ('rated', 'completed')
              AND json_extract(e.payload, '$.rating') IS NOT NULL
            ORDER BY e.occurred_at, e.seq""", [lo, lo, hi]):
        rating = json.loads(raw) if isinstance(raw, str) else (raw or {})
        last[case_no] = (code, name, False, str(occurred), rating)
    for code, name, case_no, occurred, text in _citizen_notes(s, start, end):
        given = read_citizen_note(text)
        if given is not None:
            last[case_no] = (code, name, True, occurred, given.as_rating())
    out: list[RatedCase] = []
    for case_no, (code, name, _, occurred, rating) in last.items():
        channel = channel_of(rating)
        score = None if channel == RatingChannel.DECLINED else int(rating.get("score") or 0)
        if score is not None and not 1 <= score <= 5:
            continue
        out.append(RatedCase(case_no, code, name, score, str(rating.get("comment") or ""),
                             channel, entered_by(rating), _local_day(occurred) or start))
    out.sort(key=lambda r: (r.day, r.case_no))
    return out


def _citizen_notes(s: Session, start: date, end: date) -> list[Sequence[Any]]:
    """The citizen's rating notes of the period, oldest first (a change after the first)."""
    low, _ = day_bounds_utc(start)
    _, high = day_bounds_utc(end)
    # Notes keep their time as hashed (utc_iso), a fixed-width text: compared as text.
    return _rows(s, """
        SELECT c.matter_code, c.matter_name, c.case_no, n.occurred_at, n.text
        FROM case_notes n JOIN cases c ON c.id = n.case_id
        WHERE n.author = ? AND n.origin = 'district'
          AND n.occurred_at >= ? AND n.occurred_at < ?
        ORDER BY n.occurred_at, n.note_id""",
                 [CITIZEN_AUTHOR, utc_iso(low.replace(tzinfo=UTC)),
                  utc_iso(high.replace(tzinfo=UTC))])
