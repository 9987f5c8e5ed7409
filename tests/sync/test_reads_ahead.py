"""A round's last four reads come with the who-am-I's answer (sync.reference.Announced) or,
from a district that predates that, go to it together (sync.reference.ReadsAhead), and
are used in the round's order; nothing is written for an answer that did not change."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import cast

import pytest

from apiclient.http import TransportError
from clerk.workspace import Workspace
from sync import reference
from sync.client import DistrictClient
from tests.conftest import store_writes
from wire.protocol import ClientVersionResponse, DeviceInfo, WhoAmI

DEVICE = DeviceInfo(name="一号窗口", number=1, created_at=datetime(2026, 12, 1, tzinfo=UTC))


class _District:
    """Answers as DistrictClient does; every read waits until all four are asked, so
    reads sent one after another never get past the first."""

    def __init__(self, parties: int = 4, failing: str = "") -> None:
        self.together = threading.Barrier(parties, timeout=5)
        self.failing = failing
        self.asked: list[tuple[str, str]] = []

    def _read(self, what: str, etag: str = "") -> None:
        self.asked.append((what, etag))
        self.together.wait()
        if what == self.failing:
            raise TransportError("区中心暂时不可用")

    def devices(self) -> list[DeviceInfo]:
        self._read("devices")
        return [DEVICE]

    def catalog(self, etag: str = "") -> tuple[str, None]:
        self._read("catalog", etag)
        return etag, None

    def calendar(self, etag: str = "") -> tuple[str, None]:
        self._read("calendar", etag)
        return etag, None

    def client_version(self) -> ClientVersionResponse:
        self._read("client_version")
        return ClientVersionResponse(version="0.9.0", where="区政务服务中心信息科")


def _ahead(ws: Workspace, district: _District) -> reference.ReadsAhead:
    return reference.ReadsAhead(ws, cast(DistrictClient, district))


def test_the_four_reads_are_in_flight_together(sws: Workspace) -> None:
    district = _District()
    with _ahead(sws, district) as ahead:
        assert ahead.devices() == [DEVICE]
        assert ahead.catalog("") == ("", None)
        assert ahead.calendar("") == ("", None)
        assert ahead.client_version() is not None
    assert sorted(w for w, _ in district.asked) == \
        ["calendar", "catalog", "client_version", "devices"]


def test_a_failed_read_is_raised_where_its_answer_is_asked(sws: Workspace) -> None:
    district = _District(failing="catalog")
    with pytest.raises(TransportError), _ahead(sws, district) as ahead:
        assert ahead.devices() == [DEVICE]  # the reads before it are used as answered
        ahead.catalog("")
    assert len(district.asked) == 4  # the others finished before the round ended


def test_a_question_not_sent_ahead_goes_to_the_district(sws: Workspace) -> None:
    district = _District(parties=1)
    with _ahead(sws, district) as ahead:
        assert ahead.catalog("another-etag") == ("another-etag", None)
    assert ("catalog", "another-etag") in district.asked


def test_an_unchanged_announcement_writes_nothing(sws: Workspace,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    district = cast(DistrictClient, _District(parties=1))
    with store_writes(monkeypatch) as opened:
        reference.update_client_version(sws, district)
        reference.update_client_version(sws, district)
    assert opened == ["write"]


def _who(**answer: object) -> WhoAmI:
    return WhoAmI.model_validate({"station_code": "110108001001", "station_name": "测试站",
                                  "device_name": "一号窗口", "device_no": 1, **answer})


def test_a_district_that_answers_them_at_who_am_i_is_not_asked_again(sws: Workspace) -> None:
    district = _District(parties=1)
    who = _who(devices=[DEVICE.model_dump()], client_version={"version": "0.9.0"},
               catalog_etag="c1", calendar_etag="y1")
    with reference.last_reads(sws, cast(DistrictClient, district), who) as told:
        assert isinstance(told, reference.Announced)
        assert told.devices() == [DEVICE]
        assert told.catalog("c1") == ("c1", None) and told.calendar("y1") == ("y1", None)
        assert told.client_version() == ClientVersionResponse(version="0.9.0")
        assert district.asked == []
        # A publication the station does not hold yet is fetched, and only that one.
        assert told.catalog("c0") == ("c0", None)
        assert told.calendar("") == ("", None)
    assert district.asked == [("catalog", "c0"), ("calendar", "")]


@pytest.mark.parametrize("missing", ["devices", "client_version", "catalog_etag",
                                     "calendar_etag"])
def test_a_district_that_predates_them_is_asked_the_four_reads(sws: Workspace,
                                                               missing: str) -> None:
    told = {"devices": [DEVICE.model_dump()], "client_version": {"version": "0.9.0"},
            "catalog_etag": "c1", "calendar_etag": "y1"}
    del told[missing]
    district = _District()
    with reference.last_reads(sws, cast(DistrictClient, district), _who(**told)) as ahead:
        assert isinstance(ahead, reference.ReadsAhead)
        assert ahead.devices() == [DEVICE]
    assert sorted(w for w, _ in district.asked) == \
        ["calendar", "catalog", "client_version", "devices"]
