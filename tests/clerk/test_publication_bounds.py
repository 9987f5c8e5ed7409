"""Catalogs and calendars are bounded on validate, import and publish alike.

Reproduces the fault tests' findings: `committed_limit_days: 10**30` passed `catalog
validate` and `publish-catalog` (and then broke every station's round); deeply nested
JSON ended in a RecursionError traceback.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from clerk.calendar import parse_year_file
from clerk.catalog import dump_catalog
from clerk.catalog.loader import MAX_BYTES, matter_from_dict, matter_to_dict, parse_catalog
from clerk.cli import main
from clerk.errors import ValidationError
from tests.clerk.factories import sample_matters


def huge_limit_catalog() -> str:
    doc = json.loads(dump_catalog(sample_matters()))
    for m in doc["matters"]:
        if m["committed_limit_days"] > 0:
            m["committed_limit_days"] = 10**30
            break
    return json.dumps(doc, ensure_ascii=False)


def deep_catalog(depth: int = 100_000) -> str:
    return '{"format": "stationdesk-catalog", "version": 1, "matters": ' \
        + "[" * depth + "]" * depth + "}"


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("text", [huge_limit_catalog(), deep_catalog(), deep_catalog(40)],
                         ids=["huge-number", "recursion-deep", "too-deep"])
def test_catalog_validate_refuses_unbounded_files(
        text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "c.json"
    f.write_text(text, encoding="utf-8")
    code, err = run_cli(["catalog", "validate", str(f)], capsys)
    assert code == 2, err
    assert "Traceback" not in err and ("不能大于" in err or "嵌套过深" in err)


def test_oversized_catalog_is_refused() -> None:
    with pytest.raises(ValidationError, match="太大"):
        parse_catalog(b" " * (MAX_BYTES + 1), source_name="big.json")


def test_a_snapshot_from_the_district_is_bounded_too() -> None:
    data: dict[str, Any] = matter_to_dict(sample_matters()[0])
    data["committed_limit_days"] = 10**30
    with pytest.raises(ValidationError):
        matter_from_dict(data)


@pytest.mark.parametrize("text", [huge_limit_catalog(), deep_catalog()],
                         ids=["huge-number", "deep"])
def test_publish_catalog_refuses_unbounded_files(
        text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from district.cli import main as district_main

    f = tmp_path / "c.json"
    f.write_text(text, encoding="utf-8")
    db = str(tmp_path / "d.sqlite3")
    assert district_main(["admin", "publish-catalog", str(f), "--db", db]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err


def test_deep_calendar_file_is_refused_in_words() -> None:
    text = '{"format": "stationdesk-calendar", "days": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(ValidationError, match="嵌套过深"):
        parse_year_file(text, source_name="deep.json")


def test_publish_calendar_refuses_a_deep_file(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from district.cli import main as district_main

    f = tmp_path / "y.json"
    f.write_text('{"days": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert district_main(["admin", "publish-calendar", str(f), "--db",
                          str(tmp_path / "d.sqlite3")]) == 2
