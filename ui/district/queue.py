"""审核队列: the district's incoming cases with filters, a lazy list and the case detail.

Filters: scope (待审核 / 在办 / 已退回 / 已决定 / 全部), station, matter, supervision level,
due-date range, case number prefix, and the order (most urgent first, or latest change
first). The list is :class:`ui.district.queue_model.QueueModel` (keyset pages from the
district, fast at 100,000 cases). Below: :class:`ui.district.case.DistrictCaseView`.
Keyboard: Ctrl+F to the search box, Enter into the list, F5 reloads.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk.timeutil import today as beijing_today
from staff_client.client import QueueQuery
from ui.common.list_detail import enter_list, page_shortcuts, split_list_over_detail
from ui.common.widgets import list_view, qdate
from ui.district.case import DistrictCaseView
from ui.district.queue_model import QueueModel
from ui.district.session import DistrictSession

SEARCH_DELAY_MS = 250


def queue_view(model: QueueModel) -> QTableView:
    """A table of queue rows in the house style, columns sized for their contents."""
    return list_view(model, stretch=QueueModel.MATTER, widths=_queue_widths)


def _queue_widths(fm: QFontMetrics) -> dict[int, int]:
    return {QueueModel.CASE_NO: fm.horizontalAdvance("110108001001-20260302-00001") + 16,
            QueueModel.STATE: fm.horizontalAdvance("不予批准") + 28,
            QueueModel.STATION: fm.horizontalAdvance("海淀区学院路社区便民服务站") + 12,
            QueueModel.APPLICANT: fm.horizontalAdvance("欧阳**") + 16,
            QueueModel.AGENT: fm.horizontalAdvance("王代 · 部门反馈") + 16,
            QueueModel.DUE: fm.horizontalAdvance("2026-03-02（超 12 日）") + 16,
            QueueModel.ACCEPTED: fm.horizontalAdvance("2026-03-02") + 20}


class QueuePage(QWidget):
    """The reviewer queue; `scope` and `mine` make it the proxy agent's "my cases" too."""

    ready = Signal()  # the first page of the list is painted

    def __init__(self, parent: QWidget | None = None, *, default_scope: str = "review") -> None:
        super().__init__(parent)
        self._session: DistrictSession | None = None
        self._default_scope = default_scope
        self._pending: str | None = None
        self._ready_after_detail = False
        self.model = QueueModel(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self._build()
        self._connect()

    # --- public -------------------------------------------------------------------
    def attach(self, session: DistrictSession) -> None:
        self._session = session
        self.model.set_session(session)
        self.detail.attach(session)
        session.bus.case_changed.connect(self._case_changed)
        session.bus.open_case.connect(self.show_case)
        self.fill_facets()
        self.model.set_query(self.current_query())

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.model.reload()
        self.detail.reload()

    def fill_facets(self) -> None:
        facets = self._session.facets if self._session else None
        if facets is None:
            return
        for combo, items in ((self.station_combo, [(s.name, s.code) for s in facets.stations]),
                             (self.matter_combo, [(m.name, m.code) for m in facets.matters])):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for name, code in items:
                combo.addItem(name, code)
                combo.setItemData(combo.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def current_query(self) -> QueueQuery:
        due_from: date | None = None
        due_to: date | None = None
        if self.due_check.isChecked():
            start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
            assert isinstance(start, date) and isinstance(end, date)
            due_from, due_to = min(start, end), max(start, end)
        return QueueQuery(scope=self.scope_combo.currentData(),
                          station_code=self.station_combo.currentData(),
                          matter_code=self.matter_combo.currentData(),
                          level=self.level_combo.currentData(), due_from=due_from,
                          due_to=due_to, case_no=self.search_edit.text().strip(),
                          sort=self.sort_combo.currentData())

    def apply_filters(self) -> None:
        self._search_timer.stop()
        query = self.current_query()
        if query != self.model.query:
            self.model.set_query(query)

    def show_case(self, case_id: str) -> None:
        self._pending = case_id
        row = self.model.row_of(case_id)
        if row is not None:
            self.view.selectRow(row)
        self.detail.show_case(case_id)

    # --- construction -------------------------------------------------------------
    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("办件编号（开头部分即可，Ctrl+F）"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(300)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #3c4043;")
        self.refresh_button = QPushButton(self.tr("刷新 F5"))
        self.scope_combo = QComboBox()
        for label, value in ((self.tr("待审核"), "review"), (self.tr("我的代办"), "mine"),
                             (self.tr("全部在办"), "supervised"),
                             (self.tr("已退回站点"), "returned"),
                             (self.tr("已决定待交付"), "decided"), (self.tr("全部案件"), "all")):
            self.scope_combo.addItem(label, value)
        self.scope_combo.setCurrentIndex(max(self.scope_combo.findData(self._default_scope), 0))
        self.station_combo = QComboBox()
        self.station_combo.addItem(self.tr("全部站点"), None)
        self.station_combo.setMinimumContentsLength(12)
        self.station_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.matter_combo = QComboBox()
        self.matter_combo.addItem(self.tr("全部事项"), None)
        self.matter_combo.setMinimumContentsLength(12)
        self.matter_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.level_combo = QComboBox()
        levels: tuple[tuple[str, str | None], ...] = (
            (self.tr("全部"), None), (self.tr("预警或超期"), "attention"),
            (self.tr("超期"), "red"), (self.tr("预警"), "yellow"), (self.tr("正常"), "normal"),
            (self.tr("暂停计时"), "paused"))
        for label, level in levels:
            self.level_combo.addItem(label, level)
        self.due_check = QCheckBox(self.tr("到期日"))
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        today = qdate(beijing_today())
        for edit, day in ((self.from_edit, today), (self.to_edit, today.addDays(14))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(day)
            edit.setEnabled(False)
        self.sort_combo = QComboBox()
        self.sort_combo.addItem(self.tr("最紧急在前"), "due")
        self.sort_combo.addItem(self.tr("最近变动在前"), "updated")

        top = QHBoxLayout()
        top.addWidget(self.search_edit)
        self.scope_label = QLabel(self.tr("范围"))
        top.addWidget(self.scope_label)
        top.addWidget(self.scope_combo)
        top.addWidget(QLabel(self.tr("排序")))
        top.addWidget(self.sort_combo)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.refresh_button)
        filters = QHBoxLayout()
        filters.setSpacing(6)
        for label, widget in ((self.tr("站点"), self.station_combo),
                              (self.tr("事项"), self.matter_combo),
                              (self.tr("督办"), self.level_combo)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.due_check)
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.to_edit)
        filters.addStretch(1)

        self.view = self._build_view()
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #5f6368; font-size: 11pt;")
        self.empty_label.hide()
        table_box = QWidget()
        column = QVBoxLayout(table_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view, 1)
        column.addWidget(self.empty_label)
        self.detail = DistrictCaseView()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(table_box)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self._sized = False  # True once the user has moved the handle
        self.splitter.splitterMoved.connect(lambda _p, _i: setattr(self, "_sized", True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.search_edit)

    def _build_view(self) -> QTableView:
        return queue_view(self.model)

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._enter_list)
        for combo in (self.scope_combo, self.station_combo, self.matter_combo,
                      self.level_combo, self.sort_combo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.due_check.toggled.connect(self._due_toggled)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self.apply_filters())
        self.refresh_button.clicked.connect(self.reload)
        self.model.loaded.connect(self._loaded)
        self.model.rows_fetched.connect(lambda _n: self._update_count())
        self.model.failed.connect(self.count_label.setText)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.detail.case_changed.connect(self._acted)
        self.detail.loaded.connect(self._detail_loaded)
        page_shortcuts(self, ((QKeySequence(Qt.Key.Key_F5), self.reload),
                              (QKeySequence.StandardKey.Find, self.search_edit.setFocus)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._split()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._split()

    def _split(self) -> None:
        """The list gets the larger part (at 1366×768 ten rows or more; the detail keeps
        its summary, the action panel its forms), until the user moves the handle. Done
        on every resize: at the first show the splitter may not have its real height yet,
        and the list would keep only its minimum (6-7 rows)."""
        if not self._sized and self.isVisible():
            split_list_over_detail(self.splitter, minimum=200, share=0.56)

    # --- reacting -----------------------------------------------------------------
    def _due_toggled(self, on: bool) -> None:
        self.from_edit.setEnabled(on)
        self.to_edit.setEnabled(on)
        self.apply_filters()

    def _loaded(self, total: int) -> None:
        self._update_count()
        wanted = self._pending or self.detail.case_id
        row = self.model.row_of(wanted) if wanted else None
        first = row is None and wanted is None and self.model.rowCount() > 0
        if first:
            row = 0  # the most urgent case, ready to read
            self._ready_after_detail = True
        if row is not None:
            self.view.selectRow(row)
        self._pending = None
        self.empty_label.setText(self.tr("没有符合条件的案件。"))
        self.empty_label.setVisible(total == 0)
        if not first:
            self.ready.emit()

    def _update_count(self) -> None:
        total, shown = self.model.total, self.model.rowCount()
        text = self.tr("共 {n} 件").format(n=f"{total:,}")
        if shown < total:
            text += self.tr("（已载入 {n}）").format(n=f"{shown:,}")
        self.count_label.setText(text)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        case_id = str(self.model.data(current, QueueModel.CaseIdRole))
        if case_id != self.detail.case_id:
            self.detail.show_case(case_id)

    def _enter_list(self) -> None:
        self.apply_filters()
        enter_list(self.view, self.model)

    def _acted(self, case_id: str) -> None:
        if self._session is not None:
            self._session.bus.case_changed.emit(case_id)

    def _case_changed(self, case_id: str) -> None:
        if case_id != self.detail.case_id and self.model.row_of(case_id) is not None:
            self.model.reload()  # changed elsewhere (another page): show it as it is now

    def _detail_loaded(self, case_id: str) -> None:
        if self._ready_after_detail and case_id:
            self._ready_after_detail = False
            self.ready.emit()
        c = self.detail.data
        if case_id and c is not None:
            self.model.replace_row(case_id, c.detail.state, c.detail.version,
                                   c.detail.proxy_agent)
