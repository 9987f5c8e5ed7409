"""The reviewer queue: filtered, keyset-paged light rows of the district's cases.

A page is one indexed query (``ORDER BY due_date, id`` or ``updated_at DESC, id DESC``
after the last row seen) plus a count, so the first page costs the same with 100 or
100,000 cases. Rows carry only what a list shows: the case's light columns, its
station's name, a masked applicant name and the few JSON fields the supervision level
needs (limit, pauses) — the full record is read only by the case detail.

Supervision levels are exact (clerk's `supervise`, pauses counted out). Filtering by
level is SQL: the row carries what the rule needs (``limit_days``, ``clock_due``: the due
date by the calendar as published, closed pauses counted out; ``clock_paused``), kept by
every write and recomputed when a year is published (district.calendar.settle_clock), and
clerk's `SupervisionCut` turns today's rule into date cut-offs per limit
(:meth:`Judge.level_sql`). A running case with an open pause (a special procedure) is
judged from ``clock_left``, the working days it had left when the pause began (fixed while
it lasts; d0023). Only rows whose columns are not filled yet (before settle_clock has run)
are judged one by one, and enter the SQL by id.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.orm import Session

from clerk.calendar import Pause, WorkCalendar, supervise
from clerk.cases import supervision
from clerk.cases.queries import SupervisionCut
from clerk.cases.states import State
from clerk.timeutil import local_date
from clerk.validation import mask_name
from district.models import CLOCK_UNSETTLED, CaseRow, StationRow
from wire.staff import QueuePage, QueueRow

# The states the one supervision rule watches (clerk.cases.supervision), as stored.
RUNNING = tuple(s.value for s in supervision.RUNNING)
SUPERVISED = tuple(s.value for s in supervision.SUPERVISED)
MAX_PAGE = 200
_CHUNK = 400  # rows read at a time while judging levels one by one


class Scope(StrEnum):
    REVIEW = "review"  # at the district: waiting to be taken, or being handled
    MINE = "mine"  # assigned to the caller (proxy agents)
    SUPERVISED = "supervised"  # every case whose clock runs or is paused
    RETURNED = "returned"
    DECIDED = "decided"  # approved or denied, waiting for the hand-over at the station
    ALL = "all"


SCOPE_STATES: dict[Scope, tuple[str, ...]] = {
    Scope.REVIEW: (State.ESCALATED.value, State.UNDER_REVIEW.value),
    Scope.MINE: (State.UNDER_REVIEW.value,),
    Scope.SUPERVISED: SUPERVISED,
    Scope.RETURNED: (State.RETURNED.value,),
    Scope.DECIDED: (State.APPROVED.value, State.DENIED.value),
    Scope.ALL: (),
}


class LevelWanted(StrEnum):
    NORMAL = "normal"
    YELLOW = "yellow"
    RED = "red"
    ATTENTION = "attention"  # yellow or red
    PAUSED = "paused"  # returned to the station: the clock stands still


class Sort(StrEnum):
    DUE = "due"  # most urgent first; cases without a due date last
    UPDATED = "updated"  # latest change first


@dataclass(frozen=True)
class QueueFilter:
    scope: Scope = Scope.REVIEW
    state: str | None = None
    station_code: str | None = None
    matter_code: str | None = None
    proxy_agent: str | None = None
    due_from: date | None = None
    due_to: date | None = None
    level: LevelWanted | None = None
    case_no: str = ""  # a prefix of the case number


@dataclass
class Judge:
    """Today's supervision rule on the district's calendar.

    `quick` judges a case from its indexed columns alone: a running case is surely
    normal when its stored due date is beyond the yellow cut-off of the limit its dates
    imply (the working days from acceptance to the due date: the limit itself, or more
    when closed pauses moved the date, which only widens the cut-off). Pauses only ever
    move a due date later, so a case judged normal this way is normal. The others are
    judged `exact`ly, from their limit and pauses.
    """

    cal: WorkCalendar
    today: date
    ratio: float
    cut: SupervisionCut
    _implied: dict[tuple[date, date], date] = field(default_factory=dict)
    _judged: dict[tuple[Any, ...], Judged] = field(default_factory=dict)
    _sql: dict[str, Any] = field(default_factory=dict)  # the rule's SQL, built once

    @classmethod
    def build(cls, cal: WorkCalendar, today: date, ratio: float) -> Judge:
        """Today's judge. Its judgments are pure functions of the calendar, the day and
        the ratio, so the judges of one (calendar, day, ratio) share them and the board
        and filters do not work the same few hundred dates out again at every request."""
        cut, implied, judged, sql = _shared(cal, today, ratio)
        return cls(cal, today, cut.yellow_ratio, cut, implied, judged, sql)

    @property
    def zone_end(self) -> date:
        """Running cases due on or after this day are normal whatever their limit."""
        return self.cut.cutoffs[-1]

    def quick(self, state: str, accepted_at: datetime | None, due: date | None) -> str | None:
        """"paused", "normal", None (no clock runs) or "check" (judge exactly)."""
        if state == State.RETURNED.value:
            return "paused"
        if state not in RUNNING or accepted_at is None:
            return None
        if due is None:
            return "check"
        if due >= self.zone_end:
            return "normal"
        accepted = local_date(accepted_at.replace(tzinfo=UTC))
        threshold = self._implied.get((accepted, due))
        if threshold is None:
            implied = self.cal.working_days_between(accepted, due) if due > accepted else 0
            threshold = self.cut.threshold(implied)
            self._implied[(accepted, due)] = threshold
        return "check" if due < threshold else "normal"

    def exact(self, state: str, accepted_at: datetime | None, limit: int | None,
              pauses: Any) -> tuple[str | None, int | None, date | None]:
        """(level, working days left, due date in force) of one case today."""
        if state == State.RETURNED.value:
            return "paused", None, None
        if state not in RUNNING or accepted_at is None or limit is None:
            return None, None, None
        accepted = local_date(accepted_at.replace(tzinfo=UTC))
        if limit == 0:
            return "normal", 0, accepted
        found = pauses_from(pauses)
        key = (accepted, limit, *found)  # many cases share a day and a limit
        judged = self._judged.get(key)
        if judged is None:
            sup = supervise(self.cal, accepted=accepted, limit_days=limit, today=self.today,
                            pauses=found, yellow_ratio=self.ratio)
            judged = self._judged[key] = (sup.level.value, sup.left, sup.due.day)
        return judged

    # --- in SQL, from the row's supervision columns -------------------------------------
    def yellow_cut(self) -> ColumnElement[Any]:
        """The row's yellow cut-off: due dates before it are yellow (or red)."""
        found = self._sql.get("yellow_cut")
        if found is None:
            found = self._sql["yellow_cut"] = self._yellow_cut()
        return cast(ColumnElement[Any], found)

    def _yellow_cut(self) -> ColumnElement[Any]:
        steps, last = self.cut.threshold_steps()
        if not steps:
            return _date(last)
        return case(*((CaseRow.limit_days <= top, _date(day)) for top, day in steps),
                    else_=_date(last))

    def few_left(self) -> ColumnElement[Any]:
        """Whether a paused row's fixed days left (clock_left) make it yellow: the rule's
        "used >= ratio x limit or left <= 1" with used = limit - left, in integers."""
        rest = 1 - self.cut.ratio
        return or_(CaseRow.clock_left <= 1,
                   CaseRow.clock_left * rest.denominator <= CaseRow.limit_days * rest.numerator)

    def level_sql(self) -> ColumnElement[Any]:
        """A supervised row's level as SQL: "paused", "red", "yellow", "normal", NULL (no
        clock), or "check" (columns not filled yet: judge exactly). A running row with an
        open pause is judged by its fixed days left while it has some (_FROZEN), else by
        its due date, as every other running row. It reads only columns of ix_cases_clock
        (clock_due is set only once accepted)."""
        return case(
            (CaseRow.state == State.RETURNED.value, "paused"),
            (or_(CaseRow.state.not_in(RUNNING), CaseRow.limit_days.is_(None)), None),
            (or_(CaseRow.clock_due.is_(None), CLOCK_UNSETTLED), "check"),
            (CaseRow.limit_days == 0, "normal"),
            (_FROZEN, case((self.few_left(), "yellow"), else_="normal")),
            (CaseRow.clock_due < self.today, "red"),
            (CaseRow.clock_due < self.yellow_cut(), "yellow"),
            else_="normal")

    def level_sums(self) -> dict[str, ColumnElement[Any]]:
        """SQL sums over the rows of the supervised states (the caller's WHERE): "paused",
        "red", "yellow", "unjudged" (no clock, or an open pause without its days left:
        judge those apart) and "all"; normal is what is left. The rule of
        :meth:`level_sql` as sums, so that a board groups by station and matter only
        (grouping by the level too sorted many more rows); each sum tests its date range
        first and the yellow cut-off is worked out only in the yellow zone. Built once
        per calendar, day and ratio (building them took a tenth of the board's time)."""
        found = self._sql.get("sums")
        if found is None:
            found = self._sql["sums"] = self._level_sums()
        return cast(dict[str, ColumnElement[Any]], found)

    def _level_sums(self) -> dict[str, ColumnElement[Any]]:
        running = CaseRow.state != State.RETURNED.value  # among the supervised states
        timed = (CaseRow.limit_days > 0, running)
        dated = (*timed, _DATED)

        def total(*conds: Any) -> ColumnElement[Any]:
            return func.sum(case((and_(*conds), 1), else_=0))

        return {
            "paused": total(CaseRow.state == State.RETURNED.value),
            "red": total(CaseRow.clock_due < self.today, *dated),
            "yellow": func.sum(case(
                (and_(CaseRow.clock_due >= self.today, CaseRow.clock_due < self.zone_end,
                      *dated, CaseRow.clock_due < self.yellow_cut()), 1),
                (and_(_FROZEN, *timed, self.few_left()), 1), else_=0)),
            "unjudged": total(running, or_(CaseRow.limit_days.is_(None),
                                           CaseRow.clock_due.is_(None), CLOCK_UNSETTLED)),
            "all": func.count(),
        }

    def wanted_sql(self, s: Session, wanted: LevelWanted, conds: Sequence[Any]) -> Any:
        """A condition selecting the running rows at `wanted` among `conds`: by their
        columns, and the few to check by id once judged exactly."""
        # clock_due is set only for accepted cases: the index answers without the row.
        clocked = and_(CaseRow.state.in_(RUNNING), CaseRow.limit_days.is_not(None),
                       CaseRow.clock_due.is_not(None), ~CLOCK_UNSETTLED)
        timed = and_(clocked, CaseRow.limit_days > 0)
        few = and_(_FROZEN, self.few_left())
        if wanted == LevelWanted.RED:
            plain = and_(timed, _DATED, CaseRow.clock_due < self.today)
        elif wanted == LevelWanted.YELLOW:
            plain = and_(timed, or_(and_(_DATED, CaseRow.clock_due >= self.today,
                                         CaseRow.clock_due < self.yellow_cut()), few))
        elif wanted == LevelWanted.ATTENTION:
            plain = and_(timed, or_(and_(_DATED, CaseRow.clock_due < self.yellow_cut()), few))
        else:
            plain = and_(clocked, or_(CaseRow.limit_days == 0,
                                      and_(_DATED, CaseRow.clock_due >= self.yellow_cut()),
                                      and_(_FROZEN, ~self.few_left())))
        rows = self.unclocked(s, conds)
        levels = self.levels(s, rows, exact=True)
        ids = [r.id for r in rows if _matches(levels.get(r.id), wanted)]
        return or_(plain, CaseRow.id.in_(ids)) if ids else plain

    def unclocked(self, s: Session, conds: Sequence[Any] = ()) -> list[Any]:
        """The running rows whose level the columns do not give (an open pause whose days
        left are not stored yet, or no clock_due), with what judging them needs (their
        limit and pauses), in one statement.

        Two disjoint halves, each read from a partial index of its own (normally empty:
        ix_cases_clock_unsettled, ix_cases_clock_unfilled): with the two conditions ORed,
        PostgreSQL misjudged how many rows match (clock_due is empty for every closed
        case) and read the whole table for the few that do."""
        cols = (*_LIGHT, CaseRow.station_code, CaseRow.matter_code, CaseRow.limit_days,
                _PAUSES.label("pauses"))
        running = (CaseRow.state.in_(RUNNING), CaseRow.limit_days.is_not(None), *conds)
        paused = select(*cols).where(*running, CLOCK_UNSETTLED)
        unfilled = select(*cols).where(*running, CaseRow.clock_due.is_(None), ~CLOCK_UNSETTLED)
        return list(s.execute(union_all(paused, unfilled)).all())

    def levels(self, s: Session, rows: Sequence[Any], *, exact: bool = False
               ) -> dict[str, str | None]:
        """Levels of light rows (id, state, accepted_at, due_date): quick, then exact for
        the few that need their limit and pauses read."""
        out: dict[str, str | None] = {}
        check: dict[str, Any] = {}
        for r in rows:
            level = "check" if exact else self.quick(r.state, r.accepted_at, r.due_date)
            if level != "check":
                out[r.id] = level
            elif "pauses" in r._fields:  # read with the row (unclocked)
                out[r.id] = self.exact(r.state, r.accepted_at, r.limit_days, r.pauses)[0]
            else:
                check[r.id] = r
        ids = list(check)
        for i in range(0, len(ids), _CHUNK):
            q = select(CaseRow.id, _LIMIT, _PAUSES).where(CaseRow.id.in_(ids[i:i + _CHUNK]))
            for case_id, limit, pauses in s.execute(q):
                r = check[case_id]
                out[case_id] = self.exact(r.state, r.accepted_at, limit, pauses)[0]
        return out


# A running row with an open pause: judged by the days it had left when the pause began
# (clock_left, fixed while it lasts) when it had some; else by clock_due, as a row whose
# clock runs (_DATED). Unsettled: its days left not stored yet (judged one by one).
_FROZEN = and_(CaseRow.clock_paused.is_(True), CaseRow.clock_left > 0)
_DATED = or_(CaseRow.clock_paused.is_(False), CaseRow.clock_left <= 0)

Judged = tuple[str | None, int | None, date | None]
_SHARED: dict[tuple[int, date, float],
              tuple[WorkCalendar, SupervisionCut, dict[tuple[date, date], date],
                    dict[tuple[Any, ...], Judged], dict[str, Any]]] = {}
_SHARED_LIMIT = 50_000  # memoised judgments per (calendar, day, ratio) before starting over


def _shared(cal: WorkCalendar, today: date, ratio: float
            ) -> tuple[SupervisionCut, dict[tuple[date, date], date],
                       dict[tuple[Any, ...], Judged], dict[str, Any]]:
    """The cut-offs, memos and SQL of (calendar, day, ratio). A new publication is a new
    calendar object (district.calendar), so it never meets an old judgment; the entry
    holds its calendar, so the id in the key is not reused while the entry lives."""
    key = (id(cal), today, ratio)
    found = _SHARED.get(key)
    if found is None or found[0] is not cal or len(found[3]) > _SHARED_LIMIT:
        if len(_SHARED) >= 4:  # yesterday's and replaced calendars' are not asked again
            _SHARED.clear()
        found = _SHARED[key] = (cal, SupervisionCut.build(cal, today, ratio), {}, {}, {})
    return found[1], found[2], found[3], found[4]


def _date(day: date) -> ColumnElement[Any]:
    return literal(day, Date)


def pauses_from(raw: Any) -> list[Pause]:
    out: list[Pause] = []
    for p in raw or []:
        try:
            out.append(Pause(date.fromisoformat(p["start"]),
                             date.fromisoformat(p["end"]) if p.get("end") else None,
                             str(p.get("reason", ""))))
        except (KeyError, TypeError, ValueError):
            continue  # a malformed pause never hides a case from the queue
    return out


def _mask_name(name: str) -> str:
    return mask_name(name or "")


_LIMIT = CaseRow.data["limit_days"].as_integer()
_PAUSES = CaseRow.data["pauses"]
_COLUMNS = (CaseRow.id, CaseRow.case_no, CaseRow.station_code, StationRow.name,
            CaseRow.matter_code, CaseRow.matter_name, CaseRow.state, CaseRow.owner,
            CaseRow.proxy_agent, CaseRow.accepted_at, CaseRow.due_date,
            CaseRow.due_provisional, CaseRow.version, CaseRow.updated_at,
            _LIMIT.label("limit_days"), _PAUSES.label("pauses"),
            CaseRow.data[("applicant", "name")].as_string().label("applicant"),
            CaseRow.data["proxy_steps"].label("steps"))


def _where(f: QueueFilter, me: str) -> list[Any]:
    conds: list[Any] = []
    states = SCOPE_STATES[f.scope]
    if f.state is not None:
        if states and f.state not in states:
            return [CaseRow.id.is_(None)]  # a state outside the scope: nothing
        states = (f.state,)
    if f.level is not None:
        wanted = (State.RETURNED.value,) if f.level == LevelWanted.PAUSED else RUNNING
        states = tuple(s for s in (states or wanted) if s in wanted)
        if not states:
            return [CaseRow.id.is_(None)]
    if states:
        conds.append(CaseRow.state.in_(states) if len(states) > 1
                     else CaseRow.state == states[0])
    if f.scope == Scope.MINE:
        conds.append(CaseRow.proxy_agent == me)
    elif f.proxy_agent:
        conds.append(CaseRow.proxy_agent == f.proxy_agent)
    if f.station_code:
        conds.append(CaseRow.station_code == f.station_code)
    if f.matter_code:
        conds.append(CaseRow.matter_code == f.matter_code)
    if f.due_from:
        conds.append(CaseRow.due_date >= f.due_from)
    if f.due_to:
        conds.append(CaseRow.due_date <= f.due_to)
    prefix = f.case_no.strip()
    if prefix:
        conds.append(and_(CaseRow.case_no >= prefix, CaseRow.case_no < prefix + "\uffff"))
    return conds


# --------------------------------------------------------------------------- cursors


def _encode(sort: Sort, due: date | None, updated: datetime, case_id: str) -> str:
    if sort == Sort.UPDATED:
        return f"u|{updated.isoformat()}|{case_id}"
    if due is None:
        return f"n||{case_id}"
    return f"d|{due.isoformat()}|{case_id}"


@dataclass(frozen=True)
class Cursor:
    kind: str  # d: by due date, n: among the cases without one, u: by update time
    value: date | datetime | None
    case_id: str

    @classmethod
    def parse(cls, text: str | None, sort: Sort) -> Cursor | None:
        if not text:
            return None
        try:
            kind, value, case_id = text.split("|", 2)
            if sort == Sort.UPDATED and kind == "u":
                return cls(kind, datetime.fromisoformat(value), case_id)
            if sort == Sort.DUE and kind == "d":
                return cls(kind, date.fromisoformat(value), case_id)
            if sort == Sort.DUE and kind == "n":
                return cls(kind, None, case_id)
        except ValueError:
            pass
        raise ValueError("bad cursor")


def _ordered(base: Select[Any], sort: Sort, cursor: Cursor | None
             ) -> Iterator[Select[Any]]:
    """The query (or, sorted by due date, the two queries: dated, then undated) after
    the cursor, in the page's order."""
    if sort == Sort.UPDATED:
        q = base
        if cursor is not None:
            q = q.where(tuple_(CaseRow.updated_at, CaseRow.id)
                        < tuple_(cursor.value, cursor.case_id))
        yield q.order_by(CaseRow.updated_at.desc(), CaseRow.id.desc())
        return
    if cursor is None or cursor.kind == "d":
        q = base.where(CaseRow.due_date.is_not(None))
        if cursor is not None:
            q = q.where(tuple_(CaseRow.due_date, CaseRow.id)
                        > tuple_(cursor.value, cursor.case_id))
        yield q.order_by(CaseRow.due_date, CaseRow.id)
    q = base.where(CaseRow.due_date.is_(None))
    if cursor is not None and cursor.kind == "n":
        q = q.where(CaseRow.id > cursor.case_id)
    yield q.order_by(CaseRow.id)


# --------------------------------------------------------------------------- the page


_LIGHT = (CaseRow.id, CaseRow.state, CaseRow.accepted_at, CaseRow.due_date,
          CaseRow.updated_at)


def _row(r: Any, judge: Judge) -> QueueRow:
    level, left, due = judge.exact(r.state, r.accepted_at, r.limit_days, r.pauses)
    steps = r.steps if isinstance(r.steps, list) else []
    last = steps[-1].get("step", "") if steps and isinstance(steps[-1], dict) else ""
    return QueueRow(
        case_id=r.id, case_no=r.case_no, station_code=r.station_code, station_name=r.name,
        matter_code=r.matter_code, matter_name=r.matter_name, state=r.state, owner=r.owner,
        proxy_agent=r.proxy_agent, applicant=_mask_name(r.applicant or ""),
        accepted_at=r.accepted_at.replace(tzinfo=UTC) if r.accepted_at else None,
        due_date=due or r.due_date, due_provisional=r.due_provisional, level=level,
        days_left=left, version=r.version, updated_at=r.updated_at.replace(tzinfo=UTC),
        steps=len(steps), last_step=str(last))


def _details(s: Session, ids: Sequence[str], judge: Judge) -> list[QueueRow]:
    """The full rows of one page, in the page's order (JSON read for these rows only)."""
    if not ids:
        return []
    q = (select(*_COLUMNS).join(StationRow, StationRow.code == CaseRow.station_code)
         .where(CaseRow.id.in_(ids)))
    by_id = {r.id: _row(r, judge) for r in s.execute(q)}
    return [by_id[i] for i in ids if i in by_id]


def _matches(level: str | None, wanted: LevelWanted) -> bool:
    if wanted == LevelWanted.ATTENTION:
        return level in ("yellow", "red")
    return level == wanted.value


def queue_page(s: Session, f: QueueFilter, *, me: str, judge: Judge, sort: Sort = Sort.DUE,
               cursor: str | None = None, limit: int = 50) -> QueuePage:
    limit = max(1, min(limit, MAX_PAGE))
    after = Cursor.parse(cursor, sort)
    conds = _where(f, me)
    if f.level is not None and f.level != LevelWanted.PAUSED:
        conds.append(judge.wanted_sql(s, f.level, conds))
    # Only what orders the page and makes its cursor: sorted by due date, the index
    # (ix_cases_clock, ix_cases_state_due) holds it all and no row is read but the page's.
    keys = (CaseRow.id, CaseRow.due_date,
            CaseRow.updated_at if sort == Sort.UPDATED else literal(None).label("updated_at"))
    base: Select[Any] = select(*keys)  # type: ignore[assignment]
    if conds:
        base = base.where(*conds)
    light, more = _plain_page(s, base, sort, after, limit)
    total = _count(s, conds)
    rows = _details(s, [r.id for r in light], judge)
    next_cursor = None
    if more and light:
        last = light[-1]  # the cursor follows the stored (indexed) due date
        next_cursor = _encode(sort, last.due_date, last.updated_at, last.id)
    return QueuePage(rows=rows, total=total, next_cursor=next_cursor, today=judge.today)


def _plain_page(s: Session, base: Select[Any], sort: Sort, after: Cursor | None,
                limit: int) -> tuple[list[Any], bool]:
    rows: list[Any] = []
    for q in _ordered(base, sort, after):
        rows.extend(s.execute(q.limit(limit + 1 - len(rows))).all())
        if len(rows) > limit:
            break
    return rows[:limit], len(rows) > limit


def _count(s: Session, conds: Sequence[Any]) -> int:
    q = select(func.count()).select_from(CaseRow)
    if conds:
        q = q.where(*conds)
    return int(s.execute(q).scalar_one())
