"""Enrollment of stations and staff login/logout."""

from __future__ import annotations

from datetime import UTC, timedelta

from fastapi import APIRouter

from clerk.errors import QT_TRANSLATE_NOOP
from district import auth, ratelimit
from district.api.deps import Ctx, Staff
from district.errors import ApiError
from wire.protocol import (
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    LoginRequest,
    LoginResponse,
    UserInfo,
)

router = APIRouter(tags=["auth"])
HOUR = timedelta(hours=1)


@router.post("/enroll", response_model=EnrollResponse,
             responses={404: {"model": ErrorBody}, 422: {"model": ErrorBody},
                        429: {"model": ErrorBody}},
             summary="站点用一次性登记码换取设备令牌")
def enroll(req: EnrollRequest, ctx: Ctx) -> EnrollResponse:
    now = ctx.now()
    wait = ratelimit.peek(ctx.db, "enroll", req.station_code, limit=10, window=HOUR, now=now)
    if wait is not None:
        raise ApiError(
            429, "rate_limited",
            QT_TRANSLATE_NOOP("errors", "登记尝试过多，请稍后再试。"),
            headers={"Retry-After": str(wait)})
    try:
        with ctx.db.write() as s:
            station, token, device = auth.enroll(
                s, station_code=req.station_code, code=req.enrollment_code, now=now,
                device_name=req.device_name, device_no=req.device_no, key_hash=req.device_key)
            return EnrollResponse(token=token, station_code=station.code,
                                  station_name=station.name,
                                  device_name=device.device_name or "",
                                  device_no=device.device_no)
    except Exception:
        ratelimit.hit(ctx.db, "enroll", req.station_code, limit=10, window=HOUR, now=now)
        raise


@router.post("/auth/login", response_model=LoginResponse,
             responses={401: {"model": ErrorBody}, 422: {"model": ErrorBody},
                        429: {"model": ErrorBody}},
             summary="区中心工作人员登录，得到有时限的令牌")
def login(req: LoginRequest, ctx: Ctx) -> LoginResponse:
    now = ctx.now()
    limit = ctx.settings.login_failures_per_hour
    wait = ratelimit.peek(ctx.db, "login", req.username, limit=limit, window=HOUR, now=now)
    if wait is not None:
        raise ApiError(
            429, "rate_limited",
            QT_TRANSLATE_NOOP("errors", "登录失败次数过多，请稍后再试。"),
            headers={"Retry-After": str(wait)})
    with ctx.db.write() as s:
        result = auth.login(s, username=req.username, password=req.password, now=now,
                            hours=ctx.settings.staff_token_hours)
        if result is not None:
            user, token, expires = result
            return LoginResponse(token=token, username=user.username, role=user.role,
                                 expires_at=expires.replace(tzinfo=UTC))
    ratelimit.hit(ctx.db, "login", req.username, limit=limit, window=HOUR, now=now)
    raise ApiError(
        401, "auth.login_failed",
        QT_TRANSLATE_NOOP("errors", "用户名或密码不正确，或账号已停用。"),
        headers={"WWW-Authenticate": "Bearer"})


@router.post("/auth/logout", status_code=204, responses={401: {"model": ErrorBody},
                                                          403: {"model": ErrorBody}},
             summary="注销当前登录令牌")
def logout(ctx: Ctx, who: Staff) -> None:
    with ctx.db.write() as s:
        auth.logout(s, who.token_hash, ctx.now())


@router.get("/auth/me", response_model=UserInfo, responses={401: {"model": ErrorBody},
                                                            403: {"model": ErrorBody}},
            summary="当前登录的工作人员")
def me(ctx: Ctx, who: Staff) -> UserInfo:
    from district.models import StaffUser

    with ctx.db.read() as s:
        user = s.get(StaffUser, who.user_id)
        assert user is not None
        return UserInfo(username=user.username, role=user.role,
                        display_name=user.display_name, active=user.active)
