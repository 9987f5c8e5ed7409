"""补交容缺材料: the small dialog in which the clerk ticks the promised materials the
applicant has now brought.

Only the case's awaited (容缺后补, not yet handed in) items are listed, each with its
promise date, the broken promises marked. The keyboard does it all: Tab / arrows move
between the boxes, Space ticks, Enter records, Esc cancels. The dialog only collects
the keys; the case detail records them through a background operation.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from clerk.cases.checklist import ChecklistItem
from ui.common.widgets import FieldError


class SupplementDialog(QDialog):
    """Ticks for the awaited items of one case; `keys()` once accepted."""

    def __init__(self, case_no: str, items: tuple[ChecklistItem, ...], today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("补交容缺材料"))
        intro = QLabel(self.tr("案件 {case_no}：勾选申请人本次补交的容缺后补材料。")
                       .format(case_no=case_no))
        intro.setWordWrap(True)
        self.boxes: dict[str, QCheckBox] = {}
        self.error = FieldError()
        column = QVBoxLayout(self)
        column.addWidget(intro)
        for item in items:
            box = QCheckBox(self._text(item, today))
            if item.promise_date is not None and item.promise_date < today:
                box.setStyleSheet("color: #a8231b;")
            box.toggled.connect(lambda _on: self.error.clear_error())
            self.boxes[item.key] = box
            column.addWidget(box)
        column.addWidget(self.error)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("登记补交"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        if self.boxes:
            next(iter(self.boxes.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    def _text(self, item: ChecklistItem, today: date) -> str:
        if item.promise_date is None:
            return item.name
        if item.promise_date < today:
            return self.tr("{name}（承诺 {day} 前补交，已逾期）").format(
                name=item.name, day=item.promise_date.isoformat())
        return self.tr("{name}（承诺 {day} 前补交）").format(
            name=item.name, day=item.promise_date.isoformat())

    def keys(self) -> list[str]:
        """The ticked materials, in checklist order."""
        return [key for key, box in self.boxes.items() if box.isChecked()]

    def _confirm(self) -> None:
        if not self.keys():
            self.error.show_error(self.tr("请勾选至少一项补交的材料。"))
            return
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on a focused check box records (QDialog would only press the default
        # button when no other button has focus: make it so for the boxes too).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._confirm()
            return
        super().keyPressEvent(event)
