"""Rate limits and growing delays kept in the database, so every worker counts the same hits."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
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


# --------------------------------------------------------------------------- backoff
#
# Guessing (passwords, progress lookups) is slowed by growing delays, never by a lockout:
# a lockout lets anyone who knows a user name lock the real user out. Failures are
# counted per (subject, address) pair, per address and per subject, in the same table
# (window_start = the moment of the last failure, count = failures since the counter was
# last forgotten). The rule (README, "Throttling"):
#
# * pair: the first `free` failures cost nothing; after that, each attempt must wait
#   min(2^(n - free), max_delay) seconds after the last failure of that pair;
# * address: the same with 10 free failures, against one address spraying many names;
# * subject: the same with 10 free failures, against guessing from many addresses, but
#   only for addresses that have failed `free` times themselves: an address that has not
#   been failing is never delayed, so an attacker cannot keep the real user out;
# * a counter is forgotten `memory` after its last failure, and a success forgets the
#   pair (only the pair: an attacker's success elsewhere must not clear anything).
#
# A throttled attempt is answered 429 before any password is checked, and is not
# counted, so a storm costs a row read per attempt, not an argon2 hash.

SPRAY_FREE = 10


@dataclass(frozen=True)
class Backoff:
    scope: str
    free: int = 3
    max_delay: float = 30.0
    memory: timedelta = timedelta(hours=1)


def _delay(failures: int, free: int, max_delay: float) -> float:
    if failures < free:
        return 0.0
    return float(min(2.0 ** (failures - free), max_delay))


def _keys(rule: Backoff, subject: str, address: str) -> tuple[str, str, str]:
    return (_key(f"{rule.scope}-pair", f"{subject}\x00{address}"),
            _key(f"{rule.scope}-addr", address), _key(f"{rule.scope}-subj", subject))


def backoff_wait(db: Database, rule: Backoff, subject: str, address: str,
                 now: datetime) -> int | None:
    """Seconds this (subject, address) must still wait before its next attempt, or None."""
    pair, addr, subj = _keys(rule, subject, address)
    moment = naive(now)
    with db.read() as s:
        rows = {r.key: r for r in s.execute(
            select(RateWindow).where(RateWindow.key.in_((pair, addr, subj)))).scalars()}

    def live(key: str) -> RateWindow | None:
        row = rows.get(key)
        if row is None or moment - row.window_start >= rule.memory:
            return None
        return row

    def left(row: RateWindow | None, free: int) -> float:
        if row is None:
            return 0.0
        due = row.window_start + timedelta(seconds=_delay(row.count, free, rule.max_delay))
        return (due - moment).total_seconds()

    waits = [left(live(pair), rule.free), left(live(addr), SPRAY_FREE)]
    here = live(addr)
    if here is not None and here.count >= rule.free:
        # Only an address that has been failing feels the subject's delay: not the real
        # user after a typo or two while someone else is guessing.
        waits.append(left(live(subj), SPRAY_FREE))
    worst = max(waits)
    return math.ceil(worst) if worst > 0 else None


def backoff_failed(db: Database, rule: Backoff, subject: str, address: str,
                   now: datetime) -> None:
    """Count one failure of (subject, address) in all three counters."""
    moment = naive(now)
    keys = _keys(rule, subject, address)
    for _ in range(2):  # a concurrent first failure may insert a row before us
        try:
            with db.write() as s:
                rows = {r.key: r for r in s.execute(
                    select(RateWindow).where(RateWindow.key.in_(keys))
                    .with_for_update()).scalars()}
                for key in keys:
                    row = rows.get(key)
                    if row is None:
                        s.add(RateWindow(key=key, window_start=moment, count=1))
                    elif moment - row.window_start >= rule.memory:
                        row.window_start, row.count = moment, 1
                    else:
                        row.window_start = max(moment, row.window_start)
                        row.count += 1
            return
        except IntegrityError:
            continue


def backoff_succeeded(db: Database, rule: Backoff, subject: str, address: str) -> None:
    """A right answer forgets the failures of this pair only."""
    pair = _keys(rule, subject, address)[0]
    with db.write() as s:
        s.execute(delete(RateWindow).where(RateWindow.key == pair))
