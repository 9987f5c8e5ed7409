"""Publishing the catalog and the calendar; each publication gets a new ETag.

The ETag is the sha256 of the canonical JSON of everything published, so two workers
(or two publications of the same content) always agree on it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.calendar import CalendarYear, dump_year_file
from clerk.cases.events import canonical_json
from clerk.catalog import Matter, matter_to_dict
from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from district.auth import naive
from district.calendar import settle_clock, work_calendar
from district.ledger import recompute_provisional
from district.models import Publication, PublishedMatter, PublishedYear


def _etag(items: list[Any]) -> str:
    return hashlib.sha256(canonical_json(items).encode("utf-8")).hexdigest()


def _set_etag(s: Session, kind: str, etag: str, now: datetime) -> None:
    row = s.get(Publication, kind)
    if row is None:
        s.add(Publication(kind=kind, etag=etag, published_at=naive(now)))
    else:
        row.etag, row.published_at = etag, naive(now)
    s.flush()


def current_etag(s: Session, kind: str) -> str:
    """The stored ETag (cheap: one row), or the ETag of nothing published yet."""
    return _etag_of(s.get(Publication, kind))


def _etag_of(row: Publication | None) -> str:
    return row.etag if row is not None else _etag([])


def catalog(s: Session) -> tuple[str, list[dict[str, Any]]]:
    rows = s.execute(select(PublishedMatter.data)
                     .order_by(PublishedMatter.code, PublishedMatter.version)).scalars()
    matters = [dict(r) for r in rows]
    return _etag(matters), matters


def calendar(s: Session) -> tuple[str, list[dict[str, Any]]]:
    rows = s.execute(select(PublishedYear.data).order_by(PublishedYear.year)).scalars()
    years = [dict(r) for r in rows]
    return _etag(years), years


# The announced workstation version and where to get it, kept in two `publications` rows
# (no new table: it is one value each, and a worker reads it with one query).
CLIENT_VERSION, CLIENT_WHERE = "client_version", "client_where"
MAX_WHERE = 64  # the publications row's column width


def client_version(s: Session) -> tuple[str, str, datetime | None]:
    return _version_of(s.get(Publication, CLIENT_VERSION), s.get(Publication, CLIENT_WHERE))


def _version_of(version: Publication | None, where: Publication | None
                ) -> tuple[str, str, datetime | None]:
    if version is None:
        return "", "", None
    return version.etag, where.etag if where is not None else "", version.published_at


@dataclass(frozen=True)
class Announcements:
    """What a station's round reads last of the publications (its who-am-I answers it)."""

    catalog_etag: str
    calendar_etag: str
    client_version: tuple[str, str, datetime | None]


def announcements(s: Session) -> Announcements:
    """The catalog's and the calendar's ETags and the announced version, as
    `current_etag` and `client_version` give them, from one query (the who-am-I starts
    every round of every PC)."""
    kinds = ("catalog", "calendar", CLIENT_VERSION, CLIENT_WHERE)
    rows = {r.kind: r for r in s.execute(
        select(Publication).where(Publication.kind.in_(kinds))).scalars()}
    return Announcements(_etag_of(rows.get("catalog")), _etag_of(rows.get("calendar")),
                         _version_of(rows.get(CLIENT_VERSION), rows.get(CLIENT_WHERE)))


def publish_client_version(s: Session, version: str, where: str, now: datetime) -> None:
    """Announce `version` of the workstation; stations show the notice, install nothing."""
    from clerk.version import parse_version

    parse_version(version)  # a worded refusal for anything but 1.2.3
    where = where.strip()
    if not where or len(where) > MAX_WHERE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "获取方式（--url）必须填写，最多 {limit} 个字符。"),
            code="client_version.where", field="url", params={"limit": str(MAX_WHERE)})
    _set_etag(s, CLIENT_VERSION, version, now)
    _set_etag(s, CLIENT_WHERE, where, now)


def publish_catalog(s: Session, matters: Sequence[Matter], now: datetime) -> dict[str, int]:
    """Add matter versions (the same version with other content is refused, as on stations)."""
    counts = {"added": 0, "unchanged": 0}
    for m in matters:
        data = matter_to_dict(m)
        row = s.get(PublishedMatter, (m.code, m.version))
        if row is not None:
            if row.data != data:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "事项 {code} 的版本 {version} 已发布过且内容不同；"
                                                "修改事项须提高版本号。"),
                    code="catalog.version_conflict", field="version",
                    params={"code": m.code, "version": m.version})
            counts["unchanged"] += 1
            continue
        s.add(PublishedMatter(code=m.code, version=m.version, data=data, published_at=naive(now)))
        counts["added"] += 1
    s.flush()
    _set_etag(s, "catalog", catalog(s)[0], now)
    return counts


def publish_calendar(s: Session, year: CalendarYear, now: datetime) -> int:
    """Publish (or replace) one year; provisional due dates are recomputed. Returns how
    many cases got a new due date."""
    data = json.loads(dump_year_file(year))
    row = s.get(PublishedYear, year.year)
    if row is None:
        s.add(PublishedYear(year=year.year, data=data, official=year.official,
                            published_at=naive(now)))
    else:
        row.data, row.official, row.published_at = data, year.official, naive(now)
    s.flush()
    _set_etag(s, "calendar", calendar(s)[0], now)  # first: pushes under way wait for it
    moved = recompute_provisional(s, work_calendar(s))
    settle_clock(s, now)  # supervision follows the calendar now published
    return moved
