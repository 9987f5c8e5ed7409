"""case new / supplement / notice / accept / refuse / complete / rate / withdraw / list / show."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from clerk import applicants as ap
from clerk.cases.record import CaseRecord
from clerk.cases.service import MaterialChanges
from clerk.cases.states import State
from clerk.cli.common import CliContext, add_command, parse_date
from clerk.errors import ValidationError
from clerk.id_documents import DOCUMENT_TYPES, mask_document
from clerk.labels import EVENT_LABELS
from clerk.ratings import RatingChannel, channel_text, is_declined
from clerk.timeutil import local_time

# A score typed at the command line is a person keying it in: by default it is recorded
# as the clerk's entry, never as if the citizen had given it on the device or the phone.
_CHANNEL_HELP = ("评价渠道：clerk_on_behalf 窗口人员代为录入申请人口述的评价（默认，记录录入人）、"
                 "device 窗口评价器、phone 申请人手机（仅用于导入这两种渠道的原始记录）")


def register(sub: Any) -> None:
    c = sub.add_parser("case", help="办件").add_subparsers(dest="case_cmd", required=True)
    p = add_command(c, "new", cmd_new, "收件：新建办件，打印案件编号")
    p.add_argument("--matter", required=True, help="事项编码")
    p.add_argument("--id-no", required=True)
    p.add_argument("--id-type", choices=sorted(ap.ID_TYPES), default="resident_id",
                   help="申请人证件类型")
    p.add_argument("--name", required=True)
    p.add_argument("--mobile", default="")
    p.add_argument("--agent-name", default="")
    p.add_argument("--agent-id-no", default="")
    p.add_argument("--agent-id-type", choices=list(DOCUMENT_TYPES), default="resident_id",
                   help="代理人证件类型")
    _material_args(p)
    p.add_argument("--clerk", default=None)

    p = add_command(c, "supplement", cmd_supplement,
                    "登记补交材料（受理后：补交容缺后补材料，只用 --received）")
    p.add_argument("case_no")
    _material_args(p)
    p.add_argument("--counts", nargs="*", default=[], metavar="KEY=ORIGINALS,COPIES",
                   help="受理后补交时实收的原件、复印件份数（默认按材料要求）")
    p.add_argument("--clerk", default=None)

    p = add_command(c, "scan", cmd_scan,
                    "为一项材料附扫描件（PDF、PNG 或 JPEG）；--remove 移除该项的扫描件")
    p.add_argument("case_no")
    p.add_argument("material", metavar="MATERIAL_KEY")
    p.add_argument("file", type=Path, metavar="FILE", nargs="?")
    p.add_argument("--remove", action="store_true", help="不再引用该项材料的扫描件")
    p.add_argument("--clerk", default=None)

    p = add_command(c, "notice", cmd_notice, "出具一次性告知单")
    p.add_argument("case_no")
    p.add_argument("--justification", default=None, help="再次告知新增材料的理由")
    p.add_argument("--clerk", default=None)
    for name, handler, text in (("accept", cmd_accept, "受理（出具受理回执）"),
                                ("escalate", cmd_escalate, "上报区级办理")):
        p = add_command(c, name, handler, text)
        p.add_argument("case_no")
        p.add_argument("--clerk", default=None)
    p = add_command(c, "refuse", cmd_refuse, "不予受理")
    p.add_argument("case_no")
    p.add_argument("--reason", required=True)
    p.add_argument("--basis", default="")
    p.add_argument("--clerk", default=None)
    p = add_command(c, "complete", cmd_complete, "办结并交付结果")
    p.add_argument("case_no")
    p.add_argument("--delivery", default="窗口领取")
    p.add_argument("--text", default="")
    p.add_argument("--rating", type=int, choices=range(1, 6), default=None)
    p.add_argument("--channel", default=RatingChannel.CLERK_ON_BEHALF.value,
                   help=_CHANNEL_HELP)
    p.add_argument("--clerk", default=None)
    p = add_command(c, "rate", cmd_rate, "记录好差评（1–5）")
    p.add_argument("case_no")
    p.add_argument("--score", type=int, required=True, choices=range(1, 6))
    p.add_argument("--comment", default="")
    p.add_argument("--channel", default=RatingChannel.CLERK_ON_BEHALF.value,
                   help=_CHANNEL_HELP)
    p.add_argument("--clerk", default=None)
    p = add_command(c, "decline-rating", cmd_decline_rating, "登记申请人不愿评价（不记评价等级）")
    p.add_argument("case_no")
    p.add_argument("--clerk", default=None)
    p = add_command(c, "withdraw", cmd_withdraw, "申请人撤回")
    p.add_argument("case_no")
    p.add_argument("--reason", default="")
    p.add_argument("--clerk", default=None)
    p = add_command(c, "list", cmd_list, "列出办件")
    p.add_argument("--state", default=None, choices=[s.value for s in State])
    p.add_argument("--limit", type=int, default=200)
    p = add_command(c, "show", cmd_show, "办件详情与时间线")
    p.add_argument("case_no")


def _material_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--received", nargs="*", default=[], metavar="MATERIAL_KEY",
                   help="已收材料")
    p.add_argument("--deferred", nargs="*", default=[], metavar="KEY=YYYY-MM-DD",
                   help="容缺后补材料及承诺日期")
    p.add_argument("--applies", nargs="*", default=[], metavar="KEY", help="适用的附条件材料")
    p.add_argument("--not-applicable", nargs="*", default=[], metavar="KEY")
    p.add_argument("--no-on-file", action="store_true", help="不调用证照库")


def _changes(args: argparse.Namespace) -> MaterialChanges:
    deferred: dict[str, date] = {}
    for item in args.deferred:
        key, sep, when = item.partition("=")
        if not sep:
            raise ValidationError(f"--deferred 须写成 KEY=YYYY-MM-DD：{item}",
                                  code="cli.deferred", field="deferred")
        try:
            deferred[key] = parse_date(when)
        except argparse.ArgumentTypeError as exc:
            raise ValidationError(str(exc), code="cli.deferred", field="deferred") from exc
    return MaterialChanges(received=args.received, deferred=deferred, applies=args.applies,
                           not_applicable=args.not_applicable, use_on_file=not args.no_on_file)


def summary(r: CaseRecord) -> dict[str, Any]:
    checklist = r.materials
    return {
        "case_no": r.case_no, "state": r.state.value, "state_label": r.state.label,
        "owner": r.owner.value, "matter_code": r.matter_code, "matter_name": r.matter_name,
        "applicant": r.applicant["name"], "applicant_id_type": r.applicant.get("id_type"),
        "applicant_id_no": mask_document(str(r.applicant.get("id_type", "")),
                                         r.applicant["id_no"]),
        "received_at": r.received_at, "accepted_at": r.accepted_at, "due_date": r.due_date,
        "due_provisional": r.due_provisional, "version": r.version,
        "outstanding": [i.key for i in checklist.outstanding],
        "documents": r.documents, "rating": r.rating,
    }


def _line(r: CaseRecord) -> str:
    due = f" 到期 {r.due_date}{'(暂定)' if r.due_provisional else ''}" if r.due_date else ""
    return f"{r.case_no}  {r.state.label}  {r.matter_name}  {r.applicant['name']}{due}"


def _rating_line(r: CaseRecord) -> str:
    """The rating and where it came from (a clerk's entry names the clerk)."""
    if not r.rating:
        return ""
    if is_declined(r.rating):
        return f"\n评价：{channel_text(r.rating)}"
    score, label = r.rating.get("score"), r.rating.get("label", "")
    return f"\n评价：{score} {label}（{channel_text(r.rating)}）"


def _emit(ctx: CliContext, r: CaseRecord, lead: str) -> int:
    intake = r.state in (State.DRAFT, State.AWAITING_SUPPLEMENT, State.RETURNED)
    missing = r.materials.outstanding if intake else ()
    extra = ("\n尚缺：" + "、".join(i.name for i in missing)) if missing else ""
    ctx.emit(summary(r), f"{lead}{_line(r)}{extra}{_rating_line(r)}")
    return 0


def cmd_new(args: argparse.Namespace, ctx: CliContext) -> int:
    agent = None
    if args.agent_name or args.agent_id_no:
        agent = ap.PersonInput(name=args.agent_name, id_no=args.agent_id_no,
                               id_type=args.agent_id_type)
    r = ctx.workspace().cases.new_case(
        matter_code=args.matter, applicant=ap.PersonInput(name=args.name, id_no=args.id_no,
                                                          id_type=args.id_type,
                                                          mobile=args.mobile),
        agent=agent, changes=_changes(args), clerk=args.clerk)
    if ctx.json_output:
        return _emit(ctx, r, "")
    print(r.case_no)
    missing = r.materials.outstanding
    if missing:
        print("尚缺：" + "、".join(i.name for i in missing))
    return 0


def cmd_supplement(args: argparse.Namespace, ctx: CliContext) -> int:
    ws = ctx.workspace()
    current = ws.cases.get(args.case_no)
    if current.accepted_at is None or current.state == State.RETURNED:
        if args.counts:
            raise ValidationError("--counts 只用于受理后补交容缺材料。", code="cli.counts",
                                  field="counts")
        r = ws.cases.update_materials(args.case_no, _changes(args), clerk=args.clerk)
        return _emit(ctx, r, "已登记补交：")
    # After acceptance only promised (容缺后补) items can still come: the checklist is
    # otherwise closed, so the other marks are refused rather than ignored.
    if args.deferred or args.applies or args.not_applicable or not args.received:
        raise ValidationError("案件已受理：只能用 --received 登记补交的容缺后补材料。",
                              code="cli.supplement", field="received")
    r = ws.cases.supplement(args.case_no, args.received, counts=_counts(args.counts),
                            clerk=args.clerk)
    done = [i for i in r.materials.items if i.key in set(args.received)]
    ctx.emit(summary(r) | {"supplemented": [i.key for i in done]},
             "已登记补交容缺材料：" + "、".join(i.name for i in done) + "\n" + _line(r))
    return 0


def _counts(items: list[str]) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for item in items:
        key, _sep, numbers = item.partition("=")
        originals, comma, copies = numbers.partition(",")
        if not key or not comma or not originals.isdigit() or not copies.isdigit():
            raise ValidationError(f"--counts 须写成 KEY=原件份数,复印件份数：{item}",
                                  code="cli.counts", field="counts")
        out[key] = (int(originals), int(copies))
    return out


def cmd_scan(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.remove == (args.file is not None):
        raise ValidationError("请给出扫描件文件，或用 --remove 移除（二者选一）。", code="cli.scan",
                              field="file")
    if args.remove:
        r = ctx.workspace().cases.detach_scans(args.case_no, args.material, clerk=args.clerk)
        return _emit(ctx, r, f"已移除“{r.materials.item(args.material).name}”的扫描件：")
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {args.file}：{exc.strerror}", code="cli.file",
                              field="file") from exc
    r = ctx.workspace().cases.attach_scan(args.case_no, args.material, data, clerk=args.clerk)
    return _emit(ctx, r, f"已为“{r.materials.item(args.material).name}”附扫描件：")


def cmd_notice(args: argparse.Namespace, ctx: CliContext) -> int:
    r = ctx.workspace().cases.issue_notice(args.case_no, justification=args.justification,
                                           clerk=args.clerk)
    notice = r.notices[-1]
    ctx.emit(summary(r) | {"notice": notice},
             lambda: f"已出具一次性告知单 {notice['doc_no']}，需补正：\n" + "\n".join(
                 f"  - {i['name']}：{i['requirement']}" for i in notice["items"]))
    return 0


def cmd_accept(args: argparse.Namespace, ctx: CliContext) -> int:
    r = ctx.workspace().cases.accept(args.case_no, clerk=args.clerk)
    return _emit(ctx, r, "已受理：")


def cmd_escalate(args: argparse.Namespace, ctx: CliContext) -> int:
    r = ctx.workspace().cases.escalate(args.case_no, clerk=args.clerk)
    return _emit(ctx, r, "已上报：")


def cmd_refuse(args: argparse.Namespace, ctx: CliContext) -> int:
    r = ctx.workspace().cases.refuse(args.case_no, reason=args.reason, basis=args.basis,
                                     clerk=args.clerk)
    return _emit(ctx, r, "不予受理：")


def cmd_complete(args: argparse.Namespace, ctx: CliContext) -> int:
    r = ctx.workspace().cases.complete(args.case_no, delivery=args.delivery, text=args.text,
                                       rating=args.rating, rating_channel=args.channel,
                                       clerk=args.clerk)
    return _emit(ctx, r, "已办结：")


def cmd_decline_rating(args: argparse.Namespace, ctx: CliContext) -> int:
    r = ctx.workspace().cases.decline_rating(args.case_no, clerk=args.clerk)
    return _emit(ctx, r, "已登记：")


def cmd_rate(args: argparse.Namespace, ctx: CliContext) -> int:
    r = ctx.workspace().cases.rate(args.case_no, args.score, args.comment,
                                   channel=args.channel, clerk=args.clerk)
    return _emit(ctx, r, "已记录评价：")


def cmd_withdraw(args: argparse.Namespace, ctx: CliContext) -> int:
    r = ctx.workspace().cases.withdraw(args.case_no, args.reason, clerk=args.clerk)
    return _emit(ctx, r, "已撤回：")


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = ctx.workspace().cases.list(state=args.state, limit=args.limit)
    data = [{"case_no": c.case_no, "state": c.state, "matter_name": c.matter_name,
             "applicant": c.applicant_name, "received_at": c.received_at,
             "due_date": c.due_date, "due_provisional": c.due_provisional} for c in rows]
    ctx.emit(data, lambda: "\n".join(
        f"{c.case_no}  {State(c.state).label}  {c.matter_name}  {c.applicant_name}"
        + (f"  到期 {c.due_date}" if c.due_date else "") for c in rows) or "（没有办件）")
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    ws = ctx.workspace()
    r = ws.cases.get(args.case_no)
    events = ws.cases.timeline(args.case_no)
    timeline = [{"seq": e.seq, "type": e.type.value, "label": EVENT_LABELS[e.type],
                 "actor": e.actor, "origin": e.origin.value, "at": e.occurred_at}
                for e in events]
    data = summary(r) | {"checklist": [
        {"key": i.key, "name": i.name, "status": i.status.value, "necessity": i.necessity,
         "promise_date": i.promise_date, "delivered_on": i.delivered_on,
         "scans": [{"sha256": sc.sha256, "media_type": sc.media_type} for sc in i.scans]}
        for i in r.materials.items], "timeline": timeline}

    def text() -> str:
        lines = [_line(r), "材料："]
        lines += [f"  [{i.status.label}] {i.name}"
                  + (f"（承诺 {i.promise_date}）" if i.promise_date else "")
                  + (f"（{i.delivered_on} 补交）" if i.delivered_on else "")
                  + (f"（扫描件 {len(i.scans)} 份）" if i.scans else "")
                  for i in r.materials.items]
        lines.append("时间线：")
        lines += [f"  {e.seq:>2}. {local_time(e.occurred_at):%Y-%m-%d %H:%M}  "
                  f"{EVENT_LABELS[e.type]}  {e.actor}" for e in events]
        return "\n".join(lines) + _rating_line(r)

    ctx.emit(data, text)
    return 0
