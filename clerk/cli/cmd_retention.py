"""retention run: remove the personal data of cases past their retention period."""

from __future__ import annotations

import argparse
from typing import Any

from clerk.cli.common import CliContext, add_command
from clerk.options import RETENTION_DAYS
from clerk.retention import RetentionReport


def register(sub: Any) -> None:
    group = sub.add_parser("retention", help="个人信息保存期限").add_subparsers(
        dest="retention_cmd", required=True)
    p = add_command(group, "run", cmd_run,
                    "删除办结超过保存期限、且区中心已确认的案件中的个人信息，并报告做了什么")
    p.add_argument("--dry-run", action="store_true", help="只报告将处理的案件，不作任何改动")


def cmd_run(args: argparse.Namespace, ctx: CliContext) -> int:
    report = ctx.workspace().retention(dry_run=args.dry_run)
    data = {"dry_run": report.dry_run, "default_days": report.default_days,
            "cases": report.cases, "held": report.held, "events": report.events,
            "notes": report.notes, "applicants": report.applicants,
            "documents": report.documents, "scans": report.scans}
    ctx.emit(data, lambda: _text(report))
    return 0


def _text(r: RetentionReport) -> str:
    lines = []
    if r.dry_run:
        lines.append(f"试运行（未作改动）：{len(r.cases)} 件案件已过保存期限，将删除其个人信息；"
                     f"{r.applicants} 位申请人将匿名。")
    elif r.cases or r.applicants:
        lines.append(f"已删除 {len(r.cases)} 件案件的个人信息"
                     f"（{r.events} 个事件、{r.notes} 条备注），匿名 {r.applicants} 位申请人，"
                     f"删除 {r.documents} 份留存证照记录、"
                     f"{r.scans} 个扫描件。")
    else:
        lines.append("没有超过保存期限的案件。")
    lines.extend(f"  {no}" for no in r.cases[:50])
    if len(r.cases) > 50:
        lines.append(f"  ……另有 {len(r.cases) - 50} 件")
    if r.held:
        lines.append(f"暂缓 {len(r.held)} 件：已过期限，但仍有事件未经区中心确认；"
                     "同步完成后再运行（python -m clerk sync）。")
        lines.extend(f"  {no}" for no in r.held[:20])
    lines.append(f"默认保存期限 {r.default_days} 天（设置 {RETENTION_DAYS.key}；"
                 "事项目录的 retention_days 可为单个事项另定）。")
    return "\n".join(lines)
