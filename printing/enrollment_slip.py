"""登记码通知单: the one-time enrollment code of a station, printed by the district admin
and handed to the station (the code is shown once; the slip is the only copy).

Takes plain data, returns PDF bytes (A4, one unlabelled copy, CJK font embedded).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from printing.layout import Furniture, Story, Styles, build_pdf, fmt_datetime, para
from printing.model import DEFAULT_OPTIONS, PrintOptions

TITLE = "站点登记码通知单"


@dataclass(frozen=True)
class EnrollmentSlip:
    district_name: str
    server: str  # the district's address the station enters
    station_code: str
    station_name: str
    code: str
    expires_at: datetime
    issued_at: datetime
    issued_by: str


def render_enrollment_slip(data: EnrollmentSlip,
                           options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    return build_pdf(title=f"{TITLE} {data.station_code}",
                     furniture=Furniture(data.district_name, data.station_code, False, (None,)),
                     story=lambda st: _story(data, st), options=options, created=data.issued_at)


def _story(d: EnrollmentSlip, st: Styles) -> Story:
    from reportlab.lib.styles import ParagraphStyle

    big = ParagraphStyle("code", parent=st.body, fontSize=22, leading=30, alignment=1)
    title = ParagraphStyle("title", parent=st.body, fontSize=18, leading=26, alignment=1)
    rows = [
        f"站点：{d.station_name}（{d.station_code}）",
        f"区中心地址：{d.server}",
        f"有效期至：{fmt_datetime(d.expires_at)}（只能使用一次，一台电脑一个登记码）",
        f"签发：{d.issued_by}　{fmt_datetime(d.issued_at)}",
    ]
    steps = ("使用方法：在站点工作台的“同步”页点击“登记到区中心”，填写区中心地址、站点编码和"
             "本登记码，为本机起一个名称（如“2号窗口”）并设置窗口号。登记码遗失或过期，"
             "请联系区中心管理员重新签发；请妥善保管，勿拍照外传。")
    return [para(TITLE, title), Spacer(1, 6 * mm),
            *[para(r, st.body) for r in rows], Spacer(1, 8 * mm),
            para("一次性登记码", st.body), para(d.code, big), Spacer(1, 8 * mm),
            para(steps, st.body)]
