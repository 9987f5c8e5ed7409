"""The district database schema (migrations vs models, newer databases refused) and its CLI."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from clerk.errors import StoreError
from district import schema
from district.cli import main
from district.db import Database
from district.models import Base


def test_head_constant_matches_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(schema.MIGRATIONS_DIR))
    assert scripts.get_current_head() == schema.HEAD_REVISION
    assert {s.revision for s in scripts.walk_revisions()} == set(schema.KNOWN_REVISIONS)


def test_migrations_create_the_model_schema(district_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine(district_url.replace("sqlite:///", "sqlite:///", 1))
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    engine.dispose()


@pytest.mark.postgres
def test_postgresql_compresses_large_columns_with_lz4(pg_district_url: str) -> None:
    from sqlalchemy import text

    engine = create_engine(pg_district_url)
    try:
        with engine.connect() as conn:
            try:  # a server built without lz4 keeps its default (the migration allows it)
                with conn.begin_nested():
                    conn.execute(text("CREATE TEMP TABLE probe (x text COMPRESSION lz4)"))
            except Exception:
                pytest.skip("this PostgreSQL has no lz4")
            methods = {name: m for name, m in conn.execute(text(
                "SELECT c.relname || '.' || a.attname, a.attcompression FROM pg_attribute a "
                "JOIN pg_class c ON c.oid = a.attrelid "
                "WHERE (c.relname, a.attname) IN (('ledger', 'payload'), ('cases', 'data'))"))}
    finally:
        engine.dispose()
    assert methods == {"ledger.payload": "l", "cases.data": "l"}


def test_newer_database_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    Database(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'd9999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        Database(f"sqlite:///{path}")
    assert err.value.code == "store.newer"
    assert path.read_bytes() == before


def test_foreign_database_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE other (x)")
    con.close()
    with pytest.raises(StoreError) as err:
        Database(f"sqlite:///{path}")
    assert err.value.code == "store.foreign"


def test_sqlite_pragmas(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.close()


def test_admin_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                        monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import json

    db = str(tmp_path / "cli.sqlite3")
    assert main(["admin", "create-station", "--code", "110108001001", "--name", "测试站",
                 "--db", db]) == 0
    code = capsys.readouterr().out.strip()
    assert len(code) == 23 and code.count("-") == 3
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-password\n"))
    assert main(["admin", "create-user", "--username", "li.shen", "--role", "reviewer",
                 "--password-stdin", "--db", db]) == 0
    assert "li.shen" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["admin", "create-user", "--username", "x.y", "--role", "proxy",
                 "--password-stdin", "--db", db]) == 2
    assert "密码至少" in capsys.readouterr().err
    assert main(["admin", "revoke-station", "--code", "110108001001", "--db", db]) == 0
    assert main(["admin", "revoke-station", "--code", "110108009999", "--db", db]) == 1
    year = tmp_path / "2027.json"
    year.write_text(json.dumps({
        "format": "stationdesk-calendar", "version": 1, "year": 2027, "official": True,
        "source": "测试", "days": [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}]},
        ensure_ascii=False), encoding="utf-8")
    assert main(["admin", "publish-calendar", str(year), "--db", db]) == 0
    assert "2027" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["admin", "publish-catalog", str(bad), "--db", db]) == 2
    assert main(["admin", "publish-calendar", str(bad), "--db", db]) == 2


def test_serve_refuses_a_newer_database(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "n.sqlite3"
    Database(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'd9999'")
    con.commit()
    con.close()
    assert main(["serve", "--db", str(path), "--port", "1"]) == 1
    assert "更新版本" in capsys.readouterr().err
