"""Choosing the matter at the counter: search as you type, or pick a recently used one.

The list under the search box shows the clerk's recently used matters while the box is
empty and the best matches while typing (name, code, pinyin initials through
:class:`clerk.catalog.CatalogIndex`). Down enters the list, Enter chooses (from the box:
the best match). Once chosen, the list folds away and a line shows the matter's kind.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk.catalog import CatalogIndex, Matter
from ui.common.palette import BLUE, GREEN, GREY

_LIST_ROWS = 6


def tag(text: str, colours: tuple[str, str]) -> str:
    fg, bg = colours
    return (f'<span style="color:{fg}; background-color:{bg}; white-space:nowrap;">'
            f"&nbsp;{html.escape(text)}&nbsp;</span>")


class MatterPicker(QWidget):
    """Search box, result list and the chosen matter's summary line."""

    #: The chosen matter changed (a Matter, or None when cleared).
    matter_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index = CatalogIndex(())
        self._recent: list[str] = []
        self._chosen: Matter | None = None
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("输入事项名称、编码或拼音首字母（如 cjrz）"))
        self.search_edit.setClearButtonEnabled(True)
        self.result_list = QListWidget()
        self.result_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.result_list.setUniformItemSizes(True)
        self.result_list.setStyleSheet("QListWidget::item { padding: 2px 4px; }")
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        layout.addLayout(row)
        layout.addWidget(self.result_list)
        layout.addWidget(self.summary_label)
        self.setFocusProxy(self.search_edit)
        self.search_edit.textEdited.connect(self._on_edited)
        self.search_edit.installEventFilter(self)
        self.result_list.installEventFilter(self)
        self.result_list.itemActivated.connect(self._choose_item)
        self.result_list.itemClicked.connect(self._choose_item)
        self._fit_list()
        self._refill()
        self._show_summary()

    # --- public API -------------------------------------------------------------------
    def set_index(self, index: CatalogIndex) -> None:
        self._index = index
        self._refill()

    def set_recent(self, codes: Sequence[str]) -> None:
        self._recent = list(codes)
        if not self.search_edit.text().strip():
            self._refill()

    def recent(self) -> list[str]:
        return list(self._recent)

    def matter(self) -> Matter | None:
        return self._chosen

    def by_code(self, code: str) -> Matter | None:
        return self._index.by_code(code)

    def choose(self, matter: Matter | None, *, notify: bool = True) -> None:
        """Make ``matter`` the chosen one (None clears the choice)."""
        self._chosen = matter
        self.search_edit.blockSignals(True)
        self.search_edit.setText(matter.name if matter else "")
        self.search_edit.blockSignals(False)
        self.result_list.setVisible(matter is None)
        self._show_summary()
        if matter is None:
            self._refill()
        if notify:
            self.matter_chosen.emit(matter)

    def set_locked(self, locked: bool) -> None:
        """In supplement mode the matter is the case's and cannot change."""
        self.search_edit.setReadOnly(locked)
        self.search_edit.setClearButtonEnabled(not locked)
        self.result_list.setVisible(not locked and self._chosen is None)

    def listed(self) -> list[str]:
        """Codes of the matters in the list (recent first when the box is empty)."""
        return [str(self.result_list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.result_list.count())
                if self.result_list.item(i).data(Qt.ItemDataRole.UserRole)]

    # --- behaviour ----------------------------------------------------------------------
    def _on_edited(self, text: str) -> None:
        if self._chosen is not None:
            self._chosen = None
            self._show_summary()
            self.matter_chosen.emit(None)
        self.result_list.setVisible(True)
        self._refill()

    def _refill(self) -> None:
        query = self.search_edit.text().strip()
        self.result_list.clear()
        if query:
            for m in self._index.search(query, limit=30):
                self._add(m, "")
        else:
            recent = [r for c in self._recent if (r := self._index.by_code(c)) is not None]
            for r in recent:
                self._add(r, self.tr("最近使用"))
            shown = {r.code for r in recent}
            for m in self._index.matters:
                if m.code not in shown:
                    self._add(m, "")
        if self.result_list.count():
            self.result_list.setCurrentRow(0)

    def _add(self, m: Matter, note: str) -> None:
        kind = self.tr("即办") if m.is_instant else self.tr("承诺{n}日").format(
            n=m.committed_limit_days)
        text = f"{m.name}    {kind}"
        if note:
            text = f"★ {text}    {note}"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, m.code)
        item.setToolTip(f"{m.name}\n{m.code} · {m.department}")
        self.result_list.addItem(item)

    def _fit_list(self) -> None:
        probe = QListWidgetItem("事项 Ag")
        self.result_list.addItem(probe)
        height = max(self.result_list.sizeHintForRow(0),
                     self.result_list.fontMetrics().height() + 4)
        self.result_list.clear()
        frame = 2 * self.result_list.frameWidth()
        self.result_list.setFixedHeight(_LIST_ROWS * height + frame)

    def _choose_item(self, item: QListWidgetItem) -> None:
        matter = self._index.by_code(str(item.data(Qt.ItemDataRole.UserRole)))
        if matter is not None:
            self.choose(matter)
            self.focusNextChild()

    def _choose_current(self) -> bool:
        item = self.result_list.currentItem()
        if item is None or not self.result_list.isVisible():
            return False
        self._choose_item(item)
        return True

    def _show_summary(self) -> None:
        m = self._chosen
        if m is None:
            none_yet = html.escape(self.tr("尚未选择事项"))
            self.summary_label.setText(f'<span style="color:#5f6368">{none_yet}</span>')
            return
        if m.is_instant:
            kind = tag(self.tr("即办件 · 当场办结"), GREEN)
        else:
            kind = tag(self.tr("承诺件 · {n} 个工作日").format(n=m.committed_limit_days), BLUE)
        level = tag(self.tr("站点办结") if m.handling_level.value == "station"
                    else self.tr("上报区级"), GREY)
        code = html.escape(f"{m.code} · {m.department}")
        self.summary_label.setText(f'{kind}&nbsp;&nbsp;{level}&nbsp;&nbsp;'
                                   f'<span style="color:#5f6368">{code}</span>')

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search_edit and not self.search_edit.isReadOnly():
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.result_list.isVisible():
                row = self.result_list.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                if 0 <= row < self.result_list.count():
                    self.result_list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._chosen is not None:
                    self.focusNextChild()
                    return True
                return self._choose_current()
        return super().eventFilter(watched, event)
