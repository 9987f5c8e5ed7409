"""The station's device token in the OS keyring (service "StationDesk", one per server URL).

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


def store_token(server: str, token: str) -> None:
    require_usable()
    try:
        keyring.set_password(SERVICE, server, token)
    except keyring.errors.KeyringError as exc:
        raise CredentialsError(
            QT_TRANSLATE_NOOP("errors", "无法把设备令牌写入密钥环（{kind}）。{advice}"),
            params={"kind": type(exc).__name__, "advice": NO_BACKEND}) from exc


def load_token(server: str) -> str | None:
    if not usable():
        return None
    try:
        return keyring.get_password(SERVICE, server)
    except keyring.errors.KeyringError as exc:
        raise CredentialsError(QT_TRANSLATE_NOOP("errors", "无法从密钥环读取设备令牌（{kind}）。"),
                               params={"kind": type(exc).__name__}) from exc


def delete_token(server: str) -> None:
    if not usable():
        return
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        keyring.delete_password(SERVICE, server)
