"""The "区内已有记录" box: what the district knows of a person this station has not met.

Shown under the applicant when a valid number is unknown here: the masked name, number
and phone, and each document with the station that verified it and when. 显示完整信息
asks the district for the full record (with the reason chosen or typed here, logged at
the district); the page then fills the form and keeps the documents on file. Offline,
the box is a one-line note saying the station goes on with what it holds.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.timeutil import local_time

if TYPE_CHECKING:
    from wire.people import PersonRecord

_NOTE_STYLE = "color: #5f6368;"


class DistrictRecallBox(QFrame):
    """Masked district record + reason + 显示完整信息; or a short note."""

    # The clerk asked for the full record, with this reason.
    reveal_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems([self.tr("申请人本人到窗口办理"), self.tr("代理人受托代为办理")])
        self.reason.setToolTip(self.tr("查看完整信息的理由（记入区中心访问日志）"))
        self.reveal_button = QPushButton(self.tr("显示完整信息"))
        self.reveal_button.setAutoDefault(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(_NOTE_STYLE)
        self.action_row = QWidget()
        row = QHBoxLayout(self.action_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("理由")))
        row.addWidget(self.reason, 1)
        row.addWidget(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.action_row)
        layout.addWidget(self.note)
        self.reveal_button.clicked.connect(self._reveal)
        self.for_number = ""
        self.clear()

    def show_record(self, record: PersonRecord, id_no: str) -> None:
        """The masked record of the person with number `id_no`, as the district knows them."""
        self.for_number = id_no
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lines = [self.tr("区内已有记录（全区通办）：{name}  {id_no}  {mobile}").format(
            name=html.escape(record.name), id_no=html.escape(record.id_no),
            mobile=html.escape(record.mobile))]
        for doc in record.documents:
            lines.append(self.tr("· {doc}：{station} {day} 核验").format(
                doc=html.escape(doc.name), station=html.escape(doc.station_name),
                day=local_time(doc.verified_at).strftime("%Y-%m-%d")))
        if not record.documents:
            lines.append(self.tr("区内暂无已核验的证照。"))
        self.title.setText('<span style="color:#1a56a8">' + "<br>".join(lines) + "</span>")
        self.title.show()
        self.action_row.show()
        self.reveal_button.setEnabled(True)
        self.note.setText(self.tr("显示完整信息将填入申请人资料，并把上述证照记为区内已核验；"
                                  "查看记入区中心访问日志。"))
        self.note.show()
        self.show()

    def show_note(self, text: str, id_no: str) -> None:
        """Only a note about number `id_no` (offline, not found, an error)."""
        self.for_number = id_no
        self.setFrameShape(QFrame.Shape.NoFrame)  # a line of text, not a panel
        self.title.hide()
        self.action_row.hide()
        self.note.setText(text)
        self.note.show()
        self.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.reveal_button.setEnabled(not busy)

    def clear(self) -> None:
        self.for_number = ""  # the number the box speaks of
        self.title.clear()
        self.note.clear()
        self.hide()

    def _reveal(self) -> None:
        reason = " ".join(self.reason.currentText().split())
        if len(reason) < 2:
            self.note.setText(self.tr("请写明查看完整信息的理由。"))
            self.note.setStyleSheet("color: #a8231b;")
            self.reason.setFocus()
            return
        self.note.setStyleSheet(_NOTE_STYLE)
        self.set_busy(True)
        self.reveal_requested.emit(reason)
