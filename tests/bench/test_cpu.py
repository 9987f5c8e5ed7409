"""bench.cpu: CPU seconds of a process tree and of processes by name, from /proc."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench import cpu

pytestmark = pytest.mark.skipif(not cpu.PROC.is_dir(), reason="no /proc on this system")

BURN = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass\n" \
       "print('done', flush=True)\ntime.sleep(30)"


def test_a_childs_cpu_counts_for_its_parents_tree() -> None:
    before = cpu.tree_cpu(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", BURN], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "done"
        spent = cpu.tree_cpu(os.getpid()) - before
        assert spent >= 0.25  # the child's 0.3 s (ticks of 10 ms), while it still runs
        assert cpu.tree_cpu(child.pid) >= 0.25
    finally:
        child.kill()
        child.wait()


def test_this_processs_own_work_counts() -> None:
    before = cpu.tree_cpu(os.getpid())
    started = time.process_time()
    while time.process_time() - started < 0.2:
        pass
    assert cpu.tree_cpu(os.getpid()) - before >= 0.15


def test_processes_by_name() -> None:
    own_name = (cpu.PROC / "self" / "comm").read_text().strip()
    assert cpu.named_cpu(own_name) > 0  # this test runs in one
    assert cpu.named_cpu("no-such-program-name") == 0


def test_no_proc_gives_nan(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(cpu, "PROC", tmp_path / "absent")
    assert math.isnan(cpu.tree_cpu(os.getpid()))
    assert math.isnan(cpu.named_cpu("python"))
