"""``ws.sync_status()``: what the status bar says about sync, read from the station's own
tables (the sync client, which does the network, is not imported for it)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk import settings
from clerk.options import (
    SYNC_CLIENT_VERSION,
    SYNC_CLIENT_WHERE,
    SYNC_LAST_ATTEMPT,
    SYNC_LAST_ERROR,
    SYNC_LAST_PROBLEMS,
    SYNC_LAST_SUCCESS,
    SYNC_SERVER_URL,
)
from clerk.store.models import CaseEvent, SyncOutbox


@dataclass(frozen=True)
class RoundProblem:
    """A problem of the last finished round: a marked template and its values."""

    template: str
    params: dict[str, str]


@dataclass(frozen=True)
class StationSyncStatus:
    server: str  # "" when the station is not enrolled
    pending: int  # the station's events not yet accepted by the district
    last_success: str  # UTC ISO stamps, "" when never
    last_attempt: str
    last_error: str
    last_problems: tuple[RoundProblem, ...] = ()
    client_version: str = ""  # the newest workstation version the district announced
    client_where: str = ""  # and where to get it


def _problems(text: str) -> tuple[RoundProblem, ...]:
    try:
        items = json.loads(text) if text else []
        return tuple(RoundProblem(str(d["template"]), {str(k): str(v) for k, v in
                                                       d["params"].items()}) for d in items)
    except (ValueError, KeyError, TypeError, AttributeError):
        return ()


def read_sync_status(s: Session) -> StationSyncStatus:
    pending = int(s.execute(select(func.count()).select_from(SyncOutbox)
                            .join(CaseEvent, CaseEvent.pos == SyncOutbox.pos)
                            .where(CaseEvent.sync_state == "pending")).scalar_one())
    return StationSyncStatus(settings.read(s, SYNC_SERVER_URL), pending,
                             settings.read(s, SYNC_LAST_SUCCESS),
                             settings.read(s, SYNC_LAST_ATTEMPT),
                             settings.read(s, SYNC_LAST_ERROR),
                             _problems(settings.read(s, SYNC_LAST_PROBLEMS)),
                             settings.read(s, SYNC_CLIENT_VERSION),
                             settings.read(s, SYNC_CLIENT_WHERE))
