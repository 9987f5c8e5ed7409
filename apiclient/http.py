"""HTTP plumbing shared by every client of the district service (the station's sync
client and the staff client of district mode): requests.Session, TLS verified by default.

A district-internal CA is configured with `ca_bundle` (a PEM file); verification is never
switched off by this module. Every call has a connect and a read timeout. Answers are
parsed into the shared wire models; errors become `SyncError` with the server's code and
message, so the command line and the UI can say what happened.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Self, TypeVar

import requests
from pydantic import BaseModel, TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from apiclient.retry import RetryPolicy, TransportError, call
from clerk.errors import QT_TRANSLATE_NOOP, WordedError
from wire.protocol import API_PREFIX

M = TypeVar("M", bound=BaseModel)


class SyncError(WordedError):
    """The district answered, but not with what we asked for: either a marked template
    and its values (raised here), or the district's message with the template and the
    values it sent."""

    def __init__(self, message: str, *, code: str = "error", status: int | None = None,
                 template: str | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, params, template=template)
        self.code = code
        self.status = status


class AuthError(SyncError):
    """401: the token is unknown, expired or revoked (enroll or sign in again)."""


def normalize_server(url: str) -> str:
    url = url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise SyncError(
            QT_TRANSLATE_NOOP("errors", "服务器地址须以 http:// 或 https:// 开头：{url}"),
            code="server.url", params={"url": url})
    return url


def _require_whole(resp: requests.Response) -> None:
    """Treat an answer cut inside its headers like a dropped connection (retried).

    The district frames every answer with Content-Length or chunked encoding; an answer
    with neither ended before its headers did (http.client takes the end of the stream
    for the end of the headers, and the body for empty). A body cut short of its
    Content-Length is refused by urllib3 already (ChunkedEncodingError, retried).
    """
    if resp.status_code in (204, 304) or resp.request.method == "HEAD":
        return
    if "Content-Length" in resp.headers:
        return
    if "chunked" in resp.headers.get("Transfer-Encoding", "").lower():
        return
    resp.close()
    raise requests.ConnectionError("answer cut inside its headers")


class ApiClient:
    """A connection to the district service: one requests.Session, TLS verified, the
    server's error codes and messages kept; subclasses add the calls of one kind of user."""

    USER_AGENT = "StationDesk/1"

    def __init__(self, server: str, *, token: str | None = None, ca_bundle: str | None = None,
                 timeout: tuple[float, float] = (5.0, 60.0),
                 retry: RetryPolicy | None = None,
                 on_retry: Callable[[int, str], None] | None = None) -> None:
        self.server = normalize_server(server)
        self.token = token
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.on_retry = on_retry
        self.session = requests.Session()
        self.session.verify = ca_bundle or True  # a CA bundle path, or the system's CAs
        self.session.headers["User-Agent"] = self.USER_AGENT

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- plumbing --------------------------------------------------------------------
    def _request(self, method: str, path: str, *, retry: bool = True,
                 **kw: Any) -> requests.Response:
        url = f"{self.server}{API_PREFIX}{path}"
        headers = dict(kw.pop("headers", {}) or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"

        def send() -> requests.Response:
            resp = self.session.request(method, url, headers=headers, timeout=self.timeout, **kw)
            _require_whole(resp)
            return resp

        policy = self.retry if retry else RetryPolicy(attempts=1)
        try:
            return call(send, policy, self.on_retry)
        except requests.exceptions.SSLError as exc:
            raise TransportError(
                QT_TRANSLATE_NOOP("errors", "无法验证区中心服务器的证书（{name}）；"
                                            "如使用区内部证书，请配置 CA 证书文件。"),
                params={"name": exc.__class__.__name__}) from exc

    def _check(self, resp: requests.Response) -> requests.Response:
        if resp.status_code < 400:
            return resp
        template: str | None = None
        params: dict[str, str] = {}
        try:
            body = resp.json()
            code, message = str(body.get("code", "error")), str(body.get("message", ""))
            if isinstance(body.get("params"), dict) and isinstance(body.get("template"), str):
                template = body["template"]
                params = {str(k): str(v) for k, v in body["params"].items()}
        except (ValueError, AttributeError):
            code, message = "error", resp.text[:200]
        if resp.status_code == 401:
            raise AuthError(message or "令牌无效或已吊销，请重新登记。", code=code, status=401,
                            template=template, params=params)
        if resp.status_code >= 500 or resp.status_code == 429:
            raise TransportError(
                QT_TRANSLATE_NOOP("errors", "区中心暂时不可用（HTTP {status_code}）：{message}"),
                status=resp.status_code,
                params={"status_code": resp.status_code, "message": message})
        raise SyncError(message or f"HTTP {resp.status_code}", code=code, status=resp.status_code,
                        template=template, params=params)

    def _parse(self, model: type[M], resp: requests.Response) -> M:
        try:
            return model.model_validate_json(resp.content)
        except PydanticValidationError as exc:
            raise SyncError(
                QT_TRANSLATE_NOOP("errors", "区中心的回答无法识别（{name}）。"),
                code="bad_response", status=resp.status_code,
                params={"name": model.__name__}) from exc

    def _parse_list(self, model: type[M], resp: requests.Response) -> list[M]:
        """A JSON list of `model`s; a cut or garbled body (a proxy, a lost connection
        that still said 200) is the district's unreadable answer, never a traceback."""
        try:
            return TypeAdapter(list[model]).validate_json(resp.content)  # type: ignore[valid-type]
        except PydanticValidationError as exc:
            raise SyncError(
                QT_TRANSLATE_NOOP("errors", "区中心的回答无法识别（{name}）。"),
                code="bad_response", status=resp.status_code,
                params={"name": model.__name__}) from exc

    def _parse_object(self, resp: requests.Response) -> dict[str, Any]:
        try:
            data = resp.json()
        except ValueError as exc:
            data = exc
        if not isinstance(data, dict):
            raise SyncError(
                QT_TRANSLATE_NOOP("errors", "区中心的回答无法识别（{name}）。"),
                code="bad_response", status=resp.status_code, params={"name": "JSON"})
        return data
