"""Health, supervision board, progress lookup and the admin endpoints."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from sqlalchemy import select

from clerk.cases.states import State
from clerk.errors import QT_TRANSLATE_NOOP
from clerk.timeutil import local_date
from district import __version__, auth, security
from district import progress as lookup
from district.api.deps import Admin, Ctx, Staff
from district.api.views import supervision_for
from district.errors import ApiError
from district.models import SecurityEvent, StaffUser, StationRow
from wire.protocol import (
    CreateStationRequest,
    CreateStationResponse,
    CreateUserRequest,
    DeviceInfo,
    ErrorBody,
    ProgressRequest,
    ProgressResponse,
    SupervisionResponse,
    UserInfo,
)
from wire.staff import SecurityEventItem, SecurityEventPage

router = APIRouter()


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


@router.post("/progress", tags=["progress"], response_model=ProgressResponse,
             responses={404: {"model": ErrorBody}, 422: {"model": ErrorBody},
                        429: {"model": ErrorBody}},
             summary="办件进度查询：案件编号 + 证件号码后四位（不含个人信息，限频）")
def progress(req: ProgressRequest, request: Request, ctx: Ctx) -> ProgressResponse:
    client = request.client.host if request.client else "unknown"
    row = lookup.verified_case(ctx, req.case_no, req.last4, client)
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


# --------------------------------------------------------------------------- admin


@router.post("/admin/stations", tags=["admin"], response_model=CreateStationResponse,
             responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                        422: {"model": ErrorBody}},
             summary="登记站点并生成一次性登记码（再次调用即重新生成）")
def create_station(req: CreateStationRequest, ctx: Ctx, who: Admin) -> CreateStationResponse:
    with ctx.db.write() as s:
        row, code, expires = auth.create_station(s, code=req.code, name=req.name, now=ctx.now(),
                                                 enrollment_days=ctx.settings.enrollment_days)
        security.record(s, security.ENROLLMENT_CODE, ctx.now(), username=who.username,
                        station_code=row.code)
        return CreateStationResponse(code=row.code, name=row.name, enrollment_code=code,
                                     expires_at=expires)


@router.post("/admin/stations/{code}/revoke", tags=["admin"], status_code=204,
             responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                        404: {"model": ErrorBody}},
             summary="吊销站点的全部设备令牌")
def revoke_station(code: Annotated[str, PathParam(pattern=r"^\d{12}$")], ctx: Ctx,
                   who: Admin) -> None:
    with ctx.db.write() as s:
        count = auth.revoke_station(s, code, ctx.now())
        security.record(s, security.STATION_REVOKED, ctx.now(), username=who.username,
                        station_code=code, detail=f"{count} device token(s)")


StationCode = Annotated[str, PathParam(pattern=r"^\d{12}$")]


@router.get("/admin/stations/{code}/devices", tags=["admin"], response_model=list[DeviceInfo],
            responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                       404: {"model": ErrorBody}},
            summary="站点的设备（窗口），含已吊销的")
def list_devices(code: StationCode, ctx: Ctx, who: Admin) -> list[DeviceInfo]:
    with ctx.db.read() as s:
        return [DeviceInfo(name=d.name, number=d.number, created_at=d.created_at,
                           revoked_at=d.revoked_at)
                for d in auth.list_devices(s, code, revoked=True)]


@router.post("/admin/stations/{code}/codes", tags=["admin"],
             response_model=CreateStationResponse,
             responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                        404: {"model": ErrorBody}},
             summary="为站点的另一台设备生成一次性登记码（已登记的设备不受影响）")
def issue_code(code: StationCode, ctx: Ctx, who: Admin) -> CreateStationResponse:
    with ctx.db.write() as s:
        secret, expires = auth.issue_code(s, code, ctx.now(), ctx.settings.enrollment_days)
        security.record(s, security.ENROLLMENT_CODE, ctx.now(), username=who.username,
                        station_code=code)
        row = s.get(StationRow, code)
        assert row is not None
        return CreateStationResponse(code=row.code, name=row.name, enrollment_code=secret,
                                     expires_at=expires)


@router.post("/admin/stations/{code}/devices/{name}/revoke", tags=["admin"], status_code=204,
             responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                        404: {"model": ErrorBody}},
             summary="吊销站点的一台设备（其他设备照常同步）")
def revoke_device(code: StationCode, name: Annotated[str, PathParam(max_length=50)], ctx: Ctx,
                  who: Admin) -> None:
    with ctx.db.write() as s:
        auth.revoke_device(s, code, name, ctx.now())
        security.record(s, security.DEVICE_REVOKED, ctx.now(), username=who.username,
                        station_code=code, detail=name)


@router.post("/admin/users", tags=["admin"], response_model=UserInfo,
             responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                        422: {"model": ErrorBody}},
             summary="新建区中心工作人员账号")
def create_user(req: CreateUserRequest, ctx: Ctx, who: Admin) -> UserInfo:
    with ctx.db.write() as s:
        user = auth.create_user(s, username=req.username, password=req.password, role=req.role,
                                display_name=req.display_name, now=ctx.now())
        security.record(s, security.USER_CREATED, ctx.now(), username=who.username,
                        detail=f"{user.username} ({user.role})")
        return UserInfo(username=user.username, role=user.role,
                        display_name=user.display_name, active=user.active)


@router.get("/admin/users", tags=["admin"], response_model=list[UserInfo],
            responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
            summary="工作人员账号列表")
def list_users(ctx: Ctx, who: Admin) -> list[UserInfo]:
    with ctx.db.read() as s:
        return [UserInfo(username=u.username, role=u.role, display_name=u.display_name,
                         active=u.active, must_change_password=u.must_change_password)
                for u in s.execute(select(StaffUser).order_by(StaffUser.id)).scalars()]


@router.get("/admin/security-events", tags=["admin"], response_model=SecurityEventPage,
            responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                       422: {"model": ErrorBody}},
            summary="安全事件日志：登录、失败、限速、令牌、登记、查看完整记录（新的在前，分页）")
def security_events(
        ctx: Ctx, who: Admin,
        kind: Annotated[list[str] | None, Query(description="事件类型，可多个")] = None,
        since: Annotated[datetime | None, Query(description="不早于（含）")] = None,
        until: Annotated[datetime | None, Query(description="早于（不含）")] = None,
        before: Annotated[int | None, Query(ge=1, description="上一页的 next_before")] = None,
        username: Annotated[str | None, Query(max_length=64, description="工作人员用户名")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 100) -> SecurityEventPage:
    unknown = sorted(set(kind or ()) - set(security.KINDS))
    if unknown:
        raise ApiError(422, "security.kind",
                       QT_TRANSLATE_NOOP("errors", "事件类型须为 {items}。"),
                       params={"items": "/".join(security.KINDS)})
    q = select(SecurityEvent).order_by(SecurityEvent.id.desc()).limit(limit + 1)
    if kind:
        q = q.where(SecurityEvent.kind.in_(kind))
    if since is not None:
        q = q.where(SecurityEvent.at >= auth.naive(since))
    if until is not None:
        q = q.where(SecurityEvent.at < auth.naive(until))
    if before is not None:
        q = q.where(SecurityEvent.id < before)
    if username:
        q = q.where(SecurityEvent.username == username)
    with ctx.db.read() as s:
        rows = list(s.execute(q).scalars())
    page = rows[:limit]
    return SecurityEventPage(
        items=[SecurityEventItem(
            id=r.id, at=r.at.replace(tzinfo=UTC), kind=r.kind, username=r.username,
            station_code=r.station_code, address=r.address,
            case_id=r.case_id, detail=r.detail)
            for r in page],
        next_before=page[-1].id if len(rows) > limit else None)
