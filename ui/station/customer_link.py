"""Connects the customer display to a signed-in station: turns it on or off as the
setting says, shows what the pages publish on ``SessionBus.counter_view``, clears it
when the station locks or the clerk signs out, and records the citizen's tap as a rating
with the channel ``device`` (the counter's rating device), in a background operation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

from clerk.options import CUSTOMER_DISPLAY
from clerk.ratings import RatingChannel
from ui.common.operations import Operation, error_text
from ui.station.session import Session

if TYPE_CHECKING:
    from ui.station.counter_view import CounterView
    from ui.station.customer_display import CustomerDisplay


class CustomerLink(QObject):
    """Owns the display window (made when first turned on).

    The main window makes this before its first paint; the display's modules (and the
    case record they read) are imported when there is something to show, not then."""

    #: A rating from the display was stored (case number), after the bus heard of it.
    rating_recorded = Signal(str)

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.host = host  # the main window: parent of the background operations
        self.session: Session | None = None
        self.display: CustomerDisplay | None = None
        self.enabled = False
        self._last: CounterView | None = None  # None: the idle view

    def attach(self, session: Session) -> None:
        if self.session is None or self.session.bus is not session.bus:
            session.bus.counter_view.connect(self.show)  # a new sign-in brings a new bus
        self.session = session

    def apply(self, enabled: bool, main_screen: QScreen | None) -> None:
        """The setting's value: show the window (placed) or hide it."""
        self.enabled = enabled
        if not enabled:
            if self.display is not None:
                self.display.hide()
            return
        if self.display is None:
            from ui.station.customer_display import CustomerDisplay

            self.display = CustomerDisplay()
            self.display.rated.connect(self._record)
        self.display.show_view(self._last or _idle())
        if not self.display.isVisible():
            self.display.place(main_screen)
            if self.host.isVisible():  # the clerk's window keeps the keyboard
                self.host.activateWindow()

    def read_setting(self, main_screen: QScreen | None) -> None:
        session = self.session
        if session is None:
            return
        ws = session.ws
        Operation(lambda: ws.settings.get(CUSTOMER_DISPLAY) == 1, parent=self.host).success(
            lambda on: self.apply(bool(on), main_screen)).run_in_background()

    def show(self, view: object) -> None:
        from ui.station.counter_view import CounterView

        if not isinstance(view, CounterView):
            return
        self._last = view
        if self.display is not None and self.enabled:
            self.display.show_view(view)

    def clear(self) -> None:
        """Locked or signed out: nothing of the last citizen stays on the screen."""
        self.show(_idle())

    def close(self) -> None:
        if self.display is not None:
            self.display.close()

    def _record(self, case_no: str, score: int) -> None:
        session, display = self.session, self.display
        if session is None or display is None:
            return
        ws, clerk = session.ws, session.username

        def saved(_r: object) -> None:
            self._last = None
            display.rating_saved(case_no, score)
            session.bus.case_changed.emit(case_no)
            self.rating_recorded.emit(case_no)

        Operation(lambda: ws.cases.rate(case_no, score, channel=RatingChannel.DEVICE,
                                        clerk=clerk), parent=self.host).success(saved).failure(
            lambda exc: display.rating_failed(case_no, error_text(exc))).run_in_background()


def _idle() -> CounterView:
    from ui.station.counter_view import IDLE

    return IDLE
