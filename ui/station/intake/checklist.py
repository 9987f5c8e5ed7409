"""The material checklist at the counter: one row per material, one status each.

Keyboard: Up/Down move between materials, Space ticks 已收 ⇄ 缺 and moves to the next
material, Enter toggles in place, F2 opens the
status list (证照库, 共享获取, 容缺后补, 不适用 where they apply), and on a 容缺后补 row
F2 in the date column edits the promise date. Readiness (what is still missing) is
computed by the domain's :class:`clerk.cases.checklist.Checklist`, never here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from clerk.applicants import DocumentView
from clerk.cases.checklist import Checklist, ChecklistItem, ItemStatus, Scan
from clerk.timeutil import today as beijing_today
from ui.common.palette import AMBER, BLUE, GREEN, GREY, NECESSITY_COLOURS, RED

_AnyIndex = QModelIndex | QPersistentModelIndex

_STATUS_COLOURS = {ItemStatus.RECEIVED: GREEN, ItemStatus.ON_FILE: BLUE,
                   ItemStatus.SHARED: GREEN, ItemStatus.DEFERRED: AMBER,
                   ItemStatus.MISSING: RED, ItemStatus.NOT_APPLICABLE: GREY}

#: Days between today and the default promise date of a 容缺后补 item.
DEFAULT_PROMISE_DAYS = 7


@dataclass
class MaterialRow:
    """One material on the screen: the committed (or initial) item and the clerk's mark."""

    item: ChecklistItem
    status: ItemStatus
    promise: date | None = None
    document: DocumentView | None = None  # a valid document on file for this key
    touched: bool = False  # the clerk set the status by hand
    returned: bool = False  # listed by the district's return for correction
    note: str = ""  # extra requirement (the district's return note)
    scans: tuple[Scan, ...] = ()  # files attached on this screen, not yet committed
    drop_scans: bool = False  # the clerk removed the committed item's scans on this screen

    @property
    def key(self) -> str:
        return self.item.key

    def options(self) -> list[ItemStatus]:
        """The statuses this material may take."""
        opts = [ItemStatus.RECEIVED, ItemStatus.MISSING]
        if self.document is not None or self.item.status == ItemStatus.ON_FILE:
            opts.append(ItemStatus.ON_FILE)
        if self.item.necessity == "exempt_shared":
            opts.append(ItemStatus.SHARED)
        if self.item.necessity == "deferrable":
            opts.append(ItemStatus.DEFERRED)
        if self.item.condition:
            opts.append(ItemStatus.NOT_APPLICABLE)
        return opts

    def as_item(self) -> ChecklistItem:
        """The item as it would be committed with the clerk's mark."""
        return replace(self.item, status=self.status,
                       promise_date=self.promise if self.status == ItemStatus.DEFERRED else None,
                       document_id=(self.document.id if self.document is not None
                                    and self.status == ItemStatus.ON_FILE else None),
                       scans=() if self.drop_scans else self.item.scans,
                       ).with_scans(self.scans)


class ChecklistModel(QAbstractTableModel):
    """Materials of the case being taken in; some rows may be hidden (supplement mode)."""

    NAME, NECESSITY, FORM, STATUS, PROMISE = range(5)
    #: Emitted after any mark changed (status, promise date).
    marks_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MaterialRow] = []
        self._visible: list[int] = []
        self._only: set[str] | None = None
        self.words = ChecklistWords(self)

    # --- content --------------------------------------------------------------------
    def set_rows(self, rows: list[MaterialRow], only: set[str] | None = None) -> None:
        """Show ``rows``; with ``only``, just the rows whose keys are in it."""
        self.beginResetModel()
        self._rows = rows
        self._only = only
        self._refilter()
        self.endResetModel()
        self.marks_changed.emit()

    def set_show_all(self, show_all: bool, only: set[str] | None) -> None:
        self.beginResetModel()
        self._only = None if show_all else only
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        self._visible = [i for i, r in enumerate(self._rows)
                         if self._only is None or r.key in self._only]

    def rows(self) -> list[MaterialRow]:
        """All rows, hidden ones included."""
        return list(self._rows)

    def row(self, visible_row: int) -> MaterialRow:
        return self._rows[self._visible[visible_row]]

    def row_of(self, key: str) -> int | None:
        """The visible row of ``key``, or None."""
        for n, i in enumerate(self._visible):
            if self._rows[i].key == key:
                return n
        return None

    def find(self, key: str) -> MaterialRow | None:
        return next((r for r in self._rows if r.key == key), None)

    def checklist(self) -> Checklist:
        """The checklist with the clerk's marks, for the domain's readiness rules."""
        return Checklist(tuple(r.as_item() for r in self._rows))

    # --- changing marks ---------------------------------------------------------------
    def set_status(self, key: str, status: ItemStatus, *, promise: date | None = None,
                   by_hand: bool = True, today: date | None = None) -> bool:
        """Mark one material; returns False when the status does not apply to it."""
        row = self.find(key)
        if row is None or status not in row.options():
            return False
        if status == ItemStatus.DEFERRED and promise is None:
            promise = row.promise or (today or beijing_today()) + timedelta(DEFAULT_PROMISE_DAYS)
        row.status = status
        row.promise = promise if status == ItemStatus.DEFERRED else None
        row.touched = row.touched or by_hand
        self._row_changed(key)
        return True

    def set_promise(self, key: str, promise: date) -> None:
        row = self.find(key)
        if row is not None and row.status == ItemStatus.DEFERRED:
            row.promise = promise
            self._row_changed(key)

    def toggle(self, visible_row: int) -> None:
        """Space/Enter: 已收 ⇄ 缺."""
        row = self.row(visible_row)
        target = ItemStatus.MISSING if row.status == ItemStatus.RECEIVED else ItemStatus.RECEIVED
        self.set_status(row.key, target)

    def add_scan(self, key: str, scan: Scan) -> None:
        """A scanned file of one material, kept with the clerk's marks until committed."""
        row = self.find(key)
        if row is not None and scan not in row.as_item().scans:
            row.scans = (*row.scans, scan)
            self._row_changed(key)

    def clear_scans(self, key: str) -> bool:
        """Remove the material's scans (those attached here, and the committed ones when
        the marks are saved); False when it had none."""
        row = self.find(key)
        if row is None or not (row.scans or (row.item.scans and not row.drop_scans)):
            return False
        row.scans = ()
        row.drop_scans = bool(row.item.scans)
        self._row_changed(key)
        return True

    def attach_documents(self, documents: dict[str, DocumentView]) -> None:
        """Offer the applicant's valid documents on file; untouched rows take them."""
        for row in self._rows:
            row.document = documents.get(row.key)
            if row.touched:
                continue
            if row.document is not None and row.status == ItemStatus.MISSING:
                row.status = ItemStatus.ON_FILE
            elif row.document is None and row.status == ItemStatus.ON_FILE \
                    and row.item.status != ItemStatus.ON_FILE:
                row.status = row.item.status
        self._all_changed()

    def suggest_for_agent(self, has_agent: bool) -> list[str]:
        """Conditional materials about acting for someone (代办/委托) apply with an agent.

        Only rows the clerk has not set by hand change; returns the keys that changed.
        """
        changed = []
        for row in self._rows:
            condition = row.item.condition or ""
            if row.touched or not ("代办" in condition or "委托" in condition):
                continue
            if has_agent and row.status == ItemStatus.NOT_APPLICABLE:
                row.status = ItemStatus.ON_FILE if row.document else ItemStatus.MISSING
                changed.append(row.key)
            elif not has_agent and row.status in (ItemStatus.MISSING, ItemStatus.ON_FILE):
                row.status = ItemStatus.NOT_APPLICABLE
                changed.append(row.key)
        if changed:
            self._all_changed()
        return changed

    def _row_changed(self, key: str) -> None:
        n = self.row_of(key)
        if n is not None:
            self.dataChanged.emit(self.index(n, 0), self.index(n, self.columnCount() - 1))
        self.marks_changed.emit()

    def _all_changed(self) -> None:
        if self._visible:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._visible) - 1, self.columnCount() - 1))
        self.marks_changed.emit()

    # --- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("申请材料"), self.tr("要求"), self.tr("形式与份数"), self.tr("状态"),
                self.tr("承诺补交日期"))[section]

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.STATUS:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == self.PROMISE and self.row(index.row()).status == ItemStatus.DEFERRED:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == self.STATUS:
                return row.status.value
            if column == self.PROMISE:
                return row.promise
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colours = self._colours(row, column)
            if colours is None:
                return None
            return QBrush(QColor(colours[0 if role == Qt.ItemDataRole.ForegroundRole else 1]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.NECESSITY, self.STATUS,
                                                                     self.PROMISE):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def setData(self, index: _AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.row(index.row())
        if index.column() == self.STATUS:
            return self.set_status(row.key, ItemStatus(value))
        if index.column() == self.PROMISE and isinstance(value, date):
            self.set_promise(row.key, value)
            return True
        return False

    def _display(self, row: MaterialRow, column: int) -> str:
        item = row.item
        if column == self.NAME:
            text = item.name
            if item.condition:
                text += "\n" + self.tr("（{c}）").format(c=item.condition)
            if row.returned:
                text += "\n" + self.tr("区中心退回要求补正")
            return text
        if column == self.NECESSITY:
            return self.words.necessity(item.necessity)
        if column == self.FORM:
            return self.words.form(item)
        if column == self.STATUS:
            text = self.words.status(row.status, needed=row.as_item().needed)
            scans = len(row.as_item().scans)
            if scans:
                text += "\n" + self.tr("扫描件 {n}").format(n=scans)
            return text
        if row.status == ItemStatus.DEFERRED and row.promise is not None:
            return row.promise.isoformat()
        return ""

    def _tooltip(self, row: MaterialRow) -> str:
        parts = [self.tr("受理标准：{r}").format(r=row.item.requirement or "—")]
        if row.note:
            parts.append(self.tr("补正要求：{r}").format(r=row.note))
        if row.document is not None:
            parts.append(self.tr("证照库：{d} 由 {who} 核验").format(
                d=row.document.verified_at.date().isoformat(), who=row.document.verified_by))
        return "\n".join(parts)

    def _colours(self, row: MaterialRow, column: int) -> tuple[str, str] | None:
        if column == self.NECESSITY:
            return NECESSITY_COLOURS.get(row.item.necessity, GREY)
        if column == self.STATUS:
            if row.status == ItemStatus.MISSING and not row.as_item().needed:
                return GREY
            return _STATUS_COLOURS[row.status]
        if column == self.PROMISE and row.status == ItemStatus.DEFERRED:
            return AMBER
        return None


# --- wording ---------------------------------------------------------------------------------

class ChecklistWords(QObject):
    """The checklist's labels, in one translation context shared by model and delegate."""

    def necessity(self, necessity: str) -> str:
        return {"required": self.tr("必要"), "optional": self.tr("非必要"),
                "deferrable": self.tr("容缺后补"), "exempt_shared": self.tr("信息免交")}.get(
            necessity, necessity)

    def status(self, status: ItemStatus, *, needed: bool = True) -> str:
        if status == ItemStatus.MISSING and not needed:
            return self.tr("未收")
        return {ItemStatus.RECEIVED: self.tr("已收"), ItemStatus.ON_FILE: self.tr("证照库"),
                ItemStatus.SHARED: self.tr("共享获取"), ItemStatus.DEFERRED: self.tr("容缺后补"),
                ItemStatus.MISSING: self.tr("缺"),
                ItemStatus.NOT_APPLICABLE: self.tr("不适用")}[status]

    def form(self, item: ChecklistItem) -> str:
        """E.g. "原件1份 · 复印件1份", "原件或复印件1份"."""
        if item.form == "original_or_copy":
            n = max(item.original_count, item.copy_count)
            return self.tr("原件或复印件{n}份").format(n=n)
        parts = []
        if item.original_count:
            parts.append(self.tr("原件{n}份").format(n=item.original_count))
        if item.copy_count:
            parts.append(self.tr("复印件{n}份").format(n=item.copy_count))
        return " · ".join(parts) or "—"


class ChecklistDelegate(QStyledItemDelegate):
    """A status list for the status column, a date editor for the promise column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: _AnyIndex) -> QWidget:
        model = index.model()
        assert isinstance(model, ChecklistModel)
        row = model.row(index.row())
        if index.column() == ChecklistModel.STATUS:
            combo = QComboBox(parent)
            for status in row.options():
                combo.addItem(model.words.status(status, needed=row.as_item().needed),
                              status.value)
            combo.activated.connect(lambda _i, c=combo: self._commit(c))
            return combo
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        return editor

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.SubmitModelCache)

    def setEditorData(self, editor: QWidget, index: _AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
            editor.showPopup()
        elif isinstance(editor, QDateEdit) and isinstance(value, date):
            editor.setDate(QDate(value.year, value.month, value.day))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: _AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QDateEdit):
            d = editor.date()
            model.setData(index, date(d.year(), d.month(), d.day()))


class ChecklistView(QTableView):
    """The checklist table; Space/Enter toggle 已收, F2 opens the status list."""

    #: The current material changed (carries the key, or "" when none).
    current_key_changed = Signal(str)

    def __init__(self, model: ChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setItemDelegate(ChecklistDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setTabKeyNavigation(False)  # Tab leaves the table: keyboard flow goes on
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(ChecklistModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((ChecklistModel.NECESSITY, 76), (ChecklistModel.FORM, 150),
                              (ChecklistModel.STATUS, 86), (ChecklistModel.PROMISE, 108)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(column, width)
        self.clicked.connect(self._on_clicked)
        model.modelReset.connect(self._after_reset)
        self.placeholder = self.tr("选择事项后，这里列出该事项的全部申请材料，逐项核对。")
        self._after_reset()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._model.rowCount() == 0 and self.placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(QColor("#80868b"))
            painter.drawText(self.viewport().rect().adjusted(16, 16, -16, -16),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, self.placeholder)
            painter.end()

    def _after_reset(self) -> None:
        self.resizeRowsToContents()
        if self._model.rowCount():
            self.setCurrentIndex(self._model.index(0, ChecklistModel.STATUS))
        self.current_key_changed.emit(self.current_key())

    def currentChanged(self, current: _AnyIndex, previous: _AnyIndex) -> None:
        super().currentChanged(current, previous)
        self.current_key_changed.emit(self.current_key())

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # The status list's popup, not the editor, held the focus: Qt then gives it back
        # to nobody and the keyboard is dead until the mouse is used.
        super().closeEditor(editor, hint)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_key(self) -> str:
        index = self.currentIndex()
        return self._model.row(index.row()).key if index.isValid() else ""

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.column() in (ChecklistModel.STATUS, ChecklistModel.PROMISE) \
                and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        key = event.key()
        if index.isValid() and self.state() != QAbstractItemView.State.EditingState \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier) \
                and key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._model.toggle(index.row())
            if key == Qt.Key.Key_Space and index.row() + 1 < self._model.rowCount():
                # ticking down a paper pile: one key per material
                self.setCurrentIndex(self._model.index(index.row() + 1, index.column()))
            event.accept()
            return
        if key == Qt.Key.Key_F2 and index.isValid():
            column = index.column()
            if column not in (ChecklistModel.STATUS, ChecklistModel.PROMISE) or not (
                    index.flags() & Qt.ItemFlag.ItemIsEditable):
                column = ChecklistModel.STATUS
            target = self._model.index(index.row(), column)
            self.setCurrentIndex(target)
            self.edit(target)
            event.accept()
            return
        super().keyPressEvent(event)
