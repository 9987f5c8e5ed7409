"""What every page of a signed-in station window shares: the workspace, the clerk, the
station, and a bus of signals through which pages tell each other what changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal

from clerk.station import Account, StationInfo

if TYPE_CHECKING:  # the store is imported off the UI thread, after the first paint
    from clerk.catalog import CatalogIndex
    from clerk.workspace import Workspace


class SessionBus(QObject):
    """Cross-page notifications; emitted on the UI thread only."""

    case_changed = Signal(str)  # case_no: a case was created or changed state
    open_case = Signal(str)  # case_no: show it in the cases page
    resume_case = Signal(str)  # case_no: continue it at the counter (supplement, hand-over)
    applicant_changed = Signal(str)  # applicant id
    settings_changed = Signal()
    # What the customer display (双屏) shows now: a ui.station.counter_view.CounterView
    counter_view = Signal(object)


@dataclass
class Session:
    ws: Workspace
    clerk: Account
    station: StationInfo
    bus: SessionBus
    # The catalog's search index, built once in the background when the station opens;
    # pages that search matters share it (building it loads pypinyin's tables).
    catalog: CatalogIndex | None = None

    @property
    def username(self) -> str:
        return self.clerk.username

    @property
    def is_admin(self) -> bool:
        return self.clerk.role == "admin"


@runtime_checkable
class Page(Protocol):
    """A page of the main window that needs the signed-in session (it reloads itself
    when shown again through ui.common.navigation.Refreshable)."""

    def attach(self, session: Session) -> None:
        """Called once after sign-in (or when built later), on the UI thread."""


# What the main window asks of particular pages (checked with isinstance, so the window
# need not import the pages' modules before they are first shown).
@runtime_checkable
class IntakePageLike(Protocol):
    ready: Any  # Signal(): the counter is usable with its catalog and any draft

    def resume(self, case_no: str) -> None: ...


@runtime_checkable
class CasesPageLike(Protocol):
    def show_case(self, case_no: str) -> None: ...


@runtime_checkable
class CatalogPageLike(Protocol):
    def set_index(self, index: CatalogIndex) -> None: ...
