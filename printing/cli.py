"""`python -m clerk print …` and `report daily …`, added through the stationdesk.cli entry point."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from clerk.cli.common import CliContext, add_command, parse_date
from clerk.errors import StationDeskError, ValidationError
from clerk.files import write_durably
from clerk.options import PRINT_COPIES, PRINT_FONT_PATH
from printing.model import PrintOptions


def register(sub: Any) -> None:
    p = add_command(sub, "print", cmd_print, "打印办件文书（PDF）")
    p.add_argument("kind", choices=["notice", "receipt", "refusal", "result"])
    p.add_argument("case_no")
    p.add_argument("--out", required=True, type=Path, help="输出 PDF 文件")
    p.add_argument("--doc-no", default=None, help="指定文书编号（默认最近一份）")
    p.add_argument("--copies", type=int, choices=(1, 2), default=None,
                   help="联数（默认按设置，通常 2 联）")
    p.add_argument("--clerk", default=None)
    r = sub.add_parser("report", help="报表").add_subparsers(dest="report_cmd", required=True)
    p = add_command(r, "daily", cmd_daily, "站点日报（PDF）")
    p.add_argument("--date", required=True, type=parse_date)
    p.add_argument("--out", required=True, type=Path)


def options_for(ctx: CliContext, copies: int | None) -> PrintOptions:
    ws = ctx.workspace()
    n = copies if copies is not None else ws.settings.get(PRINT_COPIES)
    font = ws.settings.get(PRINT_FONT_PATH) or None
    return PrintOptions(copies=2 if n != 1 else 1, font_path=font)


def write_atomically(path: Path, data: bytes) -> None:
    """Write the whole file or nothing: a half-written PDF must never be printed."""
    path = path.expanduser()
    if path.is_dir():
        raise ValidationError(f"{path} 是目录，请给出文件名。", code="file.is_dir")
    write_durably(path, data)


def cmd_print(args: argparse.Namespace, ctx: CliContext) -> int:
    from clerk.cli.cmd_station import warn_unconfirmed_authority
    from printing.issue import renderer

    warn_unconfirmed_authority(ctx)
    ws = ctx.workspace()
    doc = ws.documents.issue(args.case_no, args.kind, renderer(options_for(ctx, args.copies)),
                             output=None, clerk=args.clerk, doc_no=args.doc_no)
    try:
        write_atomically(args.out, doc.pdf)
    except OSError as exc:
        raise StationDeskError(f"无法写入 {args.out}：{exc.strerror}", code="file.write") from exc
    # Logged once the file exists: a PDF written, not paper (the case shows 已保存 PDF).
    ws.documents.record_output(doc, "saved", clerk=args.clerk)
    ctx.emit({"kind": doc.kind, "doc_no": doc.doc_no, "case_no": doc.case_no,
              "reprint": doc.reprint, "out": str(args.out), "bytes": len(doc.pdf)},
             f"已生成{doc.title}{'（补打）' if doc.reprint else ''} {doc.doc_no} → {args.out}")
    return 0


def cmd_daily(args: argparse.Namespace, ctx: CliContext) -> int:
    from printing.issue import render_daily_report

    pdf = render_daily_report(ctx.workspace().documents.daily_report(args.date),
                              options_for(ctx, 1))
    write_atomically(args.out, pdf)
    ctx.emit({"date": args.date, "out": str(args.out), "bytes": len(pdf)},
             f"已生成 {args.date} 站点日报 → {args.out}")
    return 0
