"""Whose turn it is to write: this process's write transactions, first come first served.

SQLite lets one writer at a time in, and a writer that finds the file locked sleeps in
growing steps (up to 100 ms) before it looks again: a long background write (a pull of
thousands of other counters' steps) that commits and begins again at once would get the
lock back before a waiting clerk's save wakes up, again and again until the save's busy
timeout fails it. Within the process, writers therefore take turns here first, in the
order they asked; and a long writer can see that someone is waiting (`waiting`) and end
its transaction early to let them in (sync.pull does, between events).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class NestedWriteError(RuntimeError):
    """A thread asked for a write transaction inside its own: it would wait for itself."""


class WriteTurns:
    """A ticket queue: `turn()` waits for this thread's ticket to come up."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._issued = 0  # tickets handed out
        self._serving = 0  # the ticket whose holder may write now
        self._holder: int | None = None  # that holder's thread id, once it has its turn

    @contextmanager
    def turn(self) -> Iterator[None]:
        me = threading.get_ident()
        with self._cond:
            if self._holder == me:
                raise NestedWriteError("a write transaction inside a write transaction")
            ticket = self._issued
            self._issued += 1
            while ticket != self._serving:
                self._cond.wait()
            self._holder = me
        try:
            yield
        finally:
            with self._cond:
                self._holder = None
                self._serving += 1
                self._cond.notify_all()

    def waiting(self) -> int:
        """How many writers wait behind the current one (read without the lock: a hint)."""
        return max(0, self._issued - self._serving - 1)
