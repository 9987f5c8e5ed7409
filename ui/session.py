"""What every page of a signed-in station window shares: the workspace, the clerk, the
station, and a bus of signals through which pages tell each other what changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

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
