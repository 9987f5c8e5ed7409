"""Errors as the API reports them: a status, a stable code and a plain-words message.

Every error body is ``{"code": ..., "message": ...}`` (plus ``errors`` for invalid input),
so a station or a script can act on the code and a person can read the message.
Domain errors from clerk map to statuses here: invalid input 422, unknown object 404,
a transition the state machine refuses 409.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from clerk.errors import (
    NotFoundError,
    StateError,
    StationDeskError,
    StoreError,
    ValidationError,
    WordedError,
)

log = logging.getLogger("district")


class ApiError(WordedError):
    """An answer other than success. `message` is a template (marked for translation, as
    the domain's are) filled with `params`; the body carries both, so a workstation can
    show it in its own language."""

    def __init__(self, status: int, code: str, message: str, *,
                 headers: Mapping[str, str] | None = None,
                 extra: Mapping[str, Any] | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, params)
        self.status = status
        self.code = code
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})


def error_response(status: int, code: str, message: str, *,
                   headers: Mapping[str, str] | None = None,
                   template: str | None = None, params: Mapping[str, str] | None = None,
                   **extra: Any) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message, **extra}
    if params:  # the words before the values went in (without values: the message)
        body |= {"template": template or message, "params": dict(params)}
    return JSONResponse(jsonable_encoder(body), status_code=status, headers=dict(headers or {}))


def _domain_status(exc: StationDeskError) -> int:
    if isinstance(exc, ValidationError):
        return 422
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, StateError):
        return 409
    if isinstance(exc, StoreError):
        return 503
    return 400


def _clean_errors(errors: Any) -> list[dict[str, Any]]:
    """Validation details without echoing the submitted values back (they may be personal)."""
    return [{"loc": list(e.get("loc", ())), "type": e.get("type", ""), "msg": e.get("msg", "")}
            for e in errors]


def response_for(exc: Exception) -> JSONResponse:
    """The answer to an error raised while handling a request (the app's handlers, and
    the push endpoint that answers in front of them: district.api.push_endpoint)."""
    if isinstance(exc, ApiError):
        return error_response(exc.status, exc.code, exc.message, headers=exc.headers,
                              template=exc.template, params=exc.params, **exc.extra)
    if isinstance(exc, StationDeskError):
        return error_response(_domain_status(exc), exc.code, exc.message,
                              template=exc.template, params=exc.params)
    # Logged by type and frames only: a message (an IntegrityError's parameters, say)
    # could carry an event payload with ID numbers or phones.
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("unexpected error %s\n%s", type(exc).__name__, frames)
    return error_response(500, "internal", "服务器内部错误，请稍后重试。")


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        return response_for(exc)

    @app.exception_handler(StationDeskError)
    async def _domain(_: Request, exc: StationDeskError) -> JSONResponse:
        return response_for(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _clean_errors(exc.errors())
        if any(e["type"] == "json_invalid" for e in errors):
            return error_response(400, "malformed_json", "请求体不是有效的 JSON。", errors=errors)
        return error_response(422, "invalid", "请求内容不符合接口定义（见 errors）。",
                              errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized",
                 403: "forbidden", 413: "too_large"}
        return error_response(exc.status_code, codes.get(exc.status_code, "http_error"),
                              str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        return response_for(exc)
