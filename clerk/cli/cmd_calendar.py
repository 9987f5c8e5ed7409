"""calendar due / import."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from clerk.calendar import parse_year_file
from clerk.cli.common import CliContext, add_command, parse_date
from clerk.errors import ValidationError


def register(sub: Any) -> None:
    c = sub.add_parser("calendar", help="工作日历").add_subparsers(dest="calendar_cmd",
                                                                 required=True)
    p = add_command(c, "due", cmd_due, "计算到期日（受理当日不计，第 N 个工作日）")
    p.add_argument("--from", dest="start", required=True, type=parse_date)
    p.add_argument("--days", required=True, type=int)
    p = add_command(c, "import", cmd_import, "导入区里发布的年度节假日文件")
    p.add_argument("file", type=Path)


def cmd_due(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.days < 0 or args.days > 3650:
        raise ValidationError("工作日数须在 0–3650 之间。", code="calendar.days", field="days")
    due = ctx.workspace().calendar().add_working_days(args.start, args.days)
    note = "（暂定：该年度法定节假日尚未公布）" if due.provisional else ""
    ctx.emit({"from": args.start, "days": args.days, "due": due.day,
              "provisional": due.provisional}, f"{due.day.isoformat()}{note}")
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        raw = args.file.read_bytes()
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {args.file}：{exc.strerror}",
                              code="file.read") from exc
    year = parse_year_file(raw, source_name=str(args.file))
    ws = ctx.workspace()
    moved = ws.import_calendar_year(year)
    ctx.emit({"year": year.year, "official": year.official, "days": len(year.days),
              "due_recomputed": moved},
             f"已导入 {year.year} 年日历（{len(year.days)} 个调整日，"
             f"{'正式' if year.official else '暂定'}，来源：{year.source}）；"
             f"重算暂定到期日 {moved} 件")
    return 0
