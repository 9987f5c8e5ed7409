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

from clerk.cases.event_forms import READS
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
    device_name: str = ""
    device_no: int | None = None


@dataclass(frozen=True)
class StaffPrincipal:
    user_id: int
    username: str
    role: str
    token_hash: str
    must_change_password: bool = False


Principal = StationPrincipal | StaffPrincipal


# Built once: every request resolves its token. (A push re-checks its station's token
# with STATION_Q in its own transaction: district.push.)
STATION_Q = (select(DeviceToken.station_code, StationRow.revoked_at, DeviceToken.device_name,
                    DeviceToken.device_no)
             .join(StationRow, StationRow.code == DeviceToken.station_code)
             .where(DeviceToken.token_hash == bindparam("h"), DeviceToken.revoked_at.is_(None)))
_STAFF_Q = (select(StaffUser.id, StaffUser.username, StaffUser.role, StaffToken.expires_at,
                   StaffUser.must_change_password)
            .join(StaffUser, StaffUser.id == StaffToken.user_id)
            .where(StaffToken.token_hash == bindparam("h"), StaffToken.revoked_at.is_(None),
                   StaffUser.active.is_(True)))


def resolve_token(s: Session | Connection, token: str, now: datetime) -> Principal | None:
    """Who holds this bearer token now; None for unknown, revoked or expired tokens."""
    digest = sha256_hex(token)
    if token.startswith(STATION_PREFIX):
        row = s.execute(STATION_Q, {"h": digest}).first()
        if row is None or row.revoked_at is not None:
            return None
        return StationPrincipal(row.station_code, digest, row.device_name or "",
                                row.device_no)
    if token.startswith(STAFF_PREFIX):
        srow = s.execute(_STAFF_Q, {"h": digest}).first()
        if srow is None or srow.expires_at <= naive(now):
            return None
        return StaffPrincipal(srow.id, srow.username, srow.role, digest,
                              bool(srow.must_change_password))
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


def issue_enrollment_code(s: Session, station_code: str, now: datetime, days: int, *,
                          keep_others: bool = False) -> tuple[str, datetime]:
    """A one-time code for one device of the station.

    `create-station` (re-run) makes every earlier unused code worthless; `issue-code`
    (`keep_others`) adds one more code for one more device and leaves the others, so an
    admin can hand out codes for several PCs at once. Neither touches enrolled devices:
    only revoking does.
    """
    if not keep_others:
        s.execute(update(EnrollmentCode).where(EnrollmentCode.station_code == station_code,
                                               EnrollmentCode.used_at.is_(None))
                  .values(used_at=naive(now)))
    code = new_enrollment_code()
    expires = naive(now) + timedelta(days=days)
    s.add(EnrollmentCode(code_hash=sha256_hex(normalize_enrollment_code(code)),
                         station_code=station_code, created_at=naive(now), expires_at=expires))
    s.flush()
    return code, expires


def issue_code(s: Session, station_code: str, now: datetime, days: int) -> tuple[str, datetime]:
    """One more device's code for a known, not revoked station."""
    _live_station(s, station_code)
    return issue_enrollment_code(s, station_code, now, days, keep_others=True)


#: A device whose answer was lost may retry with the same code for this long.
RETRY_WINDOW = timedelta(minutes=30)
MAX_DEVICE_NO = 99

_INVALID_CODE = QT_TRANSLATE_NOOP("errors", "登记码无效、已使用或已过期；"
                                            "请向区中心管理员索取新的登记码。")


@dataclass(frozen=True)
class Device:
    station_code: str
    name: str
    number: int | None
    created_at: datetime
    revoked_at: datetime | None
    last_seen_at: datetime | None = None


def _live_station(s: Session, code: str) -> StationRow:
    station = s.get(StationRow, code)
    if station is None or station.revoked_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "没有站点 {code}（或已吊销）。"),
            code="station.unknown", params={"code": code})
    return station


def validate_device(name: str, number: int) -> str:
    name = name.strip()
    if not name or len(name) > 50 or any(ch in name for ch in "\r\n\t"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "设备名称须为 1–50 个字符，例如“2号窗口”。"),
            code="device.name", field="device_name")
    if not 1 <= number <= MAX_DEVICE_NO:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "窗口号须为 1–{max} 之间的整数。"),
            code="device.number", field="device_no", params={"max": MAX_DEVICE_NO})
    return name


def _live_devices(s: Session, station_code: str) -> list[DeviceToken]:
    return list(s.execute(select(DeviceToken).where(DeviceToken.station_code == station_code,
                                                    DeviceToken.revoked_at.is_(None))
                          .order_by(DeviceToken.device_no, DeviceToken.created_at)).scalars())


def enroll(s: Session, *, station_code: str, code: str, now: datetime, device_name: str = "",
           device_no: int = 1, key_hash: str = "") -> tuple[StationRow, str, DeviceToken]:
    """Exchange a valid, unused enrollment code of this station for a new device's token.

    A code already spent is accepted once more only from the device that spent it (same
    key hash) within RETRY_WINDOW: its answer was lost, so it gets a fresh token and the
    token it never received is revoked. Anyone else is told the code is used.
    """
    device_name = validate_device(device_name or f"{device_no}号窗口", device_no)
    digest = sha256_hex(normalize_enrollment_code(code))
    row = s.execute(select(EnrollmentCode).where(EnrollmentCode.code_hash == digest)
                    .with_for_update()).scalar_one_or_none()
    # One answer for every failure: a wrong guess learns nothing about which part was wrong.
    if row is None or row.station_code != station_code or row.expires_at <= naive(now):
        raise NotFoundError(_INVALID_CODE, code="enroll.invalid")
    station = s.get(StationRow, station_code)
    if station is None or station.revoked_at is not None:
        raise NotFoundError(_INVALID_CODE, code="enroll.invalid")
    if row.used_at is not None:
        return station, *_retry(s, row, now, key_hash)
    clash = [d for d in _live_devices(s, station_code)
             if d.device_name == device_name or d.device_no == device_no]
    if (len(clash) == 1 and key_hash and clash[0].key_hash == key_hash
            and (clash[0].device_name, clash[0].device_no) == (device_name, device_no)):
        # The same PC (same device key) enrolled again with a new code, e.g. after its
        # keyring was lost: its old token dies now, so no second token stays alive. A
        # different PC under a taken name or number is refused; a replaced PC needs the
        # old device revoked first (revoke-device).
        clash[0].revoked_at = naive(now)
        clash = []
    if clash:
        # Checked before the code is spent, so the admin can rename or renumber the PC
        # and use the same code again.
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "本站已有设备“{name}”（窗口号 {number}）。"
                                        "请给本机另起名称、另设窗口号（1–99，与其他窗口不同）"
                                        "后再登记；如是换机，请先请区中心吊销旧设备。"),
            code="enroll.device_taken",
            params={"name": clash[0].device_name or "", "number": clash[0].device_no or "?"})
    row.used_at = naive(now)
    row.key_hash = key_hash or None
    token = new_token(STATION_PREFIX)
    device = DeviceToken(token_hash=sha256_hex(token), station_code=station_code,
                         created_at=naive(now), device_name=device_name, device_no=device_no,
                         key_hash=key_hash or None, code_hash=digest)
    s.add(device)
    s.flush()
    return station, token, device


def _retry(s: Session, row: EnrollmentCode, now: datetime, key_hash: str
           ) -> tuple[str, DeviceToken]:
    assert row.used_at is not None
    previous = s.execute(select(DeviceToken).where(DeviceToken.code_hash == row.code_hash,
                                                   DeviceToken.revoked_at.is_(None))
                         ).scalar_one_or_none()
    if (not key_hash or row.key_hash != key_hash or previous is None
            or naive(now) - row.used_at > RETRY_WINDOW):
        raise NotFoundError(_INVALID_CODE, code="enroll.invalid")
    previous.revoked_at = naive(now)
    token = new_token(STATION_PREFIX)
    device = DeviceToken(token_hash=sha256_hex(token), station_code=row.station_code,
                         created_at=previous.created_at, device_name=previous.device_name,
                         device_no=previous.device_no, key_hash=key_hash,
                         code_hash=row.code_hash)
    s.add(device)
    s.flush()
    return token, device


def list_devices(s: Session, station_code: str, *, revoked: bool = False) -> list[Device]:
    if s.get(StationRow, station_code) is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "没有站点 {code}。"),
            code="station.unknown", params={"code": station_code})
    q = select(DeviceToken).where(DeviceToken.station_code == station_code)
    if not revoked:
        q = q.where(DeviceToken.revoked_at.is_(None))
    rows = s.execute(q.order_by(DeviceToken.device_no, DeviceToken.created_at)).scalars()
    return [Device(r.station_code, r.device_name or "", r.device_no, r.created_at,
                   r.revoked_at, r.last_seen_at) for r in rows]


def seen(s: Session, token_hash: str, now: datetime, reads: str | None = None) -> None:
    """Note a device's contact (its who-am-I at the start of every round) and, when it
    names them, the event forms it reads (a comma-separated list; None: not said, and
    what it said before stands)."""
    values: dict[str, object] = {"last_seen_at": naive(now)}
    if reads is not None:
        values["reads"] = ",".join(sorted({f for f in reads.split(",") if f}))
    s.execute(update(DeviceToken).where(DeviceToken.token_hash == token_hash)
              .values(**values))


def station_reads(s: Session, station_code: str) -> list[str]:
    """The event forms beyond the full one that the district and every live device of
    the station read: what the station's devices may write (clerk.cases.event_forms).
    A device that never said reads none, so one old PC keeps the whole station on the
    full form until it is upgraded or revoked."""
    forms = set(READS)
    for device in _live_devices(s, station_code):
        forms &= set((device.reads or "").split(","))
    return sorted(forms)


def revoke_device(s: Session, station_code: str, device_name: str, now: datetime) -> int:
    """Revoke one live device of a station by name; the station's other devices go on."""
    devices = [d for d in _live_devices(s, station_code) if d.device_name == device_name.strip()]
    if not devices:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "站点 {code} 没有在用的设备“{name}”。"),
            code="device.unknown", params={"code": station_code, "name": device_name})
    for d in devices:
        d.revoked_at = naive(now)
    s.flush()
    return len(devices)


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
    check_new_password(password)
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


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "密码至少 {min_password} 位。"),
            code="account.password", field="password", params={"min_password": MIN_PASSWORD})


def user_named(s: Session, username: str) -> StaffUser:
    user = s.execute(select(StaffUser).where(StaffUser.username == username)
                     ).scalar_one_or_none()
    if user is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "没有账号 {username}。"),
            code="account.unknown", params={"username": username})
    return user


def revoke_sessions(s: Session, user_id: int, now: datetime) -> None:
    s.execute(update(StaffToken).where(StaffToken.user_id == user_id,
                                       StaffToken.revoked_at.is_(None))
              .values(revoked_at=naive(now)))


def set_active(s: Session, username: str, active: bool, now: datetime, *, by: str) -> StaffUser:
    """Disable (its sessions end at once) or re-enable an account. An admin cannot
    disable their own account: the district would be left without anyone to undo it."""
    user = user_named(s, username)
    if not active and user.username == by:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "不能停用自己正在使用的账号。"),
            code="account.self", field="username")
    user.active = active
    if not active:
        revoke_sessions(s, user.id, now)
    s.flush()
    return user


def one_time_password() -> str:
    """12 letters and digits a person can read out and type (no 0/O, 1/l/I)."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))


def hash_password(password: str) -> str:
    """Argon2 (tens of milliseconds of CPU): call it outside any transaction."""
    return _hasher.hash(password)


def reset_password(s: Session, username: str, password_hash: str, now: datetime) -> StaffUser:
    """Store an admin-set one-time password: the user must choose a new one at sign-in,
    and every session the user had ends."""
    user = user_named(s, username)
    user.password_hash = password_hash
    user.must_change_password = True
    revoke_sessions(s, user.id, now)
    s.flush()
    return user


def change_password(s: Session, found: Credentials, new_hash: str, *, keep_token: str,
                    now: datetime) -> bool:
    """Store the user's own new password (the old one was checked outside the
    transaction); False when the password changed in the meantime. The user's other
    sessions end; the one that asked stays."""
    user = s.get(StaffUser, found.user_id)
    if user is None or not user.active or user.password_hash != found.password_hash:
        return False
    user.password_hash = new_hash
    user.must_change_password = False
    s.execute(update(StaffToken).where(StaffToken.user_id == user.id,
                                       StaffToken.revoked_at.is_(None),
                                       StaffToken.token_hash != keep_token)
              .values(revoked_at=naive(now)))
    s.flush()
    return True
