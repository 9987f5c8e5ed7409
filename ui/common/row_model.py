"""The table models' shared plumbing: a list of light rows shown column by column.

A subclass says how one row looks — text, colours, tooltip, which columns are centred
and what identifies it (`KeyRole`) — and this class answers Qt's data() calls the same
way for the station's case list and the district's review queue.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
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
