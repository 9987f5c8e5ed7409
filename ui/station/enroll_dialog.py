"""登记到区中心: the station admin exchanges the district's one-time code for a device token.

The same exchange as `python -m clerk enroll --server URL --code CODE --device-name NAME`
(`sync.engine.enroll`): the token goes to the OS keyring, the server address to the
station's settings. The dialog stays open with the district's answer in plain words when
the code is wrong, spent or expired, or the district cannot be reached, so the admin can
correct a typo without starting over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk import numbering
from clerk.errors import ValidationError
from clerk.options import SYNC_DEVICE_NAME
from ui.common.operations import Operation, error_text
from ui.common.widgets import RED

if TYPE_CHECKING:
    from clerk.workspace import Workspace
    from sync.engine import Enrolled


def _device(ws: Workspace) -> tuple[int, str]:
    """This PC's window number and name as set at set-up (or the last enrollment)."""
    text = ws.setting(numbering.DEVICE_NO_KEY, "")
    number = int(text) if text.isdigit() and 1 <= int(text) <= numbering.MAX_DEVICE_NO \
        else numbering.DEFAULT_DEVICE_NO
    return number, ws.setting(SYNC_DEVICE_NAME.key, "")


class EnrollDialog(QDialog):
    enrolled = Signal(object)  # sync.engine.Enrolled

    def __init__(self, ws: Workspace, server: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("登记到区中心"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("输入区中心地址和区中心管理员给出的一次性登记码。登记后本机的"
                               "设备令牌保存在系统钥匙串中，办件在后台自动同步。"))
        intro.setWordWrap(True)
        self.server_edit = QLineEdit(server)
        self.server_edit.setPlaceholderText("https://district.example.gov.cn")
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("例如 ABCD-EFGH-JKLM"))
        number, name = _device(ws)
        self.name_edit = QLineEdit(name or numbering.default_device_name(number))
        self.name_edit.setMaxLength(numbering.MAX_DEVICE_NAME)
        self.name_edit.setPlaceholderText(self.tr("例如 2号窗口"))
        self.number_spin = QSpinBox()
        self.number_spin.setRange(1, numbering.MAX_DEVICE_NO)
        self.number_spin.setValue(number)
        self.number_spin.setToolTip(self.tr("本站每台电脑一个不同的号，是本机案件编号和文书编号"
                                            "的一部分，离线办件也不会重号。"))
        form = QFormLayout()
        form.addRow(self.tr("区中心地址"), self.server_edit)
        form.addRow(self.tr("登记码"), self.code_edit)
        form.addRow(self.tr("本机名称"), self.name_edit)
        form.addRow(self.tr("本机窗口号"), self.number_spin)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {RED[0]};")
        self.message.hide()
        buttons = QDialogButtonBox()  # own buttons: Qt's standard ones are not translated
        self.enroll_button = QPushButton(self.tr("登记"))
        self.enroll_button.setDefault(True)
        buttons.addButton(self.enroll_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QPushButton(self.tr("取消")), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.code_edit if server else self.server_edit).setFocus()

    def submit(self) -> None:
        server, code = self.server_edit.text().strip(), self.code_edit.text().strip()
        if not server or not code:
            self._fail(self.tr("请填写区中心地址和登记码。"))
            return
        name, number = self.name_edit.text().strip(), self.number_spin.value()
        try:  # checked before the code is sent; a number another PC holds the district refuses
            numbering.validate_device_name(name)
            numbering.validate_device_no(number)
        except ValidationError as exc:
            self._fail(error_text(exc))
            self.name_edit.setFocus()
            return
        self.enroll_button.setEnabled(False)
        self.message.hide()
        ws = self.ws

        def work() -> Enrolled:
            from sync import engine

            return engine.enroll(ws, server, code, device_name=name, device_no=number)[0]

        Operation(work, parent=self, serial=False).success(self._done) \
            .failure(self._failed).run_in_background()

    def _done(self, result: Enrolled) -> None:
        self.enrolled.emit(result)
        self.accept()

    def _failed(self, exc: Exception) -> None:

        self._fail(error_text(exc))

    def _fail(self, text: str) -> None:
        self.enroll_button.setEnabled(True)
        self.message.setText(text)
        self.message.show()
