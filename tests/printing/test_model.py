"""View-model rules: options, decisions, aligned report rows, rating groups."""

from __future__ import annotations

import subprocess
import sys

import pytest

from printing.model import MatterCountRow, PrintOptions, RatingCounts
from tests.printing import factories


def test_copies_are_one_or_two() -> None:
    assert PrintOptions().copies == 2
    with pytest.raises(ValueError):
        PrintOptions(copies=3)  # type: ignore[arg-type]


def test_unknown_decision_is_refused() -> None:
    with pytest.raises(ValueError):
        factories.result(decision="maybe")


def test_report_rows_must_match_the_columns() -> None:
    with pytest.raises(ValueError, match="expected 11"):
        factories.daily_report(rows=(MatterCountRow("x", "y", (1, 2)),))


def test_rating_groups() -> None:
    r = RatingCounts(very_satisfied=2, satisfied=1, basically_satisfied=4, dissatisfied=1,
                     very_dissatisfied=3)
    assert (r.good, r.middle, r.bad, r.total) == (3, 4, 4, 11)
    assert [level for level, _, _ in r.by_level()] == [5, 4, 3, 2, 1]


def test_last4_for_progress_lookup() -> None:
    assert factories.APPLICANT.last4 == factories.APPLICANT_ID[-4:]
    assert factories.ORG.last4 == factories.ORG_USCC[-4:]


def test_importing_the_models_does_not_import_reportlab() -> None:
    code = ("import sys, printing, printing.model; "
            "print('reportlab' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "False"

