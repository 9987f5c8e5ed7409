"""The status bar and the 同步 page show "有新版本 X（获取方式：…）" only when ours is older."""

from __future__ import annotations

from clerk.sync_status import StationSyncStatus as LightStatus
from ui.station.sync_page import LinkState, update_notice


def _status(version: str, where: str = "https://example.org/") -> LightStatus:
    return LightStatus("https://district.example", 0, "2026-12-01T02:00:00+00:00",
                       "2026-12-01T02:00:00+00:00", "", (), version, where)


def test_a_newer_announced_version_is_worded_with_where_to_get_it(qapp: object) -> None:
    assert update_notice("0.3.0", "https://example.org/", own="0.2.0") == \
        "有新版本 0.3.0（获取方式：https://example.org/）"
    assert update_notice("0.3.0", "", own="0.2.0") == "有新版本 0.3.0（获取方式：请联系区中心）"


def test_the_same_or_an_older_version_shows_nothing(qapp: object) -> None:
    assert update_notice("0.2.0", "x", own="0.2.0") == ""
    assert update_notice("0.1.9", "x", own="0.2.0") == ""
    assert update_notice("", "", own="0.2.0") == ""
    assert LinkState.of(_status("")).update == ""
    assert LinkState.of(_status("999.0")).update.startswith("有新版本 999.0")
