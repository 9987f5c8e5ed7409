"""A pull applying other counters' steps lets a clerk's save in between two events, and
a pull stopped between its transactions loses and repeats nothing (sync.pull.apply_page)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from clerk.cases.audit import verify
from clerk.store.models import CaseEvent, Setting, SyncQuarantine
from clerk.workspace import Workspace
from sync import engine, pull
from sync.client import DistrictClient
from tests.conftest import ADMIN, ADMIN_PASSWORD, STATION_CODE, FakeClock
from tests.districtkit import District, accepted_case

IdFactory = Callable[..., str]
CASES = 4


@pytest.fixture
def counters(tmp_path: Path, clock: FakeClock, live: District, id_factory: IdFactory
             ) -> Iterator[tuple[Workspace, Workspace]]:
    """Two counters of one station: the first has pushed CASES accepted cases, the
    second is enrolled and has pulled nothing yet."""
    from clerk import numbering
    from tests.clerk.factories import sample_matters

    pcs = []
    for n in (1, 2):
        ws = Workspace.open(tmp_path / f"pc{n}", clock=clock)
        ws.init_station(code=STATION_CODE, name="测试社区便民服务站", admin=ADMIN,
                        password=ADMIN_PASSWORD)
        ws.import_matters(sample_matters(), source="tests")
        with ws.store.write() as s:
            numbering.set_device_no(s, n)
        pcs.append(ws)
    first, second = pcs
    for n in range(CASES):
        accepted_case(first, id_factory(n + 1))
    engine.enroll(first, live.base, live.station(), device_name="1号窗口")
    assert engine.sync_round(first).ok
    engine.enroll(second, live.base, live.issue_code(), device_name="2号窗口")
    yield first, second
    for ws in pcs:
        ws.close()


def _events(ws: Workspace) -> int:
    with ws.store.read() as s:
        return int(s.execute(select(func.count()).select_from(CaseEvent)).scalar_one())


def _client(live: District, ws: Workspace) -> DistrictClient:
    return DistrictClient(live.base, token=engine.stored_token(ws))


def _wait_until(done: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 10
    while not done():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)


def _save_after_first_event(monkeypatch: pytest.MonkeyPatch, ws: Workspace,
                            fail_at: int | None = None) -> list[int]:
    """Once the pull has applied its first event, a clerk's save (another thread) asks
    to write; it records how many events it saw stored when its turn came. With
    `fail_at`, the pull stops with an error at that event (a crash mid-page)."""
    seen: list[int] = []
    original = pull._Applier.apply
    calls = [0]

    def save() -> None:
        with ws.store.write() as s:
            seen.append(int(s.execute(select(func.count()).select_from(CaseEvent))
                            .scalar_one()))
            s.add(Setting(key="test.clerk_save", value="1"))

    def apply(self: Any, ev: Any) -> Any:
        calls[0] += 1
        if calls[0] == fail_at:
            raise RuntimeError("the pull stopped here")
        result = original(self, ev)
        if calls[0] == 1:
            threading.Thread(target=save, daemon=True).start()
            _wait_until(ws.store.writers_waiting)
        return result

    monkeypatch.setattr(pull._Applier, "apply", apply)
    return seen


def test_a_clerks_save_waits_one_event_of_a_pull_not_its_page(
        live: District, counters: tuple[Workspace, Workspace],
        monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = counters
    total = _events(first)
    assert total >= 2 * CASES
    seen = _save_after_first_event(monkeypatch, second)
    report = pull.pull_all(second, _client(live, second))
    assert seen == [1]  # in after the first event, not after the whole page
    assert report.pages >= 1 and report.events == total and report.quarantined == 0
    assert _events(second) == total
    with second.store.read() as s:
        assert s.get(Setting, "test.clerk_save") is not None
        assert s.execute(select(SyncQuarantine)).first() is None
        assert verify(s).ok  # the chain runs through both transactions
        assert pull.cursor(s) == report.cursor > 0


def test_a_pull_stopped_between_its_transactions_loses_and_repeats_nothing(
        live: District, counters: tuple[Workspace, Workspace],
        monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = counters
    total = _events(first)
    original = pull._Applier.apply
    seen = _save_after_first_event(monkeypatch, second, fail_at=3)
    with pytest.raises(RuntimeError):
        pull.pull_all(second, _client(live, second))
    assert seen == [1]
    # The first event's transaction stands; the second rolled back; the cursor waits.
    assert _events(second) == 1
    with second.store.read() as s:
        assert pull.cursor(s) == 0
    monkeypatch.setattr(pull._Applier, "apply", original)  # the next pull, as shipped
    report = pull.pull_all(second, _client(live, second))
    assert (report.skipped, report.events) == (1, total - 1)
    assert _events(second) == total
    with second.store.read() as s:
        assert verify(s).ok
        assert s.execute(select(SyncQuarantine)).first() is None
    assert engine.sync_round(second).outcome == engine.DONE
