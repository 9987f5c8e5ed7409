"""`python -m district check`: is this configuration fit to start the service?

Run by the systemd unit before the service starts (ExecStartPre) and by an administrator
after editing /etc/stationdesk/district.env. Every check runs, so one run lists every
problem; each finding says what was found and, for a problem, what to do.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from clerk.errors import StoreError
from district import crypto
from district.schema import DISTRICT


@dataclass(frozen=True)
class Secret:
    """An environment variable the service needs (kept out of the database)."""

    env: str
    what: str


# The secrets the configuration requires: `check` refuses to start without them.
REQUIRED_SECRETS: tuple[Secret, ...] = (
    Secret(crypto.ENV_KEY, "证件号码和电话的数据加密密钥"),
)


@dataclass(frozen=True)
class Finding:
    ok: bool
    text: str

    def line(self) -> str:
        return f"{'通过' if self.ok else '问题'}：{self.text}"


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def check_data_dir(data_dir: Path) -> Finding:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=data_dir, prefix=".check-"):
            pass
    except OSError as exc:
        return Finding(False, f"数据目录 {data_dir} 不可写（{exc.strerror}）。请创建它并交给"
                              "服务账号：chown stationdesk-district: 该目录。")
    return Finding(True, f"数据目录 {data_dir} 可写。")


def check_database(url: str) -> list[Finding]:
    connect_args = {"connect_timeout": 5} if url.startswith("postgresql") else {}
    engine = create_engine(url, connect_args=connect_args)
    try:
        try:
            revision = DISTRICT.current_revision(engine)
        except StoreError as exc:
            return [Finding(False, f"数据库 {_safe(url)}：{exc.message}")]
        except Exception as exc:  # any driver's connection error: worded, not a traceback
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return [Finding(False, f"无法连接数据库 {_safe(url)}（{reason}）。请检查"
                                   "STATIONDESK_DISTRICT_DB、数据库服务和账号权限。")]
    finally:
        engine.dispose()
    found = [Finding(True, f"数据库 {_safe(url)} 可以连接。")]
    if revision == DISTRICT.head:
        found.append(Finding(True, f"数据库结构是最新版本（{revision}）。"))
    elif revision is None or revision in DISTRICT.known:
        found.append(Finding(True, f"数据库结构为 {revision or '（空）'}，启动时将迁移到 "
                                   f"{DISTRICT.head}。"))
    else:
        found.append(Finding(False, f"数据库版本 {revision} 来自更新版本的区中心服务，本程序"
                                    "无法安全使用它。请安装新版本，数据未被改动。"))
    return found


def _secret_value(s: Secret, env: dict[str, str]) -> str | None:
    if s.env == crypto.ENV_KEY:  # also from the file STATIONDESK_DISTRICT_KEY_FILE names
        return crypto.configured_text(env)
    return env.get(s.env) or None


def _secret_finding(s: Secret, env: dict[str, str]) -> Finding:
    value = _secret_value(s, env)
    if not value:
        return Finding(False, f"缺少 {s.what}：请在 /etc/stationdesk/district.env 中设置 "
                              f"{s.env}。")
    if s.env == crypto.ENV_KEY:
        try:
            ring = crypto.Keyring.parse(value)
        except crypto.CryptoError as exc:
            return Finding(False, exc.message)
        return Finding(True, f"{s.what}（{s.env}）已配置：当前密钥 {ring.current.key_id}，"
                             f"共 {len(ring.keys)} 个。")
    return Finding(True, f"{s.what}（{s.env}）已配置。")


def check_secrets(env: dict[str, str] | None = None) -> list[Finding]:
    env = dict(os.environ) if env is None else env
    return [_secret_finding(s, env) for s in REQUIRED_SECRETS]


def check_public_url(env: dict[str, str] | None = None) -> Finding:
    """The progress page's address (optional: without it stations print no QR code)."""
    from district.config import ENV_PUBLIC_URL, normalize_public_url

    env = dict(os.environ) if env is None else env
    try:
        url = normalize_public_url(env.get(ENV_PUBLIC_URL, ""))
    except ValueError as exc:
        return Finding(False, f"{ENV_PUBLIC_URL}：{exc}")
    if not url:
        return Finding(True, f"未设置办件进度页的公开地址（{ENV_PUBLIC_URL}）：站点的回执不印"
                             "二维码，只印办件编号和查询方式。")
    return Finding(True, f"办件进度页的公开地址：{url}（回执二维码为 {url}/p/办件编号）。")


def check_rating_change_days(env: dict[str, str] | None = None) -> Finding:
    """How long a citizen may change a page rating (optional: 7 days)."""
    from district.config import ENV_RATING_CHANGE_DAYS, parse_rating_change_days

    env = dict(os.environ) if env is None else env
    try:
        days = parse_rating_change_days(env.get(ENV_RATING_CHANGE_DAYS))
    except ValueError as exc:
        return Finding(False, str(exc))
    return Finding(True, f"申请人可在 {days} 天内修改办件进度页上的评价。")


def run_checks(db_url: str, data_dir: Path) -> list[Finding]:
    return [check_data_dir(data_dir), *check_database(db_url), *check_secrets(),
            check_public_url(), check_rating_change_days()]
