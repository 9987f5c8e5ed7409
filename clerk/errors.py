"""The domain's exception hierarchy.

Every error a user can cause carries a stable ``code`` (for translations and scripts)
and a plain-words message (Simplified Chinese, what happened and what to do).
"""

from __future__ import annotations


class StationDeskError(Exception):
    """Base of all StationDesk errors."""

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class ValidationError(StationDeskError):
    """Input that breaks a rule; nothing was stored. CLI exit status 2."""

    code = "invalid"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None) -> None:
        super().__init__(message, code=code)
        self.field = field


class NotFoundError(StationDeskError):
    """A referenced object does not exist (or is not visible to the caller)."""

    code = "not_found"


class StateError(StationDeskError):
    """A case transition the state machine or the ownership rule refuses."""

    code = "state"


class StoreError(StationDeskError):
    """The local database cannot be used (corrupt, newer version, locked)."""

    code = "store"
