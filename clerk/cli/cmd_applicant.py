"""applicant add / find."""

from __future__ import annotations

import argparse
from typing import Any

from clerk import applicants as ap
from clerk.cli.common import CliContext, add_command
from clerk.errors import NotFoundError
from clerk.id_documents import mask_document
from clerk.validation import mask_mobile


def register(sub: Any) -> None:
    a = sub.add_parser("applicant", help="申请人").add_subparsers(dest="applicant_cmd",
                                                                required=True)
    p = add_command(a, "add", cmd_add, "登记申请人（自然人或法人）")
    p.add_argument("--name", required=True)
    p.add_argument("--id-no", required=True, help="证件号码或统一社会信用代码")
    p.add_argument("--id-type", choices=sorted(ap.ID_TYPES), default="resident_id")
    p.add_argument("--mobile", default="")
    p.add_argument("--address", default="")
    p.add_argument("--legal-rep", default="", help="法定代表人（法人）")
    p.add_argument("--contact", default="", help="联系人（法人）")
    p = add_command(a, "find", cmd_find, "按证件号码调取申请人")
    p.add_argument("--id-no", required=True)
    p.add_argument("--id-type", choices=sorted(ap.ID_TYPES), default=None,
                   help="证件类型（不写则按号码查找任一类型）")


def view_dict(v: ap.ApplicantView) -> dict[str, Any]:
    """What the command line shows of an applicant: masked, never the full number."""
    return {"id": v.id, "kind": v.kind, "name": v.name, "id_type": v.id_type,
            "id_no_masked": mask_document(v.id_type, v.id_no),
            "sex": v.sex, "birth_date": v.birth_date,
            "mobile_masked": mask_mobile(v.mobile) if v.mobile else "", "address": v.address}


def _text(v: ap.ApplicantView) -> str:
    d = view_dict(v)
    extra = f"，{'男' if v.sex == 'M' else '女'}，{v.birth_date}" if v.sex else ""
    return f"{v.name}  {d['id_no_masked']}{extra}  {d['mobile_masked']}"


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    ws = ctx.workspace()
    person = ap.PersonInput(name=args.name, id_no=args.id_no, id_type=args.id_type,
                            mobile=args.mobile, address=args.address, legal_rep=args.legal_rep,
                            contact=args.contact)
    with ws.store.write() as s:
        v = ap.add_applicant(s, person, now=ws.now())
    ctx.emit(view_dict(v), f"已登记：{_text(v)}")
    return 0


def cmd_find(args: argparse.Namespace, ctx: CliContext) -> int:
    ws = ctx.workspace()
    with ws.store.read() as s:
        v = ap.find_by_id_no(s, args.id_no, args.id_type)
        if v is None:
            raise NotFoundError("没有找到该证件号码的申请人。", code="applicant.unknown")
        docs = ap.documents_on_file(s, v.id)
    d = view_dict(v) | {"documents_on_file": [
        {"material_key": x.material_key, "name": x.name, "verified_at": x.verified_at,
         "valid_until": x.valid_until} for x in docs]}
    ctx.emit(d, lambda: _text(v) + "".join(
        f"\n  证照库：{x.name}（{x.verified_at:%Y-%m-%d} 核验）" for x in docs))
    return 0
