"""The recovery key, shown once after set-up (issue 14): the station's data is encrypted
with a key in the OS keyring, and this key is what opens it on another PC. The clerk
copies it or prints the slip (printing.recovery_slip); it is never stored or shown again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.station import StationInfo
from ui.common.operations import Operation, error_text


class RecoveryKeyDialog(QDialog):
    def __init__(self, recovery_key: str, station: StationInfo, data_dir: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.common.widgets import open_pdf_preview

        self.recovery_key = recovery_key
        self.station = station
        self.data_dir = data_dir
        self.preview_opener: Callable[[bytes, str, QWidget | None], object] = open_pdf_preview
        self.setWindowTitle(self.tr("恢复密钥（只显示这一次）"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "本站数据已加密，密钥保存在本机的系统密钥环中。换电脑、重装系统或密钥环丢失时，"
            "要用下面的恢复密钥才能打开数据或恢复备份。它只显示这一次：请打印恢复密钥单"
            "或抄写下来，锁在柜中保管。"))
        intro.setWordWrap(True)
        self.key_label = QLabel(recovery_key)
        font = QFont(self.key_label.font())
        font.setPointSize(font.pointSize() + 6)
        font.setFamily("monospace")
        self.key_label.setFont(font)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.print_button = QPushButton(self.tr("打印恢复密钥单…"))
        self.print_button.clicked.connect(self.print_slip)
        buttons = QDialogButtonBox()
        self.done_button = buttons.addButton(self.tr("我已打印或抄写"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        for w in (intro, self.key_label, self.print_button, self.note, buttons):
            layout.addWidget(w)

    def slip_pdf(self) -> bytes:
        from clerk.validation import BEIJING_DISTRICTS
        from printing.recovery_slip import RecoverySlip, render_recovery_slip

        district = BEIJING_DISTRICTS.get(self.station.code[:6], "")
        return render_recovery_slip(RecoverySlip(
            district_name=district, station_code=self.station.code,
            station_name=self.station.name, data_dir=self.data_dir,
            recovery_key=self.recovery_key, issued_at=datetime.now(UTC)))

    def print_slip(self) -> None:
        title = self.tr("站点数据恢复密钥单")
        Operation(self.slip_pdf, parent=self, serial=False).success(
            lambda pdf: self.preview_opener(pdf, title, self)
        ).failure(lambda exc: self.note.setText(error_text(exc))).run_in_background()
