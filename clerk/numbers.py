"""The shape of case numbers and this PC's window number (本机窗口号) and name: plain rules,
no store.

Kept apart from clerk.numbering (which allocates numbers in the database) so the first-start
and sign-in screens can check what the clerk types without loading SQLAlchemy before the
window's first paint. The numbering rule itself is described in clerk.numbering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clerk.errors import QT_TRANSLATE_NOOP, ValidationError

CASE_NO_RE = re.compile(r"^(\d{12})-(\d{8})-(\d{4,})$")
DEFAULT_DEVICE_NO = 1
MAX_DEVICE_NO = 99
# A PC's name ("2号窗口") shows on the 同步 page, the district's device list and its
# security log: short enough for one table cell.
MAX_DEVICE_NAME = 20


@dataclass(frozen=True)
class CaseNo:
    station: str
    day: str  # yyyymmdd
    device: int | None  # None: a number from before window numbers
    seq: int


def parse_case_no(text: str) -> CaseNo | None:
    m = CASE_NO_RE.match(text)
    if m is None:
        return None
    station, day, tail = m.groups()
    if len(tail) == 6:
        return CaseNo(station, day, int(tail[:2]), int(tail[2:]))
    return CaseNo(station, day, None, int(tail))


def is_case_no(text: str) -> bool:
    return CASE_NO_RE.match(text.strip()) is not None


def validate_device_no(value: int | str) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_DEVICE_NO:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "本机窗口号须为 1–{max} 之间的整数，且与本站其他电脑"
                                        "不同。"),
            code="device.number", field="device_no", params={"max": MAX_DEVICE_NO})
    return number


def validate_device_name(name: str) -> str:
    """This PC's name at the district: 1–20 characters on one line."""
    name = name.strip()
    if not name or len(name) > MAX_DEVICE_NAME or any(ord(ch) < 32 for ch in name):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "本机名称须为 1–{max} 个字符（一行），例如“2号窗口”。"),
            code="device.name", field="device_name", params={"max": MAX_DEVICE_NAME})
    return name


def default_device_name(number: int) -> str:
    return f"{number}号窗口"
