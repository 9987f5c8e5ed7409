"""`serve --workers N`: the supervisor accepts every connection and hands it to the worker
holding the fewest, so N stations pushing at once keep N cores busy.

Under uvicorn's own supervisor the workers share one listening socket and the first to
wake accepts every connection waiting: four stations connecting together were split
2-2, 3-1 or 4-0 between two workers (per-worker CPU, 2026-12-06), and a 4-0 split leaves
one core idle while the other does all the work — 7,400 events/s against 10,400-11,000
balanced. Here the parent process listens; each connection it accepts goes, as a file
descriptor over a Unix socket pair (SCM_RIGHTS), to the worker with the fewest open
connections (ties in turn). Workers say when a connection closes and when they are
ready, so the count stays exact. This is how Node's cluster module spreads connections,
for the same reason. A worker serves what it is handed exactly as uvicorn serves what it
accepts itself (the same protocol class, server state and graceful shutdown).

The service answers once every worker is ready (connections wait in the kernel's
backlog until then), so its first answer means all of it is up. The parent restarts a
worker that dies once it had served; one that dies before it was ready (the application
cannot start: a bad database, a missing key) stops the service, exit 1, rather than
restarting it in a loop. SIGINT or SIGTERM stops accepting, passes
SIGTERM to the workers (each finishes its requests) and waits for them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import selectors
import signal
import socket
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.context import SpawnProcess
from typing import Any

import uvicorn

logger = logging.getLogger("uvicorn.error")

READY, CLOSED, CONNECTION, PING, PONG = b"r", b"-", b"c", b"?", b"!"
PING_EVERY_S = 1.0  # a worker's event loop is asked this often whether it still turns
STOP_WAIT_S = 30.0  # how long the workers may take to finish their requests at a stop
# At start, connections wait (in the kernel's backlog) until every worker is ready, so the
# first answer means the whole service is up; a worker slower than this does not hold
# the others back.
START_WAIT_S = 60.0
_SPAWN = multiprocessing.get_context("spawn")


def supported() -> bool:
    """Passing descriptors needs SCM_RIGHTS (every Unix; not Windows)."""
    return hasattr(socket, "send_fds") and hasattr(socket, "AF_UNIX")


# --------------------------------------------------------------------------- the worker


def _counted(base: type[Any], channel: socket.socket) -> type[Any]:
    """uvicorn's protocol class, telling the parent when a connection has closed."""

    class Counted(base):
        def connection_lost(self, exc: Exception | None) -> None:
            super().connection_lost(exc)
            with contextlib.suppress(OSError):
                channel.send(CLOSED)

    return Counted


class HandedServer(uvicorn.Server):
    """A uvicorn server that listens on nothing and serves the connections its parent
    hands over on `channel`."""

    def __init__(self, config: uvicorn.Config, channel: socket.socket) -> None:
        super().__init__(config)
        self.channel = channel
        self._protocol: type[Any] | None = None
        self._adopting: set[asyncio.Task[Any]] = set()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=[])  # the application's startup; no listener
        if not self.started:
            return
        loop = asyncio.get_running_loop()
        self._protocol = _counted(self.config.http_protocol_class, self.channel)
        self.channel.setblocking(False)
        loop.add_reader(self.channel.fileno(), self._adopt, loop)
        self.channel.send(READY)

    def _adopt(self, loop: asyncio.AbstractEventLoop) -> None:
        while True:
            try:
                message, fds, _flags, _addr = socket.recv_fds(self.channel, 16, 64)
            except BlockingIOError:
                return
            except OSError:
                message, fds = b"", []
            if not message and not fds:  # the parent is gone: finish what is open, stop
                loop.remove_reader(self.channel.fileno())
                self.should_exit = True
                return
            if message == PING:
                with contextlib.suppress(OSError):
                    self.channel.send(PONG)
            for fd in fds:
                task = loop.create_task(self._take_up(loop, socket.socket(fileno=fd)))
                self._adopting.add(task)
                task.add_done_callback(self._adopting.discard)

    async def _take_up(self, loop: asyncio.AbstractEventLoop, sock: socket.socket) -> None:
        try:
            await loop.connect_accepted_socket(self._new_protocol, sock)
        except OSError:  # the client left before the worker took it up
            sock.close()
            with contextlib.suppress(OSError):
                self.channel.send(CLOSED)

    def _new_protocol(self) -> asyncio.Protocol:
        assert self._protocol is not None
        protocol: asyncio.Protocol = self._protocol(
            config=self.config, server_state=self.server_state, app_state=self.lifespan.state)
        return protocol

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        with contextlib.suppress(Exception):  # no more connections from the parent
            asyncio.get_running_loop().remove_reader(self.channel.fileno())
        await super().shutdown(sockets=sockets)


def _worker(config: uvicorn.Config, channel: socket.socket) -> None:
    """A worker process's entry point (spawned: a fresh interpreter, as uvicorn's own)."""
    config.configure_logging()
    with contextlib.suppress(KeyboardInterrupt):
        HandedServer(config, channel).run()


# --------------------------------------------------------------------------- the parent


@dataclass
class _Worker:
    process: SpawnProcess
    channel: socket.socket  # the parent's end of the pair
    load: int = 0  # connections handed over and not yet closed
    ready: bool = False
    gone: bool = False
    heard: float = 0.0  # when it last answered (monotonic)
    asked: float | None = None  # when a ping went unanswered so far


class Balancer:
    """The parent process: listens, hands out connections, keeps the workers running."""

    def __init__(self, config: uvicorn.Config, count: int) -> None:
        self.config = config
        self.count = count
        self.workers: list[_Worker] = []
        self.waiting: deque[socket.socket] = deque()  # accepted, not yet handed over
        self.turn = 0
        self.failed = False
        self.stopping = False
        self.accepting = False
        self.opened = False  # every worker was ready once (or START_WAIT_S passed)
        self.open_by = time.monotonic() + START_WAIT_S
        self.selector = selectors.DefaultSelector()
        self.listener = config.bind_socket()  # logs "Uvicorn running on …" as uvicorn does

    def run(self) -> int:
        self.listener.listen(self.config.backlog)
        self.listener.setblocking(False)
        wake_r, wake_w = socket.socketpair()
        for end in (wake_r, wake_w):
            end.setblocking(False)
        previous = {sig: signal.signal(sig, self._on_signal)
                    for sig in (signal.SIGINT, signal.SIGTERM)}
        old_wakeup = signal.set_wakeup_fd(wake_w.fileno())  # a signal ends the select
        self.selector.register(wake_r, selectors.EVENT_READ, "wake")
        try:
            self.workers = [self._start() for _ in range(self.count)]
            while not self.stopping:
                for key, _ in self.selector.select(timeout=0.5):
                    self._on_ready(key.data, key.fileobj)
                self._ping()
                self._reap()
                self._hand_out()
        finally:
            signal.set_wakeup_fd(old_wakeup)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self.selector.close()
            self.listener.close()
            for sock in self.waiting:
                sock.close()
            self._stop_workers()
            wake_r.close()
            wake_w.close()
        return 1 if self.failed else 0

    def _on_signal(self, signum: int, _frame: Any) -> None:
        self.stopping = True

    def _start(self) -> _Worker:
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        process = _SPAWN.Process(target=_worker, args=(self.config, theirs))
        process.start()
        theirs.close()
        mine.setblocking(False)
        worker = _Worker(process, mine)
        self.selector.register(mine, selectors.EVENT_READ, worker)
        return worker

    def _on_ready(self, what: Any, sock: Any) -> None:
        if what == "wake":
            with contextlib.suppress(OSError):
                sock.recv(512)
        elif what == "listener":
            self._accept()
        else:
            self._hear(what)

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                break
            except OSError as exc:  # out of descriptors, say: keep serving, without spinning
                logger.warning("accept failed: %s", exc)
                time.sleep(0.05)
                break
            if conn.family in (socket.AF_INET, socket.AF_INET6):
                # small answers go out at once, as from uvicorn's own listener
                conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.waiting.append(conn)
        self._hand_out()

    def _hand_out(self) -> None:
        if not self.opened:
            self.opened = all(w.ready for w in self.workers) or time.monotonic() > self.open_by
        if self.waiting and self.opened:
            # What the workers have told already counts: a closing that is queued on a
            # channel, unread because the listener's event came first in this turn of
            # the loop, would otherwise send the next connection past an emptier worker.
            for w in self.workers:
                if not w.gone:
                    self._read(w)
        while self.waiting and self.opened:
            live = [w for w in self.workers if w.ready and not w.gone]
            if not live:
                break
            # The fewest open connections; among equals, in turn.
            start = self.turn % len(live)
            worker = min(live[start:] + live[:start], key=lambda w: w.load)
            self.turn += 1
            conn = self.waiting.popleft()
            try:
                socket.send_fds(worker.channel, [CONNECTION], [conn.fileno()])
            except OSError as exc:  # gone, or not taking up what it is handed: another
                self.waiting.appendleft(conn)
                self._give_up(worker, exc)
                continue
            worker.load += 1
            conn.close()  # the worker holds its own copy now
        # With no worker to take them, new connections wait in the kernel's backlog
        # (bounded) rather than here.
        self._listening(self.opened and any(w.ready and not w.gone for w in self.workers))

    def _listening(self, on: bool) -> None:
        if on != self.accepting:
            self.accepting = on
            if on:
                self.selector.register(self.listener, selectors.EVENT_READ, "listener")
            else:
                self.selector.unregister(self.listener)

    def _give_up(self, worker: _Worker, exc: OSError) -> None:
        """A worker that cannot be handed a connection, or does not answer, is replaced
        (`_reap`): one whose queue of descriptors is full has not looked at it for
        thousands of them."""
        worker.gone = True
        if worker.process.is_alive() and not self.stopping:
            logger.error("worker process [%s] does not answer (%s): killing it",
                         worker.process.pid, exc)
            worker.process.kill()

    def _hear(self, worker: _Worker) -> None:
        self._read(worker)
        self._hand_out()

    def _read(self, worker: _Worker) -> None:
        """Take in every message waiting on the worker's channel (without blocking)."""
        while True:
            try:
                message = worker.channel.recv(16)
            except BlockingIOError:
                break
            except OSError:
                message = b""
            if message in (READY, PONG):
                worker.ready, worker.heard, worker.asked = True, time.monotonic(), None
            elif message == CLOSED:
                worker.load = max(0, worker.load - 1)
            elif not message:  # the worker's end closed: it has exited
                worker.gone = True
                with contextlib.suppress(KeyError, ValueError):
                    self.selector.unregister(worker.channel)
                break

    def _ping(self) -> None:
        """Ask each worker's event loop whether it turns; one that has not answered for
        the health-check timeout (a hung process) is killed and replaced, as uvicorn's
        supervisor does."""
        now = time.monotonic()
        for worker in self.workers:
            if not worker.ready or worker.gone:
                continue
            if worker.asked is None:
                if now - worker.heard >= PING_EVERY_S:
                    with contextlib.suppress(OSError):
                        worker.channel.send(PING)
                    worker.asked = now
            elif now - worker.asked > self.config.timeout_worker_healthcheck:
                self._give_up(worker, TimeoutError("no answer to a health check"))

    def _reap(self) -> None:
        """Replace the workers that died after they were ready; a worker that never got
        ready means the application cannot start: stop."""
        for k, worker in enumerate(self.workers):
            if worker.process.is_alive() or self.stopping:
                continue
            worker.process.join()
            with contextlib.suppress(KeyError, ValueError):
                self.selector.unregister(worker.channel)
            worker.channel.close()
            worker.gone = True  # its channel is closed: nothing more is read from it
            if not worker.ready:
                logger.error("worker process [%s] did not start (exit %s): stopping",
                             worker.process.pid, worker.process.exitcode)
                self.failed = self.stopping = True
                return
            logger.warning("worker process [%s] died (exit %s): starting another",
                           worker.process.pid, worker.process.exitcode)
            self.workers[k] = self._start()

    def _stop_workers(self) -> None:
        for worker in self.workers:
            if worker.process.is_alive():
                with contextlib.suppress(OSError):
                    worker.process.terminate()  # SIGTERM: uvicorn's graceful shutdown
        deadline = time.monotonic() + STOP_WAIT_S
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            with contextlib.suppress(OSError):
                worker.channel.close()


def serve(config: uvicorn.Config, workers: int) -> int:
    """Run `workers` workers behind one listening socket; the exit status."""
    return Balancer(config, workers).run()
