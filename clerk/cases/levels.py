"""The plain values the case lists show beside a case (its supervision level, the sync
state of its events), apart from the queries that compute them: the window's widgets
name them before the store (SQLAlchemy) is imported, which happens after the first paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """A case's supervision level as the lists show it."""

    NORMAL = "normal"
    YELLOW = "yellow"  # 预警
    RED = "red"  # 超期
    PAUSED = "paused"  # in counts only: returned cases, whose clock stands still


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """The sync state of a case's station-side events."""

    pending: int = 0
    rejected: int = 0

    @property
    def synced(self) -> bool:
        return not self.pending and not self.rejected


__all__ = ["Level", "SyncStatus"]
