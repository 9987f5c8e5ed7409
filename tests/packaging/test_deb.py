"""./package deb: build, install with dpkg, run without the checkout, upgrade, remove.

It installs a system package (/opt/stationdesk, /usr/bin/stationdesk), so it runs only as
root and only when STATIONDESK_TEST_DEB=1 (CI sets it in .ci/run); on a shared developer
machine two runs at once would fight over dpkg's lock. It takes about three minutes
(PyInstaller about one, each dpkg-deb and dpkg -i some seconds).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("STATIONDESK_TEST_DEB") != "1",
                       reason="installs a system package: set STATIONDESK_TEST_DEB=1 (CI does)"),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None or os.geteuid() != 0,
                       reason="needs dpkg and root"),
]


def _build(*args: str) -> Path:
    proc = subprocess.run([str(ROOT / "package"), "deb", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return ROOT / proc.stdout.strip().splitlines()[-1]


def _dpkg(*args: str) -> None:
    proc = subprocess.run(["dpkg", *args], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _run_installed(home: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed program as a desktop user starts it: no venv, no checkout, no PYTHONPATH."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(["/usr/bin/stationdesk", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=180)


def _cases(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM cases").fetchone()[0])
    finally:
        con.close()


def _revision(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return str(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        con.close()


def _downgrade_to_first_revision(db: Path) -> None:
    """Leave the store as a release at the first schema revision did (0001)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from clerk.store.schema import MIGRATIONS_DIR

    engine = create_engine(f"sqlite:///{db}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    try:
        command.downgrade(cfg, "0001")
    finally:
        engine.dispose()


def test_install_run_upgrade_keep_data_and_remove(tmp_path: Path) -> None:
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
    try:
        _dpkg("-i", str(older))
        desktop = Path("/usr/share/applications/stationdesk.desktop").read_text(encoding="utf-8")
        assert "Name=便民服务站窗口工作台" in desktop and "Categories=Office;" in desktop
        shot = tmp_path / "demo.png"
        ran = _run_installed(home, cwd, "--demo", "--screenshot", str(shot))
        assert ran.returncode == 0, ran.stderr
        assert shot.stat().st_size > 10_000
        # user data in the platform's data directory, nothing written under /opt
        cases = _cases(data / "stationdesk.sqlite3")
        assert cases > 0
        assert not list(Path("/opt/stationdesk").glob("*.sqlite3"))

        # The upgrade finds a store at an older schema and migrates it (with the
        # migration scripts the bundle carries).
        _downgrade_to_first_revision(data / "stationdesk.sqlite3")
        assert _revision(data / "stationdesk.sqlite3") == "0001"
        _dpkg("-i", str(newer))  # the upgrade
        version = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "stationdesk"],
                                 capture_output=True, text=True, check=True).stdout
        assert version == "0.0.2"
        again = _run_installed(home, cwd, "--screenshot", str(tmp_path / "after.png"))
        assert again.returncode == 0, again.stderr
        assert _cases(data / "stationdesk.sqlite3") == cases
        from clerk.store.layout import HEAD_REVISION

        assert _revision(data / "stationdesk.sqlite3") == HEAD_REVISION

        # A store from a newer StationDesk is refused with the existing clear message.
        newer_store = tmp_path / "newer-store"
        shutil.copytree(data, newer_store)
        con = sqlite3.connect(newer_store / "stationdesk.sqlite3")
        con.execute("UPDATE alembic_version SET version_num = 'x9999'")
        con.commit()
        con.close()
        refused = _run_installed(home, cwd, "--data-dir", str(newer_store), "--screenshot",
                                 str(tmp_path / "refused.png"))
        assert refused.returncode == 1
        assert "来自更新版本的 StationDesk" in refused.stderr
    finally:
        subprocess.run(["dpkg", "-r", "stationdesk"], capture_output=True, timeout=300)
    assert not Path("/opt/stationdesk").exists() and not Path("/usr/bin/stationdesk").exists()
    assert _cases(data / "stationdesk.sqlite3") == cases  # removing leaves the data
