"""The "调取办件" bar: a returning applicant's case by number, QR content or ID number.

A QR scanner types the payload (``SD1|case_no|check``) and Enter, like a keyboard; an ID
number may match several open cases, which are then listed right under the field to
pick from (Down, Enter). The page does the lookup in a background operation.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.widgets import state_label
from ui.station.intake.applicant import field_message, show_message
from ui.station.intake.work import CaseChoice


class CaseLookupBar(QWidget):
    """Field + button; a choice list appears when an ID number has several open cases."""

    lookup_requested = Signal(str)
    case_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(
            self.tr("补正调取：办件编号 / 扫描告知单二维码 / 身份证号，回车"))
        self.edit.setClearButtonEnabled(True)
        self.button = QPushButton(self.tr("调取办件"))
        self.button.setAutoDefault(False)
        self.message = field_message()
        self.choices = QListWidget()
        self.choices.setMaximumHeight(110)
        self.choices.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(QLabel(self.tr("调取办件")))
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.choices)
        self.edit.returnPressed.connect(self._request)
        self.button.clicked.connect(self._request)
        self.edit.textEdited.connect(lambda _t: self.show_error(""))
        self.choices.itemActivated.connect(self._chosen)
        self.choices.itemClicked.connect(self._chosen)
        self.edit.installEventFilter(self)

    def _request(self) -> None:
        text = self.edit.text().strip()
        if text:
            self.lookup_requested.emit(text)

    def show_error(self, text: str) -> None:
        show_message(self.message, text)

    def show_info(self, text: str) -> None:
        show_message(self.message, text, "color: #1a56a8;")

    def show_choices(self, choices: Sequence[CaseChoice]) -> None:
        self.choices.clear()
        for c in choices:
            item = QListWidgetItem(self.tr("{no}  {matter}  {state}  {day} 收件").format(
                no=c.case_no, matter=c.matter_name, state=state_label(c.state),
                day=c.received_on.isoformat()))
            item.setData(Qt.ItemDataRole.UserRole, c.case_no)
            self.choices.addItem(item)
        self.choices.setVisible(bool(choices))
        if choices:
            self.choices.setCurrentRow(0)
            text = self.tr("该申请人有 {n} 件待补正的办件，请选择：")
            self.show_info(text.format(n=len(choices)))

    def hide_choices(self) -> None:
        self.choices.clear()
        self.choices.hide()

    def clear(self) -> None:
        self.edit.clear()
        self.show_error("")
        self.hide_choices()

    def _chosen(self, item: QListWidgetItem) -> None:
        case_no = str(item.data(Qt.ItemDataRole.UserRole))
        self.hide_choices()
        self.show_error("")
        self.case_chosen.emit(case_no)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and self.choices.isVisible():
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.choices.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                if 0 <= row < self.choices.count():
                    self.choices.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.choices.currentItem():
                self._chosen(self.choices.currentItem())
                return True
        return super().eventFilter(watched, event)
