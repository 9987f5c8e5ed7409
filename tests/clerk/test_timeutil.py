"""Time in Beijing, whatever the machine's own time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from clerk import timeutil


def test_today_is_the_beijing_date_whatever_the_machine_zone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # 17:30 UTC is already the next day in Beijing (UTC+8).
    monkeypatch.setattr(timeutil, "system_clock",
                        lambda: datetime(2026, 11, 25, 17, 30, tzinfo=UTC))
    assert timeutil.today() == date(2026, 11, 26)
