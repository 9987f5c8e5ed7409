"""Credentials of the district service: station device tokens, staff users and sessions.

A token is 32 random bytes; the database keeps only its sha256, so a copy of the
database does not let anyone sync as a station. Device tokens live until revoked; staff
tokens expire. Passwords are argon2-hashed, as on the station (clerk.accounts). Nothing
is cached in process memory, so every worker answers the same way.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.orm import Session

from clerk.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from district.models import (
    DeviceToken,
    EnrollmentCode,
    StaffToken,
    StaffUser,
    StationRow,
)

STATION_PREFIX = "sdt_"  # device token of a station
STAFF_PREFIX = "sds_"  # staff session token
ROLES = ("reviewer", "proxy", "admin")
USERNAME_RE = re.compile(r"^[a-z][a-z0-9_.-]{1,31}$")
MIN_PASSWORD = 8

_hasher = PasswordHasher()


def naive(moment: datetime) -> datetime:
    """UTC without tzinfo, as stored (both databases get the same values)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def new_token(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def new_enrollment_code() -> str:
    """100 random bits, typed by a person: 4 groups of 5 base32 letters and digits."""
    raw = base64.b32encode(secrets.token_bytes(15)).decode("ascii")[:20]
    return "-".join(raw[i:i + 5] for i in range(0, 20, 5))


def normalize_enrollment_code(code: str) -> str:
    return code.strip().upper().replace(" ", "")


@dataclass(frozen=True)
class StationPrincipal:
    station_code: str
    token_hash: str


@dataclass(frozen=True)
class StaffPrincipal:
    user_id: int
    username: str
    role: str
    token_hash: str


Principal = StationPrincipal | StaffPrincipal


# Built once: every request resolves its token.
_STATION_Q = (select(DeviceToken.station_code, StationRow.revoked_at)
              .join(StationRow, StationRow.code == DeviceToken.station_code)
              .where(DeviceToken.token_hash == bindparam("h"), DeviceToken.revoked_at.is_(None)))
_STAFF_Q = (select(StaffUser.id, StaffUser.username, StaffUser.role, StaffToken.expires_at)
            .join(StaffUser, StaffUser.id == StaffToken.user_id)
            .where(StaffToken.token_hash == bindparam("h"), StaffToken.revoked_at.is_(None),
                   StaffUser.active.is_(True)))


def resolve_token(s: Session | Connection, token: str, now: datetime) -> Principal | None:
    """Who holds this bearer token now; None for unknown, revoked or expired tokens."""
    digest = sha256_hex(token)
    if token.startswith(STATION_PREFIX):
        row = s.execute(_STATION_Q, {"h": digest}).first()
        if row is None or row.revoked_at is not None:
            return None
        return StationPrincipal(row.station_code, digest)
    if token.startswith(STAFF_PREFIX):
        srow = s.execute(_STAFF_Q, {"h": digest}).first()
        if srow is None or srow.expires_at <= naive(now):
            return None
        return StaffPrincipal(srow.id, srow.username, srow.role, digest)
    return None


# --------------------------------------------------------------------------- stations


def create_station(s: Session, *, code: str, name: str, now: datetime,
                   enrollment_days: int) -> tuple[StationRow, str, datetime]:
    """Register a station (or re-issue its code) and return a one-time enrollment code."""
    from clerk.validation import validate_name, validate_station_code

    code = validate_station_code(code)
    name = validate_name(name)
    row = s.get(StationRow, code)
    if row is None:
        row = StationRow(code=code, name=name, district_code=code[:6], created_at=naive(now))
        s.add(row)
    else:
        row.name = name
        row.revoked_at = None
    s.flush()
    return (row, *issue_enrollment_code(s, code, now, enrollment_days))


def issue_enrollment_code(s: Session, station_code: str, now: datetime,
                          days: int) -> tuple[str, datetime]:
    # A new code makes every earlier unused one worthless.
    s.execute(update(EnrollmentCode).where(EnrollmentCode.station_code == station_code,
                                           EnrollmentCode.used_at.is_(None))
              .values(used_at=naive(now)))
    code = new_enrollment_code()
    expires = naive(now) + timedelta(days=days)
    s.add(EnrollmentCode(code_hash=sha256_hex(normalize_enrollment_code(code)),
                         station_code=station_code, created_at=naive(now), expires_at=expires))
    s.flush()
    return code, expires


def enroll(s: Session, *, station_code: str, code: str, now: datetime) -> tuple[StationRow, str]:
    """Exchange a valid, unused enrollment code of this station for a new device token."""
    digest = sha256_hex(normalize_enrollment_code(code))
    row = s.execute(select(EnrollmentCode).where(EnrollmentCode.code_hash == digest)
                    .with_for_update()).scalar_one_or_none()
    # One answer for every failure: a wrong guess learns nothing about which part was wrong.
    if (row is None or row.station_code != station_code or row.used_at is not None
            or row.expires_at <= naive(now)):
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "登记码无效、已使用或已过期；"
                                        "请向区中心管理员索取新的登记码。"),
            code="enroll.invalid")
    station = s.get(StationRow, station_code)
    if station is None or station.revoked_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "登记码无效、已使用或已过期；"
                                        "请向区中心管理员索取新的登记码。"),
            code="enroll.invalid")
    row.used_at = naive(now)
    token = new_token(STATION_PREFIX)
    s.add(DeviceToken(token_hash=sha256_hex(token), station_code=station_code,
                      created_at=naive(now)))
    s.flush()
    return station, token


def revoke_station(s: Session, code: str, now: datetime) -> int:
    """Revoke the station and every device token it holds; returns the tokens revoked."""
    station = s.get(StationRow, code)
    if station is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "没有站点 {code}。"),
            code="station.unknown", params={"code": code})
    station.revoked_at = naive(now)
    result = s.execute(update(DeviceToken).where(DeviceToken.station_code == code,
                                                 DeviceToken.revoked_at.is_(None))
                       .values(revoked_at=naive(now)))
    s.execute(update(EnrollmentCode).where(EnrollmentCode.station_code == code,
                                           EnrollmentCode.used_at.is_(None))
              .values(used_at=naive(now)))
    return int(getattr(result, "rowcount", 0) or 0)


# --------------------------------------------------------------------------- staff


def create_user(s: Session, *, username: str, password: str, role: str, now: datetime,
                display_name: str = "") -> StaffUser:
    username = username.strip()
    if not USERNAME_RE.match(username):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "用户名须以小写字母开头，2–32 位小写字母、数字、点、"
                                        "下划线或连字符。"),
            code="account.username", field="username")
    if role not in ROLES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "角色须为 {items}。"),
            code="account.role", field="role", params={"items": '/'.join(ROLES)})
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "密码至少 {min_password} 位。"),
            code="account.password", field="password", params={"min_password": MIN_PASSWORD})
    if s.execute(select(StaffUser.id).where(StaffUser.username == username)).first():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "用户名 {username} 已存在。"),
            code="account.exists", field="username", params={"username": username})
    user = StaffUser(username=username, display_name=display_name.strip() or username,
                     role=role, password_hash=_hasher.hash(password), active=True,
                     created_at=naive(now))
    s.add(user)
    s.flush()
    return user


@dataclass(frozen=True)
class Credentials:
    """What a login needs from the database, read before the (slow) password check."""

    user_id: int
    password_hash: str
    active: bool


# A hash of a password nobody has: an unknown user name costs the same check.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def credentials(s: Session | Connection, username: str) -> Credentials | None:
    row = s.execute(select(StaffUser.id, StaffUser.password_hash, StaffUser.active)
                    .where(StaffUser.username == username)).first()
    return None if row is None else Credentials(row.id, row.password_hash, bool(row.active))


def check_password(found: Credentials | None, password: str) -> str | None:
    """Verify a password (argon2, tens of milliseconds of CPU) with no database work, so it
    can run outside any transaction. Returns None for a failure, else the hash to keep:
    the stored one, or a fresh one when the parameters changed."""
    if found is None or not found.active:
        # Spend the same time as a real check, so timing does not reveal user names.
        with contextlib.suppress(VerificationError, InvalidHashError):
            _hasher.verify(_DUMMY_HASH, password)
        return None
    try:
        _hasher.verify(found.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(found.password_hash):
        return _hasher.hash(password)
    return found.password_hash


def issue_staff_token(s: Session, found: Credentials, password_hash: str, *, now: datetime,
                      hours: int) -> tuple[StaffUser, str, datetime] | None:
    """The session token after a successful check; None when the user was deactivated or
    its password changed in the meantime."""
    user = s.get(StaffUser, found.user_id)
    if user is None or not user.active or user.password_hash != found.password_hash:
        return None
    user.password_hash = password_hash
    token = new_token(STAFF_PREFIX)
    expires = naive(now) + timedelta(hours=hours)
    s.add(StaffToken(token_hash=sha256_hex(token), user_id=user.id, created_at=naive(now),
                     expires_at=expires))
    s.flush()
    return user, token, expires


def logout(s: Session, token_hash: str, now: datetime) -> None:
    s.execute(update(StaffToken).where(StaffToken.token_hash == token_hash)
              .values(revoked_at=naive(now)))
