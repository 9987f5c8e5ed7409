"""`POST /api/v1/sync/push` answered in front of the framework's routing.

A push is the protocol's hot path: a worker answers hundreds of single-event pushes a
second. Through FastAPI each one also went through the exception and exit-stack
middleware, the route table and the request/response wrappers — some 25% of a
single-event push's time on the worker (py-spy, 2026-12-06). Here the request is taken
straight off the ASGI interface: the body read under the same size limit (413, as
district.app.BodyLimit answers), the token read from the header, the push handed to the
queue (district.api.push_queue), and every error answered as the app's handlers answer
it (district.errors.response_for). The route stays declared in district.api.sync for the
OpenAPI description; every other request goes on to the app unchanged.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from district.api.deps import bearer_token
from district.api.push_queue import PushQueue
from district.errors import ApiError, response_for
from wire.protocol import API_PREFIX

PUSH_PATH = f"{API_PREFIX}/sync/push"


class _Disconnected(Exception):
    """The client went away before its body arrived: nothing to answer."""


def too_large(max_bytes: int) -> ApiError:
    """The body over the limit: the same answer district.app.BodyLimit gives."""
    return ApiError(413, "too_large", f"请求体超过 {max_bytes} 字节。")


class PushEndpoint:
    """ASGI middleware answering `POST PUSH_PATH` itself (see the module's description)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PUSH_PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        try:
            raw = await self._body(scope, receive)
            header = next((value.decode("latin-1") for name, value in scope["headers"]
                           if name == b"authorization"), None)
            pushes: PushQueue = scope["app"].state.pushes
            response = await pushes.submit(bearer_token(header), raw)
        except _Disconnected:
            return
        except Exception as exc:  # answered as the app's own handlers answer it
            response = response_for(exc)
        await response(scope, receive, send)

    async def _body(self, scope: Scope, receive: Receive) -> bytes:
        for name, value in scope["headers"]:
            if name == b"content-length" and (not value.isdigit()
                                              or int(value) > self.max_bytes):
                raise too_large(self.max_bytes)
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise _Disconnected
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:  # a chunked body announces no length
                raise too_large(self.max_bytes)
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)
