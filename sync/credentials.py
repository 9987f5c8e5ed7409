"""The station's device token in the OS keyring (service "StationDesk").

One entry per district, station and device (`account()`: "server#station#NN"), so two
data directories on one OS account (two stations, or two windows of one station) never
share a token. Entries of the old scheme were keyed by the server URL alone; `load_token`
copies such an entry to the new key on first use and leaves the old one for any other
data directory it may belong to: the round's who-am-I check (sync.engine) stops a data
directory whose copied token turns out to be another station's or device's.

The token never goes to a config file or a log. `PYTHON_KEYRING_BACKEND` selects a
backend (tests and scripts use keyrings.alt's file backend). When the only backend is
keyring's "fail" backend there is nowhere safe to keep the token, and we say so plainly
instead of falling back to something unsafe.
"""

from __future__ import annotations

import contextlib

import keyring
import keyring.errors

from apiclient.keyring_backend import CredentialsError, usable
from clerk.errors import QT_TRANSLATE_NOOP

SERVICE = "StationDesk"


NO_BACKEND = QT_TRANSLATE_NOOP(
    "errors",
    "本机没有可用的系统密钥环（keyring），设备令牌无法安全保存。"
    "请启用系统的凭据服务（Windows 凭据管理器、macOS 钥匙串、Linux Secret Service），"
    "或用环境变量 PYTHON_KEYRING_BACKEND 指定一个后端；也可以在每次同步时用 "
    "--token-stdin 输入令牌。"
)


def require_usable() -> None:
    if not usable():
        raise CredentialsError(NO_BACKEND, code="keyring.none")


def account(server: str, station: str = "", device_no: int | None = None) -> str:
    """The keyring user name of a device's token; the bare server for the old scheme."""
    if not station:
        return server
    return f"{server}#{station}#{device_no or 0:02d}"


def store_token(server: str, token: str, *, station: str = "",
                device_no: int | None = None) -> None:
    require_usable()
    try:
        keyring.set_password(SERVICE, account(server, station, device_no), token)
    except keyring.errors.KeyringError as exc:
        raise CredentialsError(
            QT_TRANSLATE_NOOP("errors", "无法把设备令牌写入密钥环（{kind}）。{advice}"),
            params={"kind": type(exc).__name__, "advice": NO_BACKEND}) from exc


def _get(user: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, user)
    except keyring.errors.KeyringError as exc:
        raise CredentialsError(QT_TRANSLATE_NOOP("errors", "无法从密钥环读取设备令牌（{kind}）。"),
                               params={"kind": type(exc).__name__}) from exc


def load_token(server: str, *, station: str = "", device_no: int | None = None) -> str | None:
    if not usable():
        return None
    user = account(server, station, device_no)
    token = _get(user)
    if token is None and station:
        legacy = _get(server)
        if legacy is not None:
            store_token(server, legacy, station=station, device_no=device_no)
            token = legacy
    return token


def delete_token(server: str, *, station: str = "", device_no: int | None = None) -> None:
    if not usable():
        return
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        keyring.delete_password(SERVICE, account(server, station, device_no))
