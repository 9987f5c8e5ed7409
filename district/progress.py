"""Progress lookup by case number and the last 4 characters of the ID document: the rule
shared by the API (POST /api/v1/progress) and the public page (district.progress_page).

Wrong characters slow down that case number from that address (and, softer, from any
address that has been failing), never lock the applicant out (district.ratelimit). A
throttled attempt is answered before the case is read and is not counted.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from clerk.errors import QT_TRANSLATE_NOOP
from clerk.validation import last4 as last4_of
from district import ratelimit, security
from district.api.deps import AppContext
from district.errors import ApiError
from district.models import CaseRow

MINUTE = timedelta(minutes=1)
NOT_FOUND = "没有查到这个案件，或证件号码后四位不符。"
THROTTLED = QT_TRANSLATE_NOOP("errors", "查询过于频繁，请稍后再试。")


def rule(ctx: AppContext) -> ratelimit.Backoff:
    return ratelimit.Backoff("progress", free=ctx.settings.free_failures,
                             max_delay=ctx.settings.throttle_max_delay)


def throttled(ctx: AppContext, case_no: str, client: str, now: datetime) -> int | None:
    """Seconds the client must wait before this attempt, or None (the hit is counted)."""
    wait = ratelimit.hit(ctx.db, "progress", client, limit=ctx.settings.progress_per_minute,
                         window=MINUTE, now=now)
    wait = wait or ratelimit.backoff_wait(ctx.db, rule(ctx), case_no, client, now)
    if wait is not None and security.throttle_sampler.due(
            security.PROGRESS_THROTTLED, case_no, client):
        security.record_now(ctx.db, security.PROGRESS_THROTTLED, now, address=client)
    return wait


def verified_case(ctx: AppContext, case_no: str, last4: str, client: str) -> CaseRow:
    """The case, when these are its number and its applicant's last 4 characters.

    ApiError 429 (with Retry-After) while throttled, 404 for a wrong number or wrong
    characters (the two are not told apart: that would confirm case numbers)."""
    now = ctx.now()
    case_no = case_no.strip()
    wait = throttled(ctx, case_no, client, now)
    if wait is not None:
        raise ApiError(429, "rate_limited", THROTTLED, headers={"Retry-After": str(wait)})
    with ctx.db.read() as s:
        row = s.execute(select(CaseRow).where(CaseRow.case_no == case_no)
                        ).scalar_one_or_none()
        if row is not None:
            s.expunge(row)
    if row is None or not last4_matches(row.data.get("applicant", {}), last4):
        ratelimit.backoff_failed(ctx.db, rule(ctx), case_no, client, now)
        raise ApiError(404, "progress.not_found", NOT_FOUND)
    ratelimit.backoff_succeeded(ctx.db, rule(ctx), case_no, client)
    return row


def last4_matches(applicant: dict[str, Any], given: str) -> bool:
    try:
        return last4_of(str(applicant.get("id_no", ""))) == given.strip().upper()
    except Exception:
        return False
