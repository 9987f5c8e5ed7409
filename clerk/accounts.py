"""The station's clerk accounts: argon2-hashed passwords, admin and clerk roles."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from clerk.station import Account, validate_password, validate_username
from clerk.store.models import User

if TYPE_CHECKING:
    from clerk.workspace import Workspace

# OWASP's argon2id baseline (19 MiB, 2 passes): strong, and quick enough that signing in
# or unlocking at the counter never makes a clerk wait. Older hashes are upgraded on use.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
ROLES = ("admin", "clerk")


def _account(u: User) -> Account:
    return Account(u.username, u.display_name, u.role, u.phone, u.active)


def hash_password(password: str) -> str:
    return _hasher.hash(validate_password(password))


def create_account(session: Session, *, username: str, password: str, role: str,
                   display_name: str = "", phone: str = "", now: datetime) -> Account:
    username = validate_username(username)
    if role not in ROLES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "角色须为 {items}。"),
            code="account.role", field="role", params={"items": '/'.join(ROLES)})
    if session.execute(select(User).where(User.username == username)).first():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "用户名 {username} 已存在。"),
            code="account.exists", field="username", params={"username": username})
    user = User(username=username, display_name=display_name.strip() or username, role=role,
                password_hash=hash_password(password), phone=phone.strip(), active=True,
                created_at=now.replace(tzinfo=None))
    session.add(user)
    session.flush()
    return _account(user)


def get_account(session: Session, username: str) -> Account:
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "没有名为 {username} 的窗口人员账号。"),
            code="account.unknown", params={"username": username})
    return _account(user)


def list_accounts(session: Session) -> list[Account]:
    return [_account(u) for u in session.execute(select(User).order_by(User.id)).scalars()]


def set_active(session: Session, username: str, active: bool) -> None:
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "没有名为 {username} 的账号。"),
            code="account.unknown", params={"username": username})
    user.active = active


def set_password(session: Session, username: str, password: str) -> None:
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "没有名为 {username} 的账号。"),
            code="account.unknown", params={"username": username})
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


class Accounts:
    """``ws.accounts``: the station's accounts, each call one transaction."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def all(self) -> list[Account]:
        with self.ws.store.read() as s:
            return list_accounts(s)

    def create(self, *, username: str, password: str, role: str, display_name: str = "",
               phone: str = "") -> Account:
        with self.ws.store.write() as s:
            return create_account(s, username=username, password=password, role=role,
                                  display_name=display_name, phone=phone, now=self.ws.now())

    def authenticate(self, username: str, password: str) -> Account | None:
        with self.ws.store.write() as s:  # an outdated hash is upgraded on sign-in
            return authenticate(s, username, password)

    def toggle_active(self, username: str) -> bool:
        """Disable an active account or enable a disabled one; returns the new state."""
        with self.ws.store.write() as s:
            active = not get_account(s, username).active
            set_active(s, username, active)
            return active

    def set_password(self, username: str, password: str) -> None:
        with self.ws.store.write() as s:
            set_password(s, username, password)


__all__ = ["ROLES", "Account", "Accounts", "authenticate", "create_account", "get_account",
           "hash_password", "list_accounts", "set_active", "set_password",
           "validate_password", "validate_username"]
