"""`serve --workers N` (district.balancer): connections go to the worker holding the
fewest, a worker that dies is replaced, a stop ends every worker, an application that
cannot start stops the service. Real processes, real sockets; which worker holds a
connection is read from /proc (the server-side socket's inode among the worker's
descriptors)."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.districtkit import API, ROOT, ServerProcess, free_port

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads /proc")]


def _workers(parent: int) -> list[int]:
    """The worker processes of the server whose parent is `parent`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat[1]) == parent and b"spawn_main" in cmdline:
            found.append(int(entry.name))
    return sorted(found)


def _server_inode(server_port: int, client_port: int) -> str | None:
    """The inode of the server's end of the loopback connection from `client_port`."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, inode = fields[1], fields[2], fields[9]
        if int(local.split(":")[1], 16) == server_port \
                and int(remote.split(":")[1], 16) == client_port:
            return inode
    return None


def _served_sockets(server_port: int) -> int:
    """Connections the server still holds open (its end has a descriptor), the
    listening socket aside. A worker tells the parent that a connection closed before
    it closes the descriptor (district.balancer._counted), so once this is 0 every
    closing is told."""
    held = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, inode = fields[1], fields[2], fields[9]
        if int(local.split(":")[1], 16) == server_port and remote.split(":")[1] != "0000" \
                and inode != "0":
            held += 1
    return held


def _holder(workers: list[int], inode: str) -> int | None:
    for pid in workers:
        try:
            links = [os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()]
        except OSError:
            continue
        if f"socket:[{inode}]" in links:
            return pid
    return None


def _wait_for(check: Callable[[], bool], seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("not reached in time")
        time.sleep(0.05)


class _Clients:
    """Keep-alive connections to the server, each having answered one request."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.open: list[http.client.HTTPConnection] = []

    def connect(self, n: int) -> list[http.client.HTTPConnection]:
        new = [http.client.HTTPConnection("127.0.0.1", self.port, timeout=10) for _ in range(n)]
        for conn in new:
            conn.connect()  # all connected first: they wait together, as stations at once
        for conn in new:
            conn.request("GET", f"{API}/health")
            reply = conn.getresponse()
            reply.read()
            assert reply.status == 200
        self.open += new
        return new

    def holders(self, conns: list[http.client.HTTPConnection], parent: int) -> list[int | None]:
        workers = _workers(parent)
        out = []
        for conn in conns:
            assert conn.sock is not None
            inode = _server_inode(self.port, conn.sock.getsockname()[1])
            out.append(None if inode is None else _holder(workers, inode))
        return out

    def close(self) -> None:
        for conn in self.open:
            conn.close()


def _both_serving(proc: ServerProcess) -> None:
    """Until a connection has been served by each worker (a worker gets connections
    only once its application has started)."""
    assert proc.proc is not None
    parent, seen = proc.proc.pid, set[int]()
    deadline = time.monotonic() + 30
    while len(seen) < 2 and time.monotonic() < deadline:
        clients = _Clients(proc.port)
        try:
            seen.update(pid for pid in clients.holders(clients.connect(1), parent) if pid)
        finally:
            clients.close()
        time.sleep(0.05)
    assert len(seen) == 2, seen
    _wait_for(lambda: _served_sockets(proc.port) == 0)  # the probes' closings are told


@pytest.fixture
def two_workers(sqlite_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    with ServerProcess(sqlite_url, workers=2, log=tmp_path / "server.log") as proc:
        _both_serving(proc)
        yield proc


def test_connections_go_to_the_worker_holding_fewest(two_workers: ServerProcess) -> None:
    assert two_workers.proc is not None
    parent = two_workers.proc.pid
    clients = _Clients(two_workers.port)
    try:
        first = clients.connect(4)
        held = clients.holders(first, parent)
        assert None not in held
        counts = Counter(held)
        assert sorted(counts.values()) == [2, 2], counts  # never 3-1 or 4-0
        # The two connections of one worker close: the next two both go to it.
        emptied = held[0]
        for conn, pid in zip(first, held, strict=True):
            if pid == emptied:
                conn.close()
        _wait_for(lambda: _served_sockets(two_workers.port) == 2)  # those closings told
        second = clients.connect(2)
        assert clients.holders(second, parent) == [emptied, emptied]
    finally:
        clients.close()


def test_the_first_answer_means_every_worker_is_up(sqlite_url: str, tmp_path: Path) -> None:
    """Connections wait until all workers are ready: the moment /health first answers,
    four stations connecting at once are already split 2-2 (a push begun right after the
    service came up used to land on the one worker that had started)."""
    with ServerProcess(sqlite_url, workers=2, log=tmp_path / "server.log") as proc:
        assert proc.proc is not None
        # The start-up probe's connection (ServerProcess asks /health until answered)
        # has closed: that closing is told before four stations connect at once.
        _wait_for(lambda: _served_sockets(proc.port) == 0)
        clients = _Clients(proc.port)
        try:
            held = clients.holders(clients.connect(4), proc.proc.pid)
            assert sorted(Counter(held).values()) == [2, 2], held
        finally:
            clients.close()


def test_a_worker_that_dies_is_replaced(two_workers: ServerProcess) -> None:
    assert two_workers.proc is not None
    parent = two_workers.proc.pid
    victim, survivor = _workers(parent)
    os.kill(victim, signal.SIGKILL)
    _wait_for(lambda: len(set(_workers(parent)) - {victim, survivor}) == 1)
    replacement = next(pid for pid in _workers(parent) if pid not in (victim, survivor))
    _both_serving(two_workers)
    clients = _Clients(two_workers.port)
    try:
        held = clients.holders(clients.connect(4), parent)
        assert Counter(held) == {survivor: 2, replacement: 2}
    finally:
        clients.close()


def test_a_stop_ends_every_worker(two_workers: ServerProcess) -> None:
    proc = two_workers.proc
    assert proc is not None
    workers = _workers(proc.pid)
    os.kill(proc.pid, signal.SIGTERM)  # the parent alone, as systemd's stop does first
    assert proc.wait(30) == 0
    _wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers))


def test_an_application_that_cannot_start_stops_the_service(tmp_path: Path) -> None:
    """Not restarted in a loop: the parent exits with 1 once a worker failed to start."""
    script = textwrap.dedent(f"""
        import sys, uvicorn
        from district import balancer
        config = uvicorn.Config("tests.district.no_such_module:app", port={free_port()},
                                workers=2, log_level="critical")
        sys.exit(balancer.serve(config, 2))
    """)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          timeout=60)
    assert done.returncode == 1, done.stderr[-2000:]
    assert time.monotonic() - started < 30


def test_a_hung_worker_is_replaced(two_workers: ServerProcess) -> None:
    """A worker that stops answering (here: stopped) is killed and replaced, so half the
    stations' connections do not hang on it."""
    assert two_workers.proc is not None
    parent = two_workers.proc.pid
    hung, other = _workers(parent)
    os.kill(hung, signal.SIGSTOP)
    _wait_for(lambda: len(set(_workers(parent)) - {hung, other}) == 1, seconds=30)
    _wait_for(lambda: not Path(f"/proc/{hung}").exists())  # killed and reaped
    _both_serving(two_workers)


def test_workers_stop_when_the_parent_is_killed(two_workers: ServerProcess) -> None:
    """No orphans left holding connections nobody hands them: a worker whose parent is
    gone finishes its requests and exits."""
    proc = two_workers.proc
    assert proc is not None
    workers = _workers(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    _wait_for(lambda: not any(Path(f"/proc/{pid}/cmdline").exists()
                              and Path(f"/proc/{pid}/cmdline").read_bytes()
                              for pid in workers))


@pytest.mark.parametrize("given", ["0", "-2", "65", "two"])
def test_a_wrong_number_of_workers_is_refused(given: str) -> None:
    done = subprocess.run([sys.executable, "-m", "district", "serve", "--workers", given],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "--workers" in done.stderr
