"""The systemd unit and its environment file say what the README promises."""

from __future__ import annotations

import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "packaging" / "district" / "stationdesk-district.service"
ENV = ROOT / "packaging" / "district" / "district.env.example"


def _unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(UNIT.read_text(encoding="utf-8").replace("\\\n", " "))
    return parser


def test_the_unit_runs_as_its_own_user_with_its_data_dir_and_env_file() -> None:
    service = _unit()["Service"]
    assert service["User"] == "stationdesk-district"
    assert service["StateDirectory"] == "stationdesk-district"
    assert "/var/lib/stationdesk-district" in service["Environment"]
    assert service["EnvironmentFile"] == "/etc/stationdesk/district.env"
    assert service["ExecStartPre"].endswith("-m district check")
    assert "--workers ${DISTRICT_WORKERS}" in service["ExecStart"]


def test_the_env_example_sets_every_variable_the_unit_uses() -> None:
    keys = {line.split("=", 1)[0] for line in ENV.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")}
    assert {"STATIONDESK_DISTRICT_DB", "DISTRICT_HOST", "DISTRICT_PORT",
            "DISTRICT_WORKERS"} <= keys


def test_the_env_example_names_every_required_secret() -> None:
    from district.check import REQUIRED_SECRETS

    keys = {line.split("=", 1)[0] for line in ENV.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")}
    assert {s.env for s in REQUIRED_SECRETS} <= keys
    assert "STATIONDESK_DISTRICT_KEY" in keys
