"""Wire schemas of the district administration (stations and devices, accounts,
publishing the catalog and the calendar), shared by the district service and the
workstation's district mode. Same conventions as :mod:`wire.protocol`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from wire.protocol import Request, Response

# --------------------------------------------------------------------------- stations


class StationItem(Response):
    code: str
    name: str
    created_at: datetime
    revoked_at: datetime | None = None
    devices: int  # live device tokens
    last_contact_at: datetime | None = None  # last push or pull of any of its devices


class DeviceItem(Response):
    name: str
    number: int | None
    created_at: datetime
    revoked_at: datetime | None = None


# --------------------------------------------------------------------------- accounts


class AccountItem(Response):
    username: str
    display_name: str
    role: str
    active: bool
    must_change_password: bool = False
    created_at: datetime


class PasswordReset(Response):
    """The one-time password, shown to the admin once; the user must replace it."""

    username: str
    password: str


class ChangePasswordRequest(Request):
    old_password: Annotated[str, Field(min_length=1, max_length=200)]
    new_password: Annotated[str, Field(min_length=1, max_length=200)]


# --------------------------------------------------------------------------- publishing


PublicationKind = Literal["catalog", "calendar"]


class PublishRequest(Request):
    """A catalog or year file as the admin chose it (its text, UTF-8)."""

    kind: PublicationKind
    file_name: Annotated[str, Field(max_length=200)] = ""
    content: Annotated[str, Field(min_length=1, max_length=8_000_000)]


class WordedText(Response):
    """A change in words as its template (translation context "catalog_changes") and
    values, a value being text or another WordedText: the workstation words it in its
    interface language; ``MatterChange.details`` carries the same in Chinese."""

    template: str
    params: dict[str, WordedText | str] = Field(default_factory=dict)


class MatterChange(Response):
    code: str
    name: str
    change: str  # added | new_version | unchanged | conflict | absent
    published_version: int | None = None
    file_version: int | None = None
    # worded: materials added/removed/changed, limits changed
    details: list[str] = Field(default_factory=list)
    # the same, as templates and values (a district before this field sends none)
    parts: list[WordedText] = Field(default_factory=list)


class YearChange(Response):
    year: int
    change: str  # added | replaced | unchanged
    official: bool
    days: int
    published_days: int | None = None
    was_official: bool | None = None


class PublishPreview(Response):
    kind: str
    ok: bool  # nothing is wrong: the file may be published
    # every problem found (nothing is published with one), in Chinese
    problems: list[str] = Field(default_factory=list)
    # the same problems as templates and values, for the workstation's language (absent
    # from a district of an earlier version)
    problem_parts: list[WordedText] = Field(default_factory=list)
    matters: list[MatterChange] = Field(default_factory=list)
    years: list[YearChange] = Field(default_factory=list)


class PublishResult(Response):
    kind: str
    summary: str
    moved_due_dates: int = 0
