"""账号 (admins): create reviewers, proxy agents and admins; disable or re-enable an
account; reset a password to a one-time password (shown once; the user must choose a new
one at the next sign-in)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from staff_client.client import StaffClient
from ui.district.admin_stations import ask
from ui.district.admin_table import AdminTable
from ui.district.session import DistrictSession, network, role_label
from wire.admin import PasswordReset
from wire.protocol import UserInfo


class AccountsPage(QWidget):
    ready = Signal()
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DistrictSession | None = None
        self.users: list[UserInfo] = []
        self.confirm: Callable[[QWidget, str], bool] = ask
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("新建账号"))
        form = QHBoxLayout(box)
        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(self.tr("用户名，如 li.shen"))
        self.username_edit.setMaxLength(32)
        self.display_edit = QLineEdit()
        self.display_edit.setPlaceholderText(self.tr("姓名"))
        self.display_edit.setMaxLength(50)
        self.role_combo = QComboBox()
        for role in ("reviewer", "proxy", "admin"):
            self.role_combo.addItem(role_label(role), role)
        self.password_edit = QLineEdit()
        self.password_edit.setPlaceholderText(self.tr("初始密码（至少 8 位）"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(200)
        self.create_button = QPushButton(self.tr("新建"))
        self.create_button.clicked.connect(self.create_user)
        for w, stretch in ((self.username_edit, 2), (self.display_edit, 2),
                           (self.role_combo, 1), (self.password_edit, 2),
                           (self.create_button, 0)):
            form.addWidget(w, stretch)
        layout.addWidget(box)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("账号")), 1)
        self.toggle_button = QPushButton(self.tr("停用"))
        self.toggle_button.clicked.connect(self.toggle_active)
        self.reset_button = QPushButton(self.tr("重置密码"))
        self.reset_button.clicked.connect(self.reset_password)
        buttons.addWidget(self.toggle_button)
        buttons.addWidget(self.reset_button)
        layout.addLayout(buttons)
        self.table = AdminTable([self.tr("用户名"), self.tr("姓名"), self.tr("角色"),
                                 self.tr("状态")])
        self.table.itemSelectionChanged.connect(self._chosen)
        layout.addWidget(self.table, 1)
        self.password_label = QLabel("")
        self.password_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.password_label.hide()
        layout.addWidget(self.password_label)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

    def attach(self, session: DistrictSession) -> None:
        self._session = session
        self.reload()

    def reload(self) -> None:
        if self._session is not None:
            network(self._session, lambda c: c.users(), parent=self, done=self._show,
                    failed=self.note.setText)

    def _state(self, u: UserInfo) -> str:
        if not u.active:
            return self.tr("已停用")
        return self.tr("待改密码") if u.must_change_password else self.tr("在用")

    def _show(self, users: list[UserInfo]) -> None:
        self.users = users
        self.table.fill([[u.username, u.display_name, role_label(u.role), self._state(u)]
                         for u in users])
        self._chosen()
        self.ready.emit()

    def current(self) -> UserInfo | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def _chosen(self) -> None:
        user = self.current()
        self.toggle_button.setEnabled(user is not None)
        self.reset_button.setEnabled(user is not None and user.active)
        if user is not None:
            self.toggle_button.setText(self.tr("停用") if user.active else self.tr("重新启用"))

    def _act(self, work: Callable[[StaffClient], object], text: str,
             done: Callable[[object], None] | None = None) -> None:
        if self._session is None:
            return

        def finished(result: object) -> None:
            if done is not None:
                done(result)
            self.note.setText(text)
            self.reload()
            self.changed.emit()

        network(self._session, work, parent=self, done=finished, failed=self.note.setText)

    def create_user(self) -> None:
        username = self.username_edit.text().strip()
        display = self.display_edit.text().strip()
        password, role = self.password_edit.text(), str(self.role_combo.currentData())
        if not username or len(password) < 8:
            self.note.setText(self.tr("请填写用户名和至少 8 位的初始密码。"))
            return

        def cleared(_: object) -> None:
            for edit in (self.username_edit, self.display_edit, self.password_edit):
                edit.clear()

        self._act(lambda c: c.create_user(username, password, role, display),
                  self.tr("已新建账号 {username}。").format(username=username), cleared)

    def toggle_active(self) -> None:
        user = self.current()
        if user is None:
            return
        if user.active and not self.confirm(self, self.tr(
                "停用账号 {username}（{name}）？其登录立即失效。").format(
                username=user.username, name=user.display_name)):
            return
        name, active = user.username, not user.active
        text = self.tr("已重新启用 {username}。") if active else self.tr("已停用 {username}。")
        self._act(lambda c: c.set_active(name, active), text.format(username=name))

    def reset_password(self) -> None:
        user = self.current()
        if user is None or not self.confirm(self, self.tr(
                "为 {username} 生成一次性密码？原密码和现有登录立即失效。").format(
                username=user.username)):
            return
        name = user.username

        def shown(result: object) -> None:
            if isinstance(result, PasswordReset):
                self.password_label.setText(self.tr(
                    "{username} 的一次性密码：{password}（只显示这一次；"
                    "对方下次登录时须先设置新密码）").format(username=result.username,
                                                 password=result.password))
                self.password_label.show()

        self._act(lambda c: c.reset_password(name),
                  self.tr("已重置 {username} 的密码。").format(username=name), shown)
