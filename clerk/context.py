"""What the station's services need of their workspace, and nothing more: its store, its
clock, its working calendar, its scans, the station and the acting clerk.

`Workspace` builds one and hands it to `CaseService` and `DocumentService`, so those never
import the workspace (which imports them) and a test can give them exactly what they use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from clerk.calendar import WorkCalendar
from clerk.scans import LocalBlobs
from clerk.station import StationInfo
from clerk.store import Store
from clerk.timeutil import Clock


@dataclass(frozen=True)
class StationContext:
    store: Store
    now: Clock
    #: the working calendar as it stands (rebuilt by the workspace when a year arrives)
    calendar: Callable[[], WorkCalendar]
    blobs: LocalBlobs
    #: the station row, or a worded error when this data directory has none yet
    require_station: Callable[[Session], StationInfo]
    #: the acting clerk: the given active account, or the only one when none is given
    resolve_clerk: Callable[[Session, str | None], str]
