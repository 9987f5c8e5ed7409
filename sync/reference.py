"""Catalog and calendar from the district: conditional GETs, applied atomically.

A new catalog is validated in full before anything is stored and then imported in one
transaction with its ETag; a calendar update stores every changed year, recomputes the
provisional due dates and saves the ETag in one transaction too. A file that fails
validation changes nothing and is reported: the station keeps the version it has, the
round goes on, the refusal is one of the round's problems (and is told to the district,
sync.engine), and the same publication is fetched and judged again next round until the
district replaces it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol, Self, TypeVar

from pydantic import ValidationError as PydanticValidationError
from sqlalchemy.orm import Session

from apiclient.http import AuthError, SyncError, TransportError
from clerk import calendar_store, catalog_store
from clerk.calendar import CalendarYear, parse_year_file
from clerk.cases.clock import settle_clock
from clerk.cases.due import refresh as refresh_dues
from clerk.catalog import matter_from_dict
from clerk.errors import StationDeskError
from clerk.options import (
    SYNC_CALENDAR_ETAG,
    SYNC_CATALOG_ETAG,
    SYNC_CLIENT_VERSION,
    SYNC_CLIENT_WHERE,
)
from clerk.store.models import Setting
from clerk.workspace import Workspace
from sync.client import DistrictClient
from wire.protocol import (
    CalendarResponse,
    CatalogResponse,
    ClientVersionResponse,
    DeviceInfo,
    WhoAmI,
)

CATALOG_ETAG = SYNC_CATALOG_ETAG.key  # declared in clerk.options
CALENDAR_ETAG = SYNC_CALENDAR_ETAG.key
CLIENT_VERSION = SYNC_CLIENT_VERSION.key  # the workstation version the district announces
CLIENT_WHERE = SYNC_CLIENT_WHERE.key  # and where to get it


@dataclass
class ReferenceReport:
    catalog_changed: bool = False
    matters_added: int = 0
    calendar_changed: bool = False
    years: tuple[int, ...] = ()
    due_recomputed: int = 0
    # Publications this station could not apply: {"what": "catalog"|"calendar",
    # "etag": ..., "reason": the refusal in words}.
    refused: list[dict[str, str]] = field(default_factory=list)


class ReferenceSource(Protocol):
    """The district's answers a round reads last (DistrictClient, or `ReadsAhead`)."""

    def devices(self) -> list[DeviceInfo]: ...
    def catalog(self, etag: str = "") -> tuple[str, CatalogResponse | None]: ...
    def calendar(self, etag: str = "") -> tuple[str, CalendarResponse | None]: ...
    def client_version(self) -> ClientVersionResponse | None: ...


_T = TypeVar("_T")


class ReadsAhead:
    """The round's last four reads (the station's devices, the catalog and the calendar
    if changed, the announced version) sent together, answered as `ReferenceSource`;
    for a district whose who-am-I does not answer them (`Announced`).

    Each waits some 5 ms on the district (its token check and its own read), and in
    turn they were a third of a round with nothing to do; sent at once they cost about
    one. The answers are still used one after another in the round's order, and a
    read's error is raised where its answer is asked for, as if it had been sent then.
    A question other than the one sent ahead (another ETag) goes to the district.
    """

    def __init__(self, ws: Workspace, client: DistrictClient) -> None:
        with ws.store.read() as s:
            self._etags = {"catalog": _get(s, CATALOG_ETAG), "calendar": _get(s, CALENDAR_ETAG)}
        self._client = client
        self._pool = ThreadPoolExecutor(4, thread_name_prefix="sync-reads")
        self._devices = self._pool.submit(client.devices)
        self._catalog = self._pool.submit(client.catalog, self._etags["catalog"])
        self._calendar = self._pool.submit(client.calendar, self._etags["calendar"])
        self._version = self._pool.submit(client.client_version)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        # A round ended early still waits for the reads in flight (bounded by the
        # client's timeouts): no thread outlives the round that started it.
        self._pool.shutdown(wait=True, cancel_futures=True)

    def devices(self) -> list[DeviceInfo]:
        return self._devices.result()

    def catalog(self, etag: str = "") -> tuple[str, CatalogResponse | None]:
        return self._answer("catalog", etag, self._catalog, self._client.catalog)

    def calendar(self, etag: str = "") -> tuple[str, CalendarResponse | None]:
        return self._answer("calendar", etag, self._calendar, self._client.calendar)

    def client_version(self) -> ClientVersionResponse | None:
        return self._version.result()

    def _answer(self, what: str, etag: str, sent: Future[_T],
                ask: Callable[[str], _T]) -> _T:
        return sent.result() if etag == self._etags[what] else ask(etag)


class Announced:
    """The round's last reads as the who-am-I that started it answered them: the devices
    and the announced version as told, the catalog or the calendar asked for only when
    the ETag the district named differs from the one the station holds. A round with
    nothing new sends no request here."""

    def __init__(self, who: WhoAmI, client: DistrictClient) -> None:
        assert who.devices is not None and who.client_version is not None
        self._devices = who.devices
        self._version = who.client_version
        self._etags = {"catalog": who.catalog_etag, "calendar": who.calendar_etag}
        self._client = client

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        pass

    def devices(self) -> list[DeviceInfo]:
        return list(self._devices)

    def catalog(self, etag: str = "") -> tuple[str, CatalogResponse | None]:
        if etag == self._etags["catalog"]:
            return etag, None
        return self._client.catalog(etag)

    def calendar(self, etag: str = "") -> tuple[str, CalendarResponse | None]:
        if etag == self._etags["calendar"]:
            return etag, None
        return self._client.calendar(etag)

    def client_version(self) -> ClientVersionResponse | None:
        return self._version


def last_reads(ws: Workspace, client: DistrictClient, who: WhoAmI) -> Announced | ReadsAhead:
    """What the round reads last: from the who-am-I's answer when the district gave it
    all, else asked (together) of a district that predates it."""
    if (who.devices is None or who.client_version is None or who.catalog_etag is None
            or who.calendar_etag is None):
        return ReadsAhead(ws, client)
    return Announced(who, client)


def _get(s: Session, key: str) -> str:
    row = s.get(Setting, key)
    return row.value if row is not None else ""


def _put(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


def update_catalog(ws: Workspace, client: ReferenceSource, report: ReferenceReport) -> None:
    with ws.store.read() as s:
        etag = _get(s, CATALOG_ETAG)
    new_etag = ""
    try:
        new_etag, body = client.catalog(etag)
        if body is None or new_etag == etag:
            return
        matters = [matter_from_dict(m, source_name="区中心事项目录") for m in body.matters]
    except (StationDeskError, PydanticValidationError, RecursionError) as exc:
        report.refused.append(_refusal("catalog", exc, new_etag))
        return
    except SyncError as exc:
        if exc.code != "bad_response":
            raise
        report.refused.append(_refusal("catalog", exc, new_etag))
        return
    with ws.store.write() as s:
        counts = catalog_store.import_matters(s, matters, source="district", now=ws.now())
        _put(s, CATALOG_ETAG, new_etag)
    report.catalog_changed = True
    report.matters_added = counts["added"]


def update_calendar(ws: Workspace, client: ReferenceSource, report: ReferenceReport) -> None:
    with ws.store.read() as s:
        etag = _get(s, CALENDAR_ETAG)
    new_etag = ""
    try:
        new_etag, body = client.calendar(etag)
        if body is None or new_etag == etag:
            return
        years = [parse_year_file(json.dumps(y, ensure_ascii=False), source_name="区中心节假日")
                 for y in body.years]
    except (StationDeskError, PydanticValidationError, RecursionError, ValueError) as exc:
        report.refused.append(_refusal("calendar", exc, new_etag))
        return
    except SyncError as exc:
        if exc.code != "bad_response":
            raise
        report.refused.append(_refusal("calendar", exc, new_etag))
        return
    # The local years are read only now: most rounds get 304 and never need them, and
    # they are compared inside the write so nothing can change between read and store.
    with ws.store.write() as s:
        local = {y.year: y for y in calendar_store.load_years(s)}
        changed = [y for y in years if _differs(local.get(y.year), y)]
        for y in changed:
            calendar_store.store_year(s, y, now=ws.now())
        if changed:
            cal = calendar_store.build_calendar(s)
            report.due_recomputed = refresh_dues(s, cal, now=ws.now())
            settle_clock(s, cal)  # the returned cases' clocks follow the new calendar
        _put(s, CALENDAR_ETAG, new_etag)
    ws._calendar = None  # the workspace rebuilds its calendar from the new data
    report.calendar_changed = bool(changed)
    report.years = tuple(y.year for y in changed)


def update_client_version(ws: Workspace, client: ReferenceSource) -> None:
    """Remember the version the district announces (the window compares it with ours).

    Best effort: a district without the endpoint, or an answer we cannot read, leaves the
    previous notice as it was and does not fail the round; nothing is downloaded.
    """
    try:
        answer = client.client_version()
    except (AuthError, TransportError):
        raise  # the round's own failure, worded by sync_round
    except SyncError:  # refused or unreadable: no notice this round
        return
    if answer is None:
        return
    version, where = answer.version[:40], answer.where[:200]
    with ws.store.read() as s:  # nearly every round: the same as last time, nothing to write
        if (_get(s, CLIENT_VERSION), _get(s, CLIENT_WHERE)) == (version, where):
            return
    with ws.store.write() as s:
        _put(s, CLIENT_VERSION, version)
        _put(s, CLIENT_WHERE, where)


def _refusal(what: str, exc: BaseException, etag: str) -> dict[str, str]:
    if isinstance(exc, StationDeskError | SyncError):
        reason = exc.message
    elif isinstance(exc, RecursionError):
        reason = "嵌套过深"
    else:
        reason = f"格式不符（{type(exc).__name__}）"
    return {"what": what, "etag": etag, "reason": reason}


def _differs(old: CalendarYear | None, new: CalendarYear) -> bool:
    if old is None:
        return True
    key = [(d.day, d.kind, d.name) for d in old.days]
    return (old.official, old.source, key) != (new.official, new.source,
                                                [(d.day, d.kind, d.name) for d in new.days])
