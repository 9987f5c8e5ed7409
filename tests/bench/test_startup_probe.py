"""The start-up probe's floor mode: a bare window, then the store key and the store's
models, reported as `floor` (bench.startup_bench's floor rows)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from clerk.generate.stations import fresh_station

ROOT = Path(__file__).resolve().parents[2]


def _probe(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bench.startup_probe", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)


def test_the_floor_is_reported_after_the_first_paint(tmp_path: Path) -> None:
    fresh_station(tmp_path / "st").close()
    done = _probe("floor", str(tmp_path / "st"), "")
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.split() == ["paint", "floor"]


def test_a_folder_without_its_key_fails_worded(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = _probe("floor", str(tmp_path / "empty"), "")
    assert done.returncode == 1
    assert done.stdout.split("\n")[:2] == ["paint", "failed: no store key for the bench station"]
