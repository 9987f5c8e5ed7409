"""站点日报: counts of cases by matter — received that day by current state, and by the
day's events — supervision levels, ratings by level and channel, and the day's
consultations (咨询 N 次, not cases). No personal data.

Each table says under its heading what it counts (the definitions of
:mod:`clerk.reports`). One unlabelled copy (the report is not handed to an applicant);
the page turns landscape when the state columns would not fit across A4 portrait.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from clerk.reports import (
    ACTIVITY_CAPTION,
    CONSULTATIONS_CAPTION,
    RATINGS_CAPTION,
    STATES_CAPTION,
)
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
from printing.model import DEFAULT_OPTIONS, DailyReportData, MatterCountRow, PrintOptions

TITLE = "站点日报"

#: More state columns than this and the table goes landscape.
PORTRAIT_MAX_STATES = 6


def report_no(data: DailyReportData) -> str:
    """A stable number for the report: RB-{station code}-{yyyymmdd}."""
    return f"RB-{data.station.code}-{data.report_date:%Y%m%d}"


def render_daily_report(data: DailyReportData, options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    """Render the station's daily report as PDF bytes (always one copy)."""
    landscape = len(data.state_columns) > PORTRAIT_MAX_STATES
    return build_pdf(
        title=f"{TITLE} {data.station.name} {data.report_date.isoformat()}",
        furniture=Furniture(data.station.name, report_no(data), False, (None,)),
        story=lambda st: _story(data, st, landscape),
        options=options,
        created=data.generated_at,
        landscape_page=landscape,
    )


def rate(part: int, total: int) -> str:
    """A percentage with one decimal, or — when there is nothing to divide."""
    return f"{100 * part / total:.1f}%" if total else "—"


_BOX: list[tuple[Any, ...]] = [
    ("GRID", (0, 0), (-1, -1), 0.6, GRID_COLOR),
    ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
]


def _story(data: DailyReportData, st: Styles, landscape: bool) -> Story:
    width = (257 if landscape else 170) * mm
    story: Story = [BoldLine(TITLE, st.font, 20, char_space=6, space_after=4 * mm)]
    story.append(table(
        [[para(f"站点：{data.station.name}（{data.station.code}）", st.body),
          para(f"报表日期：{fmt_date(data.report_date)}", st.right)],
         [para(f"报表编号：{report_no(data)}", st.body),
          para(f"生成时间：{fmt_datetime(data.generated_at)}", st.right)]],
        [width * 0.6, width * 0.4],
        [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)],
        st,
    ))
    story += heading("一、当日收件办件（按事项、当前状态统计件数）", st)
    story += [para(STATES_CAPTION, st.small), Spacer(1, 1.5 * mm)]
    story.append(_matter_table(data.rows, data.state_columns, data.column_totals(), st, width,
                               with_total=True))
    story += heading("二、当日办理情况（按事项、办理事件统计件数）", st)
    story += [para(ACTIVITY_CAPTION, st.small), Spacer(1, 1.5 * mm)]
    story.append(_matter_table(data.activity_rows, data.activity_columns,
                               data.activity_totals(), st, width, with_total=False))
    story += heading("三、电子监察", st)
    story.append(_supervision_table(data, st))
    story += heading("四、好差评", st)
    story += [para(RATINGS_CAPTION, st.small), Spacer(1, 1.5 * mm)]
    story.append(KeepTogether([
        _ratings_table(data, st, width),
        Spacer(1, 3 * mm),
        _channels_table(data, st),
        Spacer(1, 1.5 * mm),
        para(f"申请人不愿评价：{data.declined} 件（不计入评价等级和以上合计）", st.body),
        *heading("五、咨询登记", st, cond_break=False),
        para(f"咨询 {data.consultations} 次", st.body),
        para(CONSULTATIONS_CAPTION, st.small),
        Spacer(1, 8 * mm),
        para("制表：________________　　审核：________________", st.body),
    ]))
    return story


def _matter_cell(name: str, code: str, st: Styles) -> Paragraph:
    """The matter's name with its code in small type beneath."""
    return Paragraph(f"{escape(name)}<br/><font size=7.5 color=#555555>{escape(code)}</font>",
                     st.cell)


def _matter_table(lines: tuple[MatterCountRow, ...], columns: tuple[str, ...],
                  totals: tuple[int, ...], st: Styles, width: float, *,
                  with_total: bool) -> Any:
    """Matters × columns with a 合计 row; ``with_total``: also a row-total column (only
    where a case is in one column)."""
    extra = [para("合计", st.cell_label)] if with_total else []
    header = [para("事项", st.cell_label), *(para(s, st.cell_small) for s in columns), *extra]
    rows: list[list[Any]] = [header]
    for row in lines:
        rows.append([_matter_cell(row.matter_name, row.matter_code, st),
                     *(str(c) for c in row.counts), *([str(row.total)] if with_total else [])])
    rows.append([para("合计", st.cell_label), *(str(c) for c in totals),
                 *([str(sum(totals))] if with_total else [])])
    name_w = 62 * mm if width > 200 * mm else 44 * mm
    n = len(columns) + (1 if with_total else 0)
    count_w = (width - name_w) / n
    cmds = [
        *_BOX,
        ("BACKGROUND", (0, -1), (-1, -1), LABEL_FILL),
        # narrow count columns: tight padding keeps a 4-character state name on one line
        ("LEFTPADDING", (1, 0), (-1, -1), 2),
        ("RIGHTPADDING", (1, 0), (-1, -1), 2),
    ]
    return table(rows, [name_w] + [count_w] * n, cmds, st, repeatRows=1)


def _supervision_table(data: DailyReportData, st: Styles) -> Any:
    s = data.supervision
    rows = [
        [para(h, st.cell_label) for h in ("正常", "黄牌预警", "红牌超期", "合计")],
        [str(s.normal), str(s.yellow), str(s.red), str(s.total)],
    ]
    return table(rows, [30 * mm] * 4, _BOX, st, hAlign="LEFT")


def _ratings_table(data: DailyReportData, st: Styles, width: float) -> Any:
    r = data.ratings
    levels = r.by_level()
    header = [para(f"{label}（{level}）", st.cell_label) for level, label, _ in levels]
    header += [para(h, st.cell_label) for h in ("合计", "好评率", "中评率", "差评率")]
    values = [str(count) for _, _, count in levels]
    values += [str(r.total), rate(r.good, r.total), rate(r.middle, r.total), rate(r.bad, r.total)]
    return table([header, values], [width / 9] * 9, _BOX, st)


def _channels_table(data: DailyReportData, st: Styles) -> Any:
    """The day's ratings by where they came from (评价器, phone, clerk's entry)."""
    channels = data.rating_channels or (("窗口评价器", data.ratings.total),)
    header = [para("评价渠道", st.cell_label), *(para(label, st.cell_label)
                                              for label, _ in channels)]
    values = [para("件数", st.cell_label), *(str(n) for _, n in channels)]
    return table([header, values], [36 * mm] * (len(channels) + 1), _BOX, st, hAlign="LEFT")
