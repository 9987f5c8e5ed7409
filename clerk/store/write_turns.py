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

from clerk.errors import QT_TRANSLATE_NOOP, StoreError

# How long a writer waits for its turn before it gives up with a worded error: never
# forever, whatever holds the turn (SQLite's own busy timeout, 5 s, then still applies
# to writers of other processes).
TURN_TIMEOUT_S = 30.0


#: A save that gave up waiting for its turn (seconds: how long it waited).
BUSY_WORDS = QT_TRANSLATE_NOOP(
    "errors", "本机另一项操作一直在写入站点数据库，已等待 {seconds} 秒，本次保存没有进行。"
              "请稍后重试；如果一直如此，请重新启动本程序。")


class NestedWriteError(RuntimeError):
    """A thread asked for a write transaction inside its own: it would wait for itself."""


class WriteTurns:
    """A ticket queue: `turn()` waits for this thread's ticket to come up."""

    def __init__(self, timeout: float = TURN_TIMEOUT_S) -> None:
        self.timeout = timeout
        self._cond = threading.Condition()
        self._issued = 0  # tickets handed out
        self._serving = 0  # the ticket whose holder may write now
        self._holder: int | None = None  # that holder's thread id, once it has its turn
        self._abandoned: set[int] = set()  # tickets whose writers gave up waiting

    @contextmanager
    def turn(self) -> Iterator[None]:
        me = threading.get_ident()
        with self._cond:
            if self._holder == me:
                raise NestedWriteError("a write transaction inside a write transaction")
            ticket = self._issued
            self._issued += 1
            if not self._cond.wait_for(lambda: ticket == self._serving, self.timeout):
                self._abandoned.add(ticket)  # skipped when its turn comes
                raise StoreError(BUSY_WORDS, code="store.busy",
                                 params={"seconds": f"{self.timeout:g}"})
            self._holder = me
        try:
            yield
        finally:
            with self._cond:
                self._holder = None
                self._serving += 1
                while self._serving in self._abandoned:
                    self._abandoned.discard(self._serving)
                    self._serving += 1
                self._cond.notify_all()

    def waiting(self) -> int:
        """How many writers wait behind the current one (read without the lock: a hint;
        one that gave up and was not yet skipped still counts)."""
        return max(0, self._issued - self._serving - 1)
