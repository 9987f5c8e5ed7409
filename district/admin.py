"""Administration used by the command line (and by tests): stations, users, publications."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from clerk.calendar import parse_year_file
from clerk.catalog import load_catalog_file
from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from district import auth, reference, security
from district.db import Database

CLI = "command line"  # who acted, in the security log, when no staff user did


@dataclass(frozen=True)
class Enrollment:
    station_code: str
    station_name: str
    code: str
    expires_at: datetime


def create_station(db: Database, *, code: str, name: str, now: datetime,
                   enrollment_days: int = 7) -> Enrollment:
    with db.write() as s:
        row, secret, expires = auth.create_station(s, code=code, name=name, now=now,
                                                   enrollment_days=enrollment_days)
        security.record(s, security.ENROLLMENT_CODE, now, station_code=row.code,
                        detail=CLI)
        return Enrollment(row.code, row.name, secret, expires)


def issue_code(db: Database, *, station_code: str, now: datetime,
               enrollment_days: int = 7) -> Enrollment:
    """A one-time code for one more device of the station (earlier codes stay valid)."""
    from district.models import StationRow

    with db.write() as s:
        code, expires = auth.issue_code(s, station_code, now, enrollment_days)
        row = s.get(StationRow, station_code)
        assert row is not None
        return Enrollment(row.code, row.name, code, expires)


def list_devices(db: Database, station_code: str, *, revoked: bool = False
                 ) -> list[auth.Device]:
    with db.read() as s:
        return auth.list_devices(s, station_code, revoked=revoked)


def revoke_device(db: Database, station_code: str, device_name: str, now: datetime) -> int:
    with db.write() as s:
        return auth.revoke_device(s, station_code, device_name, now)


def create_user(db: Database, *, username: str, password: str, role: str, now: datetime,
                display_name: str = "") -> str:
    with db.write() as s:
        user = auth.create_user(s, username=username, password=password, role=role, now=now,
                                display_name=display_name)
        security.record(s, security.USER_CREATED, now, detail=f"{user.username} ({role}), {CLI}")
        return user.username


def revoke_station(db: Database, code: str, now: datetime) -> int:
    with db.write() as s:
        count = auth.revoke_station(s, code, now)
        security.record(s, security.STATION_REVOKED, now, station_code=code,
                        detail=f"{count} device token(s), {CLI}")
        return count


def publish_catalog_file(db: Database, path: Path, now: datetime) -> dict[str, int]:
    matters = load_catalog_file(path)
    with db.write() as s:
        return reference.publish_catalog(s, matters, now)


def publish_calendar_file(db: Database, path: Path, now: datetime) -> tuple[int, bool, int]:
    """Publish a year file; returns (year, official, cases whose due date moved)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "无法读取文件 {path}：{strerror}"),
            code="file.read", params={"path": path, "strerror": exc.strerror}) from exc
    year = parse_year_file(raw, source_name=str(path))
    with db.write() as s:
        moved = reference.publish_calendar(s, year, now)
    return year.year, year.official, moved


MAX_ADDRESS, MAX_PHONE = 200, 40


def set_station_contact(db: Database, *, station_code: str, address: str, phone: str) -> None:
    """Where citizens collect a station's results (the public progress page shows it)."""
    from district.models import StationRow

    address, phone = address.strip(), phone.strip()
    if len(address) > MAX_ADDRESS or len(phone) > MAX_PHONE or any(
            not c.isprintable() for c in address + phone):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "地址须在 {address} 字以内、电话须在 {phone} 个字符以内，"
                                        "且不含控制字符。"),
            code="station.contact", field="address",
            params={"address": str(MAX_ADDRESS), "phone": str(MAX_PHONE)})
    with db.write() as s:
        row = s.get(StationRow, station_code)
        if row is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "没有编码为 {code} 的站点。"),
                code="station.unknown", field="station", params={"code": station_code})
        row.address, row.phone = address or None, phone or None
