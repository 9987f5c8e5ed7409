"""Catalog and calendar for stations and staff, with ETag / If-None-Match."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from district import reference
from district.api.deps import Admin, AnyCaller, Ctx, Station
from district.auth import naive
from district.models import PublicationRefusal, StationRow
from wire.protocol import CalendarResponse, CatalogResponse, ClientVersionResponse, ErrorBody

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


@router.get("/client-version", response_model=ClientVersionResponse,
            responses={401: {"model": ErrorBody}},
            summary="区中心公布的工作台当前版本和获取方式（站点只提示，不自动下载）")
def get_client_version(ctx: Ctx, who: AnyCaller) -> ClientVersionResponse:
    with ctx.db.read() as s:
        version, where, at = reference.client_version(s)
    return ClientVersionResponse(version=version, where=where, published_at=at)


# --------------------------------------------------------------------------- refusals


class RefusalReport(BaseModel):
    """A station's word that it could not apply a publication (it kept the previous one)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    kind: Literal["catalog", "calendar"]
    etag: Annotated[str, Field(max_length=64)] = ""
    reason: Annotated[str, Field(min_length=1, max_length=1000)]


class RefusalItem(BaseModel):
    station_code: str
    station_name: str
    kind: str
    etag: str
    reason: str
    first_at: datetime
    last_at: datetime


@router.post("/sync/refusals", status_code=204,
             responses={401: {"model": ErrorBody}, 422: {"model": ErrorBody}},
             summary="站点报告无法应用的事项目录或节假日发布（站点继续使用原版本）")
def report_refusal(body: RefusalReport, ctx: Ctx, who: Station) -> None:
    now = naive(ctx.now())
    reason = body.reason.replace("\x00", "")
    with ctx.db.write() as s:
        key = (who.station_code, body.kind, body.etag)
        row = s.get(PublicationRefusal, key)
        if row is None:
            s.add(PublicationRefusal(station_code=who.station_code, kind=body.kind,
                                     etag=body.etag, reason=reason, first_at=now, last_at=now))
        else:
            row.reason, row.last_at = reason, now


@router.get("/admin/refusals", tags=["admin"], response_model=list[RefusalItem],
            responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
            summary="站点无法应用的发布（按最近一次报告排序）")
def list_refusals(ctx: Ctx, who: Admin) -> list[RefusalItem]:
    with ctx.db.read() as s:
        rows = s.execute(select(PublicationRefusal, StationRow.name)
                         .join(StationRow, StationRow.code == PublicationRefusal.station_code)
                         .order_by(PublicationRefusal.last_at.desc()).limit(500)).all()
        return [RefusalItem(station_code=r.station_code, station_name=name, kind=r.kind,
                            etag=r.etag, reason=r.reason, first_at=r.first_at,
                            last_at=r.last_at) for r, name in rows]
