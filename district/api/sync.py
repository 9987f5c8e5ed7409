"""Station endpoints: push, pull, ledger, and the district's view of the station's own cases."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from clerk.errors import QT_TRANSLATE_NOOP
from district import contacts, feed
from district.api.cases import CaseId
from district.api.deps import BEARER_SCHEME, Ctx, Station, bearer_token
from district.api.push_queue import PushQueue
from district.api.views import case_summary, events_of, supervision_for
from district.errors import ApiError
from district.models import CaseRow, StationRow
from wire.protocol import (
    CaseEvents,
    CaseSummary,
    ClientVersionResponse,
    DeviceInfo,
    ErrorBody,
    LedgerResponse,
    PullResponse,
    PushResponse,
    StationInfo,
    SupervisionResponse,
    WhoAmI,
)

router = APIRouter(tags=["sync"])

PUSH_BODY = {
    "security": [{BEARER_SCHEME: []}],
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
    }
}
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 404: {"model": ErrorBody},
    422: {"model": ErrorBody}}


@router.post("/sync/push", response_model=PushResponse, openapi_extra=PUSH_BODY,
             responses={**ERRORS, 400: {"model": ErrorBody}, 413: {"model": ErrorBody},
                        503: {"model": ErrorBody}},
             summary="推送本站事件（每批最多 500 条，逐条回执）")
async def push_events(request: Request) -> Response:
    # The hot path of the protocol: the body is read here, then authenticated, parsed,
    # judged and committed together with the pushes that arrive with it (push_queue).
    # The token is read from the header here rather than by the Bearer dependency: with
    # no dependency to solve, FastAPI spends a third less per request, which counts when
    # a worker answers hundreds of single-event pushes a second (PUSH_BODY declares it).
    token = bearer_token(request.headers.get("authorization"))
    raw = await request.body()
    queue: PushQueue = request.app.state.pushes
    return await queue.submit(token, raw)


@router.get("/sync/pull", response_model=PullResponse, responses=ERRORS,
            summary="拉取本站案件的事件和留言：区中心的和本站其他设备的（游标之后，分页）")
def pull_events(ctx: Ctx, who: Station,
                cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
                limit: Annotated[int, Query(ge=1, le=1000)] = 500) -> PullResponse:
    contacts.touch(ctx.db, who.station_code, "pull", ctx.now())  # for the silent-station flag
    with ctx.db.read() as s:
        return feed.pull(s, who.station_code, cursor, min(limit, ctx.settings.max_pull),
                         device_no=who.device_no)


@router.get("/sync/ledger", response_model=LedgerResponse, responses=ERRORS,
            summary="本站事件台账：按日的条数和事件编号哈希，用于对账")
def get_ledger(ctx: Ctx, who: Station) -> LedgerResponse:
    with ctx.db.read() as s:
        return feed.ledger(s, who.station_code)


@router.get("/station", response_model=StationInfo, responses=ERRORS, summary="本站信息")
def station_info(ctx: Ctx, who: Station) -> StationInfo:
    with ctx.db.read() as s:
        row = s.get(StationRow, who.station_code)
        assert row is not None  # the token resolved, so the station exists
        return StationInfo(code=row.code, name=row.name, district_code=row.district_code)


READS_QUERY = Annotated[str | None, Query(
    max_length=200, pattern=r"^[a-z0-9_,]*$",
    description="本设备能读的事件写法（逗号分隔，如 slim_checklist；不带：沿用上次所报）")]


@router.get("/sync/whoami", response_model=WhoAmI, responses=ERRORS,
            summary="这个设备令牌属于哪个站点、哪台设备（推送前核对）")
def whoami(ctx: Ctx, who: Station, reads: READS_QUERY = None) -> WhoAmI:
    from district import auth, reference

    # Every round starts here: the device's last contact and the forms it reads, and the
    # station's row read in the same transaction (one commit, not a write and then a
    # read of its own); with it what the round reads last (devices, announced version,
    # publications' ETags), so a round with nothing new sends no further requests.
    with ctx.db.write() as s:
        auth.seen(s, who.token_hash, ctx.now(), reads)
        row = s.get(StationRow, who.station_code)
        assert row is not None
        code, name = row.code, row.name
        forms = auth.station_reads(s, who.station_code)
        devices = _devices(s, who.station_code)
        told = reference.announcements(s)
    version, where, at = told.client_version
    return WhoAmI(station_code=code, station_name=name, device_name=who.device_name,
                  device_no=who.device_no, progress_base_url=ctx.settings.public_base_url,
                  station_reads=forms, devices=devices,
                  client_version=ClientVersionResponse(version=version, where=where,
                                                       published_at=at),
                  catalog_etag=told.catalog_etag, calendar_etag=told.calendar_etag)


def _devices(s: DbSession, station_code: str) -> list[DeviceInfo]:
    from district import auth

    return [DeviceInfo(name=d.name, number=d.number, created_at=d.created_at,
                       last_seen_at=d.last_seen_at)
            for d in auth.list_devices(s, station_code)]


@router.get("/station/devices", response_model=list[DeviceInfo], responses=ERRORS,
            summary="本站在用的设备（窗口）及其最近一次联系")
def station_devices(ctx: Ctx, who: Station) -> list[DeviceInfo]:
    with ctx.db.read() as s:
        return _devices(s, who.station_code)


def _own_case(ctx: Ctx, who: Station, case_id: str) -> CaseRow:
    with ctx.db.read() as s:
        row = s.execute(select(CaseRow).where(CaseRow.id == case_id,
                                              CaseRow.station_code == who.station_code)
                        ).scalar_one_or_none()
    if row is None:  # another station's case is exactly as invisible as a missing one
        raise ApiError(404, "case.unknown", QT_TRANSLATE_NOOP("errors", "没有这个案件。"))
    return row


@router.get("/station/cases/{case_id}", response_model=CaseSummary, responses=ERRORS,
            summary="区中心所见的本站某案件")
def station_case(ctx: Ctx, who: Station, case_id: CaseId) -> CaseSummary:
    return case_summary(_own_case(ctx, who, case_id))


@router.get("/station/cases/{case_id}/events", response_model=CaseEvents, responses=ERRORS,
            summary="区中心所存的本站某案件的事件")
def station_case_events(ctx: Ctx, who: Station, case_id: CaseId) -> CaseEvents:
    row = _own_case(ctx, who, case_id)
    with ctx.db.read() as s:
        return events_of(s, row.id)


@router.get("/station/supervision", response_model=SupervisionResponse, responses=ERRORS,
            summary="本站案件的监察（预警/超期）")
def station_supervision(ctx: Ctx, who: Station) -> SupervisionResponse:
    with ctx.db.read() as s:
        return supervision_for(s, ctx, station_code=who.station_code)
