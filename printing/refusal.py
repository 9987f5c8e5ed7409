"""不予受理通知书: the reason, its basis and the applicant's remedies."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from printing.layout import (
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
    title_block,
)
from printing.model import DEFAULT_OPTIONS, PrintOptions, RefusalData

TITLE = "不予受理通知书"


def remedies_text(reconsideration_body: str, court: str, document: str = "本通知书") -> str:
    """The applicant's remedies: reconsideration within 60 days or a lawsuit within 6 months.

    Both periods run from the day the applicant receives ``document``.
    """
    return (
        f"如不服本决定，可以自收到{document}之日起60日内向{reconsideration_body}申请行政复议"
        f"（《中华人民共和国行政复议法》），或者自收到{document}之日起6个月内向"
        f"{court}提起行政诉讼（《中华人民共和国行政诉讼法》）。"
    )


def render_refusal(data: RefusalData, options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    """Render the refusal notice as PDF bytes (two copies unless ``options.copies == 1``)."""
    return build_pdf(
        title=f"{TITLE} {data.meta.doc_no}",
        furniture=official_furniture(data.station.name, data.meta),
        story=lambda st: _story(data, st),
        options=options,
        created=data.meta.issued_at,
    )


def _story(data: RefusalData, st: Styles) -> Story:
    story: Story = title_block(TITLE, data.meta, st)
    story.append(form_grid([
        ("办件编号", data.case_no, "申请日期", fmt_date(data.applied_on)),
        ("申请事项", f"{data.matter_name}（事项编码：{data.matter_code}）"),
        *party_rows("申请人", data.applicant),
        *agent_rows(data.agent),
    ], st))
    story += [Spacer(1, 4 * mm), para(f"{data.applicant.name}：", st.body)]
    story.append(para(
        f"您于{fmt_date(data.applied_on)}提出的“{data.matter_name}”申请，经审查，"
        "决定不予受理。现将有关事项告知如下。",
        st.body_indent,
    ))
    story += heading("一、不予受理的理由", st)
    story.append(para(data.reason, st.body_indent))
    story += heading("二、依据", st)
    story.append(para(data.basis, st.body_indent))
    remedies = data.remedies_text or remedies_text(data.reconsideration_body, data.court)
    last: Story = [*heading("三、救济途径", st, cond_break=False), para(remedies, st.body_indent)]
    if data.materials_returned:
        last.append(para("您提交的申请材料已全部当场退还。", st.body_indent))
    story.append(closing_block(data.meta, data.station.seal_label, st, lead_in=last))
    return story
