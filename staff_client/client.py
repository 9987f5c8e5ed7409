"""The district staff's HTTP client (district mode of the workstation): sign-in, the
review queue, case actions, supervision, ratings and reports.

Built on :class:`apiclient.http.ApiClient` (TLS verified, optional CA bundle, timeouts,
the server's error codes and messages kept). Reads are retried on transport failures;
actions are sent once: every action names the version it was decided on, so a retry
after a lost answer could only come back as "stale" and would confuse more than help.
A stale action raises :class:`StaleError`; an expired or revoked session
:class:`~apiclient.http.AuthError`.

The bearer token can be remembered in the OS keyring (service ``StationDesk-district``,
one entry per server and user), never in a file of ours.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

import keyring
import keyring.errors

from apiclient import keyring_backend
from apiclient.http import ApiClient, SyncError
from apiclient.retry import RetryPolicy
from clerk.errors import QT_TRANSLATE_NOOP
from wire.admin import (
    ChangePasswordRequest,
    PasswordReset,
    PublishPreview,
    PublishRequest,
    PublishResult,
    StationItem,
)
from wire.protocol import (
    CaseDetail,
    CaseEvents,
    CreateStationResponse,
    CreateUserRequest,
    DeviceInfo,
    LoginRequest,
    LoginResponse,
    UserInfo,
)
from wire.staff import (
    BoardResponse,
    Facets,
    FollowupItem,
    FollowupList,
    FollowupUpdate,
    PeriodReport,
    QueuePage,
    RatingsResponse,
    SecurityEventPage,
)

KEYRING_SERVICE = "StationDesk-district"
ONCE = RetryPolicy(attempts=1)

NO_KEYRING = QT_TRANSLATE_NOOP(
    "errors",
    "本机没有可用的系统密钥环（keyring），无法“记住我”：登录令牌不会保存，"
    "下次启动需要重新输入密码。如需记住登录，请启用系统的凭据服务（Windows 凭据管理器、"
    "macOS 钥匙串、Linux Secret Service），或用环境变量 PYTHON_KEYRING_BACKEND 指定后端。"
)


class StaleError(SyncError):
    """409 version.stale: somebody acted on the case first."""

    def __init__(self, message: str, current_version: int | None,
                 template: str | None = None, params: dict[str, str] | None = None) -> None:
        super().__init__(message, code="version.stale", status=409, template=template,
                         params=params)
        self.current_version = current_version


@dataclass(frozen=True)
class QueueQuery:
    scope: str = "review"
    state: str | None = None
    station_code: str | None = None
    matter_code: str | None = None
    proxy_agent: str | None = None
    due_from: date | None = None
    due_to: date | None = None
    level: str | None = None
    case_no: str = ""
    sort: str = "due"

    def params(self) -> dict[str, str]:
        out: dict[str, str] = {"scope": self.scope, "sort": self.sort}
        for name in ("state", "station_code", "matter_code", "proxy_agent", "level"):
            value = getattr(self, name)
            if value:
                out[name] = str(value)
        if self.due_from:
            out["due_from"] = self.due_from.isoformat()
        if self.due_to:
            out["due_to"] = self.due_to.isoformat()
        if self.case_no.strip():
            out["case_no"] = self.case_no.strip()
        return out


class StaffClient(ApiClient):
    """One signed-in staff member's connection to the district service."""

    def __init__(self, server: str, *, token: str | None = None, ca_bundle: str | None = None,
                 timeout: tuple[float, float] = (5.0, 30.0)) -> None:
        super().__init__(server, token=token, ca_bundle=ca_bundle, timeout=timeout,
                         retry=RetryPolicy(attempts=2))
        self.session.headers["User-Agent"] = "StationDesk-district/1"

    def __enter__(self) -> StaffClient:
        return self

    # --- plumbing ------------------------------------------------------------------
    def _get(self, path: str, **params: Any) -> Any:
        clean = {k: v for k, v in params.items() if v is not None and v != ""}
        return self._check(self._request("GET", path, params=clean or None))

    def _post(self, path: str, body: dict[str, Any] | None = None) -> Any:
        resp = self._request("POST", path, json=body or {}, retry=False)
        if resp.status_code == 409:
            try:
                data = resp.json()
            except ValueError:
                data = {}
            if data.get("code") == "version.stale":
                params = data.get("params") if isinstance(data.get("params"), dict) else None
                raise StaleError(str(data.get("message", "")), data.get("current_version"),
                                 data.get("template") if params else None, params)
        return self._check(resp)

    # --- session -------------------------------------------------------------------
    def login(self, username: str, password: str) -> LoginResponse:
        body = LoginRequest(username=username, password=password).model_dump()
        resp = self._check(self._request("POST", "/auth/login", json=body, retry=False))
        answer = self._parse(LoginResponse, resp)
        self.token = answer.token
        return answer

    def me(self) -> UserInfo:
        return self._parse(UserInfo, self._get("/auth/me"))

    def change_password(self, old_password: str, new_password: str) -> None:
        body = ChangePasswordRequest(old_password=old_password, new_password=new_password)
        self._post("/auth/password", body.model_dump())

    def logout(self) -> None:
        with contextlib.suppress(SyncError):
            self._check(self._request("POST", "/auth/logout", retry=False))
        self.token = None

    # --- reading ---------------------------------------------------------------------
    def facets(self) -> Facets:
        return self._parse(Facets, self._get("/review/facets"))

    def queue(self, query: QueueQuery, cursor: str | None = None, limit: int = 50) -> QueuePage:
        return self._parse(QueuePage, self._get("/review/queue", cursor=cursor, limit=limit,
                                                **query.params()))

    def case(self, case_id: str) -> CaseDetail:
        return self._parse(CaseDetail, self._get(f"/cases/{case_id}"))

    def reveal(self, case_id: str, reason: str) -> CaseDetail:
        """The case's full record (ID numbers, phones): the district logs who, when, why."""
        return self._parse(CaseDetail, self._post(f"/cases/{case_id}/reveal",
                                                  {"reason": reason}))

    def events(self, case_id: str) -> CaseEvents:
        return self._parse(CaseEvents, self._get(f"/cases/{case_id}/events"))

    def blob(self, sha256: str) -> tuple[bytes, str]:
        resp = self._get(f"/blobs/{sha256}")
        return resp.content, resp.headers.get("Content-Type", "application/octet-stream")

    def board(self, stale_hours: int = 24) -> BoardResponse:
        return self._parse(BoardResponse, self._get("/oversight/board", stale_hours=stale_hours))

    def ratings(self, since: date | None = None, until: date | None = None) -> RatingsResponse:
        return self._parse(RatingsResponse, self._get(
            "/oversight/ratings", **{"from": since and since.isoformat(),
                                      "to": until and until.isoformat()}))

    def followups(self) -> FollowupList:
        return self._parse(FollowupList, self._get("/oversight/followups"))

    def save_followup(self, case_id: str, update: FollowupUpdate) -> FollowupItem:
        return self._parse(FollowupItem, self._post(f"/oversight/followups/{case_id}",
                                                    update.model_dump()))

    def report(self, since: date, until: date) -> PeriodReport:
        return self._parse(PeriodReport, self._get(
            "/oversight/report", **{"from": since.isoformat(), "to": until.isoformat()}))

    # --- actions (each names the version it was decided on) ------------------------
    def act(self, case_id: str, action: str, version: int, **fields: Any) -> CaseDetail:
        """POST /cases/{id}/{action}: take, assign, proxy-step, return, special/start,
        special/end, approve, deny, comment."""
        resp = self._post(f"/cases/{case_id}/{action}", {"expected_version": version, **fields})
        return self._parse(CaseDetail, resp)


    # --- administration (admins only) -------------------------------------------------
    def stations(self) -> list[StationItem]:
        return self._parse_list(StationItem, self._get("/admin/stations"))

    def create_station(self, code: str, name: str) -> CreateStationResponse:
        return self._parse(CreateStationResponse, self._post(
            "/admin/stations", {"code": code, "name": name}))

    def issue_code(self, code: str) -> CreateStationResponse:
        return self._parse(CreateStationResponse, self._post(f"/admin/stations/{code}/codes"))

    def devices(self, code: str) -> list[DeviceInfo]:
        return self._parse_list(DeviceInfo, self._get(f"/admin/stations/{code}/devices"))

    def revoke_device(self, code: str, name: str) -> None:
        self._post(f"/admin/stations/{code}/devices/{quote(name, safe='')}/revoke")

    def revoke_station(self, code: str) -> None:
        self._post(f"/admin/stations/{code}/revoke")

    def users(self) -> list[UserInfo]:
        return self._parse_list(UserInfo, self._get("/admin/users"))

    def create_user(self, username: str, password: str, role: str,
                    display_name: str) -> UserInfo:
        body = CreateUserRequest(username=username, password=password, role=role,  # type: ignore[arg-type]
                                 display_name=display_name)
        return self._parse(UserInfo, self._post("/admin/users", body.model_dump()))

    def set_active(self, username: str, active: bool) -> UserInfo:
        action = "enable" if active else "disable"
        return self._parse(UserInfo, self._post(f"/admin/users/{username}/{action}"))

    def reset_password(self, username: str) -> PasswordReset:
        return self._parse(PasswordReset, self._post(f"/admin/users/{username}/reset-password"))

    def preview_publication(self, request: PublishRequest) -> PublishPreview:
        return self._parse(PublishPreview, self._post("/admin/publish/preview",
                                                      request.model_dump()))

    def publish(self, request: PublishRequest) -> PublishResult:
        return self._parse(PublishResult, self._post("/admin/publish", request.model_dump()))

    def security_events(self, *, kinds: list[str] | None = None, since: datetime | None = None,
                        until: datetime | None = None, before: int | None = None,
                        username: str | None = None, limit: int = 200) -> SecurityEventPage:
        return self._parse(SecurityEventPage, self._get(
            "/admin/security-events", kind=kinds or None, username=username,
            since=since and since.isoformat(), until=until and until.isoformat(),
            before=before, limit=limit))


# --------------------------------------------------------------------------- remember me


def _key(server: str, username: str) -> str:
    return f"{server.rstrip('/')}|{username}"


def keyring_usable() -> bool:
    return keyring_backend.usable()


def remember(server: str, username: str, token: str) -> None:
    """Keep the bearer token in the OS keyring (raises CredentialsError without one)."""
    if not keyring_backend.usable():
        raise keyring_backend.CredentialsError(NO_KEYRING, code="keyring.none")
    try:
        keyring.set_password(KEYRING_SERVICE, _key(server, username), token)
    except keyring.errors.KeyringError as exc:
        raise keyring_backend.CredentialsError(
            QT_TRANSLATE_NOOP("errors", "无法把登录令牌写入密钥环（{kind}）。{advice}"),
            params={"kind": type(exc).__name__, "advice": NO_KEYRING}) from exc


def remembered(server: str, username: str) -> str | None:
    if not username or not keyring_backend.usable():
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, _key(server, username))
    except keyring.errors.KeyringError:
        return None


def forget(server: str, username: str) -> None:
    if not username or not keyring_backend.usable():
        return
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(KEYRING_SERVICE, _key(server, username))
