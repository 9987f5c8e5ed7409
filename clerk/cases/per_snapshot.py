"""Something worked out from a case's matter snapshot, kept per snapshot object.

A snapshot is a case's immutable copy of its matter, and many cases share one (the
district keeps one dict per snapshot for all its cases, district.snapshots; a pull's page
one per snapshot it carries). What is derived from it — the checklist fields a slim item
is joined with, the materials that are certificates kept on file — is worked out once per
snapshot, not at every event. Keyed by the object: the snapshot is held so its id is not
reused, and snapshots are never changed in place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class PerSnapshot(Generic[T]):
    """`work(snapshot)`, remembered for the last `limit` snapshot objects (then all are
    forgotten at once). The answer is shared: read it, never change it. An error of
    `work` is raised each time (nothing is remembered)."""

    def __init__(self, work: Callable[[Any], T], limit: int = 256) -> None:
        self._work = work
        self._limit = limit
        self._known: dict[int, tuple[Any, T]] = {}

    def __call__(self, snapshot: Any) -> T:
        known = self._known.get(id(snapshot))
        if known is not None and known[0] is snapshot:
            return known[1]
        answer = self._work(snapshot)
        if len(self._known) >= self._limit:
            self._known.clear()
        self._known[id(snapshot)] = (snapshot, answer)
        return answer
