"""./package deb: build, install with dpkg, run without the checkout, upgrade, remove.

It installs a system package (/opt/stationdesk, /usr/bin/stationdesk), so it runs only as
root and only when STATIONDESK_TEST_DEB=1 (CI sets it in .ci/run); on a shared developer
machine two runs at once would fight over dpkg's lock. It takes about three minutes
(PyInstaller about one, each dpkg-deb and dpkg -i some seconds).

The station store is encrypted and its key lives in the OS keyring, so the installed
program runs as on a desktop: a private session bus with gnome-keyring's Secret Service,
unlocked as a login unlocks it; the test reads the store with the key from there.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from apiclient.store_keys import SERVICE
from clerk.store.db import connect_encrypted

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("STATIONDESK_TEST_DEB") != "1",
                       reason="installs a system package: set STATIONDESK_TEST_DEB=1 (CI does)"),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None or os.geteuid() != 0,
                       reason="needs dpkg and root"),
]
KEYRING_PASSWORD = "stationdesk-login"  # what a desktop login hands gnome-keyring


@contextmanager
def _desktop_session(home: Path) -> Iterator[dict[str, str]]:
    """A session bus with gnome-keyring's Secret Service unlocked, for `home`'s user."""
    for tool in ("dbus-daemon", "gnome-keyring-daemon"):
        assert shutil.which(tool), f"{tool} missing (scripts/bootstrap.sh TEST_DEBS)"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    bus = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1",
                          "--print-pid=1"], env=env, capture_output=True, text=True,
                         check=True, timeout=30)
    address, pid = bus.stdout.split()[:2]
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    try:
        # The daemon forks and keeps its output open: never wait on a pipe from it.
        subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"],
                       input=KEYRING_PASSWORD.encode(), env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True, timeout=30)
        yield {"DBUS_SESSION_BUS_ADDRESS": address}
    finally:
        os.kill(int(pid), signal.SIGTERM)


def _store_key(data: Path, session: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> bytes:
    """The key the installed program kept for `data`, read from the same Secret Service."""
    from keyring.backends.SecretService import Keyring

    with monkeypatch.context() as m:
        m.setenv("DBUS_SESSION_BUS_ADDRESS", session["DBUS_SESSION_BUS_ADDRESS"])
        text = Keyring().get_password(SERVICE, str(data))
    assert text, "the installed program kept no store key in the Secret Service"
    return bytes.fromhex(text)


def _build(*args: str) -> Path:
    proc = subprocess.run([str(ROOT / "package"), "deb", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return ROOT / proc.stdout.strip().splitlines()[-1]


def _dpkg(*args: str) -> None:
    proc = subprocess.run(["dpkg", *args], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _store_key_for(data: Path, key: bytes, session: dict[str, str],
                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep `key` for another data directory too (a copied store, as `unlock` would)."""
    from keyring.backends.SecretService import Keyring

    with monkeypatch.context() as m:
        m.setenv("DBUS_SESSION_BUS_ADDRESS", session["DBUS_SESSION_BUS_ADDRESS"])
        Keyring().set_password(SERVICE, str(data), key.hex())


def _run_installed(home: Path, cwd: Path, session: dict[str, str],
                   *args: str) -> subprocess.CompletedProcess[str]:
    """The installed program as a desktop user starts it: no venv, no checkout, no PYTHONPATH."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", **session}
    return subprocess.run(["/usr/bin/stationdesk", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=180)


def _one(db: Path, key: bytes, sql: str) -> Any:
    con = connect_encrypted(db, key)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def _cases(db: Path, key: bytes) -> int:
    return int(_one(db, key, "SELECT count(*) FROM cases"))


def _revision(db: Path, key: bytes) -> str:
    return str(_one(db, key, "SELECT version_num FROM alembic_version"))


def _downgrade_to_first_revision(db: Path, key: bytes) -> None:
    """Leave the store as a release at the first schema revision did (0001)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from clerk.store.schema import MIGRATIONS_DIR

    engine = create_engine("sqlite://", creator=lambda: connect_encrypted(db, key))
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    try:
        command.downgrade(cfg, "0001")
    finally:
        engine.dispose()


def test_install_run_upgrade_keep_data_and_remove(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    older = _build("--version", "0.0.1")
    newer = _build("--version", "0.0.2", "--reuse-bundle")
    info = subprocess.run(["dpkg-deb", "--field", str(newer)], capture_output=True, text=True,
                          check=True).stdout
    assert "fonts-wqy-microhei" in info and "libxkbcommon-x11-0" in info
    listing = subprocess.run(["dpkg-deb", "--contents", str(newer)], capture_output=True,
                             text=True, check=True).stdout
    assert "./usr/share/applications/stationdesk.desktop" in listing
    assert "./opt/stationdesk/stationdesk" in listing
    assert "qtbase_zh_CN.qm" in listing  # Qt's own dialogs in Chinese
    home, cwd = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    cwd.mkdir()
    data = home / ".local" / "share" / "StationDesk"
    with _desktop_session(home) as session:
        _install_run_upgrade(tmp_path, home, cwd, data, older, newer, session, monkeypatch)


def _install_run_upgrade(tmp_path: Path, home: Path, cwd: Path, data: Path, older: Path,
                         newer: Path, session: dict[str, str],
                         monkeypatch: pytest.MonkeyPatch) -> None:
    db = data / "stationdesk.sqlite3"
    try:
        _dpkg("-i", str(older))
        desktop = Path("/usr/share/applications/stationdesk.desktop").read_text(encoding="utf-8")
        assert "Name=便民服务站窗口工作台" in desktop and "Categories=Office;" in desktop
        shot = tmp_path / "demo.png"
        ran = _run_installed(home, cwd, session, "--demo", "--screenshot", str(shot))
        assert ran.returncode == 0, ran.stderr
        assert shot.stat().st_size > 10_000
        # user data in the platform's data directory, nothing written under /opt
        key = _store_key(data, session, monkeypatch)
        assert b"CREATE TABLE" not in db.read_bytes()  # encrypted at rest
        cases = _cases(db, key)
        assert cases > 0
        assert not list(Path("/opt/stationdesk").glob("*.sqlite3"))

        # The upgrade finds a store at an older schema and migrates it (with the
        # migration scripts the bundle carries).
        _downgrade_to_first_revision(db, key)
        assert _revision(db, key) == "0001"
        _dpkg("-i", str(newer))  # the upgrade
        version = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "stationdesk"],
                                 capture_output=True, text=True, check=True).stdout
        assert version == "0.0.2"
        again = _run_installed(home, cwd, session, "--screenshot", str(tmp_path / "after.png"))
        assert again.returncode == 0, again.stderr
        assert _cases(db, key) == cases
        from clerk.store.layout import HEAD_REVISION

        assert _revision(db, key) == HEAD_REVISION

        # A store from a newer StationDesk is refused with the existing clear message.
        newer_store = tmp_path / "newer-store"
        shutil.copytree(data, newer_store)
        _store_key_for(newer_store, key, session, monkeypatch)
        con = connect_encrypted(newer_store / "stationdesk.sqlite3", key)
        con.execute("UPDATE alembic_version SET version_num = 'x9999'")
        con.commit()
        con.close()
        refused = _run_installed(home, cwd, session, "--data-dir", str(newer_store), "--screenshot",
                                 str(tmp_path / "refused.png"))
        assert refused.returncode == 1
        assert "来自更新版本的 StationDesk" in refused.stderr
    finally:
        subprocess.run(["dpkg", "-r", "stationdesk"], capture_output=True, timeout=300)
    assert not Path("/opt/stationdesk").exists() and not Path("/usr/bin/stationdesk").exists()
    assert _cases(db, key) == cases  # removing leaves the data
