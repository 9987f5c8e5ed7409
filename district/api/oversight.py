"""Staff endpoints of oversight: the supervision board, ratings and their follow-ups,
period reports per station and matter."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from clerk.errors import QT_TRANSLATE_NOOP
from clerk.timeutil import local_date
from district import oversight
from district.api.cases import CaseId
from district.api.deps import Ctx, Staff
from district.calendar import work_calendar
from district.errors import ApiError
from district.models import CaseRow
from district.review import Judge
from wire.protocol import ErrorBody
from wire.staff import (
    BoardResponse,
    FollowupItem,
    FollowupList,
    FollowupUpdate,
    PeriodReport,
    RatingsResponse,
)

router = APIRouter(tags=["oversight"], prefix="/oversight")
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 422: {"model": ErrorBody}}
StationFilter = Annotated[str | None, Query(pattern=r"^\d{12}$")]
Since = Annotated[date | None, Query(alias="from")]
Until = Annotated[date | None, Query(alias="to")]


def _range(since: date | None, until: date | None) -> None:
    if since and until and since > until:
        raise ApiError(422, "report.range", QT_TRANSLATE_NOOP("errors", "起始日期晚于结束日期。"))


@router.get("/board", response_model=BoardResponse, responses=ERRORS,
            summary="电子监察看板：各站点、各事项的预警与超期件数；久未同步的站点")
def board(ctx: Ctx, who: Staff,
          stale_hours: Annotated[int, Query(ge=1, le=24 * 365)] = 24) -> BoardResponse:
    now = ctx.now()
    with ctx.db.read() as s:
        judge = Judge.build(work_calendar(s), local_date(now), ctx.settings.yellow_ratio)
        return oversight.board(s, judge, now, stale_hours)


@router.get("/ratings", response_model=RatingsResponse, responses=ERRORS,
            summary="好差评分布：按站点、按事项（按评价日期筛选）")
def ratings(ctx: Ctx, who: Staff, since: Since = None, until: Until = None) -> RatingsResponse:
    _range(since, until)
    with ctx.db.read() as s:
        return oversight.ratings(s, since, until)


@router.get("/followups", response_model=FollowupList, responses=ERRORS,
            summary="差评整改：每个差评一项，评价后 15 个工作日内完成")
def followups(ctx: Ctx, who: Staff, station_code: StationFilter = None) -> FollowupList:
    with ctx.db.read() as s:
        return oversight.followups(s, work_calendar(s), local_date(ctx.now()), station_code)


@router.post("/followups/{case_id}", response_model=FollowupItem,
             responses={**ERRORS, 404: {"model": ErrorBody}, 409: {"model": ErrorBody}},
             summary="记录差评整改：责任人、整改情况、回访记录；完成后关闭")
def save_followup(ctx: Ctx, who: Staff, case_id: CaseId, req: FollowupUpdate) -> FollowupItem:
    if who.role not in ("reviewer", "admin"):
        raise ApiError(
            403, "forbidden.role",
            QT_TRANSLATE_NOOP("errors", "只有审核人员或管理员可以记录差评整改。"))
    now = ctx.now()
    with ctx.db.write() as s:
        row = s.get(CaseRow, case_id)
        if row is None:
            raise ApiError(404, "case.unknown", QT_TRANSLATE_NOOP("errors", "没有这个案件。"))
        if row.rating is None or row.rating > oversight.BAD:
            raise ApiError(
                409, "followup.not_bad",
                QT_TRANSLATE_NOOP("errors", "该案件没有差评，无需整改。"))
        oversight.save_followup(s, case_id, req, who.username, now)
    with ctx.db.read() as s:
        items = oversight.followups(s, work_calendar(s), local_date(now)).items
    return next(i for i in items if i.case_id == case_id)


@router.get("/report", response_model=PeriodReport, responses=ERRORS,
            summary="期间报表：按站点、按事项的受理、办结、按时、超期与平均用时（工作日）")
def report(ctx: Ctx, who: Staff, since: Since = None, until: Until = None,
           station_code: StationFilter = None) -> PeriodReport:
    now = ctx.now()
    today = local_date(now)
    since = since or today.replace(day=1)
    until = until or today
    _range(since, until)
    with ctx.db.read() as s:
        return oversight.period_report(s, work_calendar(s), since, until, now, station_code)
