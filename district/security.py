"""The security event log: who signed in, who failed, who was slowed down, which tokens
were issued and revoked, which full records were opened and why (个人信息保护法 art. 51,
GB/T 35273 access records).

Nothing of an applicant is written here: no ID numbers, phones or names. A failed login
keeps the user name only when such a staff user exists, since a name typed into the
wrong field may be a password.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from district.auth import naive
from district.db import Database
from district.models import SecurityEvent, StaffUser

LOGIN_OK = "login.ok"  # a staff session token was issued
LOGIN_FAILED = "login.failed"
LOGIN_THROTTLED = "login.throttled"
LOGOUT = "logout"  # a staff session token revoked by its holder
ENROLLMENT_CODE = "enrollment.code"  # an enrollment code issued for a station
ENROLLED = "enrollment.ok"  # a station exchanged its code for a device token
ENROLL_FAILED = "enrollment.failed"
STATION_REVOKED = "token.revoked"  # a station and its device tokens revoked
USER_CREATED = "user.created"
USER_DISABLED = "user.disabled"
USER_ENABLED = "user.enabled"
PASSWORD_RESET = "password.reset"  # an admin set a one-time password
PASSWORD_CHANGED = "password.changed"  # the user chose a new password
DEVICE_REVOKED = "device.revoked"  # one device of a station
PUBLISHED = "publication"  # a catalog or calendar file published
PROGRESS_THROTTLED = "progress.throttled"
RECORD_VIEWED = "record.viewed"  # a full record opened (显示完整号码), with the reason
# 全区通办 (district.people): a station's device looked a person up by ID number, opened
# their full record, or was slowed down. The person is named by their newest case's id.
PERSON_LOOKUP = "person.lookup"
PERSON_REVEALED = "person.revealed"
PERSON_THROTTLED = "person.throttled"
KINDS = (LOGIN_OK, LOGIN_FAILED, LOGIN_THROTTLED, LOGOUT, ENROLLMENT_CODE, ENROLLED,
         ENROLL_FAILED, STATION_REVOKED, USER_CREATED, PROGRESS_THROTTLED, RECORD_VIEWED,
         USER_DISABLED, USER_ENABLED, PASSWORD_RESET, PASSWORD_CHANGED, DEVICE_REVOKED,
         PUBLISHED, PERSON_LOOKUP, PERSON_REVEALED, PERSON_THROTTLED)


def record(s: Session, kind: str, now: datetime, *, username: str | None = None,
           station_code: str | None = None, address: str | None = None,
           case_id: str | None = None, detail: str = "") -> None:
    """Write one event in the caller's transaction (it stands or falls with the action)."""
    assert kind in KINDS, kind
    s.add(SecurityEvent(at=naive(now), kind=kind, username=username,
                        station_code=station_code, address=address, case_id=case_id,
                        detail=detail[:200]))


def record_now(db: Database, kind: str, now: datetime, *, username: str | None = None,
               station_code: str | None = None, address: str | None = None,
               case_id: str | None = None, detail: str = "") -> None:
    """Write one event in a transaction of its own."""
    with db.write() as s:
        record(s, kind, now, username=username, station_code=station_code, address=address,
               case_id=case_id, detail=detail)


def known_user(s: Session, username: str) -> str | None:
    """The name to log for a login attempt: the name of an existing user, or None."""
    found = s.execute(select(StaffUser.username).where(StaffUser.username == username)).first()
    return None if found is None else str(found[0])


class Sampler:
    """Throttled attempts are answered without work; logging each one would give a flood
    a database write per request. One event per (kind, subject, address) a minute is
    enough to see it. Kept in process memory: two workers merely both log one."""

    def __init__(self, every: float = 60.0, size: int = 10_000) -> None:
        self.every, self.size = every, size
        self._seen: dict[tuple[str, str, str], float] = {}
        self._lock = threading.Lock()

    def due(self, kind: str, subject: str, address: str) -> bool:
        now = time.monotonic()
        key = (kind, subject, address)
        with self._lock:
            last = self._seen.get(key)
            if last is not None and now - last < self.every:
                return False
            if len(self._seen) >= self.size:
                self._seen.clear()
            self._seen[key] = now
            return True


throttle_sampler = Sampler()
