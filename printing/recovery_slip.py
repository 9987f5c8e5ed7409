"""恢复密钥单: the station store's recovery key, printed once at set-up and kept locked
away (the window shows the key once; this slip is the copy that survives a lost PC).

Takes plain data, returns PDF bytes (A4, one unlabelled copy, CJK font embedded).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from printing.layout import Furniture, Story, Styles, build_pdf, fmt_datetime, para
from printing.model import DEFAULT_OPTIONS, PrintOptions

TITLE = "站点数据恢复密钥单"


@dataclass(frozen=True)
class RecoverySlip:
    district_name: str
    station_code: str
    station_name: str
    data_dir: str
    recovery_key: str
    issued_at: datetime


def render_recovery_slip(data: RecoverySlip, options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    return build_pdf(title=f"{TITLE} {data.station_code}",
                     furniture=Furniture(data.district_name, data.station_code, False, (None,)),
                     story=lambda st: _story(data, st), options=options, created=data.issued_at)


def _story(d: RecoverySlip, st: Styles) -> Story:
    from reportlab.lib.styles import ParagraphStyle

    big = ParagraphStyle("key", parent=st.body, fontSize=20, leading=30, alignment=1)
    title = ParagraphStyle("title", parent=st.body, fontSize=18, leading=26, alignment=1)
    rows = [f"站点：{d.station_name}（{d.station_code}）", f"数据目录：{d.data_dir}",
            f"生成时间：{fmt_datetime(d.issued_at)}"]
    steps = ("本站数据库已加密，密钥保存在本机的系统密钥环中。换电脑、重装系统或密钥环丢失时，"
             "须用本恢复密钥解锁数据库（python -m clerk unlock --recovery-key 恢复密钥）"
             "或在另一台电脑上恢复备份（python -m clerk restore --from 备份文件 "
             "--recovery-key 恢复密钥）。恢复密钥只在设置时显示一次，丢失后无法找回："
             "请把本单锁在柜中，勿拍照、勿外传；生成新的恢复密钥后本单作废。")
    # Four groups to a line: the key wraps where a person reads it, never mid-group.
    groups = d.recovery_key.split("-")
    lines = ["-".join(groups[i:i + 4]) for i in range(0, len(groups), 4)]
    return [para(TITLE, title), Spacer(1, 6 * mm),
            *[para(r, st.body) for r in rows], Spacer(1, 8 * mm),
            para("恢复密钥", st.body), *[para(line, big) for line in lines],
            Spacer(1, 8 * mm), para(steps, st.body)]
