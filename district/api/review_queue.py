"""Staff endpoints of the reviewer queue: filtered, keyset-paged light rows, and the
choices its filters and the assign form offer."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import select

from clerk.cases.states import State
from clerk.errors import QT_TRANSLATE_NOOP
from clerk.timeutil import local_date
from district.api.deps import Ctx, Staff
from district.calendar import work_calendar
from district.errors import ApiError
from district.models import StaffUser
from district.oversight import matter_names, station_names
from district.review import Judge, LevelWanted, QueueFilter, Scope, Sort, queue_page
from wire.protocol import USERNAME_PATTERN, ErrorBody
from wire.staff import Facets, Named, QueuePage, StaffName

router = APIRouter(tags=["review"], prefix="/review")
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 422: {"model": ErrorBody}}


@router.get("/queue", response_model=QueuePage, responses=ERRORS,
            summary="审核队列：按站点、事项、状态、到期日、督办等级筛选，游标分页")
def queue(ctx: Ctx, who: Staff,
          scope: Scope = Scope.REVIEW,
          state: Annotated[State | None, Query(description="在范围内再按状态筛选")] = None,
          station_code: Annotated[str | None, Query(pattern=r"^\d{12}$")] = None,
          matter_code: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
          proxy_agent: Annotated[str | None, Query(pattern=USERNAME_PATTERN)] = None,
          due_from: date | None = None, due_to: date | None = None,
          level: LevelWanted | None = None,
          case_no: Annotated[str, Query(max_length=40, pattern=r"^[0-9A-Za-z-]*$")] = "",
          sort: Sort = Sort.DUE,
          cursor: Annotated[str | None, Query(max_length=120)] = None,
          limit: Annotated[int, Query(ge=1, le=200)] = 50) -> QueuePage:
    f = QueueFilter(scope=scope, state=state.value if state else None,
                    station_code=station_code, matter_code=matter_code,
                    proxy_agent=proxy_agent, due_from=due_from, due_to=due_to, level=level,
                    case_no=case_no)
    with ctx.db.read() as s:
        judge = Judge.build(work_calendar(s), local_date(ctx.now()), ctx.settings.yellow_ratio)
        try:
            return queue_page(s, f, me=who.username, judge=judge, sort=sort, cursor=cursor,
                              limit=limit)
        except ValueError:
            raise ApiError(
                422, "queue.cursor",
                QT_TRANSLATE_NOOP("errors", "翻页游标无效；请从第一页重新加载。")) from None


@router.get("/facets", response_model=Facets, responses=ERRORS,
            summary="队列筛选项：站点、事项、在岗代办员，以及当前用户")
def facets(ctx: Ctx, who: Staff) -> Facets:
    with ctx.db.read() as s:
        users = s.execute(select(StaffUser.username, StaffUser.display_name, StaffUser.role,
                                 StaffUser.active).order_by(StaffUser.username)).all()
        stations = station_names(s)
        matters = matter_names(s)
    me = next((StaffName(username=u, display_name=d) for u, d, _, _ in users
               if u == who.username), StaffName(username=who.username,
                                                display_name=who.username))
    return Facets(
        stations=[Named(code=c, name=n) for c, n in sorted(stations.items())],
        matters=[Named(code=c, name=n) for c, n in sorted(matters.items(), key=lambda x: x[1])],
        proxies=[StaffName(username=u, display_name=d) for u, d, role, active in users
                 if role == "proxy" and active],
        # Every staff member, for the timeline's names (it shows 李审, not li.shen).
        staff=[StaffName(username=u, display_name=d) for u, d, _, _ in users],
        me=me, role=who.role)
