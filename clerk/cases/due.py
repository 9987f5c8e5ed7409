"""Provisional due dates recomputed when an official calendar year arrives (DESIGN 5).

Recomputation appends nothing to history: the events keep the date that was computed
(and printed on the receipt) at the time. The new date goes to the case row's due-date
columns, which every list and screen reads, and to `due_overrides`, which remembers the
original, so later local events do not put the old date back (see ledger). Records are
loaded with the date in force (`ledger.load_record`), and an event payload shown or
printed again (the receipt, the case history) goes through `payload_in_force`, so no
screen or document keeps the old provisional date. Both the station and the district
use `recomputed_due`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.calendar import Pause, WorkCalendar
from clerk.calendar.workdays import DueDate
from clerk.cases.record import CaseRecord
from clerk.cases.states import State
from clerk.errors import StationDeskError, StoreError
from clerk.settings import forget_text, read_text, write_text
from clerk.store.models import PROVISIONAL_WHERE, Case, DueOverride
from clerk.timeutil import local_date

if TYPE_CHECKING:
    from clerk.store import Store

OPEN_STATES = [s.value for s in State if not s.is_final]

#: How years without official data are counted; a station that stored provisional dates
#: under another rule (before 2026-12: plain Monday-Friday) recomputes them once.
PROVISIONAL_RULE = "statute-2024"
RULE_SETTING = "calendar.provisional_rule"
#: The last case id recomputed while that is done in steps (settle_rule_step).
RULE_SETTLING = "calendar.provisional_rule.settling"


def recomputed_due(record: CaseRecord, cal: WorkCalendar) -> DueDate | None:
    """A case's due date computed again with today's calendar data.

    The limit runs from the acceptance day, closed pauses are counted out, an open pause
    is left to the event that closes it (exactly as the events themselves compute it).
    """
    if record.accepted_at is None or record.limit_days is None or record.due_date is None:
        return None
    return due_from(cal, local_date(record.accepted_at), record.limit_days, record.pauses)


def due_from(cal: WorkCalendar, accepted: date, limit_days: int,
             pauses: Iterable[dict[str, Any]]) -> DueDate:
    """:func:`recomputed_due` from its parts: the acceptance day, the limit and the case's
    pauses as its record keeps them (only the closed ones count)."""
    return cal.due_date(accepted, limit_days, closed_pauses(pauses))


def closed_pauses(pauses: Iterable[dict[str, Any]]) -> list[Pause]:
    return [Pause(date.fromisoformat(p["start"]), date.fromisoformat(p["end"]),
                  str(p.get("reason", "")))
            for p in pauses if p.get("end")]


def due_override(s: Session, case_id: str) -> DueOverride | None:
    """The recomputed due date of a case, if a published year moved it."""
    return s.get(DueOverride, case_id)


def payload_in_force(payload: dict[str, Any], override: DueOverride | None) -> dict[str, Any]:
    """An event payload as shown or printed now: the provisional due date it computed
    replaced by its recomputation, when a published calendar year moved it."""
    if override is None:
        return payload
    return moved_payload(payload, computed=override.original_due, due=override.due_date,
                         provisional=override.due_provisional)


def moved_payload(payload: dict[str, Any], *, computed: date | str | None, due: date | None,
                  provisional: bool) -> dict[str, Any]:
    """`payload` with ``due`` in force instead of its due date when that is the provisional
    date ``computed`` by the events (the district passes its record's, the station its
    override's); any other payload is returned as it is."""
    if computed is None or due is None or not payload.get("due_provisional") \
            or payload.get("due_date") != str(computed if isinstance(computed, str)
                                              else computed.isoformat()):
        return payload
    return {**payload, "due_date": due.isoformat(), "due_provisional": provisional}


def refresh(s: Session, cal: WorkCalendar, case_ids: Iterable[str] | None = None,
            now: datetime | None = None) -> int:
    """Recompute the provisional due dates of open cases (all, or those of `case_ids`);
    returns how many moved. Only their rows are read (each ~14 KB): all of them are found
    by ix_cases_provisional, not by reading every open case."""
    ids = [i for i, _ in open_provisional(s)] if case_ids is None else list(case_ids)
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    moved = 0
    for i in range(0, len(ids), _REFRESH_CHUNK):
        moved += _refresh_rows(s, cal, ids[i:i + _REFRESH_CHUNK], moment)
    s.flush()
    return moved


_REFRESH_CHUNK = 500  # ids in one IN (...): far below SQLite's limit on parameters


def _refresh_rows(s: Session, cal: WorkCalendar, ids: list[str], moment: datetime) -> int:
    # By key alone, the rest judged here: with the state in the query, SQLite preferred
    # the state index and read every open case's row (~180 ms for 500 ids at 100,000).
    moved = 0
    for row in s.execute(select(Case).where(Case.id.in_(ids))).scalars():
        if not row.due_provisional or row.state not in OPEN_STATES:
            continue
        rec = CaseRecord.from_dict(row.data)
        due = recomputed_due(rec, cal)
        if due is None or (due.day, due.provisional) == (row.due_date, row.due_provisional):
            continue
        row.due_date, row.due_provisional = due.day, due.provisional
        override = s.get(DueOverride, row.id)
        if override is None:
            s.add(DueOverride(case_id=row.id, due_date=due.day, due_provisional=due.provisional,
                              original_due=rec.due_date, recomputed_at=moment))
        else:
            override.due_date, override.due_provisional = due.day, due.provisional
            override.recomputed_at = moment
        moved += 1
    return moved


def rule_changed(s: Session) -> bool:
    """True when the stored provisional dates were computed under an older rule."""
    return read_text(s, RULE_SETTING) != PROVISIONAL_RULE


def settle_rule(s: Session, cal: WorkCalendar, now: datetime | None = None) -> int:
    """Recompute the provisional due dates under the current rule and remember it;
    returns how many moved (in the caller's write transaction)."""
    moved = refresh(s, cal, now=now)
    _remember_rule(s)
    return moved


def unsettled_dues(s: Session) -> list[tuple[str, Any]]:
    """The open cases with a provisional due date that :func:`settle_rule_step` has not
    recomputed under the current rule yet, by id, with their ``updated_at`` ([] once the
    rule is remembered). In a read: no write waits."""
    if not rule_changed(s):
        return []
    return open_provisional(s, after=read_text(s, RULE_SETTLING) or "")


def open_provisional(s: Session, *, after: str = "") -> list[tuple[str, Any]]:
    """The open cases with a provisional due date (ids above `after`), by id, with their
    ``updated_at``: a pass over ix_cases_provisional, which holds only such cases and the
    columns asked (migration 0013), not over an index of every case."""
    states = ", ".join("?" * len(OPEN_STATES))
    return [(r[0], r[1]) for r in s.connection().exec_driver_sql(
        f"SELECT id, updated_at FROM cases INDEXED BY ix_cases_provisional WHERE "
        f"{PROVISIONAL_WHERE} AND state IN ({states}) AND id > ? ORDER BY id",
        (*OPEN_STATES, after)).all()]


def settle_rule_step(s: Session, cal: WorkCalendar, ids: Sequence[str],
                     now: datetime | None = None) -> int:
    """One step of recomputing the provisional due dates after the rule changed: the
    cases ``ids`` (the next few of :func:`unsettled_dues`, by id), remembered as done
    (``calendar.provisional_rule.settling``) in the caller's write transaction; with no
    ids, the rule itself, which ends it. A recomputed date is written with its override,
    so a step cut short leaves each case consistent and the next start goes on after
    the last step that committed. Returns how many due dates moved."""
    if not rule_changed(s):
        return 0
    if not ids:
        _remember_rule(s)
        return 0
    moved = refresh(s, cal, ids, now=now)
    write_text(s, RULE_SETTLING, max(ids))
    return moved


def awaits_settling(s: Session, rec: CaseRecord) -> bool:
    """True while the rule settles (:func:`settle_rule_step`) and the steps have not
    reached `rec`, an open case with a provisional due date: its row, its history and its
    paper still show the date of the older rule."""
    return bool(rec.due_provisional) and not rec.state.is_final and rule_changed(s) \
        and rec.id > (read_text(s, RULE_SETTLING) or "")


def settle_ahead(store: Store, cal: Callable[[], WorkCalendar], case_no: str,
                 now: datetime) -> None:
    """Recompute one case's provisional due date ahead of the steps when a clerk opens or
    prints it while they run (the lists judge such cases by the date in force already,
    :func:`clerk.cases.queries.held_dues`; the detail, the history and a reprint read the
    row): the case's own write, the same as its step would make, which then has nothing
    left to move. A read, and nothing else, once the rule is remembered."""
    from clerk.cases.ledger import load_by_case_no

    with store.read() as s:
        try:
            rec = load_by_case_no(s, case_no)
        except StationDeskError:
            return  # the caller's own read says what is wrong
        if not awaits_settling(s, rec):
            return
    try:
        with store.write() as s:
            refresh(s, cal(), [rec.id], now=now)
    except StoreError:
        # A store that refuses writes (damaged, see clerk.store) still shows the case:
        # as its row stands, the date its step will move once the store is restored.
        return


def _remember_rule(s: Session) -> None:
    write_text(s, RULE_SETTING, PROVISIONAL_RULE)
    if read_text(s, RULE_SETTLING) is not None:
        forget_text(s, RULE_SETTLING)
