"""Sign-in to a district service: server address, user name, password, "remember me".

"Remember me" keeps the bearer token in the OS keyring, never in a file; without a
usable keyring the box is disabled and the page says why. TLS is always verified; a
district-internal CA is configured with a CA bundle (PEM file).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ui.common.forms import Card


class DistrictLoginPage(Card):
    """登录区中心: Enter in the password field signs in."""

    login_requested = Signal(str, str, str, bool, str)  # server, user, password, remember, CA

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("区政务服务中心 · 工作人员登录"),
                         self.tr("审核人员、代办员和管理员使用"), width=520, parent=parent)
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("https://district.example.gov.cn")
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self._submit)
        self.remember_check = QCheckBox(self.tr("记住我（登录令牌保存在系统密钥环中）"))
        self.ca_edit = QLineEdit()
        self.ca_edit.setPlaceholderText(self.tr("留空：使用系统信任的证书"))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._browse)
        ca_row = QWidget()
        row = QHBoxLayout(ca_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.ca_edit, 1)
        row.addWidget(browse)
        self.keyring_note = QLabel(self.tr(
            "本机没有可用的系统密钥环（keyring），无法“记住我”：登录令牌不会保存，下次启动需要"
            "重新输入密码。如需记住登录，请启用系统的凭据服务（Windows 凭据管理器、macOS 钥匙串、"
            "Linux Secret Service），或用环境变量 PYTHON_KEYRING_BACKEND 指定后端。"))
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet("color: #8a4b00;")
        self.keyring_note.hide()
        self.form.addRow(self.tr("服务器"), self.server_edit)
        self.form.addRow(self.tr("用户名"), self.user_edit)
        self.form.addRow(self.tr("密码"), self.password_edit)
        self.form.addRow("", self.remember_check)
        self.form.addRow(self.tr("CA 证书"), ca_row)
        self.form.addRow(self.keyring_note)
        self.login_button = QPushButton(self.tr("登录"))
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self._submit)
        self.buttons.addWidget(self.login_button)

    def prefill(self, server: str, username: str, ca_bundle: str, keyring_ok: bool) -> None:
        self.server_edit.setText(server)
        self.user_edit.setText(username)
        self.ca_edit.setText(ca_bundle)
        self.remember_check.setEnabled(keyring_ok)
        if not keyring_ok:
            self.remember_check.setChecked(False)
        self.keyring_note.setVisible(not keyring_ok)
        self.password_edit.clear()
        self.set_busy(False)
        (self.password_edit if server and username else
         self.user_edit if server else self.server_edit).setFocus()

    def set_busy(self, busy: bool) -> None:
        self.login_button.setEnabled(not busy)
        self.login_button.setText(self.tr("正在登录…") if busy else self.tr("登录"))

    def failed(self, text: str) -> None:
        self.set_busy(False)
        self.show_error(text)
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择 CA 证书文件"), "",
                                              self.tr("证书 (*.pem *.crt *.cer);;所有文件 (*)"))
        if path:
            self.ca_edit.setText(path)

    def _submit(self) -> None:
        server, user = self.server_edit.text().strip(), self.user_edit.text().strip()
        if not server.startswith(("http://", "https://")):
            self.show_error(self.tr("服务器地址须以 https:// 或 http:// 开头。"))
            self.server_edit.setFocus()
            return
        if not user:
            self.show_error(self.tr("请输入用户名。"))
            self.user_edit.setFocus()
            return
        if not self.password_edit.text():
            self.show_error(self.tr("请输入密码。"))
            self.password_edit.setFocus()
            return
        self.show_error("")
        self.set_busy(True)
        self.login_requested.emit(server, user, self.password_edit.text(),
                                  self.remember_check.isChecked(), self.ca_edit.text().strip())
