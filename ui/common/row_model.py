"""The table models' shared plumbing: a list of light rows shown column by column.

A subclass says how one row looks — text, colours, tooltip, which columns are centred
and what identifies it (`KeyRole`) — and this class answers Qt's data() calls the same
way for the station's case list and the district's review queue.
"""

from __future__ import annotations

from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush

from ui.common.widgets import qcolor

_AnyIndex = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel):
    KeyRole = Qt.ItemDataRole.UserRole + 1  # the row's identifier (case number or id)
    RowRole = Qt.ItemDataRole.UserRole + 2  # the row object itself
    CENTRED: ClassVar[frozenset[int]] = frozenset()

    _rows: list[Any]

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == self.KeyRole:
            return self._key(r)
        if role == self.RowRole:
            return r
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colours = self._colours(r, col)
            if colours is None:
                return None
            return QBrush(qcolor(colours, role == Qt.ItemDataRole.BackgroundRole))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.CENTRED:
            return Qt.AlignmentFlag.AlignCenter
        return None

    # --- what a subclass says about one row ---------------------------------------------
    def _key(self, r: Any) -> str:
        raise NotImplementedError

    def _display(self, r: Any, col: int) -> str:
        raise NotImplementedError

    def _colours(self, r: Any, col: int) -> tuple[str, str] | None:
        return None

    def _tooltip(self, r: Any, col: int) -> str | None:
        return None


class PagedRowModel(RowTableModel):
    """Rows loaded page by page, off the UI thread, for the station's case list and the
    district's queue alike.

    A new query (``reload``) counts the matching rows and loads the first page; the view
    asks for more through ``canFetchMore``/``fetchMore`` as the user scrolls, each further
    page following the previous page's cursor. Every query gets a generation number and
    the answers of a superseded one are dropped, so typing fast in a search box never
    shows stale rows. A subclass says how a page is fetched (``_fetch_first`` and
    ``_fetch_more`` start the background work, whose answer comes back to
    ``_first_page``/``_more_page``/``_failed``) and how a row looks.
    """

    COLUMNS: ClassVar[int] = 0

    #: A (re)load finished: the number of matching rows.
    loaded = Signal(int)
    #: More rows arrived: the number of rows now loaded.
    rows_fetched = Signal(int)
    #: A load failed: plain words for the user.
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = []
        self._cursor: Any = None
        self.total = 0
        #: Incremented for every new query; results of older ones are dropped.
        self.generation = 0
        #: The generation whose first page is shown.
        self.generation_loaded = 0
        self._fetching = False

    @property
    def loading(self) -> bool:
        """A new query's first page is on its way."""
        return self.generation_loaded < self.generation

    @property
    def fetching(self) -> bool:
        """A further page is on its way."""
        return self._fetching

    # --- what a subclass provides ---------------------------------------------------
    def _ready(self) -> bool:
        """Whether the model can query (it has its workspace or session)."""
        raise NotImplementedError

    def _fetch_first(self, generation: int) -> None:
        raise NotImplementedError

    def _fetch_more(self, generation: int, cursor: Any) -> None:
        raise NotImplementedError

    # --- loading ----------------------------------------------------------------------
    def reload(self) -> None:
        """Count the matching rows and load the first page, in the background."""
        if not self._ready():
            return
        self.generation += 1
        self._fetch_first(self.generation)

    def _alive(self, generation: int) -> bool:
        return shiboken6.isValid(self) and generation == self.generation

    def _first_page(self, generation: int, rows: list[Any], cursor: Any, total: int) -> bool:
        """Show a first page; False when it belongs to a superseded query."""
        if not self._alive(generation):
            return False
        self.beginResetModel()
        self._rows = list(rows)
        self._cursor = cursor
        self.total = total
        self._fetching = False
        self.generation_loaded = generation
        self.endResetModel()
        self.loaded.emit(self.total)
        return True

    def _more_page(self, generation: int, rows: list[Any], cursor: Any) -> None:
        if not self._alive(generation):
            return
        self._fetching = False
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._cursor = cursor
        self.rows_fetched.emit(len(self._rows))

    def _failed(self, generation: int, text: str) -> None:
        if not self._alive(generation):
            return
        self.generation_loaded = generation
        self._fetching = False
        self.failed.emit(text)

    def canFetchMore(self, parent: _AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and self._cursor is not None and not self._fetching
                and not self.loading)

    def fetchMore(self, parent: _AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or not self._ready():
            return
        self._fetching = True
        self._fetch_more(self.generation, self._cursor)

    # --- access -----------------------------------------------------------------------
    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, key: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if self._key(r) == key), None)

    def _row_changed(self, at: int) -> None:
        self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))

    # --- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS
