"""Case and document numbers, allocated offline from monotonic counters; never reused.

A case number is `{12-digit station code}-{yyyymmdd}-{NNNN}` (DOMAIN.md). Counters live
in the same transaction as the event that uses the number, so a rolled-back case
gives its number back only if nothing was ever committed with it.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.store.models import Counter

CASE_NO_RE = re.compile(r"^(\d{12})-(\d{8})-(\d{4,})$")

DOC_KINDS = {"notice": "GZ", "receipt": "SL", "refusal": "BY", "result": "BJ"}


def next_counter(session: Session, scope: str) -> int:
    row = session.execute(select(Counter).where(Counter.scope == scope)).scalar_one_or_none()
    if row is None:
        row = Counter(scope=scope, value=0)
        session.add(row)
    row.value += 1
    session.flush()
    return row.value


def allocate_case_no(session: Session, station_code: str, day: date) -> str:
    stamp = day.strftime("%Y%m%d")
    n = next_counter(session, f"case:{stamp}")
    return f"{station_code}-{stamp}-{n:04d}"


def allocate_doc_no(session: Session, station_code: str, kind: str, day: date) -> str:
    prefix = DOC_KINDS[kind]
    n = next_counter(session, f"doc:{prefix}:{day.year}")
    return f"{prefix}{day.year}-{station_code}-{n:05d}"


def is_case_no(text: str) -> bool:
    return CASE_NO_RE.match(text.strip()) is not None
