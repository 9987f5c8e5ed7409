"""View-model builders for the printing tests, the preview and the benchmark.

ID numbers and credit codes are made up with the check-digit rules (never real people).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from clerk.issuing import LICENCE_NOTICE_BASIS as LICENCE_NOTICE_BASIS
from clerk.issuing import notice_basis
from clerk.validation import make_resident_id, make_uscc
from printing.model import (
    DailyReportData,
    DocumentMeta,
    LegalPerson,
    MaterialLine,
    MatterCountRow,
    NoticeData,
    Person,
    RatingCounts,
    ReceiptData,
    RefusalData,
    ResultData,
    StationInfo,
    SupervisionCounts,
)
from printing.qr_payload import progress_url

STATION = StationInfo(
    name="东城区东华门街道多福巷社区便民服务站",
    code="110101001001",
    address="北京市东城区多福巷12号社区服务站一层大厅",
    phone="010-65120000",
    authority="北京市东城区东华门街道办事处",
)
#: The same station issuing for a district department (上报件).
STATION_FOR_DISTRICT = replace(STATION, authority="北京市东城区残疾人联合会")

APPLICANT_ID = make_resident_id("110101", date(1990, 3, 7), 123)
AGENT_ID = make_resident_id("110105", date(1985, 11, 20), 246)
APPLICANT_MOBILE = "13812345678"
AGENT_MOBILE = "15900001111"
CASE_NO = "110101001001-20261201-0001"
#: The district's public progress page, as a station learns it at a sync round.
PAGE_BASE = "https://zwfw.example.gov.cn/jindu"
ORG_USCC = make_uscc("91110101MA01ABCD1")

APPLICANT = Person(
    name="张三",
    id_no=APPLICANT_ID,
    mobile=APPLICANT_MOBILE,
    address="北京市东城区多福巷12号院3号楼2单元501",
)
AGENT = Person(name="李四", id_no=AGENT_ID, mobile=AGENT_MOBILE)
ORG = LegalPerson(
    name="北京多福巷便民家政服务有限公司",
    uscc=ORG_USCC,
    legal_rep="王五",
    contact="赵六",
    phone="13900002222",
)


def meta(
    doc_no: str = "GZ-110101001001-20261201-0001",
    *,
    reprint: bool = False,
    issued_at: datetime = datetime(2026, 12, 1, 9, 30),
) -> DocumentMeta:
    """A document issued (by default on 2026-12-01) by clerk 王芳."""
    return DocumentMeta(
        doc_no=doc_no,
        issued_at=issued_at,
        clerk_name="王芳",
        clerk_phone="010-65120001",
        reprint=reprint,
    )


# Realistic material names and acceptance standards, long enough to wrap in the table.
_BASE_MATERIALS: tuple[tuple[str, str, int, int, str], ...] = (
    ("居民身份证", "原件和复印件", 1, 1, "在有效期内；复印件正反面复印在同一张A4纸上，字迹清晰。"),
    ("居民户口簿（户主页及本人页）", "原件和复印件", 1, 1,
     "须为户籍所在地公安机关核发的有效户口簿，复印件需清晰完整，并由申请人签字确认与原件一致。"),
    ("结婚证", "原件和复印件", 1, 1, "夫妻双方信息页及登记页完整，与身份证信息一致。"),
    ("近期二寸白底免冠彩色照片", "原件", 3, 0, "近6个月内拍摄，白色背景，不得佩戴帽子和有色眼镜。"),
    ("北京市生育登记信息采集表", "原件", 1, 0, "按样表如实填写，夫妻双方签字。"),
    ("出生医学证明", "原件或复印件", 1, 1, "出生后登记时提供；信息与户口簿一致。"),
    ("授权委托书", "原件", 1, 0, "委托他人代办时提供，须载明委托事项、权限和期限，委托人签字。"),
    ("家庭经济状况声明及授权核对书", "原件", 1, 0,
     "家庭全部成员签字，同意有关部门核对收入、财产等经济状况信息。"),
    ("收入证明", "原件", 1, 0, "由工作单位出具并加盖公章，载明近12个月月均收入。"),
    ("残疾评定表", "原件", 1, 0, "由指定医疗机构评定并盖章，评定日期在6个月内。"),
    ("监护人身份证明", "原件和复印件", 1, 1, "申请人为未成年人或智力、精神残疾人时提供。"),
    ("房屋租赁合同或产权证明", "复印件", 0, 1,
     "现住房情况的证明材料，复印件加盖出租方或产权单位印章。"),
)


def materials(count: int) -> tuple[MaterialLine, ...]:
    """``count`` distinct materials (numbered once the base list runs out)."""
    lines = []
    for i in range(count):
        name, form, originals, copies, req = _BASE_MATERIALS[i % len(_BASE_MATERIALS)]
        if i >= len(_BASE_MATERIALS):
            name = f"{name}（家庭成员{i // len(_BASE_MATERIALS)}）"
        lines.append(MaterialLine(
            name=f"{i + 1:02d}-{name}",
            form_label=form,
            original_count=originals,
            copy_count=copies,
            requirement=req,
            necessity_label="必要",
        ))
    return tuple(lines)


def notice(**changes: object) -> NoticeData:
    """A one-time notice with received, missing and deferred materials."""
    data = NoticeData(
        meta=meta("GZ-110101001001-20261201-0001"),
        station=STATION,
        case_no=CASE_NO,
        matter_name="城乡居民基本养老保险参保登记",
        matter_code="11110101000000000000001",
        applicant=APPLICANT,
        agent=AGENT,
        applied_on=date(2026, 12, 1),
        received=(
            MaterialLine("居民身份证", "原件和复印件", 1, 1, note="证照库已核验"),
            MaterialLine("参保登记表", "原件", 1, 0, note="共享数据获取"),
        ),
        missing=(
            MaterialLine("居民户口簿（户主页及本人页）", "原件和复印件", 1, 1,
                         requirement="户主页和本人页，复印件清晰完整并签字确认。"),
            MaterialLine("近期二寸白底免冠彩色照片", "原件", 2, 0,
                         requirement="近6个月内拍摄，白色背景。"),
        ),
        deferred=(
            MaterialLine("收入证明", "原件", 1, 0, promised_by=date(2026, 12, 3),
                         note="容缺后补，承诺于2026-12-03前补交"),
        ),
        qr_payload=progress_url(PAGE_BASE, CASE_NO),
        matter_type="公共服务",
        legal_basis=notice_basis("公共服务", ("《中华人民共和国社会保险法》",), ""),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def receipt(**changes: object) -> ReceiptData:
    """An acceptance receipt of a committed matter due 2026-12-04."""
    data = ReceiptData(
        meta=meta("SL-110101001001-20261201-0001"),
        station=STATION_FOR_DISTRICT,
        matter_type="行政确认",
        case_no=CASE_NO,
        matter_name="残疾人证新办",
        matter_code="11110101000000000000004",
        applicant=APPLICANT,
        agent=AGENT,
        received_at=datetime(2026, 12, 1, 9, 12),
        accepted_at=datetime(2026, 12, 1, 9, 30),
        received=materials(4),
        legal_limit_days=20,
        committed_limit_days=10,
        due_date=date(2026, 12, 15),
        deferred=(MaterialLine("残疾评定表", "原件", 1, 0, promised_by=date(2026, 12, 3)),),
        delivery_method="窗口领取（可选邮寄送达）",
        qr_payload=progress_url(PAGE_BASE, CASE_NO),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def refusal(**changes: object) -> RefusalData:
    """A refusal: the applicant is not registered in this area."""
    data = RefusalData(
        meta=meta("BSL-110101001001-20261201-0001"),
        station=STATION,
        case_no=CASE_NO,
        matter_name="最低生活保障",
        matter_code="11110101000000000000002",
        applicant=APPLICANT,
        applied_on=date(2026, 12, 1),
        reason="申请人户籍不在本社区，且未在本社区居住满一年，不属于本站受理范围。",
        basis="《社会救助暂行办法》第十一条；《北京市最低生活保障审核确认办法》第七条。",
        reconsideration_body="北京市东城区人民政府",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def result(**changes: object) -> ResultData:
    """An approved result ready for pick-up."""
    data = ResultData(
        meta=meta("BJ-110101001001-20261215-0001", issued_at=datetime(2026, 12, 15, 10, 0)),
        station=STATION_FOR_DISTRICT,
        decision_no="东残证字〔2026〕第0123号",
        reconsideration_body="北京市东城区人民政府",
        case_no=CASE_NO,
        matter_name="残疾人证新办",
        matter_code="11110101000000000000004",
        applicant=APPLICANT,
        decision="approved",
        decision_text="经区残疾人联合会审核，符合残疾人证核发条件，准予核发《中华人民共和国残疾人证》。",
        decision_date=date(2026, 12, 15),
        delivery="请本人携带居民身份证到本站窗口领取",
        result_name="中华人民共和国残疾人证",
        qr_payload=progress_url(PAGE_BASE, CASE_NO),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def daily_report(**changes: object) -> DailyReportData:
    """A day with five matters, aggregate numbers only."""
    names = (
        ("城乡居民基本养老保险参保登记", "11110101000000000000001"),
        ("最低生活保障", "11110101000000000000002"),
        ("生育登记", "11110101000000000000003"),
        ("残疾人证新办", "11110101000000000000004"),
        ("公共租赁住房资格申请", "11110101000000000000005"),
    )
    rows = tuple(
        MatterCountRow(name, code, tuple((i * 3 + j) % 5 for j in range(11)))
        for i, (name, code) in enumerate(names)
    )
    data = DailyReportData(
        station=STATION,
        report_date=date(2026, 12, 1),
        generated_at=datetime(2026, 12, 1, 17, 45),
        rows=rows,
        supervision=SupervisionCounts(normal=21, yellow=3, red=1),
        ratings=RatingCounts(very_satisfied=12, satisfied=5, basically_satisfied=2,
                             dissatisfied=1, very_dissatisfied=0),
        activity_rows=tuple(
            MatterCountRow(name, code, tuple((i + 2 * j) % 4 for j in range(10)))
            for i, (name, code) in enumerate(names)),
        rating_channels=(("窗口评价器", 14), ("申请人手机", 5), ("窗口人员代为录入", 1)),
        declined=3,
    )
    return replace(data, **changes)  # type: ignore[arg-type]


CATALOG_22 = Path(__file__).resolve().parent.parent / "clerk" / "data" / "catalog_20_materials.json"


def big_matter_materials() -> tuple[str, tuple[MaterialLine, ...]]:
    """(matter name, 22 material lines) from the shared 22-material test catalog, or made
    here when that file is absent."""
    if not CATALOG_22.exists():
        return "综合社会救助申请（测试用：22项材料）", materials(22)
    from clerk.catalog.loader import load_catalog_file

    matter = max(load_catalog_file(CATALOG_22), key=lambda m: len(m.materials))
    lines = tuple(
        MaterialLine(
            name=m.name,
            form_label=m.form.label,
            original_count=m.original_count,
            copy_count=m.copy_count,
            requirement=m.requirement,
            necessity_label=m.necessity.label,
        )
        for m in matter.materials
    )
    return matter.name, lines
