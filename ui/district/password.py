"""Changing one's own password: a dialog every role reaches from the status bar, and the
screen a user meets after signing in with a one-time password an admin set (nothing
else opens until a new password is chosen; the district refuses everything else too)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from staff_client.client import StaffClient
from ui.district.session import DistrictSession, network


class PasswordForm(QWidget):
    """Old password, new password twice; checks what it can before asking the district."""

    changed = Signal()

    def __init__(self, intro: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DistrictSession | None = None
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(intro))
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.old_edit, self.new_edit, self.repeat_edit = QLineEdit(), QLineEdit(), QLineEdit()
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(200)
        form.addRow(self.tr("原密码"), self.old_edit)
        form.addRow(self.tr("新密码（至少 8 位）"), self.new_edit)
        form.addRow(self.tr("再输一次"), self.repeat_edit)
        layout.addLayout(form)
        self.error_label = QLabel("")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a8231b;")
        layout.addWidget(self.error_label)
        self.save_button = QPushButton(self.tr("修改密码"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        self.repeat_edit.returnPressed.connect(self.submit)
        layout.addWidget(self.save_button)

    def attach(self, session: DistrictSession) -> None:
        self._session = session
        self.old_edit.setFocus()

    def submit(self) -> None:
        old, new = self.old_edit.text(), self.new_edit.text()
        if not old:
            self.error_label.setText(self.tr("请输入原密码。"))
            return
        if len(new) < 8:
            self.error_label.setText(self.tr("新密码至少 8 位。"))
            return
        if new != self.repeat_edit.text():
            self.error_label.setText(self.tr("两次输入的新密码不一致。"))
            return
        if self._session is None:
            return
        self.save_button.setEnabled(False)
        self.error_label.setText(self.tr("正在修改…"))

        def work(client: StaffClient) -> None:
            client.change_password(old, new)

        def failed(text: str) -> None:
            self.save_button.setEnabled(True)
            self.error_label.setText(text)

        def done(_: None) -> None:
            self.save_button.setEnabled(True)
            for edit in (self.old_edit, self.new_edit, self.repeat_edit):
                edit.clear()
            self.error_label.setText("")
            self.changed.emit()

        network(self._session, work, parent=self, done=done, failed=failed)


class ChangePasswordDialog(QDialog):
    def __init__(self, session: DistrictSession, parent: QWidget | None = None,
                 on_done: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改密码"))
        layout = QVBoxLayout(self)
        self.form = PasswordForm()
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.form.attach(session)
        self.form.changed.connect(self.accept)
        if on_done is not None:
            self.form.changed.connect(on_done)
