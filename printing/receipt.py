"""受理回执: the application is accepted; the clock runs from here."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from clerk.issuing import acceptance_sentence, limit_text
from printing.layout import (
    GridRow,
    Story,
    Styles,
    agent_rows,
    build_pdf,
    closing_block,
    fmt_date,
    fmt_datetime,
    fmt_day,
    form_grid,
    heading,
    material_table,
    official_furniture,
    para,
    party_rows,
    title_block,
)
from printing.model import DEFAULT_OPTIONS, LegalPerson, MaterialLine, PrintOptions, ReceiptData

TITLE = "受理回执"

PROVISIONAL_NOTE = "（暂定：次年法定节假日尚未公布，公布后自动重算）"

SPECIAL_PROCEDURES_NOTE = (
    "办理时限按工作日计算，受理当日不计入。依法需要听证、检验、检测、鉴定、专家评审、公示的，"
    "所需时间不计算在办理时限内；申请人补正材料期间办理时限暂停计算。"
)


def render_receipt(data: ReceiptData, options: PrintOptions = DEFAULT_OPTIONS) -> bytes:
    """Render the acceptance receipt as PDF bytes (two copies unless ``options.copies == 1``)."""
    return build_pdf(
        title=f"{TITLE} {data.meta.doc_no}",
        furniture=official_furniture(data.station, data.meta),
        story=lambda st: _story(data, st),
        options=options,
        created=data.meta.issued_at,
    )


def due_text(data: ReceiptData) -> str:
    """The due date as printed, marked when it is provisional."""
    if data.due_date is None:
        return "当场办结" if data.committed_limit_days == 0 else "—"
    text = fmt_date(data.due_date)
    return text + PROVISIONAL_NOTE if data.due_provisional else text


def _committed(days: int) -> str:
    return "即办" if days == 0 else f"{days}个工作日"


def _id_word(data: ReceiptData) -> str:
    """Organisations follow progress with their credit code, people with their ID."""
    return "统一社会信用代码" if isinstance(data.applicant, LegalPerson) else "证件号码"


def _grid(data: ReceiptData) -> list[GridRow]:
    return [
        ("办件编号", data.case_no, "受理时间", fmt_datetime(data.accepted_at)),
        ("申请事项", f"{data.matter_name}（事项编码：{data.matter_code}）"),
        *party_rows("申请人", data.applicant),
        *agent_rows(data.agent),
        ("收件时间", fmt_datetime(data.received_at), "收费", data.fee_text),
        ("法定时限", limit_text(data.legal_limit_days), "承诺时限",
         _committed(data.committed_limit_days)),
        ("预计办结日期", due_text(data), "结果送达", data.delivery_method),
        ("进度查询", _lookup_text(data)),
    ]


def _lookup_text(data: ReceiptData) -> str:
    """How to follow the case: the QR only when one is printed (offline before the first
    sync the station does not know the progress page's address)."""
    where = (f"到受理地点窗口、拨打 {data.station.phone} 或扫描下方二维码查询"
             if data.qr_payload else f"到受理地点窗口或拨打 {data.station.phone} 查询")
    return (f"凭办件编号及申请人{_id_word(data)}后4位，{where}；"
            f"投诉电话 {data.station.complaint_phone}")


def _promise(line: MaterialLine) -> str:
    # the note of a deferred line usually restates the promise: the date field wins
    return f"承诺于{fmt_date(line.promised_by)}前补交" if line.promised_by else line.note


def _story(data: ReceiptData, st: Styles) -> Story:
    """Letter, seal and signature first; the material lists follow as attachments, so the
    seal always shares the first page with the text it certifies."""
    story: Story = title_block(TITLE, data.meta, st, authority=data.station.issuer)
    story.append(form_grid(_grid(data), st))
    letter: Story = [
        Spacer(1, 3 * mm),
        para(f"{data.applicant.name}：", st.body),
        para(acceptance_sentence(data.matter_type, data.matter_name, data.station.issuer,
                                 data.station.name, fmt_day(data.accepted_at),
                                 len(data.deferred)), st.body_indent),
        para(SPECIAL_PROCEDURES_NOTE, st.body_indent),
    ]
    qr = (data.qr_payload, data.case_no) if data.qr_payload else None
    story.append(closing_block(data.meta, data.station.seal_label, st, qr=qr, lead_in=letter))
    story += heading(f"附一：已收取的材料（共{len(data.received)}项）", st)
    story.append(material_table(data.received, "备注", lambda m: m.note, st))
    if data.deferred:
        story += heading(f"附二：容缺受理承诺后补的材料（共{len(data.deferred)}项）", st)
        story.append(material_table(data.deferred, "承诺补交日期", _promise, st))
        story.append(para("容缺材料须在承诺日期前补交，逾期未补交的，按规定作出处理。", st.small))
    return story
