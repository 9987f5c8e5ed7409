"""This process's writers take turns in the order they asked (clerk.store.write_turns)."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select

from clerk.errors import StoreError
from clerk.options import LAST_USER
from clerk.store.models import Setting
from clerk.store.write_turns import NestedWriteError, WriteTurns
from clerk.workspace import Workspace


def _wait_until(done: object, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not done():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)


def test_writers_are_served_in_the_order_they_asked() -> None:
    turns = WriteTurns()
    served: list[int] = []
    threads: list[threading.Thread] = []

    def writer(n: int) -> None:
        with turns.turn():
            served.append(n)

    with turns.turn():
        assert turns.waiting() == 0
        for n in range(5):
            t = threading.Thread(target=writer, args=(n,))
            t.start()
            threads.append(t)
            _wait_until(lambda n=n: turns.waiting() == n + 1)  # queued before the next asks
        assert served == []  # nobody writes while the turn is held
    for t in threads:
        t.join(10)
    assert served == [0, 1, 2, 3, 4]
    assert turns.waiting() == 0


def test_a_turn_ended_by_an_error_passes_to_the_next_writer() -> None:
    turns = WriteTurns()
    with pytest.raises(ValueError), turns.turn():
        raise ValueError("refused")
    got = threading.Event()

    def writer() -> None:
        with turns.turn():
            got.set()

    t = threading.Thread(target=writer)
    t.start()
    t.join(10)
    assert got.is_set()


def test_a_write_inside_a_write_on_one_thread_is_refused_at_once(ws: Workspace) -> None:
    # Without the turns it waited for its own lock until SQLite's busy timeout (5 s).
    started = time.monotonic()
    with ws.store.write() as s:
        s.add(Setting(key="test.outer", value="1"))
        with pytest.raises(NestedWriteError), ws.store.write():
            pass
    assert time.monotonic() - started < 2
    with ws.store.read() as s:  # the outer transaction went on and committed
        assert s.get(Setting, "test.outer") is not None
    ws.settings.set(LAST_USER, "admin")  # and the next write has its turn


def test_a_long_writer_sees_a_waiting_writer_and_lets_it_in(ws: Workspace) -> None:
    """What sync.pull does between events: end the transaction when someone waits."""
    wrote = threading.Event()
    order: list[str] = []

    def clerk_save() -> None:
        with ws.store.write() as s:
            s.add(Setting(key="test.clerk", value="1"))
        order.append("clerk")
        wrote.set()

    saver = threading.Thread(target=clerk_save)
    steps = 0
    while True:
        with ws.store.write() as s:
            while True:
                steps += 1
                s.add(Setting(key=f"test.long.{steps}", value="1"))
                s.flush()
                if steps == 3:
                    saver.start()
                    _wait_until(ws.store.writers_waiting)
                if ws.store.writers_waiting() or steps == 10:
                    break
        order.append(f"long {steps}")
        if steps == 10:
            break
        wrote.wait(10)
    saver.join(10)
    assert order == ["long 3", "clerk", "long 10"]
    with ws.store.read() as s:
        keys = set(s.execute(select(Setting.key).where(Setting.key.like("test.%"))).scalars())
    assert keys == {"test.clerk", *(f"test.long.{n}" for n in range(1, 11))}


def test_a_writer_that_waits_too_long_gives_up_worded_and_the_queue_goes_on() -> None:
    """Whatever holds the turn (a bug waiting on another thread), a writer never waits
    forever; writers behind the one that gave up are served as if it had never asked."""
    turns = WriteTurns(timeout=0.2)
    outcome: dict[str, object] = {}
    served: list[str] = []

    def impatient() -> None:
        try:
            with turns.turn():
                served.append("impatient")
        except StoreError as exc:
            outcome["error"] = exc

    def patient() -> None:
        with turns.turn():
            served.append("patient")

    with turns.turn():
        first = threading.Thread(target=impatient)
        first.start()
        first.join(10)
        err = outcome["error"]
        assert isinstance(err, StoreError) and err.code == "store.busy"
        assert "已等待 0.2 秒" in str(err)
        turns.timeout = 10  # the next one waits long enough
        second = threading.Thread(target=patient)
        second.start()
        _wait_until(lambda: turns.waiting() == 2)  # the one that gave up still counts
    second.join(10)
    assert served == ["patient"]
    assert turns.waiting() == 0
    with turns.turn():  # and the next writer has its turn at once
        served.append("next")
    assert served == ["patient", "next"]
