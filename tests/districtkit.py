"""The district service for tests: databases (SQLite and PostgreSQL), the app in process,
on a real loopback socket in a thread, or as a `python -m district serve` subprocess.

The fixtures here are imported by the conftest of tests/district, tests/sync and
tests/e2e. `district_url` is parametrized over SQLite and PostgreSQL; the PostgreSQL
variant is marked `postgres` and uses one fresh database per test session, emptied
before every test.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from clerk.applicants import PersonInput
from clerk.cases.record import CaseRecord
from clerk.cases.service import MaterialChanges
from clerk.workspace import Workspace
from tests.clerk.factories import ALL_NEEDED, DISTRICT, sample_matters
from tests.conftest import STATION_CODE, FakeClock

ROOT = Path(__file__).resolve().parent.parent
OTHER_STATION = "110108002001"
API = "/api/v1"
PASSWORD = "reviewer-pass-1"

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx in its TestClient
    from fastapi.testclient import TestClient


# --------------------------------------------------------------------------- databases


def district_migrations(engine: Any) -> Any:
    """Alembic's configuration of the district's migrations on `engine`, for tests that
    take a database down to an earlier revision and up again (as
    tests.conftest.station_migrations does for the station)."""
    from alembic.config import Config

    from district import schema

    cfg = Config()
    cfg.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def _pg_admin_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _pg_with_db(url: str, name: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


def create_pg_database(pg_url: str) -> str:
    import psycopg

    name = f"sd_test_{secrets.token_hex(6)}"
    with psycopg.connect(_pg_admin_url(pg_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return _pg_with_db(pg_url, name)


def drop_pg_database(pg_url: str, url: str) -> None:
    import psycopg

    name = url.rpartition("/")[2]
    with psycopg.connect(_pg_admin_url(pg_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def empty_pg_database(url: str) -> None:
    """Delete every row (but keep the migrated schema) so each test starts clean."""
    import psycopg

    with psycopg.connect(_pg_admin_url(url), autocommit=True) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'alembic_version'")]
        if tables:
            conn.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables)
                         + " RESTART IDENTITY CASCADE")


@pytest.fixture(scope="session")
def pg_district_url(pg_url: str) -> Iterator[str]:
    from district.db import Database

    url = create_pg_database(pg_url)
    Database(url).close()  # migrate once
    yield url
    drop_pg_database(pg_url, url)


@pytest.fixture(scope="session")
def sqlite_district_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from district.db import Database

    path = tmp_path_factory.mktemp("district-template") / "district.sqlite3"
    Database(f"sqlite:///{path}").close()
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def district_url(request: pytest.FixtureRequest, tmp_path: Path,
                 sqlite_district_template: Path) -> str:
    """A migrated, empty district database: SQLite file or PostgreSQL."""
    if request.param == "sqlite":
        target = tmp_path / "district.sqlite3"
        shutil.copy(sqlite_district_template, target)
        return f"sqlite:///{target}"
    url: str = request.getfixturevalue("pg_district_url")
    empty_pg_database(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_district_template: Path) -> str:
    """Only SQLite (for tests whose subject is not the database)."""
    target = tmp_path / "district-only.sqlite3"
    shutil.copy(sqlite_district_template, target)
    return f"sqlite:///{target}"


# --------------------------------------------------------------------------- the app


@dataclass
class District:
    """One district service under test and handy ways to prepare it."""

    url: str  # database URL
    base: str  # http://127.0.0.1:port, or "" for TestClient-only use
    app: Any = None
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    http: Any = None  # TestClient or requests.Session

    def db(self) -> Any:
        from district.db import Database

        return Database(self.url)

    def station(self, code: str = STATION_CODE, name: str = "海淀区测试社区便民服务站") -> str:
        """Register a station; returns its one-time enrollment code."""
        from district import admin

        db = self.db()
        try:
            return admin.create_station(db, code=code, name=name, now=self.clock()).code
        finally:
            db.close()

    def station_token(self, code: str = STATION_CODE, device_no: int | None = None) -> str:
        """Enroll one more device of the station (the next free window number)."""
        from district import admin

        secret = self.station(code)
        if device_no is None:
            db = self.db()
            try:
                taken = {d.number for d in admin.list_devices(db, code)}
            finally:
                db.close()
            device_no = min(set(range(1, 100)) - taken)
        r = self.post("/enroll", json={"station_code": code, "enrollment_code": secret,
                                       "device_no": device_no})
        assert r.status_code == 200, r.text
        return str(r.json()["token"])

    def issue_code(self, code: str = STATION_CODE) -> str:
        """A one-time code for one more device of a registered station."""
        from district import admin

        db = self.db()
        try:
            return admin.issue_code(db, station_code=code, now=self.clock()).code
        finally:
            db.close()

    def user(self, username: str, role: str = "reviewer") -> str:
        """Create a staff user and log in; returns the bearer token."""
        from district import admin

        db = self.db()
        try:
            admin.create_user(db, username=username, password=PASSWORD, role=role,
                              now=self.clock())
        finally:
            db.close()
        r = self.post("/auth/login", json={"username": username, "password": PASSWORD})
        assert r.status_code == 200, r.text
        return str(r.json()["token"])

    def revoke(self, code: str = STATION_CODE) -> None:
        from district import admin

        db = self.db()
        try:
            admin.revoke_station(db, code, self.clock())
        finally:
            db.close()

    def request(self, method: str, path: str, token: str | None = None, **kw: Any) -> Any:
        headers = dict(kw.pop("headers", {}) or {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        url = path if self.base == "" else f"{self.base}{API}{path}"
        if self.base == "":
            url = f"{API}{path}"
        return self.http.request(method, url, headers=headers, **kw)

    def get(self, path: str, token: str | None = None, **kw: Any) -> Any:
        return self.request("GET", path, token, **kw)

    def post(self, path: str, token: str | None = None, **kw: Any) -> Any:
        return self.request("POST", path, token, **kw)

    def put(self, path: str, token: str | None = None, **kw: Any) -> Any:
        return self.request("PUT", path, token, **kw)


def make_app(url: str, clock: Callable[[], datetime] | None = None, **settings: Any) -> Any:
    from district.app import create_app
    from district.config import Settings

    kw: dict[str, Any] = dict(settings)
    if clock is not None:
        kw["clock"] = clock
    return create_app(Settings(db_url=url, **kw))


@pytest.fixture
def api(district_url: str) -> Iterator[District]:
    """The app in process, called through Starlette's TestClient (no sockets)."""
    app = make_app(district_url)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield District(url=district_url, base="", app=app, http=client)


class ThreadedServer:
    """uvicorn serving an app object on a loopback port, in a thread of this process."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ThreadedServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


@pytest.fixture
def district_clock() -> FakeClock:
    c = FakeClock(datetime(2026, 3, 2, 1, tzinfo=UTC))
    c.set_local(date(2026, 3, 2), 10)
    return c


@pytest.fixture
def live(district_url: str, clock: FakeClock) -> Iterator[District]:
    """The app in process on a real loopback socket (the station's requests client talks
    to it over HTTP); district and station share the test's clock."""
    app = make_app(district_url, clock=clock)
    with ThreadedServer(app) as server, requests.Session() as http:
        yield District(url=district_url, base=server.base, app=app, clock=clock, http=http)
    app.state.ctx.db.close()


# --------------------------------------------------------------------------- subprocess


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServerProcess:
    """`python -m district serve` as a child process (real uvicorn, real signals)."""

    def __init__(self, db_url: str, port: int | None = None, workers: int = 1,
                 log: Path | None = None) -> None:
        self.db_url = db_url
        self.port = port or free_port()
        self.workers = workers
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> ServerProcess:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        out = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "district", "serve", "--port", str(self.port),
             "--db", self.db_url, "--workers", str(self.workers)],
            cwd=ROOT, env=env, stdout=out, stderr=out, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"district server exited with {self.proc.returncode}")
            try:
                if requests.get(f"{self.base}{API}/health", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("district server did not answer /health in time")

    def kill(self) -> None:
        """SIGKILL the whole process group: no shutdown handlers, no flushing."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


@pytest.fixture
def served(district_url: str, tmp_path: Path) -> Iterator[District]:
    """The district as a real uvicorn subprocess."""
    with ServerProcess(district_url, log=tmp_path / "server.log") as proc, \
            requests.Session() as http:
        d = District(url=district_url, base=proc.base, http=http)
        d.process = proc  # type: ignore[attr-defined]
        yield d


# --------------------------------------------------------------------------- the station


@pytest.fixture
def sws(ws: Workspace) -> Workspace:
    """A station workspace holding the small test matters (as tests/clerk's `tws`)."""
    ws.import_matters(sample_matters(), source="tests")
    return ws


def accepted_case(ws: Workspace, id_no: str, matter: str = DISTRICT) -> CaseRecord:
    rec = ws.cases.new_case(matter_code=matter, applicant=PersonInput(name="张三", id_no=id_no),
                            changes=MaterialChanges(received=ALL_NEEDED))
    return ws.cases.accept(rec.case_no)


def escalated_case(ws: Workspace, id_no: str) -> CaseRecord:
    rec = accepted_case(ws, id_no)
    return ws.cases.escalate(rec.case_no)


def enroll_station(ws: Workspace, district: District, code: str = STATION_CODE) -> None:
    """Enroll the station workspace with the live district (token into the test keyring)."""
    from sync import engine

    secret = district.station(code)
    engine.enroll(ws, district.base, secret)


def wire_events(ws: Workspace, case_no: str) -> list[dict[str, Any]]:
    """A station case's events as the push sends them."""
    return [e.to_wire() for e in ws.cases.timeline(case_no)]


def push(district: District, token: str, events: list[dict[str, Any]],
         notes: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    r = district.post("/sync/push", token, json={"events": events, "notes": notes or []})
    assert r.status_code == 200, r.text
    return list(r.json()["results"])


def statuses(results: list[dict[str, Any]]) -> list[str]:
    return [r["status"] if r["status"] != "rejected" else f"rejected:{r['code']}"
            for r in results]
