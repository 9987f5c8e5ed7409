"""不予受理通知书: the reason, its basis and the applicant's remedies."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from clerk.issuing import quoted_matter, remedies, sentence
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
    place_row,
    title_block,
)
from printing.model import DEFAULT_OPTIONS, PrintOptions, RefusalData

TITLE = "不予受理通知书"


def remedies_text(reconsideration_body: str, document: str = "本通知书") -> str:
    """The applicant's remedies (wording in ``clerk.issuing.remedies``)."""
    return remedies(reconsideration_body, document)


def render_refusal(data: RefusalData, options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    """Render the refusal notice as PDF bytes (two copies unless ``options.copies == 1``)."""
    return build_pdf(
        title=f"{TITLE} {data.meta.doc_no}",
        furniture=official_furniture(data.station, data.meta),
        story=lambda st: _story(data, st),
        options=options,
        created=data.meta.issued_at,
    )


def _story(data: RefusalData, st: Styles) -> Story:
    story: Story = title_block(TITLE, data.meta, st, authority=data.station.issuer)
    story.append(form_grid([
        ("办件编号", data.case_no, "申请日期", fmt_date(data.applied_on)),
        ("申请事项", f"{data.matter_name}（事项编码：{data.matter_code}）"),
        place_row(data.station),
        *party_rows("申请人", data.applicant),
        *agent_rows(data.agent),
    ], st))
    story += [Spacer(1, 4 * mm), para(f"{data.applicant.name}：", st.body)]
    story.append(para(
        f"您于{fmt_date(data.applied_on)}提出的{quoted_matter(data.matter_name)}，经审查，"
        f"{data.station.issuer}决定不予受理。现将有关事项告知如下。",
        st.body_indent,
    ))
    story += heading("一、不予受理的理由", st)
    story.append(para(sentence(data.reason), st.body_indent))
    story += heading("二、依据", st)
    story.append(para(data.basis, st.body_indent))
    text = data.remedies_text or remedies_text(data.reconsideration_body)
    last: Story = [*heading("三、救济途径", st, cond_break=False), para(text, st.body_indent)]
    if data.materials_returned:
        last.append(para("您提交的申请材料已全部当场退还。", st.body_indent))
    story.append(closing_block(data.meta, data.station.seal_label, st, lead_in=last))
    return story
