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
    # A one-time password from an admin's reset: to be replaced before the work area opens.
    must_change_password: bool = False


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


PHONE_RE = re.compile(r"^[0-9()+\- ]{7,32}$")
ADDRESS_MAX = 200


def validate_station_details(*, name: str, phone: str, address: str) -> tuple[str, str, str]:
    """The station's name, service phone and address as an admin edits them in 设置.

    The phone is printed on receipts and notices for citizens to call back, so it must
    look like a number (a landline such as 010-6234 5678 or a mobile); empty is allowed.
    """
    name = validate_name(name)
    phone = " ".join(phone.split())
    if phone and (not PHONE_RE.match(phone) or sum(c.isdigit() for c in phone) < 7):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "咨询电话只能包含数字、空格、连字符和括号，"
                                        "至少 7 位数字（如 010-6234 5678）。"),
            code="station.phone", field="phone")
    address = " ".join(address.split())
    if len(address) > ADDRESS_MAX or any(not c.isprintable() for c in address):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "地址最多 {max} 个字，且不能含控制字符。"),
            code="station.address", field="address", params={"max": ADDRESS_MAX})
    return name, phone, address


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
