"""Dependencies of the routers: the app context and who is calling.

Station identity comes from the bearer token only, never from a request body. A station
token on a staff endpoint is a 403 (the caller is known, the door is not theirs); an
unknown, revoked or expired token is a 401.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from anyio import CapacityLimiter
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.security.utils import get_authorization_scheme_param

from clerk.errors import QT_TRANSLATE_NOOP
from district.auth import Principal, StaffPrincipal, StationPrincipal, resolve_token
from district.config import Settings
from district.db import Database
from district.errors import ApiError

BEARER_SCHEME = "HTTPBearer"  # the security scheme's name in the OpenAPI document
_bearer = HTTPBearer(scheme_name=BEARER_SCHEME, auto_error=False,
                     description="设备令牌（站点）或登录令牌（区中心工作人员）")


@dataclass
class AppContext:
    settings: Settings
    db: Database
    _password_limiter: CapacityLimiter | None = None

    def now(self) -> datetime:
        return self.settings.clock()

    def password_limiter(self) -> CapacityLimiter:
        """The bounded pool of password checks (made inside the event loop, on first use):
        a burst of logins queues here instead of taking every worker thread and core."""
        if self._password_limiter is None:
            self._password_limiter = CapacityLimiter(self.settings.password_workers)
        return self._password_limiter


async def get_ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


Ctx = Annotated[AppContext, Depends(get_ctx)]

_UNAUTHORIZED = {"WWW-Authenticate": "Bearer"}


# The small dependencies are `async` on purpose: FastAPI would run a plain `def` in the
# thread pool, and those hops cost more than the checks themselves.


async def bearer(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
                 ) -> str:
    """The bearer token as sent (not yet checked)."""
    return _token(creds.credentials if creds is not None else "")


def bearer_token(header: str | None) -> str:
    """`bearer` for a handler that reads the Authorization header itself (the push),
    parsed as HTTPBearer parses it."""
    scheme, credentials = get_authorization_scheme_param(header)
    return _token(credentials if header and scheme.lower() == "bearer" else "")


def _token(credentials: str) -> str:
    if not credentials:
        raise ApiError(
            401, "auth.missing",
            QT_TRANSLATE_NOOP("errors", "需要令牌（Authorization: Bearer …）。"),
            headers=_UNAUTHORIZED)
    return credentials


def authenticate(ctx: AppContext, token: str) -> Principal:
    """Resolve a token (a database read: call it from a worker thread)."""
    with ctx.db.read_conn() as conn:
        who = resolve_token(conn, token, ctx.now())
    if who is None:
        raise invalid_token()
    return who


def invalid_token() -> ApiError:
    return ApiError(
        401, "auth.invalid",
        QT_TRANSLATE_NOOP("errors", "令牌无效、已吊销或已过期；站点请重新登记，"
                                    "工作人员请重新登录。"),
        headers=_UNAUTHORIZED)


def principal(ctx: Ctx, token: Annotated[str, Depends(bearer)]) -> Principal:
    return authenticate(ctx, token)


def require_station(who: Principal) -> StationPrincipal:
    if not isinstance(who, StationPrincipal):
        raise ApiError(
            403, "forbidden.station_only",
            QT_TRANSLATE_NOOP("errors", "这个接口只供站点设备使用。"))
    return who


async def station(who: Annotated[Principal, Depends(principal)]) -> StationPrincipal:
    return require_station(who)


async def any_staff(who: Annotated[Principal, Depends(principal)]) -> StaffPrincipal:
    """A staff member, even one who must still replace a one-time password."""
    if not isinstance(who, StaffPrincipal):
        raise ApiError(
            403, "forbidden.staff_only",
            QT_TRANSLATE_NOOP("errors", "站点令牌不能使用区中心工作人员的接口。"))
    return who


async def staff(who: Annotated[StaffPrincipal, Depends(any_staff)]) -> StaffPrincipal:
    if who.must_change_password:
        raise ApiError(
            403, "password.must_change",
            QT_TRANSLATE_NOOP("errors", "请先修改管理员设置的一次性密码。"))
    return who


def staff_role(*roles: str) -> Callable[[StaffPrincipal], Awaitable[StaffPrincipal]]:
    async def check(who: Annotated[StaffPrincipal, Depends(staff)]) -> StaffPrincipal:
        if who.role not in roles:
            raise ApiError(
                403, "forbidden.role",
                QT_TRANSLATE_NOOP("errors", "需要以下角色之一：{items}。"),
                params={"items": '、'.join(roles)})
        return who
    return check


Station = Annotated[StationPrincipal, Depends(station)]
Staff = Annotated[StaffPrincipal, Depends(staff)]
AnyStaff = Annotated[StaffPrincipal, Depends(any_staff)]
Admin = Annotated[StaffPrincipal, Depends(staff_role("admin"))]
AnyCaller = Annotated[Principal, Depends(principal)]
Bearer = Annotated[str, Depends(bearer)]
