"""Administration from the admin's window: stations with their devices and last contact,
accounts (disable, re-enable, one-time passwords), every staff member's own password,
and publishing a catalog or calendar file after a preview.

The older admin endpoints (create a station, revoke it, devices, codes, users, the
security log) live in district.api.public; every action here is logged in the security
event log, in the same transaction as the action itself.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from sqlalchemy import func, select

from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from district import auth, publishing, security
from district.api.auth import client_address
from district.api.deps import Admin, AnyStaff, Ctx
from district.models import DeviceToken, StaffUser, StationContact, StationRow
from wire.admin import (
    ChangePasswordRequest,
    PasswordReset,
    PublishPreview,
    PublishRequest,
    PublishResult,
    StationItem,
)
from wire.protocol import ErrorBody, UserInfo

router = APIRouter(tags=["admin"])
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (401, 403, 404, 422)}
Username = Annotated[str, PathParam(min_length=1, max_length=32)]


def _aware(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(tzinfo=UTC)


@router.get("/admin/stations", response_model=list[StationItem], responses=ERRORS,
            summary="站点列表：在用设备数、最近联系时间（含已吊销的站点）")
def list_stations(ctx: Ctx, who: Admin) -> list[StationItem]:
    live = (select(DeviceToken.station_code, func.count().label("n"))
            .where(DeviceToken.revoked_at.is_(None))
            .group_by(DeviceToken.station_code).subquery())
    q = (select(StationRow, live.c.n, StationContact.last_push_at, StationContact.last_pull_at)
         .outerjoin(live, live.c.station_code == StationRow.code)
         .outerjoin(StationContact, StationContact.station_code == StationRow.code)
         .order_by(StationRow.code))
    with ctx.db.read() as s:
        rows = s.execute(q).all()
    out = []
    for st, n, pushed, pulled in rows:
        seen = max((t for t in (pushed, pulled) if t is not None), default=None)
        out.append(StationItem(code=st.code, name=st.name,
                               created_at=st.created_at.replace(tzinfo=UTC),
                               revoked_at=_aware(st.revoked_at), devices=int(n or 0),
                               last_contact_at=_aware(seen)))
    return out


def _info(user: StaffUser) -> UserInfo:
    return UserInfo(username=user.username, role=user.role, display_name=user.display_name,
                    active=user.active, must_change_password=user.must_change_password)


def _set_active(ctx: Ctx, who: Admin, username: str, active: bool,
                request: Request) -> UserInfo:
    with ctx.db.write() as s:
        user = auth.set_active(s, username, active, ctx.now(), by=who.username)
        security.record(s, security.USER_ENABLED if active else security.USER_DISABLED,
                        ctx.now(), username=who.username, address=client_address(request),
                        detail=user.username)
        return _info(user)


@router.post("/admin/users/{username}/disable", response_model=UserInfo, responses=ERRORS,
             summary="停用账号（其登录令牌立即失效）")
def disable_user(username: Username, ctx: Ctx, who: Admin, request: Request) -> UserInfo:
    return _set_active(ctx, who, username, False, request)


@router.post("/admin/users/{username}/enable", response_model=UserInfo, responses=ERRORS,
             summary="重新启用账号")
def enable_user(username: Username, ctx: Ctx, who: Admin, request: Request) -> UserInfo:
    return _set_active(ctx, who, username, True, request)


@router.post("/admin/users/{username}/reset-password", response_model=PasswordReset,
             responses=ERRORS,
             summary="重置密码：生成一次性密码（只显示这一次），用户下次登录须先改密码")
def reset_password(username: Username, ctx: Ctx, who: Admin, request: Request
                   ) -> PasswordReset:
    with ctx.db.read() as s:
        auth.user_named(s, username)  # a worded 404 before the slow hash
    password = auth.one_time_password()
    digest = auth.hash_password(password)  # outside any transaction
    with ctx.db.write() as s:
        user = auth.reset_password(s, username, digest, ctx.now())
        security.record(s, security.PASSWORD_RESET, ctx.now(), username=who.username,
                        address=client_address(request), detail=user.username)
        return PasswordReset(username=user.username, password=password)


@router.post("/auth/password", tags=["auth"], status_code=204, responses=ERRORS,
             summary="修改自己的密码（须输入原密码；其他登录令牌失效）")
def change_password(body: ChangePasswordRequest, ctx: Ctx, who: AnyStaff,
                    request: Request) -> None:
    auth.check_new_password(body.new_password)
    if body.new_password == body.old_password:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "新密码不能与原密码相同。"),
            code="password.same", field="new_password")
    with ctx.db.read() as s:
        found = auth.credentials(s, who.username)
    # Both argon2 steps outside any transaction (DESIGN 10).
    if auth.check_password(found, body.old_password) is None or found is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "原密码不正确。"),
            code="password.wrong", field="old_password")
    digest = auth.hash_password(body.new_password)
    with ctx.db.write() as s:
        if not auth.change_password(s, found, digest, keep_token=who.token_hash, now=ctx.now()):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "密码刚被修改或账号已停用，请重新登录后再试。"),
                code="password.changed", field="old_password")
        security.record(s, security.PASSWORD_CHANGED, ctx.now(), username=who.username,
                        address=client_address(request))


@router.post("/admin/publish/preview", response_model=PublishPreview, responses=ERRORS,
             summary="预览事项目录或节假日文件：校验，并列出与已发布版本相比的变化（不发布）")
def publish_preview(body: PublishRequest, ctx: Ctx, who: Admin) -> PublishPreview:
    with ctx.db.read() as s:
        return publishing.preview(s, body)


@router.post("/admin/publish", response_model=PublishResult, responses=ERRORS,
             summary="发布事项目录或节假日文件（服务器再次校验，有任何错误都不发布）")
def publish(body: PublishRequest, ctx: Ctx, who: Admin, request: Request) -> PublishResult:
    with ctx.db.write() as s:
        result = publishing.publish(s, body, ctx.now())
        security.record(s, security.PUBLISHED, ctx.now(), username=who.username,
                        address=client_address(request),
                        detail=f"{body.kind} {body.file_name}: {result.summary}")
        return result
