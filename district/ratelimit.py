"""Fixed-window rate limits kept in the database, so every worker counts the same hits."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from district.auth import naive
from district.db import Database
from district.models import RateWindow


def _key(scope: str, subject: str) -> str:
    # Hashed: the subject may be a case number or an address; no need to keep it readable.
    return f"{scope}:{hashlib.sha256(subject.encode('utf-8')).hexdigest()[:40]}"


def hit(db: Database, scope: str, subject: str, *, limit: int, window: timedelta,
        now: datetime) -> int | None:
    """Count one hit; None when allowed, else the seconds until the window reopens."""
    key = _key(scope, subject)
    moment = naive(now)
    for _ in range(2):  # a concurrent first hit may insert the row before us
        try:
            with db.write() as s:
                row = s.execute(select(RateWindow).where(RateWindow.key == key)
                                .with_for_update()).scalar_one_or_none()
                if row is None:
                    s.add(RateWindow(key=key, window_start=moment, count=1))
                    return None
                if moment - row.window_start >= window:
                    row.window_start, row.count = moment, 1
                    return None
                if row.count >= limit:
                    left = window - (moment - row.window_start)
                    return max(1, int(left.total_seconds()) + 1)
                row.count += 1
                return None
        except IntegrityError:
            continue
    return None


def peek(db: Database, scope: str, subject: str, *, limit: int, window: timedelta,
         now: datetime) -> int | None:
    """Like `hit` without counting: is the subject currently blocked?"""
    with db.read() as s:
        row = s.get(RateWindow, _key(scope, subject))
    if row is None or naive(now) - row.window_start >= window or row.count < limit:
        return None
    left = window - (naive(now) - row.window_start)
    return max(1, int(left.total_seconds()) + 1)
