"""conflicts list / show / redo / discard: two counters acted on one case offline.

`list` exits 3 while a conflict is open (done with problems, like `sync`), so a script
can tell; `redo` and `discard` resolve the oldest open conflict of one case.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from clerk.cases.conflicts import OPEN, ConflictView
from clerk.cli.common import CliContext, add_command

STATE_WORDS = {"open": "待处理", "redone": "已在当前版本上重做", "discarded": "已放弃本机操作"}


def register(sub: Any) -> None:
    c = sub.add_parser("conflicts", help="同步冲突（两个窗口离线办理了同一案件）"
                       ).add_subparsers(dest="conflicts_cmd", required=True)
    p = add_command(c, "list", cmd_list, "列出待处理的同步冲突（有则退出码 3）")
    p.add_argument("--all", action="store_true", help="也列出已处理的")
    p = add_command(c, "show", cmd_show, "显示一个案件的冲突：两个版本")
    p.add_argument("case_no")
    p = add_command(c, "redo", cmd_redo, "在案件当前版本上重做本机被拒收的操作")
    p.add_argument("case_no")
    p.add_argument("--clerk", default=None)
    p = add_command(c, "discard", cmd_discard, "放弃本机被拒收的操作（原样保留在记录中）")
    p.add_argument("case_no")
    p.add_argument("--clerk", default=None)


def _dict(v: ConflictView) -> dict[str, Any]:
    return asdict(v) | {"text": v.text}


def _text(v: ConflictView) -> str:
    lines = [f"{v.case_no}（第 {v.seq} 步起，{STATE_WORDS.get(v.state, v.state)}）"]
    lines += [f"  已在案件中：第 {st.seq} 步 {st.label}（{st.actor}，"
              f"{'区中心' if st.origin == 'district' else '本站另一窗口'}）{st.summary}"
              for st in v.theirs]
    lines += [f"  本机未被接收：{st.label}（{st.actor}）{st.summary}" for st in v.mine]
    if v.refusal:
        lines.append(f"  区中心的答复：{v.refusal}")
    return "\n".join(lines)


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    items = ctx.workspace().conflicts.listed(all_states=args.all)
    ctx.emit([_dict(v) for v in items],
             lambda: "\n".join(_text(v) for v in items) or "没有待处理的同步冲突。")
    return 3 if any(v.state == OPEN for v in items) else 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    items = ctx.workspace().conflicts.of_case(args.case_no)
    ctx.emit([_dict(v) for v in items],
             lambda: "\n".join(_text(v) for v in items) or f"案件 {args.case_no} 没有同步冲突。")
    return 0


def cmd_redo(args: argparse.Namespace, ctx: CliContext) -> int:
    rec = ctx.workspace().conflicts.redo(args.case_no, clerk=args.clerk)
    ctx.emit({"case_no": rec.case_no, "state": rec.state.value, "version": rec.version},
             f"已在 {rec.case_no} 的当前版本上重做本机的操作（下次同步时推送）。")
    return 0


def cmd_discard(args: argparse.Namespace, ctx: CliContext) -> int:
    v = ctx.workspace().conflicts.discard(args.case_no, clerk=args.clerk)
    ctx.emit(_dict(v), f"已放弃 {v.case_no} 上本机的操作；它们仍保留在案件记录中。")
    return 0
