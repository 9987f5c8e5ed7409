"""Read models shared by the station and staff routers."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.calendar import WorkCalendar, supervise
from clerk.cases.record import CaseRecord
from clerk.cases.states import State
from clerk.cases.supervision import SUPERVISED, pauses_of
from clerk.timeutil import local_date
from district import snapshots
from district.calendar import work_calendar
from district.feed import entry_to_event, entry_to_note
from district.models import CaseRow, Followup, LedgerEntry
from wire.protocol import (
    BadRating,
    CaseDetail,
    CaseEvents,
    CaseSummary,
    FlaggedNotice,
    NoteView,
    SupervisionItem,
    SupervisionResponse,
)

if TYPE_CHECKING:
    from district.api.deps import AppContext

BAD_RATING_FOLLOWUP_DAYS = 15  # working days to record the rectification (DESIGN 3)


def _aware(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None else None


def case_summary(row: CaseRow) -> CaseSummary:
    updated = _aware(row.updated_at)
    assert updated is not None
    return CaseSummary(
        case_id=row.id, case_no=row.case_no, station_code=row.station_code,
        matter_code=row.matter_code, matter_name=row.matter_name, state=row.state,
        state_label=State(row.state).label, owner=row.owner, proxy_agent=row.proxy_agent,
        accepted_at=_aware(row.accepted_at), due_date=row.due_date,
        due_provisional=row.due_provisional, version=row.version, updated_at=updated,
        rating=row.rating)


def case_detail(s: Session, row: CaseRow, level: str | None) -> CaseDetail:
    notes = [entry_to_note(r) for r in s.execute(
        select(LedgerEntry).where(LedgerEntry.case_id == row.id, LedgerEntry.kind == "note")
        .order_by(LedgerEntry.pos)).scalars()]
    summary = case_summary(row)
    record = snapshots.row_data(s, row.data, row.matter_ref)
    return CaseDetail(**summary.model_dump(), record=record, level=level, notes=[
        NoteView(note_id=n.note_id, text=n.text, author=n.author, origin=n.origin.value,
                 occurred_at=n.occurred_at) for n in notes])


def events_of(s: Session, case_id: str) -> CaseEvents:
    rows = s.execute(select(LedgerEntry).where(LedgerEntry.case_id == case_id,
                                               LedgerEntry.kind == "event")
                     .order_by(LedgerEntry.seq)).scalars()
    return CaseEvents(events=[entry_to_event(r) for r in rows])


def supervision_for(s: Session, ctx: AppContext, *, station_code: str | None = None,
                    level: str | None = None) -> SupervisionResponse:
    """Yellow and red cases (DESIGN 5), flagged one-time notices and bad ratings."""
    cal = work_calendar(s)
    today = local_date(ctx.now())
    counts = {"normal": 0, "yellow": 0, "red": 0}
    items: list[SupervisionItem] = []
    q = select(CaseRow).where(CaseRow.state.in_([st.value for st in SUPERVISED]),
                              CaseRow.accepted_at.is_not(None))
    if station_code is not None:
        q = q.where(CaseRow.station_code == station_code)
    rows = s.execute(q).scalars().all()
    known = snapshots.load(s, {row.matter_ref for row in rows})
    for row in rows:
        rec = CaseRecord.from_dict(snapshots.full_data(row.data, row.matter_ref, known))
        if rec.accepted_at is None or rec.limit_days is None:
            continue
        sup = supervise(cal, accepted=local_date(rec.accepted_at), limit_days=rec.limit_days,
                        today=today, pauses=pauses_of(rec),
                        yellow_ratio=ctx.settings.yellow_ratio)
        counts[sup.level.value] += 1
        if sup.level.value == "normal" or (level is not None and sup.level.value != level):
            continue
        items.append(SupervisionItem(
            case_id=row.id, case_no=row.case_no, station_code=row.station_code,
            matter_name=row.matter_name, state=row.state, level=sup.level.value,
            due_date=sup.due.day, due_provisional=sup.due.provisional, used=sup.used,
            left=sup.left))
    items.sort(key=lambda i: (i.level != "red", i.due_date))
    return SupervisionResponse(today=today, counts=counts, items=items,
                               flagged_notices=_flagged(s, station_code),
                               bad_ratings=_bad_ratings(s, cal, station_code))


def _flagged(s: Session, station_code: str | None) -> list[FlaggedNotice]:
    q = select(CaseRow).where(CaseRow.flagged.is_(True))
    if station_code is not None:
        q = q.where(CaseRow.station_code == station_code)
    out: list[FlaggedNotice] = []
    for row in s.execute(q).scalars():
        for n in row.data.get("notices", []):
            if n.get("flagged"):
                out.append(FlaggedNotice(
                    case_id=row.id, case_no=row.case_no, station_code=row.station_code,
                    doc_no=str(n.get("doc_no", "")), justification=n.get("justification"),
                    new_items=sorted(set(i["key"] for i in n.get("items", []))
                                     - set(i["key"] for i in row.data["notices"][0]["items"]))))
    return out


def _bad_ratings(s: Session, cal: WorkCalendar, station_code: str | None) -> list[BadRating]:
    q = select(CaseRow).where(CaseRow.rating.is_not(None), CaseRow.rating <= 2)
    if station_code is not None:
        q = q.where(CaseRow.station_code == station_code)
    followed = set(s.execute(select(Followup.case_id)).scalars())
    out: list[BadRating] = []
    for row in s.execute(q).scalars():
        rating = row.data.get("rating") or {}
        rated_on = _rating_day(row)
        out.append(BadRating(
            case_id=row.id, case_no=row.case_no, station_code=row.station_code,
            score=int(rating.get("score", row.rating or 0)),
            comment=str(rating.get("comment", "")), rated_on=rated_on,
            followup_due=cal.add_working_days(rated_on, BAD_RATING_FOLLOWUP_DAYS).day,
            followed_up=row.id in followed))
    return out


def _rating_day(row: CaseRow) -> date:
    """The day the rating was recorded: at the hand-over, by a later `rated` event, or on
    the progress page by the citizen (district.citizen_rating stamps it)."""
    rating = row.data.get("rating") or {}
    if rating.get("at"):
        from clerk.cases.events import parse_utc

        return local_date(parse_utc(str(rating["at"])))
    rated_later = rating.get("seq") == row.version
    when = row.updated_at if rated_later or row.closed_at is None else row.closed_at
    return local_date(when.replace(tzinfo=UTC))
