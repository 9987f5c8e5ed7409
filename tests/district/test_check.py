"""`python -m district check`: good configurations pass, each bad one is worded, exit 0/1."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from district import check
from district.cli import main
from district.db import Database


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["check", *args])
    return status, capsys.readouterr().out


def test_a_fresh_sqlite_configuration_passes(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "--db", f"sqlite:///{tmp_path / 'd.sqlite3'}",
                       "--data-dir", str(tmp_path / "data"))
    assert status == 0, out
    assert "启动时将迁移到" in out
    assert "配置可以启动服务" in out
    assert (tmp_path / "data").is_dir()


def test_a_migrated_database_is_at_head(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'd.sqlite3'}"
    Database(url).close()
    status, out = _run(capsys, "--db", url, "--data-dir", str(tmp_path))
    assert status == 0, out
    assert "数据库结构是最新版本" in out


@pytest.mark.postgres
def test_the_test_postgresql_database_passes(pg_district_url: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "--db", pg_district_url, "--data-dir", str(tmp_path))
    assert status == 0, out


def test_an_unreachable_postgresql_is_a_worded_problem(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # port 1 on localhost: nothing listens there, refused at once
    status, out = _run(capsys, "--db", "postgresql://district:s3cret@127.0.0.1:1/district",
                       "--data-dir", str(tmp_path))
    assert status == 1
    assert "无法连接数据库" in out
    assert "s3cret" not in out  # the password is never printed
    assert "发现 1 个问题" in out


def test_a_data_dir_that_cannot_be_written_is_a_problem(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Under a regular file, so that even root (the tests' usual user here) cannot write.
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    status, out = _run(capsys, "--db", f"sqlite:///{tmp_path / 'd.sqlite3'}",
                       "--data-dir", str(blocker / "data"))
    assert status == 1
    assert "不可写" in out


def test_a_newer_database_is_a_problem_and_left_untouched(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.sqlite3"
    Database(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'd9999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    status, out = _run(capsys, "--db", f"sqlite:///{path}", "--data-dir", str(tmp_path))
    assert status == 1
    assert "d9999" in out and "更新版本" in out
    assert path.read_bytes() == before


def test_a_foreign_database_is_a_problem(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE other (x)")
    con.close()
    status, out = _run(capsys, "--db", f"sqlite:///{path}", "--data-dir", str(tmp_path))
    assert status == 1
    assert "不是由" in out


def test_a_required_secret_that_is_missing_is_a_problem(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check, "REQUIRED_SECRETS",
                        (check.Secret("STATIONDESK_DISTRICT_TEST_KEY", "测试密钥"),))
    monkeypatch.delenv("STATIONDESK_DISTRICT_TEST_KEY", raising=False)
    args = ("--db", f"sqlite:///{tmp_path / 'd.sqlite3'}", "--data-dir", str(tmp_path))
    status, out = _run(capsys, *args)
    assert status == 1
    assert "缺少 测试密钥" in out and "STATIONDESK_DISTRICT_TEST_KEY" in out
    monkeypatch.setenv("STATIONDESK_DISTRICT_TEST_KEY", "k" * 32)
    status, out = _run(capsys, *args)
    assert status == 0, out
