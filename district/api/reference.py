"""Catalog and calendar for stations and staff, with ETag / If-None-Match."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from district import reference
from district.api.deps import AnyCaller, Ctx
from wire.protocol import CalendarResponse, CatalogResponse, ErrorBody

router = APIRouter(tags=["reference"])
RESPONSES: dict[int | str, dict[str, Any]] = {
    304: {"description": "未变化（If-None-Match 与当前 ETag 相同）"},
    401: {"model": ErrorBody}}


def _matches(request: Request, etag: str) -> bool:
    header = request.headers.get("if-none-match", "")
    tags = {t.strip().removeprefix("W/").strip('"') for t in header.split(",") if t.strip()}
    return etag in tags or "*" in tags


def _conditional(request: Request, ctx: Ctx, kind: str,
                 load: Callable[[Session], tuple[str, list[dict[str, Any]]]],
                 key: str) -> Response:
    with ctx.db.read() as s:
        etag = reference.current_etag(s, kind)
        if _matches(request, etag):  # the common case: answered from one row
            return Response(status_code=304, headers=_headers(etag))
        etag, items = load(s)
    return JSONResponse({"etag": etag, key: items}, headers=_headers(etag))


def _headers(etag: str) -> dict[str, str]:
    return {"ETag": f'"{etag}"', "Cache-Control": "no-cache"}


@router.get("/catalog", response_model=CatalogResponse, responses=RESPONSES,
            summary="已发布的事项目录（支持 ETag）")
def get_catalog(request: Request, ctx: Ctx, who: AnyCaller) -> Response:
    return _conditional(request, ctx, "catalog", reference.catalog, "matters")


@router.get("/calendar", response_model=CalendarResponse, responses=RESPONSES,
            summary="已发布的年度节假日（支持 ETag）")
def get_calendar(request: Request, ctx: Ctx, who: AnyCaller) -> Response:
    return _conditional(request, ctx, "calendar", reference.calendar, "years")
