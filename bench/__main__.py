"""`python -m bench [--runs N] [NAME ...]`: run the benchmark modules and print one table.

Each module `bench/<name>_bench.py` exposes `run() -> list[tuple[str, float, str]]`
(what was measured with its unit, the value, the budget in words). A module that fails
prints its error in the table instead of stopping the others. Each row's verdict says
whether it kept its budget (bench.verdict); with `--runs N` the modules run N times in a
row and a row is met only if it was met in every run.
"""

from __future__ import annotations

import importlib
import math
import os
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from bench import verdict

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


def _run_once(wanted: list[str]) -> tuple[list[tuple[str, float, str]], bool]:
    """Every wanted module's rows, in order; a module that fails gives a row saying so."""
    rows: list[tuple[str, float, str]] = []
    failed = False
    for name in wanted:
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.{name}_bench")
            rows.extend(module.run())
        except ModuleNotFoundError as exc:
            if exc.name != f"bench.{name}_bench":
                raise
            rows.append((f"[{name}] no benchmark module", float("nan"), verdict.MUST_RUN))
        except Exception as exc:  # report and go on with the other modules
            failed = True
            traceback.print_exc()
            rows.append((f"[{name}] FAILED: {exc}", float("nan"), verdict.MUST_RUN))
        print(f"# {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return rows, failed


def _arguments(argv: Sequence[str]) -> tuple[list[str], int]:
    """The modules asked for (all by default) and `--runs N` (1 by default)."""
    names: list[str] = []
    runs = 1
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--runs" or arg.startswith("--runs="):
            text = arg.partition("=")[2] if "=" in arg else (args.pop(0) if args else "")
            if not text.isdigit() or int(text) < 1:
                raise SystemExit(f"--runs wants a whole number of runs, not {text!r}")
            runs = int(text)
        elif arg.startswith("-"):
            raise SystemExit(f"unknown option {arg}; usage: python -m bench [--runs N] [NAME ...]")
        else:
            names.append(arg)
    return names or list(MODULES), runs


def _print_table(rows: list[verdict.Row]) -> None:
    runs = len(rows[0].values) if rows else 1
    width = max(len(r.what) for r in rows) + 2
    heads = ["value"] if runs == 1 else [f"run {k + 1}" for k in range(runs)]
    print(f"{'benchmark':<{width}}" + "".join(f"{h:>14}" for h in heads)
          + f"  {'verdict':<18}budget")
    print("-" * (width + 14 * runs + 60))
    for row in rows:
        values = "".join(f"{'-' if v is None or math.isnan(v) else _fmt(v):>14}"
                         for v in row.values)
        print(f"{row.what:<{width}}{values}  {row.summary():<18}{row.budget}")


def main(argv: Sequence[str]) -> int:
    """Each run goes through every wanted module in turn (runs are consecutive, as
    issue 19's three in-budget runs are); the table shows every run's value, and a row
    is "met" only when every run kept its budget."""
    wanted, runs = _arguments(argv)
    _bench_keyring()
    results: list[list[tuple[str, float, str]]] = []
    failed = False
    for k in range(runs):
        if runs > 1:
            print(f"# run {k + 1} of {runs}", file=sys.stderr)
        rows, broke = _run_once(wanted)
        results.append(rows)
        failed = failed or broke
    _print_table(verdict.combine(results))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
