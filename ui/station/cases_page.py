"""办件: every case of the station in one list, with filters, search and a detail pane.

Top: the search box (case number prefix, applicant name prefix or exact ID number) and
filters (state, matter, supervision level, received date, sync state). Middle: the list
(:class:`ui.station.case_table_model.CaseTableModel`, lazy and sorted in SQL, fast at 100,000
cases); click 办件编号, 状态, 事项 or 办结期限 to sort. Bottom: the selected case
(:class:`ui.station.case_detail.CaseDetail`) with its allowed actions.

Keyboard: Ctrl+F or F3 goes to the search box; Enter there runs the search and moves
into the list; Enter in the list opens the case's actions; Escape goes back to the
search box (from the 办理 panel, Escape goes back to the list); F5 reloads.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from clerk.cases.queries import FINAL, CaseFilter, LevelFilter, SortKey, SyncFilter, SyncStatus
from clerk.cases.states import State
from clerk.timeutil import local_date
from ui.common.list_detail import enter_list, page_shortcuts, split_list_over_detail
from ui.common.operations import Operation
from ui.common.widgets import list_view, state_label, state_labels, sync_label
from ui.station.case_detail import CaseDetail
from ui.station.case_table_model import CaseTableModel
from ui.station.session import Session

#: Quiet time after typing before the search runs.
SEARCH_DELAY_MS = 250
#: Quiet time after the selection moves before the detail pane loads.
DETAIL_DELAY_MS = 60
_STATE_ORDER = (State.DRAFT, State.AWAITING_SUPPLEMENT, State.ACCEPTED, State.ESCALATED,
                State.UNDER_REVIEW, State.RETURNED, State.APPROVED, State.DENIED,
                State.COMPLETED, State.NOT_ACCEPTED, State.WITHDRAWN)
_OPEN = tuple(s for s in _STATE_ORDER if s not in FINAL)
_DEFAULT_DESC = {SortKey.CASE_NO: True, SortKey.STATE: False, SortKey.MATTER: False,
                 SortKey.DUE: False}


class CasesPage(QWidget):
    """The case list with its filters and the detail pane."""

    #: The case shown in the detail pane changed (case number, "" for none).
    current_case_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._stale = True
        self._loaded_day: date | None = None
        self._pending_case: str | None = None
        self._enter_after_load = False
        self.model = CaseTableModel(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters_now)
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(self._show_current)
        self._build()
        self._connect()

    # --- public API -----------------------------------------------------------------------
    def attach(self, session: Session) -> None:
        """Bind to the signed-in session and load the list (once, after sign-in)."""
        self._session = session
        self.model.set_workspace(session.ws, session.station.code)
        self.detail.attach(session)
        bus = session.bus
        bus.case_changed.connect(self._case_changed)
        bus.open_case.connect(self.show_case)
        self.detail.case_changed.connect(bus.case_changed.emit)
        self.detail.resume_requested.connect(bus.resume_case.emit)
        self._stale = False
        self._loaded_day = local_date(session.ws.now())
        self.model.reload()  # first: the list paints before the matter filter fills
        self._load_matters()

    def refresh(self) -> None:
        """Called when the page is shown: reload if cases appeared or the day changed."""
        if self._session is None:
            return
        today = local_date(self._session.ws.now())
        if self._stale or today != self._loaded_day:
            self.reload()

    def reload(self) -> None:
        """Reload the list (keeping filters, sort and the selected case) and the detail."""
        if self._session is None:
            return
        self._stale = False
        self._loaded_day = local_date(self._session.ws.now())
        self.model.reload()
        self.detail.reload()

    def show_case(self, case_no: str) -> None:
        """Show one case: the list narrows to its number and the detail pane opens it."""
        self.clear_filters(apply=False)
        self.search_edit.blockSignals(True)
        self.search_edit.setText(case_no)
        self.search_edit.blockSignals(False)
        self._pending_case = case_no
        self.apply_filters_now(force=True)
        self.detail.show_case(case_no)

    def current_filter(self) -> CaseFilter:
        """The filter the controls describe."""
        states: tuple[State, ...] = ()
        choice = self.state_combo.currentData()
        if choice == "open":
            states = _OPEN
        elif choice:
            states = (State(choice),)
        level = self.level_combo.currentData()
        sync = self.sync_combo.currentData()
        start, end = self._date_range()
        return CaseFilter(states=states, matter_code=self.matter_combo.currentData() or None,
                          level=LevelFilter(level) if level else None,
                          received_from=start, received_to=end,
                          text=self.search_edit.text().strip(),
                          sync=SyncFilter(sync) if sync else None)

    def apply_filters_now(self, force: bool = False) -> None:
        """Run the filter the controls describe (without waiting for the typing pause)."""
        self._search_timer.stop()
        f = self.current_filter()
        if force or f != self.model.case_filter:
            self.model.set_filter(f)

    def set_state_filter(self, state: State | None) -> None:
        index = self.state_combo.findData(state.value if state else None)
        self.state_combo.setCurrentIndex(max(index, 0))

    def set_level_filter(self, level: str | None) -> None:
        index = self.level_combo.findData(level)
        self.level_combo.setCurrentIndex(max(index, 0))

    def set_sync_filter(self, sync: str | None) -> None:
        index = self.sync_combo.findData(sync)
        self.sync_combo.setCurrentIndex(max(index, 0))

    def set_matter_filter(self, code: str | None) -> None:
        index = self.matter_combo.findData(code)
        self.matter_combo.setCurrentIndex(max(index, 0))

    def clear_filters(self, apply: bool = True) -> None:
        for combo in self._combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._show_dates()
        if apply:
            self.apply_filters_now()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("搜索：办件编号、申请人姓名或证件号码（Ctrl+F）"))
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #3c4043;")
        self.refresh_button = QPushButton(self.tr("刷新 F5"))
        self.state_combo = QComboBox()
        self.state_combo.addItem(self.tr("全部状态"), None)
        self.state_combo.addItem(self.tr("未结束"), "open")
        for st in _STATE_ORDER:
            self.state_combo.addItem(state_label(st), st.value)
        self.matter_combo = QComboBox()
        self.matter_combo.addItem(self.tr("全部事项"), None)
        self.matter_combo.setMinimumContentsLength(14)
        self.matter_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.level_combo = QComboBox()
        for label, value in ((self.tr("全部"), None), (self.tr("预警或超期"), "attention"),
                             (self.tr("超期"), "red"), (self.tr("预警"), "yellow"),
                             (self.tr("正常"), "normal")):
            self.level_combo.addItem(label, value)
        self.date_combo = QComboBox()
        for label, value in ((self.tr("全部日期"), None), (self.tr("今天"), "today"),
                             (self.tr("近7天"), "7"), (self.tr("近30天"), "30"),
                             (self.tr("本年"), "year"), (self.tr("自定义…"), "custom")):
            self.date_combo.addItem(label, value)
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.hide()
        self.date_dash = QLabel("–")
        self.date_dash.hide()
        self.sync_combo = QComboBox()
        for label, value in ((self.tr("全部"), None), (self.tr("待同步"), "pending"),
                             (self.tr("被拒绝"), "rejected")):
            self.sync_combo.addItem(label, value)
        self.clear_button = QPushButton(self.tr("清除筛选"))

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.refresh_button)
        filters = QHBoxLayout()
        filters.setSpacing(6)
        for label, widget in ((self.tr("状态"), self.state_combo),
                              (self.tr("事项"), self.matter_combo),
                              (self.tr("督办"), self.level_combo),
                              (self.tr("收件"), self.date_combo)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.from_edit)
        filters.addWidget(self.date_dash)
        filters.addWidget(self.to_edit)
        filters.addWidget(QLabel(self.tr("同步")))
        filters.addWidget(self.sync_combo)
        filters.addStretch(1)
        filters.addWidget(self.clear_button)

        self.view = self._build_view()
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #5f6368; font-size: 11pt;")
        self.empty_label.hide()
        table_box = QWidget()
        table_column = QVBoxLayout(table_box)
        table_column.setContentsMargins(0, 0, 0, 0)
        table_column.addWidget(self.view, 1)
        table_column.addWidget(self.empty_label)
        self.detail = CaseDetail()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(table_box)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self._splitter_sized = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.search_edit)

    def _build_view(self) -> QTableView:
        view = list_view(self.model, stretch=CaseTableModel.MATTER, widths=_case_widths)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.setMinimumSectionSize(60)
        return view

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.state_combo, self.matter_combo, self.level_combo, self.date_combo,
                self.sync_combo)

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in self._combos():
            combo.currentIndexChanged.connect(self._combo_changed)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self.apply_filters_now())
        self.clear_button.clicked.connect(lambda: self.clear_filters())
        self.refresh_button.clicked.connect(self.reload)
        self.model.loaded.connect(self._loaded)
        self.model.rows_fetched.connect(lambda _n: self._update_count())
        self.model.failed.connect(self._load_failed)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.doubleClicked.connect(lambda _i: self.detail.focus_actions())
        self.view.horizontalHeader().sectionClicked.connect(self._header_clicked)
        self.detail.loaded.connect(self.current_case_changed.emit)
        self.detail.escaped.connect(lambda: self.view.setFocus(Qt.FocusReason.OtherFocusReason))
        for widget in (self.search_edit, self.view):
            widget.installEventFilter(self)
        page_shortcuts(self, ((QKeySequence(Qt.Key.Key_F5), self.reload),
                              (QKeySequence.StandardKey.Find, self._focus_search),
                              (QKeySequence(Qt.Key.Key_F3), self._focus_search)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._splitter_sized:
            self._splitter_sized = True
            split_list_over_detail(self.splitter, minimum=220, share=0.56)

    # --- filters ----------------------------------------------------------------------------
    def _combo_changed(self) -> None:
        self._show_dates()
        self.apply_filters_now()

    def _show_dates(self) -> None:
        custom = self.date_combo.currentData() == "custom"
        if custom and not self.from_edit.isVisible() and self._session is not None:
            today = local_date(self._session.ws.now())
            for edit, day in ((self.from_edit, today.replace(day=1)), (self.to_edit, today)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        for widget in (self.from_edit, self.date_dash, self.to_edit):
            widget.setVisible(custom)

    def _date_range(self) -> tuple[date | None, date | None]:
        choice = self.date_combo.currentData()
        if not choice or self._session is None:
            return None, None
        today = local_date(self._session.ws.now())
        if choice == "today":
            return today, today
        if choice in ("7", "30"):
            return today - timedelta(days=int(choice) - 1), today
        if choice == "year":
            return today.replace(month=1, day=1), today
        start = self.from_edit.date().toPython()
        end = self.to_edit.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        return (start, end) if start <= end else (end, start)

    def _load_matters(self) -> None:
        session = self._session
        assert session is not None
        ws = session.ws

        def work() -> list[tuple[str, str]]:
            names = {m.code: m.name for m in ws.matters()}
            names.update({code: name for code, name in ws.case_lists.matters_in_use()
                          if code not in names})
            return sorted(names.items(), key=lambda cn: cn[1])

        Operation(work, parent=self).success(self._fill_matters).run_in_background()

    def _fill_matters(self, matters: list[tuple[str, str]]) -> None:
        current = self.matter_combo.currentData()
        self.matter_combo.blockSignals(True)
        self.matter_combo.clear()
        self.matter_combo.addItem(self.tr("全部事项"), None)
        for code, name in matters:
            self.matter_combo.addItem(name, code)
            self.matter_combo.setItemData(self.matter_combo.count() - 1, code,
                                          Qt.ItemDataRole.ToolTipRole)
        self.matter_combo.setCurrentIndex(max(self.matter_combo.findData(current), 0))
        self.matter_combo.blockSignals(False)

    # --- list -------------------------------------------------------------------------------
    def _header_clicked(self, column: int) -> None:
        key = CaseTableModel.SORTABLE.get(column)
        header = self.view.horizontalHeader()
        if key is None:
            return
        same = key == self.model.sort_key
        descending = not self.model.descending if same else _DEFAULT_DESC[key]
        header.setSortIndicatorShown(True)
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if descending
                                else Qt.SortOrder.AscendingOrder)
        self.model.set_sort(key, descending)

    def _loaded(self, total: int) -> None:
        self._update_count()
        pending, self._pending_case = self._pending_case, None
        selected = pending or self.detail.case_no
        row = self.model.row_of(selected) if selected else None
        if row is None and self.model.rowCount() == 1:
            row = 0
        elif row is None and selected and not pending and self.model.rowCount() >= total:
            # The shown case is not among the results (all loaded): a detail beside a
            # list that does not contain it reads as if it matched the filter.
            self.detail.clear()
        if row is not None:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        filtered = not self.model.case_filter.is_empty
        self.empty_label.setText(self.tr("没有符合条件的办件。可以清除筛选，或换个搜索词。")
                                 if filtered else self.tr("本站还没有办件。"))
        self.empty_label.setVisible(total == 0)
        if self._enter_after_load:
            self._enter_after_load = False
            self._enter_list()

    def _update_count(self) -> None:
        total, shown = self.model.total, self.model.rowCount()
        filtered = not self.model.case_filter.is_empty
        text = (self.tr("找到 {n} 件") if filtered else self.tr("共 {n} 件")).format(n=f"{total:,}")
        if shown < total:
            text += self.tr("（已载入 {n}）").format(n=f"{shown:,}")
        sort = {SortKey.UPDATED: self.tr("最近变动在前"), SortKey.CASE_NO: self.tr("按办件编号"),
                SortKey.STATE: self.tr("按状态"), SortKey.MATTER: self.tr("按事项"),
                SortKey.DUE: self.tr("按办结期限")}[self.model.sort_key]
        self.count_label.setText(f"{text} · {sort}")

    def _load_failed(self, text: str) -> None:
        self.count_label.setText(text)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._detail_timer.start()

    def _show_current(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        case_no = str(self.model.data(index, CaseTableModel.CaseNoRole))
        if case_no != self.detail.case_no:
            self.detail.show_case(case_no)

    def _case_changed(self, case_no: str) -> None:
        if self.model.row_of(case_no) is not None:
            self.model.refresh_case(case_no)
        else:
            self._stale = True  # a new case, or one not loaded: picked up on the next show
        if self.detail.case_no == case_no:
            self.detail.reload()

    # --- keyboard -----------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _enter_list(self) -> None:
        enter_list(self.view, self.model)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.search_edit:
            if enter:
                self.apply_filters_now()
                if self.model.loading:
                    self._enter_after_load = True
                else:
                    self._enter_list()
                return True
            if key == Qt.Key.Key_Down:
                self._enter_list()
                return True
        elif watched is self.view:
            if enter:
                self._detail_timer.stop()
                self._show_current()
                self.detail.focus_actions()
                return True
            if key == Qt.Key.Key_Escape:
                self._focus_search()
                return True
        return super().eventFilter(watched, event)


def _case_widths(fm: QFontMetrics) -> dict[int, int]:
    """Sized for the longest text each column shows, in the interface language."""
    due = ("2026-03-02" + QCoreApplication.translate("CaseTableModel", " 暂定")
           + QCoreApplication.translate("CaseTableModel", " 暂停"))
    sync = (sync_label(SyncStatus(pending=99)), sync_label(SyncStatus(rejected=99)))
    return {
        CaseTableModel.CASE_NO: fm.horizontalAdvance("110108001001-20260302-00001") + 16,
        CaseTableModel.STATE: max(fm.horizontalAdvance(t) for t in state_labels()) + 24,
        CaseTableModel.APPLICANT: fm.horizontalAdvance("欧阳建国华") + 16,
        CaseTableModel.ID_NO: fm.horizontalAdvance("110101********1234") + 16,
        CaseTableModel.ACCEPTED: fm.horizontalAdvance("2026-03-02") + 24,
        CaseTableModel.DUE: fm.horizontalAdvance(due) + 20,
        CaseTableModel.SYNC: max(fm.horizontalAdvance(t) for t in sync) + 20,
    }
