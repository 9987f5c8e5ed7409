"""The resident ID field: instant check-digit feedback while the clerk (or a scanner) types.

The rules are the domain's (:func:`clerk.validation.parse_resident_id`); this widget only
decides *when* to ask them. While fewer than 14 characters are typed only the characters
are checked; from 14 on (the birth date is complete) the area and the birth date are
checked by completing the number with a provisional check digit; at 18 the whole number,
check digit included. A lowercase ``x`` and full-width digits are normalised as typed,
so a scanner that types 18 characters and Enter in a burst works like a careful clerk.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from enum import StrEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from clerk.errors import ValidationError
from clerk.validation import ResidentId, parse_resident_id, resident_id_check_digit
from ui.common.operations import error_text

ID_LENGTH = 18
# Enough room for a pasted number with spaces; longer input is reported, not cut off.
_MAX_INPUT = 24


class IdState(StrEnum):
    EMPTY = "empty"
    TYPING = "typing"  # nothing wrong so far, not complete yet
    VALID = "valid"
    INVALID = "invalid"


# Text colour, background, border per state (the catalog page's palette).
_STYLES = {
    IdState.EMPTY: "",
    IdState.TYPING: "",
    IdState.VALID: "QLineEdit { background-color: #e3f4e8; border: 1px solid #1b6e35; }",
    IdState.INVALID: "QLineEdit { background-color: #fce8e6; border: 1px solid #a8231b; }",
}


def normalise_id_text(text: str) -> str:
    """Fold full-width characters, drop whitespace, make ``x`` upper case."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace()).upper()


def check_partial(text: str, today: date | None = None) -> tuple[IdState, ResidentId | None,
                                                                 ValidationError | None]:
    """Judge what has been typed so far: state, the parsed ID when complete, the error."""
    number = normalise_id_text(text)
    if not number:
        return IdState.EMPTY, None, None
    if len(number) >= ID_LENGTH:
        try:
            return IdState.VALID, parse_resident_id(number, today=today), None
        except ValidationError as exc:
            return IdState.INVALID, None, exc
    head = number[:17]
    if not (head.isascii() and head.isdigit()):
        candidate = head.ljust(18, "0")  # the domain names the bad characters
    elif len(number) >= 14:
        # Complete the number provisionally so the domain checks area and birth date now.
        first17 = head.ljust(17, "0")
        candidate = first17 + resident_id_check_digit(first17)
    else:
        return IdState.TYPING, None, None
    try:
        parse_resident_id(candidate, today=today)
    except ValidationError as exc:
        return IdState.INVALID, None, exc
    return IdState.TYPING, None, None


class IdNumberEdit(QLineEdit):
    """A line edit for an 18-character resident ID with live validation.

    ``state_changed`` fires when the state changes; ``message_changed`` carries the plain
    words to show next to the field; ``id_valid`` fires with the normalised number each
    time a complete, valid number is entered (typed, scanned or set).
    """

    state_changed = Signal(str)
    message_changed = Signal(str)
    id_valid = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(_MAX_INPUT)
        self.setPlaceholderText(self.tr("18位公民身份号码，可扫描证件"))
        self._state = IdState.EMPTY
        self._resident: ResidentId | None = None
        self._error: ValidationError | None = None
        self._message = ""
        self._today: date | None = None
        self.textChanged.connect(self._on_text_changed)

    # --- public API ------------------------------------------------------------------
    def set_today(self, today: date | None) -> None:
        """The date birth dates are judged against (the workspace clock); None: today."""
        self._today = today
        self._on_text_changed(self.text())

    @property
    def state(self) -> IdState:
        return self._state

    def resident_id(self) -> ResidentId | None:
        """The parsed ID when the input is complete and valid."""
        return self._resident

    def error(self) -> ValidationError | None:
        """Why the input is invalid, or None."""
        return self._error

    def number(self) -> str:
        """The normalised number typed so far."""
        return normalise_id_text(self.text())

    def message(self) -> str:
        return self._message

    # --- behaviour -------------------------------------------------------------------
    def _on_text_changed(self, text: str) -> None:
        normal = normalise_id_text(text)
        if normal != text and len(normal) <= _MAX_INPUT:
            # Keep the cursor where it was relative to the end (typing goes on smoothly).
            from_end = len(text) - self.cursorPosition()
            self.blockSignals(True)
            self.setText(normal)
            self.setCursorPosition(max(0, len(normal) - from_end))
            self.blockSignals(False)
        state, resident, error = check_partial(normal, self._today)
        previous = self._state, self._resident
        self._state, self._resident, self._error = state, resident, error
        self._set_message(self._describe(normal))
        self.setStyleSheet(_STYLES[state])
        if previous[0] != state:
            self.state_changed.emit(state.value)
        if resident is not None and (previous[1] is None
                                     or previous[1].number != resident.number):
            self.id_valid.emit(resident.number)

    def _describe(self, number: str) -> str:
        if self._state == IdState.EMPTY:
            return ""
        if self._error is not None:
            return error_text(self._error)
        if self._resident is not None:
            sex = self.tr("男") if self._resident.sex == "M" else self.tr("女")
            return self.tr("号码有效 · {sex} · 出生于 {birth}").format(
                sex=sex, birth=self._resident.birth_date.isoformat())
        return self.tr("已输入 {n}/18 位").format(n=len(number))

    def _set_message(self, text: str) -> None:
        if text != self._message:
            self._message = text
            self.message_changed.emit(text)
