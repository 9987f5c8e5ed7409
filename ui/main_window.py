"""The workstation's main window: navigation on the left, pages on the right, and a
status bar that always tells the truth (clerk, station, network, events waiting, last sync).

The window paints first and opens the station's data in a background operation, so a
slow disk never shows as a frozen window.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from clerk.workspace import StationInfo, Workspace
from ui.catalog_page import CatalogPage
from ui.operations import Operation, message_bridge


@dataclass(frozen=True)
class StartupData:
    """What the window needs from the database before it is usable."""

    station: StationInfo
    pending_events: int
    last_sync: str


class MainWindow(QMainWindow):
    data_loaded = Signal()
    load_failed = Signal(str)

    def __init__(self, open_workspace: object, parent: QWidget | None = None) -> None:
        """`open_workspace` is a callable returning the Workspace; it runs off the UI thread."""
        super().__init__(parent)
        self._open_workspace = open_workspace
        self.ws: Workspace | None = None
        self.setWindowTitle(self.tr("StationDesk 便民服务站窗口工作台"))
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(112)
        self.nav.setIconSize(QSize(0, 0))
        self.pages = QStackedWidget()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.catalog_page = CatalogPage()
        self.add_page("catalog", self.tr("事项"), self.catalog_page)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self._build_status_bar()
        message_bridge().error.connect(self._show_error)
        message_bridge().info.connect(lambda text: self.statusBar().showMessage(text, 8000))

    # --- pages ---------------------------------------------------------------------------
    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(100, 44))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nav.addItem(item)
        self.pages.addWidget(widget)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return

    # --- status bar ------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.clerk_label = QLabel(self.tr("经办人：—"))
        self.station_label = QLabel(self.tr("站点：正在打开…"))
        self.network_label = QLabel(self.tr("● 离线（未连接区中心）"))
        self.network_label.setStyleSheet("color: #8a6d00;")
        self.pending_label = QLabel(self.tr("待同步：—"))
        self.sync_label = QLabel(self.tr("上次同步：从未"))
        for w in (self.clerk_label, self.station_label, self.network_label, self.pending_label,
                  self.sync_label):
            w.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(w)
        bar.setContentsMargins(0, 0, 12, 0)

    def set_clerk(self, name: str) -> None:
        self.clerk_label.setText(self.tr("经办人：{0}").format(name))

    # --- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        """Open the station's data in the background, then fill the pages."""
        Operation(self._load_data, parent=self).success(self._loaded).failure(
            self._load_error).with_progress(self.tr("正在打开本站数据…")).run_in_background()

    def _load_data(self) -> tuple[StartupData, list[object]]:
        ws = self._open_workspace()  # type: ignore[operator]
        assert isinstance(ws, Workspace)
        self.ws = ws
        station = ws.station()
        if station is None:
            raise RuntimeError("本数据目录没有站点。")
        from sqlalchemy import func, select

        from clerk.store.models import CaseEvent

        with ws.store.read() as s:
            pending = int(s.execute(select(func.count()).select_from(CaseEvent).where(
                CaseEvent.sync_state == "pending", CaseEvent.origin == "station")).scalar_one())
        last_sync = ws.setting("sync.last_success", "")
        matters: list[object] = list(ws.matters())
        return StartupData(station, pending, last_sync), matters

    def _loaded(self, result: tuple[StartupData, list[object]]) -> None:
        data, matters = result
        st = data.station
        self.setWindowTitle(self.tr("StationDesk 便民服务站窗口工作台 — {0}").format(st.name))
        self.station_label.setText(self.tr("站点：{0}（{1}）").format(st.name, st.code))
        self.pending_label.setText(self.tr("待同步事件：{0}").format(data.pending_events))
        if data.last_sync:
            self.sync_label.setText(self.tr("上次同步：{0}").format(data.last_sync))
        self.catalog_page.set_matters(matters)  # type: ignore[arg-type]
        self.catalog_page.search_edit.setFocus()
        self.data_loaded.emit()

    def _load_error(self, exc: Exception) -> None:
        from ui.operations import error_text

        text = error_text(exc)
        self.station_label.setText(self.tr("站点：无法打开"))
        self.load_failed.emit(text)
        self._show_error(text)

    def _show_error(self, text: str) -> None:
        # A modal box would block an offscreen run (screenshots, tests) forever.
        if self.isVisible() and QGuiApplication.platformName() != "offscreen":
            QMessageBox.warning(self, self.tr("出错了"), text)
        else:
            self.statusBar().showMessage(text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ws is not None:
            self.ws.close()
        super().closeEvent(event)
