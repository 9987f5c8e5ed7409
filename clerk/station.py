"""The station itself and the rules for setting it up; light to import (no database).

The window's first screens (set-up, sign-in) use these before the store is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from clerk.validation import BEIJING_DISTRICTS, validate_name, validate_station_code

LEVELS = {"street": "街道（乡镇）便民服务中心", "community": "社区（村）便民服务站"}
USERNAME_RE = re.compile(r"^[a-z][a-z0-9_.-]{1,31}$")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class StationInfo:
    code: str
    name: str
    level: str
    district_code: str
    address: str
    phone: str

    @property
    def district_name(self) -> str:
        return BEIJING_DISTRICTS.get(self.district_code, self.district_code)


@dataclass(frozen=True)
class Account:
    username: str
    display_name: str
    role: str
    phone: str
    active: bool


def validate_username(username: str) -> str:
    username = username.strip()
    if not USERNAME_RE.match(username):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "用户名须以小写字母开头，2–32 位小写字母、数字、点、"
                                        "下划线或连字符。"),
            code="account.username", field="username")
    return username


def validate_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "密码至少 {min_password} 位。"),
            code="account.password", field="password", params={"min_password": MIN_PASSWORD})
    return password


def validate_station_inputs(*, code: str, name: str, level: str, admin: str,
                            password: str) -> tuple[str, str]:
    """Check everything a station's set-up needs before anything is created on disk."""
    code = validate_station_code(code)
    name = validate_name(name)
    if level not in LEVELS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "站点级别须为 street 或 community。"),
            code="station.level", field="level")
    validate_username(admin)
    validate_password(password)
    return code, name
