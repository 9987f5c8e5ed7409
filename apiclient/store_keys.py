"""The station store's key in the OS keyring (service "StationDesk store"), one entry per
data directory: the key source clerk finds through the ``stationdesk.keys`` entry point
(clerk itself may not import keyring).
"""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.errors

from apiclient.keyring_backend import backend_name, usable
from clerk.errors import QT_TRANSLATE_NOOP, StoreError

SERVICE = "StationDesk store"

NO_BACKEND = QT_TRANSLATE_NOOP(
    "errors",
    "本机没有可用的系统密钥环（keyring），站点数据库的密钥无法安全保存，数据库无法打开。"
    "请启用系统的凭据服务（Windows 凭据管理器、macOS 钥匙串、Linux Secret Service），"
    "或用环境变量 PYTHON_KEYRING_BACKEND 指定一个后端。")


class KeyringStoreKeys:
    """`clerk.store.keys.KeySource` over the OS keyring; the key is kept as hex."""

    def get(self, data_dir: Path) -> bytes | None:
        self._require()
        try:
            text = keyring.get_password(SERVICE, str(data_dir))
        except keyring.errors.KeyringError as exc:
            raise _worded(exc) from exc
        if text is None:
            return None
        try:
            return bytes.fromhex(text)
        except ValueError:
            return b""  # a damaged entry: clerk words it (not 32 bytes)

    def set(self, data_dir: Path, key: bytes) -> None:
        self._require()
        try:
            keyring.set_password(SERVICE, str(data_dir), key.hex())
        except keyring.errors.KeyringError as exc:
            raise _worded(exc) from exc

    @staticmethod
    def _require() -> None:
        if not usable():
            raise StoreError(NO_BACKEND, code="keyring.none")


def _worded(exc: Exception) -> StoreError:
    return StoreError(
        QT_TRANSLATE_NOOP("errors", "无法访问密钥环（{backend}：{kind}），站点数据库的密钥"
                                    "无法读取或保存。"),
        code="keyring.error", params={"backend": backend_name(), "kind": type(exc).__name__})


def factory() -> KeyringStoreKeys:
    return KeyringStoreKeys()
