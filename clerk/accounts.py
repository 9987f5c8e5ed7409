"""The station's clerk accounts: argon2-hashed passwords, admin and clerk roles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.errors import NotFoundError, ValidationError
from clerk.store.models import User

_hasher = PasswordHasher()
USERNAME_RE = re.compile(r"^[a-z][a-z0-9_.-]{1,31}$")
ROLES = ("admin", "clerk")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class Account:
    username: str
    display_name: str
    role: str
    phone: str
    active: bool


def _account(u: User) -> Account:
    return Account(u.username, u.display_name, u.role, u.phone, u.active)


def validate_username(username: str) -> str:
    username = username.strip()
    if not USERNAME_RE.match(username):
        raise ValidationError(
            "用户名须以小写字母开头，2–32 位小写字母、数字、点、下划线或连字符。",
            code="account.username", field="username")
    return username


def validate_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"密码至少 {MIN_PASSWORD} 位。", code="account.password",
                              field="password")
    return password


def hash_password(password: str) -> str:
    return _hasher.hash(validate_password(password))


def create_account(session: Session, *, username: str, password: str, role: str,
                   display_name: str = "", phone: str = "", now: datetime) -> Account:
    username = validate_username(username)
    if role not in ROLES:
        raise ValidationError(f"角色须为 {'/'.join(ROLES)}。", code="account.role", field="role")
    if session.execute(select(User).where(User.username == username)).first():
        raise ValidationError(f"用户名 {username} 已存在。", code="account.exists",
                              field="username")
    user = User(username=username, display_name=display_name.strip() or username, role=role,
                password_hash=hash_password(password), phone=phone.strip(), active=True,
                created_at=now.replace(tzinfo=None))
    session.add(user)
    session.flush()
    return _account(user)


def get_account(session: Session, username: str) -> Account:
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        raise NotFoundError(f"没有名为 {username} 的窗口人员账号。", code="account.unknown")
    return _account(user)


def list_accounts(session: Session) -> list[Account]:
    return [_account(u) for u in session.execute(select(User).order_by(User.id)).scalars()]


def set_active(session: Session, username: str, active: bool) -> None:
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        raise NotFoundError(f"没有名为 {username} 的账号。", code="account.unknown")
    user.active = active


def set_password(session: Session, username: str, password: str) -> None:
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        raise NotFoundError(f"没有名为 {username} 的账号。", code="account.unknown")
    user.password_hash = hash_password(password)


def authenticate(session: Session, username: str, password: str) -> Account | None:
    """The account if the password matches and the account is active; None otherwise."""
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None or not user.active:
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return _account(user)
