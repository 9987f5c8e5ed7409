"""Health, supervision board, progress lookup and the admin endpoints."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from sqlalchemy import select

from clerk.cases.states import State
from clerk.errors import QT_TRANSLATE_NOOP
from clerk.timeutil import local_date
from clerk.validation import last4 as last4_of
from district import __version__, auth, ratelimit
from district.api.deps import Admin, Ctx, Staff
from district.api.views import supervision_for
from district.errors import ApiError
from district.models import CaseRow, StaffUser
from wire.protocol import (
    CreateStationRequest,
    CreateStationResponse,
    CreateUserRequest,
    ErrorBody,
    ProgressRequest,
    ProgressResponse,
    SupervisionResponse,
    UserInfo,
)

router = APIRouter()
MINUTE = timedelta(minutes=1)


@router.get("/health", tags=["health"], summary="服务与数据库是否可用")
def health(ctx: Ctx) -> dict[str, str]:
    try:
        ctx.db.ping()
    except Exception:
        raise ApiError(503, "db.unavailable",
                       QT_TRANSLATE_NOOP("errors", "数据库不可用。")) from None
    return {"status": "ok", "version": __version__}


@router.get("/supervision", tags=["supervision"], response_model=SupervisionResponse,
            responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
            summary="监察看板：预警、超期、一次性告知违规、差评整改")
def supervision(ctx: Ctx, who: Staff,
                station_code: Annotated[str | None, Query(pattern=r"^\d{12}$")] = None,
                level: Annotated[str | None, Query(pattern="^(yellow|red)$")] = None
                ) -> SupervisionResponse:
    with ctx.db.read() as s:
        return supervision_for(s, ctx, station_code=station_code, level=level)


NOT_FOUND = "没有查到这个案件，或证件号码后四位不符。"


@router.post("/progress", tags=["progress"], response_model=ProgressResponse,
             responses={404: {"model": ErrorBody}, 422: {"model": ErrorBody},
                        429: {"model": ErrorBody}},
             summary="办件进度查询：案件编号 + 证件号码后四位（不含个人信息，限频）")
def progress(req: ProgressRequest, request: Request, ctx: Ctx) -> ProgressResponse:
    now = ctx.now()
    settings = ctx.settings
    client = request.client.host if request.client else "unknown"
    wait = ratelimit.hit(ctx.db, "progress", client, limit=settings.progress_per_minute,
                         window=MINUTE, now=now)
    # Wrong last digits slow down that case number from that address (and, softer, from
    # any address that has been failing), never lock the applicant out.
    case_no = req.case_no.strip()
    rule = ratelimit.Backoff("progress", free=settings.free_failures,
                             max_delay=settings.throttle_max_delay)
    wait = wait or ratelimit.backoff_wait(ctx.db, rule, case_no, client, now)
    if wait is not None:
        raise ApiError(
            429, "rate_limited",
            QT_TRANSLATE_NOOP("errors", "查询过于频繁，请稍后再试。"),
            headers={"Retry-After": str(wait)})
    with ctx.db.read() as s:
        row = s.execute(select(CaseRow).where(CaseRow.case_no == case_no)
                        ).scalar_one_or_none()
    if row is None or not _last4_matches(row.data.get("applicant", {}), req.last4):
        ratelimit.backoff_failed(ctx.db, rule, case_no, client, now)
        raise ApiError(404, "progress.not_found", NOT_FOUND)
    ratelimit.backoff_succeeded(ctx.db, rule, case_no, client)
    return ProgressResponse(
        case_no=row.case_no, state=row.state, state_label=State(row.state).label,
        received_on=local_date(_utc(row.data["received_at"])),
        accepted_on=local_date(_utc(row.data["accepted_at"])) if row.data.get("accepted_at")
        else None,
        due_date=row.due_date, due_provisional=row.due_provisional,
        closed_on=local_date(_utc(row.data["closed_at"])) if row.data.get("closed_at") else None)


def _utc(text: str) -> Any:
    from clerk.cases.events import parse_utc

    return parse_utc(text)


def _last4_matches(applicant: dict[str, Any], given: str) -> bool:
    try:
        return last4_of(str(applicant.get("id_no", ""))) == given.upper()
    except Exception:
        return False


# --------------------------------------------------------------------------- admin


@router.post("/admin/stations", tags=["admin"], response_model=CreateStationResponse,
             responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                        422: {"model": ErrorBody}},
             summary="登记站点并生成一次性登记码（再次调用即重新生成）")
def create_station(req: CreateStationRequest, ctx: Ctx, who: Admin) -> CreateStationResponse:
    with ctx.db.write() as s:
        row, code, expires = auth.create_station(s, code=req.code, name=req.name, now=ctx.now(),
                                                 enrollment_days=ctx.settings.enrollment_days)
        return CreateStationResponse(code=row.code, name=row.name, enrollment_code=code,
                                     expires_at=expires)


@router.post("/admin/stations/{code}/revoke", tags=["admin"], status_code=204,
             responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                        404: {"model": ErrorBody}},
             summary="吊销站点的全部设备令牌")
def revoke_station(code: Annotated[str, PathParam(pattern=r"^\d{12}$")], ctx: Ctx,
                   who: Admin) -> None:
    with ctx.db.write() as s:
        auth.revoke_station(s, code, ctx.now())


@router.post("/admin/users", tags=["admin"], response_model=UserInfo,
             responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                        422: {"model": ErrorBody}},
             summary="新建区中心工作人员账号")
def create_user(req: CreateUserRequest, ctx: Ctx, who: Admin) -> UserInfo:
    with ctx.db.write() as s:
        user = auth.create_user(s, username=req.username, password=req.password, role=req.role,
                                display_name=req.display_name, now=ctx.now())
        return UserInfo(username=user.username, role=user.role,
                        display_name=user.display_name, active=user.active)


@router.get("/admin/users", tags=["admin"], response_model=list[UserInfo],
            responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
            summary="工作人员账号列表")
def list_users(ctx: Ctx, who: Admin) -> list[UserInfo]:
    with ctx.db.read() as s:
        return [UserInfo(username=u.username, role=u.role, display_name=u.display_name,
                         active=u.active)
                for u in s.execute(select(StaffUser).order_by(StaffUser.id)).scalars()]
