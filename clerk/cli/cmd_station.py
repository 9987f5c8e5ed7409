"""init, user, audit verify, backup, doctor."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from clerk import accounts, numbering
from clerk.cases.audit import verify
from clerk.cli.common import CliContext, add_command, read_password
from clerk.issuing import default_reviewer, validate_authority
from clerk.scans import scan_problems
from clerk.workspace import LEVELS, validate_station_inputs


def register(sub: Any) -> None:
    p = add_command(sub, "init", cmd_init, "初始化本机站点：站点编码、名称与首个管理员")
    p.add_argument("--station-code", required=True, help="12 位统计用区划代码")
    p.add_argument("--station-name", required=True)
    p.add_argument("--admin", required=True, help="管理员用户名")
    p.add_argument("--admin-name", default="", help="管理员姓名")
    p.add_argument("--level", choices=sorted(LEVELS), default="community")
    p.add_argument("--phone", default="", help="站点咨询电话")
    p.add_argument("--address", default="")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读取管理员密码")
    p.add_argument("--device-no", type=int, default=1,
                   help="本机窗口号 1–99：本站每台电脑一个不同的号（案件编号的一部分，"
                        "离线也不会重号）；默认 1")
    p.add_argument("--device-name", default="",
                   help="本机名称（1–20 个字符），如“2号窗口”；登记到区中心时使用，默认“N号窗口”")
    p.add_argument("--authority", default="",
                   help="本站代为受理的机关（出具文书的名义），如“北京市海淀区学院路街道办事处”；"
                        "不填则按站点名称推定，须在设置中确认")

    a = add_command(sub, "authority", cmd_authority,
                    "查看或设置出具文书的机关（街道办事处）、行政复议机关与一次性告知依据")
    a.add_argument("--set", dest="station_level", default=None,
                   help="站点办结事项的出具机关，如“北京市海淀区学院路街道办事处”")
    a.add_argument("--reviewer", default=None, help="行政复议机关（默认：北京市某区人民政府）")
    a.add_argument("--notice-rule", default=None, help="非行政许可事项引用的一次性告知依据")

    user = sub.add_parser("user", help="窗口人员账号").add_subparsers(dest="user_cmd",
                                                                   required=True)
    u = add_command(user, "add", cmd_user_add, "新增窗口人员账号")
    u.add_argument("username")
    u.add_argument("--name", default="")
    u.add_argument("--role", choices=accounts.ROLES, default="clerk")
    u.add_argument("--phone", default="")
    u.add_argument("--password-stdin", action="store_true")
    add_command(user, "list", cmd_user_list, "列出账号")

    audit = sub.add_parser("audit", help="审计").add_subparsers(dest="audit_cmd", required=True)
    add_command(audit, "verify", cmd_audit_verify, "校验事件哈希链与案件记录")

    add_command(sub, "doctor", cmd_doctor,
                "检查本机：数据库、扫描件、密钥环中的设备令牌、与区中心的连接"
                "（退出码 0 正常，1 有问题）")

    b = add_command(sub, "backup", cmd_backup, "在线备份本站数据库和扫描件（一个加密的备份文件）")
    b.add_argument("--to", required=True, type=Path, help="备份文件路径（不得已存在）")

    r = add_command(sub, "restore", cmd_restore,
                    "把备份恢复到一个新的数据目录（--data-dir）；在另一台电脑上须给出恢复密钥")
    r.add_argument("--from", dest="source", required=True, type=Path, help="备份文件")
    r.add_argument("--recovery-key", default=None, help="初始化时显示的恢复密钥 XXXX-XXXX-…")

    k = add_command(sub, "unlock", cmd_unlock,
                    "用恢复密钥打开本数据目录的数据库（新电脑、密钥环丢失后），把密钥放回密钥环")
    k.add_argument("--recovery-key", required=True, help="初始化时显示的恢复密钥 XXXX-XXXX-…")

    rk = sub.add_parser("recovery-key", help="恢复密钥").add_subparsers(dest="recovery_cmd",
                                                                     required=True)
    add_command(rk, "new", cmd_recovery_key_new,
                "生成新的恢复密钥（只显示这一次；旧的恢复密钥随即失效）")


def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    password = read_password(args, "管理员密码：")
    # Validate first: a refused init must not leave a half-made database behind.
    validate_station_inputs(code=args.station_code, name=args.station_name, level=args.level,
                            admin=args.admin, password=password)
    if args.authority.strip():
        validate_authority(args.authority, default_reviewer("区"))
    device_no = numbering.validate_device_no(args.device_no)
    if args.device_name.strip():
        numbering.validate_device_name(args.device_name)
    ws = ctx.workspace(create=True)
    info = ws.init_station(code=args.station_code, name=args.station_name, admin=args.admin,
                           password=password, level=args.level, phone=args.phone,
                           address=args.address, admin_name=args.admin_name,
                           authority=args.authority, device_no=device_no,
                           device_name=args.device_name)
    recovery_key = ws.create_recovery_key()
    ctx.emit(asdict(info) | {"data_dir": str(ctx.data_dir), "matters": len(ws.matters()),
                             "recovery_key": recovery_key},
             f"已初始化站点 {info.name}（{info.code}，{info.district_name}），"
             f"管理员 {args.admin}，数据目录 {ctx.data_dir}\n" + recovery_text(recovery_key))
    warn_unconfirmed_authority(ctx)
    return 0


def recovery_text(recovery_key: str) -> str:
    return (f"恢复密钥：{recovery_key}\n"
            "本站数据库已加密，密钥保存在本机密钥环中。请把上面的恢复密钥抄写或打印后妥善保管"
            "（它只显示这一次）：换电脑、重装系统或密钥环丢失时，要用它解锁数据库或恢复备份"
            "（python -m clerk unlock / restore --recovery-key …）。")


def cmd_recovery_key_new(args: argparse.Namespace, ctx: CliContext) -> int:
    recovery_key = ctx.workspace().create_recovery_key()
    ctx.emit({"recovery_key": recovery_key}, recovery_text(recovery_key))
    return 0


def cmd_unlock(args: argparse.Namespace, ctx: CliContext) -> int:
    from clerk.store import recovery

    recovery.unlock(ctx.data_dir, args.recovery_key)
    ctx.workspace()  # opens with the key just put back
    ctx.emit({"unlocked": str(ctx.data_dir)}, f"已解锁数据目录 {ctx.data_dir}，密钥已放回密钥环。")
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from clerk.scans import LocalBlobs
    from clerk.store.backup import restore

    restore(args.source, ctx.data_dir, scans=LocalBlobs, recovery_key=args.recovery_key)
    info = ctx.workspace().station()  # migrates an older backup, checks it opens
    ctx.emit({"restored": str(ctx.data_dir), "station": info.code if info else None},
             f"已把备份 {args.source} 恢复到数据目录 {ctx.data_dir}"
             + (f"（{info.name}）" if info else "") + "。")
    return 0


def cmd_authority(args: argparse.Namespace, ctx: CliContext) -> int:
    ws = ctx.workspace()
    current = ws.authority()
    if any(v is not None for v in (args.station_level, args.reviewer, args.notice_rule)):
        ws.save_authority(
            current.station_level if args.station_level is None else args.station_level,
            current.reviewer if args.reviewer is None else args.reviewer,
            current.notice_rule if args.notice_rule is None else args.notice_rule)
        current = ws.authority()
    ctx.emit(asdict(current), f"站点办结事项的出具机关：{current.station_level}\n"
                              f"上报件的出具机关：事项的实施部门（如北京市某区民政局）\n"
                              f"行政复议机关：{current.reviewer}\n"
                              f"一次性告知依据（非行政许可事项）：{current.notice_rule}\n"
                              f"{'已确认' if current.confirmed else '尚未确认'}")
    return 0


def warn_unconfirmed_authority(ctx: CliContext) -> None:
    """One line on stderr while the documents still use the guessed authority."""
    auth = ctx.workspace().authority()
    if not auth.confirmed:
        print(f"提示：出具文书的机关尚未确认，当前按“{auth.station_level}”打印；"
              "请运行 authority --set … 或在工作台“设置”中确认。", file=sys.stderr)


def cmd_user_add(args: argparse.Namespace, ctx: CliContext) -> int:
    ws = ctx.workspace()
    password = read_password(args)
    with ws.store.write() as s:
        acc = accounts.create_account(s, username=args.username, password=password,
                                      role=args.role, display_name=args.name, phone=args.phone,
                                      now=ws.now())
    ctx.emit(asdict(acc), f"已新增账号 {acc.username}（{acc.display_name}，{acc.role}）")
    return 0


def cmd_user_list(args: argparse.Namespace, ctx: CliContext) -> int:
    ws = ctx.workspace()
    with ws.store.read() as s:
        accs = accounts.list_accounts(s)
    ctx.emit([asdict(a) for a in accs], lambda: "\n".join(
        f"{a.username:<16}{a.display_name:<10}{a.role:<8}{'在用' if a.active else '停用'}"
        for a in accs))
    return 0


def cmd_audit_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    ws = ctx.workspace()
    damage = ws.store.integrity_problem()
    if damage:
        ctx.emit({"ok": False, "problem": f"数据库文件损坏：{damage}"},
                 f"审计失败：数据库文件损坏（{damage}），请从备份恢复。")
        return 1
    with ws.store.read() as s:
        result = verify(s)
    scans = scan_problems(ws.store)
    if result.ok and scans:
        words = {"missing": "缺失", "damaged": "已损坏"}
        first = scans[0]
        ctx.emit(asdict(result) | {"ok": False, "scans": [asdict(p) for p in scans]},
                 f"审计失败：{len(scans)} 个被引用的扫描件有问题（例如 {first.case_no} 的扫描件 "
                 f"{first.sha256[:12]}… {words[first.problem]}）；运行 doctor 查看全部。")
        return 1
    if result.ok:
        ctx.emit(asdict(result),
                 f"审计通过：{result.events} 个事件，{result.cases} 件案件，哈希链完整。")
        return 0
    where = f"（第 {result.position} 个事件，事件号 {result.event_id}）" if result.position \
        else (f"（事件号 {result.event_id}）" if result.event_id else "")
    ctx.emit(asdict(result), f"审计失败：{result.problem}{where}")
    return 1


def cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    target = ctx.workspace().backup(args.to)
    ctx.emit({"backup": str(target)}, f"已备份到 {target}")
    return 0


def cmd_doctor(args: argparse.Namespace, ctx: CliContext) -> int:
    from clerk import doctor

    findings = doctor.run(ctx.workspace())
    ok = all(f.ok for f in findings)

    def text() -> str:
        lines = []
        for f in findings:
            lines.append(f"{'正常' if f.ok else '问题'}  {f.part}：{f.detail}")
            lines += [f"      {item}" for item in f.items]
        lines.append("检查通过。" if ok else "发现问题，请按上面的提示处理。")
        return "\n".join(lines)

    ctx.emit({"ok": ok, "findings": [asdict(f) for f in findings]}, text)
    return 0 if ok else 1
