"""Backoff, Retry-After, what is retried and what is not; keyring; TLS settings; blobs."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
import requests

from apiclient.http import SyncError
from apiclient.retry import RetryPolicy, TransportError, call, parse_retry_after
from sync import credentials
from sync.client import DistrictClient


def response(status: int, headers: dict[str, str] | None = None) -> requests.Response:
    r = requests.Response()
    r.status_code = status
    r.headers.update(headers or {})
    r._content = b"{}"
    r._content_consumed = True
    r.raw = io.BytesIO(b"{}")
    return r


def scripted(*outcomes: object) -> tuple[Callable[[], requests.Response], list[int]]:
    calls: list[int] = []

    def send() -> requests.Response:
        calls.append(1)
        item = outcomes[len(calls) - 1]
        if isinstance(item, Exception):
            raise item
        assert isinstance(item, requests.Response)
        return item

    return send, calls


def policy(sleeps: list[float], attempts: int = 4, rand: float = 1.0) -> RetryPolicy:
    return RetryPolicy(attempts=attempts, base=0.5, cap=4.0, sleep=sleeps.append,
                       rand=lambda: rand)


def test_full_jitter_backoff_bounds() -> None:
    top = RetryPolicy(base=0.5, cap=4.0, rand=lambda: 1.0)
    assert [top.backoff(n) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert RetryPolicy(rand=lambda: 0.0).backoff(5) == 0.0
    real = RetryPolicy(base=0.5, cap=4.0)
    assert all(0 <= real.backoff(3) <= 4.0 for _ in range(100))


def test_transient_failures_are_retried_then_succeed() -> None:
    sleeps: list[float] = []
    send, calls = scripted(requests.ConnectionError(), requests.Timeout(), response(500),
                           response(200))
    assert call(send, policy(sleeps)).status_code == 200
    assert len(calls) == 4 and sleeps == [0.5, 1.0, 2.0]


def test_attempts_are_bounded() -> None:
    sleeps: list[float] = []
    send, calls = scripted(*[requests.ConnectionError()] * 4)
    with pytest.raises(TransportError):
        call(send, policy(sleeps))
    assert len(calls) == 4 and len(sleeps) == 3
    send, calls = scripted(*[response(503)] * 4)
    assert call(send, policy([])).status_code == 503  # the last answer is handed back
    assert len(calls) == 4


def test_client_errors_are_not_retried() -> None:
    for status in (400, 401, 403, 404, 409, 413, 422):
        send, calls = scripted(response(status), response(200))
        assert call(send, policy([])).status_code == status
        assert len(calls) == 1


def test_retry_after_is_honoured() -> None:
    sleeps: list[float] = []
    send, _ = scripted(response(429, {"Retry-After": "3"}), response(200))
    assert call(send, policy(sleeps, rand=0.0)).status_code == 200
    assert sleeps == [3.0]
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    assert 18 <= (parse_retry_after(when) or 0) <= 21
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    # A wait beyond the policy's patience ends the attempt instead of blocking the round.
    send, calls = scripted(response(503, {"Retry-After": "3600"}), response(200))
    assert call(send, policy([])).status_code == 503 and len(calls) == 1


def test_tls_verification_is_on_by_default(tmp_path: object) -> None:
    assert DistrictClient("https://district.example").session.verify is True
    custom = DistrictClient("https://district.example", ca_bundle="/etc/district-ca.pem")
    assert custom.session.verify == "/etc/district-ca.pem"
    with pytest.raises(SyncError):
        DistrictClient("district.example")


def test_tls_failure_is_explained() -> None:
    client = DistrictClient("https://127.0.0.1:9", retry=RetryPolicy(attempts=1))

    def boom(*_: object, **__: object) -> requests.Response:
        raise requests.exceptions.SSLError("certificate verify failed")

    client.session.request = boom  # type: ignore[method-assign]
    with pytest.raises(TransportError, match="证书"):
        client.health()


def test_keyring_round_trip_and_fail_backend() -> None:
    import keyring
    from keyring.backends import fail

    credentials.store_token("http://d.example", "sdt_secret")
    assert credentials.load_token("http://d.example") == "sdt_secret"
    credentials.delete_token("http://d.example")
    assert credentials.load_token("http://d.example") is None
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not credentials.usable()
        with pytest.raises(credentials.CredentialsError, match="PYTHON_KEYRING_BACKEND"):
            credentials.store_token("http://d.example", "sdt_secret")
        assert credentials.load_token("http://d.example") is None
    finally:
        keyring.set_keyring(previous)
