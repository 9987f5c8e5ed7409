"""Small pieces the case, task, applicant and report pages share: colours and tags,
translatable labels for states and levels, count cards, a masked value with a reveal
button, field error lines, and opening a document in the print preview."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk import labels
from clerk.cases.levels import Level, SyncStatus
from clerk.cases.states import State
from clerk.ratings import CHANNEL_LABELS, RatingChannel, channel_text

if TYPE_CHECKING:
    from clerk.documents import PrintedDocument

_AnyIndex = QModelIndex | QPersistentModelIndex

# Tag colours (text, background), the same family as the catalog page's.
GREEN = ("#1b6e35", "#e3f4e8")
BLUE = ("#1a56a8", "#e6effc")
RED = ("#a8231b", "#fce8e6")
AMBER = ("#8a4b00", "#fff0d4")
GREY = ("#4f5459", "#eef0f2")
PURPLE = ("#5b3a9e", "#efe9fb")

STATE_COLOURS: dict[State, tuple[str, str]] = {
    State.DRAFT: GREY,
    State.AWAITING_SUPPLEMENT: AMBER,
    State.NOT_ACCEPTED: GREY,
    State.ACCEPTED: BLUE,
    State.ESCALATED: PURPLE,
    State.UNDER_REVIEW: PURPLE,
    State.RETURNED: AMBER,
    State.APPROVED: GREEN,
    State.DENIED: RED,
    State.COMPLETED: GREEN,
    State.WITHDRAWN: GREY,
}
YELLOW = ("#7a5200", "#ffe9a8")
LEVEL_COLOURS: dict[Level, tuple[str, str]] = {
    Level.NORMAL: GREEN,
    Level.YELLOW: YELLOW,
    Level.RED: ("#ffffff", "#c62828"),
    Level.PAUSED: GREY,
}

DETAIL_CSS = """
body { font-size: 10.5pt; color: #202124; }
h2 { font-size: 14pt; margin: 0 0 4px 0; }
h3 { font-size: 11pt; margin: 12px 0 4px 0; color: #1a56a8; }
.muted { color: #5f6368; }
.small { font-size: 9pt; color: #5f6368; }
.bad { color: #a8231b; font-weight: bold; }
th { background-color: #f1f3f4; font-weight: bold; text-align: left; }
td.key { color: #5f6368; white-space: nowrap; }
ol, ul { margin-top: 0; margin-bottom: 0; }
"""


def esc(text: object) -> str:
    return html.escape(str(text), quote=False)


def tag(text: str, colours: tuple[str, str]) -> str:
    """An inline coloured tag for rich text."""
    fg, bg = colours
    style = f"color:{fg}; background-color:{bg}; white-space:nowrap;"
    return f'<span style="{style}">&nbsp;{esc(text)}&nbsp;</span>'


def table(rows: str, *, border: int = 0) -> str:
    style = "border-collapse: collapse; border-color: #c4c7c5; border-style: solid;"
    return (f'<table width="100%" border="{border}" cellspacing="0" cellpadding="4" '
            f'style="{style}">{rows}</table>')


def qcolor(colours: tuple[str, str], background: bool) -> QColor:
    return QColor(colours[1] if background else colours[0])


# The words for the domain's codes are declared once, in clerk.labels (Chinese sources
# marked for the "labels" context); they are translated when shown, so the interface
# language in force at that moment applies.
def _label(source: str) -> str:
    return QCoreApplication.translate(labels.CONTEXT, source)


def state_label(state: State) -> str:
    """The state's name in the interface language (not clerk's Chinese `State.label`)."""
    return _label(labels.STATE_LABELS[state])


def state_labels() -> list[str]:
    """Every state's name in the interface language (for sizing a column to the longest)."""
    return [state_label(st) for st in State]


def level_label(level: Level) -> str:
    return _label(labels.LEVEL_LABELS[level])


def sync_label(sync: SyncStatus) -> str:
    if sync.rejected:
        return QCoreApplication.translate("labels", "被拒 {n}").format(n=sync.rejected)
    if sync.pending:
        return QCoreApplication.translate("labels", "待同步 {n}").format(n=sync.pending)
    return QCoreApplication.translate("labels", "已同步")


def sync_colours(sync: SyncStatus) -> tuple[str, str]:
    if sync.rejected:
        return RED
    if sync.pending:
        return AMBER
    return GREEN


def rating_label(score: int) -> str:
    return _label(labels.RATING_LABELS[score])


def event_label(event_type: str) -> str:
    """An event's name in the interface language (its code when it is unknown)."""
    source = labels.EVENT_LABELS.get(event_type)
    return _label(source) if source else event_type


def owner_label(side: str) -> str:
    source = labels.OWNER_LABELS.get(side)
    return _label(source) if source else side


def item_status_label(status: str) -> str:
    """A checklist item's status (已收, 缺, 容缺后补 …) in the interface language."""
    source = labels.ITEM_STATUS_LABELS.get(status)
    return _label(source) if source else status


def document_kind_label(kind: str) -> str:
    source = labels.DOCUMENT_KINDS.get(kind)
    return _label(source) if source else kind


def channel_label(channel: RatingChannel) -> str:
    """A rating channel's name in the interface language (labels: clerk.ratings)."""
    return QCoreApplication.translate("ratings", CHANNEL_LABELS[channel])


def rating_channel_text(rating: Mapping[str, Any] | None) -> str:
    """Where a stored rating came from, naming the clerk who keyed it in."""
    return channel_text(rating, lambda s: QCoreApplication.translate("ratings", s))


def join_list(items: Iterable[str]) -> str:
    """Items of a list in running text: "甲、乙" in Chinese, "A, B" in English."""
    return QCoreApplication.translate("labels", "、", "list separator").join(items)


def join_clauses(items: Iterable[str]) -> str:
    """Clauses in running text: "甲；乙" in Chinese, "A; B" in English."""
    return QCoreApplication.translate("labels", "；", "clause separator").join(items)


def labelled(label: str, text: str) -> str:
    """A label and its text: "标签：内容" in Chinese, "Label: text" in English."""
    return QCoreApplication.translate("labels", "{label}：{text}").format(label=label, text=text)


class CountCard(QPushButton):
    """A big number over a label; checkable, so a row of them works as a tab bar."""

    def __init__(self, title: str, colours: tuple[str, str] = BLUE,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(64)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        fg, bg = colours
        self.setStyleSheet(
            f"QPushButton {{ text-align: left; padding: 6px 12px; border: 1px solid #d0d7de;"
            f" border-radius: 6px; background: #ffffff; }}"
            f" QPushButton:checked {{ background: {bg}; border: 2px solid {fg}; }}"
            f" QPushButton:focus {{ border: 2px solid #2f81f7; }}")
        self.number = QLabel("—")
        self.number.setStyleSheet(f"font-size: 18pt; font-weight: bold; color: {fg};"
                                  " background: transparent;")
        self.caption = QLabel(title)
        self.caption.setStyleSheet("color: #3c4043; background: transparent;")
        for label in (self.number, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 4, 12, 4)
        box.setSpacing(0)
        box.addWidget(self.number)
        box.addWidget(self.caption)

    def set_count(self, n: int | None) -> None:
        self.number.setText("—" if n is None else f"{n:,}")


class MaskedValue(QWidget):
    """A personal value shown masked, with a button that reveals it to the clerk."""

    revealed = Signal()

    def __init__(self, mask: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mask = mask
        self._value = ""
        self._shown = False
        self.label = QLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self.tr("显示"))
        self.button.setFlat(True)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setStyleSheet("color: #1a56a8; padding: 0 4px;")
        self.button.clicked.connect(self.toggle)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.button)
        row.addStretch(1)

    def set_value(self, value: str) -> None:
        self._value = value
        self._shown = False
        self._update()

    def toggle(self) -> None:
        self._shown = not self._shown
        self._update()
        if self._shown:
            self.revealed.emit()

    @property
    def shown(self) -> bool:
        return self._shown

    def _update(self) -> None:
        if not self._value:
            self.label.setText("—")
            self.button.hide()
            return
        self.button.show()
        self.label.setText(self._value if self._shown else self._mask(self._value))
        self.button.setText(self.tr("隐藏") if self._shown else self.tr("显示"))


class FieldError(QLabel):
    """The error line under one input field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("color: #b42318;")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_error(self) -> None:
        self.setText("")
        self.hide()


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet("color: #d0d7de;")
    return line


def open_pdf_preview(pdf: bytes, title: str, parent: QWidget | None) -> QWidget | None:
    """Show a PDF in the print preview window (not modal); None when it cannot open."""
    try:
        from ui.common.print_preview import PrintPreviewDialog
    except ImportError:  # the preview needs QtPdf; say so instead of crashing
        from ui.common.operations import message_bridge

        message_bridge().error.emit(QCoreApplication.translate(
            "widgets", "无法打开打印预览（缺少 QtPdf 组件）。文书已生成，请联系管理员。"))
        return None
    dialog = PrintPreviewDialog(pdf, title, parent)
    dialog.show()
    return dialog


def document_title(doc: PrintedDocument) -> str:
    kind = labels.DOCUMENT_KINDS.get(doc.kind)
    title = f"{_label(kind) if kind else doc.title} {doc.doc_no}"
    return title + (QCoreApplication.translate("labels", "（补打）") if doc.reprint else "")


def info_box(text: str, colours: tuple[str, str] = BLUE) -> QLabel:
    """A coloured note across a panel."""
    label = QLabel(text)
    label.setWordWrap(True)
    fg, bg = colours
    label.setStyleSheet(f"color: {fg}; background: {bg}; padding: 6px 8px; border-radius: 4px;")
    return label


# --- a small read-only table model for short lists ------------------------------------------

class ListRow:
    """One row of a :class:`ListModel`: texts, optional colours per column, a payload."""

    __slots__ = ("colours", "key", "payload", "texts", "tooltips")

    def __init__(self, texts: tuple[str, ...], *, key: str = "", payload: object = None,
                 colours: dict[int, tuple[str, str]] | None = None,
                 tooltips: dict[int, str] | None = None) -> None:
        self.texts = texts
        self.key = key
        self.payload = payload
        self.colours = colours or {}
        self.tooltips = tooltips or {}


class ListModel(QAbstractTableModel):
    """Rows of :class:`ListRow` under fixed headers (tasks, applicants, report tables)."""

    KeyRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, headers: tuple[str, ...], parent: QObject | None = None,
                 centred: tuple[int, ...] = ()) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[ListRow] = []
        self._centred = set(centred)

    def set_rows(self, rows: list[ListRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> ListRow:
        return self._rows[row]

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return r.texts[col]
        if role == self.KeyRole:
            return r.key
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colours = r.colours.get(col)
            if colours is None:
                return None
            return QBrush(qcolor(colours, role == Qt.ItemDataRole.BackgroundRole))
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.tooltips.get(col) or (r.texts[col] if len(r.texts[col]) > 12 else None)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self._centred:
            return Qt.AlignmentFlag.AlignCenter
        return None


def list_view(model: QAbstractTableModel, *, stretch: int,
              widths: Callable[[QFontMetrics], dict[int, int]] | None = None) -> QTableView:
    """A read-only, row-selecting table view in the house style.

    Columns fit their contents, except `stretch`, which takes the rest. Big lazy lists
    pass `widths` instead (column → pixels for the view's font: sizing to contents
    would read every row): those columns start at that width and the user may drag them.
    """
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    if widths is None:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for column, width in widths(view.fontMetrics()).items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def supplement_text(payload: Mapping[str, Any]) -> str:
    """What a 补交容缺材料 event delivered: each material with the pieces handed in."""
    parts = []
    for item in payload.get("items") or ():
        if not isinstance(item, Mapping):
            continue
        text = QCoreApplication.translate("labels", "{name}（原件{o}份、复印件{c}份）")
        parts.append(text.format(
            name=item.get("name") or item.get("key", ""), o=item.get("original_count", 0),
            c=item.get("copy_count", 0)))
    return join_list(parts)
