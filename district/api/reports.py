"""Reports for the district: counts by station, state and matter, and the ratings given."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute

from clerk.errors import QT_TRANSLATE_NOOP
from clerk.timeutil import BEIJING
from district.api.deps import Ctx, Staff
from district.auth import naive
from district.errors import ApiError
from district.models import CaseRow
from wire.protocol import ErrorBody, ReportResponse

router = APIRouter(tags=["reports"])


def _utc_start(day: date) -> datetime:
    return naive(datetime.combine(day, time.min, tzinfo=BEIJING))


@router.get("/reports/summary", response_model=ReportResponse,
            responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                       422: {"model": ErrorBody}},
            summary="统计报表：按站点、状态、事项的办件数与好差评（按最后更新日期筛选）")
def summary(ctx: Ctx, who: Staff,
            station_code: Annotated[str | None, Query(pattern=r"^\d{12}$")] = None,
            since: Annotated[date | None, Query(alias="from")] = None,
            until: Annotated[date | None, Query(alias="to")] = None) -> ReportResponse:
    if since and until and since > until:
        raise ApiError(422, "report.range", QT_TRANSLATE_NOOP("errors", "起始日期晚于结束日期。"))
    filters = []
    if station_code is not None:
        filters.append(CaseRow.station_code == station_code)
    if since is not None:
        filters.append(CaseRow.updated_at >= _utc_start(since))
    if until is not None:
        filters.append(CaseRow.updated_at < _utc_start(until + timedelta(days=1)))

    def counts(column: InstrumentedAttribute[Any]) -> dict[str, int]:
        q = select(column, func.count()).where(*filters).group_by(column)
        with ctx.db.read() as s:
            return {str(k): int(n) for k, n in s.execute(q)}

    ratings = counts(CaseRow.rating)
    ratings.pop("None", None)
    return ReportResponse(
        by_station=counts(CaseRow.station_code), by_state=counts(CaseRow.state),
        by_matter=counts(CaseRow.matter_code), ratings=ratings,
        bad_ratings=sum(n for score, n in ratings.items() if int(score) <= 2),
        total=sum(counts(CaseRow.state).values()))
