"""办结通知: the decision, the result and how it reaches the applicant; rating invited."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from printing.layout import (
    GridRow,
    Story,
    Styles,
    agent_rows,
    build_pdf,
    closing_block,
    fmt_date,
    form_grid,
    heading,
    official_furniture,
    para,
    party_rows,
    place_row,
    title_block,
)
from printing.model import DECISION_LABELS, DEFAULT_OPTIONS, PrintOptions, ResultData
from printing.refusal import remedies_text

TITLE = "办结通知"

RATING_LEVELS = ("非常满意", "满意", "基本满意", "不满意", "非常不满意")


class CheckboxRow(Flowable):
    """Tick boxes with labels on one line.

    Drawn, not typed: the CJK fonts' U+25A1 is a small half-width square, too small to tick.
    """

    BOX = 3.6 * mm
    GAP = 7 * mm

    def __init__(self, labels: tuple[str, ...], font: str, size: float, indent: float) -> None:
        super().__init__()
        self.labels = labels
        self.font = font
        self.size = size
        self.indent = indent

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, self.BOX + 3 * mm

    def draw(self) -> None:
        canv = self.canv
        x = self.indent
        y = 1.2 * mm
        canv.setLineWidth(0.7)
        canv.setFont(self.font, self.size)
        for label in self.labels:
            canv.rect(x, y, self.BOX, self.BOX, stroke=1, fill=0)
            canv.drawString(x + self.BOX + 1.5 * mm, y + 0.4 * mm, label)
            x += self.BOX + 1.5 * mm + canv.stringWidth(label, self.font, self.size) + self.GAP


def render_result(data: ResultData, options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    """Render the result notice as PDF bytes (two copies unless ``options.copies == 1``)."""
    return build_pdf(
        title=f"{TITLE} {data.meta.doc_no}",
        furniture=official_furniture(data.station, data.meta),
        story=lambda st: _story(data, st),
        options=options,
        created=data.meta.issued_at,
    )


def _grid(data: ResultData) -> list[GridRow]:
    rows: list[GridRow] = [
        ("办件编号", data.case_no, "办结日期", fmt_date(data.decision_date)),
        ("申请事项", f"{data.matter_name}（事项编码：{data.matter_code}）"),
        *party_rows("申请人", data.applicant),
        *agent_rows(data.agent),
        place_row(data.station),
        ("办理结果", DECISION_LABELS[data.decision], "结果名称", data.result_name or "—"),
    ]
    if data.decision_no:
        rows.append(("决定文号", data.decision_no, "送达方式", data.delivery))
    else:
        rows.append(("送达方式", data.delivery))
    return rows


def _story(data: ResultData, st: Styles) -> Story:
    story: Story = title_block(TITLE, data.meta, st, authority=data.station.issuer)
    story.append(form_grid(_grid(data), st))
    story += [Spacer(1, 4 * mm), para(f"{data.applicant.name}：", st.body)]
    story.append(para(
        f"您申请办理的“{data.matter_name}”（办件编号 {data.case_no}）已于"
        f"{fmt_date(data.decision_date)}办理完毕，结果为：{DECISION_LABELS[data.decision]}。",
        st.body_indent,
    ))
    story += heading("一、办理结果", st)
    story.append(para(data.decision_text, st.body_indent))
    n = 2
    if data.decision == "denied":
        story += heading("二、救济途径", st)
        story.append(para(remedies_text(data.reconsideration_body, "本通知"), st.body_indent))
        n = 3
    last: Story = [
        *heading(f"{'一二三'[n - 1]}、服务评价", st, cond_break=False),
        para(data.rating_invitation, st.body_indent),
        CheckboxRow(RATING_LEVELS, st.font, 10.5, indent=21),
        *([para("也可以扫描下方二维码，在手机上查看办理结果并评价（每件只评价一次）。",
                st.body_indent)] if data.qr_payload else []),
        para(f"投诉电话：{data.station.complaint_phone}", st.body_indent),
    ]
    qr = (data.qr_payload, data.case_no) if data.qr_payload else None
    story.append(closing_block(data.meta, data.station.seal_label, st, signer="领取人（签收）",
                               qr=qr, lead_in=last))
    return story
