"""Wire schemas of 全区通办 recall: a station asks the district about a person by ID number.

The ID number travels in the request BODY only (never in a URL, which proxies and
access logs keep). The first answer is masked (name, number, phone); the full record
comes from a second call with a reason, and both are written to the district's access
log (district.security) without the number itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from wire.protocol import USERNAME_PATTERN, Request, Response

IdTypeField = Annotated[str, Field(min_length=2, max_length=32, pattern=r"^[a-z_]+$")]
IdNoField = Annotated[str, Field(min_length=1, max_length=40)]
ReasonField = Annotated[str, Field(min_length=2, max_length=200)]
ClerkField = Annotated[str, Field(pattern=USERNAME_PATTERN)]


class PersonLookupRequest(Request):
    """全区通办 lookup: who is asking (the clerk at the device), about whom, and why."""

    id_type: IdTypeField = "resident_id"
    id_no: IdNoField
    clerk: ClerkField
    reason: ReasonField


class PersonRevealRequest(PersonLookupRequest):
    """Opening the full record (显示完整信息) of a person found by a lookup."""


class RecalledDocument(Response):
    """A document a clerk somewhere in the district verified (where and when)."""

    material_key: str
    name: str
    station_code: str
    station_name: str
    verified_at: datetime


class PersonRecord(Response):
    """A person as the district knows them: masked (`masked` true) or whole."""

    found: bool
    masked: bool = True
    id_type: str = ""
    id_no: str = ""
    name: str = ""
    mobile: str = ""
    address: str = ""  # only in the full record
    station_name: str = ""  # where the person was last served
    last_seen: datetime | None = None
    documents: list[RecalledDocument] = Field(default_factory=list)
