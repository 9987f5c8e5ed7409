"""设置: the issuing authority of the station's documents, printing (font, copies,
printer), idle lock, language, data and backup, and — for admins — the clerk accounts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk.issuing import Authority
from clerk.options import (
    CUSTOMER_DISPLAY,
    IDLE_LOCK_MINUTES,
    PRINT_COPIES,
    PRINT_FONT_PATH,
    PRINT_PRINTER,
    Option,
)
from clerk.station import Account, StationInfo
from ui.common.i18n import LANGUAGES, current_language, set_language
from ui.common.operations import Operation, error_text
from ui.station.session import Session

#: Role names, translated when shown (``self.tr`` in SettingsPage).
ROLE_LABELS = {"admin": str(QT_TRANSLATE_NOOP("SettingsPage", "管理员")),
               "clerk": str(QT_TRANSLATE_NOOP("SettingsPage", "窗口人员"))}
# clerk.accounts (SQLAlchemy, argon2) is imported inside the background work functions, so
# building this page does not slow the window's first paint.


Shown = tuple[dict[str, str | int], list[Account], Authority, StationInfo | None]


class SettingsPage(QScrollArea):
    saved = Signal()
    station_saved = Signal(object)  # StationInfo
    backup_done = Signal(str)
    accounts_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.setWidgetResizable(True)
        body = QWidget()
        body.setMaximumWidth(980)  # long form rows are hard to read on a wide screen
        self.setWidget(body)
        col = QVBoxLayout(body)
        col.setContentsMargins(24, 16, 24, 16)
        col.setSpacing(16)
        self.last_one_time_password = ""  # shown once to the admin, never stored
        self.station_box = self._station_box()
        col.addWidget(self.station_box)
        self.authority_box = self._authority_box()
        col.addWidget(self.authority_box)
        col.addWidget(self._print_box())
        col.addWidget(self._general_box())
        col.addWidget(self._data_box())
        self.accounts_box = self._accounts_box()
        col.addWidget(self.accounts_box)
        col.addStretch(1)

    # --- sections ---------------------------------------------------------------------------
    def _station_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("本站信息（印在回执和告知书上）"))
        form = QFormLayout(box)
        self.station_name_edit = QLineEdit()
        self.station_phone_edit = QLineEdit()
        self.station_phone_edit.setPlaceholderText(self.tr("如：010-6234 5678"))
        self.station_address_edit = QLineEdit()
        form.addRow(self.tr("站点名称"), self.station_name_edit)
        form.addRow(self.tr("咨询电话"), self.station_phone_edit)
        form.addRow(self.tr("地址"), self.station_address_edit)
        self.station_save = QPushButton(self.tr("保存本站信息"))
        self.station_save.clicked.connect(self.save_station)
        self.station_status = QLabel()
        self.station_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.station_save)
        row.addWidget(self.station_status, 1)
        form.addRow("", row)
        return box

    def _authority_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("出具机关（文书以其名义出具，本站为受理地点）"))
        form = QFormLayout(box)
        self.authority_edit = QLineEdit()
        self.authority_edit.setPlaceholderText(self.tr("如：北京市海淀区学院路街道办事处"))
        form.addRow(self.tr("站点办结事项"), self.authority_edit)
        district_note = QLabel(self.tr(
            "以事项的实施部门名义出具（如“区民政局”按本站所在区印作“北京市海淀区民政局”）。"))
        district_note.setWordWrap(True)
        form.addRow(self.tr("上报件"), district_note)
        self.reviewer_edit = QLineEdit()
        self.reviewer_edit.setPlaceholderText(self.tr("如：北京市海淀区人民政府"))
        form.addRow(self.tr("行政复议机关"), self.reviewer_edit)
        self.notice_rule_edit = QLineEdit()
        self.notice_rule_edit.setPlaceholderText(self.tr("区里规定的一次性告知制度名称"))
        form.addRow(self.tr("一次性告知依据（非行政许可事项）"), self.notice_rule_edit)
        self.authority_save = QPushButton(self.tr("确认并保存出具机关"))
        self.authority_save.clicked.connect(self.save_authority)
        self.authority_status = QLabel()
        self.authority_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.authority_save)
        row.addWidget(self.authority_status, 1)
        form.addRow("", row)
        return box

    def _print_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("打印"))
        form = QFormLayout(box)
        self.font_edit = QLineEdit()
        self.font_edit.setPlaceholderText(self.tr("留空则自动查找系统中的中文 TrueType 字体"))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse_font)
        check = QPushButton(self.tr("检测字体"))
        check.clicked.connect(self.check_font)
        row = QHBoxLayout()
        row.addWidget(self.font_edit, 1)
        row.addWidget(browse)
        row.addWidget(check)
        form.addRow(self.tr("中文字体文件"), row)
        self.font_status = QLabel()
        self.font_status.setWordWrap(True)
        form.addRow("", self.font_status)
        self.copies_combo = QComboBox()
        self.copies_combo.addItem(self.tr("两联（申请人留存联 + 窗口存档联）"), 2)
        self.copies_combo.addItem(self.tr("一联"), 1)
        form.addRow(self.tr("联数"), self.copies_combo)
        self.printer_combo = QComboBox()
        self.printer_combo.addItem(self.tr("系统默认打印机"), "")
        try:
            from PySide6.QtPrintSupport import QPrinterInfo

            for name in QPrinterInfo.availablePrinterNames():
                self.printer_combo.addItem(name, name)
        except ImportError:  # printing support missing: the default printer entry remains
            pass
        form.addRow(self.tr("打印机"), self.printer_combo)
        return box

    def _general_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("工作台"))
        form = QFormLayout(box)
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(0, 240)
        self.idle_spin.setSuffix(self.tr(" 分钟"))
        self.idle_spin.setSpecialValueText(self.tr("不自动锁定"))
        form.addRow(self.tr("无操作自动锁定"), self.idle_spin)
        self.display_box = QCheckBox(
            self.tr("显示面向申请人的评价屏（接第二块屏幕时全屏显示在其上）"))
        form.addRow(self.tr("评价屏（双屏）"), self.display_box)
        self.language_combo = QComboBox()
        for code, label in LANGUAGES.items():
            self.language_combo.addItem(label, code)
        form.addRow(self.tr("界面语言"), self.language_combo)
        self.language_note = QLabel()
        form.addRow("", self.language_note)
        save = QPushButton(self.tr("保存设置"))
        save.clicked.connect(self.save)
        self.save_status = QLabel()
        row = QHBoxLayout()
        row.addWidget(save)
        row.addWidget(self.save_status, 1)
        form.addRow("", row)
        return box

    def _data_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("数据与备份"))
        form = QFormLayout(box)
        self.data_dir_label = QLabel()
        self.data_dir_label.setWordWrap(True)
        form.addRow(self.tr("数据目录"), self.data_dir_label)
        backup = QPushButton(self.tr("立即备份…"))
        backup.clicked.connect(self._choose_backup)
        self.backup_status = QLabel()
        row = QHBoxLayout()
        row.addWidget(backup)
        row.addWidget(self.backup_status, 1)
        form.addRow(self.tr("在线备份"), row)
        return box

    def _accounts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("窗口人员账号（管理员）"))
        col = QVBoxLayout(box)
        self.accounts_table = QTableWidget(0, 4)
        self.accounts_table.setHorizontalHeaderLabels(
            [self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("状态")])
        self.accounts_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.accounts_table.verticalHeader().hide()
        self.accounts_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.accounts_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.accounts_table.setMinimumHeight(160)
        col.addWidget(self.accounts_table)
        form = QHBoxLayout()
        self.new_user = QLineEdit()
        self.new_user.setPlaceholderText(self.tr("用户名"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("姓名"))
        self.new_role = QComboBox()
        for key, label in ROLE_LABELS.items():
            self.new_role.addItem(self.tr(label), key)
        self.new_role.setCurrentIndex(1)
        self.new_password = QLineEdit()
        self.new_password.setPlaceholderText(self.tr("初始密码（至少 8 位）"))
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        add = QPushButton(self.tr("新增账号"))
        add.clicked.connect(self.add_account)
        for w in (self.new_user, self.new_name, self.new_role, self.new_password, add):
            form.addWidget(w)
        col.addLayout(form)
        actions = QHBoxLayout()
        toggle = QPushButton(self.tr("停用 / 启用所选账号"))
        toggle.clicked.connect(self.toggle_selected)
        actions.addWidget(toggle)
        reset = QPushButton(self.tr("重置所选账号的密码"))
        reset.clicked.connect(self.reset_selected)
        actions.addWidget(reset)
        actions.addStretch(1)
        col.addLayout(actions)
        self.accounts_status = QLabel()
        self.accounts_status.setWordWrap(True)
        # the one-time password is copied from here by the admin
        self.accounts_status.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(self.accounts_status)
        return box

    # --- page protocol -------------------------------------------------------------------------
    def attach(self, session: Session) -> None:
        self.session = session
        self.accounts_box.setVisible(session.is_admin)
        for w in (self.authority_edit, self.reviewer_edit, self.notice_rule_edit,
                  self.station_name_edit, self.station_phone_edit, self.station_address_edit):
            w.setReadOnly(not session.is_admin)
        self.authority_save.setVisible(session.is_admin)
        self.station_save.setVisible(session.is_admin)
        folder = session.ws.data_dir
        self.data_dir_label.setText(str(folder) if folder else "")
        self.refresh()

    def refresh(self) -> None:
        session = self.session
        if session is None:
            return
        ws = session.ws

        def read() -> Shown:
            values: dict[str, str | int] = {
                o.key: ws.settings.get(o) for o in (PRINT_FONT_PATH, PRINT_PRINTER)}
            values.update({o.key: ws.settings.get(o)
                           for o in (PRINT_COPIES, IDLE_LOCK_MINUTES, CUSTOMER_DISPLAY)})
            return values, ws.accounts.all(), ws.authority(), ws.station()

        Operation(read, parent=self).success(self._show).run_in_background()

    def _show(self, result: Shown) -> None:
        values, accs, authority, station = result
        if station is not None:
            self.station_name_edit.setText(station.name)
            self.station_phone_edit.setText(station.phone)
            self.station_address_edit.setText(station.address)
        self.authority_edit.setText(authority.station_level)
        self.reviewer_edit.setText(authority.reviewer)
        self.notice_rule_edit.setText(authority.notice_rule)
        self.authority_status.setText(
            self.tr("已确认。") if authority.confirmed
            else self.tr("尚未确认：以上为按站点名称推定的默认值，请核对后保存。"))
        self.font_edit.setText(str(values[PRINT_FONT_PATH.key]))
        self.copies_combo.setCurrentIndex(1 if values[PRINT_COPIES.key] == 1 else 0)
        index = self.printer_combo.findData(values[PRINT_PRINTER.key])
        self.printer_combo.setCurrentIndex(max(index, 0))
        self.idle_spin.setValue(int(values[IDLE_LOCK_MINUTES.key]))
        self.display_box.setChecked(values[CUSTOMER_DISPLAY.key] == 1)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(current_language()),
                                                0))
        self.accounts_table.setRowCount(len(accs))
        for row, acc in enumerate(accs):
            cells = (acc.username, acc.display_name, self.tr(ROLE_LABELS[acc.role]),
                     self.tr("在用") if acc.active else self.tr("停用"))
            for col, text in enumerate(cells):
                self.accounts_table.setItem(row, col, QTableWidgetItem(text))

    # --- actions ---------------------------------------------------------------------------------
    def save(self) -> None:
        session = self.session
        assert session is not None
        ws = session.ws
        values: dict[Option[Any], object] = {
            PRINT_FONT_PATH: self.font_edit.text().strip(),
            PRINT_COPIES: int(self.copies_combo.currentData()),
            PRINT_PRINTER: str(self.printer_combo.currentData() or ""),
            IDLE_LOCK_MINUTES: self.idle_spin.value(),
            CUSTOMER_DISPLAY: 1 if self.display_box.isChecked() else 0}
        language = str(self.language_combo.currentData())
        changed_language = language != current_language()
        set_language(language)
        if changed_language:
            self.language_note.setText(self.tr("界面语言将在重新启动后生效。"))

        def write() -> None:
            ws.settings.set_many(values)

        def done(_: None) -> None:
            self.save_status.setText(self.tr("设置已保存（{0}）。").format(
                QTime.currentTime().toString("HH:mm:ss")))
            session.bus.settings_changed.emit()
            self.saved.emit()

        self.save_status.clear()
        Operation(write, parent=self).success(done).failure(
            lambda exc: self.save_status.setText(error_text(exc))).run_in_background()

    def save_station(self) -> None:
        session = self.session
        assert session is not None and session.is_admin
        ws = session.ws
        name, phone = self.station_name_edit.text(), self.station_phone_edit.text()
        address = self.station_address_edit.text()

        def done(info: StationInfo) -> None:
            session.station = info
            self.station_status.setText(self.tr("本站信息已保存。"))
            self.station_saved.emit(info)
            session.bus.settings_changed.emit()

        self.station_status.clear()
        Operation(lambda: ws.update_station(name=name, phone=phone, address=address),
                  parent=self).success(done).failure(
            lambda exc: self.station_status.setText(error_text(exc))).run_in_background()

    def save_authority(self) -> None:
        session = self.session
        assert session is not None and session.is_admin
        ws = session.ws
        station_level, reviewer = self.authority_edit.text(), self.reviewer_edit.text()
        rule = self.notice_rule_edit.text()

        def done(_: None) -> None:
            self.authority_status.setText(self.tr("已确认。"))
            session.bus.settings_changed.emit()

        Operation(lambda: ws.save_authority(station_level, reviewer, rule), parent=self) \
            .success(done).failure(
                lambda exc: self.authority_status.setText(error_text(exc))).run_in_background()

    def _browse_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择中文字体文件"), "",
                                              self.tr("TrueType 字体 (*.ttf *.ttc)"))
        if path:
            self.font_edit.setText(path)

    def check_font(self) -> None:
        path = self.font_edit.text().strip() or None

        def find() -> tuple[str, int]:
            from printing.fonts import ensure_cjk_font

            font = ensure_cjk_font(path)
            return str(font.path), font.subfont_index

        def found(result: tuple[str, int]) -> None:
            font = self.tr("{path}（子字体 {n}）").format(path=result[0], n=result[1])
            self.font_status.setText(self.tr("可用：{0}").format(font))

        Operation(find, parent=self, serial=False).success(found).failure(
            lambda exc: self.font_status.setText(error_text(exc))).run_in_background()

    def _choose_backup(self) -> None:
        # A sealed backup (database and scans in one encrypted file), not a SQLite file.
        path, _ = QFileDialog.getSaveFileName(self, self.tr("备份到"), "stationdesk.backup",
                                              self.tr("StationDesk 备份 (*.backup)"))
        if path:
            self.backup_to(Path(path))

    def backup_to(self, target: Path) -> None:
        session = self.session
        assert session is not None
        ws = session.ws
        Operation(lambda: ws.backup(target), parent=self).with_progress(
            self.tr("正在备份…")).success(self._backed_up).failure(
            lambda exc: self.backup_status.setText(error_text(exc))).run_in_background()

    def _backed_up(self, target: Path) -> None:
        self.backup_status.setText(self.tr("已备份到 {0}").format(target))
        self.backup_done.emit(str(target))

    def add_account(self) -> None:
        session = self.session
        assert session is not None and session.is_admin
        ws = session.ws
        username, name = self.new_user.text(), self.new_name.text()
        role, password = str(self.new_role.currentData()), self.new_password.text()

        def create() -> Account:
            return ws.accounts.create(username=username, password=password, role=role,
                                      display_name=name)

        def done(acc: Account) -> None:
            self.accounts_status.setText(self.tr("已新增账号 {0}").format(acc.username))
            for w in (self.new_user, self.new_name, self.new_password):
                w.clear()
            self.refresh()
            self.accounts_changed.emit()

        Operation(create, parent=self).success(done).failure(
            lambda exc: self.accounts_status.setText(error_text(exc))).run_in_background()

    def reset_selected(self) -> None:
        """A one-time password for the selected clerk, shown here once; the clerk must
        choose a new password at the next sign-in."""
        session = self.session
        row = self.accounts_table.currentRow()
        cell = self.accounts_table.item(row, 0) if row >= 0 else None
        if session is None or cell is None:
            self.accounts_status.setText(self.tr("请先在表中选择一个账号。"))
            return
        username = cell.text()
        if username == session.username:
            self.accounts_status.setText(
                self.tr("自己的密码请在“账户 → 修改密码”中修改。"))
            return
        ws = session.ws

        def done(password: str) -> None:
            self.last_one_time_password = password
            self.accounts_status.setText(self.tr(
                "已重置 {0} 的密码。一次性密码：{1}　请当面告知本人；"
                "该账号下次登录时必须设置新密码。此密码只显示这一次。").format(username, password))

        Operation(lambda: ws.accounts.reset_password(username), parent=self).success(done) \
            .failure(lambda exc: self.accounts_status.setText(error_text(exc))) \
            .run_in_background()

    def toggle_selected(self) -> None:
        session = self.session
        row = self.accounts_table.currentRow()
        if session is None or row < 0:
            return
        cell = self.accounts_table.item(row, 0)
        if cell is None:
            return
        username = cell.text()
        if username == session.username:
            self.accounts_status.setText(self.tr("不能停用当前登录的账号。"))
            return
        ws = session.ws

        def toggle() -> bool:
            return ws.accounts.toggle_active(username)

        def done(active: bool) -> None:
            self.accounts_status.setText(
                (self.tr("已启用 {0}") if active else self.tr("已停用 {0}")).format(username))
            self.refresh()
            self.accounts_changed.emit()

        Operation(toggle, parent=self).success(done).run_in_background()
