"""Group commit for pushes: requests that arrive together share one write transaction.

Every push ends in a commit, and a commit waits for the disk. Under load the requests
of one worker queue up anyway (SQLite has one writer; one interpreter runs one thread at
a time), so instead of N transactions, N commits and N threads contending for the
interpreter lock, the requests waiting at a given moment are handed to one worker thread
together: each is authenticated, parsed and hashed on its own (its own 400, 401, 413 or
422), then all valid ones are judged in order in one transaction and committed once.
Nobody's reply is sent before that commit, so an acknowledgment still means "stored".
A request alone is simply a group of one: nothing waits for company.

Tokens are resolved from a short-lived per-process cache before the body is parsed, and
re-checked inside the transaction, so a token revoked a moment ago stores nothing.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from dataclasses import dataclass, field
from functools import partial

import orjson
from anyio import to_thread
from fastapi import Response
from pydantic import ValidationError as PydanticValidationError

from clerk.errors import QT_TRANSLATE_NOOP
from district.api.deps import AppContext, authenticate, invalid_token, require_station
from district.auth import StationPrincipal, sha256_hex
from district.errors import ApiError
from district.push import BatchRetryError, PushJob, TokenRevokedError, push_group
from wire.protocol import PushRequest

# A group holds the write lock (SQLite) for as long as it is judged: at most 32 requests
# and 8 MB of bodies (about three full 500-event batches; the first request always goes),
# so a reviewer's action waits a fraction of a second at worst.
MAX_GROUP = 32
MAX_GROUP_BYTES = 8 * 1024 * 1024
TOKEN_TTL = 10.0  # seconds a resolved station token is trusted before the transaction


@dataclass
class _Waiting:
    token: str
    raw: bytes
    reply: asyncio.Future[Response]


@dataclass
class _Prepared:
    waiting: _Waiting
    job: PushJob | None = None
    error: Exception | None = None


# Groups judged at the same time by one worker on PostgreSQL, each in its own thread and
# transaction: while one waits for the database server (its writes and its commit), the
# next is parsed and judged, instead of the interpreter and the database working in
# turn. Two groups are as safe as two workers: rows are locked in id order, and a clash
# is judged again (district.push.push_group). Only a large request opens the second
# lane: small ones (single events) do better waiting to share the next group's commit.
# SQLite has one writer, and its writing holds the interpreter: there a second group
# would only wait.
PG_LANES = 2
LANE_BYTES = 256 * 1024  # a request this large is worth a lane of its own


@dataclass
class _LoopQueue:
    pending: list[_Waiting] = field(default_factory=list)
    lanes: int = 0  # drains running (counted down as they stop, before they return)
    tasks: set[asyncio.Task[None]] = field(default_factory=set)  # held until done


class PushQueue:
    """One per application; its queues are per event loop (tests run several loops)."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self._queues: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopQueue] = \
            weakref.WeakKeyDictionary()
        self._tokens: dict[str, tuple[StationPrincipal, float]] = {}

    async def submit(self, token: str, raw: bytes) -> Response:
        loop = asyncio.get_running_loop()
        queue = self._queues.setdefault(loop, _LoopQueue())
        reply: asyncio.Future[Response] = loop.create_future()
        queue.pending.append(_Waiting(token, raw, reply))
        if queue.lanes == 0 or (queue.lanes < PG_LANES and len(raw) >= LANE_BYTES
                                and not self.ctx.db.is_sqlite):
            queue.lanes += 1
            task = loop.create_task(self._drain(queue))
            queue.tasks.add(task)
            task.add_done_callback(queue.tasks.discard)
        return await reply

    async def _drain(self, queue: _LoopQueue) -> None:
        try:
            while queue.pending:
                group = _take(queue)
                try:
                    replies = await to_thread.run_sync(self._run, group)
                except BaseException as exc:
                    for w in group:
                        if not w.reply.done():
                            w.reply.set_exception(exc)
                    if not isinstance(exc, Exception):
                        raise
                    continue
                for w, outcome in zip(group, replies, strict=True):
                    if w.reply.done():  # the client went away; its events are stored anyway
                        continue
                    if isinstance(outcome, Exception):
                        w.reply.set_exception(outcome)
                    else:
                        w.reply.set_result(outcome)
        finally:
            queue.lanes -= 1  # no await since the last look at `pending`

    # --- in the worker thread ----------------------------------------------------------
    def _run(self, group: list[_Waiting]) -> list[Response | Exception]:
        prepared = [self._prepare(w) for w in group]
        jobs = [p.job for p in prepared if p.job is not None]
        outcomes: dict[int, Response | Exception] = {}
        if jobs:
            for job, result in zip(jobs, self._store(jobs), strict=True):
                outcomes[id(job)] = result
        return [p.error if p.error is not None else outcomes[id(p.job)] for p in prepared]

    def _store(self, jobs: list[PushJob]) -> list[Response | Exception]:
        try:
            replies = push_group(self.ctx.db, jobs, self.ctx.now())
        except BatchRetryError:
            busy = ApiError(
                503, "busy",
                QT_TRANSLATE_NOOP("errors", "与并发写入冲突，请稍后重试。"),
                headers={"Retry-After": "1"})
            return [busy for _ in jobs]
        except Exception:
            if len(jobs) == 1:
                raise
            # Something unexpected in one request must not fail the others: each alone.
            return [self._store_alone(job) for job in jobs]
        return [invalid_token() if isinstance(r, TokenRevokedError)
                else Response(r.model_dump_json(), media_type="application/json")
                for r in replies]

    def _store_alone(self, job: PushJob) -> Response | Exception:
        try:
            return self._store([job])[0]
        except Exception as exc:  # reported to that one request (a 500 with its log)
            return exc

    def _prepare(self, w: _Waiting) -> _Prepared:
        try:
            who, cached = self._station(w.token)
            try:
                req = parse_push(w.raw)
                _check_size(req, self.ctx.settings.max_batch)
            except ApiError:
                if cached:  # a revoked token hears 401, whatever its body: ask the database
                    self._tokens.pop(who.token_hash, None)
                    self._station(w.token)
                raise
        except Exception as exc:  # its own 4xx, or its own 500: never the whole group
            return _Prepared(w, error=exc)
        return _Prepared(w, job=PushJob(who.station_code, req, token_hash=who.token_hash,
                                        revoked=partial(self._forget, who.token_hash),
                                        device_no=who.device_no))

    def _forget(self, token_hash: str) -> None:
        """A token found revoked inside the transaction is not trusted from the cache."""
        self._tokens.pop(token_hash, None)

    def _station(self, token: str) -> tuple[StationPrincipal, bool]:
        """The calling station, and whether it came from the cache (not the database)."""
        digest = sha256_hex(token)
        cached = self._tokens.get(digest)
        if cached is not None and cached[1] > time.monotonic():
            return cached[0], True
        who = require_station(authenticate(self.ctx, token))
        if len(self._tokens) > 10_000:  # stations are hundreds; this is only a guard
            self._tokens.clear()
        self._tokens[digest] = (who, time.monotonic() + TOKEN_TTL)
        return who, False

def _check_size(req: PushRequest, limit: int) -> None:
    size = len(req.events) + len(req.notes)
    if size > limit:
        raise ApiError(
            413, "batch.too_large",
            QT_TRANSLATE_NOOP("errors", "一批最多 {limit} 条事件和留言，本批 {size} 条；"
                                        "请分批推送。"),
            params={"limit": limit, "size": size})


def _take(queue: _LoopQueue) -> list[_Waiting]:
    group: list[_Waiting] = []
    size = 0
    while queue.pending and len(group) < MAX_GROUP:
        nxt = queue.pending[0]
        if group and size + len(nxt.raw) > MAX_GROUP_BYTES:
            break
        group.append(queue.pending.pop(0))
        size += len(nxt.raw)
    return group


def parse_push(raw: bytes) -> PushRequest:
    """The request body as a PushRequest, or the 400/422 that says what is wrong.

    orjson parses the body and pydantic validates the Python objects: three times faster
    than pydantic parsing the JSON itself, because the payloads (free-form dicts) are
    then not walked twice. What orjson refuses (integers beyond 64 bits, broken JSON)
    goes through pydantic's own parser, which accepts or explains exactly as before.
    """
    try:
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            return PushRequest.model_validate_json(raw)
        return PushRequest.model_validate(data)
    except PydanticValidationError as exc:
        raise invalid(exc) from None


def invalid(exc: PydanticValidationError) -> ApiError:
    errors = [{"loc": list(e["loc"]), "type": e["type"], "msg": e["msg"]} for e in exc.errors()]
    if any(e["type"] == "json_invalid" for e in errors):
        return ApiError(
            400, "malformed_json",
            QT_TRANSLATE_NOOP("errors", "请求体不是有效的 JSON。"),
            extra={"errors": errors})
    return ApiError(
        422, "invalid",
        QT_TRANSLATE_NOOP("errors", "请求内容不符合接口定义（见 errors）。"),
        extra={"errors": errors})
