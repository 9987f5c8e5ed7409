"""站点与设备 (admins): register a station and show its one-time enrollment code once
(printable as a slip for the station), list stations with their devices and last
contact, revoke one device or a whole station, issue a code for one more device."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerk.timeutil import local_time
from staff_client.client import StaffClient
from ui.common.operations import Operation, error_text
from ui.common.widgets import open_pdf_preview
from ui.district.admin_table import AdminTable
from ui.district.session import DistrictSession, network
from wire.admin import StationItem
from wire.protocol import CreateStationResponse, DeviceInfo


def when(moment: datetime | None) -> str:
    return "" if moment is None else local_time(moment.astimezone(UTC)).strftime("%Y-%m-%d %H:%M")


def ask(parent: QWidget, text: str) -> bool:
    title = QCoreApplication.translate("StationsPage", "请确认")
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class StationsPage(QWidget):
    ready = Signal()
    changed = Signal()  # an action was done and the lists reloaded

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DistrictSession | None = None
        self.stations: list[StationItem] = []
        self.devices: list[DeviceInfo] = []
        self.issued: CreateStationResponse | None = None
        self.confirm: Callable[[QWidget, str], bool] = ask
        self.preview_opener: Callable[[bytes, str, QWidget | None], object] = open_pdf_preview
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QHBoxLayout()
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("12 位统计用区划代码"))
        self.code_edit.setMaxLength(12)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("站点名称"))
        self.name_edit.setMaxLength(100)
        self.create_button = QPushButton(self.tr("登记站点"))
        self.create_button.clicked.connect(self.create_station)
        form.addWidget(QLabel(self.tr("新站点：")))
        form.addWidget(self.code_edit, 1)
        form.addWidget(self.name_edit, 2)
        form.addWidget(self.create_button)
        layout.addLayout(form)
        self.code_box = QGroupBox(self.tr("一次性登记码（只显示这一次，请打印交给站点）"))
        box = QHBoxLayout(self.code_box)
        self.code_label = QLabel("")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.print_button = QPushButton(self.tr("打印登记码通知单"))
        self.print_button.clicked.connect(self.print_slip)
        box.addWidget(self.code_label, 1)
        box.addWidget(self.print_button)
        self.code_box.hide()
        layout.addWidget(self.code_box)
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = AdminTable([self.tr("站点编码"), self.tr("名称"), self.tr("在用设备"),
                                 self.tr("最近联系"), self.tr("状态")])
        self.table.itemSelectionChanged.connect(self._station_chosen)
        split.addWidget(self.table)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.devices_label = QLabel(self.tr("设备"))
        self.issue_button = QPushButton(self.tr("为另一台设备发登记码"))
        self.issue_button.clicked.connect(self.issue_code)
        self.revoke_device_button = QPushButton(self.tr("吊销所选设备"))
        self.revoke_device_button.clicked.connect(self.revoke_device)
        self.revoke_station_button = QPushButton(self.tr("吊销整个站点"))
        self.revoke_station_button.clicked.connect(self.revoke_station)
        buttons.addWidget(self.devices_label, 1)
        for b in (self.issue_button, self.revoke_device_button, self.revoke_station_button):
            buttons.addWidget(b)
        lower_layout.addLayout(buttons)
        self.device_table = AdminTable([self.tr("设备名称"), self.tr("窗口号"),
                                        self.tr("登记时间"), self.tr("状态")], stretch=0)
        lower_layout.addWidget(self.device_table)
        split.addWidget(lower)
        layout.addWidget(split, 1)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

    # --- data ---------------------------------------------------------------------
    def attach(self, session: DistrictSession) -> None:
        self._session = session
        self.reload()

    def reload(self) -> None:
        if self._session is None:
            return
        network(self._session, lambda c: c.stations(), parent=self, done=self._show,
                failed=self.note.setText)

    def _show(self, stations: list[StationItem]) -> None:
        self.stations = stations
        self.table.fill([[s.code, s.name, str(s.devices),
                          when(s.last_contact_at) or self.tr("从未联系"),
                          self.tr("已吊销 {at}").format(at=when(s.revoked_at))
                          if s.revoked_at else self.tr("在用")] for s in stations])
        self._station_chosen()
        self.ready.emit()

    def current(self) -> StationItem | None:
        row = self.table.currentRow()
        return self.stations[row] if 0 <= row < len(self.stations) else None

    def _station_chosen(self) -> None:
        station = self.current()
        for b in (self.issue_button, self.revoke_station_button, self.revoke_device_button):
            b.setEnabled(station is not None and station.revoked_at is None)
        if station is None or self._session is None:
            self.device_table.fill([])
            return
        self.devices_label.setText(self.tr("{name} 的设备").format(name=station.name))
        code = station.code
        network(self._session, lambda c: c.devices(code), parent=self,
                done=self._show_devices, failed=self.note.setText)

    def _show_devices(self, devices: list[DeviceInfo]) -> None:
        self.devices = devices
        self.device_table.fill([[d.name, f"{d.number:02d}" if d.number else "--",
                                 when(d.created_at),
                                 self.tr("已吊销 {at}").format(at=when(d.revoked_at))
                                 if d.revoked_at else self.tr("在用")] for d in devices])

    # --- actions ------------------------------------------------------------------
    def _act(self, work: Callable[[StaffClient], object], done_text: str,
             show_code: bool = False) -> None:
        if self._session is None:
            return

        def done(result: object) -> None:
            if show_code and isinstance(result, CreateStationResponse):
                self._show_code(result)
            self.note.setText(done_text)
            self.reload()
            self.changed.emit()

        network(self._session, work, parent=self, done=done, failed=self.note.setText)

    def create_station(self) -> None:
        code, name = self.code_edit.text().strip(), self.name_edit.text().strip()
        if len(code) != 12 or not code.isdigit():
            self.note.setText(self.tr("站点编码须为 12 位数字（统计用区划代码）。"))
            return
        if not name:
            self.note.setText(self.tr("请填写站点名称。"))
            return
        if any(s.code == code for s in self.stations) and not self.confirm(
                self, self.tr("站点 {code} 已登记。重新登记会使它尚未使用的登记码作废"
                              "（已登记的设备不受影响）。继续？").format(code=code)):
            return
        self._act(lambda c: c.create_station(code, name),
                  self.tr("已登记站点 {code}。").format(code=code), show_code=True)

    def issue_code(self) -> None:
        station = self.current()
        if station is None:
            return
        code = station.code
        self._act(lambda c: c.issue_code(code),
                  self.tr("已为站点 {code} 签发新的登记码。").format(code=code), show_code=True)

    def revoke_device(self) -> None:
        station, row = self.current(), self.device_table.currentRow()
        if station is None or not 0 <= row < len(self.devices):
            self.note.setText(self.tr("请先选择一台设备。"))
            return
        device = self.devices[row]
        if device.revoked_at is not None:
            self.note.setText(self.tr("这台设备已吊销。"))
            return
        if not self.confirm(self, self.tr("吊销站点 {code} 的设备“{name}”？它将不能再同步，"
                                          "该站点的其他设备照常。").format(code=station.code,
                                                                  name=device.name)):
            return
        code, name = station.code, device.name
        self._act(lambda c: c.revoke_device(code, name),
                  self.tr("已吊销设备“{name}”。").format(name=name))

    def revoke_station(self) -> None:
        station = self.current()
        if station is None:
            return
        if not self.confirm(self, self.tr("吊销整个站点 {code} {name}？它的全部设备都不能再同步，"
                                          "须重新登记。").format(code=station.code,
                                                          name=station.name)):
            return
        code = station.code
        self._act(lambda c: c.revoke_station(code),
                  self.tr("已吊销站点 {code}。").format(code=code))

    def _show_code(self, issued: CreateStationResponse) -> None:
        self.issued = issued
        self.code_label.setText(self.tr("{name}（{code}）：{secret}　{expires} 前有效").format(
            name=issued.name, code=issued.code, secret=issued.enrollment_code,
            expires=when(issued.expires_at)))
        self.code_box.show()

    def slip_pdf(self) -> bytes | None:
        from printing.enrollment_slip import EnrollmentSlip, render_enrollment_slip

        issued, session = self.issued, self._session
        if issued is None or session is None:
            return None
        from clerk.validation import BEIJING_DISTRICTS

        district = BEIJING_DISTRICTS.get(issued.code[:6], "")
        return render_enrollment_slip(EnrollmentSlip(
            district_name=f"{district}政务服务中心", server=session.server,
            station_code=issued.code, station_name=issued.name, code=issued.enrollment_code,
            expires_at=issued.expires_at, issued_at=datetime.now(UTC),
            issued_by=session.display_name))

    def print_slip(self) -> None:
        """Render the slip in the background (fonts may load first) and preview it."""
        title = self.tr("站点登记码通知单")
        Operation(self.slip_pdf, parent=self, serial=False).success(
            lambda pdf: pdf is not None and self.preview_opener(pdf, title, self)
        ).failure(lambda exc: self.note.setText(error_text(exc))).run_in_background()
