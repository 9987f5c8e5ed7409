"""consult: record that a citizen asked about a matter (咨询登记; no personal data)."""

from __future__ import annotations

import argparse
from typing import Any

from clerk.cli.common import CliContext, add_command


def register(sub: Any) -> None:
    p = add_command(sub, "consult", cmd_consult,
                    "登记一次咨询（只询问、未申请办理）：事项、时间、经办人；"
                    "计入站点日报的“咨询 N 次”")
    p.add_argument("--matter", required=True, metavar="CODE", help="咨询的事项编码")
    p.add_argument("--note", default="", help="备注（可选，不得含证件号码或手机号码）")
    p.add_argument("--clerk", default=None, help="经办人账号（本站只有一个账号时可省略）")


def cmd_consult(args: argparse.Namespace, ctx: CliContext) -> int:
    entry = ctx.workspace().consultations.record(args.matter, clerk=args.clerk, note=args.note)
    ctx.emit({"id": entry.id, "matter_code": entry.matter_code,
              "matter_name": entry.matter_name, "clerk": entry.clerk,
              "consulted_at": entry.consulted_at, "note": entry.note},
             f"已登记咨询：{entry.matter_name}（{entry.matter_code}），经办人 {entry.clerk}")
    return 0
