"""区中心办件统计报表: per station and per matter over a period — accepted, completed, on
time, overdue, on-time rate, average working days. No personal data.

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
    story += heading("一、按站点", st)
    story.append(_table("站点", data.by_station, data.total, st, width))
    story += heading("二、按事项", st)
    story.append(_table("事项", data.by_matter, data.total, st, width))
    story.append(Spacer(1, 4 * mm))
    story.append(KeepTogether([
        para("说明：受理为期间内受理的件数；办结为期间内作出决定（区级事项）或交付办结"
             "（站点事项）的件数，按办结期限判断按时或超期；平均用时为受理至办结的工作日数，"
             "退回补正和特别程序期间不计。", st.small),
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
              *(para(c.replace("（", "<br/>（"), st.cell_small) for c in COLUMNS)]
    body: list[list[Any]] = [header]
    for r in rows:
        body.append([_name_cell(r.name, r.code, st), *r.cells()])
    body.append([para("合计", st.cell_label), *total.cells()])
    name_w = 62 * mm
    count_w = (width - name_w) / len(COLUMNS)
    return table(body, [name_w] + [count_w] * len(COLUMNS), _BOX, st, repeatRows=1)
