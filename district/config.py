"""Settings of the district service: where its database lives and the limits it enforces.

Everything a worker needs comes from here (and from the database), so several uvicorn
workers started from the same environment behave identically.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ENV_DB = "STATIONDESK_DISTRICT_DB"
ENV_DATA_DIR = "STATIONDESK_DISTRICT_DATA_DIR"
# The address citizens reach the public progress page at (printed in the receipts' QR
# codes as {public_base_url}/p/{case_no}); "" until the district sets one.
ENV_PUBLIC_URL = "STATIONDESK_DISTRICT_PUBLIC_URL"
ENV_RATING_CHANGE_DAYS = "STATIONDESK_DISTRICT_RATING_CHANGE_DAYS"
DB_FILENAME = "district.sqlite3"
BLOB_TYPES = ("image/jpeg", "image/png", "application/pdf")


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("StationDesk-District", appauthor=False))


def default_db_url() -> str:
    env = os.environ.get(ENV_DB)
    if env:
        return env
    return f"sqlite:///{default_data_dir() / DB_FILENAME}"


# A run of 11 digits or more is a phone number or an ID number (or part of one), never
# part of a server's address: a URL printed on every receipt must carry no person.
_PERSONAL = re.compile(r"\d{11,}|\d{17}[0-9Xx]")
MAX_RATING_CHANGE_DAYS = 365


def normalize_public_url(text: str) -> str:
    """``https://host[:port][/path]`` without a trailing slash, or ValueError saying why
    (in one line, without repeating the text: it may hold what must not be logged).

    The URL is printed on paper and opened by phones: no query, no fragment, no
    credentials, no personal data, and http(s) only."""
    url = text.strip().rstrip("/")
    if not url:
        return ""
    problem = _public_url_problem(url)
    if problem:
        raise ValueError(f"公开访问地址无效：{problem}（应形如 https://zwfw.example.gov.cn/jindu）。")
    return url


def _public_url_problem(url: str) -> str:
    if len(url) > 200:
        return "超过 200 个字符"
    if any(c.isspace() or not c.isprintable() for c in url):
        return "含有空格或控制字符"
    if _PERSONAL.search(url):
        return "含有连续 11 位以上的数字（手机号、身份证号等个人信息不能出现在地址中）"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "须以 http:// 或 https:// 开头"
    if parts.username is not None or parts.password is not None:
        return "不能含有用户名或密码"
    if not parts.hostname:
        return "缺少主机名"
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when asked
    except ValueError:
        return "端口须为 1–65535 的数字"
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return "不能含有查询参数（?）或锚点（#）"
    return ""


def default_public_url() -> str:
    return normalize_public_url(os.environ.get(ENV_PUBLIC_URL, ""))


def parse_rating_change_days(text: str | None) -> int:
    """Days a citizen may change their page rating (default 7), or ValueError saying why."""
    raw = (text or "").strip()
    if not raw:
        return 7
    if not raw.isascii() or not raw.isdigit() or int(raw) > MAX_RATING_CHANGE_DAYS:
        raise ValueError(f"{ENV_RATING_CHANGE_DAYS} 须为 0–{MAX_RATING_CHANGE_DAYS} 的天数，"
                         f"不是“{raw[:20]}”。")
    return int(raw)


def default_rating_change_days() -> int:
    return parse_rating_change_days(os.environ.get(ENV_RATING_CHANGE_DAYS))


def startup_problem(public_url: str | None = None) -> str:
    """What in the environment (or ``--public-url``) keeps the service from starting, in
    one line, or "". Checked before anything is served: a worker would otherwise die
    with a traceback on its first settings."""
    try:
        normalize_public_url(os.environ.get(ENV_PUBLIC_URL, "") if public_url is None
                             else public_url)
        default_rating_change_days()
    except ValueError as exc:
        return str(exc)
    return ""


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Settings:
    db_url: str = field(default_factory=default_db_url)
    max_batch: int = 500  # events + notes per push (DESIGN section 8)
    max_body_bytes: int = 16 * 1024 * 1024  # any request body
    max_blob_bytes: int = 10 * 1024 * 1024
    blob_types: tuple[str, ...] = BLOB_TYPES
    max_pull: int = 1000
    staff_token_hours: int = 12
    enrollment_days: int = 7
    progress_per_minute: int = 20  # lookups per client address
    # Wrong guesses (password, last 4 digits) free of delay per (subject, address); then
    # growing delays up to throttle_max_delay seconds (district.ratelimit, README).
    free_failures: int = 3
    throttle_max_delay: float = 30.0
    # Password checks (argon2) at once per worker: the rest wait without holding a thread.
    password_workers: int = field(default_factory=lambda: max(1, (os.cpu_count() or 2) // 2))
    yellow_ratio: float = 0.8
    # The public progress page (district/progress_page.py): its address as printed, and
    # for how many days after giving it a citizen may change their own rating there.
    public_base_url: str = field(default_factory=default_public_url)
    rating_change_days: int = field(default_factory=default_rating_change_days)
    # 全区通办 lookups and full-record views (district.api.people), counted together: per
    # device in 10 minutes and in a day, per station in a day. A counter serves a person
    # in minutes; a device enumerating the population meets these within the hour.
    recall_device_burst: int = 20
    recall_device_daily: int = 200
    recall_station_daily: int = 500
    migrate: bool = True  # apply migrations at start (workers of `serve` only check)
    clock: Callable[[], datetime] = _utcnow


def normalize_db_url(url: str) -> str:
    """Accept the common spellings and pick the drivers we ship (psycopg 3 for PostgreSQL)."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    if not url.startswith(("sqlite:", "postgresql+psycopg:")):
        # A file path is the friendliest thing to type on the command line.
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url
