"""The quick read-only look the sign-in screen uses before the store is loaded."""

from __future__ import annotations

from pathlib import Path

from clerk.store import DB_FILENAME
from clerk.store.peek import peek
from tests.conftest import ADMIN, raw_store


def test_peek_reads_station_and_clerks(data_dir: Path) -> None:
    seen = peek(data_dir)
    assert seen is not None
    assert seen.station.code == "110108001001" and "测试社区" in seen.station.name
    assert [a.username for a in seen.accounts] == [ADMIN]


def test_peek_declines_what_the_full_open_must_judge(tmp_path: Path, data_dir: Path) -> None:
    assert peek(tmp_path / "missing") is None
    (tmp_path / "garbage").mkdir()
    (tmp_path / "garbage" / DB_FILENAME).write_bytes(b"not a database" * 100)
    assert peek(tmp_path / "garbage") is None
    con = raw_store(data_dir / DB_FILENAME)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    assert peek(data_dir) is None  # a newer database: the full open refuses it clearly
    assert not (tmp_path / "missing" / DB_FILENAME).exists()
