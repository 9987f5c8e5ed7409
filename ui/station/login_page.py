"""Sign-in, first-start set-up and the idle lock: the screens before the work area."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QSpinBox, QWidget

from clerk import numbers
from clerk.errors import ValidationError
from clerk.issuing import (
    default_reviewer,
    default_station_authority,
    district_name,
    validate_authority,
)
from clerk.station import LEVELS, Account, validate_station_inputs
from ui.common.forms import Card


class LoginPage(Card):
    """登录: pick the clerk, type the password, Enter signs in."""

    login_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("窗口人员登录"), "", parent=parent)
        self.user_combo = QComboBox()
        self.user_combo.setEditable(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self._submit)
        self.form.addRow(self.tr("经办人"), self.user_combo)
        self.form.addRow(self.tr("密码"), self.password_edit)
        self.login_button = QPushButton(self.tr("登录"))
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self._submit)
        self.buttons.addWidget(self.login_button)

    def set_station(self, name: str, accounts: list[Account], last_user: str = "") -> None:
        self.subtitle_label.setText(name)
        self.subtitle_label.show()
        self.user_combo.clear()
        for acc in accounts:
            if acc.active:
                self.user_combo.addItem(self.tr("{name}（{user}）").format(
                    name=acc.display_name, user=acc.username), acc.username)
        index = self.user_combo.findData(last_user)
        self.user_combo.setCurrentIndex(max(index, 0))
        self.password_edit.clear()
        self.show_error("")
        self.password_edit.setFocus()

    def current_username(self) -> str:
        data = self.user_combo.currentData()
        return str(data) if data else self.user_combo.currentText().strip()

    def _submit(self) -> None:
        if not self.password_edit.text():
            self.show_error(self.tr("请输入密码。"))
            return
        self.login_requested.emit(self.current_username(), self.password_edit.text())

    def failed(self, text: str) -> None:
        self.show_error(text)
        self.password_edit.selectAll()
        self.password_edit.setFocus()


class LockPage(Card):
    """已锁定: the work area is hidden; the same clerk's password unlocks, or sign out."""

    unlock_requested = Signal(str)
    switch_user = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("工作台已锁定"), "", parent=parent)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self._submit)
        self.form.addRow(self.tr("密码"), self.password_edit)
        unlock = QPushButton(self.tr("解锁"))
        unlock.setDefault(True)
        unlock.clicked.connect(self._submit)
        switch = QPushButton(self.tr("切换经办人"))
        switch.setFlat(True)
        switch.clicked.connect(self.switch_user)
        self.buttons.addWidget(unlock)
        self.buttons.addWidget(switch)

    def lock_for(self, display_name: str) -> None:
        self.subtitle_label.setText(
            self.tr("离开座位时自动锁定，未保存的收件内容已保留。经办人：{0}")
            .format(display_name))
        self.subtitle_label.show()
        self.password_edit.clear()
        self.show_error("")
        self.password_edit.setFocus()

    def _submit(self) -> None:
        self.unlock_requested.emit(self.password_edit.text())

    def failed(self, text: str) -> None:
        self.show_error(text)
        self.password_edit.clear()


class SetupPage(Card):
    """首次使用: station code (12-digit Beijing area code), name, level, first admin, and
    this PC among the station's counters: its name ("2号窗口") and window number (1–99,
    part of every case number it makes; the district refuses a number another PC of the
    station holds when the PC is enrolled)."""

    setup_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("首次使用：设置本站"),
            self.tr("请填写本站的统计用区划代码（12 位）和名称，创建第一个管理员账号，"
                    "并给本机设一个窗口号（本站每台电脑不同）和名称。"),
            width=520, parent=parent)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("110108001001")
        self.code_edit.setMaxLength(12)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("如：海淀区学院路街道某社区便民服务站"))
        self.level_combo = QComboBox()
        names = {"street": self.tr("街道（乡镇）便民服务中心"),
                 "community": self.tr("社区（村）便民服务站")}
        for key, label in LEVELS.items():
            self.level_combo.addItem(names.get(key, label), key)
        self.level_combo.setCurrentIndex(self.level_combo.findData("community"))
        self.authority_edit = QLineEdit()
        self.authority_edit.setPlaceholderText(self.tr("如：北京市海淀区学院路街道办事处"))
        self.authority_edit.setToolTip(self.tr(
            "本站代为受理的机关：受理回执等文书以其名义出具，本站写作受理地点。"))
        self._authority_typed = False
        self.authority_edit.textEdited.connect(self._authority_edited)
        self.name_edit.textChanged.connect(self._suggest_authority)
        self.code_edit.textChanged.connect(self._suggest_authority)
        self.phone_edit = QLineEdit()
        self.address_edit = QLineEdit()
        self.admin_edit = QLineEdit("admin")
        self.admin_name_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2_edit = QLineEdit()
        self.password2_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.device_no_spin = QSpinBox()
        self.device_no_spin.setRange(1, numbers.MAX_DEVICE_NO)
        self.device_no_spin.setValue(numbers.DEFAULT_DEVICE_NO)
        self.device_no_spin.setToolTip(self.tr(
            "本站每台电脑一个不同的号（1–99），是本机案件编号和文书编号的一部分，"
            "离线办件也不会重号。"))
        self.device_name_edit = QLineEdit(
            numbers.default_device_name(numbers.DEFAULT_DEVICE_NO))
        self.device_name_edit.setMaxLength(numbers.MAX_DEVICE_NAME)
        self.device_name_edit.setPlaceholderText(self.tr("例如 2号窗口"))
        self._device_name_typed = False
        self.device_name_edit.textEdited.connect(self._device_name_edited)
        self.device_no_spin.valueChanged.connect(self._suggest_device_name)
        rows = ((self.tr("站点编码"), self.code_edit), (self.tr("站点名称"), self.name_edit),
                (self.tr("站点级别"), self.level_combo),
                (self.tr("出具文书的机关"), self.authority_edit),
                (self.tr("咨询电话"), self.phone_edit),
                (self.tr("地址"), self.address_edit), (self.tr("管理员用户名"), self.admin_edit),
                (self.tr("管理员姓名"), self.admin_name_edit),
                (self.tr("密码（至少 8 位）"), self.password_edit),
                (self.tr("再次输入密码"), self.password2_edit),
                (self.tr("本机窗口号"), self.device_no_spin),
                (self.tr("本机名称"), self.device_name_edit))
        for label, widget in rows:
            self.form.addRow(label, widget)
        self.password2_edit.returnPressed.connect(self._submit)
        self.create_button = QPushButton(self.tr("创建本站"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._submit)
        self.buttons.addWidget(self.create_button)
        from PySide6.QtCore import Qt  # built after the first paint (see ui.common.forms)

        self.code_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict[str, str]:
        return {"code": self.code_edit.text().strip(), "name": self.name_edit.text().strip(),
                "level": str(self.level_combo.currentData()),
                "authority": self.authority_edit.text().strip(),
                "phone": self.phone_edit.text().strip(),
                "address": self.address_edit.text().strip(),
                "admin": self.admin_edit.text().strip(),
                "admin_name": self.admin_name_edit.text().strip(),
                "password": self.password_edit.text(),
                "device_no": str(self.device_no_spin.value()),
                "device_name": self.device_name_edit.text().strip()}

    def _device_name_edited(self, text: str) -> None:
        self._device_name_typed = bool(text.strip())

    def _suggest_device_name(self, number: int) -> None:
        """"N号窗口" follows the number until the admin types a name of their own."""
        if not self._device_name_typed:
            self.device_name_edit.setText(numbers.default_device_name(number))

    def _authority_edited(self, text: str) -> None:
        self._authority_typed = bool(text.strip())

    def _suggest_authority(self) -> None:
        """Fill in the street office the station's name implies until the user types one."""
        if self._authority_typed:
            return
        code, name = self.code_edit.text().strip(), self.name_edit.text().strip()
        guess = default_station_authority(name, district_name(code)) \
            if len(code) == 12 and name else ""
        self.authority_edit.setText(guess)

    def _submit(self) -> None:
        values = self.values()
        if values["password"] != self.password2_edit.text():
            self.show_error(self.tr("两次输入的密码不一致。"))
            return
        try:
            validate_station_inputs(code=values["code"], name=values["name"],
                                    level=values["level"], admin=values["admin"],
                                    password=values["password"])
            validate_authority(values["authority"], default_reviewer("区"))
            numbers.validate_device_no(values["device_no"])
            numbers.validate_device_name(values["device_name"])
        except ValidationError as exc:
            self.show_error(exc.message)
            return
        self.show_error("")
        self.create_button.setEnabled(False)
        self.setup_requested.emit(values)

    def failed(self, text: str) -> None:
        self.create_button.setEnabled(True)
        self.show_error(text)


class PasswordPage(Card):
    """修改密码: the clerk's own password. Forced after an admin's reset (the one-time
    password must be replaced before the work area opens); otherwise it can be cancelled."""

    change_requested = Signal(str, str)  # current, new
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修改密码"), "", parent=parent)
        self.current_edit = QLineEdit()
        self.new_edit = QLineEdit()
        self.repeat_edit = QLineEdit()
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.returnPressed.connect(self._submit)
        self.form.addRow(self.tr("当前密码"), self.current_edit)
        self.form.addRow(self.tr("新密码"), self.new_edit)
        self.form.addRow(self.tr("再次输入新密码"), self.repeat_edit)
        self.save_button = QPushButton(self.tr("保存新密码"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._submit)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setFlat(True)
        self.cancel_button.clicked.connect(self.cancelled)
        self.buttons.addWidget(self.save_button)
        self.buttons.addWidget(self.cancel_button)

    def ask(self, display_name: str, *, forced: bool) -> None:
        self.subtitle_label.setText(
            self.tr("管理员为您重置了密码。请输入收到的一次性密码，并设置只有您知道的新密码"
                    "（至少 8 位）。经办人：{0}").format(display_name) if forced
            else self.tr("新密码至少 8 位。经办人：{0}").format(display_name))
        self.subtitle_label.show()
        self.cancel_button.setText(self.tr("退出登录") if forced else self.tr("取消"))
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.clear()
        self.show_error("")
        self.current_edit.setFocus()

    def _submit(self) -> None:
        if not self.current_edit.text():
            self.show_error(self.tr("请输入当前密码。"))
            self.current_edit.setFocus()
            return
        if self.new_edit.text() != self.repeat_edit.text():
            self.show_error(self.tr("两次输入的新密码不一致，请重新输入。"))
            self.repeat_edit.clear()
            self.new_edit.selectAll()
            self.new_edit.setFocus()
            return
        self.change_requested.emit(self.current_edit.text(), self.new_edit.text())

    def failed(self, text: str) -> None:
        self.show_error(text)
        self.current_edit.setFocus()
