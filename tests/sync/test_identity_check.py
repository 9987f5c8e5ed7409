"""The who-am-I that starts every round (sync.engine.check_identity): a token of another
station or window stops the round and writes nothing; what the district's answer changes
is recorded; a round whose answer changes nothing takes no write turn (a clerk's save
never waits for it)."""

from __future__ import annotations

from typing import cast

import pytest

from apiclient.http import SyncError
from clerk import numbering
from clerk.cases.event_forms import READS
from clerk.errors import ValidationError
from clerk.store.models import Setting
from clerk.workspace import Workspace
from sync import engine
from sync.client import DistrictClient
from tests.conftest import STATION_CODE, store_writes
from wire.protocol import WhoAmI


class _District:
    def __init__(self, **answer: object) -> None:
        self.answer = WhoAmI.model_validate({"station_code": STATION_CODE, "station_name": "测试站",
                                "device_name": "1号窗口", "device_no": 1,
                                "progress_base_url": "https://zwfw.example.gov.cn/progress",
                                "station_reads": sorted(READS), **answer})

    def whoami(self, reads: tuple[str, ...] | None = None) -> WhoAmI:
        return self.answer


def _check(ws: Workspace, district: _District) -> None:
    engine.check_identity(ws, cast(DistrictClient, district))


def _kept(ws: Workspace) -> dict[str, str]:
    keys = (engine.DEVICE_NAME_KEY, engine.EVENT_FORMS_KEY, engine.PROGRESS_URL_KEY,
            numbering.DEVICE_NO_KEY)
    with ws.store.read() as s:
        return {k: row.value for k in keys if (row := s.get(Setting, k)) is not None}


def _without_number(ws: Workspace) -> None:
    """A PC enrolled before window numbers existed: none set."""
    with ws.store.write() as s:
        row = s.get(Setting, numbering.DEVICE_NO_KEY)
        if row is not None:
            s.delete(row)


def test_the_answer_is_recorded_once_and_an_unchanged_one_writes_nothing(
        ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    district = _District()
    with store_writes(monkeypatch) as opened:
        _check(ws, district)
    assert opened == ["write"]
    assert _kept(ws) == {
        engine.DEVICE_NAME_KEY: "1号窗口", engine.EVENT_FORMS_KEY: ",".join(sorted(READS)),
        engine.PROGRESS_URL_KEY: "https://zwfw.example.gov.cn/progress",
        numbering.DEVICE_NO_KEY: "1"}
    with store_writes(monkeypatch) as opened:
        _check(ws, district)
        _check(ws, district)
    assert opened == []
    district.answer = district.answer.model_copy(update={"device_name": "一号窗口"})
    with store_writes(monkeypatch) as opened:
        _check(ws, district)
    assert opened == ["write"] and _kept(ws)[engine.DEVICE_NAME_KEY] == "一号窗口"


def test_a_pc_without_a_number_adopts_the_districts_once(
        ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    _without_number(ws)
    district = _District(device_no=7)
    _check(ws, district)
    assert _kept(ws)[numbering.DEVICE_NO_KEY] == "7"
    with store_writes(monkeypatch) as opened:
        _check(ws, district)
    assert opened == []


@pytest.mark.parametrize("answer", [{"station_code": "110108001002"}, {"device_no": 2}])
def test_a_token_of_another_station_or_window_stops_and_writes_nothing(
        ws: Workspace, monkeypatch: pytest.MonkeyPatch, answer: dict[str, object]) -> None:
    _check(ws, _District())
    before = _kept(ws)
    with store_writes(monkeypatch) as opened, pytest.raises(SyncError) as exc:
        _check(ws, _District(device_name="别站的窗口", station_reads=[], **answer))
    assert exc.value.code == "sync.identity"
    assert opened == [] and _kept(ws) == before


def test_a_number_the_district_gives_that_is_no_window_number_is_refused(
        ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    _without_number(ws)
    with store_writes(monkeypatch) as opened, pytest.raises(ValidationError) as exc:
        _check(ws, _District(device_no=100))
    assert exc.value.code == "device.number"
    assert opened == [] and numbering.DEVICE_NO_KEY not in _kept(ws)
