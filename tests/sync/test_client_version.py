"""The update notice: the district announces a version, a round learns it, the window says
"有新版本" only when ours is older; nothing is downloaded."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from clerk.errors import ValidationError
from clerk.version import is_newer, own_version, parse_version
from clerk.workspace import Workspace
from district import reference
from district.cli import main as district_main
from district.db import Database
from sync import engine
from tests.districtkit import District, enroll_station


def test_versions_compare_number_by_number() -> None:
    assert is_newer("0.10.0", "0.9.9")
    assert is_newer("1.0.1", "1.0")
    assert not is_newer("1.0", "1.0.0")
    assert not is_newer("0.1.0", "0.2.0")
    assert not is_newer("banana", "0.1.0")  # a malformed announcement is no notice
    assert is_newer("0.2.0", "0.2.0.dev1")  # a development build counts as unknown
    assert parse_version("1.2") == (1, 2, 0, 0)
    with pytest.raises(ValidationError):
        parse_version("1.2-beta")


def test_own_version_is_the_package_metadata() -> None:
    from importlib.metadata import version

    assert own_version() == version("stationdesk")


def test_publish_refuses_a_bad_version_or_a_missing_where(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    db = f"sqlite:///{tmp_path / 'd.sqlite3'}"
    assert district_main(["admin", "publish-client-version", "1.x", "--url", "x",
                          "--db", db]) == 2
    assert "格式不对" in capsys.readouterr().err
    assert district_main(["admin", "publish-client-version", "1.2.0", "--url", " ",
                          "--db", db]) == 2
    assert "获取方式" in capsys.readouterr().err


def test_a_round_learns_the_announced_version(live: District, sws: Workspace,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    enroll_station(sws, live)
    # nothing announced yet: no notice
    assert engine.sync_round(sws).ok
    assert engine.status(sws).client_version == ""
    where = "https://zwfw.example.org/stationdesk/"
    assert district_main(["admin", "publish-client-version", "99.0.0", "--url", where,
                          "--db", live.url]) == 0
    assert "不会自动安装" in capsys.readouterr().out
    report = engine.sync_round(sws)
    assert report.ok and report.outcome == engine.DONE  # a notice, not a problem
    status = engine.status(sws)
    assert (status.client_version, status.client_where) == ("99.0.0", where)
    answer = live.http.get(f"{live.base}/api/v1/client-version")
    assert answer.status_code == 401  # stations and staff only


def test_the_district_keeps_the_latest_announcement(live: District) -> None:
    db = live.db()
    try:
        with db.write() as s:
            reference.publish_client_version(s, "1.0.0", "区政务服务中心信息科", live.clock())
            reference.publish_client_version(s, "1.1.0", "https://example.org/", live.clock())
        with db.read() as s:
            assert reference.client_version(s)[:2] == ("1.1.0", "https://example.org/")
    finally:
        db.close()


Told = tuple[str, str, tuple[str, str, datetime | None]]


def _told_and_own(db: Database) -> tuple[Told, Told]:
    with db.read() as s:
        told = reference.announcements(s)
        return ((told.catalog_etag, told.calendar_etag, told.client_version),
                (reference.current_etag(s, "catalog"), reference.current_etag(s, "calendar"),
                 reference.client_version(s)))


def test_the_who_am_i_names_the_publications_as_their_own_reads_do(
        live: District, tmp_path: Path) -> None:
    """`reference.announcements` (one query, for every round's who-am-I) gives what
    `current_etag` and `client_version` give, before anything is published and after."""
    from clerk.catalog import dump_catalog
    from district import admin
    from tests.clerk.factories import matter

    db = live.db()
    try:
        told, own = _told_and_own(db)
        assert told == own and own[2] == ("", "", None)
        nothing = own[0]
        catalog = tmp_path / "catalog.json"
        catalog.write_text(dump_catalog([matter("D-ANN-001")]), encoding="utf-8")
        admin.publish_catalog_file(db, catalog, live.clock())
        with db.write() as s:
            reference.publish_client_version(s, "1.2.0", "区政务服务中心信息科", live.clock())
        told, own = _told_and_own(db)
        assert told == own and own[2][:2] == ("1.2.0", "区政务服务中心信息科")
        assert own[0] != nothing and own[1] == nothing
    finally:
        db.close()
