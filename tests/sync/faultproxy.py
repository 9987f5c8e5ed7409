"""A misbehaving HTTP proxy between the station and the district (loopback only, bounded).

Each request gets one fault drawn from a seeded random schedule until `max_faults`
faults have been dealt; after that everything passes, so a test always converges:

* ``drop``      close the connection before forwarding (the district never sees it);
* ``lost``      forward, let the district commit, then close without answering;
* ``truncate``  forward, send half of the answer, close;
* ``cut_headers`` forward, send the status line and part of the headers, close (the
  client sees a 200 whose headers end early and whose body is missing);
* ``500``       answer 500 without forwarding;
* ``503``       answer 503 with ``Retry-After: 0`` without forwarding;
* ``delay``     forward after a pause longer than the client's read timeout;
* ``duplicate`` forward the request twice (two connections), answer with the second.

One request per connection (answers carry ``Connection: close``), which keeps the proxy
simple and makes every fault hit exactly one request.
"""

from __future__ import annotations

import contextlib
import random
import socket
import socketserver
import threading
import time
from collections import Counter
from collections.abc import Sequence

FAULTS = ("drop", "lost", "truncate", "cut_headers", "500", "503", "delay", "duplicate")


def _read_request(sock: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        body += chunk
    return _with_header(head, b"Connection", b"close") + b"\r\n\r\n" + body


def _with_header(head: bytes, name: bytes, value: bytes) -> bytes:
    lines = [ln for ln in head.split(b"\r\n")
             if not ln.lower().startswith(name.lower() + b":")]
    return b"\r\n".join([*lines, name + b": " + value])


def _cut_in_headers(answer: bytes, rng: random.Random) -> bytes:
    """The answer up to a point inside its headers: after the status line, before the
    blank line (at a line end or in the middle of a header, as the rng says)."""
    head = answer.partition(b"\r\n\r\n")[0]
    first = head.find(b"\r\n") + 2
    if first <= 1 or first >= len(head):
        return head
    return head[:rng.randrange(first, len(head))]


def _status(code: int, extra: bytes = b"") -> bytes:
    body = b'{"code":"proxy","message":"injected fault"}'
    return (b"HTTP/1.1 %d Injected\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\nConnection: close\r\n%s\r\n" % (code, len(body), extra)
            + body)


class FaultProxy:
    def __init__(self, upstream_port: int, *, faults: Sequence[str] = FAULTS,
                 probability: float = 0.5, max_faults: int = 30, seed: int = 1,
                 delay: float = 1.5) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.faults = tuple(faults)
        self.probability = probability
        self.max_faults = max_faults
        self.delay = delay
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.dealt: Counter[str] = Counter()
        self.requests = 0
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._handle(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> FaultProxy:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _next_fault(self) -> str:
        with self.lock:
            self.requests += 1
            if sum(self.dealt.values()) >= self.max_faults:
                return "pass"
            if self.rng.random() >= self.probability:
                return "pass"
            fault = self.rng.choice(self.faults)
            self.dealt[fault] += 1
            return fault

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection(self.upstream, timeout=30) as up:
            up.sendall(request)
            chunks = []
            while True:
                chunk = up.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        answer = b"".join(chunks)
        head, sep, body = answer.partition(b"\r\n\r\n")
        return _with_header(head, b"Connection", b"close") + sep + body

    def _handle(self, client: socket.socket) -> None:
        try:
            request = _read_request(client)
            if request is None:
                return
            fault = self._next_fault()
            if fault == "drop":
                return
            if fault == "500":
                client.sendall(_status(500))
                return
            if fault == "503":
                client.sendall(_status(503, b"Retry-After: 0\r\n"))
                return
            if fault == "delay":
                time.sleep(self.delay)
            answer = self._forward(request)
            if fault == "duplicate":
                answer = self._forward(request)
            if fault == "lost":
                return
            if fault == "truncate":
                client.sendall(answer[: max(1, len(answer) // 2)])
                return
            if fault == "cut_headers":
                client.sendall(_cut_in_headers(answer, self.rng))
                return
            client.sendall(answer)
        except OSError:
            pass  # the client gave up (timeout) or the upstream is down: like a real network
        finally:
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)
            client.close()
