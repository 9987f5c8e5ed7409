"""`python -m district check`: good configurations pass, each bad one is worded, exit 0/1."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from district import check
from district.cli import main
from district.config import ENV_PUBLIC_URL, ENV_RATING_CHANGE_DAYS
from district.db import Database
from tests.districtkit import ROOT, free_port


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


# --------------------------------------------------------------------------- serve refuses

BAD_PUBLIC_URLS = [
    ("javascript:alert(1)", "http:// 或 https://"),
    ("ftp://zwfw.example.gov.cn", "http:// 或 https://"),
    ("https://", "主机名"),
    ("https://zwfw.example.gov.cn:99999/jindu", "端口"),
    ("https://zwfw.example.gov.cn/jindu?c=1", "查询参数"),
    ("https://zwfw.example.gov.cn/jindu#top", "锚点"),
    ("https://u:secret@zwfw.example.gov.cn", "用户名或密码"),
    ("https://zwfw.example.gov.cn/a b", "空格"),
    ("https://zwfw.example.gov.cn/p/{id_no}", "个人信息"),
    ("https://zwfw.example.gov.cn/13912345678", "个人信息"),
]


def _serve(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    from district.crypto import generate_key

    full = {**os.environ, "STATIONDESK_DISTRICT_KEY": generate_key(), **env}
    db = tmp_path / "serve.sqlite3"
    return subprocess.run(
        [sys.executable, "-m", "district", "serve", "--db", f"sqlite:///{db}",
         "--port", str(free_port()), *args],
        cwd=ROOT, env=full, capture_output=True, text=True, timeout=60)


@pytest.mark.slow
@pytest.mark.parametrize(("url", "words", "how"), [
    *((url, words, "env") for url, words in BAD_PUBLIC_URLS),
    (*BAD_PUBLIC_URLS[0], "arg"), (*BAD_PUBLIC_URLS[-2], "arg")])
def test_serve_refuses_a_bad_public_url_in_one_line_before_serving(
        tmp_path: Path, id_factory: Callable[..., str], url: str, words: str,
        how: str) -> None:
    id_no = id_factory(1)
    url = url.format(id_no=id_no)
    env = {ENV_PUBLIC_URL: url} if how == "env" else {ENV_PUBLIC_URL: ""}
    done = _serve(tmp_path, env, *(["--public-url", url] if how == "arg" else []))
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：公开访问地址") and words in lines[0]
    assert "Traceback" not in done.stderr and id_no not in done.stderr
    assert not (tmp_path / "serve.sqlite3").exists()  # nothing migrated, nothing served


@pytest.mark.slow
@pytest.mark.parametrize("days", ["abc", "9999", "７"])
def test_serve_refuses_a_bad_rating_change_period(tmp_path: Path, days: str) -> None:
    done = _serve(tmp_path, {ENV_RATING_CHANGE_DAYS: days})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f"错误：{ENV_RATING_CHANGE_DAYS} 须为 0–365 的天数，不是“{days}”。"]


def test_check_words_a_bad_rating_change_period() -> None:
    bad = check.check_rating_change_days({ENV_RATING_CHANGE_DAYS: "abc"})
    assert not bad.ok and ENV_RATING_CHANGE_DAYS in bad.text
    assert check.check_rating_change_days({}).ok
