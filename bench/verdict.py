"""Whether a benchmark row is within its budget, judged from the budget as the table
prints it, and the verdict of several whole runs (issue 19: every row in budget in three
consecutive runs).

A budget is judged when it begins with a bound and a number: "≤ 150 ms", "≥ 600/s per
worker", "≤ 301 (3×)", "≤ 0.2". One that names no number of its own ("≤ 1.3× plaintext",
"≤ 0.2× PouchDB (ratio row)": another row judges it), "reference" and "-" are not
judged. A judged row without a value (NaN: skipped, failed) is not in budget, and a row
standing for rows that could not be measured (a module that failed, PostgreSQL not
reachable, PouchDB missing) carries `MUST_RUN` so that the table never looks clean
without them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# The number must not be followed by "×": "≤ 2× idle" is relative to another row.
_BOUND = re.compile(r"^\s*([≤≥])\s*([0-9][0-9,]*(?:\.[0-9]+)?)(?![0-9.,]|\s*×)")

MET, NOT_MET, NO_VALUE = "met", "NOT MET", "no value"
#: The budget of a row that stands for measurements which did not happen.
MUST_RUN = "must run (its budgeted rows are missing)"


@dataclass(frozen=True)
class Budget:
    at_most: bool  # ≤ (else ≥)
    limit: float

    def holds(self, value: float) -> bool:
        return value <= self.limit if self.at_most else value >= self.limit


def parse(text: str) -> Budget | None:
    """The bound a budget's text states, or None when it states none of its own."""
    found = _BOUND.match(text)
    if found is None:
        return None
    return Budget(found.group(1) == "≤", float(found.group(2).replace(",", "")))


def judge(value: float, budget_text: str) -> str:
    """MET, NOT_MET, NO_VALUE, or "" for a row that has no budget of its own."""
    if budget_text == MUST_RUN:
        return NO_VALUE
    budget = parse(budget_text)
    if budget is None:
        return ""
    if math.isnan(value):
        return NO_VALUE
    return MET if budget.holds(value) else NOT_MET


@dataclass
class Row:
    """One benchmark across runs: each run's value and verdict (None: not in that run)."""

    what: str
    values: list[float | None]
    verdicts: list[str | None]
    budget: str = ""

    def summary(self) -> str:
        """"" (not judged), "met" (in every run), or what failed and how often."""
        judged = [v for v in self.verdicts if v]
        if not judged:
            return ""
        missing = sum(1 for v in self.verdicts if v is None)
        failed = [v for v in judged if v != MET]
        if not failed and not missing:
            return MET if len(judged) == 1 else f"{MET} in all {len(judged)}"
        if len(self.verdicts) == 1:
            return failed[0]
        return f"{NOT_MET} in {len(failed) + missing} of {len(self.verdicts)}"


def combine(runs: list[list[tuple[str, float, str]]]) -> list[Row]:
    """The rows of several runs, in the order they first appeared, each judged in its own
    run against that run's budget (a budget may be computed from a reference row)."""
    rows: dict[str, Row] = {}
    for k, run in enumerate(runs):
        for what, value, budget in run:
            row = rows.setdefault(what, Row(what, [None] * len(runs), [None] * len(runs)))
            row.values[k] = value
            row.verdicts[k] = judge(value, budget)
            row.budget = budget
    return list(rows.values())
