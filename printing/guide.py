"""办事指南: a matter's service guide for a citizen who only asks, from the catalog alone.

What to bring (with counts, originals/copies and the standard each must meet), the
conditions (only when the catalog states them), the limits (法律法规未规定 where no law
sets one), the fees, where and when to apply, whom to call, and the district's progress
page as a QR code when the station knows its address. One unlabelled copy: it is handed
over, not filed. No personal data: nobody has applied yet.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from clerk.catalog import Material, Matter
from clerk.issuing import Authority, district_name, limit_text
from clerk.station import StationInfo as StationRow
from printing.layout import (
    BoldLine,
    Furniture,
    Story,
    Styles,
    build_pdf,
    fmt_date,
    fmt_datetime,
    form_grid,
    heading,
    material_table,
    para,
    table,
)
from printing.model import (
    DEFAULT_OPTIONS,
    GuideData,
    MaterialLine,
    PrintOptions,
    StationInfo,
)
from printing.qr_payload import lookup_url

TITLE = "办事指南"

SECTION_NUMBERS = "一二三四五六七八九十"


def guide_data(matter: Matter, station: StationRow, authority: Authority, *,
               progress_base: str, generated_at: datetime) -> GuideData:
    """The guide's view model from the catalog's matter and the station's facts."""
    issuer = authority.issuer(matter.handling_level.value, matter.department,
                              district_name(station.district_code))
    info = StationInfo(name=station.name, code=station.code, address=station.address,
                       phone=station.phone, authority=issuer)
    return GuideData(
        station=info, generated_at=generated_at, matter_name=matter.name,
        matter_code=matter.code, matter_type=matter.type.label, department=matter.department,
        service_object=matter.service_object.label, case_kind=matter.case_kind.label,
        handling_level=matter.handling_level.label,
        materials=tuple(_material(m) for m in sorted(matter.materials, key=lambda m: m.order)),
        legal_limit_days=matter.legal_limit_days,
        committed_limit_days=matter.committed_limit_days, version=matter.version,
        valid_from=matter.valid_from, legal_basis=matter.legal_basis,
        conditions=matter.conditions, limit_note=matter.limit_note or "",
        special_procedures=tuple(
            p.name + (f"（{p.days}日）" if p.days is not None else "")
            for p in matter.special_procedures),
        fees=tuple(f"{f.name} {f.amount_yuan}元" + (f"（依据：{f.basis}）" if f.basis else "")
                   for f in matter.fees),
        result_name=matter.result_name, place=matter.place, office_hours=matter.office_hours,
        enquiry_phone=matter.enquiry_phone, complaint_phone=matter.complaint_phone,
        progress_url=lookup_url(progress_base))


def _material(m: Material) -> MaterialLine:
    name = m.name + (f"（{m.condition}）" if m.condition else "")
    return MaterialLine(name=name, form_label=m.form.label, original_count=m.original_count,
                        copy_count=m.copy_count, requirement=m.requirement,
                        necessity_label=m.necessity.label, note=m.source.label)


def render_guide(data: GuideData, options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    """The guide as PDF bytes (always one copy)."""
    header = f"{data.station.issuer}　受理地点：{data.station.name}"
    return build_pdf(
        title=f"{TITLE} {data.matter_name}",
        furniture=Furniture(header, "", False, (None,)),
        story=lambda st: _story(data, st),
        options=options,
        created=data.generated_at,
    )


def _requirement(line: MaterialLine) -> str:
    """必要/非必要/容缺后补/信息免交, where it comes from, and its 受理标准."""
    return "；".join(p for p in (line.necessity_label, line.note, line.requirement) if p)


def _story(data: GuideData, st: Styles) -> Story:
    story: Story = [
        BoldLine(data.station.issuer, st.font, 14, space_after=1 * mm),
        BoldLine(TITLE, st.font, 20, char_space=6, space_after=1.5 * mm),
        BoldLine(data.matter_name, st.font, 13, space_after=3 * mm),
    ]
    story.append(form_grid([
        ("事项名称", data.matter_name),
        ("事项编码", data.matter_code, "事项类型", data.matter_type),
        ("实施部门", data.department, "服务对象", data.service_object),
        ("办件类型", data.case_kind, "办理层级", data.handling_level),
        ("办理机关", data.station.issuer),
        *([("办理结果", data.result_name)] if data.result_name else []),
    ], st))
    for n, (title, body) in enumerate(_sections(data, st)):
        story += heading(f"{SECTION_NUMBERS[n]}、{title}", st)
        story += body
    story += [Spacer(1, 4 * mm), para(
        f"本指南依据本站事项目录（第{data.version}版，{fmt_date(data.valid_from)}起施行）生成，"
        f"打印于{fmt_datetime(data.generated_at)}。办理要求如有调整，以受理时的规定为准。",
        st.small)]
    return story


def _numbered(items: tuple[str, ...], st: Styles) -> Story:
    return [para(f"{n}. {text}", st.body_indent) for n, text in enumerate(items, start=1)]


def _sections(data: GuideData, st: Styles) -> list[tuple[str, Story]]:
    """The numbered sections; one the catalog has nothing for is left out (the guide
    never invents a condition or a basis)."""
    sections: list[tuple[str, Story]] = []
    if data.legal_basis:
        sections.append(("设定依据", _numbered(data.legal_basis, st)))
    if data.conditions:
        sections.append(("受理条件", _numbered(data.conditions, st)))
    sections.append((f"申请材料（共{len(data.materials)}项）", [
        material_table(data.materials, "要求（受理标准）", _requirement, st),
        Spacer(1, 1 * mm),
        para("形式、份数以本表为准；“容缺后补”的材料可在受理时承诺后补交，"
             "“信息免交”的材料由部门通过共享数据获取，无需提交。", st.small)]))
    sections.append(("办理时限", _limits(data, st)))
    sections.append(("收费标准", _numbered(data.fees, st) if data.fees
                     else [para("不收费", st.body_indent)]))
    sections.append(("办理地点、时间和咨询", _place(data, st)))
    sections.append(("办理进度查询", _progress(data, st)))
    return sections


def _limits(data: GuideData, st: Styles) -> Story:
    committed = ("即办（当场办结）" if data.committed_limit_days == 0
                 else f"{data.committed_limit_days}个工作日")
    lines = [f"法定办结时限：{limit_text(data.legal_limit_days)}",
             f"承诺办结时限：{committed}（自受理之次日起计算，法定节假日除外）"]
    if data.limit_note:
        lines.append(data.limit_note)
    if data.special_procedures:
        lines.append("下列特别程序所需时间不计算在办结时限内："
                     + "、".join(data.special_procedures))
    return [para(line, st.body_indent) for line in lines]


def _place(data: GuideData, st: Styles) -> Story:
    station = data.station
    hours = data.office_hours or station.office_hours
    phone = data.enquiry_phone or station.phone or "—"
    lines = [f"受理地点：{station.place}"]
    if data.place:  # what the catalog says of the matter's places (代收代办 …)
        lines.append(f"事项办理地点：{data.place}")
    lines += [f"办公时间：{hours}", f"咨询电话：{phone}",
              f"监督投诉电话：{data.complaint_phone}"]
    return [para(line, st.body_indent) for line in lines]


def _progress(data: GuideData, st: Styles) -> Story:
    words = "受理后，凭受理回执上的办件编号和申请人证件号码后4位查询办理进度"
    if not data.progress_url:
        phone = data.enquiry_phone or data.station.phone
        tail = f"，或拨打 {phone} 查询" if phone else ""
        return [para(f"{words}：到受理地点窗口{tail}。", st.body_indent)]
    from printing.qr import QrFlowable

    text = [para(f"{words}：手机扫描左侧二维码，或访问", st.body),
            para(data.progress_url, st.body)]
    return [table([[QrFlowable(data.progress_url, 26 * mm), text]], [34 * mm, 136 * mm],
                  [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                   ("LEFTPADDING", (0, 0), (-1, -1), 0)], st)]


def render_matter_guide(matter: Matter, station: StationRow, authority: Authority, *,
                        progress_base: str, generated_at: datetime,
                        options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    """Map and render in one call (the window's background operation, the tests)."""
    return render_guide(guide_data(matter, station, authority, progress_base=progress_base,
                                   generated_at=generated_at), options)
