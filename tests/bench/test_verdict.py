"""The bench's verdicts: which budgets are judged, and a row is met only in every run."""

from __future__ import annotations

import math
import sys
import types
from collections.abc import Iterator

import pytest

from bench import __main__ as bench_main
from bench import verdict
from bench.verdict import MET, NO_VALUE, NOT_MET


@pytest.mark.parametrize(("text", "at_most", "limit"), [
    ("≤ 150 ms", True, 150.0),
    ("≥ 600/s per worker", False, 600.0),
    ("≥ 12,000/s (a worker per core)", False, 12000.0),
    ("≤ 301 (3×)", True, 301.0),
    ("≤ 0.2", True, 0.2),
    ("≤ 50 ms (a keystroke not held)", True, 50.0),
    ("≤ 0.130 (no slower per event than one alone)", True, 0.13),
])
def test_a_budget_with_a_number_of_its_own_is_judged(text: str, at_most: bool,
                                                     limit: float) -> None:
    assert verdict.parse(text) == verdict.Budget(at_most, limit)


@pytest.mark.parametrize("text", [
    "reference", "-", "", "- (one core)", "≤ 1.3× plaintext", "≤ 0.2× PouchDB (ratio row)",
    "≤ 2× idle", "the baseline the push must beat",
])
def test_a_budget_relative_to_another_row_or_none_is_not_judged(text: str) -> None:
    assert verdict.parse(text) is None
    assert verdict.judge(1.0, text) == ""


def test_judging_both_bounds_and_a_missing_value() -> None:
    assert verdict.judge(150.0, "≤ 150 ms") == MET
    assert verdict.judge(150.1, "≤ 150 ms") == NOT_MET
    assert verdict.judge(600.0, "≥ 600/s") == MET
    assert verdict.judge(599.9, "≥ 600/s") == NOT_MET
    assert verdict.judge(math.nan, "≤ 150 ms") == NO_VALUE


def test_a_row_is_met_only_when_every_run_met_it() -> None:
    rows = verdict.combine([
        [("a", 1.0, "≤ 2"), ("b", 5.0, "≤ 2"), ("c", 9.0, "reference")],
        [("a", 1.5, "≤ 2"), ("b", 1.0, "≤ 2"), ("c", 8.0, "reference")],
        [("a", 1.9, "≤ 2"), ("c", 7.0, "reference")],  # b's module failed in run 3
    ])
    by_name = {r.what: r for r in rows}
    assert [r.what for r in rows] == ["a", "b", "c"]
    assert by_name["a"].summary() == f"{MET} in all 3"
    assert by_name["b"].summary() == f"{NOT_MET} in 2 of 3"
    assert by_name["b"].values == [5.0, 1.0, None]
    assert by_name["c"].summary() == ""


def test_each_run_is_judged_by_its_own_budget() -> None:
    """A budget computed from a reference row (3× a bare window) changes per run."""
    row, = verdict.combine([[("ready", 300.0, "≤ 290 (3×)")], [("ready", 300.0, "≤ 310 (3×)")]])
    assert row.verdicts == [NOT_MET, MET]
    assert row.summary() == f"{NOT_MET} in 1 of 2"


@pytest.fixture
def fake_module(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """bench.fake_bench: one row whose value is taken from a list, run after run."""
    values = [100.0, 140.0, 180.0]
    module = types.ModuleType("bench.fake_bench")
    module.run = lambda: [("fake: preview (ms)", values.pop(0), "≤ 150 ms")]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bench.fake_bench", module)
    monkeypatch.setattr(bench_main, "_bench_keyring", lambda: None)  # leaves os.environ be
    yield values


def test_runs_prints_every_run_and_the_verdict(fake_module: list[float],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_main.main(["--runs", "3", "fake"]) == 0
    line = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("fake:"))
    assert "100.0" in line and "140.0" in line and "180.0" in line
    assert f"{NOT_MET} in 1 of 3" in line


def test_one_run_says_met(fake_module: list[float], capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_main.main(["fake"]) == 0
    line = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("fake:"))
    assert f" {MET} " in line and "≤ 150 ms" in line


@pytest.mark.parametrize("argv", [["--runs", "0"], ["--runs", "x"], ["--runs"], ["--fast"]])
def test_bad_options_are_refused(argv: list[str]) -> None:
    with pytest.raises(SystemExit, match=r"runs|unknown option"):
        bench_main.main(argv)


def test_a_row_standing_for_missing_measurements_is_never_clean() -> None:
    assert verdict.judge(math.nan, verdict.MUST_RUN) == NO_VALUE
    row, = verdict.combine([[("sync [postgres]: no PostgreSQL reachable, skipped", math.nan,
                              verdict.MUST_RUN)]])
    assert row.summary() == NO_VALUE


def test_a_module_that_fails_says_so_in_the_verdict(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    def broken() -> list[tuple[str, float, str]]:
        raise RuntimeError("district server did not start")

    module = types.ModuleType("bench.broken_bench")
    module.run = broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bench.broken_bench", module)
    monkeypatch.setattr(bench_main, "_bench_keyring", lambda: None)
    assert bench_main.main(["broken"]) == 1
    line = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("[broken]"))
    assert "FAILED: district server did not start" in line and NO_VALUE in line
