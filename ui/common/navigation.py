"""The navigation of both windows: a column of page names beside a stack of pages, each
page built the first time it is shown.

The station window and the district window differ in their pages and their sessions,
not in how pages are listed, built and shown; that lives here once. A page is made by a
factory (a function that imports its module and returns the widget), so nothing is
loaded by name and every dependency stays visible to the tools, while the page's module
is still imported only when the page is first needed (start-up time).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

NAV_STYLE = (
    "QListWidget#nav { background: #1f2d3d; color: #d8dee9; border: none; "
    "font-size: 12pt; } QListWidget#nav::item { height: 48px; } "
    "QListWidget#nav::item:selected { background: #2f81f7; color: white; }")

PageFactory = Callable[[], QWidget]


@runtime_checkable
class Refreshable(Protocol):
    """A page that reloads what may have changed each time it is shown again."""

    def refresh(self) -> None: ...


class Navigator(QWidget):
    """Page names on the left, the pages on the right; pages are built on first use.

    `page_built(key, page)` lets the window attach its session to a new page;
    `page_shown(key, page)` follows every change of page.
    """

    page_built = Signal(str, QWidget)
    page_shown = Signal(str, QWidget)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(112)
        self.nav.setStyleSheet(NAV_STYLE)
        self.pages = QStackedWidget()
        self._column = QVBoxLayout()
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.pages, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addLayout(self._column, 1)
        self._keys: list[str] = []
        self._factories: dict[str, PageFactory] = {}
        self._built: dict[str, QWidget] = {}
        self.nav.currentRowChanged.connect(self._row_changed)

    def add_above_pages(self, widget: QWidget) -> None:
        """A strip above every page (a banner the window shows or hides)."""
        self._column.insertWidget(self._column.count() - 1, widget)

    # --- building -----------------------------------------------------------------
    def add(self, key: str, title: str, page: QWidget | PageFactory) -> None:
        """Add a page: a widget, or a factory called the first time the page is shown."""
        from PySide6.QtCore import Qt  # after the first paint (see ui.common.forms)

        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(100, 48))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nav.blockSignals(True)  # the first page is shown when the caller asks
        self.nav.addItem(item)
        self.nav.blockSignals(False)
        self._keys.append(key)
        if isinstance(page, QWidget):
            self.pages.addWidget(page)
            self._built[key] = page
        else:
            self.pages.addWidget(QWidget())  # a placeholder until the page is built
            self._factories[key] = page

    def clear(self) -> None:
        """Remove every page (a new sign-in may bring other pages)."""
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.blockSignals(False)
        while (widget := self.pages.widget(0)) is not None:
            self.pages.removeWidget(widget)
            widget.deleteLater()
        self._keys, self._factories, self._built = [], {}, {}

    def page(self, key: str) -> QWidget:
        """The page for `key`, built (and announced by `page_built`) on first use."""
        built = self._built.get(key)
        if built is not None:
            return built
        page = self._factories[key]()
        index = self._keys.index(key)
        placeholder = self.pages.widget(index)
        self.pages.insertWidget(index, page)
        if placeholder is not None:
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        self._built[key] = page
        self.page_built.emit(key, page)
        return page

    # --- showing ------------------------------------------------------------------
    @property
    def keys(self) -> list[str]:
        return list(self._keys)

    def is_built(self, key: str) -> bool:
        return key in self._built

    def built_pages(self) -> list[QWidget]:
        return list(self._built.values())

    def show_page(self, key: str) -> QWidget:
        row = self._keys.index(key)
        if self.nav.currentRow() == row:
            return self.page(key)
        self.nav.setCurrentRow(row)
        return self.page(key)

    def current_key(self) -> str | None:
        row = self.nav.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self._keys[row]
        fresh = key not in self._built
        page = self.page(key)
        self.pages.setCurrentWidget(page)
        if not fresh and isinstance(page, Refreshable):
            page.refresh()  # a fresh page loads itself when it is attached
        self.page_shown.emit(key, page)
