"""What is derived from a matter snapshot is worked out once per snapshot object
(clerk.cases.per_snapshot)."""

from __future__ import annotations

from typing import Any

import pytest

from clerk.cases.per_snapshot import PerSnapshot


def test_worked_out_once_per_object_and_again_for_an_equal_one() -> None:
    calls: list[Any] = []

    def sorted_keys(snap: dict[str, int]) -> list[str]:
        calls.append(snap)
        return sorted(snap)

    keys = PerSnapshot(sorted_keys)
    one, equal = {"b": 1, "a": 2}, {"b": 1, "a": 2}
    assert keys(one) == ["a", "b"] and keys(one) is keys(one)
    assert keys(equal) == ["a", "b"]
    assert len(calls) == 2  # one object each: equal snapshots are not assumed the same


def test_an_error_is_raised_each_time_and_nothing_remembered() -> None:
    calls = [0]

    def refuse(snap: Any) -> None:
        calls[0] += 1
        raise ValueError("malformed snapshot")

    memo = PerSnapshot(refuse)
    snap = {"materials": "not a list"}
    for _ in range(2):
        with pytest.raises(ValueError):
            memo(snap)
    assert calls[0] == 2


def test_past_its_limit_it_forgets_and_works_out_again() -> None:
    calls = [0]

    def count(snap: Any) -> int:
        calls[0] += 1
        return len(snap)

    memo = PerSnapshot(count, limit=2)
    snaps = [{"n": i} for i in range(3)]
    for snap in snaps:
        memo(snap)
    memo(snaps[0])  # forgotten when the third came
    assert calls[0] == 4
