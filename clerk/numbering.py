"""Case and document numbers, allocated offline from monotonic counters; never reused.

A case number is `{12-digit station code}-{yyyymmdd}-{DD}{NNNN}` where DD is this PC's
window number (本机窗口号, 01–99) and NNNN its own counter of the day (DOMAIN.md). Every
counter PC of a station numbers on its own, offline, and no two collide as long as no two
PCs share a window number: the admin gives each PC its number at `init` (or `device-no`),
the district refuses to enroll a second live device with a number already taken and
refuses a case whose number carries another device's number. Numbers made before this
rule (`…-NNNN`, 4 or 5 digits) stay valid: their last part is never 6 digits long, so
they can neither be confused with nor collide with the new ones.

Document numbers follow the same rule: `{SL|GZ|BY|BJ}{yyyy}-{station}-{DD}{NNNNN}`
(old ones: `…-NNNNN`). Counters live in the same transaction as the event that uses the
number, so a rolled-back case gives its number back only if nothing was ever committed
with it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.errors import ValidationError
from clerk.numbers import (
    CASE_NO_RE,
    DEFAULT_DEVICE_NO,
    MAX_DEVICE_NAME,
    MAX_DEVICE_NO,
    CaseNo,
    default_device_name,
    is_case_no,
    parse_case_no,
    validate_device_name,
    validate_device_no,
)
from clerk.options import SYNC_DEVICE_NAME
from clerk.store.models import Counter, Setting

DEVICE_NO_KEY = "station.device_no"  # this PC's window number, 1..99

DOC_KINDS = {"notice": "GZ", "receipt": "SL", "refusal": "BY", "result": "BJ"}


def device_no(session: Session) -> int:
    """This PC's window number (1 until the admin sets another)."""
    row = session.get(Setting, DEVICE_NO_KEY)
    try:
        return validate_device_no(row.value) if row is not None else DEFAULT_DEVICE_NO
    except ValidationError:
        return DEFAULT_DEVICE_NO


def device_no_is_set(session: Session) -> bool:
    return session.get(Setting, DEVICE_NO_KEY) is not None


def device_name(session: Session) -> str:
    """This PC's name as set at set-up or enrollment ("" when never set)."""
    row = session.get(Setting, SYNC_DEVICE_NAME.key)
    return row.value if row is not None else ""


def set_device_name(session: Session, name: str) -> str:
    name = validate_device_name(name)
    row = session.get(Setting, SYNC_DEVICE_NAME.key)
    if row is None:
        session.add(Setting(key=SYNC_DEVICE_NAME.key, value=name))
    else:
        row.value = name
    return name


def set_device_no(session: Session, value: int | str) -> int:
    number = validate_device_no(value)
    row = session.get(Setting, DEVICE_NO_KEY)
    if row is None:
        session.add(Setting(key=DEVICE_NO_KEY, value=str(number)))
    else:
        row.value = str(number)
    return number


def next_counter(session: Session, scope: str) -> int:
    row = session.execute(select(Counter).where(Counter.scope == scope)).scalar_one_or_none()
    if row is None:
        row = Counter(scope=scope, value=0)
        session.add(row)
    row.value += 1
    session.flush()
    return row.value


def allocate_case_no(session: Session, station_code: str, day: date) -> str:
    stamp = day.strftime("%Y%m%d")
    n = next_counter(session, f"case:{stamp}")
    return f"{station_code}-{stamp}-{device_no(session):02d}{n:04d}"


def allocate_doc_no(session: Session, station_code: str, kind: str, day: date) -> str:
    prefix = DOC_KINDS[kind]
    n = next_counter(session, f"doc:{prefix}:{day.year}")
    return f"{prefix}{day.year}-{station_code}-{device_no(session):02d}{n:05d}"


# The plain rules (clerk.numbers) stay reachable here for the callers that allocate.
__all__ = [
    "CASE_NO_RE", "DEFAULT_DEVICE_NO", "DEVICE_NO_KEY", "DOC_KINDS", "MAX_DEVICE_NAME",
    "MAX_DEVICE_NO", "CaseNo", "allocate_case_no", "allocate_doc_no", "default_device_name",
    "device_name", "device_no", "device_no_is_set", "is_case_no", "next_counter",
    "parse_case_no", "set_device_name", "set_device_no", "validate_device_name",
    "validate_device_no",
]
