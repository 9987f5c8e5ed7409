"""catalog list / show / validate / import."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from clerk.catalog import Matter, load_catalog_file, matter_to_dict
from clerk.catalog_store import get_matter
from clerk.cli.common import CliContext, add_command


def register(sub: Any) -> None:
    c = sub.add_parser("catalog", help="事项目录").add_subparsers(dest="catalog_cmd",
                                                                required=True)
    p = add_command(c, "list", cmd_list, "列出本站事项")
    p.add_argument("--department", default=None)
    p = add_command(c, "show", cmd_show, "显示事项详情与材料清单")
    p.add_argument("code")
    p = add_command(c, "validate", cmd_validate, "校验事项目录文件（不写入）")
    p.add_argument("file", type=Path)
    p = add_command(c, "import", cmd_import, "导入事项目录文件（整体生效或整体拒绝）")
    p.add_argument("file", type=Path)


def _kind(m: Matter) -> str:
    return "即办" if m.is_instant else f"承诺{m.committed_limit_days}个工作日"


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    matters = [m for m in ctx.workspace().matters()
               if args.department is None or m.department == args.department]
    ctx.emit([{"code": m.code, "name": m.name, "department": m.department,
               "case_kind": str(m.case_kind), "handling_level": str(m.handling_level),
               "committed_limit_days": m.committed_limit_days, "version": m.version}
              for m in matters],
             lambda: "\n".join(f"{m.code}  {m.name}（{m.department}，{_kind(m)}）"
                               for m in matters))
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    ws = ctx.workspace()
    with ws.store.read() as s:
        m = get_matter(s, args.code)
    ctx.emit(matter_to_dict(m), lambda: describe(m))
    return 0


def describe(m: Matter) -> str:
    lines = [f"{m.name}  [{m.code}] 版本 {m.version}", f"实施部门：{m.department}",
             f"办件类型：{_kind(m)}；法定时限 {m.legal_limit_days} 个工作日；"
             f"{'站点办结' if str(m.handling_level) == 'station' else '上报区级办理'}",
             "申请材料："]
    for i, mat in enumerate(m.materials, 1):
        cond = f"（{mat.condition}）" if mat.condition else ""
        lines.append(f"  {i:>2}. {mat.name}{cond}  {mat.form.label} 原件{mat.original_count}"
                     f"/复印件{mat.copy_count}  {mat.necessity.label}  [{mat.key}]")
    return "\n".join(lines)


def cmd_validate(args: argparse.Namespace, ctx: CliContext) -> int:
    matters = load_catalog_file(args.file)
    ctx.emit({"valid": True, "matters": len(matters)},
             f"有效：{args.file} 含 {len(matters)} 个事项")
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    matters = load_catalog_file(args.file)
    counts = ctx.workspace().import_matters(matters, source=str(args.file))
    ctx.emit(counts, f"已导入：新增 {counts['added']} 个事项版本，未变 {counts['unchanged']} 个")
    return 0
