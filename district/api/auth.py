"""Enrollment of stations and staff login/logout."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from anyio import to_thread
from fastapi import APIRouter, Request

from clerk.errors import QT_TRANSLATE_NOOP
from district import auth, ratelimit, security
from district.api.deps import AnyStaff, AppContext, Ctx
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
def enroll(req: EnrollRequest, request: Request, ctx: Ctx) -> EnrollResponse:
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
            security.record(s, security.ENROLLED, now, station_code=station.code,
                            address=client_address(request))
            return EnrollResponse(token=token, station_code=station.code,
                                  station_name=station.name,
                                  device_name=device.device_name or "",
                                  device_no=device.device_no)
    except Exception:
        ratelimit.hit(ctx.db, "enroll", req.station_code, limit=10, window=HOUR, now=now)
        security.record_now(ctx.db, security.ENROLL_FAILED, now,
                            address=client_address(request))
        raise


def client_address(request: Request) -> str:
    # Behind a reverse proxy, run uvicorn with --proxy-headers / --forwarded-allow-ips so
    # this is the caller's address, not the proxy's.
    return request.client.host if request.client else "unknown"


def throttled(wait: int, message: str) -> ApiError:
    return ApiError(429, "rate_limited", message, headers={"Retry-After": str(wait)})


LOGIN_THROTTLED = QT_TRANSLATE_NOOP("errors", "登录失败次数过多，请稍后再试。")


@router.post("/auth/login", response_model=LoginResponse,
             responses={401: {"model": ErrorBody}, 422: {"model": ErrorBody},
                        429: {"model": ErrorBody}},
             summary="区中心工作人员登录，得到有时限的令牌（失败多了须等待，逐次加长）")
async def login(req: LoginRequest, request: Request, ctx: Ctx) -> LoginResponse:
    # `async` on purpose: the steps below go to worker threads one by one, so a storm of
    # logins waiting for a password check holds no thread and no database connection,
    # and pushes and reviewers' requests keep their threads.
    now = ctx.now()
    address = client_address(request)
    rule = login_rule(ctx)
    wait = await to_thread.run_sync(ratelimit.backoff_wait, ctx.db, rule, req.username,
                                    address, now)
    if wait is not None:
        await to_thread.run_sync(_note_throttled, ctx, req.username, address, now)
        raise throttled(wait, LOGIN_THROTTLED)
    verdict = await to_thread.run_sync(_check, ctx, rule, req.username, req.password,
                                       address, now, limiter=ctx.password_limiter())
    if isinstance(verdict, int):  # others failed from here while this one waited its turn
        await to_thread.run_sync(_note_throttled, ctx, req.username, address, now)
        raise throttled(verdict, LOGIN_THROTTLED)
    result = None
    if verdict is not None:
        result = await to_thread.run_sync(_issue, ctx, *verdict, address, now)
    if result is None:
        await to_thread.run_sync(_failed, ctx, rule, req.username, address, now)
        raise ApiError(
            401, "auth.login_failed",
            QT_TRANSLATE_NOOP("errors", "用户名或密码不正确，或账号已停用。"),
            headers={"WWW-Authenticate": "Bearer"})
    await to_thread.run_sync(ratelimit.backoff_succeeded, ctx.db, rule, req.username, address)
    return result


def login_rule(ctx: AppContext) -> ratelimit.Backoff:
    return ratelimit.Backoff("login", free=ctx.settings.free_failures,
                             max_delay=ctx.settings.throttle_max_delay)


def _check(ctx: AppContext, rule: ratelimit.Backoff, username: str, password: str,
           address: str, now: datetime) -> int | tuple[auth.Credentials, str] | None:
    """In the password pool: look again whether this pair must wait (the failures of the
    attempts ahead of it in the queue count), then check the password, outside any
    transaction. An int is a wait, None a failure, a pair the credentials and the hash."""
    wait = ratelimit.backoff_wait(ctx.db, rule, username, address, now)
    if wait is not None:
        return wait
    with ctx.db.read() as s:
        found = auth.credentials(s, username)
    password_hash = auth.check_password(found, password)
    if found is None or password_hash is None:
        return None
    return found, password_hash


def _issue(ctx: AppContext, found: auth.Credentials, password_hash: str, address: str,
           now: datetime) -> LoginResponse | None:
    with ctx.db.write() as s:
        result = auth.issue_staff_token(s, found, password_hash, now=now,
                                        hours=ctx.settings.staff_token_hours)
        if result is None:
            return None
        user, token, expires = result
        security.record(s, security.LOGIN_OK, now, username=user.username, address=address)
        return LoginResponse(token=token, username=user.username, role=user.role,
                             expires_at=expires.replace(tzinfo=UTC),
                             must_change_password=user.must_change_password)


def _failed(ctx: AppContext, rule: ratelimit.Backoff, username: str, address: str,
            now: datetime) -> None:
    ratelimit.backoff_failed(ctx.db, rule, username, address, now)
    with ctx.db.write() as s:
        security.record(s, security.LOGIN_FAILED, now, username=security.known_user(s, username),
                        address=address)


def _note_throttled(ctx: AppContext, username: str, address: str, now: datetime) -> None:
    if security.throttle_sampler.due(security.LOGIN_THROTTLED, username, address):
        with ctx.db.write() as s:
            security.record(s, security.LOGIN_THROTTLED, now,
                            username=security.known_user(s, username), address=address)


@router.post("/auth/logout", status_code=204, responses={401: {"model": ErrorBody},
                                                          403: {"model": ErrorBody}},
             summary="注销当前登录令牌")
def logout(ctx: Ctx, who: AnyStaff, request: Request) -> None:
    with ctx.db.write() as s:
        auth.logout(s, who.token_hash, ctx.now())
        security.record(s, security.LOGOUT, ctx.now(), username=who.username,
                        address=client_address(request))


@router.get("/auth/me", response_model=UserInfo, responses={401: {"model": ErrorBody},
                                                            403: {"model": ErrorBody}},
            summary="当前登录的工作人员")
def me(ctx: Ctx, who: AnyStaff) -> UserInfo:
    from district.models import StaffUser

    with ctx.db.read() as s:
        user = s.get(StaffUser, who.user_id)
        assert user is not None
        return UserInfo(username=user.username, role=user.role,
                        display_name=user.display_name, active=user.active,
                        must_change_password=user.must_change_password)
