"""What the station's case detail and the district's case view share: a header over the
tabs 概况 / 办理进程 / 材料 / 文书, a case loaded off the UI thread (answers for a case
no longer shown are dropped), and the pane's public verbs.

Each side says how a case is loaded (``_load``), what is shown (``_render``) and what its
文书 tab holds (``_documents_tab``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QTextBrowser, QWidget

from ui.common.widgets import DETAIL_CSS


class CaseView(QWidget):
    """One case in tabs; subclasses add their actions."""

    #: The pane shows a case (its number or id; "" when cleared).
    loaded = Signal(str)
    #: An action changed the case (its number or id).
    case_changed = Signal(str)
    #: An action failed (plain words).
    action_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key: str | None = None
        self._generation = 0
        self.data: Any = None

    # --- what a side provides ---------------------------------------------------------
    def _can_load(self) -> bool:
        raise NotImplementedError

    def _load(self, generation: int, key: str) -> None:
        """Start loading `key` in the background; the answer goes to ``_loaded``."""
        raise NotImplementedError

    def _render(self) -> None:
        """Show ``self.data`` in the header and the tabs."""
        raise NotImplementedError

    def _switching(self) -> None:
        """Another case is about to be shown: drop what belonged to the previous one."""

    def _shown_key(self, data: Any) -> str:
        raise NotImplementedError

    # --- public -------------------------------------------------------------------------
    def show_case(self, key: str | None) -> None:
        """Load and show the case (None or "" clears the pane)."""
        if not key:
            self.clear()
            return
        if key != self._key:
            self._switching()
        self._key = key
        self.reload()

    def reload(self) -> None:
        key = self._key
        if key is None or not self._can_load():
            return
        self._generation += 1
        self._load(self._generation, key)

    def clear(self) -> None:
        self._key = None
        self.data = None
        self._generation += 1
        for view in (self.summary_view, self.timeline_view, self.materials_view):
            view.clear()

    # --- loading ------------------------------------------------------------------------
    def _current(self, generation: int) -> bool:
        """Whether an answer belongs to the case shown now."""
        return generation == self._generation

    def _loaded(self, generation: int, data: Any) -> bool:
        """Show a loaded case; False when the answer came for a case no longer shown."""
        if not self._current(generation):
            return False
        self.data = data
        self._render()
        self.loaded.emit(self._shown_key(data))
        return True

    # --- construction -------------------------------------------------------------------
    def _build_tabs(self, documents: QWidget) -> None:
        """The header and the four tabs (概况, 办理进程, 材料, 文书)."""
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("padding: 2px 2px 4px 2px;")
        self.summary_view = self._browser()
        self.timeline_view = self._browser()
        self.materials_view = self._browser()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.summary_view, self.tr("概况"))
        self.tabs.addTab(self.timeline_view, self.tr("办理进程"))
        self.tabs.addTab(self.materials_view, self.tr("材料"))
        self.tabs.addTab(documents, self.tr("文书"))

    def _browser(self) -> QTextBrowser:
        view = QTextBrowser()
        view.setOpenLinks(False)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.document().setDefaultStyleSheet(DETAIL_CSS)
        view.document().setDocumentMargin(8)
        return view

    @staticmethod
    def _set_html(view: QTextBrowser, html: str) -> None:
        """Replace a tab's text, keeping the reader's place in it."""
        bar = view.verticalScrollBar()
        keep = bar.value()
        view.setHtml(html)
        bar.setValue(keep)
