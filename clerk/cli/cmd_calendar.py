"""calendar due / import."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from clerk.calendar import CalendarYear, WorkCalendar, parse_year_file, seed_years
from clerk.calendar_store import load_years
from clerk.cli.common import CliContext, add_command, parse_date
from clerk.errors import ValidationError
from clerk.store import DB_FILENAME


def register(sub: Any) -> None:
    c = sub.add_parser("calendar", help="工作日历").add_subparsers(dest="calendar_cmd",
                                                                 required=True)
    p = add_command(c, "due", cmd_due, "计算到期日（受理当日不计，第 N 个工作日）")
    p.add_argument("--from", dest="start", required=True, type=parse_date)
    p.add_argument("--days", required=True, type=int)
    p = add_command(c, "import", cmd_import, "导入区里发布的年度节假日文件")
    p.add_argument("file", type=Path)


MAX_DAYS = 3650  # ten years: beyond any time limit in the catalog


def cmd_due(args: argparse.Namespace, ctx: CliContext) -> int:
    """The Nth working day after --from. Works before `init`: the bundled calendar, plus
    the years published to this station when its database exists (never created here).

    ``--days 0`` is meaningful: an instant matter (即办件) has a limit of 0 working days
    and is due the day it is accepted, so the answer is --from itself, said in words."""
    if args.days < 0:
        raise ValidationError(
            f"工作日数不能为负数（现在是 {args.days}）：期限从起算日的次日往后数，"
            f"请给出 0 到 {MAX_DAYS} 之间的整数。", code="calendar.days", field="days")
    if args.days > MAX_DAYS:
        raise ValidationError(
            f"工作日数 {args.days} 太大：最多 {MAX_DAYS} 个工作日（约十四年）。",
            code="calendar.days", field="days")
    due = _calendar(ctx).add_working_days(args.start, args.days)
    if args.days == 0:
        note = "（0 个工作日：即办，当日到期）"
    elif due.provisional:
        note = "（暂定：该年度节假日安排尚未公布，已按法定节假日和周末计算，不含调休）"
    else:
        note = ""
    ctx.emit({"from": args.start, "days": args.days, "due": due.day,
              "provisional": due.provisional}, f"{due.day.isoformat()}{note}")
    return 0


def _calendar(ctx: CliContext) -> WorkCalendar:
    """The station's calendar when it has a database, else the bundled seed alone."""
    stored: list[CalendarYear] = []
    if (ctx.data_dir / DB_FILENAME).exists():
        with ctx.workspace().store.read() as s:
            stored = load_years(s)
    return WorkCalendar([*seed_years(), *stored])  # stored (published) years win


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
