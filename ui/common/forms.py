"""Small building blocks for the sign-in, set-up and lock screens: a centred card with a
form, and an error line that names what is wrong."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

# No alignment flag before the window's first paint: the first `Qt.…` makes PySide6 build
# Qt's whole namespace (94 enum types, ~14 ms, a tenth of a bare window's start). The
# opening screen centres with stretches; a card aligns itself when first shown.


def centred(widget: QWidget, parent: QWidget | None = None) -> QWidget:
    """A screen showing `widget` in its middle."""
    screen = QWidget(parent)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    column = QVBoxLayout(screen)
    column.addStretch(1)
    column.addLayout(row)
    column.addStretch(1)
    return screen


CARD_STYLE = """
QFrame#card { background: #ffffff; border: 1px solid #d0d7de; border-radius: 8px; }
QLabel#cardTitle { font-size: 18pt; font-weight: bold; color: #1f2d3d; }
QLabel#cardSubtitle { color: #57606a; }
QLabel#error { color: #b42318; }
"""


class Card(QWidget):
    """A page that shows one centred card: title, subtitle, a form and an error line."""

    def __init__(self, title: str, subtitle: str = "", width: int = 460,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CARD_STYLE)
        outer = self._outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.card = QFrame()
        self.card.setObjectName("card")
        self.card.setFixedWidth(width)
        outer.addWidget(self.card)  # centred when first shown (see showEvent)
        outer.addStretch(2)
        box = QVBoxLayout(self.card)
        box.setContentsMargins(32, 28, 32, 28)
        box.setSpacing(12)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("cardTitle")
        box.addWidget(self.title_label)
        self.subtitle_label = QLabel(subtitle)
        self.subtitle_label.setObjectName("cardSubtitle")
        self.subtitle_label.setWordWrap(True)
        self.subtitle_label.setVisible(bool(subtitle))
        box.addWidget(self.subtitle_label)
        self.form = QFormLayout()
        self.form.setSpacing(10)
        box.addLayout(self.form)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        box.addWidget(self.error_label)
        self.buttons = QVBoxLayout()
        box.addLayout(self.buttons)
        self._aligned = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self._aligned:  # a card is first shown after the window's first paint
            from PySide6.QtCore import Qt

            self._outer.setAlignment(self.card, Qt.AlignmentFlag.AlignHCenter)
            self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            self._aligned = True
        super().showEvent(event)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
