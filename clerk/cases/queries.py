"""Fast read queries for the station's lists: case pages, counts, tasks.

The lists read the projection's light columns only, never the ``data`` JSON (a case row
carries ~10 KB of it), and every query is driven by an index, so they stay fast with
100,000 cases:

* a page of the case list is a keyset query (``ORDER BY key, rowid`` after the last row
  shown), never an OFFSET;
* with several filters, a tiny planner picks the most selective indexed filter to drive
  the query and writes the others with SQLite's unary ``+`` (no index), and for a page it
  walks the sort key's index instead when the filter matches many rows;
* the supervision level is computed in SQL from ``state``, ``due_date`` and
  ``limit_days`` against cut-off dates worked out once from the calendar
  (:class:`SupervisionCut`); it equals :func:`clerk.cases.supervision.case_level` for
  every case whose clock is running. A returned case's clock stands still (DESIGN
  section 5) and keeps the level it had when it was returned; those few cases get it
  from the clock their row keeps (clerk.cases.clock, in ix_cases_state_list), or from
  their pauses with the calendar when it is not there (:func:`paused_levels`), so
  lists, tasks, reports and the printed daily report agree. While provisional due
  dates stored under an older rule await their recomputation (clerk.cases.due, in steps
  after an upgrade), those cases are judged by the date in force (:func:`held_dues`).
* the received-date range uses the case number, which carries the day it was received
  (``{station}-{yyyymmdd}-{NNNN}``) and is uniquely indexed.

No Qt: the Qt models call these in background operations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from fractions import Fraction
from typing import Any

from sqlalchemy.orm import Session

from clerk.calendar import WorkCalendar
from clerk.cases.checklist import Checklist
from clerk.cases.levels import Level, SyncStatus
from clerk.cases.states import State
from clerk.cases.supervision import RUNNING, SUPERVISED
from clerk.cases.supervision import yellow_ratio as yellow_ratio_of
from clerk.id_documents import mask_number

PAGE_SIZE = 200
#: States before a decision in which a promised (容缺后补) material is still awaited.
OPEN_BEFORE_DECISION = (State.DRAFT, State.AWAITING_SUPPLEMENT, State.ACCEPTED,
                        State.ESCALATED, State.UNDER_REVIEW, State.RETURNED)
FINAL = (State.NOT_ACCEPTED, State.COMPLETED, State.WITHDRAWN)

_LIST_COLUMNS = ("rowid, id, case_no, state, matter_code, matter_name, applicant_name, "
                 "applicant_id_no, received_at, accepted_at, due_date, due_provisional, "
                 "limit_days, updated_at, rating, owner")


class LevelFilter(StrEnum):
    NORMAL = "normal"
    YELLOW = "yellow"
    RED = "red"
    ATTENTION = "attention"  # yellow or red


_WANTED = {LevelFilter.RED: {Level.RED}, LevelFilter.YELLOW: {Level.YELLOW},
           LevelFilter.ATTENTION: {Level.RED, Level.YELLOW},
           LevelFilter.NORMAL: {Level.NORMAL}}


class SortKey(StrEnum):
    UPDATED = "updated_at"
    CASE_NO = "case_no"
    STATE = "state"
    MATTER = "matter_code"
    DUE = "due_date"


class SyncFilter(StrEnum):
    PENDING = "pending"
    REJECTED = "rejected"


# --- supervision cut-offs ------------------------------------------------------------------

@dataclass(frozen=True)
class SupervisionCut:
    """The supervision rule of one day, as date cut-offs SQL can compare with.

    For a running case without an open pause, ``left`` (working days after today up to
    the due date) is ``limit - used``, so the rule "yellow when used >= ratio × limit or
    left <= 1" becomes "due date before the (k + 1)-th working day after today" with
    ``k = max(1, floor((1 - ratio) × limit))``; red is "due date before today".
    """

    today: date
    ratio: Fraction
    cutoffs: tuple[date, ...]  # cutoffs[k] = the (k + 1)-th working day after today
    calendar: WorkCalendar
    yellow_ratio: float = 0.8

    @classmethod
    def build(cls, cal: WorkCalendar, today: date, yellow_ratio: float = 0.8,
              max_limit: int = 120) -> SupervisionCut:
        ratio_value = yellow_ratio_of(yellow_ratio)
        ratio = Fraction(str(ratio_value))
        top = _k(max_limit, ratio) + 1
        cutoffs = tuple(cal.add_working_days(today, n).day for n in range(1, top + 2))
        # cutoffs[0] is W1; index k must give W(k+1).
        return cls(today, ratio, (today, *cutoffs), cal, ratio_value)

    def threshold(self, limit_days: int) -> date:
        """Due dates before this day are yellow (or red) for a case with this limit."""
        k = min(_k(limit_days, self.ratio), len(self.cutoffs) - 2)
        return self.cutoffs[k + 1]

    def threshold_steps(self) -> tuple[list[tuple[int, date]], date]:
        """:meth:`threshold` as steps over the limit, for a SQL ``CASE``: every
        ``(largest limit, cut-off)`` in increasing order (limits up to the first step's
        largest get its cut-off, and so on), and the cut-off of every larger limit."""
        # k grows with the limit (never past the cut-offs built): beyond `top` no step.
        rest = 1 - self.ratio
        top = 1 if rest == 0 else int((len(self.cutoffs) + 1) / rest) + 1
        steps: list[tuple[int, date]] = []
        for limit in range(1, top + 1):
            cut = self.threshold(limit)
            if steps and steps[-1][1] == cut:
                steps[-1] = (limit, cut)
            else:
                steps.append((limit, cut))
        last = self.threshold(top + 1)
        while steps and steps[-1][1] == last:
            steps.pop()
        return steps, last

    def level(self, state: str, due: date | None, limit_days: int | None) -> Level | None:
        """The level of a running case from its light columns (None: no clock running;
        returned cases get theirs from :func:`paused_levels`)."""
        if state not in RUNNING or due is None or limit_days is None:
            return None
        if limit_days == 0:
            return Level.NORMAL
        if due < self.today:
            return Level.RED
        if due < self.threshold(limit_days):
            return Level.YELLOW
        return Level.NORMAL

    def days_left(self, due: date) -> int:
        """Working days after today up to ``due``; negative: working days overdue."""
        if due >= self.today:
            return self.calendar.working_days_between(self.today, due)
        return -self.calendar.working_days_between(due, self.today)

    def sql(self, level: LevelFilter, *, prefix: str = "", paused: Sequence[str] = (),
            held: Sequence[str] = ()) -> tuple[str, list[Any]]:
        """A WHERE fragment selecting supervised cases at ``level``: running ones by their
        due date, the others by id (``paused``: the returned cases at that level, from
        :func:`paused_levels`, and the ``held`` ones at it). ``held``: cases whose stored
        due date is not the one in force yet (:func:`held_dues`), judged by id alone.
        ``prefix`` goes before the state column (``+`` keeps SQLite off its index)."""
        states = ", ".join("?" * len(SUPERVISED))
        params: list[Any] = [s.value for s in SUPERVISED]
        today = self.today.isoformat()
        yellow, yellow_params = self._yellow_case()
        due = "+due_date IS NOT NULL AND "
        if level == LevelFilter.RED:
            cond, cparams = due + "+limit_days > 0 AND +due_date < ?", [today]
        elif level == LevelFilter.YELLOW:
            cond = due + f"+limit_days > 0 AND +due_date >= ? AND +due_date < {yellow}"
            cparams = [today, *yellow_params]
        elif level == LevelFilter.ATTENTION:
            cond, cparams = due + f"+limit_days > 0 AND +due_date < {yellow}", yellow_params
        else:
            cond, cparams = due + f"(+limit_days = 0 OR +due_date >= {yellow})", yellow_params
        ids = ", ".join("?" * len(paused)) or "NULL"
        returned = State.RETURNED.value
        if held:  # only while provisional dates await their new rule (clerk.cases.due)
            cond = f"+id NOT IN ({', '.join('?' * len(held))}) AND {cond}"
            cparams = [*held, *cparams]
            sql = (f"{prefix}state IN ({states}) AND ((+state != ? AND {cond}) "
                   f"OR +id IN ({ids}))")
            return sql, [*params, returned, *cparams, *paused]
        sql = (f"{prefix}state IN ({states}) AND ((+state != ? AND {cond}) "
               f"OR (+state = ? AND +id IN ({ids})))")
        return sql, [*params, returned, *cparams, returned, *paused]

    def _yellow_case(self) -> tuple[str, list[Any]]:
        # k = max(1, floor(limit × (1 - ratio))), then the cut-off for that k.
        rest = 1 - self.ratio
        k_expr = f"max(1, (limit_days * {rest.numerator}) / {rest.denominator})"
        whens = " ".join(f"WHEN {k} THEN ?" for k in range(1, len(self.cutoffs) - 1))
        params = [d.isoformat() for d in self.cutoffs[2:]]
        return f"(CASE {k_expr} {whens} ELSE ? END)", [*params, self.cutoffs[-1].isoformat()]


def _k(limit_days: int, ratio: Fraction) -> int:
    return max(1, int(limit_days * (1 - ratio)))


# --- rows ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CaseRow:
    """One line of a case list: light columns only."""

    rowid: int
    id: str
    case_no: str
    state: State
    matter_code: str
    matter_name: str
    applicant_name: str
    applicant_id_no: str
    received_at: datetime
    accepted_at: datetime | None
    due_date: date | None
    due_provisional: bool
    limit_days: int | None
    updated_at: datetime
    rating: int | None
    owner: str
    level: Level | None = None
    sync: SyncStatus = SyncStatus()  # noqa: RUF009 (frozen: one shared "nothing pending")

    @property
    def paused(self) -> bool:
        """Returned for correction: the clock stands still (the level is as it was)."""
        return self.state == State.RETURNED
    @property
    def masked_id_no(self) -> str:
        return mask_number(self.applicant_id_no)  # the row has no document type


def _parse_dt(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _db_datetime(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


_MATTER_NAMES: dict[str, str] = {}


def _interned(text: str) -> str:
    """One string object per distinct matter name or code: 100,000 rows share a few dozen."""
    return _MATTER_NAMES.setdefault(text, text)


def _row(r: Sequence[Any], cut: SupervisionCut | None) -> CaseRow:
    due = date.fromisoformat(r[10]) if r[10] else None
    state = State(r[3])
    level = cut.level(state, due, r[12]) if cut is not None else None
    return CaseRow(
        rowid=r[0], id=r[1], case_no=r[2], state=state, matter_code=_interned(r[4]),
        matter_name=_interned(r[5]), applicant_name=r[6], applicant_id_no=r[7],
        received_at=_parse_dt(r[8]) or datetime.min.replace(tzinfo=UTC),
        accepted_at=_parse_dt(r[9]), due_date=due, due_provisional=bool(r[11]),
        limit_days=r[12], updated_at=_parse_dt(r[13]) or datetime.min.replace(tzinfo=UTC),
        rating=r[14], owner=r[15], level=level)


# --- filters -------------------------------------------------------------------------------

@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows. Empty fields do not filter."""

    states: tuple[State, ...] = ()
    matter_code: str | None = None
    level: LevelFilter | None = None
    received_from: date | None = None
    received_to: date | None = None
    text: str = ""  # case number prefix, applicant name prefix or exact ID number
    sync: SyncFilter | None = None
    applicant_id: str | None = None

    @property
    def is_empty(self) -> bool:
        return self == CaseFilter()


@dataclass(frozen=True)
class _Term:
    """One WHERE condition; ``{i}`` marks where a ``+`` goes to keep SQLite off its index.

    ``row_cost`` weighs the rows its index reads: case-number ranges read rows in the
    order they were written (neighbouring pages), others jump around the table.
    ``correlated``: the rows it keeps cluster in time, so walking another index in
    time order to find them may read most of the table.
    """

    sql: str
    params: tuple[Any, ...]
    column: str = ""
    drives: bool = True  # an index can drive the query from this condition
    estimate: tuple[str, tuple[Any, ...]] | None = None  # a cheaper count for planning
    row_cost: float = 1.0
    correlated: bool = False

    def render(self, indexed: bool) -> str:
        return self.sql.replace("{i}", "" if indexed else "+")


def _case_no_range(low: str, high: str) -> _Term:
    return _Term("{i}case_no >= ? AND {i}case_no < ?", (low, high), "case_no", row_cost=0.2,
                 correlated=True)


def _text_terms(text: str) -> list[_Term]:
    text = text.strip()
    if not text:
        return []
    compact = text.replace(" ", "").upper()
    if compact[:1].isdigit():
        if len(compact) in (15, 18) and "-" not in compact:
            # An ID number is matched exactly, through the applicants' index.
            return [_Term("{i}applicant_id IN (SELECT id FROM applicants WHERE id_no = ?)",
                          (compact,), "applicant_id")]
        return [_case_no_range(compact, compact + "\uffff")]
    # A name prefix, through the applicants' name index (the current name, as edited).
    return [_Term("{i}applicant_id IN (SELECT id FROM applicants WHERE name >= ? AND name < ?)",
                  (text, text + "\uffff"), "applicant_id")]


def _terms(f: CaseFilter, cut: SupervisionCut, station_code: str | None,
           paused: Sequence[str] = (), held: Sequence[str] = ()) -> list[_Term]:
    terms: list[_Term] = []
    if f.states:
        marks = ", ".join("?" * len(f.states))
        terms.append(_Term(f"{{i}}state IN ({marks})", tuple(s.value for s in f.states),
                           "state"))
    if f.matter_code:
        terms.append(_Term("{i}matter_code = ?", (f.matter_code,), "matter_code"))
    if f.applicant_id:
        terms.append(_Term("{i}applicant_id = ?", (f.applicant_id,), "applicant_id"))
    if f.level is not None:
        sql, params = cut.sql(f.level, prefix="{i}", paused=paused, held=held)
        marks = ", ".join("?" * len(SUPERVISED))
        terms.append(_Term(sql, tuple(params), "state",
                           estimate=(f"SELECT count(*) FROM cases WHERE state IN ({marks})",
                                     tuple(s.value for s in SUPERVISED))))
    if (f.received_from or f.received_to) and station_code:
        low = f"{station_code}-{f.received_from:%Y%m%d}" if f.received_from else station_code
        high = (f"{station_code}-{f.received_to + timedelta(days=1):%Y%m%d}"
                if f.received_to else station_code + "\uffff")
        terms.append(_case_no_range(low, high))
    terms.extend(_text_terms(f.text))
    if f.sync is not None:
        # The unacknowledged events are the outbox's (migration 0011); CROSS JOIN keeps
        # SQLite reading from it, not from the sync_state index (which also holds every
        # acknowledged event: their rows keep the state they had).
        terms.append(_Term("{i}id IN (SELECT e.case_id FROM sync_outbox o CROSS JOIN "
                           "case_events e ON e.pos = o.pos WHERE e.sync_state = ?)",
                           (f.sync.value,), "id"))
    return terms


# --- the list query ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: after the row with this sort value and tie-breaker
    (the case number for the newest-first sort, else the rowid)."""

    value: Any
    tie: Any


@dataclass
class CasePage:
    rows: list[CaseRow]
    total: int  # rows matching the filter
    cursor: Cursor | None  # None: nothing more to fetch
    plan: str = ""  # how the query was driven (for benchmarks and tests)


def _scalar(s: Session, sql: str, params: Sequence[Any]) -> Any:
    return s.connection().exec_driver_sql(sql, tuple(params)).scalar()


def _rows(s: Session, sql: str, params: Sequence[Any]) -> list[Sequence[Any]]:
    return list(s.connection().exec_driver_sql(sql, tuple(params)).all())


@dataclass
class CaseQuery:
    """The case list's query: a filter, a sort, and how to run them fast."""

    filter: CaseFilter
    cut: SupervisionCut
    sort: SortKey = SortKey.UPDATED
    descending: bool = True
    station_code: str | None = None
    page_size: int = PAGE_SIZE
    _driver: int | None = field(default=None, init=False)  # index into _terms
    _driver_rows: int | None = field(default=None, init=False)  # rows the driver reads
    _total: int | None = field(default=None, init=False)
    _all: int | None = field(default=None, init=False)
    _paused: list[str] | None = field(default=None, init=False)
    _held: list[str] = field(default_factory=list, init=False)

    def _terms(self, s: Session) -> list[_Term]:
        level = self.filter.level
        if level is not None and self._paused is None:
            self._paused, self._held = judged(s, self.cut, level)
        return _terms(self.filter, self.cut, self.station_code, self._paused or (),
                      self._held)

    def _where(self, terms: list[_Term], driver: int | None, *,
               walk: bool = False) -> tuple[str, list[Any]]:
        """The WHERE clause with only the driving condition on its index; when walking
        the sort index, conditions on the sort column itself keep it (a range on it)."""
        parts: list[str] = []
        params: list[Any] = []
        for i, t in enumerate(terms):
            indexed = t.column == self.sort.value if walk else i == driver
            parts.append(f"({t.render(indexed)})")
            params.extend(t.params)
        return (" AND ".join(parts) or "1"), params

    def _plan(self, s: Session, terms: list[_Term]) -> int | None:
        """The filter whose index reads the fewest rows (estimated by cheap counts)."""
        drivers = [i for i, t in enumerate(terms) if t.drives]
        self._driver_rows = None
        if len(drivers) <= 1 and not any(terms[i].estimate for i in drivers):
            return drivers[0] if drivers else None
        best, best_cost = None, 0.0
        for i in drivers:
            t = terms[i]
            sql, params = t.estimate or (f"SELECT count(*) FROM cases WHERE {t.render(True)}",
                                         t.params)
            cost = int(_scalar(s, sql, params)) * t.row_cost
            if best is None or cost < best_cost:
                best, best_cost = i, cost
        self._driver_rows = round(best_cost)
        return best

    def count(self, s: Session) -> int:
        """Cases matching the filter."""
        terms = self._terms(s)
        self._driver = self._plan(s, terms)
        if not terms:
            # No filter: the kept count, not a scan of an index over every case (on the
            # encrypted store each page read is decrypted and authenticated first).
            self._total = self._all = all_cases(s)
            return self._total
        where, params = self._where(terms, self._driver)
        self._total = int(_scalar(s, f"SELECT count(*) FROM cases WHERE {where}", params))
        return self._total

    def first_page(self, s: Session) -> CasePage:
        """The count and the first page."""
        total = self.count(s)
        return self.page(s, None, total=total)

    def page(self, s: Session, after: Cursor | None, *, total: int | None = None) -> CasePage:
        """The page after ``after`` (None: the first page)."""
        if total is None:
            total = self._total if self._total is not None else self.count(s)
        if total == 0:
            return CasePage([], 0, None, "empty")
        terms = self._terms(s)
        walk = self._walk(s, terms, total)
        driver = None if walk else self._driver
        where, params = self._where(terms, driver, walk=walk)
        # No filter, newest first: ix_cases_list holds every column a row shows (0009).
        covered = not terms and self.sort == SortKey.UPDATED
        raw, cursor = self._keyset(s, where, params, after, walk, covered)
        plan = "walk" if walk or driver is None else f"drive:{driver}"
        return CasePage(finish_rows(s, [_row(r, self.cut) for r in raw], self.cut), total,
                        cursor, plan)

    def _walk(self, s: Session, terms: list[_Term], total: int) -> bool:
        """Walk the sort index (filtering as we go) when the filter keeps many rows:
        a page then reads about page_size × all / total rows instead of all the rows the
        driving index finds. Not when the kept rows cluster in time (a received-date
        range) and the sort is another column: the walk could read most of the table."""
        if self._driver is None:
            return True
        driver = terms[self._driver]
        if driver.column == self.sort.value:
            return True
        if any(t.correlated and t.column != self.sort.value for t in terms):
            return False
        if self._all is None:
            self._all = all_cases(s)
        cost = (self._driver_rows if self._driver_rows is not None else total) * driver.row_cost
        return self.page_size * self._all < total * cost

    def _keyset(self, s: Session, where: str, params: list[Any], after: Cursor | None,
                walk: bool, covered: bool = False) -> tuple[list[Sequence[Any]], Cursor | None]:
        col = self.sort.value if walk else f"+{self.sort.value}"
        # Newest first without a filter (the list's first paint) is read from
        # ix_cases_list alone, ordered by (updated_at, case_no): ties broken by the rowid
        # would need every row of the table (migration 0009). A filtered page picks its
        # rows from the filter's index, which holds the rowid and not the case number
        # (migration 0010).
        rid = "case_no" if covered else "rowid"
        op, order = ("<", "DESC") if self.descending else (">", "ASC")
        nullable = self.sort == SortKey.DUE
        limit = self.page_size + 1  # one more tells whether there is a next page
        out: list[Sequence[Any]] = []
        in_nulls = after is not None and after.value is None and nullable
        if not in_nulls:
            cond, cparams = (f"{col} IS NOT NULL", []) if nullable else ("1", [])
            if after is not None:
                cond += f" AND ({col}, {rid}) {op} (?, ?)"
                cparams += [after.value, after.tie]
            out = _select_rows(s, f"{where} AND {cond}", f"{col} {order}, {rid} {order}",
                               limit, [*params, *cparams], covered)
        if nullable and len(out) < limit:
            # Cases without a due date come last, whatever the direction.
            cond, cparams = f"{col} IS NULL", []
            if in_nulls and after is not None:
                cond += f" AND {rid} {op} ?"
                cparams.append(after.tie)
            out += _select_rows(s, f"{where} AND {cond}", f"{rid} {order}",
                                limit - len(out), [*params, *cparams], covered)
        more = len(out) > self.page_size
        out = out[: self.page_size]
        if not more or not out:
            return out, None
        last = out[-1]
        value = {SortKey.UPDATED: last[13], SortKey.CASE_NO: last[2], SortKey.STATE: last[3],
                 SortKey.MATTER: last[4], SortKey.DUE: last[10]}[self.sort]
        return out, Cursor(value, last[2] if rid == "case_no" else int(last[0]))


def _select_rows(s: Session, where: str, order: str, limit: int, params: Sequence[Any],
                 covered: bool) -> list[Sequence[Any]]:
    """A page's rows: from the index alone when one covers the list's columns (the
    unfiltered newest-first list), else chosen by rowid first (:func:`_page_rows`)."""
    if covered:
        return _rows(s, f"SELECT {_LIST_COLUMNS} FROM cases WHERE {where} "
                        f"ORDER BY {order} LIMIT {limit}", params)
    return _page_rows(s, where, order, limit, params)


def all_cases(s: Session) -> int:
    """How many cases the station holds: the count triggers on ``cases`` keep in
    ``case_tally`` (migration 0009), read in one page."""
    return int(_scalar(s, "SELECT cases FROM case_tally WHERE id = 1", ()))


def _page_rows(s: Session, where: str, order: str, limit: int,
               params: Sequence[Any]) -> list[Sequence[Any]]:
    """A page's rows in two steps: which rows (``rowid`` by ``order``, read from the
    filter's index alone when it covers the filter and the sort, as the list indexes of
    migration 0010 do), then only those rows from the table.

    A case row is ~14 KB, so each row read is a table page, decrypted and HMAC-checked
    in the SQLCipher store: selecting the list columns directly made SQLite read every
    matching row (thousands) to sort them, for the 200 shown.
    """
    return _rows(s, f"SELECT {_LIST_COLUMNS} FROM cases WHERE rowid IN "
                    f"(SELECT rowid FROM cases WHERE {where} ORDER BY {order} LIMIT {limit}) "
                    f"ORDER BY {order}", params)


def paused_levels(s: Session, cut: SupervisionCut,
                  ids: Sequence[str] | None = None) -> dict[str, Level]:
    """The levels of returned cases (all, or those with ``ids``), by case id.

    Their clock stands still, so the level is the calendar's verdict with the open pause
    counted out (as :func:`clerk.cases.supervision.case_level` does). The row keeps
    that clock (clerk.cases.clock, migration 0012) in ix_cases_state_list, so the levels
    come from index pages: reading each case's pauses from its data (~14 KB, decrypted
    page by page) took most of a red or yellow filter's first use at 100,000 cases (about
    600 returned cases). A case without a trusted clock (cleared by a change since the
    last settle, kept for another calendar, or changed after ``cut.today``) is judged from
    its data; those verdicts are kept per rule (calendar, day, ratio) and per case as last
    changed (its id and ``updated_at``: every event moves it).
    """
    from clerk.cases.clock import clock_current, day_end
    from clerk.cases.supervision import PausedClock, paused_level

    sql = ("SELECT id, updated_at, limit_days, clock_left, clock_due FROM cases "
           "WHERE state = ?")
    params: list[Any] = [State.RETURNED.value]
    if ids is not None:
        if not ids:
            return {}
        sql += f" AND id IN ({', '.join('?' * len(ids))})"
        params += list(ids)
    found_rows = _rows(s, sql, params)
    trusted = bool(found_rows) and clock_current(s)
    end = day_end(cut.today)
    memo = _paused_memo(cut)
    out: dict[str, Level] = {}
    missing: dict[str, Any] = {}
    for case_id, updated, limit, left, due in found_rows:
        if trusted and left is not None and limit is not None and str(updated) < end \
                and (left > 0 or due is not None):
            clock = PausedClock(int(left), date.fromisoformat(due) if due else None, cut.today)
            out[case_id] = Level(paused_level(clock, int(limit), cut.today,
                                              cut.yellow_ratio).value)
            continue
        key = (case_id, updated)
        if key not in memo:
            missing[case_id] = updated
            continue
        level = memo[key]
        if level is not None:
            out[case_id] = level
    found = list(missing)
    for i in range(0, len(found), _JUDGE_CHUNK):
        for case_id, level in _judge_paused(s, cut, found[i:i + _JUDGE_CHUNK]).items():
            memo[(case_id, missing[case_id])] = level
            if level is not None:
                out[case_id] = level
    return out


_JUDGE_CHUNK = 400  # returned cases read at a time (SQLite's bound parameters)
_PAUSED_MEMO: dict[tuple[int, date, float],
                   tuple[WorkCalendar, dict[tuple[str, Any], Level | None]]] = {}
_PAUSED_MEMO_LIMIT = 50_000  # verdicts kept per rule before starting over


def _paused_memo(cut: SupervisionCut) -> dict[tuple[str, Any], Level | None]:
    """The verdicts of one rule. A new calendar is a new object (Workspace.calendar), so
    it never meets an old verdict; the entry holds it, so its id is not reused."""
    key = (id(cut.calendar), cut.today, cut.yellow_ratio)
    found = _PAUSED_MEMO.get(key)
    if found is None or found[0] is not cut.calendar or len(found[1]) > _PAUSED_MEMO_LIMIT:
        if len(_PAUSED_MEMO) >= 4:  # yesterday's and replaced calendars' are not asked
            _PAUSED_MEMO.clear()
        found = _PAUSED_MEMO[key] = (cut.calendar, {})
    return found[1]


def _judge_paused(s: Session, cut: SupervisionCut, ids: Sequence[str]
                  ) -> dict[str, Level | None]:
    """The levels of these returned cases from their rows (None: no clock)."""
    import json

    from clerk.calendar import Pause, supervise

    out: dict[str, Level | None] = {case_id: None for case_id in ids}
    for case_id, accepted, limit, pauses in _rows(
            s, "SELECT id, accepted_at, limit_days, json_extract(data, '$.pauses') FROM cases "
               f"WHERE id IN ({', '.join('?' * len(ids))})", list(ids)):
        moment = _parse_dt(accepted)
        if moment is None or limit is None:
            continue
        if limit == 0:
            out[case_id] = Level.NORMAL
            continue
        stops = [Pause(date.fromisoformat(p["start"]),
                       date.fromisoformat(p["end"]) if p.get("end") else None,
                       str(p.get("reason", "")))
                 for p in json.loads(pauses or "[]")]
        verdict = supervise(cut.calendar, accepted=_local(moment), limit_days=int(limit),
                            today=cut.today, pauses=stops, yellow_ratio=cut.yellow_ratio)
        out[case_id] = Level(verdict.level.value)
    return out


def _local(moment: datetime) -> date:
    return (moment.astimezone(UTC) + timedelta(hours=8)).date()


def finish_rows(s: Session, rows: list[CaseRow], cut: SupervisionCut | None) -> list[CaseRow]:
    """The rows with their sync state, and the levels of returned ones, filled in (and,
    while provisional dates await their new rule, those rows' due dates in force)."""
    rows = attach_sync(s, rows)
    if cut is not None:
        held = held_dues(s, cut, [r.id for r in rows if r.due_provisional])
        if held:
            rows = [replace(r, level=held[r.id].level, due_date=held[r.id].due,
                            due_provisional=held[r.id].provisional) if r.id in held else r
                    for r in rows]
    paused = [r.id for r in rows if r.paused]
    if cut is None or not paused:
        return rows
    levels = paused_levels(s, cut, paused)
    return [replace(r, level=levels.get(r.id)) if r.paused else r for r in rows]


@dataclass(frozen=True)
class HeldDue:
    """A case's due date in force while its stored one awaits the new provisional rule."""

    due: date | None
    provisional: bool
    level: Level | None


def held_dues(s: Session, cut: SupervisionCut, ids: Sequence[str] | None = None
              ) -> dict[str, HeldDue]:
    """The open cases (all, or those of ``ids``) whose provisional due date was stored
    under an older rule and is not recomputed yet (clerk.cases.due.unsettled_dues: the
    station recomputes them in steps after the upgrade), with the date in force and
    their level by it. Nothing, at the cost of one settings read, once the rule is
    remembered."""
    from clerk.cases.due import rule_changed, unsettled_dues

    if (ids is not None and not ids) or not rule_changed(s):
        return {}
    found = unsettled_dues(s)
    if ids is not None:
        wanted = set(ids)
        found = [(i, u) for i, u in found if i in wanted]
    memo = _held_memo(cut.calendar)
    missing = [case_id for case_id, updated in found if (case_id, updated) not in memo]
    for i in range(0, len(missing), _JUDGE_CHUNK):
        _judge_held(s, cut.calendar, missing[i:i + _JUDGE_CHUNK], memo)
    out: dict[str, HeldDue] = {}
    for key in found:
        if key in memo:  # not if the case changed between the two reads
            state, limit, day, provisional = memo[key]
            out[key[0]] = HeldDue(day, provisional, cut.level(state, day, limit))
    return out


def _judge_held(s: Session, cal: WorkCalendar, ids: Sequence[str],
                memo: dict[tuple[str, Any], tuple[Any, ...]]) -> None:
    """The dates in force of held cases into `memo`: from their row's columns and the
    pauses in their data (json_extract: no whole ~14 KB record parsed), each date worked
    out once per acceptance day, limit and closed pauses (the cases share a few)."""
    import json

    from clerk.cases.due import due_from

    dues: dict[tuple[Any, ...], tuple[date, bool]] = {}
    for case_id, updated, state, accepted, limit, due, pauses in _rows(
            s, "SELECT id, updated_at, state, accepted_at, limit_days, due_date, "
               "json_extract(data, '$.pauses') FROM cases WHERE id IN "
               f"({', '.join('?' * len(ids))})", ids):
        moment = _parse_dt(accepted)
        stored = date.fromisoformat(due) if due else None
        if moment is None or limit is None or stored is None:
            memo[(case_id, updated)] = (state, limit, stored, True)
            continue
        stops = [p for p in json.loads(pauses or "[]") if p.get("end")]
        accepted_day, days = _local(moment), int(limit)
        key = (accepted_day, days,
               *((p["start"], p["end"], str(p.get("reason", ""))) for p in stops))
        if key not in dues:
            found = due_from(cal, accepted_day, days, stops)
            dues[key] = (found.day, found.provisional)
        memo[(case_id, updated)] = (state, limit, *dues[key])


_HELD_MEMO: list[Any] = [None, {}]  # a calendar, and its held cases' dates by (id, updated)


def _held_memo(cal: WorkCalendar) -> dict[tuple[str, Any], tuple[Any, ...]]:
    """The dates in force worked out with ``cal``, per case as last changed: a filter
    applied again reads none of the held cases' data (each ~14 KB) again."""
    if _HELD_MEMO[0] is not cal or len(_HELD_MEMO[1]) > _PAUSED_MEMO_LIMIT:
        _HELD_MEMO[:] = [cal, {}]
    memo: dict[tuple[str, Any], tuple[Any, ...]] = _HELD_MEMO[1]
    return memo


def judged(s: Session, cut: SupervisionCut, level: LevelFilter) -> tuple[list[str], list[str]]:
    """For :meth:`SupervisionCut.sql`: the cases judged by id at ``level`` (returned ones,
    and held ones), and the held ones (:func:`held_dues`)."""
    wanted = _WANTED[level]
    held = held_dues(s, cut)
    at = [cid for cid, lv in paused_levels(s, cut).items() if lv in wanted]
    at += [cid for cid, h in held.items() if h.level in wanted]
    return at, list(held)


def attach_sync(s: Session, rows: list[CaseRow]) -> list[CaseRow]:
    """The rows with the sync state of their station-side events filled in.

    Unacknowledged events are the outbox's (migration 0011); the terms before it are
    ix_case_events_unsynced's, whose entries (with their pos) answer the query without
    reading the wide event rows. The unary plus keeps SQLite from starting at the
    outbox instead, which would read every unacknowledged event's row for each page."""
    if not rows:
        return rows
    marks = ", ".join("?" * len(rows))
    found: dict[str, dict[str, int]] = {}
    for case_id, state, n in _rows(
            s, f"SELECT case_id, sync_state, count(*) FROM case_events WHERE case_id IN "
               f"({marks}) AND origin = 'station' AND sync_state != 'acked' "
               f"AND +pos IN (SELECT pos FROM sync_outbox) "
               f"GROUP BY case_id, sync_state", [r.id for r in rows]):
        found.setdefault(case_id, {})[state] = int(n)
    return [replace(r, sync=SyncStatus(found[r.id].get("pending", 0),
                                       found[r.id].get("rejected", 0)))
            if r.id in found else r for r in rows]


def case_row(s: Session, case_no: str, cut: SupervisionCut | None) -> CaseRow | None:
    """One case's list row (after it changed), or None."""
    found = _rows(s, f"SELECT {_LIST_COLUMNS} FROM cases WHERE case_no = ?", [case_no])
    if not found:
        return None
    return finish_rows(s, [_row(found[0], cut)], cut)[0]


def applicant_cases(s: Session, applicant_id: str, cut: SupervisionCut | None,
                    limit: int = 500) -> list[CaseRow]:
    """An applicant's cases, newest first."""
    found = _rows(s, f"SELECT {_LIST_COLUMNS} FROM cases WHERE applicant_id = ? "
                     f"ORDER BY case_no DESC LIMIT {int(limit)}", [applicant_id])
    return finish_rows(s, [_row(r, cut) for r in found], cut)


# --- one case's extras -------------------------------------------------------------------------

@dataclass(frozen=True)
class TimelineEntry:
    """One event of a case as the timeline shows it, with its sync bookkeeping."""

    seq: int
    type: str
    payload: dict[str, Any]
    actor: str
    origin: str
    occurred_at: datetime
    sync_state: str
    sync_error: str | None


def case_timeline(s: Session, case_id: str) -> list[TimelineEntry]:
    import json

    # Acknowledged: no outbox row (the event row keeps its state from before; 0011).
    rows = _rows(s, "SELECT seq, type, payload, actor, origin, occurred_at, "
                    "CASE WHEN pos IN (SELECT pos FROM sync_outbox) THEN sync_state "
                    "ELSE 'acked' END, sync_error FROM case_events WHERE case_id = ? "
                    "ORDER BY seq", [case_id])
    from clerk.cases.due import due_override, payload_in_force

    moved = due_override(s, case_id)  # the history shows the due date in force too
    return [TimelineEntry(int(seq), etype,
                          payload_in_force(json.loads(payload) if payload else {}, moved), actor,
                          origin, _parse_dt(at) or datetime.min.replace(tzinfo=UTC), sync,
                          error)
            for seq, etype, payload, actor, origin, at, sync, error in rows]


@dataclass(frozen=True)
class NoteEntry:
    text: str
    author: str
    origin: str
    occurred_at: str


def case_notes(s: Session, case_id: str) -> list[NoteEntry]:
    """Remarks outside the case's event sequence (the other side's notes)."""
    rows = _rows(s, "SELECT text, author, origin, occurred_at FROM case_notes "
                    "WHERE case_id = ? ORDER BY occurred_at", [case_id])
    return [NoteEntry(*r) for r in rows]


@dataclass(frozen=True)
class DocumentOutputs:
    """How often a document number was printed on paper and saved as a PDF file."""

    printed: int = 0
    saved: int = 0

    @property
    def any(self) -> bool:
        """It left the station at least once (a next copy is a reprint, 补打)."""
        return bool(self.printed or self.saved)


def printed_documents(s: Session, case_id: str) -> dict[str, DocumentOutputs]:
    """Each of the case's document numbers that left the station: printed / saved counts."""
    out: dict[str, DocumentOutputs] = {}
    for doc_no, output, n in _rows(
            s, "SELECT doc_no, output, count(*) FROM print_log WHERE case_id = ? "
               "GROUP BY doc_no, output", [case_id]):
        seen = out.get(doc_no, DocumentOutputs())
        out[doc_no] = (DocumentOutputs(seen.printed + int(n), seen.saved) if output == "printed"
                       else DocumentOutputs(seen.printed, seen.saved + int(n)))
    return out


def clerk_names(s: Session) -> dict[str, str]:
    """Username → display name of the station's accounts."""
    return {u: (d or u) for u, d in _rows(s, "SELECT username, display_name FROM users", [])}


# --- counts ----------------------------------------------------------------------------------

def counts_by_state(s: Session) -> dict[State, int]:
    return {State(st): int(n) for st, n in
            _rows(s, "SELECT state, count(*) FROM cases GROUP BY state", [])}


def level_counts(s: Session, cut: SupervisionCut) -> dict[Level, int]:
    """Supervised cases by level (returned ones at the level they keep), and how many of
    them are returned (``Level.PAUSED``, also counted in their level)."""
    paused = paused_levels(s, cut)
    held = held_dues(s, cut)
    out: dict[Level, int] = {}
    for level, lf in ((Level.RED, LevelFilter.RED), (Level.YELLOW, LevelFilter.YELLOW),
                      (Level.NORMAL, LevelFilter.NORMAL)):
        ids = [cid for cid, lv in paused.items() if lv == level]
        ids += [cid for cid, h in held.items() if h.level == level]
        sql, params = cut.sql(lf, paused=ids, held=list(held))
        out[level] = int(_scalar(s, f"SELECT count(*) FROM cases WHERE {sql}", params))
    out[Level.PAUSED] = len(paused)
    return out


def matters_in_use(s: Session) -> list[tuple[str, str]]:
    """(code, name) of the matters the station's cases use, by name.

    The codes are found by skipping through ix_cases_matter_code, one seek per matter:
    ``SELECT DISTINCT`` read all 100,000 entries (30 ms of decrypted index pages, at the
    case page's start, beside its first filter)."""
    codes: list[str] = []
    code = _scalar(s, "SELECT matter_code FROM cases ORDER BY matter_code LIMIT 1", [])
    while code is not None:
        codes.append(str(code))
        code = _scalar(s, "SELECT matter_code FROM cases WHERE matter_code > ? "
                          "ORDER BY matter_code LIMIT 1", [code])
    out = []
    for code in codes:
        name = _scalar(s, "SELECT matter_name FROM cases WHERE matter_code = ? LIMIT 1", [code])
        out.append((code, str(name)))
    return sorted(out, key=lambda cn: cn[1])


# --- tasks -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FollowUp:
    """A case waiting for the applicant: a one-time notice, or a promised material."""

    case_no: str
    state: State
    applicant_name: str
    mobile: str
    matter_name: str
    kind: str  # "notice" | "promise"
    since: date | None  # notice issued on
    promise_date: date | None
    items: tuple[str, ...]  # material names still awaited

    def overdue(self, today: date) -> bool:
        return self.promise_date is not None and self.promise_date < today


@dataclass(frozen=True)
class ReturnedCase:
    case_no: str
    applicant_name: str
    mobile: str
    matter_name: str
    returned_on: date | None
    reviewer: str
    note: str
    items: tuple[tuple[str, str], ...]  # (material name, what is wrong)


def _local_day(text: str | None) -> date | None:
    if not text:
        return None
    moment = (datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ") if text.endswith("Z")
              else datetime.fromisoformat(text))
    return (moment.replace(tzinfo=UTC) + timedelta(hours=8)).date()


def follow_ups(s: Session) -> list[FollowUp]:
    """Cases awaiting a supplement after a notice, and promised materials still awaited."""
    import json

    out: list[FollowUp] = []
    notice_rows = _rows(s, """
        SELECT c.case_no, c.state, c.applicant_name, a.mobile, c.matter_name,
               json_extract(c.data, '$.notices[#-1].issued_at'),
               json_extract(c.data, '$.checklist')
        FROM cases c LEFT JOIN applicants a ON a.id = c.applicant_id
        WHERE c.state = ?""", [State.AWAITING_SUPPLEMENT.value])
    for case_no, state, name, mobile, matter, issued, checklist in notice_rows:
        missing = Checklist.from_list(json.loads(checklist or "[]")).outstanding
        names = tuple(it.name for it in missing)
        out.append(FollowUp(case_no, State(state), name, mobile or "", matter, "notice",
                            _local_day(issued), None, names))
    marks = ", ".join("?" * len(OPEN_BEFORE_DECISION))
    promise_rows = _rows(s, f"""
        SELECT c.case_no, c.state, c.applicant_name, a.mobile, c.matter_name,
               json_extract(j.value, '$.name'), json_extract(j.value, '$.promise_date')
        FROM cases c LEFT JOIN applicants a ON a.id = c.applicant_id,
             json_each(c.data, '$.checklist') j
        WHERE c.state IN ({marks}) AND instr(c.data, '"deferred"') > 0
          AND json_extract(j.value, '$.status') = 'deferred'
        ORDER BY 7""", [st.value for st in OPEN_BEFORE_DECISION])
    for case_no, state, name, mobile, matter, item, promise in promise_rows:
        out.append(FollowUp(case_no, State(state), name, mobile or "", matter, "promise",
                            None, date.fromisoformat(promise) if promise else None, (item,)))
    out.sort(key=lambda f: (f.promise_date or f.since or date.max, f.case_no))
    return out


@dataclass(frozen=True)
class OverduePromise:
    """A promised (容缺后补) material still awaited after its promise date."""

    case_no: str
    state: State
    applicant_name: str
    matter_name: str
    material_key: str
    material_name: str
    promise_date: date


def overdue_promises(s: Session, today: date) -> list[OverduePromise]:
    """Broken promises (the promise date is before `today`, a Beijing day) of cases
    still before their decision, the oldest promise first."""
    marks = ", ".join("?" * len(OPEN_BEFORE_DECISION))
    rows = _rows(s, f"""
        SELECT c.case_no, c.state, c.applicant_name, c.matter_name,
               json_extract(j.value, '$.key'), json_extract(j.value, '$.name'),
               json_extract(j.value, '$.promise_date')
        FROM cases c, json_each(c.data, '$.checklist') j
        WHERE c.state IN ({marks}) AND instr(c.data, '"deferred"') > 0
          AND json_extract(j.value, '$.status') = 'deferred'
          AND json_extract(j.value, '$.necessity') = 'deferrable'
          AND json_extract(j.value, '$.promise_date') < ?
        ORDER BY 7, 1""", [*(st.value for st in OPEN_BEFORE_DECISION), today.isoformat()])
    return [OverduePromise(no, State(st), name or "", matter, key, item, date.fromisoformat(p))
            for no, st, name, matter, key, item, p in rows]


def returned_cases(s: Session) -> list[ReturnedCase]:
    import json

    rows = _rows(s, """
        SELECT c.case_no, c.applicant_name, a.mobile, c.matter_name,
               json_extract(c.data, '$.returns[#-1]'), c.updated_at
        FROM cases c LEFT JOIN applicants a ON a.id = c.applicant_id
        WHERE c.state = ? ORDER BY c.updated_at""", [State.RETURNED.value])
    out = []
    for case_no, name, mobile, matter, ret, updated in rows:
        r = json.loads(ret) if ret else {}
        items = tuple((str(i.get("name") or i.get("key", "")), str(i.get("note", "")))
                      for i in r.get("items", []))
        returned_on = _local_day(r.get("at")) or _local_day(updated)
        out.append(ReturnedCase(case_no, name, mobile or "", matter, returned_on,
                                str(r.get("by", "")), str(r.get("note", "")), items))
    return out


def cases_in(s: Session, states: Iterable[State], cut: SupervisionCut | None,
             limit: int = 2000) -> list[CaseRow]:
    """Cases in ``states``, oldest change first (results to hand over)."""
    states = list(states)
    marks = ", ".join("?" * len(states))
    found = _rows(s, f"SELECT {_LIST_COLUMNS} FROM cases WHERE state IN ({marks}) "
                     f"ORDER BY updated_at LIMIT {int(limit)}", [st.value for st in states])
    return finish_rows(s, [_row(r, cut) for r in found], cut)


def supervised(s: Session, cut: SupervisionCut, level: LevelFilter,
               limit: int = 2000) -> list[CaseRow]:
    """Supervised cases at ``level``, the most urgent first."""
    ids, held = judged(s, cut, level)
    sql, params = cut.sql(level, paused=ids, held=held)
    found = _rows(s, f"SELECT {_LIST_COLUMNS} FROM cases WHERE {sql} "
                     f"ORDER BY due_date, rowid LIMIT {int(limit)}", params)
    return finish_rows(s, [_row(r, cut) for r in found], cut)


def overdue_promise_count(s: Session, today: date) -> int:
    """Promised materials (容缺后补) still awaited after their promise date: a broken
    promise is supervised like a late case (the district's board counts the same)."""
    return len(overdue_promises(s, today))
