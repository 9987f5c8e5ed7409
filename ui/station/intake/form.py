"""The matter's own form fields (FormField), each with the editor its type calls for.

text → line edit; int → digits only; money → yuan with up to 2 decimals (kept as a
string, so no float ever rounds an amount); date → date editor that starts empty;
choice → list with an empty first entry; phone → mobile number; id_no → the ID field.
Values come out JSON-ready (:meth:`FormFieldsPanel.values`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from clerk.catalog import FieldType, FormField
from clerk.errors import ValidationError
from clerk.validation import validate_mobile
from ui.common.id_input import IdNumberEdit, IdState
from ui.common.operations import error_text
from ui.station.intake.applicant import field_message, show_message, with_message

_EMPTY_DATE = QDate(1900, 1, 1)
_MONEY_RE = r"\d{0,12}(\.\d{0,2})?"


class FormFieldsPanel(QWidget):
    """Editors for a matter's form fields; rebuilt whenever the matter changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields: list[FormField] = []
        self._editors: dict[str, QWidget] = {}
        self._messages: dict[str, QLabel] = {}
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setVerticalSpacing(4)
        self._layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight
                                       | Qt.AlignmentFlag.AlignVCenter)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._placeholder = QLabel(self.tr("选择事项后，这里显示该事项需要采集的信息。"))
        self._placeholder.setStyleSheet("color: #5f6368;")
        self._layout.addRow(self._placeholder)

    # --- building ------------------------------------------------------------------------
    def set_fields(self, fields: tuple[FormField, ...] | list[FormField]) -> None:
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._placeholder = QLabel(self.tr("本事项无需另外采集信息。") if not fields
                                   else "")
        self._fields = list(fields)
        self._editors.clear()
        self._messages.clear()
        if not fields:
            self._placeholder.setStyleSheet("color: #5f6368;")
            self._layout.addRow(self._placeholder)
            return
        for f in fields:
            editor = self._editor(f)
            message = field_message()
            self._editors[f.name] = editor
            self._messages[f.name] = message
            label = f.label + (" *" if f.required else "")
            if f.help:
                editor.setToolTip(f.help)
            box = with_message(editor, message)
            self._layout.addRow(label, box)
            if self.isVisible():
                box.show()  # at once, not on the next event-loop turn: Enter may come first

    def _editor(self, f: FormField) -> QWidget:
        if f.type == FieldType.CHOICE:
            combo = QComboBox()
            combo.addItem(self.tr("（请选择）"), "")
            for choice in f.choices:
                combo.addItem(choice, choice)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            return combo
        if f.type == FieldType.DATE:
            edit = QDateEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(_EMPTY_DATE)
            edit.setSpecialValueText(self.tr("（未填写）"))
            edit.setDate(_EMPTY_DATE)
            edit.dateChanged.connect(lambda _d: self.changed.emit())
            return edit
        line: QLineEdit = IdNumberEdit() if f.type == FieldType.ID_NO else QLineEdit()
        if f.type == FieldType.INT:
            line.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,9}"), line))
        elif f.type == FieldType.MONEY:
            line.setValidator(QRegularExpressionValidator(QRegularExpression(_MONEY_RE), line))
            line.setPlaceholderText(self.tr("元"))
        elif f.type == FieldType.PHONE:
            line.setMaxLength(20)
        elif f.type == FieldType.TEXT:
            line.setMaxLength(500)
        if f.help:
            line.setPlaceholderText(f.help)
        line.textChanged.connect(lambda _t: self.changed.emit())
        return line

    def editors(self) -> list[QWidget]:
        """The editors in form order (for the tab order)."""
        return [self._editors[f.name] for f in self._fields]

    def editor(self, name: str) -> QWidget | None:
        return self._editors.get(name)

    # --- values ---------------------------------------------------------------------------
    def raw_values(self) -> dict[str, str]:
        """What is on screen, as text (for drafts)."""
        out: dict[str, str] = {}
        for f in self._fields:
            editor = self._editors[f.name]
            if isinstance(editor, QComboBox):
                out[f.name] = str(editor.currentData() or "")
            elif isinstance(editor, QDateEdit):
                d = editor.date()
                out[f.name] = "" if d == _EMPTY_DATE else d.toString("yyyy-MM-dd")
            elif isinstance(editor, QLineEdit):
                out[f.name] = editor.text()
        return out

    def set_raw_values(self, values: dict[str, Any]) -> None:
        for f in self._fields:
            editor = self._editors[f.name]
            value = str(values.get(f.name, "") or "")
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif isinstance(editor, QDateEdit):
                parsed = QDate.fromString(value, "yyyy-MM-dd")
                editor.setDate(parsed if parsed.isValid() else _EMPTY_DATE)
            elif isinstance(editor, QLineEdit):
                editor.setText(value)

    def is_empty(self) -> bool:
        return not any(v.strip() for v in self.raw_values().values())

    def values(self) -> dict[str, Any]:
        """Form data for the case: ints as int, dates ISO, money as a decimal string."""
        out: dict[str, Any] = {}
        raw = self.raw_values()
        for f in self._fields:
            text = raw[f.name].strip()
            if not text:
                continue
            if f.type == FieldType.INT:
                out[f.name] = int(text)
            elif f.type == FieldType.MONEY:
                out[f.name] = _money(text)
            elif f.type == FieldType.ID_NO:
                editor = self._editors[f.name]
                assert isinstance(editor, IdNumberEdit)
                out[f.name] = editor.number()
            elif f.type == FieldType.PHONE:
                out[f.name] = validate_mobile(text)
            else:
                out[f.name] = text
        return out

    def problems(self) -> list[tuple[str, str]]:
        """(field name, plain words) for missing required values and invalid ones."""
        found: list[tuple[str, str]] = []
        raw = self.raw_values()
        for f in self._fields:
            text = raw[f.name].strip()
            problem = ""
            if not text:
                if f.required:
                    problem = self.tr("请填写“{label}”").format(label=f.label)
            elif f.type == FieldType.ID_NO:
                editor = self._editors[f.name]
                assert isinstance(editor, IdNumberEdit)
                if editor.state != IdState.VALID:
                    error = editor.error()
                    problem = self.tr("{label}：{msg}").format(
                        label=f.label,
                        msg=error_text(error) if error else self.tr("身份证号码未输入完整"))
            elif f.type == FieldType.PHONE:
                try:
                    validate_mobile(text)
                except ValidationError as exc:
                    problem = self.tr("{label}：{msg}").format(label=f.label, msg=error_text(exc))
            elif f.type == FieldType.MONEY and not re.fullmatch(r"\d+(\.\d{1,2})?", text):
                problem = self.tr("{label}：金额格式应为整数或最多两位小数").format(label=f.label)
            if problem:
                found.append((f.name, problem))
        return found

    def show_errors(self, problems: list[tuple[str, str]], *, only_touched: bool = True) -> None:
        """Show each field's problem under it (only for fields already filled in, by default:
        an empty required field is reported in the decision panel, not shouted at)."""
        by_name = dict(problems)
        raw = self.raw_values()
        for name, label in self._messages.items():
            text = by_name.get(name, "")
            if only_touched and not raw.get(name, "").strip():
                text = ""
            show_message(label, text)

    def show_error(self, name: str, message: str) -> bool:
        label = self._messages.get(name)
        if label is None:
            return False
        show_message(label, message)
        editor = self._editors.get(name)
        if editor is not None:
            editor.setFocus()
        return True

    def clear(self) -> None:
        self.set_raw_values({})

    def set_locked(self, locked: bool) -> None:
        for editor in self._editors.values():
            editor.setEnabled(not locked)


def _money(text: str) -> str:
    whole, _, cents = text.partition(".")
    return f"{int(whole or '0')}.{(cents + '00')[:2]}"


def iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
