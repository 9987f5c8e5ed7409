"""What the station's case list and the district's queue share as pages: a lazy list
over a case pane in a splitter, shortcuts that work anywhere in the page, the list's
first sizing, and the keyboard's way from the search box into the list."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QSplitter, QTableView, QWidget


def page_shortcuts(page: QWidget,
                   pairs: Iterable[tuple[QKeySequence | QKeySequence.StandardKey,
                                         Callable[[], object]]]) -> None:
    """Shortcuts active while the focus is anywhere inside `page`."""
    for keys, slot in pairs:
        shortcut = QShortcut(keys, page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)


def split_list_over_detail(splitter: QSplitter, *, minimum: int, share: float) -> None:
    """Give the list `share` of the splitter's height (at least `minimum` pixels) the
    first time the page is shown; afterwards the user's own split is kept."""
    height = splitter.height()
    top = max(minimum, int(height * share))
    splitter.setSizes([top, max(height - top, 1)])


def enter_list(view: QTableView, model: QAbstractItemModel) -> None:
    """Move the keyboard into the list, on the current row or else the first one."""
    if model.rowCount() == 0:
        return
    if not view.currentIndex().isValid():
        view.selectRow(0)
    view.setFocus(Qt.FocusReason.OtherFocusReason)
