"""validate id-no / uscc: exit 0 valid, 2 invalid with the reason."""

from __future__ import annotations

import argparse
from typing import Any

from clerk.cli.common import CliContext, add_command
from clerk.validation import mask_id_no, parse_resident_id, validate_uscc


def register(sub: Any) -> None:
    v = sub.add_parser("validate", help="校验证件号码").add_subparsers(dest="validate_cmd",
                                                                    required=True)
    p = add_command(v, "id-no", cmd_id_no, "校验居民身份证号码（GB 11643）")
    p.add_argument("value")
    p = add_command(v, "uscc", cmd_uscc, "校验统一社会信用代码（GB 32100）")
    p.add_argument("value")


def cmd_id_no(args: argparse.Namespace, ctx: CliContext) -> int:
    rid = parse_resident_id(args.value)
    sex = "男" if rid.sex == "M" else "女"
    # Only the masked number is printed: terminal scrollback and logs are not private.
    ctx.emit({"valid": True, "masked": mask_id_no(rid.number), "area_code": rid.area_code,
              "birth_date": rid.birth_date.isoformat(), "sex": rid.sex},
             f"有效：{mask_id_no(rid.number)}，{sex}，出生日期 {rid.birth_date}，"
             f"地区码 {rid.area_code}")
    return 0


def cmd_uscc(args: argparse.Namespace, ctx: CliContext) -> int:
    code = validate_uscc(args.value)
    ctx.emit({"valid": True, "code": code}, f"有效：{code}")
    return 0
