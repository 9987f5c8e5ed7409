"""`python -m clerk`: the station's command line.

Command names are fixed (scripts and later work depend on them). Other packages add
commands through the `stationdesk.cli` entry-point group (e.g. printing adds `print` and
`report`), so clerk/ never imports them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import entry_points

from clerk.cli import (
    cmd_applicant,
    cmd_calendar,
    cmd_case,
    cmd_catalog,
    cmd_conflicts,
    cmd_consult,
    cmd_retention,
    cmd_station,
    cmd_validate,
)
from clerk.cli.common import CliContext, common_parent, fail, make_context
from clerk.errors import StationDeskError

__all__ = ["CliContext", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m clerk", parents=[common_parent()],
        description="StationDesk 便民服务站窗口工作台：命令行")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (cmd_station, cmd_catalog, cmd_validate, cmd_calendar, cmd_applicant,
                   cmd_case, cmd_conflicts, cmd_consult, cmd_retention):
        module.register(sub)
    for ep in entry_points(group="stationdesk.cli"):
        try:
            register = ep.load()
        except ImportError as exc:
            # A broken add-on must not take the station's own commands down with it.
            print(f"警告：命令扩展 {ep.name} 无法加载（{exc}）", file=sys.stderr)
            continue
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = make_context(args)
    try:
        return int(args.func(args, ctx))
    except StationDeskError as exc:
        return fail(exc)
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (e.g. `| head -1`) went away: not an error of ours. Point stdout at
        # devnull so the interpreter's final flush does not raise again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        ctx.close()
