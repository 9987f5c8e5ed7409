"""The catalog's pinyin kept between starts: same answers, no pypinyin at sign-in."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from clerk.catalog import CatalogIndex, load_bundled_catalog
from clerk.catalog.spelling_cache import FILENAME, read_spellings
from clerk.workspace import Workspace

QUERIES = ("dbsq", "zuidi", "低保", "残疾人", "BJ-RS", "zdshbz", "gzf lzf", "2寸")


def _answers(index: CatalogIndex) -> list[list[str]]:
    return [[m.code for m in index.search(q)] for q in QUERIES] + [index.departments()]


def test_known_spellings_give_the_same_index() -> None:
    matters = load_bundled_catalog()
    spelled = CatalogIndex(matters)
    kept = spelled.spellings()
    assert kept["最低生活保障申请"] == ("zdshbzsq", "zuidishenghuobaozhangshenqing")
    assert _answers(CatalogIndex(matters, kept)) == _answers(spelled)


def test_the_workspace_keeps_the_spellings_and_reads_them_back(ws: Workspace) -> None:
    assert ws.data_dir is not None
    path = ws.data_dir / FILENAME
    first = ws.catalog_index()
    assert path.exists()
    kept = read_spellings(path)
    assert set(kept) == set(first.spellings())
    assert _answers(ws.catalog_index()) == _answers(first)


def test_a_damaged_or_foreign_cache_is_ignored_and_rewritten(ws: Workspace) -> None:
    assert ws.data_dir is not None
    path = ws.data_dir / FILENAME
    reference = _answers(ws.catalog_index())
    path.write_text("{not json", encoding="utf-8")
    assert read_spellings(path) == {}
    assert _answers(ws.catalog_index()) == reference
    assert read_spellings(path)  # written again
    body = json.loads(path.read_text(encoding="utf-8"))
    body["stamp"] = "1/pypinyin-0.0"  # another pypinyin may spell differently
    path.write_text(json.dumps(body), encoding="utf-8")
    assert read_spellings(path) == {}


def test_a_start_with_the_cache_imports_no_pypinyin(ws: Workspace) -> None:
    assert ws.data_dir is not None
    ws.catalog_index()  # writes the cache
    code = ("import sys; from clerk.workspace import Workspace; "
            f"ws = Workspace.open({str(ws.data_dir)!r}); index = ws.catalog_index(); "
            "print(len(index), 'pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    count, imported = out.stdout.split()
    assert int(count) > 0 and imported == "False"
