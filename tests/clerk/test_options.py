"""Settings declared once (clerk.options) and read/written through ws.settings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clerk import options
from clerk.errors import ValidationError
from clerk.options import (
    IDLE_LOCK_MINUTES,
    LAST_USER,
    PRINT_COPIES,
    RECENT_MATTERS,
    REGISTRY,
    SYNC_INTERVAL_MINUTES,
    YELLOW_RATIO,
    Option,
)
from clerk.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_are_the_ones_the_station_always_used() -> None:
    assert PRINT_COPIES.default == 2
    assert YELLOW_RATIO.default == 0.8
    assert IDLE_LOCK_MINUTES.default == 10
    assert SYNC_INTERVAL_MINUTES.default == 5
    assert LAST_USER.default == ""
    assert all(o.meaning for o in REGISTRY.values())


def test_a_key_is_declared_only_once() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        Option("print.copies", int, 2, "again")


def test_an_unset_option_reads_its_default(ws: Workspace) -> None:
    assert ws.settings.get(PRINT_COPIES) == 2
    assert ws.settings.get(YELLOW_RATIO) == 0.8
    assert ws.settings.get(LAST_USER) == ""


def test_values_round_trip_as_the_same_text_as_before(ws: Workspace) -> None:
    ws.settings.set(PRINT_COPIES, 1)
    ws.settings.set(YELLOW_RATIO, 0.75)
    ws.settings.set(IDLE_LOCK_MINUTES, 0)
    assert ws.setting("print.copies") == "1"
    assert ws.setting("supervision.yellow_ratio") == "0.75"
    assert ws.settings.get(PRINT_COPIES) == 1
    assert ws.settings.get(YELLOW_RATIO) == 0.75
    assert ws.settings.get(IDLE_LOCK_MINUTES) == 0


@pytest.mark.parametrize(("option", "stored"), [
    (YELLOW_RATIO, "abc"), (YELLOW_RATIO, ""), (PRINT_COPIES, "3"), (PRINT_COPIES, "two"),
    (IDLE_LOCK_MINUTES, "2.5"),
])
def test_an_unreadable_stored_value_reads_as_the_default(
        ws: Workspace, option: Option[float], stored: str) -> None:
    ws.set_setting(option.key, stored)
    assert ws.settings.get(option) == option.default


@pytest.mark.parametrize(("option", "value", "code"), [
    (PRINT_COPIES, 3, "setting.choice"), (YELLOW_RATIO, 0.0, "setting.range"),
    (YELLOW_RATIO, 1.5, "setting.range"), (IDLE_LOCK_MINUTES, -1, "setting.range"),
    (IDLE_LOCK_MINUTES, "soon", "setting.type"),
])
def test_a_bad_value_is_refused_with_a_worded_error_and_nothing_stored(
        ws: Workspace, option: Option[int], value: int, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        ws.settings.set(option, value)
    assert info.value.code == code
    assert info.value.field == option.key
    assert ws.setting(option.key, "unset") == "unset"


def test_set_many_checks_every_value_before_storing_any(ws: Workspace) -> None:
    with pytest.raises(ValidationError):
        ws.settings.set_many({LAST_USER: "admin", PRINT_COPIES: 5})
    assert ws.setting(LAST_USER.key, "unset") == "unset"
    ws.settings.set_many({LAST_USER: "admin", PRINT_COPIES: 1})
    assert (ws.settings.get(LAST_USER), ws.settings.get(PRINT_COPIES)) == ("admin", 1)


def test_per_clerk_options_fill_in_the_username(ws: Workspace) -> None:
    mine = RECENT_MATTERS.for_clerk("wang")
    assert mine.key == "intake.recent.wang"
    assert "intake.recent.wang" not in REGISTRY
    ws.settings.set(mine, '["m1"]')
    assert ws.settings.get(mine) == '["m1"]'
    ws.settings.forget(mine)
    assert ws.settings.get(mine) == "[]"


def test_no_setting_key_is_spelled_outside_its_declaration() -> None:
    """Every declared key appears as a string literal only in clerk/options.py."""
    keys = [k.split("{")[0] for k in REGISTRY]
    offenders = []
    for part in ("clerk", "sync", "ui", "printing", "district", "main.py"):
        paths = [ROOT / part] if part.endswith(".py") else list((ROOT / part).rglob("*.py"))
        for path in paths:
            if path == Path(options.__file__):
                continue
            text = path.read_text(encoding="utf-8")
            offenders += [f"{path.relative_to(ROOT)}: {k}" for k in keys
                          if re.search(r'["\']' + re.escape(k), text)]
    assert offenders == []
