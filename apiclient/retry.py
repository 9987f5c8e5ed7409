"""Retrying HTTP calls: exponential backoff with full jitter, honouring Retry-After.

Only what may succeed on a second try is retried: connection failures, timeouts, broken
responses, 5xx and 429. Every other 4xx is an answer (the request itself is wrong) and
is returned at once. Attempts are bounded; the last failure is reported to the caller.
Retrying a push is safe because event ids are idempotency keys.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import requests

from clerk.errors import QT_TRANSLATE_NOOP, WordedError

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
TRANSIENT_ERRORS: tuple[type[Exception], ...] = (
    requests.ConnectionError,
    requests.Timeout,
    requests.exceptions.ChunkedEncodingError,
    requests.exceptions.ContentDecodingError,
)


class TransportError(WordedError):
    """The district could not be reached (after retries)."""

    def __init__(self, message: str, *, status: int | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, params)
        self.status = status


@dataclass
class RetryPolicy:
    attempts: int = 6
    base: float = 0.5  # seconds; the n-th retry waits up to base * 2**n
    cap: float = 30.0
    max_retry_after: float = 120.0  # a longer Retry-After ends the round instead
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    rand: Callable[[], float] = field(default=random.random, repr=False)

    def backoff(self, attempt: int) -> float:
        """Full jitter: uniform between 0 and the exponential ceiling."""
        return self.rand() * min(self.cap, self.base * (2 ** attempt))


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def call(send: Callable[[], requests.Response], policy: RetryPolicy,
         on_retry: Callable[[int, str], None] | None = None) -> requests.Response:
    """Call `send` until it gives a final answer or the attempts run out."""
    last_error = ""
    for attempt in range(policy.attempts):
        final = attempt == policy.attempts - 1
        try:
            resp = send()
        except requests.exceptions.SSLError:
            raise  # a certificate problem does not go away by asking again
        except TRANSIENT_ERRORS as exc:
            last_error = f"{type(exc).__name__}"
            if final:
                # Worded for the clerk; the exception's name stays in the chained
                # exception (logs) and in params["error"] for the details.
                raise TransportError(
                    QT_TRANSLATE_NOOP("errors",
                                      "无法连接区中心：网络不通，或区中心服务器暂时没有响应"
                                      "（已试 {attempts} 次）。本站照常办件，网络恢复后会自动"
                                      "同步；如持续半天以上，请联系区中心。"),
                    params={"error": last_error, "attempts": policy.attempts}) from exc
            wait = policy.backoff(attempt)
        else:
            if resp.status_code not in RETRY_STATUSES:
                return resp
            last_error = f"HTTP {resp.status_code}"
            retry_after = parse_retry_after(resp.headers.get("Retry-After"))
            if final or (retry_after is not None and retry_after > policy.max_retry_after):
                return resp
            # Honour the server's wish, never wait less than the jittered backoff.
            wait = max(retry_after or 0.0, policy.backoff(attempt))
            resp.close()
        if on_retry is not None:
            on_retry(attempt + 1, last_error)
        policy.sleep(wait)
    raise AssertionError("unreachable")
