"""Shared plumbing of `python -m clerk`: context, output, errors, plugin registration."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from clerk.errors import StationDeskError, ValidationError
from clerk.paths import resolve_data_dir
from clerk.store import DB_FILENAME
from clerk.workspace import Workspace

Handler = Callable[[argparse.Namespace, "CliContext"], int]


@dataclass
class CliContext:
    data_dir: Path
    json_output: bool
    _ws: Workspace | None = field(default=None, repr=False)

    def workspace(self, *, create: bool = False) -> Workspace:
        """The station's workspace; refuses an uninitialised directory unless creating."""
        if self._ws is None:
            if not create and not (self.data_dir / DB_FILENAME).exists():
                raise StationDeskError(
                    f"数据目录 {self.data_dir} 中没有站点数据。请先运行 "
                    "`python -m clerk init --station-code … --station-name … --admin …`，"
                    "或用 --data-dir 指定已有的数据目录。", code="station.uninitialised")
            self._ws = Workspace.open(self.data_dir)
            # A command waits for what the window does behind its counter (a no-op read
            # unless an upgrade or a calendar left something to work out).
            self._ws.settle_after_open()
        return self._ws

    def emit(self, data: Any, text: str | Callable[[], str]) -> None:
        """Print `data` as JSON with --json, else the human text."""
        if self.json_output:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))
        else:
            print(text() if callable(text) else text)

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()


def _json_default(obj: Any) -> Any:
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if isinstance(obj, Path):
        return str(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def common_parent() -> argparse.ArgumentParser:
    """Options every command accepts, before or after the command words."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--data-dir", default=argparse.SUPPRESS,
                   help="station data directory (default: $STATIONDESK_DATA_DIR or the "
                        "platform's user-data directory)")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="machine-readable output")
    return p


def add_command(sub: Any, name: str, handler: Handler, help_text: str,
                **kw: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=help_text, description=help_text, parents=[common_parent()], **kw)
    parser.set_defaults(func=handler)
    return parser


def make_context(args: argparse.Namespace) -> CliContext:
    return CliContext(resolve_data_dir(getattr(args, "data_dir", None)),
                      bool(getattr(args, "json", False)))


def read_password(args: argparse.Namespace, prompt: str = "密码：") -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise ValidationError("标准输入中没有密码。", code="password.empty", field="password")
        return line
    if not sys.stdin.isatty():
        raise ValidationError("没有终端可以提示输入密码；请用 --password-stdin 从标准输入提供。",
                              code="password.no_tty", field="password")
    first = getpass.getpass(prompt)
    if getpass.getpass("再输一次：") != first:
        raise ValidationError("两次输入的密码不一致。", code="password.mismatch", field="password")
    return first


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期须为 YYYY-MM-DD：{text!r}") from None


def fail(exc: StationDeskError) -> int:
    """Print a domain error for a person and give the exit status (2 invalid input, 1 other)."""
    print(f"错误：{exc.message}", file=sys.stderr)
    return 2 if isinstance(exc, ValidationError) else 1
