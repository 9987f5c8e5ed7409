"""The station's HTTP client of the district service, on the shared plumbing of
:mod:`apiclient.http` (TLS verified by default, timeouts, the server's error codes kept).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from apiclient.http import ApiClient, SyncError
from clerk.errors import QT_TRANSLATE_NOOP
from wire.people import PersonLookupRequest, PersonRecord, PersonRevealRequest
from wire.protocol import (
    BlobInfo,
    CalendarResponse,
    CatalogResponse,
    ClientVersionResponse,
    DeviceInfo,
    EnrollRequest,
    EnrollResponse,
    LedgerResponse,
    PullResponse,
    PushResponse,
    StationInfo,
    WhoAmI,
)


@dataclass(frozen=True)
class Fetched:
    """A conditional GET's outcome: `None` body when the ETag still matched (304)."""

    etag: str
    body: dict[str, Any] | None


class DistrictClient(ApiClient):
    """The station's device: enrollment, push, pull, ledger, blobs, catalog and calendar."""

    USER_AGENT = "StationDesk-sync/1"

    # --- API ---------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        return self._parse_object(self._check(self._request("GET", "/health")))

    def enroll(self, station_code: str, enrollment_code: str, *, device_name: str = "",
               device_no: int = 1, device_key: str = "") -> EnrollResponse:
        body = EnrollRequest(station_code=station_code, enrollment_code=enrollment_code,
                             device_name=device_name, device_no=device_no,
                             device_key=device_key)
        # A code is spent by the first request that reaches the server; with a device key
        # the district answers this device's retry with a fresh token, so a lost answer
        # may be retried. Without a key it may not.
        resp = self._request("POST", "/enroll", json=body.model_dump(),
                             retry=bool(device_key))
        return self._parse(EnrollResponse, self._check(resp))

    def whoami(self, reads: tuple[str, ...] | None = None) -> WhoAmI:
        """Whose token this is; with `reads`, also tell the district which event forms
        this software reads (the round's start does; a check that only asks does not)."""
        params = None if reads is None else {"reads": ",".join(reads)}
        return self._parse(WhoAmI, self._check(self._request("GET", "/sync/whoami",
                                                             params=params)))

    def devices(self) -> list[DeviceInfo]:
        return self._parse_list(DeviceInfo, self._check(self._request("GET", "/station/devices")))

    def station(self) -> StationInfo:
        return self._parse(StationInfo, self._check(self._request("GET", "/station")))

    def push_raw(self, body: bytes) -> PushResponse:
        """Push an already serialised request (the outbox builds JSON directly, fast)."""
        resp = self._request("POST", "/sync/push", data=body,
                             headers={"Content-Type": "application/json"})
        return self._parse(PushResponse, self._check(resp))

    def pull(self, cursor: int, limit: int = 500) -> PullResponse:
        resp = self._request("GET", "/sync/pull", params={"cursor": cursor, "limit": limit})
        return self._parse(PullResponse, self._check(resp))

    def ledger(self) -> LedgerResponse:
        return self._parse(LedgerResponse, self._check(self._request("GET", "/sync/ledger")))

    def lookup_person(self, req: PersonLookupRequest) -> PersonRecord:
        """全区通办: the person with this number, masked (the number goes in the body)."""
        resp = self._request("POST", "/sync/people/lookup", json=req.model_dump(), retry=False)
        return self._parse(PersonRecord, self._check(resp))

    def reveal_person(self, req: PersonRevealRequest) -> PersonRecord:
        """全区通办: the person's full record (logged at the district with the reason)."""
        resp = self._request("POST", "/sync/people/reveal", json=req.model_dump(), retry=False)
        return self._parse(PersonRecord, self._check(resp))

    def put_blob(self, sha256: str, data: bytes, media_type: str) -> BlobInfo:
        resp = self._request("PUT", f"/blobs/{sha256}", data=data,
                             headers={"Content-Type": media_type})
        return self._parse(BlobInfo, self._check(resp))

    def _conditional(self, path: str, etag: str) -> Fetched:
        headers = {"If-None-Match": f'"{etag}"'} if etag else {}
        resp = self._check(self._request("GET", path, headers=headers))
        new_etag = resp.headers.get("ETag", "").strip('"')
        if resp.status_code == 304:
            return Fetched(new_etag or etag, None)
        try:
            body = resp.json()
        except json.JSONDecodeError as exc:
            raise SyncError(
                QT_TRANSLATE_NOOP("errors", "区中心的回答不是 JSON。"),
                code="bad_response") from exc
        return Fetched(new_etag, body)

    def catalog(self, etag: str = "") -> tuple[str, CatalogResponse | None]:
        got = self._conditional("/catalog", etag)
        if got.body is None:
            return got.etag, None
        return got.etag, CatalogResponse.model_validate(got.body)

    def report_refusal(self, kind: str, etag: str, reason: str) -> None:
        """Tell the district this station could not apply its publication `etag`."""
        body = {"kind": kind, "etag": etag[:64], "reason": reason[:1000] or "?"}
        self._check(self._request("POST", "/sync/refusals", json=body))

    def client_version(self) -> ClientVersionResponse | None:
        """The announced workstation version; None from a district too old to have one."""
        resp = self._request("GET", "/client-version")
        if resp.status_code == 404:
            return None
        return self._parse(ClientVersionResponse, self._check(resp))

    def calendar(self, etag: str = "") -> tuple[str, CalendarResponse | None]:
        got = self._conditional("/calendar", etag)
        if got.body is None:
            return got.etag, None
        return got.etag, CalendarResponse.model_validate(got.body)
