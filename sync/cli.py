"""`python -m clerk enroll`, `sync` and `note`, added through the `stationdesk.cli` entry point."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import Any

from apiclient import keyring_backend
from apiclient.http import SyncError
from apiclient.retry import TransportError
from clerk.cli.common import CliContext, add_command
from clerk.errors import StationDeskError
from sync import credentials, engine, notes


def register(sub: Any) -> None:
    from clerk import doctor as clerk_doctor
    from sync import doctor

    clerk_doctor.register(doctor.check_keyring)
    clerk_doctor.register(doctor.check_district)
    p = add_command(sub, "enroll", cmd_enroll,
                    "用区中心发的一次性登记码登记本站（设备令牌存入系统密钥环）")
    p.add_argument("--server", required=True, help="区中心服务地址，例如 https://zwfw.example.gov.cn")
    p.add_argument("--code", required=True, help="一次性登记码")
    p.add_argument("--device-name", default="",
                   help="本机在区中心的名称，如“2号窗口”（默认：“N号窗口”，N 为本机窗口号）")
    p.add_argument("--device-no", type=int, default=None,
                   help="本机窗口号 1–99（本站每台电脑不同；是案件编号的一部分），"
                        "默认用 init 时设置的（未设置为 1）")
    p.add_argument("--ca-bundle", default=None, help="区内部 CA 证书文件（PEM）")
    p.add_argument("--print-token", action="store_true",
                   help="没有可用密钥环时：打印令牌一次，之后每次同步用 --token-stdin 输入")

    p = add_command(sub, "sync", cmd_sync, "与区中心同步一轮（扫描件、推送、拉取、目录、日历）")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--status", action="store_true",
                       help="显示待同步、已确认、被拒收（附原因）和上次成功同步")
    group.add_argument("--reconcile", action="store_true", help="与区中心台账逐日核对")
    group.add_argument("--retry-rejected", action="store_true", help="把被拒收的事件重新排队推送")
    p.add_argument("--token-stdin", action="store_true",
                   help="从标准输入读取设备令牌（无密钥环时）")

    p = add_command(sub, "note", cmd_note, "给案件留言（区中心负责时作为留言同步上去）")
    p.add_argument("case_no")
    p.add_argument("text")
    p.add_argument("--clerk", default=None)


def _token(args: argparse.Namespace) -> str | None:
    if not getattr(args, "token_stdin", False):
        return None
    token = sys.stdin.readline().strip()
    if not token:
        raise StationDeskError("标准输入中没有令牌。", code="sync.no_token")
    return token


def _fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return 1


def cmd_enroll(args: argparse.Namespace, ctx: CliContext) -> int:
    ws = ctx.workspace()
    keep = not args.print_token
    try:
        info, token = engine.enroll(ws, args.server, args.code, device_name=args.device_name,
                                    device_no=args.device_no, ca_bundle=args.ca_bundle,
                                    store_token=keep)
    except credentials.CredentialsError as exc:
        return _fail(exc.message)
    except (SyncError, TransportError, StationDeskError) as exc:
        return _fail(exc.message)
    data = {"server": info.server, "station_code": info.station_code,
            "station_name": info.station_name, "device_name": info.device_name,
            "device_no": info.device_no,
            "keyring": keyring_backend.backend_name() if keep else None}
    text = (f"已登记：{info.station_name}（{info.station_code}）的设备“{info.device_name}”"
            f"（窗口号 {info.device_no}）→ {info.server}\n"
            + (f"设备令牌已存入密钥环（{keyring_backend.backend_name()}）。" if keep else
               "设备令牌（只显示这一次，请妥善保管，不要写入文件）：\n" + token))
    ctx.emit(data | ({"token": token} if not keep else {}), text)
    return 0


def cmd_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    ws = ctx.workspace()
    if args.status:
        st = engine.status(ws)
        ctx.emit(st.to_dict(), lambda: _status_text(st))
        return 0
    if args.retry_rejected:
        n = engine.outbox.requeue_rejected(ws)
        ctx.emit({"requeued": n}, f"已把 {n} 条被拒收的事件重新排队。")
        return 0
    if args.reconcile:
        try:
            with engine.make_client(ws, token=_token(args)) as client:
                result = engine.reconcile(ws, client)
        except (SyncError, TransportError, credentials.CredentialsError) as exc:
            return _fail(exc.message)
        ctx.emit({"reconciled": result.reconciled, "days": result.days,
                  "refused": result.refused, "unsent": result.unsent,
                  "differences": [asdict(d) for d in result.differences]},
                 lambda: _reconcile_text(result))
        return 0 if result.reconciled else 3
    report = engine.sync_round(ws, token=_token(args))
    ctx.emit(report.to_dict(), lambda: "\n".join(report.lines()))
    return report.exit_status


def cmd_note(args: argparse.Namespace, ctx: CliContext) -> int:
    r = notes.remark(ctx.workspace(), args.case_no, args.text, clerk=args.clerk)
    kind = "案件留言（记入案件序列）" if r.kind == "comment" else "留言（待同步到区中心）"
    ctx.emit({"case_no": r.case_no, "kind": r.kind, "id": r.id}, f"已记录{kind}：{r.case_no}")
    return 0


def _status_text(st: engine.SyncStatus) -> str:
    lines = [f"区中心：{st.server or '（未登记）'}",
             f"本机：{st.device_name or '（未登记）'}，窗口号 {st.device_no:02d}",
             f"待同步：{st.pending} 条事件，{st.notes_pending} 条留言",
             f"已确认：{st.acked} 条", f"被拒收：{len(st.rejected)} 条"]
    lines += [f"  {r.case_no} 第 {r.seq} 号（{r.label}）：{r.error}" for r in st.rejected]
    if st.quarantined:
        lines.append(f"无法应用的区中心事件：{len(st.quarantined)} 条")
        lines += [f"  {q['case_id'][:8]} 第 {q['seq']} 号：{q['code']} {q['message']}"
                  for q in st.quarantined]
    lines.append(f"上次成功同步：{st.last_success or '从未'}")
    if st.last_error:
        lines.append(f"上次同步问题：{st.last_error}")
    return "\n".join(lines)


def _reconcile_text(r: engine.Reconciliation) -> str:
    if r.reconciled:
        return f"已对账：{r.days} 天的事件与区中心一致。"
    lines = [f"对账不一致（{len(r.differences)} 处逐日差异）："]
    if r.refused:
        lines.append(f"  区中心拒收的本站事件：{r.refused} 条（见 sync --status）")
    if r.unsent:
        lines.append(f"  尚未被区中心接收的本站事件：{r.unsent} 条（待推送或因扫描件暂缓）")
    for d in r.differences:
        side = "本站事件" if d.origin == "station" else "区中心事件"
        lines.append(f"  {d.day} {side}：本站 {d.local.count} 条，区中心 {d.district.count} 条"
                     + ("（条数相同但编号不同）" if d.local.count == d.district.count else ""))
    lines.append("如有待同步的事件，先运行 `python -m clerk sync`；仍不一致请联系区中心。")
    return "\n".join(lines)
