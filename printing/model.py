"""Input view models for the printed documents.

Plain frozen dataclasses (str, int, date, datetime, Decimal, tuples) so that printing
never depends on the case store: the caller maps a case onto one of these and hands it
to a ``render_*`` function. Personal numbers are passed in full; the renderers mask
them, so the full ID number never reaches the PDF.

Importing this module does not import reportlab (the UI may build view models at start).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from clerk.issuing import LICENCE_NOTICE_BASIS

DEFAULT_COMPLAINT_PHONE = "12345"

DEFAULT_OFFICE_HOURS = "周一至周五 上午9:00—12:00，下午13:30—17:00（法定节假日除外）"

#: The one-time notice's basis for 行政许可 matters only (clerk.issuing picks by type).
DEFAULT_NOTICE_BASIS = LICENCE_NOTICE_BASIS

DEFAULT_RATING_INVITATION = (
    "请您对本次服务作出评价（非常满意、满意、基本满意、不满意、非常不满意）。"
    "您的评价只用于改进服务，工作人员不会干预您的评价。"
)

#: The lifecycle states in the order the daily report prints them (DESIGN section 4).
DEFAULT_STATE_COLUMNS: tuple[str, ...] = (
    "收件中",
    "待补正",
    "不予受理",
    "已受理",
    "已上报",
    "办理中",
    "退回补正",
    "准予",
    "不予批准",
    "已办结",
    "已撤回",
)

#: The daily report's 办理情况 columns (clerk.reports.Activity, in its order).
DEFAULT_ACTIVITY_COLUMNS: tuple[str, ...] = (
    "收件", "一次性告知", "受理", "不予受理", "上报", "退回补正", "准予", "不予批准", "办结",
    "撤回",
)

Decision = Literal["approved", "denied", "completed"]

DECISION_LABELS: dict[str, str] = {
    "approved": "准予",
    "denied": "不予批准",
    "completed": "已办结",
}


@dataclass(frozen=True, slots=True)
class StationInfo:
    """The place of acceptance and the authority a document is issued in the name of.

    A community station is not an administrative body: ``authority`` (the 街道办事处, or
    the district department for 上报件) heads the document and stands in the seal area;
    the station (``name``, ``address``) is printed as the place of acceptance.
    """

    name: str
    code: str
    address: str
    phone: str
    complaint_phone: str = DEFAULT_COMPLAINT_PHONE
    #: Text inside the seal placeholder; empty means the issuing authority.
    seal_text: str = ""
    office_hours: str = DEFAULT_OFFICE_HOURS
    #: The issuing authority; empty only for aggregate reports (the station's own).
    authority: str = ""

    @property
    def issuer(self) -> str:
        """The body a document is issued in the name of: the authority, else the station."""
        return self.authority or self.name

    @property
    def seal_label(self) -> str:
        """What the seal area names: the configured seal text or the issuing authority."""
        return self.seal_text or self.issuer

    @property
    def place(self) -> str:
        """受理地点: the station, with its address when known."""
        return f"{self.name}（{self.address}）" if self.address else self.name


@dataclass(frozen=True, slots=True)
class Person:
    """A natural person (applicant or agent).

    ``id_no`` is the full number; the renderers mask it on paper.
    """

    name: str
    id_no: str
    id_type: str = "居民身份证"
    mobile: str = ""
    address: str = ""

    @property
    def last4(self) -> str:
        """The last four characters of the ID number, used for the progress lookup."""
        return self.id_no.strip()[-4:]


@dataclass(frozen=True, slots=True)
class LegalPerson:
    """An organisation applicant. The credit code is public and printed in full."""

    name: str
    uscc: str
    legal_rep: str
    contact: str = ""
    #: Contact phone; masked on paper like a mobile number.
    phone: str = ""
    address: str = ""

    @property
    def last4(self) -> str:
        """Organisations follow their progress with the last four characters of the credit code."""
        return self.uscc.strip()[-4:]


Party = Person | LegalPerson


@dataclass(frozen=True, slots=True)
class MaterialLine:
    """One line of a material table.

    ``form_label`` is 原件 / 复印件 / 原件和复印件 / 原件或复印件; ``note`` carries
    remarks such as "证照库已核验", "共享数据获取" or a deferral promise.
    """

    name: str
    form_label: str
    original_count: int = 0
    copy_count: int = 0
    requirement: str = ""
    necessity_label: str = ""
    note: str = ""
    #: For deferred (容缺后补) materials: the date the applicant promised to bring it by.
    promised_by: date | None = None


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What every issued document carries besides its content."""

    doc_no: str
    issued_at: datetime
    clerk_name: str
    clerk_phone: str = ""
    #: A reprint (补打) of an already issued document: same content, visibly marked.
    reprint: bool = False


@dataclass(frozen=True, slots=True)
class NoticeData:
    """一次性告知单: everything missing, told once.

    ``legal_basis`` is chosen by ``clerk.issuing.notice_basis`` from the matter's type:
    行政许可法 art. 32 only for 行政许可, otherwise the matter's own basis and the rule.
    """

    meta: DocumentMeta
    station: StationInfo
    case_no: str
    matter_name: str
    matter_code: str
    applicant: Party
    applied_on: date
    missing: tuple[MaterialLine, ...]
    received: tuple[MaterialLine, ...] = ()
    deferred: tuple[MaterialLine, ...] = ()
    agent: Person | None = None
    #: Where to bring the materials; empty means the station's address.
    submit_place: str = ""
    #: When; empty means the station's office hours.
    submit_hours: str = ""
    legal_basis: str = DEFAULT_NOTICE_BASIS
    qr_payload: str = ""
    #: 行政许可 / 行政给付 / 公共服务 / …: decides the legal sentences.
    matter_type: str = "行政许可"


@dataclass(frozen=True, slots=True)
class ReceiptData:
    """受理回执: proof that the application was accepted and when the result is due."""

    meta: DocumentMeta
    station: StationInfo
    case_no: str
    matter_name: str
    matter_code: str
    applicant: Party
    received_at: datetime
    accepted_at: datetime
    received: tuple[MaterialLine, ...]
    #: Working days; None when no law sets a limit (printed 法律法规未规定).
    legal_limit_days: int | None
    #: Working days; 0 means an instant matter (即办件).
    committed_limit_days: int
    due_date: date | None
    due_provisional: bool = False
    deferred: tuple[MaterialLine, ...] = ()
    agent: Person | None = None
    fee_text: str = "不收费"
    delivery_method: str = "窗口领取"
    qr_payload: str = ""
    matter_type: str = "行政许可"


@dataclass(frozen=True, slots=True)
class RefusalData:
    """不予受理通知书: the reason, its basis and the applicant's remedies."""

    meta: DocumentMeta
    station: StationInfo
    case_no: str
    matter_name: str
    matter_code: str
    applicant: Party
    applied_on: date
    reason: str
    basis: str
    agent: Person | None = None
    #: The body that hears an administrative reconsideration (行政复议机关): the one
    #: that reviews the issuing authority, i.e. the district's 人民政府.
    reconsideration_body: str = "区人民政府"
    #: Overrides the generated remedies paragraph when set.
    remedies_text: str = ""
    materials_returned: bool = True


@dataclass(frozen=True, slots=True)
class ResultData:
    """办结通知: the decision and how the result reaches the applicant."""

    meta: DocumentMeta
    station: StationInfo
    case_no: str
    matter_name: str
    matter_code: str
    applicant: Party
    decision: Decision
    decision_text: str
    decision_date: date
    delivery: str
    #: The result document or certificate, e.g. "残疾人证"; empty when there is none.
    result_name: str = ""
    agent: Person | None = None
    rating_invitation: str = DEFAULT_RATING_INVITATION
    #: Used for a denial (remedies are printed for ``denied`` only).
    reconsideration_body: str = "区人民政府"
    #: The decision's document number (文号) entered by the district at approval.
    decision_no: str = ""
    #: The progress page's URL for the QR code ("" prints none: printing.qr_payload).
    qr_payload: str = ""

    def __post_init__(self) -> None:
        if self.decision not in DECISION_LABELS:
            raise ValueError(f"unknown decision {self.decision!r}")


@dataclass(frozen=True, slots=True)
class GuideData:
    """办事指南 of one matter, for a citizen who asks: only what the catalog says.

    ``conditions`` empty: the catalog states none, and the guide prints no such section
    (it never invents one). ``progress_url`` "" prints no QR code.
    """

    station: StationInfo
    generated_at: datetime
    matter_name: str
    matter_code: str
    matter_type: str
    department: str
    service_object: str
    case_kind: str
    handling_level: str
    materials: tuple[MaterialLine, ...]
    #: Working days; None when no law sets a limit (printed 法律法规未规定).
    legal_limit_days: int | None
    #: Working days; 0 means an instant matter (即办件).
    committed_limit_days: int
    version: int
    valid_from: date
    legal_basis: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    limit_note: str = ""
    #: Steps whose time is not counted (公示, 鉴定 …), in words.
    special_procedures: tuple[str, ...] = ()
    #: One line per fee ("名称 金额元（依据）"); empty: 不收费.
    fees: tuple[str, ...] = ()
    result_name: str = ""
    #: Where and when to apply; empty: the station's address and office hours.
    place: str = ""
    office_hours: str = ""
    enquiry_phone: str = ""
    complaint_phone: str = DEFAULT_COMPLAINT_PHONE
    progress_url: str = ""


@dataclass(frozen=True, slots=True)
class MatterCountRow:
    """One matter's counts, aligned with ``DailyReportData.state_columns``."""

    matter_name: str
    matter_code: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        """All cases of this matter across the columns."""
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class SupervisionCounts:
    """Electronic supervision levels of the station's open cases."""

    normal: int = 0
    yellow: int = 0
    red: int = 0

    @property
    def total(self) -> int:
        """Cases under supervision."""
        return self.normal + self.yellow + self.red


@dataclass(frozen=True, slots=True)
class RatingCounts:
    """Ratings of the day by level (5 非常满意 … 1 非常不满意)."""

    very_satisfied: int = 0
    satisfied: int = 0
    basically_satisfied: int = 0
    dissatisfied: int = 0
    very_dissatisfied: int = 0

    @property
    def total(self) -> int:
        """Number of ratings."""
        return self.good + self.middle + self.bad

    @property
    def good(self) -> int:
        """Levels 4–5."""
        return self.very_satisfied + self.satisfied

    @property
    def middle(self) -> int:
        """Level 3."""
        return self.basically_satisfied

    @property
    def bad(self) -> int:
        """Levels 1–2 (差评, each followed up by the district)."""
        return self.dissatisfied + self.very_dissatisfied

    def by_level(self) -> tuple[tuple[int, str, int], ...]:
        """(level, label, count) from 5 down to 1."""
        return (
            (5, "非常满意", self.very_satisfied),
            (4, "满意", self.satisfied),
            (3, "基本满意", self.basically_satisfied),
            (2, "不满意", self.dissatisfied),
            (1, "非常不满意", self.very_dissatisfied),
        )


@dataclass(frozen=True, slots=True)
class DailyReportData:
    """站点日报: aggregate counts only, never personal data."""

    station: StationInfo
    report_date: date
    generated_at: datetime
    rows: tuple[MatterCountRow, ...]
    state_columns: tuple[str, ...] = DEFAULT_STATE_COLUMNS
    supervision: SupervisionCounts = field(default_factory=SupervisionCounts)
    ratings: RatingCounts = field(default_factory=RatingCounts)
    # 办理情况: per matter, the cases with each kind of event on the day (not added across)
    activity_rows: tuple[MatterCountRow, ...] = ()
    activity_columns: tuple[str, ...] = DEFAULT_ACTIVITY_COLUMNS
    # The day's ratings by channel: (label, count), e.g. ("窗口评价器", 12)
    rating_channels: tuple[tuple[str, int], ...] = ()
    # Cases whose citizen declined to rate: counted apart, never as a score
    declined: int = 0
    # 咨询登记: citizens who only asked (not cases)
    consultations: int = 0

    def __post_init__(self) -> None:
        for rows, columns in ((self.rows, self.state_columns),
                              (self.activity_rows, self.activity_columns)):
            width = len(columns)
            for row in rows:
                if len(row.counts) != width:
                    raise ValueError(
                        f"row {row.matter_code!r} has {len(row.counts)} counts, expected {width}"
                    )

    def column_totals(self) -> tuple[int, ...]:
        """Sum of every state column over all matters."""
        return tuple(sum(r.counts[i] for r in self.rows) for i in range(len(self.state_columns)))

    def activity_totals(self) -> tuple[int, ...]:
        """Each activity column over all matters (a case has one matter, so these are
        case counts too)."""
        return tuple(sum(r.counts[i] for r in self.activity_rows)
                     for i in range(len(self.activity_columns)))


@dataclass(frozen=True, slots=True)
class PrintOptions:
    """How to print: number of copies (1 or 2) and an optional configured font file."""

    copies: Literal[1, 2] = 2
    font_path: str | None = None

    def __post_init__(self) -> None:
        if self.copies not in (1, 2):
            raise ValueError("copies must be 1 or 2")


#: The default options (frozen, so one shared instance is safe as a default argument).
DEFAULT_OPTIONS = PrintOptions()
