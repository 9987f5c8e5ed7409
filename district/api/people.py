"""全区通办 for station devices: recall a person by ID number, masked; open the full record.

The number travels in the body only. Every call is counted against the device's and the
station's limits before anything is looked at, so a hostile station cannot enumerate the
district's population (malformed numbers count too), and every answered call is written
to the access log: who (the clerk at the device), which station and device, when, why,
and the person's newest case id — never the number. A number nobody has is answered
`found: false`: telling the clerk that the person is new here is the lookup's purpose,
so existence is disclosed to enrolled devices only, within their limits, and logged.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request

from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from clerk.id_documents import DOCUMENT_TYPES, validate_document
from district import people, ratelimit, security
from district.api.auth import client_address, throttled
from district.api.deps import AppContext, Ctx, Station
from district.auth import StationPrincipal
from wire.people import PersonLookupRequest, PersonRecord, PersonRevealRequest
from wire.protocol import ErrorBody

router = APIRouter(tags=["sync"])
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 413: {"model": ErrorBody},
    422: {"model": ErrorBody}, 429: {"model": ErrorBody}}
BURST = timedelta(minutes=10)
DAY = timedelta(days=1)


def _throttle(ctx: AppContext, who: StationPrincipal, address: str) -> None:
    settings, now = ctx.settings, ctx.now()
    device = f"{who.station_code}/{who.device_no}"
    wait = (ratelimit.hit(ctx.db, "recall-device", device, limit=settings.recall_device_burst,
                          window=BURST, now=now)
            or ratelimit.hit(ctx.db, "recall-device-day", device,
                             limit=settings.recall_device_daily, window=DAY, now=now)
            or ratelimit.hit(ctx.db, "recall-station-day", who.station_code,
                             limit=settings.recall_station_daily, window=DAY, now=now))
    if wait is None:
        return
    if security.throttle_sampler.due(security.PERSON_THROTTLED, device, address):
        security.record_now(ctx.db, security.PERSON_THROTTLED, now,
                            station_code=who.station_code, address=address,
                            detail=_device(who))
    raise throttled(wait, QT_TRANSLATE_NOOP(
        "errors", "全区通办查询过于频繁，请稍后再试（可先按本站资料办理）。"))


def _device(who: StationPrincipal) -> str:
    return f"device {who.device_no or '-'} {who.device_name}".strip()


def _number(req: PersonLookupRequest) -> str:
    """The canonical number, or a worded 422 (nothing looked up, nothing logged)."""
    if req.id_type not in DOCUMENT_TYPES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "不支持的证件类型：{id_type}"),
            code="document.type", field="id_type", params={"id_type": req.id_type})
    return validate_document(req.id_type, req.id_no).number


def _reason(text: str) -> str:
    reason = " ".join(text.split())
    if len(reason) < 2:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "请写明查询的理由。"),
                              code="recall.reason", field="reason")
    return reason


def _answer(ctx: AppContext, who: StationPrincipal, req: PersonLookupRequest,
            address: str, *, full: bool) -> PersonRecord:
    _throttle(ctx, who, address)
    number, reason = _number(req), _reason(req.reason)
    kind = security.PERSON_REVEALED if full else security.PERSON_LOOKUP
    # One transaction: the access record stands or falls with the answer read in it.
    with ctx.db.write() as s:
        record, case_id = people.recall(s, req.id_type, number, full=full)
        outcome = "found" if record.found else "not found"
        security.record(s, kind, ctx.now(), username=req.clerk, station_code=who.station_code,
                        address=address, case_id=case_id,
                        detail=f"{_device(who)}; {outcome}; {reason}")
    return record


@router.post("/sync/people/lookup", response_model=PersonRecord, responses=ERRORS,
             summary="全区通办：按证件号码（请求体内）查询区内的申请人及其已核验证照（遮蔽，记入访问日志，限频）")
def lookup(ctx: Ctx, who: Station, req: PersonLookupRequest, request: Request) -> PersonRecord:
    return _answer(ctx, who, req, client_address(request), full=False)


@router.post("/sync/people/reveal", response_model=PersonRecord, responses=ERRORS,
             summary="全区通办：显示完整信息（写明理由，记入访问日志，限频）")
def reveal(ctx: Ctx, who: Station, req: PersonRevealRequest, request: Request) -> PersonRecord:
    return _answer(ctx, who, req, client_address(request), full=True)
