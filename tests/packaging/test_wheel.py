"""The wheel (`pip install .`, no -e) carries every package and every resource.

Built from the checkout, installed into a fresh virtualenv outside it, and run from
another directory: `python -m clerk catalog list` reads the shipped catalog and the
workstation renders its window (`--screenshot`, offscreen) with the shipped translations.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("clerk", "printing", "wire", "apiclient", "sync", "staff_client", "district", "ui",
            "bench", "stationdesk_resources")
RUNTIME_SUFFIXES = {".py", ".json", ".ini", ".mako", ".qm", ".ts", ".md", ".svg", ".png"}


def _tracked_runtime_files() -> list[str]:
    """Every file git tracks under our packages that a program may read at run time."""
    out = subprocess.run(["git", "ls-files", *PACKAGES], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    return [f for f in out
            if Path(f).suffix in RUNTIME_SUFFIXES and not f.startswith("bench/pouchdb/")]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=240)
    (built,) = out.glob("stationdesk-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_holds_every_tracked_package_file_and_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [f for f in _tracked_runtime_files() if f not in names]
    assert missing == []
    assert "stationdesk_resources/translations/stationdesk_en.qm" in names
    assert "clerk/store/migrations/script.py.mako" in names
    entry_points = zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "stationdesk = ui.launch:main" in entry_points
    assert "stationdesk-district = district.cli:main" in entry_points


@pytest.mark.slow
def test_the_installed_wheel_runs_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()"
                                "['purelib'])"], capture_output=True, text=True,
                               check=True).stdout.strip())
    # The third-party dependencies come from the test venv (appended to sys.path by a
    # plain .pth line, so its own .pth files, the checkout's editable install among them,
    # are not processed): this test is about our wheel, and PySide6 is 500 MB to install.
    (site / "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps",
                    "-q", str(wheel)], check=True, capture_output=True, timeout=240)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "STATIONDESK_DATA_DIR": str(tmp_path / "data"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*args], cwd=elsewhere, env=env, capture_output=True,
                              text=True, timeout=180)

    where = run(str(py), "-c", "import clerk, stationdesk_resources; "
                "print(clerk.__file__); print(stationdesk_resources.__file__)")
    assert where.returncode == 0, where.stderr
    assert all(line.startswith(str(site)) for line in where.stdout.split()), where.stdout
    shot = tmp_path / "shot.png"
    shown = run(str(env_dir / "bin" / "stationdesk"), "--demo", "--screenshot", str(shot))
    assert shown.returncode == 0, shown.stderr
    assert shot.stat().st_size > 10_000
    # the demo station imported the shipped catalog and calendar
    listed = run(str(py), "-m", "clerk", "catalog", "list")
    assert listed.returncode == 0, listed.stderr
    assert "最低生活保障" in listed.stdout
