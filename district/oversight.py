"""The district's oversight views: the supervision board (电子监察), ratings (好差评) with
their follow-ups, and period reports per station and matter.

Levels are exact (see :mod:`district.review`): candidates are narrowed in SQL, then
judged with clerk's `supervise`, pauses counted out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select, true, union
from sqlalchemy.orm import Session

from clerk.calendar import WorkCalendar
from clerk.cases.checklist import Checklist
from clerk.cases.queries import OPEN_BEFORE_DECISION
from clerk.ratings import RatingChannel, channel_of
from clerk.timeutil import day_bounds_utc, local_date
from district.auth import naive
from district.contacts import activity
from district.models import CaseRow, Followup, LedgerEntry, RatingFollowup, StationRow
from district.review import _LIMIT, _PAUSES, SUPERVISED, Judge, pauses_from
from wire.staff import (
    BoardResponse,
    FollowupItem,
    FollowupList,
    FollowupUpdate,
    LevelCounts,
    PeriodReport,
    RatingGroup,
    RatingsResponse,
    ReportLine,
)

_COMMENT = CaseRow.data[("rating", "comment")].as_string()
_CHANNEL = CaseRow.data[("rating", "channel")].as_string()
_ENTERED_BY = func.coalesce(CaseRow.data[("rating", "entered_by_name")].as_string(),
                            CaseRow.data[("rating", "entered_by")].as_string())
FOLLOWUP_DAYS = 15  # working days to follow a bad rating up (DESIGN section 3)
BAD = 2  # ratings 1 and 2 are bad (差评)


def station_names(s: Session) -> dict[str, str]:
    return dict(s.execute(select(StationRow.code, StationRow.name)).all())


def matter_names(s: Session, codes: Iterable[str] | None = None) -> dict[str, str]:
    """The matters cases were made under (index ix_cases_matter: no table scan); with
    `codes`, only those, one index seek each (the board names a few of them)."""
    if codes is not None:
        wanted = sorted(set(codes))
        if not wanted:
            return {}
        # One statement (a row of one column per code), one index seek per code: a
        # statement per code cost more in SQLAlchemy than in the database.
        names = s.execute(select(*(
            select(CaseRow.matter_name).where(CaseRow.matter_code == code)
            .order_by(CaseRow.matter_name.desc()).limit(1).scalar_subquery()
            for code in wanted))).one()
        return {code: name for code, name in zip(wanted, names, strict=True)
                if name is not None}
    rows = s.execute(select(CaseRow.matter_code, CaseRow.matter_name).distinct()
                     .order_by(CaseRow.matter_code, CaseRow.matter_name)).all()
    return {code: name for code, name in rows}  # the latest name, alphabetically last


# --------------------------------------------------------------------------- the board


def board(s: Session, judge: Judge, now: datetime, stale_hours: int) -> BoardResponse:
    # Summed in plain counters first: thousands of assignments to the response models
    # (validated attribute by attribute) cost more than the board's queries.
    by_station: dict[str, Counter[str]] = {}
    by_matter: dict[str, Counter[str]] = {}
    stations = station_names(s)
    counts = {"normal": 0, "yellow": 0, "red": 0, "paused": 0}

    tally = _tally(s, judge)
    matters = matter_names(s, (matter for _, matter, _ in tally))
    for (station, matter, level), n in tally.items():
        if level is None:
            continue
        if station not in by_station:
            by_station[station] = Counter()
        if matter not in by_matter:
            by_matter[matter] = Counter()
        by_station[station][level] += n
        by_matter[matter][level] += n
        counts[level] += n

    def ranked(table: dict[str, Counter[str]], names: dict[str, str]) -> list[LevelCounts]:
        items = [LevelCounts(code=code, name=names.get(code, code), **levels)
                 for code, levels in table.items()]
        return sorted(items, key=lambda c: (-c.red, -c.yellow, c.code))

    flagged = int(s.execute(select(func.count()).select_from(CaseRow)  # ix_cases_flagged
                            .where(CaseRow.flagged == true())).scalar_one())
    open_bad = _open_bad_ratings(s)
    return BoardResponse(
        today=judge.today, stale_hours=stale_hours, counts=counts,
        by_station=ranked(by_station, stations), by_matter=ranked(by_matter, matters),
        stations=activity(s, now, timedelta(hours=stale_hours)),
        flagged_notices=flagged, bad_ratings_open=open_bad,
        overdue_promises=overdue_promises(s, judge.today))


def _tally(s: Session, judge: Judge) -> Counter[tuple[str, str, str | None]]:
    """Supervised cases per (station, matter, level): one query over ix_cases_clock that
    sums each level per station and matter (grouping by the level too sorted ten times
    the rows), and the few cases with an open pause judged one by one."""
    sums = judge.level_sums()
    tally: Counter[tuple[str, str, str | None]] = Counter()
    unjudged = 0
    for row in s.execute(select(CaseRow.station_code, CaseRow.matter_code,
                                *(total.label(name) for name, total in sums.items()))
                         .where(CaseRow.state.in_(SUPERVISED))
                         .group_by(CaseRow.station_code, CaseRow.matter_code)):
        counts = row._mapping
        found = {name: int(counts[name] or 0) for name in sums}
        found["normal"] = found.pop("all") - sum(found.values())
        unjudged += found.pop("unjudged")
        for name, n in found.items():
            if n:
                tally[(row.station_code, row.matter_code, name)] += n
    if not unjudged:
        return tally
    unclocked = judge.unclocked(s)
    levels = judge.levels(s, unclocked, exact=True)
    for r in unclocked:
        tally[(r.station_code, r.matter_code, levels.get(r.id))] += 1
    return tally


def overdue_promises(s: Session, today: date) -> int:
    """Promised materials (容缺后补) still awaited after their promise date, in cases
    before their decision: the rule is the station's (clerk Checklist.overdue_promises).
    Only the cases whose earliest awaited promise has passed are read (indexed)."""
    # next_promise is kept only before the decision (district.ledger), so the index
    # alone finds the rows; a condition on the state would lead SQLite to scan by state.
    open_states = {st.value for st in OPEN_BEFORE_DECISION}
    rows = s.execute(select(CaseRow.state, CaseRow.data["checklist"]).where(
        CaseRow.next_promise < today)).all()
    return sum(len(Checklist.from_list(items).overdue_promises(today))
               for state, items in rows if state in open_states and isinstance(items, list))


def _open_bad_ratings(s: Session) -> int:
    """Bad ratings whose follow-up is not closed: all of them (counted in ix_cases_rating
    alone) less the closed ones, found from the follow-ups' side. Testing every bad
    rating's id against the follow-ups read each of those case rows (the id is not in
    the index): a fifth of the board's time at 100,000 cases."""
    closed = select(RatingFollowup.case_id).where(RatingFollowup.done_at.is_not(None))
    recorded = select(RatingFollowup.case_id)
    rectified = select(Followup.case_id).where(Followup.rectified.is_(True),
                                               Followup.case_id.not_in(recorded))
    bad = s.execute(select(func.count()).select_from(CaseRow).where(CaseRow.rating <= BAD)
                    ).scalar_one()
    done = s.execute(select(func.count()).select_from(CaseRow).where(
        CaseRow.id.in_(union(closed, rectified).scalar_subquery()), CaseRow.rating <= BAD)
    ).scalar_one()
    return int(bad) - int(done)


# --------------------------------------------------------------------------- ratings


def _rated(s: Session, conds: Iterable[Any]) -> list[Any]:
    """Rated cases with the (Beijing) day their rating was recorded: at the hand-over, or
    by a later `rated` event (a case is rated once), read from the log without JSON.
    Cases whose citizen declined to rate come too (``rating`` None, channel declined):
    counted by channel, never among the scores."""
    q = (select(CaseRow.id, CaseRow.case_no, CaseRow.station_code, CaseRow.matter_code,
                CaseRow.matter_name, CaseRow.rating, func.max(LedgerEntry.day).label("day"),
                func.max(_CHANNEL).label("channel"), func.max(_ENTERED_BY).label("entered_by"))
         .join(LedgerEntry, and_(LedgerEntry.case_id == CaseRow.id,
                                 LedgerEntry.type.in_(("completed", "rated"))))
         .where(or_(CaseRow.rating.is_not(None), RatingChannel.DECLINED.value == _CHANNEL))
         .group_by(CaseRow.id, CaseRow.case_no, CaseRow.station_code, CaseRow.matter_code,
                   CaseRow.matter_name, CaseRow.rating))
    having = list(conds)
    if having:
        q = q.having(*having)
    return list(s.execute(q).all())


def _channel(r: Any) -> RatingChannel:
    """A rated row's channel (old free-text channels read as the device: clerk.ratings)."""
    return channel_of({"channel": r.channel})


def _channels(rows: Iterable[Any]) -> dict[str, int]:
    counts = Counter(_channel(r) for r in rows)
    return {c.value: counts.get(c, 0) for c in RatingChannel}


def _group(code: str, name: str, rows: list[Any]) -> RatingGroup:
    scores = [int(r.rating) for r in rows if r.rating is not None]
    counts = {str(k): 0 for k in range(1, 6)}
    for score in scores:
        counts[str(score)] = counts.get(str(score), 0) + 1
    total = len(scores)
    return RatingGroup(code=code, name=name, counts=counts, total=total,
                       bad=sum(1 for x in scores if x <= BAD),
                       average=round(sum(scores) / total, 2) if total else None,
                       channels=_channels(rows))


def ratings(s: Session, since: date | None, until: date | None) -> RatingsResponse:
    conds = []
    if since is not None:
        conds.append(func.max(LedgerEntry.day) >= since)
    if until is not None:
        conds.append(func.max(LedgerEntry.day) <= until)
    rows = _rated(s, conds)
    stations = station_names(s)
    per_station: dict[str, list[Any]] = defaultdict(list)
    per_matter: dict[str, list[Any]] = defaultdict(list)
    names: dict[str, str] = {}
    for r in rows:
        per_station[r.station_code].append(r)
        per_matter[r.matter_code].append(r)
        names[r.matter_code] = r.matter_name
    return RatingsResponse(
        since=since, until=until, overall=_group("", "", rows),
        by_station=[_group(code, stations.get(code, code), v)
                    for code, v in sorted(per_station.items())],
        by_matter=[_group(code, names[code], v) for code, v in
                   sorted(per_matter.items(), key=lambda kv: names[kv[0]])])


# --------------------------------------------------------------------------- follow-ups


def _status(done_on: date | None, deadline: date, today: date) -> str:
    if done_on is not None:
        return "done" if done_on <= deadline else "late_done"
    return "overdue" if today > deadline else "open"


def _days_left(cal: WorkCalendar, today: date, deadline: date) -> int:
    if deadline >= today:
        return cal.working_days_between(today, deadline)
    return -cal.working_days_between(deadline, today)


def followups(s: Session, cal: WorkCalendar, today: date,
              station_code: str | None = None) -> FollowupList:
    """Every bad rating as a follow-up item, the most urgent first."""
    rows = [r for r in _rated(s, []) if r.rating is not None and r.rating <= BAD
            and (not station_code or r.station_code == station_code)]
    ids = [r.id for r in rows]
    comments: dict[str, str | None] = dict(s.execute(
        select(CaseRow.id, _COMMENT).where(CaseRow.id.in_(ids))).all()) if ids else {}
    recorded = {f.case_id: f for f in s.execute(
        select(RatingFollowup).where(RatingFollowup.case_id.in_(ids))).scalars()} if ids else {}
    legacy: dict[str, list[Followup]] = defaultdict(list)
    if ids:  # follow-ups recorded through POST /cases/{id}/followup
        for f in s.execute(select(Followup).where(Followup.case_id.in_(ids))
                           .order_by(Followup.at)).scalars():
            legacy[f.case_id].append(f)
    stations = station_names(s)
    items = [_item(r, comments.get(r.id) or "", recorded.get(r.id), legacy.get(r.id, []),
                   stations, cal, today) for r in rows]
    order = {"overdue": 0, "open": 1, "late_done": 2, "done": 3}
    items.sort(key=lambda i: (order[i.status], i.deadline, i.case_no))
    return FollowupList(today=today, items=items,
                        open=sum(1 for i in items if i.status == "open"),
                        overdue=sum(1 for i in items if i.status == "overdue"),
                        done=sum(1 for i in items if i.done))


def _item(r: Any, comment: str, rec: RatingFollowup | None, legacy: list[Followup],
          stations: dict[str, str], cal: WorkCalendar, today: date) -> FollowupItem:
    deadline = cal.add_working_days(r.day, FOLLOWUP_DAYS).day
    if rec is not None:
        owner, rectification, call = rec.owner, rec.rectification, rec.call_record
        done_at, by, at = rec.done_at, rec.updated_by, rec.updated_at
    elif legacy:
        last = legacy[-1]
        owner, rectification, call = last.by, last.text, ""
        done = next((f for f in legacy if f.rectified), None)
        done_at, by, at = (done.at if done else None), last.by, last.at
    else:
        owner = rectification = call = by = ""
        done_at = at = None
    done_on = local_date(done_at.replace(tzinfo=UTC)) if done_at else None
    return FollowupItem(
        case_id=r.id, case_no=r.case_no, station_code=r.station_code,
        station_name=stations.get(r.station_code, r.station_code), matter_name=r.matter_name,
        score=int(r.rating), comment=comment, rated_on=r.day, deadline=deadline,
        days_left=_days_left(cal, today, deadline), owner=owner, rectification=rectification,
        call_record=call, done=done_at is not None, done_on=done_on, updated_by=by,
        updated_at=at.replace(tzinfo=UTC) if at else None,
        status=_status(done_on, deadline, today), channel=_channel(r).value,
        entered_by=(r.entered_by or "") if _channel(r) == RatingChannel.CLERK_ON_BEHALF else "")


def save_followup(s: Session, case_id: str, update: FollowupUpdate, by: str,
                  now: datetime) -> None:
    """Record the owner, rectification and call; `done` closes the item (once)."""
    moment = naive(now)
    row = s.get(RatingFollowup, case_id)
    if row is None:
        row = RatingFollowup(case_id=case_id, owner="", rectification="", call_record="",
                             done_at=None, updated_by=by, updated_at=moment)
        s.add(row)
    row.owner = update.owner.strip()
    row.rectification = update.rectification.strip()
    row.call_record = update.call_record.strip()
    if update.done and row.done_at is None:
        row.done_at = moment
    elif not update.done:
        row.done_at = None
    row.updated_by, row.updated_at = by, moment
    # The follow-up log of POST /cases/{id}/followup sees it too (supervision's list).
    text = "；".join(t for t in (row.rectification, row.call_record) if t) or "已记录跟进"
    s.add(Followup(case_id=case_id, text=text[:2000], rectified=row.done_at is not None,
                   by=by, at=moment))


# --------------------------------------------------------------------------- period reports


@dataclass
class _Acc:
    accepted: int = 0
    completed: int = 0
    on_time: int = 0
    overdue: int = 0
    days: list[int] = field(default_factory=list)

    def line(self, code: str, name: str) -> ReportLine:
        avg = round(sum(self.days) / len(self.days), 1) if self.days else None
        return ReportLine(code=code, name=name, accepted=self.accepted,
                          completed=self.completed, on_time=self.on_time,
                          overdue=self.overdue, average_days=avg)


def period_report(s: Session, cal: WorkCalendar, since: date, until: date,
                  now: datetime, station_code: str | None = None) -> PeriodReport:
    """Per station and matter: accepted in the period; finished in it (the district's
    decision, or the hand-over for matters the station completes), on time or late by
    the due date in force; average working days from acceptance to the finish, the days
    the case was returned or in a special procedure not counted."""
    start, _ = day_bounds_utc(since)
    _, end = day_bounds_utc(until)
    only = [CaseRow.station_code == station_code] if station_code else []
    stations = station_names(s)
    names: dict[str, str] = {}
    per_station: dict[str, _Acc] = defaultdict(_Acc)
    per_matter: dict[str, _Acc] = defaultdict(_Acc)
    total = _Acc()
    accepted = s.execute(
        select(CaseRow.station_code, CaseRow.matter_code, func.max(CaseRow.matter_name),
               func.count())
        .where(CaseRow.accepted_at >= start, CaseRow.accepted_at < end, *only)
        .group_by(CaseRow.station_code, CaseRow.matter_code)).all()
    for station, matter, name, n in accepted:
        names[matter] = name
        for acc in (per_station[station], per_matter[matter], total):
            acc.accepted += n
    # The finish: the district's decision, or (station-level matters) the hand-over.
    decided = func.min(case((LedgerEntry.type.in_(("approved", "denied")), LedgerEntry.day)))
    handed = func.min(case((LedgerEntry.type == "completed", LedgerEntry.day)))
    finish = func.coalesce(decided, handed)
    ends = (select(LedgerEntry.case_id, finish.label("day"))
            .where(LedgerEntry.type.in_(("approved", "denied", "completed")))
            .group_by(LedgerEntry.case_id)
            .having(finish >= since, finish <= until).subquery())
    finished = s.execute(
        select(CaseRow.station_code, CaseRow.matter_code, CaseRow.matter_name,
               CaseRow.accepted_at, CaseRow.due_date, _LIMIT, _PAUSES, ends.c.day)
        .join(ends, ends.c.case_id == CaseRow.id)
        .where(CaseRow.accepted_at.is_not(None), *only)).all()
    for station, matter, name, accepted_at, due, limit, pauses, day in finished:
        names[matter] = name
        used = cal.counted_working_days(local_date(accepted_at.replace(tzinfo=UTC)), day,
                                        pauses_from(pauses), today=day)
        late = due is not None and day > due
        for acc in (per_station[station], per_matter[matter], total):
            acc.completed += 1
            acc.overdue += late
            acc.on_time += not late
            if limit is not None:
                acc.days.append(used)
    rated = [r for r in _rated(s, [func.max(LedgerEntry.day) >= since,
                                   func.max(LedgerEntry.day) <= until])
             if not station_code or r.station_code == station_code]
    return PeriodReport(
        since=since, until=until, generated_at=now, rating_channels=_channels(rated),
        by_station=[per_station[c].line(c, stations.get(c, c)) for c in sorted(per_station)],
        by_matter=[per_matter[c].line(c, names.get(c, c))
                   for c in sorted(per_matter, key=lambda c: names.get(c, c))],
        total=total.line("", ""))
