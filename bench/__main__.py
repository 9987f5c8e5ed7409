"""`python -m bench [NAME ...]`: run the benchmark modules and print one table.

Each module `bench/<name>_bench.py` exposes `run() -> list[tuple[str, float, str]]`
(what was measured with its unit, the value, the budget in words). A module that fails
prints its error in the table instead of stopping the others.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

MODULES = ("clerk", "encryption", "printing", "startup", "counter", "ui", "sync", "district",
           "devices")


def _bench_keyring() -> None:
    """The benchmark stations are encrypted like every station; their (synthetic) keys go
    to a file keyring in bench/.cache unless a keyring backend is chosen, so the cached
    databases open on a machine without a desktop keyring and never touch the user's."""
    if "PYTHON_KEYRING_BACKEND" not in os.environ:
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
        os.environ["XDG_DATA_HOME"] = str(Path(__file__).resolve().parent / ".cache" / "keyring")


def _fmt(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3f}"


def main(argv: Sequence[str]) -> int:
    _bench_keyring()
    wanted = list(argv) or list(MODULES)
    rows: list[tuple[str, str, str]] = []
    failed = False
    for name in wanted:
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.{name}_bench")
            for what, value, budget in module.run():
                rows.append((what, _fmt(value), budget))
        except ModuleNotFoundError as exc:
            if exc.name != f"bench.{name}_bench":
                raise
            rows.append((f"[{name}] no benchmark module", "-", ""))
        except Exception as exc:  # report and go on with the other modules
            failed = True
            traceback.print_exc()
            rows.append((f"[{name}] FAILED: {exc}", "-", ""))
        print(f"# {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    width = max(len(r[0]) for r in rows) + 2
    print(f"{'benchmark':<{width}}{'value':>14}  budget")
    print("-" * (width + 40))
    for what, value, budget in rows:
        print(f"{what:<{width}}{value:>14}  {budget}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
