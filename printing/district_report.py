"""区中心办件统计报表: per station and per matter over a period — accepted, completed, on
time, overdue, on-time rate, average working days — and the period's ratings by channel.
No personal data. Every column counts cases, each once, by the event it names; the
report says so under its heading (:data:`DEFINITION`).

Takes plain data (:class:`DistrictReportData`), returns PDF bytes (A4 portrait, one
unlabelled copy, the CJK font embedded as a subset). `report_csv` gives the same tables
as CSV text for spreadsheets.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from printing.layout import (
    GRID_COLOR,
    LABEL_FILL,
    BoldLine,
    Furniture,
    Story,
    Styles,
    build_pdf,
    fmt_date,
    fmt_datetime,
    heading,
    para,
    table,
)
from printing.model import DEFAULT_OPTIONS, PrintOptions

TITLE = "办件统计报表"
COLUMNS = ("受理", "办结", "按时办结", "超期办结", "按时率", "平均用时（工作日）")
#: What the columns count, printed under the title (and shown on the 统计报表 page).
DEFINITION = ("统计口径：各栏均为办件数，每件只计一次。受理为受理日期在期间内的办件；办结为期间内"
              "作出决定（区级事项）或交付办结（站点事项）的办件，以其首次办结日计，按办结期限判断"
              "按时或超期；平均用时为受理至办结的工作日数，退回补正和特别程序期间不计。"
              "一件可同时计入受理和办结，两栏不相加。")


@dataclass(frozen=True)
class ReportRow:
    code: str
    name: str
    accepted: int
    completed: int
    on_time: int
    overdue: int
    average_days: float | None

    @property
    def on_time_rate(self) -> str:
        return f"{100 * self.on_time / self.completed:.1f}%" if self.completed else "—"

    @property
    def average(self) -> str:
        return f"{self.average_days:.1f}" if self.average_days is not None else "—"

    def cells(self) -> list[str]:
        return [str(self.accepted), str(self.completed), str(self.on_time), str(self.overdue),
                self.on_time_rate, self.average]


@dataclass(frozen=True)
class DistrictReportData:
    district_name: str
    since: date
    until: date
    generated_at: datetime
    generated_by: str
    by_station: Sequence[ReportRow]
    by_matter: Sequence[ReportRow]
    total: ReportRow
    # The period's ratings by channel: (label, count), e.g. ("窗口评价器", 40)
    rating_channels: Sequence[tuple[str, int]] = ()
    # Cases whose citizen declined to rate: counted apart, never as a rating
    declined: int = 0

    @property
    def report_no(self) -> str:
        return f"QB-{self.since:%Y%m%d}-{self.until:%Y%m%d}"


def render_district_report(data: DistrictReportData,
                           options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    return build_pdf(
        title=f"{TITLE} {data.since.isoformat()}–{data.until.isoformat()}",
        furniture=Furniture(data.district_name, data.report_no, False, (None,)),
        story=lambda st: _story(data, st), options=options, created=data.generated_at)


def report_csv(data: DistrictReportData) -> str:
    """Both tables as CSV (UTF-8 text; write it with a BOM for spreadsheet programs)."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow([TITLE, f"{data.since.isoformat()} 至 {data.until.isoformat()}"])
    for title, rows in (("站点", data.by_station), ("事项", data.by_matter)):
        w.writerow([])
        w.writerow([title, "编码", *COLUMNS])
        for r in rows:
            w.writerow([r.name, r.code, *r.cells()])
        w.writerow(["合计", "", *data.total.cells()])
    if data.rating_channels:
        w.writerow([])
        w.writerow(["评价渠道", "件数"])
        for label, n in data.rating_channels:
            w.writerow([label, n])
        w.writerow(["申请人不愿评价（不计入评价）", data.declined])
    w.writerow([])
    w.writerow([DEFINITION])
    return out.getvalue()


_BOX: list[tuple[Any, ...]] = [
    ("GRID", (0, 0), (-1, -1), 0.6, GRID_COLOR),
    ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
    ("BACKGROUND", (0, -1), (-1, -1), LABEL_FILL),
    ("ALIGN", (1, 0), (-1, -1), "CENTER"),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ("LEFTPADDING", (1, 0), (-1, -1), 2),
    ("RIGHTPADDING", (1, 0), (-1, -1), 2),
]


def _story(data: DistrictReportData, st: Styles) -> Story:
    width = 170 * mm
    story: Story = [BoldLine(TITLE, st.font, 20, char_space=6, space_after=4 * mm)]
    story.append(table(
        [[para(f"单位：{data.district_name}", st.body),
          para(f"统计期间：{fmt_date(data.since)} 至 {fmt_date(data.until)}", st.right)],
         [para(f"报表编号：{data.report_no}", st.body),
          para(f"生成时间：{fmt_datetime(data.generated_at)}", st.right)]],
        [width * 0.5, width * 0.5],
        [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)], st))
    story += [Spacer(1, 2 * mm), para(DEFINITION, st.small)]
    story += heading("一、按站点", st)
    story.append(_table("站点", data.by_station, data.total, st, width))
    story += heading("二、按事项", st)
    story.append(_table("事项", data.by_matter, data.total, st, width))
    story += heading("三、好差评（按评价渠道）", st)
    story.append(KeepTogether([
        para("期间内记录的评价，每件一次（以评价记录日计）。", st.small),
        Spacer(1, 1.5 * mm),
        _channels_table(data, st),
        Spacer(1, 1.5 * mm),
        para(f"申请人不愿评价：{data.declined} 件（不计入以上合计）", st.body),
        Spacer(1, 8 * mm),
        para(f"制表：{escape(data.generated_by)}　　　　审核：________________", st.body),
    ]))
    return story


def _name_cell(name: str, code: str, st: Styles) -> Paragraph:
    return Paragraph(f"{escape(name)}<br/><font size=7.5 color=#555555>{escape(code)}</font>",
                     st.cell)


def _table(first: str, rows: Sequence[ReportRow], total: ReportRow, st: Styles,
           width: float) -> Any:
    header = [para(first, st.cell_label),
              # a long heading breaks before its unit (markup: the text is ours, escaped)
              *(Paragraph(escape(c).replace("（", "<br/>（"), st.cell_small) for c in COLUMNS)]
    body: list[list[Any]] = [header]
    for r in rows:
        body.append([_name_cell(r.name, r.code, st), *r.cells()])
    body.append([para("合计", st.cell_label), *total.cells()])
    name_w = 62 * mm
    count_w = (width - name_w) / len(COLUMNS)
    return table(body, [name_w] + [count_w] * len(COLUMNS), _BOX, st, repeatRows=1)


def _channels_table(data: DistrictReportData, st: Styles) -> Any:
    channels = list(data.rating_channels) or [("—", 0)]
    total = sum(n for _, n in channels)
    header = [para("评价渠道", st.cell_label), *(para(escape(label), st.cell_label)
                                              for label, _ in channels),
              para("合计", st.cell_label)]
    values = [para("件数", st.cell_label), *(str(n) for _, n in channels), str(total)]
    cmds = [c for c in _BOX if c[0] != "BACKGROUND" or c[1] == (0, 0)]
    return table([header, values], [34 * mm] * (len(channels) + 2), cmds, st, hAlign="LEFT")
