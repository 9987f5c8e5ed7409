"""A damaged, empty or foreign database file: found, worded once, never written into.

Reproduces the fault tests' findings: bytes flipped in the middle of the station's
database (case new wrote on, backup said "已备份到" for a malformed copy, reads ended in a
raw traceback), a 0-byte file silently rebuilt as an empty station, another program's
SQLite file refused but switched to WAL.
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from clerk.catalog import dump_catalog
from clerk.cli import main
from clerk.errors import StoreError
from clerk.scans import LocalBlobs
from clerk.store import DB_FILENAME, Store
from tests.clerk.factories import DISTRICT, sample_matters
from tests.conftest import raw_store

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    def _run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err
    return _run


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(path: Path, *tables: str) -> None:
    """Scribble over the b-tree header of the given tables' root pages (mid-file)."""
    con = raw_store(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = int(con.execute("PRAGMA page_size").fetchone()[0])
    roots = [con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (t,))
             .fetchone()[0] for t in tables]
    con.close()
    raw = bytearray(path.read_bytes())
    for root in roots:
        start = (root - 1) * page
        raw[start:start + 16] = b"\xab" * 16
    path.write_bytes(bytes(raw))


@pytest.fixture
def damaged_station(run: Run, data_dir: Path, id_factory: Callable[..., str],
                    tmp_path: Path) -> Path:
    d = ["--data-dir", str(data_dir)]
    catalog = tmp_path / "test-catalog.json"
    catalog.write_text(dump_catalog(sample_matters()), encoding="utf-8")
    assert run("catalog", "import", str(catalog), *d)[0] == 0
    for n in range(3):
        code, _, err = run("case", "new", "--matter", DISTRICT, "--id-no", id_factory(n + 1),
                           "--name", "测试", "--received", "id_card", *d)
        assert code == 0, err
    damage(data_dir / DB_FILENAME, "cases", "case_events")
    return data_dir


def test_case_new_refuses_to_write_into_a_damaged_store(
        run: Run, damaged_station: Path, id_factory: Callable[..., str]) -> None:
    before = sha(damaged_station / DB_FILENAME)
    code, _, err = run("case", "new", "--matter", DISTRICT, "--id-no", id_factory(9),
                       "--name", "测试", "--received", "id_card",
                       "--data-dir", str(damaged_station))
    assert code == 1 and "数据库已损坏" in err and "备份恢复" in err
    assert "Traceback" not in err
    assert sha(damaged_station / DB_FILENAME) == before


@pytest.mark.parametrize("argv", [("case", "list"), ("report", "daily"),
                                  ("sync", "--status")])
def test_reads_of_damaged_pages_are_worded_not_a_traceback(
        run: Run, damaged_station: Path, argv: tuple[str, ...], tmp_path: Path) -> None:
    extra = ("--out", str(tmp_path / "r.pdf"), "--date", "2026-03-02") \
        if argv[0] == "report" else ()
    code, out, err = run(*argv, *extra, "--data-dir", str(damaged_station))
    assert code == 1, out
    assert "数据库已损坏" in err and "Traceback" not in err


def test_backup_of_a_damaged_store_is_refused(run: Run, damaged_station: Path,
                                              tmp_path: Path) -> None:
    target = tmp_path / "bk.sqlite3"
    code, out, err = run("backup", "--to", str(target), "--data-dir", str(damaged_station))
    assert code == 1 and "已备份到" not in out and "数据库已损坏" in err
    assert not target.exists()


def test_backup_copy_is_verified(monkeypatch: pytest.MonkeyPatch, data_dir: Path,
                                 tmp_path: Path) -> None:
    from clerk.store import db

    store = Store.open_dir(data_dir)
    monkeypatch.setattr(db, "file_problem", lambda _p, _k: "database disk image is malformed")
    target = tmp_path / "bk.sqlite3"
    with pytest.raises(StoreError) as err:
        store.backup(target, scans=LocalBlobs.of(store))
    assert err.value.code == "store.backup_bad" and not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".stationdesk")) == []
    store.close()


def test_background_check_marks_the_store_damaged(damaged_station: Path) -> None:
    store = Store.open_dir(damaged_station)
    store.wait_for_check()
    assert store.damage is not None
    with pytest.raises(StoreError) as err, store.write():
        pass
    assert err.value.code == "store.damaged"
    store.close()


def test_empty_file_is_refused_and_left_alone(run: Run, tmp_path: Path) -> None:
    d = tmp_path / "empty"
    d.mkdir()
    (d / DB_FILENAME).write_bytes(b"")
    code, _, err = run("case", "list", "--data-dir", str(d))
    assert code == 1 and "0 字节" in err
    assert (d / DB_FILENAME).read_bytes() == b""
    assert sorted(p.name for p in d.iterdir()) == [DB_FILENAME]


def test_foreign_sqlite_file_is_refused_byte_for_byte_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    con = sqlite3.connect(path)  # another program's database
    con.execute("CREATE TABLE other (x)")
    con.execute("INSERT INTO other VALUES (1)")
    con.commit()
    con.close()
    before = sha(path)
    with pytest.raises(StoreError) as err:
        Store.open(path)
    assert err.value.code == "store.foreign"
    assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_FILENAME]
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


def test_doctor_reports_a_damaged_store(run: Run, damaged_station: Path) -> None:
    code, out, err = run("doctor", "--data-dir", str(damaged_station))
    assert code == 1 and "Traceback" not in err
    assert "问题  数据库" in out or "数据库已损坏" in err


def test_doctor_is_clean_on_a_sound_station(run: Run, data_dir: Path) -> None:
    code, out, _ = run("doctor", "--json", "--data-dir", str(data_dir))
    data = __import__("json").loads(out)
    assert code == 0 and data["ok"] and {f["part"] for f in data["findings"]} >= {"数据库",
                                                                                 "扫描件"}


def test_closing_interrupts_the_background_check_without_calling_it_damage(
        monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    """On the encrypted store the check of a large station runs for seconds: closing
    the window stops it (not damage); the next start checks again."""
    import threading
    import time

    con = raw_store(data_dir / DB_FILENAME)
    con.execute("CREATE TABLE ballast (b BLOB)")
    con.executemany("INSERT INTO ballast VALUES (randomblob(4000))", [()] * 12_000)
    con.commit()
    con.close()
    outcome: list[object] = []
    real = Store.integrity_problem

    def spy(self: Store, **kw: bool) -> str | None:
        try:
            found = real(self, **kw)
        except Exception as exc:
            outcome.append(exc)
            raise
        outcome.append(found)
        return found

    monkeypatch.setattr(Store, "integrity_problem", spy)
    store = Store.open_dir(data_dir)
    deadline = time.monotonic() + 20
    while store._checking is None and not outcome and time.monotonic() < deadline:
        time.sleep(0.001)
    store.close()
    assert len(outcome) == 1 and "interrupt" in str(outcome[0]).lower(), outcome
    assert store.damage is None
    assert not any(t.name == "stationdesk-check" and t.is_alive()
                   for t in threading.enumerate())
    outcome.clear()
    again = Store.open_dir(data_dir)  # checked again, in full, and sound
    again.wait_for_check()
    assert outcome == [None] and again.damage is None
    again.close()
