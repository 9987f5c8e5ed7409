"""What every page of the district window shares: the signed-in staff member, a client
per worker thread, the queue's filter choices, and a bus of cross-page signals.

Network work runs in parallel operations (``serial=False``): it never waits behind, or
blocks, database work. Each worker thread gets its own :class:`StaffClient` (one HTTP
session, kept alive), so no connection is ever shared between threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, runtime_checkable

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from apiclient.retry import TransportError
from staff_client.client import StaffClient
from ui.common.operations import Operation, error_text
from wire.staff import Facets

T = TypeVar("T")

ROLE_NAMES = {"reviewer": str(QT_TRANSLATE_NOOP("labels", "审核人员")),
              "proxy": str(QT_TRANSLATE_NOOP("labels", "代办员")),
              "admin": str(QT_TRANSLATE_NOOP("labels", "管理员"))}


def role_label(role: str) -> str:
    source = ROLE_NAMES.get(role)
    return QCoreApplication.translate("labels", source) if source else role


class DistrictBus(QObject):
    """Cross-page notifications; emitted on the UI thread only."""

    case_changed = Signal(str)  # case id: an action changed it
    open_case = Signal(str)  # case id: show it in the queue's detail
    online = Signal(bool, str)  # a request reached the district (or not: the reason)
    session_expired = Signal(str)  # the token was refused: sign in again


@dataclass
class DistrictSession:
    server: str
    token: str
    username: str
    display_name: str
    role: str
    ca_bundle: str | None
    bus: DistrictBus
    facets: Facets | None = None
    _local: threading.local = field(default_factory=threading.local, repr=False)

    def client(self) -> StaffClient:
        """This thread's client (call from worker threads)."""
        client: StaffClient | None = getattr(self._local, "client", None)
        if client is None or client.token != self.token:
            client = StaffClient(self.server, token=self.token, ca_bundle=self.ca_bundle)
            self._local.client = client
        return client

    def proxy_name(self, username: str | None) -> str:
        if not username:
            return ""
        if self.facets is not None:
            for p in self.facets.proxies:
                if p.username == username:
                    return p.display_name
        return username

    def station_name(self, code: str) -> str:
        if self.facets is not None:
            for st in self.facets.stations:
                if st.code == code:
                    return st.name
        return code


def network(session: DistrictSession, work: Callable[[StaffClient], T], *,
            parent: QWidget | None, done: Callable[[T], object],
            failed: Callable[[str], object] | None = None) -> Operation[T]:
    """Run `work(client)` off the UI thread; tell the bus whether the district answered.

    A refused token ends the session (the window goes back to sign-in); other failures
    go to `failed` (plain words) or, without it, to the window's message line.
    """
    from apiclient.http import AuthError, SyncError

    bus = session.bus

    def ok(result: T) -> None:
        # An answer may arrive after signing out deleted the session's bus: nobody to tell.
        if shiboken6.isValid(bus):
            bus.online.emit(True, "")
        done(result)

    def bad(exc: Exception) -> None:
        text = error_text(exc)
        if isinstance(exc, AuthError):
            bus.session_expired.emit(text)
            return
        if isinstance(exc, TransportError):
            bus.online.emit(False, text)
        elif isinstance(exc, SyncError):
            bus.online.emit(True, "")
        if failed is not None:
            failed(text)
        else:
            from ui.common.operations import message_bridge

            message_bridge().error.emit(text)

    op: Operation[T] = Operation(lambda: work(session.client()), parent=parent, serial=False)
    op.success(ok).failure(bad).run_in_background()
    return op


# What the district window asks of its pages (checked with isinstance, so the window
# need not import a page's module before the page is first shown).
@runtime_checkable
class DistrictPage(Protocol):
    def attach(self, session: DistrictSession) -> None: ...


@runtime_checkable
class ReadyPage(Protocol):
    ready: Any  # Signal(): the page shows its first data


@runtime_checkable
class CaseListPage(Protocol):
    def show_case(self, case_id: str) -> None: ...
