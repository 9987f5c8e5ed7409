"""main.py as a person starts it: the screenshot option and the no-display message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(extra)
    return env


@pytest.mark.slow
def test_screenshot_renders_main_window(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(out),
                           "--data-dir", str(tmp_path / "data")],
                          capture_output=True, text=True, timeout=120, env=_env())
    assert proc.returncode == 0, proc.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    assert (width, height) == (1366, 768)


def test_no_display_explains_how_to_run(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=60, env=_env())
    assert proc.returncode == 2
    assert "xvfb-run" in proc.stderr and "--screenshot" in proc.stderr
    assert not (tmp_path / "stationdesk.sqlite3").exists()
