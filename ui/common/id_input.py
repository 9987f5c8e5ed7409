"""The ID number field: instant feedback while the clerk (or a scanner) types, by the
document type chosen next to it (居民身份证 by default; see clerk.id_documents).

The rules are the domain's (:func:`clerk.validation.parse_resident_id`); this widget only
decides *when* to ask them. While fewer than 14 characters are typed only the characters
are checked; from 14 on (the birth date is complete) the area and the birth date are
checked by completing the number with a provisional check digit; at 18 the whole number,
check digit included. A lowercase ``x`` and full-width digits are normalised as typed,
so a scanner that types 18 characters and Enter in a burst works like a careful clerk.
The other documents are judged by :func:`check_document_partial`: what could still grow
into a valid number is "typing", anything else gets the domain's words at once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from clerk.errors import ValidationError
from clerk.id_documents import (
    DOCUMENT_TYPES,
    GAT_AREA_CODES,
    IdDocument,
    canonical_number,
    document_label,
    make_gb11643_style,
    mask_of,
    validate_document,
)
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


# What a number of each type looks like while it is still being typed (all prefixes of a
# valid shape). The residence permit is judged like a resident ID (below).
_PARTIAL = {
    "foreign_permanent_resident": re.compile(r"[A-Z]{0,3}|[A-Z]{3}\d{0,12}|9\d{0,16}[\dX]?"),
    "hk_macau_pass": re.compile(r"[HM]?\d{0,10}"),
    "taiwan_pass": re.compile(r"\d{0,8}"),
    "passport": re.compile(r"[A-Z]{0,3}|[A-Z]{3}[-/]?[A-Z0-9]{0,17}"),
}


def document_name(id_type: str) -> str:
    """The document's name in the interface language."""
    return QCoreApplication.translate("errors", document_label(id_type))


def _gat_partial(number: str, today: date | None) -> IdState | ValidationError:
    head = number[:17]
    if not (head.isascii() and head.isdigit()):
        candidate = head.ljust(18, "0")  # the domain names the bad characters
    elif not any(code.startswith(number[:6]) for code in GAT_AREA_CODES):
        candidate = number[:6].ljust(18, "0")  # the domain names the area
    elif len(number) >= 14:
        candidate = make_gb11643_style(head.ljust(17, "0"))  # birth date, now
    else:
        return IdState.TYPING
    try:
        validate_document("gat_residence_permit", candidate, today=today)
    except ValidationError as exc:
        return exc
    return IdState.TYPING


def check_document_partial(text: str, id_type: str, today: date | None = None
                           ) -> tuple[IdState, IdDocument | None, ValidationError | None]:
    """Judge what has been typed so far for document ``id_type``."""
    number = normalise_id_text(text)
    if not number:
        return IdState.EMPTY, None, None
    try:
        return IdState.VALID, validate_document(id_type, number, today=today), None
    except ValidationError as exc:
        error = exc
    if id_type == "resident_id":
        state, _parsed, partial_error = check_partial(number, today)
        return (state, None, partial_error) if state != IdState.VALID else (
            IdState.INVALID, None, error)
    if id_type == "gat_residence_permit":
        if len(number) >= 18:
            return IdState.INVALID, None, error
        verdict = _gat_partial(number, today)
        return (IdState.TYPING, None, None) if verdict == IdState.TYPING else (
            IdState.INVALID, None, verdict if isinstance(verdict, ValidationError) else error)
    partial = _PARTIAL.get(id_type)
    if partial is not None and partial.fullmatch(number):
        return IdState.TYPING, None, None
    return IdState.INVALID, None, error


def _cannot_grow(doc: IdDocument) -> bool:
    """True when no valid number of the type is longer (announce it at once)."""
    if doc.id_type == "passport":
        return False
    if doc.id_type == "hk_macau_pass":
        return len(doc.number) == 11
    return True


class DocumentTypeCombo(QComboBox):
    """The document types a person can be identified by; the key is the item's data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for key in DOCUMENT_TYPES:
            self.addItem(document_name(key), key)
            self.setItemData(self.count() - 1, document_name(key),
                             Qt.ItemDataRole.ToolTipRole)
        # Narrow beside the number (the longest name would squeeze it); the list that
        # opens shows the names in full.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(6)

    def id_type(self) -> str:
        return str(self.currentData())

    def set_id_type(self, id_type: str) -> None:
        index = self.findData(id_type)
        self.setCurrentIndex(index if index >= 0 else 0)


class IdNumberEdit(QLineEdit):
    """A line edit for an ID number with live validation by its document type
    (:meth:`set_document_type`; a resident ID until told otherwise).

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
        self._document: IdDocument | None = None
        self._id_type = "resident_id"
        self._announced: str | None = None
        self._error: ValidationError | None = None
        self._message = ""
        self._today: date | None = None
        self.textChanged.connect(self._on_text_changed)
        self.editingFinished.connect(self._announce)

    # --- public API ------------------------------------------------------------------
    def set_today(self, today: date | None) -> None:
        """The date birth dates are judged against (the workspace clock); None: today."""
        self._today = today
        self._on_text_changed(self.text())

    def set_document_type(self, id_type: str) -> None:
        """Judge the number as a document of ``id_type`` from now on."""
        if id_type == self._id_type:
            return
        self._id_type = id_type
        self.setPlaceholderText(self.tr("18位公民身份号码，可扫描证件") if id_type == "resident_id"
                                else self._placeholder(id_type))
        self._announced = None  # a valid number of the other type is announced again
        self._on_text_changed(self.text())

    def _placeholder(self, id_type: str) -> str:
        return {
            "gat_residence_permit": self.tr("18位，以810000、820000或830000开头"),
            "foreign_permanent_resident": self.tr("15位（3个字母+12位数字）或18位（以9开头）"),
            "hk_macau_pass": self.tr("H或M加8位或10位数字"),
            "taiwan_pass": self.tr("8位数字"),
            "passport": self.tr("国家代码+护照号码，如 CHN E12345678"),
        }.get(id_type, "")

    def document_type(self) -> str:
        return self._id_type

    def document(self) -> IdDocument | None:
        """The validated document when the input is complete and valid."""
        return self._document

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
        """The number typed so far, in the form it is stored (a passport's country
        separated from its number)."""
        return canonical_number(self._id_type, normalise_id_text(self.text()))

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
        resident: ResidentId | None = None
        if self._id_type == "resident_id":
            state, resident, error = check_partial(normal, self._today)
            document = validate_document("resident_id", resident.number, today=self._today) \
                if resident is not None else None
        else:
            state, document, error = check_document_partial(normal, self._id_type, self._today)
        previous = self._state
        self._state, self._resident, self._document, self._error = (state, resident, document,
                                                                    error)
        self._set_message(self._describe(normal))
        self.setStyleSheet(_STYLES[state])
        if previous != state:
            self.state_changed.emit(state.value)
        if document is None:
            self._announced = None
        elif _cannot_grow(document):
            self._announce()
        # else: a valid number that more typing could lengthen (a passport, a pass's 8-digit
        # form) is announced when the clerk presses Enter or leaves the field.

    def _announce(self) -> None:
        """Emit id_valid once per valid number."""
        doc = self._document
        if doc is not None and doc.number != self._announced:
            self._announced = doc.number
            self.id_valid.emit(doc.number)

    def _describe(self, number: str) -> str:
        if self._state == IdState.EMPTY:
            return ""
        if self._error is not None:
            return error_text(self._error)
        doc = self._document
        if doc is not None and doc.sex is not None and doc.birth_date is not None:
            sex = self.tr("男") if doc.sex == "M" else self.tr("女")
            return self.tr("号码有效 · {sex} · 出生于 {birth}").format(
                sex=sex, birth=doc.birth_date.isoformat())
        if doc is not None:  # a document that does not tell sex or birth date
            return self.tr("号码格式有效 · {doc}").format(doc=document_name(doc.id_type))
        if self._id_type == "resident_id":
            return self.tr("已输入 {n}/18 位").format(n=len(number))
        return self.tr("已输入 {n} 位").format(n=len(number))

    def _set_message(self, text: str) -> None:
        if text != self._message:
            self._message = text
            self.message_changed.emit(text)


def masked_id_text(person: Mapping[str, Any]) -> str:
    """A case snapshot's masked number, named when it is not a resident ID (a credit code
    needs no name: the screen says the applicant is an organisation)."""
    id_type = str(person.get("id_type") or "resident_id")
    masked = mask_of(person)
    return masked if id_type in ("resident_id", "uscc") else f"{document_name(id_type)} {masked}"
