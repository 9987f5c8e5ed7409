"""The district's case rows: what a push writes covers every column exactly once."""

from __future__ import annotations

from collections.abc import Callable

from clerk.workspace import Workspace
from district import ledger
from tests.districtkit import escalated_case


def test_case_values_fill_every_column_and_updates_leave_the_fixed_ones(
        sws: Workspace, id_factory: Callable[..., str]) -> None:
    rec = escalated_case(sws, id_factory(1))
    values = ledger.case_values(rec, None)
    columns = {c.name for c in ledger.CASES.c}
    assert set(values) == columns
    assert set(ledger.FIXED_COLUMNS) | set(ledger.CHANGING_COLUMNS) == columns
    assert not set(ledger.FIXED_COLUMNS) & set(ledger.CHANGING_COLUMNS)


def test_a_new_sqlite_district_database_has_16k_pages(tmp_path: object) -> None:
    import sqlite3
    from pathlib import Path

    from district.db import Database

    path = Path(str(tmp_path)) / "d.sqlite3"
    Database(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA page_size").fetchone()[0] == 16384
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()
