"""validate id-no / document / uscc: exit 0 valid, 2 invalid with the reason."""

from __future__ import annotations

import argparse
from typing import Any

from clerk.cli.common import CliContext, add_command
from clerk.id_documents import DOCUMENT_TYPES, mask_document, validate_document
from clerk.validation import mask_id_no, parse_resident_id, validate_uscc


def register(sub: Any) -> None:
    v = sub.add_parser("validate", help="校验证件号码").add_subparsers(dest="validate_cmd",
                                                                    required=True)
    p = add_command(v, "id-no", cmd_id_no, "校验居民身份证号码（GB 11643）")
    p.add_argument("value")
    p = add_command(v, "document", cmd_document,
                    "校验任一种身份证件号码（居民身份证、港澳台居民居住证、外国人永久居留身份证、"
                    "港澳/台湾居民通行证、护照）")
    # The type names are part of the command line's contract: scripts use them.
    p.add_argument("--type", required=True, choices=list(DOCUMENT_TYPES), dest="doc_type")
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


def cmd_document(args: argparse.Namespace, ctx: CliContext) -> int:
    doc = validate_document(args.doc_type, args.value)
    masked = mask_document(doc.id_type, doc.number)
    facts = [masked]
    if doc.sex:
        facts.append("男" if doc.sex == "M" else "女")
    if doc.birth_date:
        facts.append(f"出生日期 {doc.birth_date}")
    if doc.detail:
        facts.append(doc.detail)
    ctx.emit({"valid": True, "type": doc.id_type, "label": doc.label, "masked": masked,
              "birth_date": doc.birth_date.isoformat() if doc.birth_date else None,
              "sex": doc.sex, "detail": doc.detail},
             f"有效：{doc.label} " + "，".join(facts))
    return 0


def cmd_uscc(args: argparse.Namespace, ctx: CliContext) -> int:
    code = validate_uscc(args.value)
    ctx.emit({"valid": True, "code": code}, f"有效：{code}")
    return 0
