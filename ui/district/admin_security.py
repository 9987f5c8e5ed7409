"""安全日志 (admins): the district's security events (sign-ins, failures, throttling,
tokens, enrollment, account and publication changes, full-record views), filtered by
kind, user and date; newest first, older pages on demand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.timeutil import today as beijing_today
from staff_client.client import StaffClient
from ui.district.admin_stations import when
from ui.district.admin_table import AdminTable
from ui.district.session import DistrictSession, network
from wire.staff import SecurityEventItem, SecurityEventPage

KIND_NAMES: dict[str, str] = {
    "login.ok": str(QT_TRANSLATE_NOOP("SecurityPage", "登录")),
    "login.failed": str(QT_TRANSLATE_NOOP("SecurityPage", "登录失败")),
    "login.throttled": str(QT_TRANSLATE_NOOP("SecurityPage", "登录限速")),
    "logout": str(QT_TRANSLATE_NOOP("SecurityPage", "退出登录")),
    "enrollment.code": str(QT_TRANSLATE_NOOP("SecurityPage", "签发登记码")),
    "enrollment.ok": str(QT_TRANSLATE_NOOP("SecurityPage", "站点登记")),
    "enrollment.failed": str(QT_TRANSLATE_NOOP("SecurityPage", "登记失败")),
    "token.revoked": str(QT_TRANSLATE_NOOP("SecurityPage", "吊销站点")),
    "device.revoked": str(QT_TRANSLATE_NOOP("SecurityPage", "吊销设备")),
    "user.created": str(QT_TRANSLATE_NOOP("SecurityPage", "新建账号")),
    "user.disabled": str(QT_TRANSLATE_NOOP("SecurityPage", "停用账号")),
    "user.enabled": str(QT_TRANSLATE_NOOP("SecurityPage", "启用账号")),
    "password.reset": str(QT_TRANSLATE_NOOP("SecurityPage", "重置密码")),
    "password.changed": str(QT_TRANSLATE_NOOP("SecurityPage", "修改密码")),
    "publication": str(QT_TRANSLATE_NOOP("SecurityPage", "发布")),
    "progress.throttled": str(QT_TRANSLATE_NOOP("SecurityPage", "进度查询限速")),
    "record.viewed": str(QT_TRANSLATE_NOOP("SecurityPage", "查看完整记录")),
}


def _beijing_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(hours=8)


class SecurityPage(QWidget):
    ready = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DistrictSession | None = None
        self.events: list[SecurityEventItem] = []
        self.next_before: int | None = None
        # Each query has a generation: an answer to a query since replaced (the first
        # load still on its way when 查询 is pressed) is dropped, never merged.
        self._generation = 0
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("全部类型"), "")
        for kind, name in KIND_NAMES.items():
            self.kind_combo.addItem(self.tr(name), kind)
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText(self.tr("用户名"))
        today = beijing_today()
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        for edit, day in ((self.from_edit, today - timedelta(days=30)), (self.to_edit, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
        self.search_button = QPushButton(self.tr("查询"))
        self.search_button.clicked.connect(self.reload)
        self.more_button = QPushButton(self.tr("更早的…"))
        self.more_button.clicked.connect(self.more)
        row.addWidget(self.kind_combo)
        row.addWidget(self.user_edit, 1)
        row.addWidget(QLabel(self.tr("从")))
        row.addWidget(self.from_edit)
        row.addWidget(QLabel(self.tr("到")))
        row.addWidget(self.to_edit)
        row.addWidget(self.search_button)
        row.addWidget(self.more_button)
        layout.addLayout(row)
        self.table = AdminTable([self.tr("时间"), self.tr("类型"), self.tr("用户"),
                                 self.tr("站点"), self.tr("地址"), self.tr("说明")], stretch=5)
        layout.addWidget(self.table, 1)
        self.note = QLabel("")
        layout.addWidget(self.note)

    def attach(self, session: DistrictSession) -> None:
        self._session = session
        self.reload()

    def set_filter(self, kind: str = "", user: str = "") -> None:
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        self.user_edit.setText(user)

    def reload(self) -> None:
        self._generation += 1
        self.events, self.next_before = [], None
        self._fetch(None)

    def more(self) -> None:
        if self.next_before is not None:
            self._fetch(self.next_before)

    def _fetch(self, before: int | None) -> None:
        if self._session is None:
            return
        kind = str(self.kind_combo.currentData() or "")
        a, b = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        assert isinstance(a, date) and isinstance(b, date)
        since, until = _beijing_midnight(min(a, b)), _beijing_midnight(max(a, b) + timedelta(1))
        user = self.user_edit.text().strip()
        generation = self._generation

        def work(client: StaffClient) -> SecurityEventPage:
            return client.security_events(kinds=[kind] if kind else None, since=since,
                                          until=until, before=before, username=user or None)

        def done(page: SecurityEventPage) -> None:
            if generation != self._generation:
                return
            self.events += page.items
            self.next_before = page.next_before
            self.more_button.setEnabled(page.next_before is not None)
            self._show()

        network(self._session, work, parent=self, done=done, failed=self.note.setText)

    def _show(self) -> None:
        self.table.fill([[when(e.at), self.tr(KIND_NAMES.get(e.kind, e.kind)),
                          e.username or "", e.station_code or "", e.address or "", e.detail]
                         for e in self.events])
        self.note.setText(self.tr("{n} 条").format(n=len(self.events)))
        self.ready.emit()
