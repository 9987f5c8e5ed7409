"""一次性告知单: every missing item at once, each with the standard it must meet."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from clerk.issuing import notice_finding, quoted_matter
from printing.layout import (
    Story,
    Styles,
    agent_rows,
    build_pdf,
    closing_block,
    fmt_date,
    form_grid,
    heading,
    material_table,
    official_furniture,
    para,
    party_rows,
    place_row,
    title_block,
)
from printing.model import DEFAULT_OPTIONS, MaterialLine, NoticeData, PrintOptions

TITLE = "一次性告知单"

SECTION_NUMBERS = "一二三四五六七八九十"


def render_notice(data: NoticeData, options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    """Render the one-time notice as PDF bytes (two copies unless ``options.copies == 1``)."""
    return build_pdf(
        title=f"{TITLE} {data.meta.doc_no}",
        furniture=official_furniture(data.station, data.meta),
        story=lambda st: _story(data, st),
        options=options,
        created=data.meta.issued_at,
    )


def _requirement(line: MaterialLine) -> str:
    return "；".join(p for p in (line.requirement, line.note) if p)


def _promise(line: MaterialLine) -> str:
    # the note of a deferred line usually restates the promise: the date field wins
    promised = f"承诺于{fmt_date(line.promised_by)}前补交" if line.promised_by else line.note
    return "；".join(p for p in (promised, line.requirement) if p)


def _story(data: NoticeData, st: Styles) -> Story:
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
        f"{notice_finding(data.matter_type)}。依照下列告知依据，现将需要补正的全部内容"
        f"一次性告知如下，本单以外的材料不再要求提交。",
        st.body_indent,
    ))
    sections = _sections(data, st)
    for n, (title, body) in enumerate(sections[:-1]):
        story += heading(f"{SECTION_NUMBERS[n]}、{title}", st)
        story += body
    last_title, last_body = sections[-1]
    last = [*heading(f"{SECTION_NUMBERS[len(sections) - 1]}、{last_title}", st, cond_break=False),
            *last_body]
    qr = (data.qr_payload, data.case_no) if data.qr_payload else None
    story.append(closing_block(data.meta, data.station.seal_label, st, qr=qr, lead_in=last))
    return story


def _sections(data: NoticeData, st: Styles) -> list[tuple[str, Story]]:
    """The numbered sections; empty tables are left out so numbering stays continuous."""
    sections: list[tuple[str, Story]] = [(
        f"需要补正的材料（共{len(data.missing)}项）",
        [material_table(data.missing, "要求（受理标准）", _requirement, st)],
    )]
    if data.deferred:
        sections.append((
            f"容缺后补的材料（共{len(data.deferred)}项）",
            [material_table(data.deferred, "承诺补交日期及要求", _promise, st)],
        ))
    if data.received:
        sections.append((
            f"已收取的材料（共{len(data.received)}项）",
            [material_table(data.received, "备注", lambda m: m.note, st)],
        ))
    address = data.submit_place or data.station.address
    place = f"{address}（{data.station.name}）" if address else data.station.name
    hours = data.submit_hours or data.station.office_hours
    sections.append(("补正地点和时间", [para(
        f"请携带上述材料到{place}补正。办公时间：{hours}。"
        f"咨询电话：{data.station.phone}。材料补齐且符合要求的，当场予以受理。",
        st.body_indent,
    )]))
    sections.append(("告知依据", [para(data.legal_basis, st.body_indent)]))
    return sections
