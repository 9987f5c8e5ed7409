"""The applicant (and optional agent) at the counter.

The ID number comes first: once it is valid the page looks the person up (in a
background operation) and :meth:`ApplicantPanel.apply_person` fills in what the station
already knows, so a known person is never typed again. Every field's problem is shown in
plain words under it; :meth:`ApplicantPanel.problems` lists them for the decision panel.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clerk.applicants import ApplicantView, DocumentView, PersonInput
from clerk.errors import ValidationError
from clerk.validation import validate_mobile, validate_name
from ui.common.id_input import DocumentTypeCombo, IdNumberEdit, IdState
from ui.common.operations import error_text
from ui.common.widgets import join_list
from ui.station.intake.district_recall import DistrictRecallBox

_ERROR_STYLE = "color: #a8231b;"
_OK_STYLE = "color: #1b6e35;"
_MUTED_STYLE = "color: #5f6368;"


def field_message() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(_ERROR_STYLE)
    label.hide()
    return label


def show_message(label: QLabel, text: str, style: str = _ERROR_STYLE) -> None:
    label.setStyleSheet(style)
    label.setText(text)
    label.setVisible(bool(text))


def with_type(combo: DocumentTypeCombo, edit: IdNumberEdit) -> QWidget:
    """The document type selector and the number field on one line."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    row.addWidget(combo)
    row.addWidget(edit, 1)
    combo.currentIndexChanged.connect(lambda _i: edit.set_document_type(combo.id_type()))
    return box


def with_message(editor: QWidget, message: QLabel) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(editor)
    column.addWidget(message)
    return box


class ApplicantPanel(QWidget):
    """ID number, name, mobile, address; an agent section folded away by default."""

    changed = Signal()
    #: A complete, valid applicant ID number was entered (look the person up).
    id_ready = Signal(str)
    #: The agent section gained or lost an agent (the checklist suggests materials).
    agent_presence_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recalled: ApplicantView | None = None
        self._had_agent = False
        self.id_type_combo = DocumentTypeCombo()
        self.id_edit = IdNumberEdit()
        self.id_message = QLabel()
        self.id_message.setWordWrap(True)
        self.id_message.hide()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("与证件一致"))
        self.name_message = field_message()
        self.mobile_edit = QLineEdit()
        self.mobile_edit.setPlaceholderText(self.tr("11位手机号码"))
        self.mobile_edit.setMaxLength(20)
        self.mobile_message = field_message()
        self.address_edit = QLineEdit()
        self.address_edit.setMaxLength(200)
        self.recall_label = QLabel()
        self.recall_label.setWordWrap(True)
        self.recall_label.setTextFormat(Qt.TextFormat.RichText)
        self.recall_label.hide()
        self.district_box = DistrictRecallBox()  # 全区通办: what the district knows
        self.agent_toggle = QToolButton()
        self.agent_toggle.setCheckable(True)
        self.agent_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.agent_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.agent_toggle.setText(self.tr("代理人（委托他人代办时填写）"))
        self.agent_toggle.setAutoRaise(True)
        self.agent_name_edit = QLineEdit()
        self.agent_id_type_combo = DocumentTypeCombo()
        self.agent_id_edit = IdNumberEdit()
        self.agent_id_message = QLabel()
        self.agent_id_message.setWordWrap(True)
        self.agent_id_message.hide()
        self.agent_mobile_edit = QLineEdit()
        self.agent_mobile_edit.setMaxLength(20)
        self.agent_message = field_message()
        self._build()
        self._connect()

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        form.addRow(self.tr("证件号码 *"), with_message(
            with_type(self.id_type_combo, self.id_edit), self.id_message))
        form.addRow(self.tr("姓名 *"), with_message(self.name_edit, self.name_message))
        form.addRow(self.tr("手机"), with_message(self.mobile_edit, self.mobile_message))
        form.addRow(self.tr("住址"), self.address_edit)
        form.addRow(self.recall_label)
        form.addRow(self.district_box)
        form.addRow(self.agent_toggle)
        self.agent_box = QFrame()
        self.agent_box.setFrameShape(QFrame.Shape.StyledPanel)
        agent_form = QFormLayout(self.agent_box)
        agent_form.setContentsMargins(8, 6, 8, 6)
        agent_form.setVerticalSpacing(4)
        agent_form.addRow(self.tr("代理人姓名"), self.agent_name_edit)
        agent_form.addRow(self.tr("代理人证件"), with_message(
            with_type(self.agent_id_type_combo, self.agent_id_edit), self.agent_id_message))
        agent_form.addRow(self.tr("代理人手机"), self.agent_mobile_edit)
        agent_form.addRow(self.agent_message)
        self.agent_box.hide()
        form.addRow(self.agent_box)

    def _connect(self) -> None:
        self.id_edit.message_changed.connect(self._on_id_message)
        self.id_edit.id_valid.connect(self.id_ready)
        self.id_edit.textChanged.connect(self._on_id_text)
        self.agent_id_edit.message_changed.connect(
            lambda text: self._show_id_message(self.agent_id_message, self.agent_id_edit, text))
        self.agent_toggle.toggled.connect(self._on_agent_toggled)
        self.id_type_combo.currentIndexChanged.connect(lambda _i: self._on_id_text(""))
        for combo in (self.id_type_combo, self.agent_id_type_combo):
            combo.currentIndexChanged.connect(self._on_changed)
        for edit in (self.name_edit, self.mobile_edit, self.address_edit, self.agent_name_edit,
                     self.agent_id_edit, self.agent_mobile_edit):
            edit.textChanged.connect(self._on_changed)
        self.name_edit.editingFinished.connect(self._check_name)
        self.mobile_edit.editingFinished.connect(self._check_mobile)
        self.mobile_edit.textEdited.connect(lambda _t: self._check_mobile(quiet=True))
        self.name_edit.textEdited.connect(lambda _t: self._check_name(quiet=True))

    # --- values -----------------------------------------------------------------------
    def id_type(self) -> str:
        """The applicant's document type (居民身份证 unless the clerk chose another)."""
        return self.id_type_combo.id_type()

    def person_input(self) -> PersonInput:
        return PersonInput(name=self.name_edit.text(), id_no=self.id_edit.number(),
                           id_type=self.id_type(), mobile=self.mobile_edit.text(),
                           address=self.address_edit.text())

    def has_agent(self) -> bool:
        return bool(self.agent_name_edit.text().strip() or self.agent_id_edit.number())

    def agent_input(self) -> PersonInput | None:
        if not self.has_agent():
            return None
        return PersonInput(name=self.agent_name_edit.text(), id_no=self.agent_id_edit.number(),
                           id_type=self.agent_id_type_combo.id_type(),
                           mobile=self.agent_mobile_edit.text())

    def is_empty(self) -> bool:
        return not any(e.text().strip() for e in (
            self.id_edit, self.name_edit, self.mobile_edit, self.address_edit,
            self.agent_name_edit, self.agent_id_edit, self.agent_mobile_edit))

    def problems(self) -> list[tuple[str, str]]:
        """(field, plain words) for everything that keeps the applicant from being used."""
        found: list[tuple[str, str]] = []
        if self.id_edit.state == IdState.EMPTY:
            found.append(("id_no", self.tr("请输入申请人证件号码")))
        elif self.id_edit.state != IdState.VALID:
            error = self.id_edit.error()
            found.append(("id_no", error_text(error) if error else self.tr("证件号码未输入完整")))
        name = self.name_edit.text()
        try:
            if not name.strip():
                found.append(("name", self.tr("请输入申请人姓名")))
            else:
                validate_name(name)
        except ValidationError as exc:
            found.append(("name", error_text(exc)))
        try:
            self._mobile_ok(self.mobile_edit.text())
        except ValidationError as exc:
            found.append(("mobile", error_text(exc)))
        if self.has_agent():
            if not self.agent_name_edit.text().strip():
                found.append(("agent", self.tr("请填写代理人姓名")))
            if self.agent_id_edit.state != IdState.VALID:
                found.append(("agent", self.tr("代理人证件号码无效或未填写完整")))
            try:
                self._mobile_ok(self.agent_mobile_edit.text())
            except ValidationError as exc:
                found.append(("agent", self.tr("代理人手机：") + error_text(exc)))
        return found

    @staticmethod
    def _mobile_ok(text: str) -> None:
        if text.strip():
            validate_mobile(text)

    # --- filling -----------------------------------------------------------------------
    def apply_person(self, person: ApplicantView | None,
                     documents: dict[str, DocumentView]) -> None:
        """Show what the station knows of the person with the typed ID number."""
        self._recalled = person
        if person is None:
            text = self.tr("新申请人：首次来站办理，请登记姓名和联系方式。")
            show_message(self.recall_label, text, _MUTED_STYLE)
            return
        for edit, value in ((self.name_edit, person.name), (self.mobile_edit, person.mobile),
                            (self.address_edit, person.address)):
            if not edit.text().strip() and value:
                edit.setText(value)
        docs = join_list(html.escape(d.name) for d in documents.values())
        on_file = (self.tr("证照库：{docs}").format(docs=docs) if docs
                   else self.tr("证照库暂无有效证照。"))
        text = self.tr("已登记申请人，资料已调出。") + on_file
        self.recall_label.setText(f'<span style="color:#1a56a8">{text}</span>')
        self.recall_label.show()
        self._check_name(quiet=True)

    def recalled(self) -> ApplicantView | None:
        return self._recalled

    def show_error(self, fld: str, message: str) -> bool:
        """Show a domain error next to its field; False when the field is not here."""
        labels = {"name": self.name_message, "mobile": self.mobile_message,
                  "agent": self.agent_message}
        if fld == "id_no":
            show_message(self.id_message, message)
            self.id_edit.setFocus()
            return True
        label = labels.get(fld)
        if label is None:
            return False
        show_message(label, message)
        if fld == "agent":
            self.agent_toggle.setChecked(True)
        return True

    def set_locked(self, locked: bool) -> None:
        for edit in (self.id_edit, self.name_edit, self.mobile_edit, self.address_edit,
                     self.agent_name_edit, self.agent_id_edit, self.agent_mobile_edit):
            edit.setReadOnly(locked)
        for combo in (self.id_type_combo, self.agent_id_type_combo):
            combo.setEnabled(not locked)

    def fill(self, applicant: dict[str, Any], agent: dict[str, Any] | None) -> None:
        """Show a case's applicant and agent (supplement mode)."""
        self.clear()
        self.id_type_combo.set_id_type(str(applicant.get("id_type", "resident_id")))
        self.id_edit.setText(str(applicant.get("id_no", "")))
        self.name_edit.setText(str(applicant.get("name", "")))
        self.mobile_edit.setText(str(applicant.get("mobile", "")))
        self.address_edit.setText(str(applicant.get("address", "")))
        if agent:
            self.agent_name_edit.setText(str(agent.get("name", "")))
            self.agent_id_type_combo.set_id_type(str(agent.get("id_type", "resident_id")))
            self.agent_id_edit.setText(str(agent.get("id_no", "")))
            self.agent_mobile_edit.setText(str(agent.get("mobile", "")))
            self.agent_toggle.setChecked(True)

    def clear(self) -> None:
        self._recalled = None
        for edit in (self.id_edit, self.name_edit, self.mobile_edit, self.address_edit,
                     self.agent_name_edit, self.agent_id_edit, self.agent_mobile_edit):
            edit.clear()
        for label in (self.name_message, self.mobile_message, self.agent_message,
                      self.recall_label):
            show_message(label, "")
        for combo in (self.id_type_combo, self.agent_id_type_combo):
            combo.set_id_type("resident_id")
        self.agent_toggle.setChecked(False)
        self.district_box.clear()

    def to_dict(self) -> dict[str, str]:
        return {"id_no": self.id_edit.text(), "name": self.name_edit.text(),
                "mobile": self.mobile_edit.text(), "address": self.address_edit.text(),
                "agent_name": self.agent_name_edit.text(),
                "agent_id_no": self.agent_id_edit.text(),
                "agent_mobile": self.agent_mobile_edit.text(),
                "id_type": self.id_type(), "agent_id_type": self.agent_id_type_combo.id_type()}

    def from_dict(self, data: dict[str, Any]) -> None:
        self.clear()
        self.id_type_combo.set_id_type(str(data.get("id_type", "resident_id")))
        self.agent_id_type_combo.set_id_type(str(data.get("agent_id_type", "resident_id")))
        for edit, key in ((self.id_edit, "id_no"), (self.name_edit, "name"),
                          (self.mobile_edit, "mobile"), (self.address_edit, "address"),
                          (self.agent_name_edit, "agent_name"),
                          (self.agent_id_edit, "agent_id_no"),
                          (self.agent_mobile_edit, "agent_mobile")):
            edit.setText(str(data.get(key, "")))
        if self.has_agent():
            self.agent_toggle.setChecked(True)

    # --- feedback ------------------------------------------------------------------------
    def _on_id_message(self, text: str) -> None:
        self._show_id_message(self.id_message, self.id_edit, text)

    @staticmethod
    def _show_id_message(label: QLabel, edit: IdNumberEdit, text: str) -> None:
        style = {IdState.VALID: _OK_STYLE, IdState.INVALID: _ERROR_STYLE}.get(edit.state,
                                                                              _MUTED_STYLE)
        show_message(label, text, style)

    def _on_id_text(self, _text: str) -> None:
        if self.id_edit.number() != self.district_box.for_number:
            self.district_box.clear()  # it spoke of another number
        recalled = self._recalled
        if recalled is not None and (self.id_edit.number() != recalled.id_no
                                     or self.id_type() != recalled.id_type):
            # Another person now: what was filled in for the previous one goes too,
            # unless the clerk changed it.
            self._recalled = None
            for edit, value in ((self.name_edit, recalled.name),
                                (self.mobile_edit, recalled.mobile),
                                (self.address_edit, recalled.address)):
                if value and edit.text() == value:
                    edit.clear()
            show_message(self.recall_label, "")
        elif recalled is None and self.recall_label.isVisible() \
                and self.id_edit.state != IdState.VALID:
            show_message(self.recall_label, "")

    def _on_changed(self) -> None:
        has_agent = self.has_agent()
        if has_agent != self._had_agent:
            self._had_agent = has_agent
            self.agent_presence_changed.emit(has_agent)
        self.changed.emit()

    def _on_agent_toggled(self, shown: bool) -> None:
        self.agent_box.setVisible(shown)
        self.agent_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                       else Qt.ArrowType.RightArrow)
        if shown and not self.agent_name_edit.text():
            self.agent_name_edit.setFocus()

    def _check_name(self, quiet: bool = False) -> None:
        text = self.name_edit.text()
        if quiet and not self.name_message.isVisible():
            return
        try:
            validate_name(text)
            show_message(self.name_message, "")
        except ValidationError as exc:
            show_message(self.name_message, error_text(exc))

    def _check_mobile(self, quiet: bool = False) -> None:
        text = self.mobile_edit.text()
        try:
            self._mobile_ok(text)
            show_message(self.mobile_message, "")
        except ValidationError as exc:
            if not quiet:
                show_message(self.mobile_message, error_text(exc))
