"""The domain's exception hierarchy.

Every error a user can cause carries a stable ``code`` (for scripts) and a plain-words
message (Simplified Chinese, what happened and what to do). The message is a template
marked with ``QT_TRANSLATE_NOOP`` in the "errors" context, and its values travel in
``params`` (``{key}`` in the template, ``params={"key": key}``). The workstation shows
the template in its interface language (ui.common.operations.error_text); the marker lets
scripts/i18n.sh collect the templates without the domain depending on Qt. Errors only
the command line shows keep plain messages.
"""

from __future__ import annotations

from collections.abc import Mapping


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for the translation file; returns it unchanged."""
    return text


class WordedError(Exception):
    """An error whose words are a template (`template`, marked for translation) and its
    values (`params`); `message` is the two put together. The domain's, the district's
    and the sync client's errors all are, so the workstation shows any of them in its
    interface language (ui.common.operations.error_text)."""

    def __init__(self, message: str, params: Mapping[str, object] | None = None, *,
                 template: str | None = None) -> None:
        self.params = {k: str(v) for k, v in (params or {}).items()}
        if template is None:  # `message` is the template: fill it in
            template = message
            message = message.format(**self.params) if self.params else message
        # (with `template` given, `message` already is the filled-in text received)
        self.template = template
        self.message = message
        super().__init__(message)


class StationDeskError(WordedError):
    """Base of all StationDesk errors."""

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, params)
        if code is not None:
            self.code = code


class ValidationError(StationDeskError):
    """Input that breaks a rule; nothing was stored. CLI exit status 2."""

    code = "invalid"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, code=code, params=params)
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
