"""The district service's FastAPI application: `create_app(settings)`.

The database is opened (and migrated) when the app is created, so a worker that starts
serves a current schema or does not start at all. Every route lives under /api/v1; the
OpenAPI document is at /openapi.json.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic.json_schema import models_json_schema
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from district import __version__, errors, progress_page
from district.api import admin as admin_api
from district.api import auth as auth_api
from district.api import blobs, cases, public, reference, reports, review_queue
from district.api import oversight as oversight_api
from district.api import people as people_api
from district.api import sync as sync_api
from district.api.deps import AppContext
from district.api.push_endpoint import PushEndpoint
from district.api.push_queue import PushQueue
from district.config import ENV_DB, Settings
from district.db import Database
from wire.protocol import API_PREFIX, PushRequest


class BodyLimit:
    """Refuse request bodies over the limit with 413 before they are read into memory."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and (not value.isdigit()
                                              or int(value) > self.max_bytes):
                await self._too_large(send)
                return
        seen = 0
        too_large = False

        async def limited() -> Message:
            nonlocal seen, too_large
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:  # chunked bodies announce no length
                    too_large = True
                    raise _TooLargeError
            return message

        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited, tracking_send)
        except _TooLargeError:
            if not started:
                await self._too_large(send)
        except Exception:
            if too_large and not started:
                await self._too_large(send)
            else:
                raise

    async def _too_large(self, send: Send) -> None:
        message = f"请求体超过 {self.max_bytes} 字节。"
        body = json.dumps({"code": "too_large", "message": message}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class _TooLargeError(Exception):
    pass


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    db = Database(settings.db_url, migrate=settings.migrate)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(title="StationDesk 区政务服务中心服务", version=__version__, lifespan=lifespan,
                  description="站点同步（登记、推送、拉取、扫描件、台账）、审核与代办、监察、进度查询。",
                  # No OpenTelemetry here: without this, every request asks for providers.
                  telemetry={"tracing": False, "metrics": False, "logs": False})
    app.state.ctx = AppContext(settings=settings, db=db)
    app.state.pushes = PushQueue(app.state.ctx)
    errors.install(app)
    # The station's sync endpoints first: they carry nearly all the traffic, and routes
    # are matched in the order their routers were included.
    for module in (sync_api, blobs, public, auth_api, reference, cases, reports,
                   review_queue, oversight_api, admin_api, people_api):
        app.include_router(module.router, prefix=API_PREFIX)
    app.include_router(progress_page.router)  # the citizens' page, outside the API
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    # Added last, so it is the outermost of ours: pushes skip the rest (its description).
    app.add_middleware(PushEndpoint, max_bytes=settings.max_body_bytes)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version,
                                 description=app.description, routes=app.routes)
            # The push body is parsed by hand (413 before work); describe it all the same.
            _, defs = models_json_schema([(PushRequest, "validation")],
                                         ref_template="#/components/schemas/{model}")
            schema.setdefault("components", {}).setdefault("schemas", {}).update(
                defs.get("$defs", {}))
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    return app


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` workers: settings from the environment."""
    app = create_app(Settings(db_url=os.environ[ENV_DB],
                              migrate=os.environ.get("STATIONDESK_DISTRICT_MIGRATE") == "1"))
    tune_gc()
    return app


# A push of 500 events allocates some 100,000 short-lived dicts and lists. With the
# interpreter's default thresholds they set off dozens of young collections per request
# and, now and then, a full one over every object of the application: a third of the
# time of a large push went there. The server's own objects (modules, routes, compiled
# statements) live as long as the process, so they are frozen out of collection, and
# young collections run every 50,000 allocations instead of every 700.
GC_THRESHOLDS = (50_000, 20, 100)


def tune_gc() -> None:
    """For server processes only (not for code that imports the app, such as tests)."""
    if os.environ.get("STATIONDESK_DISTRICT_GC") == "default":
        return
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
