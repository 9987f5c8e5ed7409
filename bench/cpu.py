"""CPU seconds spent by processes of this machine, read from /proc (Linux).

The sync benchmark tells where a push's time went — the district service, its database
server, the station — and so the least time the push could take on this machine's cores
however the work were spread (issue 19: a budget below that floor is a decision, not a
defect). Where there is no /proc every figure is NaN, which the table prints as missing.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

PROC = Path("/proc")


def _stat(pid: str) -> tuple[str, int, float] | None:
    """(command name, parent pid, user + system CPU seconds) of `pid`, None if gone."""
    try:
        raw = (PROC / pid / "stat").read_text()
    except OSError:  # the process ended meanwhile, or no /proc
        return None
    name = raw[raw.index("(") + 1:raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2:].split()
    # After the name: state, ppid, …; utime and stime are the 14th and 15th fields of
    # the whole line (proc(5)), here at 11 and 12.
    ticks = int(fields[11]) + int(fields[12])
    return name, int(fields[1]), ticks / os.sysconf("SC_CLK_TCK")


def _all() -> list[tuple[str, str, int, float]]:
    out = []
    for entry in PROC.iterdir() if PROC.is_dir() else ():
        if entry.name.isdigit() and (seen := _stat(entry.name)) is not None:
            out.append((entry.name, *seen))
    return out


def tree_cpu(pid: int) -> float:
    """CPU seconds of `pid` and its children (`serve --workers N`: the balancer and its
    workers), NaN without /proc."""
    if not PROC.is_dir():
        return math.nan
    rows = _all()
    return sum(cpu for p, _name, ppid, cpu in rows if int(p) == pid or ppid == pid)


def named_cpu(prefix: str) -> float:
    """CPU seconds of every process whose name starts with `prefix` (a local PostgreSQL
    server's processes are all named postgres), NaN without /proc."""
    if not PROC.is_dir():
        return math.nan
    return sum(cpu for _p, name, _ppid, cpu in _all() if name.startswith(prefix))
