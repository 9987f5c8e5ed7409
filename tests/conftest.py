"""Fixtures shared by every test package.

Every app directory points at a temporary folder; Qt runs offscreen; the keyring is a
file backend in tmp. A fully initialised station database is built once per session and
copied per test (building it hashes a password and imports the catalog and calendar).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
# The district's column key (district.crypto): one per test session, inherited by the
# district servers tests start as subprocesses.
if not os.environ.get("STATIONDESK_DISTRICT_KEY"):
    from district.crypto import generate_key

    os.environ["STATIONDESK_DISTRICT_KEY"] = generate_key()

from clerk.store import DB_FILENAME, Store, keys
from clerk.validation import make_resident_id
from clerk.workspace import Workspace

if TYPE_CHECKING:
    from tests.clerk.case_builder import Cases

STATION_CODE = "110108001001"
ADMIN = "admin"
ADMIN_PASSWORD = "correct-horse-1"
#: The store key of the session's template station and every copy of it (a fixed key:
#: copies cost a keyring entry, no key derivation).
TEST_STORE_KEY = bytes(range(32))
#: The template station's recovery key (its wrapped copy is copied with the database).
TEST_RECOVERY_KEY = keys.new_recovery_key()
TEMPLATE_RECOVERY = keys.wrap(TEST_STORE_KEY, TEST_RECOVERY_KEY)


def keep_test_key(data_dir: Path, key: bytes = TEST_STORE_KEY) -> None:
    """Put ``key`` in the (per-test, file) keyring as the store key of ``data_dir``."""
    keys.key_source().set(data_dir.resolve(), key)


def raw_store(path: Path | str) -> Any:
    """A SQLCipher DB-API connection to a station database file, keyed with the key the
    test keyring holds for its folder (what tests use instead of sqlite3.connect)."""
    from clerk.store.db import connect_encrypted

    path = Path(path)
    key = keys.stored_key(path.parent) or TEST_STORE_KEY
    return connect_encrypted(path, key)


def export_plaintext(path: Path, target: Path) -> Path:
    """A plaintext copy of an encrypted station database (as an earlier version kept it)."""
    target.unlink(missing_ok=True)
    con = raw_store(path)
    try:
        con.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        con.execute("SELECT sqlcipher_export('plain')")
        version = con.execute("PRAGMA main.user_version").fetchone()[0]
        con.execute(f"PRAGMA plain.user_version = {int(version)}")
        con.execute("DETACH DATABASE plain")
    finally:
        con.close()
    return target


def copy_template(template: Path, folder: Path) -> Path:
    """A copy of the template station in ``folder``, its key kept in the test keyring."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(template, folder / DB_FILENAME)
    shutil.copy(template.parent / keys.RECOVERY_FILENAME, folder / keys.RECOVERY_FILENAME)
    keep_test_key(folder)
    return folder


def station_migrations(engine: Any) -> Any:
    """Alembic's configuration of the station's migrations on `engine`, for tests that
    take a store down to an earlier revision and up again."""
    from alembic.config import Config

    from clerk.store import schema

    cfg = Config()
    cfg.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


@contextmanager
def store_writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The station-store write transactions opened in the block (one "write" each)."""
    opened: list[str] = []
    real = Store.write

    def write(self: Store) -> Any:
        opened.append("write")
        return real(self)

    with monkeypatch.context() as m:
        m.setattr(Store, "write", write)
        yield opened


class FakeClock:
    """A settable clock (UTC, timezone-aware) so tests never sleep or depend on today."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **kw: float) -> None:
        self.moment += timedelta(**kw)

    def set_local(self, day: date, hour: int = 10, minute: int = 0) -> None:
        """Move to `hour`:`minute` Beijing time on `day`."""
        self.moment = (datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
                       - timedelta(hours=8))


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATIONDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture(scope="session")
def station_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    # The key is given, not kept: the keyring of a session fixture would be the user's.
    ws = Workspace.open(folder, clock=lambda: datetime(2026, 3, 2, 1, tzinfo=UTC),
                        key=TEST_STORE_KEY)
    ws.init_station(code=STATION_CODE, name="海淀区测试社区便民服务站", admin=ADMIN,
                    password=ADMIN_PASSWORD, phone="010-62000000", admin_name="王窗口")
    keys.write_recovery_file(folder, TEMPLATE_RECOVERY)  # wrapped once per session
    ws.close()
    return folder / DB_FILENAME


@pytest.fixture
def clock() -> FakeClock:
    c = FakeClock(datetime(2026, 3, 2, 1, tzinfo=UTC))
    c.set_local(date(2026, 3, 2), 10)
    return c


@pytest.fixture
def data_dir(tmp_path: Path, station_template: Path) -> Path:
    return copy_template(station_template, tmp_path / "station")


@pytest.fixture
def ws(data_dir: Path, clock: FakeClock) -> Iterator[Workspace]:
    w = Workspace.open(data_dir, clock=clock)
    yield w
    w.close()


@pytest.fixture
def id_factory() -> Iterator[object]:
    """Valid, generated resident IDs (never real people): call with a sequence number."""
    def make(n: int = 1, *, birth: date = date(1980, 5, 17), area: str = "110108") -> str:
        return make_resident_id(area, birth, n)
    yield make


# --- PostgreSQL (district tests) -----------------------------------------------------


@pytest.fixture(scope="session")
def pg_url() -> str:
    """The PostgreSQL server the district tests use (SQLAlchemy URL, psycopg 3).

    Skipped when STATIONDESK_PG_URL is unset, unless STATIONDESK_REQUIRE_PG=1 (CI), which
    turns the skip into a failure; a configured server that does not answer always fails.
    """
    url = os.environ.get("STATIONDESK_PG_URL", "")
    if not url:
        if os.environ.get("STATIONDESK_REQUIRE_PG") == "1":
            pytest.fail("STATIONDESK_REQUIRE_PG=1 but STATIONDESK_PG_URL is not set")
        pytest.skip("PostgreSQL not configured (set STATIONDESK_PG_URL)")
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    try:
        psycopg.connect(plain, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        pytest.fail(f"PostgreSQL at STATIONDESK_PG_URL does not answer: {exc}")
    return url


@pytest.fixture
def cases(ws: Workspace, clock: FakeClock, id_factory: Callable[..., str]) -> Cases:
    """Realistic cases in every state, made through the real services."""
    from tests.clerk.case_builder import Cases

    return Cases(ws, clock, id_factory)
