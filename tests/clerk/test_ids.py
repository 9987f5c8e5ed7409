"""New ids (clerk/ids.py): valid UUIDs of version 7 that sort in creation order."""

from __future__ import annotations

import re
import threading
import time
import uuid

import pytest

from clerk import ids
from wire.protocol import UUID_PATTERN


def test_an_id_is_a_version_7_uuid_the_wire_accepts() -> None:
    before = time.time_ns() // 1_000_000
    value = ids.new_id()
    after = time.time_ns() // 1_000_000
    parsed = uuid.UUID(value)
    assert re.fullmatch(UUID_PATTERN, value)
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    assert before <= parsed.int >> 80 <= after  # it begins with its creation time


def test_ids_only_ever_increase_and_never_repeat() -> None:
    made = [ids.new_id() for _ in range(20_000)]  # many within one millisecond
    assert made == sorted(made)
    assert len(set(made)) == len(made)


def test_a_full_millisecond_borrows_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ids, "_last_ms", 0)  # restored afterwards, like the clock
    monkeypatch.setattr(ids.time, "time_ns", lambda: 1_700_000_000_000 * 1_000_000)
    made = [ids.new_uuid() for _ in range(5_000)]  # more than the 12-bit counter holds
    assert [u.int for u in made] == sorted(u.int for u in made)
    assert {u.int >> 80 for u in made} == {1_700_000_000_000, 1_700_000_000_001}


def test_threads_get_distinct_ids() -> None:
    out: list[list[str]] = [[] for _ in range(4)]

    def make(k: int) -> None:
        out[k].extend(ids.new_id() for _ in range(5_000))

    threads = [threading.Thread(target=make, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [i for part in out for i in part]
    assert len(set(every)) == len(every)
    assert all(part == sorted(part) for part in out)
