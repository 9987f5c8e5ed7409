"""`python -m district`: serve the API and administer stations, users and publications.

Command names are fixed (scripts depend on them); each takes `--db URL` (default: SQLite
in the district data directory, or $STATIONDESK_DISTRICT_DB).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from clerk.errors import QT_TRANSLATE_NOOP, StationDeskError, ValidationError
from district.config import (
    ENV_DB,
    ENV_PUBLIC_URL,
    Settings,
    default_db_url,
    normalize_db_url,
    normalize_public_url,
    startup_problem,
)
from district.db import Database


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=None, metavar="URL",
                   help="database URL (sqlite:///path or postgresql://user@host/db); "
                        "default: $STATIONDESK_DISTRICT_DB or SQLite in the data directory")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m district",
                                     description="StationDesk 区政务服务中心服务")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("serve", help="启动 API 服务（uvicorn）")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--workers", type=_workers, default=1,
                   help=f"工作进程数（1-{MAX_WORKERS}），一般每个 CPU 核一个")
    p.add_argument("--public-url", default=None,
                   help="办件进度页的公开地址，如 https://zwfw.example.gov.cn/jindu（印在回执的二维码里；"
                        f"默认取环境变量 {ENV_PUBLIC_URL}）")
    p.add_argument("--log-level", default="warning",
                   choices=["critical", "error", "warning", "info", "debug"])
    _db_arg(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("check", help="启动前检查配置：数据库、数据目录、密钥")
    p.add_argument("--data-dir", type=Path, default=None,
                   help="数据目录（默认 $STATIONDESK_DISTRICT_DATA_DIR 或平台用户数据目录）")
    _db_arg(p)
    p.set_defaults(func=cmd_check)

    admin = sub.add_parser("admin", help="管理").add_subparsers(dest="admin_cmd", required=True)
    p = admin.add_parser("create-station", help="登记站点，打印一次性登记码")
    p.add_argument("--code", required=True, help="12 位统计用区划代码")
    p.add_argument("--name", required=True)
    _db_arg(p)
    p.set_defaults(func=cmd_create_station)
    p = admin.add_parser("station-contact",
                         help="站点的地址和电话（办件进度页告诉群众到哪里领取结果）")
    p.add_argument("--station", required=True, help="站点编码")
    p.add_argument("--address", required=True)
    p.add_argument("--phone", required=True)
    _db_arg(p)
    p.set_defaults(func=cmd_station_contact)
    p = admin.add_parser("issue-code", help="为站点的另一台设备（窗口）打印一次性登记码"
                                            "（不影响已登记的设备）")
    p.add_argument("--station", required=True, help="站点编码")
    _db_arg(p)
    p.set_defaults(func=cmd_issue_code)
    p = admin.add_parser("list-devices", help="列出站点的设备（窗口）")
    p.add_argument("--station", required=True, help="站点编码")
    p.add_argument("--all", action="store_true", help="也列出已吊销的设备")
    _db_arg(p)
    p.set_defaults(func=cmd_list_devices)
    p = admin.add_parser("revoke-device", help="吊销站点的一台设备（其他设备照常同步）")
    p.add_argument("--station", required=True, help="站点编码")
    p.add_argument("--device", required=True, help="设备名称，如“2号窗口”")
    _db_arg(p)
    p.set_defaults(func=cmd_revoke_device)
    p = admin.add_parser("create-user", help="新建工作人员账号")
    p.add_argument("--username", required=True)
    p.add_argument("--role", required=True, choices=["reviewer", "proxy", "admin"])
    p.add_argument("--display-name", default="")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码")
    _db_arg(p)
    p.set_defaults(func=cmd_create_user)
    p = admin.add_parser("revoke-station", help="吊销站点的设备令牌")
    p.add_argument("--code", required=True)
    _db_arg(p)
    p.set_defaults(func=cmd_revoke_station)
    p = admin.add_parser("publish-catalog", help="发布事项目录文件")
    p.add_argument("file", type=Path)
    _db_arg(p)
    p.set_defaults(func=cmd_publish_catalog)
    p = admin.add_parser("publish-calendar", help="发布年度节假日文件")
    p.add_argument("file", type=Path)
    _db_arg(p)
    p.set_defaults(func=cmd_publish_calendar)
    p = admin.add_parser("generate-key",
                         help="生成一个新的数据加密密钥（写入 STATIONDESK_DISTRICT_KEY）")
    p.add_argument("--id", default="k1", help="密钥编号（小写字母和数字，最多 8 个），默认 k1")
    p.set_defaults(func=cmd_generate_key)
    p = admin.add_parser("rotate-key",
                         help="把全部证件号码和电话改用当前密钥（配置中的第一个）重新加密")
    _db_arg(p)
    p.set_defaults(func=cmd_rotate_key)
    p = admin.add_parser("publish-client-version",
                         help="公布工作台的当前版本（站点同步后提示“有新版本”）")
    p.add_argument("version", help="版本号，如 0.2.0")
    p.add_argument("--url", required=True, metavar="WHERE",
                   help="获取方式：下载地址或联系部门（最多 64 个字符）")
    _db_arg(p)
    p.set_defaults(func=cmd_publish_client_version)
    return parser


MAX_WORKERS = 64  # a typo's 1000 would start 1000 interpreters of ~130 MB each


def _workers(text: str) -> int:
    """`--workers`: a whole number from 1 to MAX_WORKERS (argparse words the refusal)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是整数：{text!r}") from None
    if not 1 <= n <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"应为 1 到 {MAX_WORKERS}，收到 {n}")
    return n


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(db_url=normalize_db_url(args.db or default_db_url()))


def _db(args: argparse.Namespace) -> Database:
    return Database(_settings(args).db_url)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from district import balancer, crypto

    # A setting the workers would trip over is refused first, in one line (exit 2: invalid
    # input), before the key, the migration or a port is touched.
    problem = startup_problem(args.public_url)
    if problem:
        print(f"错误：{problem}", file=sys.stderr)
        return 2
    # Refuse before anything starts: without the key no ID number can be stored or read
    # (CryptoError, worded, exit 1); a wrongly spelled key is refused the same way.
    crypto.keyring()
    settings = _settings(args)
    # Migrate once here; the workers only check the schema (no race between them).
    _db(args).close()
    os.environ[ENV_DB] = settings.db_url
    if args.public_url is not None:  # the workers read it from the environment
        os.environ[ENV_PUBLIC_URL] = normalize_public_url(args.public_url)
    os.environ["STATIONDESK_DISTRICT_MIGRATE"] = "0"
    print(f"区中心服务：http://{args.host}:{args.port}/api/v1  数据库：{_safe(settings.db_url)}",
          file=sys.stderr, flush=True)
    if args.workers > 1 and balancer.supported():
        # The connections spread over the workers by their load (district.balancer),
        # not by which worker wakes first.
        return balancer.serve(uvicorn.Config(
            "district.app:app_from_env", factory=True, host=args.host, port=args.port,
            workers=args.workers, log_level=args.log_level, access_log=False), args.workers)
    uvicorn.run("district.app:app_from_env", factory=True, host=args.host, port=args.port,
                workers=args.workers if args.workers > 1 else None, log_level=args.log_level,
                access_log=False)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from district.check import run_checks
    from district.config import default_data_dir

    findings = run_checks(_settings(args).db_url, args.data_dir or default_data_dir())
    for finding in findings:
        print(finding.line())
    problems = sum(not f.ok for f in findings)
    print(f"发现 {problems} 个问题，服务不应启动。" if problems else "配置可以启动服务。")
    return 1 if problems else 0


def _safe(url: str) -> str:
    """The URL without a password, for printing."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _now() -> datetime:
    return datetime.now(UTC)


def cmd_create_station(args: argparse.Namespace) -> int:
    from district import admin

    db = _db(args)
    try:
        e = admin.create_station(db, code=args.code, name=args.name, now=_now())
    finally:
        db.close()
    print(f"站点 {e.station_code} {e.station_name} 的一次性登记码"
          f"（{e.expires_at:%Y-%m-%d} 前有效）：", file=sys.stderr)
    print(e.code)
    return 0


def cmd_station_contact(args: argparse.Namespace) -> int:
    from district import admin

    db = _db(args)
    try:
        admin.set_station_contact(db, station_code=args.station, address=args.address,
                                  phone=args.phone)
    finally:
        db.close()
    print(f"站点 {args.station} 的地址和电话已更新。", file=sys.stderr)
    return 0


def cmd_issue_code(args: argparse.Namespace) -> int:
    from district import admin

    db = _db(args)
    try:
        e = admin.issue_code(db, station_code=args.station, now=_now())
    finally:
        db.close()
    print(f"站点 {e.station_code} {e.station_name} 另一台设备的一次性登记码"
          f"（{e.expires_at:%Y-%m-%d} 前有效；已登记的设备不受影响）：", file=sys.stderr)
    print(e.code)
    return 0


def cmd_list_devices(args: argparse.Namespace) -> int:
    from district import admin

    db = _db(args)
    try:
        devices = admin.list_devices(db, args.station, revoked=args.all)
    finally:
        db.close()
    if not devices:
        print(f"站点 {args.station} 没有在用的设备。", file=sys.stderr)
    for d in devices:
        state = f"已吊销 {d.revoked_at:%Y-%m-%d %H:%M}" if d.revoked_at else "在用"
        number = f"{d.number:02d}" if d.number is not None else "--"
        print(f"{number}\t{d.name}\t登记于 {d.created_at:%Y-%m-%d %H:%M}\t{state}")
    return 0


def cmd_revoke_device(args: argparse.Namespace) -> int:
    from district import admin

    db = _db(args)
    try:
        admin.revoke_device(db, args.station, args.device, _now())
    finally:
        db.close()
    print(f"已吊销站点 {args.station} 的设备“{args.device}”；该站点的其他设备照常同步。")
    return 0


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "标准输入中没有密码。"),
                code="password.empty")
        return line
    if not sys.stdin.isatty():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "没有终端可以提示输入密码；请用 --password-stdin。"),
            code="password.no_tty")
    first = getpass.getpass("密码：")
    if getpass.getpass("再输一次：") != first:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "两次输入的密码不一致。"),
            code="password.mismatch")
    return first


def cmd_create_user(args: argparse.Namespace) -> int:
    from district import admin

    password = _password(args)
    db = _db(args)
    try:
        name = admin.create_user(db, username=args.username, password=password, role=args.role,
                                 display_name=args.display_name, now=_now())
    finally:
        db.close()
    print(f"已创建账号 {name}（{args.role}）")
    return 0


def cmd_revoke_station(args: argparse.Namespace) -> int:
    from district import admin

    db = _db(args)
    try:
        n = admin.revoke_station(db, args.code, _now())
    finally:
        db.close()
    print(f"已吊销站点 {args.code} 的 {n} 个设备令牌；该站点需重新登记。")
    return 0


def cmd_publish_catalog(args: argparse.Namespace) -> int:
    from district import admin

    db = _db(args)
    try:
        counts = admin.publish_catalog_file(db, args.file, _now())
    finally:
        db.close()
    print(f"已发布事项目录：新增 {counts['added']} 个版本，未变 {counts['unchanged']} 个。")
    return 0


def cmd_publish_calendar(args: argparse.Namespace) -> int:
    from district import admin

    db = _db(args)
    try:
        year, official, moved = admin.publish_calendar_file(db, args.file, _now())
    finally:
        db.close()
    print(f"已发布 {year} 年节假日（{'正式' if official else '暂定'}）；"
          f"{moved} 个案件的暂定到期日已重算。")
    return 0


def cmd_generate_key(args: argparse.Namespace) -> int:
    from district import crypto

    print(crypto.generate_key(args.id))
    print("请把这一行设为 STATIONDESK_DISTRICT_KEY（轮换时放在旧密钥之前，用逗号分隔），"
          "并另行妥善保管一份：丢失密钥将无法读取证件号码和电话。", file=sys.stderr)
    return 0


def cmd_rotate_key(args: argparse.Namespace) -> int:
    from district import crypto, sealing

    ring = crypto.keyring()
    db = _db(args)
    try:
        done = sealing.reseal_batched(db.write_conn, ring)
    finally:
        db.close()
    print(f"已改用密钥 {ring.current.key_id}：台账 {done.ledger_sealed}/{done.ledger_seen} 条、"
          f"案件 {done.cases_sealed}/{done.cases_seen} 件重新加密（其余已是当前密钥）。"
          "确认服务正常后，可从配置中删去旧密钥。")
    return 0


def cmd_publish_client_version(args: argparse.Namespace) -> int:
    from district import reference

    db = _db(args)
    try:
        with db.write() as s:
            reference.publish_client_version(s, args.version, args.url, _now())
    finally:
        db.close()
    print(f"已公布工作台版本 {args.version}（获取方式：{args.url}）；"
          "站点在下次同步后提示，不会自动安装。")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except StationDeskError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 2 if isinstance(exc, ValidationError) else 1
    except KeyboardInterrupt:
        return 130
