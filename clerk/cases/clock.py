"""The clock a returned case keeps on its row (``cases.clock_left`` / ``clock_due``,
migration 0012), so the red/yellow filters read its level from index pages.

A returned case's clock stands still; its level is fixed by a :class:`PausedClock`
(clerk.cases.supervision) worked out with the calendar. The stored clocks hold for the
calendar they were worked out with: the settings row ``supervision.clock`` names it
(the rule and the calendar years as imported), and a reader trusts them only while it
names the calendar stored now (:func:`clock_current`); otherwise every returned case is
judged from its data, as before. Every write of a case row sets its clock
(:func:`row_clock`, from the ledger: NULL unless the case is returned), and
:func:`settle_clock` works them all out again when a calendar arrives (in the same
transaction). After the upgrade that added them (or a calendar stored by a writer that
did not), :func:`settle_clock_step` works them out a few at a time, in the background
once the station is open (clerk.workspace.Workspace.settle_after_open): until its last
step remembers the calendar, every returned case is judged from its data. A returned
case without one (its pauses fix none) is judged from its data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.calendar import Pause, WorkCalendar
from clerk.cases.record import CaseRecord
from clerk.cases.states import State
from clerk.cases.supervision import PausedClock, paused_clock
from clerk.settings import forget_text, read_text, write_text
from clerk.store.models import CalendarYearRow
from clerk.timeutil import BEIJING, local_date

#: How the clocks are worked out; a change recomputes them once, as a new calendar does.
CLOCK_RULE = "paused-clock-1"
CLOCK_SETTING = "supervision.clock"
#: The clock key and the last case id done while they are worked out in steps.
SETTLING_SETTING = "supervision.clock.settling"
_CHUNK = 400  # rows read at a time (SQLite's bound parameters)
#: Returned cases a step works out (a write transaction of a few ms: a counter's save
#: never waits long behind one).
STEP_ROWS = 25


def clock_key(s: Session) -> str:
    """The rule and the calendar years as stored now (a new import moves imported_at)."""
    years = s.execute(select(CalendarYearRow.year, CalendarYearRow.source,
                             CalendarYearRow.official, CalendarYearRow.imported_at)
                      .order_by(CalendarYearRow.year)).all()
    text = "|".join([CLOCK_RULE, *(f"{y}/{src}/{int(off)}/{at}" for y, src, off, at in years)])
    return hashlib.sha256(text.encode()).hexdigest()


def clock_current(s: Session) -> bool:
    """Whether the stored clocks were worked out with the calendar stored now."""
    return read_text(s, CLOCK_SETTING) == clock_key(s)


def day_end(today: date) -> str:
    """The stored ``updated_at`` (naive UTC) before which a case changed by ``today``'s
    end in Beijing: a clock stored for it was fixed by then (``since`` <= today)."""
    end = datetime.combine(today + timedelta(days=1), time(0), tzinfo=BEIJING)
    return end.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ",
                                                                timespec="microseconds")


def settle_clock(s: Session, cal: WorkCalendar) -> int:
    """Work out the clocks of all returned cases with ``cal``, the calendar stored now,
    and remember that calendar (a settling in steps stops there). Returns how many rows
    were written (in the caller's write transaction)."""
    con = s.connection()
    found = [r[0] for r in con.exec_driver_sql(
        "SELECT id FROM cases WHERE state = ?", (State.RETURNED.value,)).all()]
    written = sum(_write_clocks(s, cal, found[i:i + _CHUNK])
                  for i in range(0, len(found), _CHUNK))
    _settled(s, clock_key(s))
    return written


def settle_clock_step(s: Session, limit: int | None = None) -> int | None:
    """One step of working the clocks out after a calendar change (the first start after
    the upgrade that added them): the next ``limit`` returned cases by id after those
    the steps before did for the calendar stored now (``supervision.clock.settling``),
    in the caller's write transaction. The last step remembers the calendar, and readers
    trust the clocks from then on; until then they judge every returned case from its
    data, so a step cut short (a kill, an error) leaves nothing wrong, and the next start
    goes on from the last step that committed. A calendar stored meanwhile starts over.
    Returns how many rows were written, None when there was nothing left to do."""
    limit = limit or STEP_ROWS
    key = clock_key(s)
    if read_text(s, CLOCK_SETTING) == key:
        if read_text(s, SETTLING_SETTING) is not None:
            forget_text(s, SETTLING_SETTING)
        return None
    done = read_text(s, SETTLING_SETTING) or ""
    after = done[len(key) + 1:] if done.startswith(key + " ") else ""
    ids = [r[0] for r in s.connection().exec_driver_sql(
        "SELECT id FROM cases WHERE state = ? AND id > ? ORDER BY id LIMIT ?",
        (State.RETURNED.value, after, limit)).all()]
    written = _write_clocks(s, calendar_of(s, key), ids)
    if len(ids) < limit:
        _settled(s, key)
    else:
        write_text(s, SETTLING_SETTING, f"{key} {ids[-1]}")
    return written


def clock_settling(s: Session) -> bool:
    """Whether the clocks are being worked out in steps for the calendar stored now (a
    step has committed): a case written meanwhile gets its clock (:func:`row_clock`)."""
    done = read_text(s, SETTLING_SETTING)
    return done is not None and done.startswith(clock_key(s) + " ")


def _write_clocks(s: Session, cal: WorkCalendar, ids: Sequence[str]) -> int:
    if not ids:
        return 0
    con = s.connection()
    rows = con.exec_driver_sql(
        "SELECT id, state, accepted_at, limit_days, updated_at, "
        "json_extract(data, '$.pauses') FROM cases "
        f"WHERE id IN ({', '.join('?' * len(ids))})", tuple(ids)).all()
    values = [(*_stored(_clock_of(cal, state, accepted, limit, updated,
                                  json.loads(pauses or "[]"))), case_id)
              for case_id, state, accepted, limit, updated, pauses in rows]
    con.exec_driver_sql("UPDATE cases SET clock_left = ?, clock_due = ? WHERE id = ?",
                        values)
    return len(values)


def _settled(s: Session, key: str) -> None:
    write_text(s, CLOCK_SETTING, key)
    if read_text(s, SETTLING_SETTING) is not None:
        forget_text(s, SETTLING_SETTING)


_CALENDARS: dict[str, WorkCalendar] = {}  # the calendar of the current clock key


def calendar_of(s: Session, key: str) -> WorkCalendar:
    """The calendar stored now, whose clock key is ``key`` (built once per key)."""
    cal = _CALENDARS.get(key)
    if cal is None:
        from clerk.calendar_store import build_calendar

        _CALENDARS.clear()
        cal = _CALENDARS[key] = build_calendar(s)
    return cal


def row_clock(s: Session, rec: CaseRecord) -> tuple[int | None, date | None]:
    """The clock columns of ``rec``'s row as it is written: a returned case's clock,
    worked out with the calendar stored now while the stored clocks follow it or are
    being worked out for it (else NULL, as they all get worked out again); NULL for
    every other case."""
    if rec.state != State.RETURNED or rec.accepted_at is None or rec.limit_days is None:
        return None, None
    with s.no_autoflush:  # the row being written may not be complete yet
        key = clock_key(s)
        if read_text(s, CLOCK_SETTING) != key and not clock_settling(s):
            return None, None
        cal = calendar_of(s, key)
    clock = _clock_of(cal, rec.state.value, rec.accepted_at, rec.limit_days,
                      rec.updated_at or rec.received_at, rec.pauses)
    return (None, None) if clock is None else (clock.left, clock.due)


def _stored(clock: PausedClock | None) -> tuple[int | None, str | None]:
    if clock is None:
        return None, None
    return clock.left, clock.due.isoformat() if clock.due else None


def _clock_of(cal: WorkCalendar, state: str, accepted: Any, limit: int | None, updated: Any,
              pauses: list[dict[str, Any]]) -> PausedClock | None:
    """A returned case's clock, when its pauses fix one by the day it last changed."""
    if state != State.RETURNED.value or accepted is None or limit is None:
        return None
    try:
        stops = [Pause(date.fromisoformat(p["start"]),
                       date.fromisoformat(p["end"]) if p.get("end") else None,
                       str(p.get("reason", ""))) for p in pauses]
    except (KeyError, TypeError, ValueError):
        return None  # judged from its data, as a case without a clock
    clock = paused_clock(cal, accepted=local_date(_utc(accepted)), limit_days=int(limit),
                         pauses=stops)
    if clock is None or clock.since > local_date(_utc(updated)):
        return None
    return clock


def _utc(stored: Any) -> datetime:
    moment = stored if isinstance(stored, datetime) else datetime.fromisoformat(str(stored))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
