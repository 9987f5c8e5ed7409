"""Is there a usable OS keyring? The one question both the station's device token and the
staff's "remember me" ask before touching keyring, and the error they raise.
"""

from __future__ import annotations

from collections.abc import Mapping

import keyring
from keyring.backend import KeyringBackend

from clerk.errors import WordedError


class CredentialsError(WordedError):
    def __init__(self, message: str, *, code: str = "keyring",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, params)
        self.code = code


def _backend() -> KeyringBackend:
    return keyring.get_keyring()


def backend_name() -> str:
    kr = _backend()
    return f"{type(kr).__module__}.{type(kr).__name__}"


def usable() -> bool:
    """False when keyring would only fail (no backend at all)."""
    from keyring.backends import fail

    kr = _backend()
    if isinstance(kr, fail.Keyring):
        return False
    try:
        return float(getattr(kr, "priority", 1)) > 0
    except Exception:  # a backend whose priority check itself fails is not usable
        return False
