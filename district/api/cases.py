"""Staff endpoints on cases: list, detail, timeline, actions, follow-ups.

Every action names the version it was decided on; a stale one is answered with 409.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from sqlalchemy import func, select

from clerk.calendar import Level
from clerk.cases.record import CaseRecord
from clerk.cases.states import EventType, State
from clerk.cases.supervision import case_level
from clerk.errors import QT_TRANSLATE_NOOP
from clerk.timeutil import day_bounds_utc, local_date
from district import actions, privacy, security, snapshots
from district.actions import PayloadBuilder
from district.api.auth import client_address
from district.api.deps import Ctx, Staff
from district.api.views import case_detail, case_summary, events_of
from district.auth import StaffPrincipal, naive
from district.calendar import work_calendar
from district.errors import ApiError
from district.models import CaseRow, Followup
from wire.protocol import (
    USERNAME_PATTERN,
    UUID_PATTERN,
    ApproveRequest,
    AssignRequest,
    CaseDetail,
    CaseEvents,
    CaseList,
    CommentRequest,
    DenyRequest,
    ErrorBody,
    FollowupRequest,
    ProxyStepRequest,
    ReturnRequest,
    RevealRequest,
    SpecialEndRequest,
    SpecialStartRequest,
    TakeRequest,
)

router = APIRouter(tags=["cases"], prefix="/cases")
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 404: {"model": ErrorBody},
    409: {"model": ErrorBody}, 422: {"model": ErrorBody}}
StateFilter = Annotated[State | None, Query(description="按状态筛选")]
CaseId = Annotated[str, PathParam(pattern=UUID_PATTERN, description="案件 UUID")]


@router.get("", response_model=CaseList, responses=ERRORS, summary="案件列表（区中心工作人员）")
def list_cases(ctx: Ctx, who: Staff, state: StateFilter = None,
               station_code: Annotated[str | None, Query(pattern=r"^\d{12}$")] = None,
               proxy_agent: Annotated[str | None, Query(pattern=USERNAME_PATTERN)] = None,
               matter_code: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
               accepted_from: Annotated[date | None, Query(
                   description="受理日期（北京时间）不早于")] = None,
               accepted_to: Annotated[date | None, Query(
                   description="受理日期（北京时间）不晚于")] = None,
               limit: Annotated[int, Query(ge=1, le=500)] = 100,
               offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> CaseList:
    q = select(CaseRow)
    if state is not None:
        q = q.where(CaseRow.state == state.value)
    if station_code is not None:
        q = q.where(CaseRow.station_code == station_code)
    if matter_code is not None:
        q = q.where(CaseRow.matter_code == matter_code)
    # The accepted-date range the period report's 受理 column counts (Beijing days).
    if accepted_from is not None:
        q = q.where(CaseRow.accepted_at >= day_bounds_utc(accepted_from)[0])
    if accepted_to is not None:
        q = q.where(CaseRow.accepted_at < day_bounds_utc(accepted_to)[1])
    if proxy_agent is not None:
        q = q.where(CaseRow.proxy_agent == proxy_agent)
    with ctx.db.read() as s:
        total = s.execute(select(func.count()).select_from(q.subquery())).scalar_one()
        rows = s.execute(q.order_by(CaseRow.updated_at.desc(), CaseRow.id)
                         .limit(limit).offset(offset)).scalars()
        return CaseList(cases=[case_summary(r) for r in rows], total=int(total))


def _row(ctx: Ctx, case_id: str) -> CaseRow:
    with ctx.db.read() as s:
        row = s.get(CaseRow, case_id)
    if row is None:
        raise ApiError(404, "case.unknown", QT_TRANSLATE_NOOP("errors", "没有这个案件。"))
    return row


def _detail(ctx: Ctx, who: StaffPrincipal, case_id: str, *, why: str | None = None,
            address: str | None = None) -> CaseDetail:
    """A case's detail as this staff member may see it: masked, unless the case is
    assigned to them (a proxy agent) or they asked for the full record (`why`). Every
    full detail handed out is logged (a reveal in the same transaction that reads it)."""
    with ctx.db.write() if why is not None else ctx.db.read() as s:
        row = s.get(CaseRow, case_id)
        if row is None:
            raise ApiError(404, "case.unknown", QT_TRANSLATE_NOOP("errors", "没有这个案件。"))
        rec = CaseRecord.from_dict(snapshots.row_data(s, row.data, row.matter_ref))
        level: Level | None = case_level(rec, work_calendar(s), local_date(ctx.now()),
                                         ctx.settings.yellow_ratio)
        detail = case_detail(s, row, level.value if level else None)
        if why is not None:
            security.record(s, security.RECORD_VIEWED, ctx.now(), username=who.username,
                            case_id=row.id, address=address, detail=why)
            return detail
    if privacy.entitled(who, detail.proxy_agent):
        security.record_now(ctx.db, security.RECORD_VIEWED, ctx.now(), username=who.username,
                            case_id=case_id, detail=ASSIGNED)
        return detail
    return detail.model_copy(update={"record": privacy.masked(detail.record), "masked": True})


ASSIGNED = "assigned to this proxy agent"  # the reason logged for a proxy's own case


@router.get("/{case_id}", response_model=CaseDetail, responses=ERRORS,
            summary="案件详情（证件号码、电话已遮蔽，代办员本人受托的案件除外）")
def get_case(ctx: Ctx, who: Staff, case_id: CaseId) -> CaseDetail:
    return _detail(ctx, who, case_id)


@router.post("/{case_id}/reveal", response_model=CaseDetail, responses=ERRORS,
             summary="显示完整号码：写明理由，记入访问日志，返回完整案件记录")
def reveal(ctx: Ctx, who: Staff, case_id: CaseId, req: RevealRequest,
           request: Request) -> CaseDetail:
    row = _row(ctx, case_id)
    if who.role == "proxy" and not privacy.entitled(who, row.proxy_agent):
        raise ApiError(
            403, "forbidden.not_assigned",
            QT_TRANSLATE_NOOP("errors", "代办员只能查看指派给本人的案件的完整记录。"))
    reason = " ".join(req.reason.split())
    if len(reason) < 2:
        raise ApiError(422, "reveal.reason",
                       QT_TRANSLATE_NOOP("errors", "请写明查看完整号码的理由。"))
    return _detail(ctx, who, case_id, why=reason, address=client_address(request))


@router.get("/{case_id}/events", response_model=CaseEvents, responses=ERRORS,
            summary="案件时间线（全部事件；证件号码、电话一律遮蔽，完整记录见 reveal）")
def get_case_events(ctx: Ctx, who: Staff, case_id: CaseId) -> CaseEvents:
    # Masked for everyone: a timeline is read for what happened, not for whom, and one
    # place handing out full records (the detail) is one place to log them.
    row = _row(ctx, case_id)
    with ctx.db.read() as s:
        events = events_of(s, row.id)
    return CaseEvents(events=[e.model_copy(update={"payload": privacy.masked(e.payload)})
                              for e in events.events])


def _act(ctx: Ctx, who: Staff, case_id: str, expected: int, etype: EventType,
         build: PayloadBuilder) -> CaseDetail:
    actions.perform(ctx.db, who, case_id, expected, etype, build, ctx.now())
    return _detail(ctx, who, case_id)


@router.post("/{case_id}/take", response_model=CaseDetail, responses=ERRORS, summary="接件")
def take(ctx: Ctx, who: Staff, case_id: CaseId, req: TakeRequest) -> CaseDetail:
    return _act(ctx, who, case_id, req.expected_version, EventType.TAKEN, actions.fixed({}))


@router.post("/{case_id}/assign", response_model=CaseDetail, responses=ERRORS,
             summary="指派代办员")
def assign(ctx: Ctx, who: Staff, case_id: CaseId, req: AssignRequest) -> CaseDetail:
    return _act(ctx, who, case_id, req.expected_version, EventType.ASSIGNED,
                actions.assign_payload(req.proxy_agent))


@router.post("/{case_id}/proxy-step", response_model=CaseDetail, responses=ERRORS,
             summary="记录代办进展")
def proxy_step(ctx: Ctx, who: Staff, case_id: CaseId, req: ProxyStepRequest) -> CaseDetail:
    return _act(ctx, who, case_id, req.expected_version, EventType.PROXY_STEP,
                actions.fixed({"step": req.step.strip(), "note": req.note.strip()}))


@router.post("/{case_id}/return", response_model=CaseDetail, responses=ERRORS,
             summary="退回补正（列明需补正的材料）")
def return_case(ctx: Ctx, who: Staff, case_id: CaseId, req: ReturnRequest) -> CaseDetail:
    items = [i.model_dump() for i in req.items]
    return _act(ctx, who, case_id, req.expected_version, EventType.RETURNED,
                actions.return_payload(items, req.note, ctx.now()))


@router.post("/{case_id}/special/start", response_model=CaseDetail, responses=ERRORS,
             summary="特别程序开始（公示、听证、专家评审；不计时）")
def special_start(ctx: Ctx, who: Staff, case_id: CaseId, req: SpecialStartRequest) -> CaseDetail:
    return _act(ctx, who, case_id, req.expected_version, EventType.SPECIAL_STARTED,
                actions.fixed({"procedure": req.procedure.strip()}))


@router.post("/{case_id}/special/end", response_model=CaseDetail, responses=ERRORS,
             summary="特别程序结束（到期日顺延）")
def special_end(ctx: Ctx, who: Staff, case_id: CaseId, req: SpecialEndRequest) -> CaseDetail:
    return _act(ctx, who, case_id, req.expected_version, EventType.SPECIAL_ENDED,
                actions.special_end_payload(req.result, ctx.now()))


@router.post("/{case_id}/approve", response_model=CaseDetail, responses=ERRORS,
             summary="准予")
def approve(ctx: Ctx, who: Staff, case_id: CaseId, req: ApproveRequest) -> CaseDetail:
    return _act(ctx, who, case_id, req.expected_version, EventType.APPROVED,
                actions.fixed({"text": req.text.strip(), "doc_no": req.doc_no.strip()}))


@router.post("/{case_id}/deny", response_model=CaseDetail, responses=ERRORS,
             summary="不予批准（写明理由）")
def deny(ctx: Ctx, who: Staff, case_id: CaseId, req: DenyRequest) -> CaseDetail:
    if not req.reason.strip():
        raise ApiError(422, "deny.reason", QT_TRANSLATE_NOOP("errors", "不予批准必须写明理由。"))
    return _act(ctx, who, case_id, req.expected_version, EventType.DENIED,
                actions.fixed({"reason": req.reason.strip()}))


@router.post("/{case_id}/comment", response_model=CaseDetail, responses=ERRORS,
             summary="留言（区中心负责时记入案件序列，否则作为留言同步给站点）")
def comment(ctx: Ctx, who: Staff, case_id: CaseId, req: CommentRequest) -> CaseDetail:
    if not req.text.strip():
        raise ApiError(422, "comment.empty", QT_TRANSLATE_NOOP("errors", "留言不能为空。"))
    actions.comment(ctx.db, who, case_id, req.expected_version, req.text.strip(), ctx.now())
    return _detail(ctx, who, case_id)


@router.post("/{case_id}/followup", response_model=CaseDetail, responses=ERRORS,
             summary="差评整改：记录回访与整改情况")
def followup(ctx: Ctx, who: Staff, case_id: CaseId, req: FollowupRequest) -> CaseDetail:
    if who.role not in ("reviewer", "admin"):
        raise ApiError(
            403, "forbidden.role",
            QT_TRANSLATE_NOOP("errors", "只有审核人员或管理员可以记录差评整改。"))
    with ctx.db.write() as s:
        row = s.get(CaseRow, case_id)
        if row is None:
            raise ApiError(404, "case.unknown", QT_TRANSLATE_NOOP("errors", "没有这个案件。"))
        if row.rating is None or row.rating > 2:
            raise ApiError(
                409, "followup.not_bad",
                QT_TRANSLATE_NOOP("errors", "该案件没有差评，无需整改。"))
        s.add(Followup(case_id=case_id, text=req.text.strip(), rectified=req.rectified,
                       by=who.username, at=naive(ctx.now())))
    return _detail(ctx, who, case_id)
