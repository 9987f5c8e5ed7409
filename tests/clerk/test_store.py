"""The local store: pragmas, migrations, refusal of newer or foreign databases, backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from clerk.errors import StoreError
from clerk.scans import LocalBlobs
from clerk.store import DB_FILENAME, Store, schema
from clerk.store.backup import restore
from clerk.workspace import Workspace
from tests.clerk.case_builder import Cases
from tests.conftest import export_plaintext, raw_store, station_migrations


def test_pragmas(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a.sqlite3")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    store.close()


def test_head_constant_matches_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(schema.MIGRATIONS_DIR))
    assert scripts.get_current_head() == schema.HEAD_REVISION
    assert {s.revision for s in scripts.walk_revisions()} == set(schema.KNOWN_REVISIONS)


def test_migrations_create_the_model_schema(tmp_path: Path) -> None:
    """The migration scripts produce exactly what the models declare (no drift)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from clerk.store.models import Base

    store = Store.open(tmp_path / "m.sqlite3")
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    store.close()


def test_reopen_is_idempotent(tmp_path: Path) -> None:
    Store.open(tmp_path / "b.sqlite3").close()
    store = Store.open(tmp_path / "b.sqlite3")
    assert schema.current_revision(store.engine) == schema.HEAD_REVISION
    store.close()


def test_newer_database_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    Store.open(path).close()
    con = raw_store(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="更新版本") as err:
        Store.open(path)
    assert err.value.code == "store.newer"
    assert path.read_bytes() == before


def test_corrupt_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="不是可用的") as err:
        Store.open(path)
    assert err.value.code == "store.corrupt"


def test_foreign_sqlite_refused(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite3"
    con = sqlite3.connect(path)  # another program's (plaintext) database
    con.execute("CREATE TABLE other (x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="不是由 StationDesk 创建"):
        Store.open(path)


def test_write_rolls_back_on_error(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "f.sqlite3")
    with pytest.raises(RuntimeError), store.write() as s:
        s.execute(text("INSERT INTO settings (key, value) VALUES ('a', 'b')"))
        raise RuntimeError("boom")
    with store.read() as s:
        assert s.execute(text("SELECT count(*) FROM settings")).scalar() == 0
    store.close()


def test_online_backup(ws: Workspace, tmp_path: Path) -> None:
    ws.set_setting("copies", "2")
    target = ws.backup(tmp_path / "backup" / "b.sqlite3")
    restore(target, tmp_path / "restored", scans=LocalBlobs)
    con = raw_store(tmp_path / "restored" / DB_FILENAME)
    assert con.execute("SELECT value FROM settings WHERE key='copies'").fetchone() == ("2",)
    assert con.execute("SELECT count(*) FROM station").fetchone() == (1,)
    con.close()
    with pytest.raises(StoreError, match="已存在"):
        ws.backup(target)


def test_template_db_name(data_dir: Path) -> None:
    assert (data_dir / DB_FILENAME).exists()


def test_damaged_pages_found_by_integrity_check(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite3"
    store = Store.open(path)
    with store.write() as s:
        for i in range(400):
            s.execute(text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                      {"k": f"k{i}", "v": "x" * 500})
    assert store.integrity_problem() is None
    store.close()
    con = raw_store(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    raw = bytearray(path.read_bytes())
    page = 4096
    for n in range(3, 9):  # scribble over the b-tree headers of a few pages
        for offset in range(n * page, n * page + 12):
            raw[offset] = 0xAB
    path.write_bytes(bytes(raw))
    try:
        damaged = Store.open(path)  # opening stays cheap; the full check finds the damage
    except StoreError as exc:  # or the schema pages themselves were hit: a clear refusal
        assert exc.code == "store.corrupt"
        return
    assert damaged.integrity_problem() is not None
    damaged.close()


def test_json_columns_keep_chinese_as_itself_and_read_back(tmp_path: Path) -> None:
    """Stored JSON (and so the payloads a push splices in) is not \\uXXXX-escaped."""
    from sqlalchemy import JSON, Column, MetaData, Table, insert, select

    store = Store.open(tmp_path / "j.sqlite3")
    store.close()
    con = raw_store(tmp_path / "j.sqlite3")
    con.execute("CREATE TABLE probe (data JSON)")
    con.commit()
    con.close()
    probe = Table("probe", MetaData(), Column("data", JSON))
    store = Store.open(tmp_path / "j.sqlite3")
    value = {"name": "申请人", "big": 2**70, "list": [1, "材料"]}  # 2**70: beyond orjson
    with store.engine.begin() as conn:
        conn.execute(insert(probe), [{"data": value}, {"data": {"name": "张三"}}])
    with store.engine.connect() as conn:
        assert conn.execute(select(probe.c.data)).scalars().all() == [value, {"name": "张三"}]
        raw = conn.exec_driver_sql("SELECT data FROM probe").scalars().all()
    assert "申请人" in raw[0] and raw[1] == '{"name":"张三"}'
    store.close()


def test_an_older_store_with_people_and_cases_migrates_to_head(
        ws: Workspace, cases: Cases, tmp_path: Path) -> None:
    """A station upgraded in place: rebuilding `applicants` (0003, batch mode) must not
    trip over the cases that reference it; nothing is lost and the keys are on again."""
    from alembic import command
    from sqlalchemy import create_engine

    for _ in range(3):
        cases.accepted()
    path = ws.store.path
    assert path is not None
    with ws.store.read() as s:
        before = (s.execute(text("SELECT count(*) FROM applicants")).scalar_one(),
                  s.execute(text("SELECT count(*) FROM cases")).scalar_one())
    ws.close()
    old = export_plaintext(path, tmp_path / "old.sqlite3")  # as the previous release left it
    engine = create_engine(f"sqlite:///{old}")
    cfg = station_migrations(engine)
    command.downgrade(cfg, "0002")
    engine.dispose()
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    old.replace(path)
    assert path.read_bytes().startswith(b"SQLite format 3")
    again = Workspace.open(path.parent)  # encrypted (same key kept), then migrated
    try:
        with again.store.read() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar_one() \
                == schema.HEAD_REVISION
            assert (s.execute(text("SELECT count(*) FROM applicants")).scalar_one(),
                    s.execute(text("SELECT count(*) FROM cases")).scalar_one()) == before
            assert s.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    finally:
        again.close()
    assert not path.read_bytes().startswith(b"SQLite format 3")
