"""The customer display (双屏): a second window for the screen that faces the citizen.

It shows what :mod:`ui.station.counter_view` describes — a welcome, the intake as the
clerk works (matter, masked name and ID, the checklist as it changes), the full missing
list in large type after a one-time notice, and at the hand-over five rating buttons and
thanks. It is read-only except the rating: nothing on it takes the keyboard focus, and
the only thing a citizen can do is tap a rating, which is recorded with the channel
``device`` (the counter's rating device) by :class:`CustomerDisplay`'s owner.

Placement: on a screen of its own when a second one is attached (full screen there),
a movable window otherwise. The pages publish views through ``SessionBus.counter_view``
(a signal, no polling); the main window connects the display to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Protocol, TypeVar

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk.cases.checklist import ItemStatus
from ui.common.widgets import item_status_label, rating_label
from ui.station.counter_view import IDLE, CounterItem, CounterView, Showing

#: How long the thanks stay before the welcome comes back.
THANKS_MS = 8000
#: The movable window's size when there is no second screen.
WINDOW_SIZE = (1024, 640)

_STATUS_COLOURS = {
    ItemStatus.RECEIVED: "#1b6e35", ItemStatus.ON_FILE: "#1b6e35",
    ItemStatus.SHARED: "#1b6e35", ItemStatus.DEFERRED: "#8a4b00",
    ItemStatus.MISSING: "#a8231b",
}
_RATING_COLOURS = {5: "#1a7f37", 4: "#2e8b57", 3: "#b08900", 2: "#d9480f", 1: "#c62828"}


class ScreenLike(Protocol):
    def geometry(self) -> QRect: ...


S = TypeVar("S", bound=ScreenLike)


def choose_screen(screens: Sequence[S], main: S | None) -> S | None:
    """The screen facing the citizen: the first attached screen that is not the clerk's
    (the one the main window is on); None when there is only one (a movable window)."""
    others = [s for s in screens if s is not main]
    if main is None or len(screens) < 2 or not others:
        return None
    return others[0]


class CustomerDisplay(QWidget):
    """The citizen's window. :meth:`show_view` renders a view; a tapped rating emits
    :attr:`rated` (case number, score) and waits for :meth:`rating_saved` or
    :meth:`rating_failed`."""

    rated = Signal(str, int)
    #: The view shown changed (its Showing value), for tests and screenshots.
    shown = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        # Never the keyboard's: the clerk types on the main window while the citizen's
        # screen changes (taps reach the buttons without focus).
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setWindowTitle(self.tr("便民服务站 · 服务评价"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet("CustomerDisplay { background: #f4f7fb; }")
        self.view: CounterView = IDLE
        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.setInterval(THANKS_MS)
        self._thanks_timer.timeout.connect(lambda: self.show_view(IDLE))
        self.pages = QStackedWidget()
        self.welcome = self._label(34, bold=True)
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.work = self._label(22)
        self.work.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notice = self._label(30)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.thanks = self._label(40, bold=True)
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rating_page, self.rating_title, self.rating_buttons, self.rating_note = \
            self._rating_page()
        for page in (self.welcome, self.work, self.notice, self.rating_page, self.thanks):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.addWidget(self.pages)
        self.show_view(IDLE)

    @staticmethod
    def _label(points: int, *, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        weight = "bold" if bold else "normal"
        label.setStyleSheet(f"font-size: {points}pt; font-weight: {weight}; color: #1f2d3d;")
        return label

    def _rating_page(self) -> tuple[QWidget, QLabel, dict[int, QPushButton], QLabel]:
        page = QWidget()
        column = QVBoxLayout(page)
        title = self._label(28, bold=True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        grid.setSpacing(18)
        buttons: dict[int, QPushButton] = {}
        for i, score in enumerate((5, 4, 3, 2, 1)):
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(150)
            # Five equal buttons whatever the words' length (the window never outgrows
            # the citizen's screen).
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            grid.setColumnStretch(i, 1)
            button.setStyleSheet(
                f"QPushButton {{ background: {_RATING_COLOURS[score]}; color: white; "
                "font-size: 20pt; font-weight: bold; border-radius: 12px; }"
                "QPushButton:disabled { background: #9aa4ae; }")
            button.clicked.connect(lambda _c=False, s=score: self._tapped(s))
            # The words wrap inside the button (a push button's own text cannot); the
            # labels let taps through to the button.
            inside = QVBoxLayout(button)
            for points in (32, 17):
                label = QLabel()
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                label.setWordWrap(True)
                label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
                label.setStyleSheet(f"color: white; font-size: {points}pt; font-weight: bold;"
                                    " background: transparent;")
                inside.addWidget(label)
            buttons[score] = button
            grid.addWidget(button, 0, i)
        note = self._label(18)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addStretch(1)
        column.addWidget(title)
        column.addSpacing(24)
        column.addLayout(grid)
        column.addSpacing(24)
        column.addWidget(note)
        column.addStretch(2)
        return page, title, buttons, note

    # --- showing ----------------------------------------------------------------------------
    def show_view(self, view: CounterView) -> None:
        """Render ``view``; a welcome replaces pending thanks only when asked for."""
        self._thanks_timer.stop()
        self.view = view
        if view.showing == Showing.WORKING:
            self.work.setText(self._work_html(view))
            self.pages.setCurrentWidget(self.work)
        elif view.showing == Showing.NOTICE:
            self.notice.setText(self._notice_html(view))
            self.pages.setCurrentWidget(self.notice)
        elif view.showing == Showing.RATING:
            self._show_rating(view)
        else:
            self.welcome.setText(escape(self.tr("欢迎办理！")) + "<br><span style='font-size:"
                                 "20pt; font-weight:normal; color:#5f6368'>"
                                 + escape(self.tr("窗口人员为您办理时，这里显示办理的事项和材料。"))
                                 + "</span>")
            self.pages.setCurrentWidget(self.welcome)
        self.shown.emit(view.showing.value)

    def _who(self, view: CounterView) -> str:
        person = "　".join(escape(x) for x in (view.name, view.id_masked) if x)
        matter = escape(view.matter) if view.matter else escape(self.tr("（尚未选择事项）"))
        head = escape(self.tr("办理事项"))
        return (f"<p style='font-size:16pt; color:#5f6368; margin:0'>{head}</p>"
                f"<p style='font-weight:bold; margin:0'>{matter}</p>"
                f"<p style='margin:6px 0 18px 0'>{person}</p>")

    def _status(self, item: CounterItem) -> str:
        colour = _STATUS_COLOURS.get(item.status, "#1f2d3d")
        text = escape(item_status_label(item.status))
        if item.status == ItemStatus.DEFERRED and item.promise is not None:
            text += escape(self.tr("（{day} 前补交）").format(day=item.promise.isoformat()))
        return f"<span style='color:{colour}; font-weight:bold'>{text}</span>"

    def _work_html(self, view: CounterView) -> str:
        rows = "".join(f"<tr><td style='padding:4px 24px 4px 0'>{escape(i.name)}</td>"
                       f"<td style='padding:4px 0'>{self._status(i)}</td></tr>"
                       for i in view.items)
        head = escape(self.tr("申请材料"))
        table = (f"<p style='font-size:16pt; color:#5f6368; margin:0'>{head}</p>"
                 f"<table>{rows}</table>") if rows else ""
        return self._who(view) + table

    def _notice_html(self, view: CounterView) -> str:
        missing = view.missing
        title = escape(self.tr("请补齐以下 {n} 项材料后再来办理").format(n=len(missing)))
        # A table, not <ol>: Qt's list numbers hang outside the label's left edge.
        rows = "".join(
            f"<tr><td style='padding:0 12px 12px 0'><b>{n}.</b></td><td style='padding:0 0 "
            f"12px 0'><b>{escape(i.name)}</b>"
            + (f"<br><span style='font-size:18pt; color:#5f6368'>{escape(i.requirement)}"
               "</span>" if i.requirement else "") + "</td></tr>"
            for n, i in enumerate(missing, 1))
        deferred = [i for i in view.items if i.status == ItemStatus.DEFERRED]
        later = "".join(f"<li>{escape(i.name)}　{self._status(i)}</li>" for i in deferred)
        note = escape(self.tr("以上为需要补齐的全部材料（一次性告知），详见一次性告知单。"))
        return (f"<p style='color:#a8231b; font-weight:bold; margin:0 0 12px 0'>{title}</p>"
                f"<table>{rows}</table>"
                + (f"<ul style='font-size:20pt'>{later}</ul>" if later else "")
                + f"<p style='font-size:16pt; color:#5f6368'>{note}</p>")

    def _show_rating(self, view: CounterView) -> None:
        self.rating_title.setText(escape(self.tr("请您对本次服务作出评价")) + "<br><span "
                                  "style='font-size:18pt; font-weight:normal; color:#5f6368'>"
                                  + escape(view.matter) + "</span>")
        for score, button in self.rating_buttons.items():
            number, words = button.findChildren(QLabel)
            number.setText(str(score))
            words.setText(rating_label(score))
            button.setAccessibleName(f"{score} {rating_label(score)}")
            button.setEnabled(True)
        self.rating_note.setText(escape(self.tr(
            "评价由您本人作出，每件办件评价一次。")))
        self.pages.setCurrentWidget(self.rating_page)

    # --- the citizen's rating ------------------------------------------------------------
    def _tapped(self, score: int) -> None:
        if self.view.showing != Showing.RATING or not self.view.case_no:
            return
        for button in self.rating_buttons.values():
            button.setEnabled(False)  # one tap: the rating is on its way
        self.rated.emit(self.view.case_no, score)

    def rating_saved(self, case_no: str, score: int) -> None:
        if self.view.case_no != case_no:
            return
        self.view = IDLE
        self.thanks.setText(escape(self.tr("感谢您的评价！")) + "<br><span style='font-size:"
                            "24pt; font-weight:normal'>"
                            + escape(f"{score} {rating_label(score)}") + "</span>")
        self.pages.setCurrentWidget(self.thanks)
        self.shown.emit("thanks")
        self._thanks_timer.start()

    def rating_failed(self, case_no: str, text: str) -> None:
        if self.view.case_no != case_no:
            return
        self.rating_note.setText("<span style='color:#a8231b'>" + escape(self.tr(
            "评价未能保存，请告知窗口人员。")) + "</span><br>" + escape(text))
        for button in self.rating_buttons.values():
            button.setEnabled(True)

    # --- placement ------------------------------------------------------------------------
    def place(self, main: QScreen | None) -> QScreen | None:
        """Show on the citizen's own screen (full screen) or as a movable window."""
        screen = choose_screen(QGuiApplication.screens(), main)
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.resize(*WINDOW_SIZE)
            self.showNormal()
        return screen
