"""好差评 by the citizen on the public progress page (国办发〔2019〕51号: one rating per
case, the citizen's own, changeable for a while).

The rating is recorded in the case's row (``rating`` and ``data.rating``, channel
``phone``), so the 好差评 statistics, the supervision board and the follow-up of a bad
rating (差评整改) read it like any other. It reaches the station as an *unnumbered*
district note (ledger kind ``note``, type ``rated``, author
:data:`clerk.ratings.CITIZEN_AUTHOR`): the case's sequence belongs to the station once the
result is handed over, and a numbered district event would race with the station's own
next event for the same number. The station keeps the note and, seeing it, does not ask
for a rating again; a `rated` event the station pushes later is refused (one per case).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from clerk.cases.events import parse_utc, utc_iso
from clerk.cases.states import Side, State
from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from clerk.ids import new_id
from clerk.labels import RATING_LABELS
from clerk.ratings import (
    CITIZEN_AUTHOR,
    RatingChannel,
    channel_of,
    citizen_note_text,
    has_score,
    is_declined,
)
from district import ledger
from district.api.deps import AppContext
from district.errors import ApiError
from district.models import CaseRow
from wire.protocol import note_hash

MAX_COMMENT = 500
RATED_TYPE = "rated"  # the ledger type of the note: the 好差评 statistics date by it


@dataclass(frozen=True)
class Standing:
    """What the page may offer for a case's rating."""

    can_rate: bool  # the form is shown
    score: int | None  # the rating in force
    comment: str
    by_citizen: bool  # given on this page (else at the counter)
    change_until: datetime | None  # while a citizen's rating may still be changed


def standing(row: CaseRow, ctx: AppContext, now: datetime) -> Standing:
    """Rating opens once the result is handed over (办结); a one-visit matter is handed
    over at the counter, so it opens right after the counter step."""
    rating = row.data.get("rating") or None
    if row.state != State.COMPLETED.value:
        return Standing(False, None, "", False, None)
    if rating is None or is_declined(rating):
        # A decline noted at the counter gives way to the citizen's own rating
        # (clerk.ratings): the page still offers the form.
        return Standing(True, None, "", False, None)
    score, comment = int(rating.get("score", 0)), str(rating.get("comment", ""))
    first = rating.get("first_at")
    if channel_of(rating) != RatingChannel.PHONE or not first:
        return Standing(False, score, comment, False, None)
    until = parse_utc(str(first)) + timedelta(days=ctx.settings.rating_change_days)
    return Standing(now < until, score, comment, True, until)


def validate(score_text: str, comment: str) -> tuple[int, str]:
    try:
        score = int(score_text)
    except ValueError:
        score = 0
    if score not in RATING_LABELS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "请选择一个评价等级（非常满意 … 非常不满意）。"),
            code="rating.score", field="score")
    comment = comment.strip()
    if len(comment) > MAX_COMMENT:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "意见不能超过 {limit} 个字。"),
            code="rating.comment", field="comment", params={"limit": str(MAX_COMMENT)})
    return score, comment


def record(ctx: AppContext, case_id: str, score: int, comment: str) -> Standing:
    """Store the citizen's rating (or its change) and the note the station pulls."""
    now = ctx.now()
    with ctx.db.write() as s:
        ctx.db.lock_feed(s)  # the note is pulled by the station: positions commit in order
        row = s.get(CaseRow, case_id, with_for_update=True)
        if row is None:
            raise ApiError(404, "progress.not_found", "没有查到这个案件。")
        before = standing(row, ctx, now)
        old: dict[str, Any] = row.data.get("rating") or {}
        if _same(old, score, comment):
            # A repeat (a reload, a post whose answer was lost): the rating already in
            # force, not a second one; no note, nothing changes.
            return before
        if not before.can_rate:
            raise ApiError(409, "rating.closed", _closed_words(before))
        at = utc_iso(now)
        rating = {"score": score, "label": RATING_LABELS[score], "comment": comment,
                  "channel": RatingChannel.PHONE.value, "bad": score <= 2, "at": at,
                  "first_at": (old.get("first_at") if has_score(old) else None) or at}
        row.data = {**row.data, "rating": rating}
        row.rating = score
        text = citizen_note_text(score, comment, changed=has_score(old))
        note_id = new_id()
        digest = note_hash(note_id, row.id, text, CITIZEN_AUTHOR, Side.DISTRICT.value, at)
        entry = ledger.note_row(note_id=note_id, case_id=row.id, station_code=row.station_code,
                                text=text, author=CITIZEN_AUTHOR,
                                origin=Side.DISTRICT.value, occurred_at=at, hash_=digest,
                                now=now)
        entry["type"] = RATED_TYPE
        s.flush()
        ledger.write(s, new_cases=[], changed_cases=[], entries=[entry])
        return standing(row, ctx, now)


def _closed_words(before: Standing) -> str:
    if before.score is None:
        return QT_TRANSLATE_NOOP("errors", "办结（领取结果）后才能评价。")
    if before.by_citizen:
        return QT_TRANSLATE_NOOP("errors", "评价已超过可修改的期限，不能再修改。")
    return QT_TRANSLATE_NOOP("errors", "本件已在窗口评价过，每件只能评价一次。")


def _same(old: dict[str, Any], score: int, comment: str) -> bool:
    """The citizen's own rating in force says exactly this."""
    return (channel_of(old) == RatingChannel.PHONE and old.get("score") == score
            and str(old.get("comment", "")) == comment)

