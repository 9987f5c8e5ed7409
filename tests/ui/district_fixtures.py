"""Fixtures of the district-mode UI tests (registered in tests/ui/conftest.py): a real
district service (uvicorn subprocess, SQLite) whose clock the test sets, the station
enrolled with it, staff accounts, and the district window signed in through its real
widgets."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from clerk.workspace import Workspace
from sync import engine
from tests.conftest import FakeClock
from tests.districtkit import API, PASSWORD, ROOT, District, enroll_station, free_port
from tests.ui.clocked_district import ENV_CLOCK

TIMEOUT_MS = 20_000


@dataclass
class ClockedDistrict(District):
    clock_file: Path | None = None
    proc: subprocess.Popen[bytes] | None = None

    def set_time(self, moment: datetime) -> None:
        assert self.clock_file is not None
        self.clock_file.write_text(moment.astimezone(UTC).isoformat())

    def set_local(self, day: date, hour: int = 10) -> None:
        self.set_time(datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
                      - timedelta(hours=8))


def _start(db_url: str, clock_file: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", ENV_CLOCK: str(clock_file),
           "STATIONDESK_DISTRICT_DB": db_url}
    out = open(log, "ab")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "tests.ui.clocked_district:app", "--factory",
         "--port", str(port), "--log-level", "warning", "--no-access-log"],
        cwd=ROOT, env=env, stdout=out, stderr=out, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"district server exited: {log.read_text()[-2000:]}")
        try:
            if requests.get(f"{base}{API}/health", timeout=1).status_code == 200:
                return proc, base
        except requests.RequestException:
            pass
        time.sleep(0.05)
    proc.kill()
    raise RuntimeError("district server did not answer /health in time")


@contextmanager
def clocked_district(tmp_path: Path, template: Path, clock: FakeClock
                     ) -> Iterator[ClockedDistrict]:
    """A district service in a uvicorn subprocess, its clock at the station's time."""
    target = tmp_path / "district.sqlite3"
    shutil.copy(template, target)
    url = f"sqlite:///{target}"
    clock_file = tmp_path / "district-clock.txt"
    d = ClockedDistrict(url=url, base="", clock=clock, clock_file=clock_file)
    d.set_time(clock())
    proc, base = _start(url, clock_file, tmp_path / "district.log")
    with requests.Session() as http:
        d.base, d.http, d.proc = base, http, proc
        try:
            yield d
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture
def district(tmp_path: Path, sqlite_district_template: Path,
             clock: FakeClock) -> Iterator[ClockedDistrict]:
    with clocked_district(tmp_path, sqlite_district_template, clock) as d:
        yield d


@pytest.fixture
def station(sws: Workspace, district: ClockedDistrict) -> Workspace:
    """The test station, enrolled with the district."""
    enroll_station(sws, district)
    return sws


def sync(ws: Workspace) -> engine.SyncReport:
    report = engine.sync_round(ws)
    assert report.ok, report.error
    return report


def staff(district: District, username: str, role: str = "reviewer") -> str:
    """A staff account (password tests.districtkit.PASSWORD); returns an API token."""
    return district.user(username, role)


def window(qtbot: QtBot, district: District, tmp_path: Path, username: str,
           size: tuple[int, int] = (1366, 768)) -> Any:
    """The district window, signed in as `username` through the real sign-in path."""
    from ui.district.window import DistrictWindow

    settings = QSettings(str(tmp_path / f"district-{username}.ini"), QSettings.Format.IniFormat)
    w = DistrictWindow(district.base, auto_login=(username, PASSWORD), settings=settings)
    qtbot.addWidget(w)
    w.resize(*size)
    with qtbot.waitSignal(w.ready, timeout=TIMEOUT_MS):
        w.show()
        w.start()
    assert w.session is not None, w.login_page.error_label.text()
    return w


def wait_until(qtbot: QtBot, condition: Callable[[], bool], timeout: int = TIMEOUT_MS) -> None:
    qtbot.waitUntil(condition, timeout=timeout)
