"""The station's clerk accounts: argon2-hashed passwords, admin and clerk roles."""

from __future__ import annotations

import secrets
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
    return Account(u.username, u.display_name, u.role, u.phone, u.active,
                   u.must_change_password)


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


# Letters and digits a clerk cannot misread when copying from the admin's screen.
_ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
ONE_TIME_LENGTH = 10


def _user(session: Session, username: str) -> User:
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "没有名为 {username} 的账号。"),
            code="account.unknown", params={"username": username})
    return user


def _matches(user: User, password: str) -> bool:
    return _hash_matches(user.password_hash, password)


def _hash_matches(password_hash: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def change_own_password(session: Session, username: str, current: str, new: str) -> None:
    """The clerk replaces their password; the current one proves who is asking."""
    user = _user(session, username)
    if not _matches(user, current):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "当前密码不正确，密码未修改。"),
            code="account.current_password", field="current")
    validate_password(new)
    if new == current:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "新密码不能与当前密码相同。"),
            code="account.same_password", field="password")
    user.password_hash = hash_password(new)
    user.must_change_password = False


def reset_password(session: Session, username: str) -> str:
    """A one-time password for `username`, to be replaced at the next sign-in."""
    user = _user(session, username)
    if not user.active:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "账号 {username} 已停用，请先启用再重置密码。"),
            code="account.inactive", params={"username": username})
    password = "".join(secrets.choice(_ONE_TIME_ALPHABET) for _ in range(ONE_TIME_LENGTH))
    user.password_hash = hash_password(password)
    user.must_change_password = True
    return password


def authenticate(session: Session, username: str, password: str) -> Account | None:
    """The account if the password matches and the account is active; None otherwise.
    An outdated hash is upgraded in `session` (a write)."""
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None or not user.active or not _matches(user, password):
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
        """As `authenticate`, with the hashing outside any transaction (DESIGN, security).

        The account is read, not written: a sign-in neither takes the write lock nor waits
        for the background integrity check, which only a save must wait for (on a large
        store it runs for seconds). A store known to be damaged still refuses, as the
        write did; only an outdated hash is written, if still the one checked."""
        store = self.ws.store
        store.refuse_if_damaged()
        with store.read() as s:
            user = s.execute(select(User).where(User.username == username)) \
                .scalar_one_or_none()
            if user is None or not user.active:
                return None
            checked, account = user.password_hash, _account(user)
        if not _hash_matches(checked, password):
            return None
        if _hasher.check_needs_rehash(checked):
            upgraded = _hasher.hash(password)
            with store.write() as s:
                user = s.execute(select(User).where(User.username == username)) \
                    .scalar_one_or_none()
                if user is not None and user.password_hash == checked:
                    user.password_hash = upgraded
        return account

    def toggle_active(self, username: str) -> bool:
        """Disable an active account or enable a disabled one; returns the new state."""
        with self.ws.store.write() as s:
            active = not get_account(s, username).active
            set_active(s, username, active)
            return active

    def set_password(self, username: str, password: str) -> None:
        with self.ws.store.write() as s:
            set_password(s, username, password)

    def change_own_password(self, username: str, current: str, new: str) -> None:
        with self.ws.store.write() as s:
            change_own_password(s, username, current, new)

    def reset_password(self, username: str) -> str:
        """A one-time password (shown once to the admin; only its hash is kept)."""
        with self.ws.store.write() as s:
            return reset_password(s, username)


__all__ = ["ONE_TIME_LENGTH", "ROLES", "Account", "Accounts", "authenticate",
           "change_own_password", "create_account", "get_account", "hash_password",
           "list_accounts", "reset_password", "set_active", "set_password",
           "validate_password", "validate_username"]
