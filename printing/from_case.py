"""Mapping committed cases onto the printing view models.

Everything printed comes from what the case's events recorded when the document was
issued (its number, its time, its checklist), so a reprint shows the same content.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from clerk.cases.checklist import Checklist, ChecklistItem, ItemStatus
from clerk.cases.event_checklist import full_rows
from clerk.cases.events import Event
from clerk.cases.record import CaseRecord
from clerk.id_documents import document_label
from clerk.issuing import Authority, district_name, notice_basis, refusal_basis
from clerk.reports import StationReport
from clerk.station import StationInfo as StationRow
from clerk.timeutil import local_date, local_time
from printing.model import (
    DEFAULT_STATE_COLUMNS,
    DailyReportData,
    DocumentMeta,
    LegalPerson,
    MaterialLine,
    MatterCountRow,
    NoticeData,
    Party,
    Person,
    RatingCounts,
    ReceiptData,
    RefusalData,
    ResultData,
    StationInfo,
    SupervisionCounts,
)
from printing.qr_payload import progress_url as page_url

_FORM_LABELS = {"original": "原件", "copy": "复印件", "original_and_copy": "原件和复印件",
                "original_or_copy": "原件或复印件"}
_NECESSITY_LABELS = {"required": "必要", "optional": "非必要", "deferrable": "容缺后补",
                     "exempt_shared": "信息免交"}


def station_info(row: StationRow, authority: str = "") -> StationInfo:
    return StationInfo(name=row.name, code=row.code, address=row.address, phone=row.phone,
                       authority=authority)


def issued_by(rec: CaseRecord, row: StationRow, authority: Authority) -> StationInfo:
    """The station as place of acceptance, with the authority this case's documents are
    issued in the name of (its 街道办事处, or the matter's district department for 上报件)."""
    name = authority.issuer(rec.handling_level, str(rec.matter.get("department") or ""),
                            district_name(row.district_code))
    return station_info(row, name)


def _type(rec: CaseRecord) -> str:
    return str(rec.matter.get("type") or "")


def _basis(rec: CaseRecord) -> tuple[str, ...]:
    return tuple(str(b) for b in rec.matter.get("legal_basis") or ())


def _legal_limit(rec: CaseRecord) -> int | None:
    days = rec.matter.get("legal_limit_days")
    return None if days is None else int(days)


def party(applicant: Mapping[str, Any]) -> Party:
    if applicant.get("id_type") == "uscc":
        return LegalPerson(name=applicant["name"], uscc=applicant["id_no"],
                           legal_rep=applicant.get("legal_rep", ""),
                           phone=applicant.get("mobile", ""), address=applicant.get("address", ""))
    return Person(name=applicant["name"], id_no=applicant["id_no"],
                  id_type=document_label(applicant.get("id_type", "resident_id")),
                  mobile=applicant.get("mobile", ""), address=applicant.get("address", ""))


def agent_of(rec: CaseRecord) -> Person | None:
    a = rec.agent
    return Person(name=a["name"], id_no=a["id_no"],
                  id_type=document_label(a.get("id_type", "resident_id")),
                  mobile=a.get("mobile", "")) if a else None


def line(item: ChecklistItem) -> MaterialLine:
    note = ""
    if item.status == ItemStatus.ON_FILE:
        note = "证照库已核验"
    elif item.status == ItemStatus.SHARED:
        note = "共享数据获取，无需提交"
    elif item.status == ItemStatus.DEFERRED and item.promise_date:
        note = f"容缺后补，承诺于{item.promise_date:%Y年%m月%d日}前补交"
    return MaterialLine(
        name=item.name + (f"（{item.condition}）" if item.condition else ""),
        form_label=_FORM_LABELS.get(item.form, item.form), original_count=item.original_count,
        copy_count=item.copy_count, requirement=item.requirement,
        necessity_label=_NECESSITY_LABELS.get(item.necessity, item.necessity), note=note,
        promised_by=item.promise_date if item.status == ItemStatus.DEFERRED else None)


def _lines(items: Iterable[ChecklistItem]) -> tuple[MaterialLine, ...]:
    return tuple(line(i) for i in items)


def meta(event: Event, doc_no: str, clerk_name: str, clerk_phone: str,
         reprint: bool) -> DocumentMeta:
    return DocumentMeta(doc_no=doc_no, issued_at=local_time(event.occurred_at).replace(
        tzinfo=None), clerk_name=clerk_name, clerk_phone=clerk_phone, reprint=reprint)


def _qr(rec: CaseRecord, progress_url: str) -> str:
    """The QR's content: the progress page of the case, or "" (no code) while the station
    does not know the page's address (offline before its first sync round)."""
    return page_url(progress_url, rec.case_no)


def notice_data(rec: CaseRecord, event: Event, station: StationRow, doc: DocumentMeta,
                authority: Authority, progress_url: str = "") -> NoticeData:
    checklist = _checklist_of(rec, event)
    keys = {i["key"] for i in event.payload["items"]}
    missing = tuple(line(checklist.item(k)) if _has(checklist, k) else MaterialLine(
        name=i["name"], form_label=_FORM_LABELS.get(i["form"], i["form"]),
        original_count=i["original_count"], copy_count=i["copy_count"],
        requirement=i["requirement"]) for i in event.payload["items"] for k in [i["key"]])
    return NoticeData(
        meta=doc, station=issued_by(rec, station, authority), matter_type=_type(rec),
        legal_basis=notice_basis(_type(rec), _basis(rec), authority.notice_rule),
        case_no=rec.case_no, matter_name=rec.matter_name,
        matter_code=rec.matter_code, applicant=party(rec.applicant), agent=agent_of(rec),
        applied_on=local_date(rec.received_at), missing=missing,
        received=_lines(i for i in checklist.present if i.key not in keys),
        deferred=_lines(checklist.deferred), submit_place=station.address,
        qr_payload=_qr(rec, progress_url))


def _checklist_of(rec: CaseRecord, event: Event) -> Checklist:
    """The checklist as the event recorded it (slim items joined with the case's matter)."""
    return Checklist.from_list(full_rows(event.payload["checklist"], rec.matter,
                                         event.type.value))


def _has(checklist: Checklist, key: str) -> bool:
    return any(i.key == key for i in checklist.items)


def receipt_data(rec: CaseRecord, event: Event, station: StationRow, doc: DocumentMeta,
                 authority: Authority, progress_url: str = "") -> ReceiptData:
    checklist = _checklist_of(rec, event)
    matter = rec.matter
    due = event.payload.get("due_date")
    fees = matter.get("fees") or []
    fee_text = "不收费" if not fees else "；".join(
        f"{f['name']} {f['amount_yuan']}元" for f in fees)
    return ReceiptData(
        meta=doc, station=issued_by(rec, station, authority), matter_type=_type(rec),
        case_no=rec.case_no, matter_name=rec.matter_name,
        matter_code=rec.matter_code, applicant=party(rec.applicant), agent=agent_of(rec),
        received_at=local_time(rec.received_at).replace(tzinfo=None),
        accepted_at=local_time(event.occurred_at).replace(tzinfo=None),
        received=_lines(checklist.present), deferred=_lines(checklist.deferred),
        legal_limit_days=_legal_limit(rec),
        committed_limit_days=int(event.payload["limit_days"]),
        due_date=date.fromisoformat(due) if due else None,
        due_provisional=bool(event.payload.get("due_provisional")), fee_text=fee_text,
        qr_payload=_qr(rec, progress_url))


def refusal_data(rec: CaseRecord, event: Event, station: StationRow, doc: DocumentMeta,
                 authority: Authority, progress_url: str = "") -> RefusalData:
    return RefusalData(
        meta=doc, station=issued_by(rec, station, authority),
        reconsideration_body=authority.reviewer, case_no=rec.case_no, matter_name=rec.matter_name,
        matter_code=rec.matter_code, applicant=party(rec.applicant), agent=agent_of(rec),
        applied_on=local_date(rec.received_at), reason=event.payload["reason"],
        basis=refusal_basis(_type(rec), _basis(rec), str(event.payload.get("basis") or "")))


def result_data(rec: CaseRecord, event: Event, station: StationRow, doc: DocumentMeta,
                authority: Authority, progress_url: str = "") -> ResultData:
    result = rec.result or {}
    decision = result.get("decision", "completed")
    text = result.get("text") or event.payload.get("text") or {
        "approved": "经审核，您的申请符合条件，准予办理。",
        "denied": "经审核，您的申请不符合条件，不予批准。理由：" + str(result.get("reason", "")),
    }.get(decision, "您申请的事项已办理完毕。")
    return ResultData(
        meta=doc, station=issued_by(rec, station, authority),
        reconsideration_body=authority.reviewer, decision_no=str(result.get("doc_no") or ""),
        case_no=rec.case_no, matter_name=rec.matter_name,
        matter_code=rec.matter_code, applicant=party(rec.applicant), agent=agent_of(rec),
        decision=decision if decision in ("approved", "denied") else "completed",
        decision_text=text, decision_date=local_date(event.occurred_at),
        delivery=event.payload.get("delivery") or "窗口领取",
        result_name=str(rec.matter.get("result_name") or ""),
        qr_payload=_qr(rec, progress_url))


def daily_report_data(report: StationReport, station: StationRow, generated_at: datetime
                      ) -> DailyReportData:
    """The paper's numbers from :func:`clerk.reports.daily_report` (cases, see there)."""
    from clerk.cases.queries import Level
    from clerk.ratings import RatingChannel
    from clerk.reports import STATE_ORDER, Activity

    rows = tuple(
        MatterCountRow(matter_name=name, matter_code=code,
                       counts=tuple(report.count(code, st) for st in STATE_ORDER))
        for code, name in report.state_matters())
    activity = tuple(
        MatterCountRow(matter_name=name, matter_code=code,
                       counts=tuple(report.did(code, a) for a in Activity))
        for code, name in report.activity_matters())
    levels = report.levels
    r = report.ratings
    return DailyReportData(
        station=station_info(station), report_date=report.start,
        generated_at=local_time(generated_at).replace(tzinfo=None), rows=rows,
        state_columns=DEFAULT_STATE_COLUMNS,
        supervision=SupervisionCounts(levels.get(Level.NORMAL, 0), levels.get(Level.YELLOW, 0),
                                      levels.get(Level.RED, 0)),
        ratings=RatingCounts(r[5], r[4], r[3], r[2], r[1]),
        activity_rows=activity, activity_columns=tuple(a.label for a in Activity),
        rating_channels=tuple((c.label, report.channels[c]) for c in RatingChannel
                              if c != RatingChannel.DECLINED),
        declined=report.declined, consultations=report.consulted)
