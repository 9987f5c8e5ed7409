"""Wire schemas of the district staff views (review queue, supervision board, ratings and
follow-ups, period reports), shared by the district service and the workstation's
district mode.

Kept beside :mod:`wire.protocol` (same conventions: requests strict, responses tolerant of
fields added later) so the sync protocol's module stays about the sync protocol.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field

from wire.protocol import Request, Response

# --------------------------------------------------------------------------- review queue


class QueueRow(Response):
    """One light row of the reviewer queue (no personal data beyond a masked name)."""

    case_id: str
    case_no: str
    station_code: str
    station_name: str
    matter_code: str
    matter_name: str
    state: str
    owner: str
    proxy_agent: str | None
    applicant: str  # masked: the surname and one mark per further character
    accepted_at: datetime | None
    due_date: date | None
    due_provisional: bool
    level: str | None  # normal | yellow | red | paused; None when no clock runs
    days_left: int | None  # working days after today up to the due date (negative: overdue)
    version: int
    updated_at: datetime
    steps: int = 0  # proxy steps recorded
    last_step: str = ""


class QueuePage(Response):
    rows: list[QueueRow]
    total: int
    next_cursor: str | None
    today: date


class Named(Response):
    code: str
    name: str


class StaffName(Response):
    username: str
    display_name: str


class Facets(Response):
    """What the queue's filters and the assign form offer."""

    stations: list[Named]
    matters: list[Named]
    proxies: list[StaffName]
    me: StaffName
    role: str
    staff: list[StaffName] = Field(default_factory=list)  # everyone, active or not


# --------------------------------------------------------------------------- supervision board


class LevelCounts(Response):
    """Supervised cases of one station or matter by level."""

    code: str
    name: str
    yellow: int = 0
    red: int = 0
    normal: int = 0
    paused: int = 0


class StationActivity(Response):
    code: str
    name: str
    last_push_at: datetime | None  # the last push that delivered something
    last_pull_at: datetime | None
    last_contact_at: datetime | None
    stale: bool  # no contact for longer than the board's threshold (or never)
    revoked: bool = False


class BoardResponse(Response):
    today: date
    stale_hours: int
    counts: dict[str, int]  # normal / yellow / red / paused
    by_station: list[LevelCounts]
    by_matter: list[LevelCounts]
    stations: list[StationActivity]
    flagged_notices: int = 0
    bad_ratings_open: int = 0
    overdue_promises: int = 0  # 容缺后补 materials still awaited after their promise date


# --------------------------------------------------------------------------- ratings


class RatingGroup(Response):
    code: str
    name: str
    counts: dict[str, int]  # "1".."5" -> number of ratings
    total: int
    bad: int  # 1 and 2
    average: float | None
    # clerk.ratings.RatingChannel value -> number of ratings (device, phone, clerk_on_behalf)
    channels: dict[str, int] = Field(default_factory=dict)


class RatingsResponse(Response):
    since: date | None
    until: date | None
    overall: RatingGroup
    by_station: list[RatingGroup]
    by_matter: list[RatingGroup]


class FollowupItem(Response):
    """A bad rating (差评) and its follow-up: due 15 working days after the rating."""

    case_id: str
    case_no: str
    station_code: str
    station_name: str
    matter_name: str
    score: int
    comment: str
    rated_on: date
    deadline: date
    days_left: int  # working days after today up to the deadline (negative: late)
    owner: str
    rectification: str
    call_record: str
    done: bool
    done_on: date | None
    updated_by: str
    updated_at: datetime | None
    status: str  # open | overdue | done | late_done
    channel: str = "device"  # clerk.ratings.RatingChannel value
    entered_by: str = ""  # the clerk who keyed it in for the citizen (clerk_on_behalf)


class FollowupList(Response):
    today: date
    items: list[FollowupItem]
    open: int
    overdue: int
    done: int


Text500 = Annotated[str, Field(max_length=500)]
Text2000 = Annotated[str, Field(max_length=2000)]


class FollowupUpdate(Request):
    """The owner, the rectification and the follow-up call; `done` closes the item."""

    owner: Annotated[str, Field(max_length=50)] = ""
    rectification: Text2000 = ""
    call_record: Text2000 = ""
    done: bool = False


# --------------------------------------------------------------------------- period reports


class ReportLine(Response):
    code: str
    name: str
    accepted: int = 0
    completed: int = 0
    on_time: int = 0
    overdue: int = 0
    average_days: float | None = None  # working days from acceptance to the finish


class PeriodReport(Response):
    since: date
    until: date
    generated_at: datetime
    by_station: list[ReportLine]
    by_matter: list[ReportLine]
    total: ReportLine
    # Ratings recorded in the period (one per case) by clerk.ratings.RatingChannel value
    rating_channels: dict[str, int] = Field(default_factory=dict)


# --------------------------------------------------------------------------- security log


class SecurityEventItem(Response):
    """One entry of the security event log (never an applicant's personal data)."""

    id: int
    at: datetime
    kind: str  # login.ok | login.failed | login.throttled | logout | record.viewed | ...
    username: str | None  # the staff user (None for an unknown name or the command line)
    station_code: str | None
    address: str | None  # the client address
    case_id: str | None  # a full-record view: which case
    detail: str  # a full-record view: the reason given


class SecurityEventPage(Response):
    items: list[SecurityEventItem]  # newest first
    next_before: int | None  # pass as `before` for the next (older) page
