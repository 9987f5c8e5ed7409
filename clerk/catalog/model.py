"""The catalog's domain model: service matters (事项) and their materials (申请材料).

Everything here is immutable: a case snapshots the matter it was created under, so a
later catalog change can never alter a case in flight (DESIGN section 3).

Enum values are what the catalog file stores. Most are stable ASCII words so that a
wording change on paper never breaks a stored file; ``MatterType`` keeps the Chinese
words because the published code lists use them as values. Every enum has a ``label``
property with the Chinese wording used on documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

#: Longest implementation code (实施编码) the catalog accepts.
MAX_CODE_LENGTH = 64

#: The Beijing government-service hotline, the default complaint phone.
BEIJING_HOTLINE = "12345"


class MatterType(StrEnum):
    """Kind of administrative act (事项类型); values are the Chinese code-list words."""

    LICENSE = "行政许可"
    BENEFIT = "行政给付"
    CONFIRMATION = "行政确认"
    PUBLIC_SERVICE = "公共服务"
    OTHER = "其他"

    @property
    def label(self) -> str:
        """Chinese wording (the value itself)."""
        return self.value


class ServiceObject(StrEnum):
    """Who may apply (服务对象)."""

    NATURAL = "natural"
    LEGAL = "legal"
    BOTH = "both"

    @property
    def label(self) -> str:
        """Chinese wording."""
        return _SERVICE_OBJECT_LABELS[self]


class CaseKind(StrEnum):
    """即办件 (decided on the spot) or 承诺件 (decided within the committed limit)."""

    INSTANT = "instant"
    COMMITTED = "committed"

    @property
    def label(self) -> str:
        """Chinese wording."""
        return _CASE_KIND_LABELS[self]


class HandlingLevel(StrEnum):
    """Where a case is finished: at the station, or carried up to the district (代办)."""

    STATION = "station"
    DISTRICT = "district"

    @property
    def label(self) -> str:
        """Chinese wording."""
        return _HANDLING_LEVEL_LABELS[self]


class MaterialForm(StrEnum):
    """What the applicant hands in: 原件 / 复印件 / both / either."""

    ORIGINAL = "original"
    COPY = "copy"
    ORIGINAL_AND_COPY = "original_and_copy"
    ORIGINAL_OR_COPY = "original_or_copy"

    @property
    def label(self) -> str:
        """Chinese wording."""
        return _MATERIAL_FORM_LABELS[self]


class Necessity(StrEnum):
    """How indispensable a material is for acceptance."""

    REQUIRED = "required"
    OPTIONAL = "optional"
    #: May be promised at acceptance and brought later, before the decision (容缺后补).
    DEFERRABLE = "deferrable"
    #: Obtained from shared government data; the citizen brings nothing (信息免交).
    EXEMPT_SHARED = "exempt_shared"

    @property
    def label(self) -> str:
        """Chinese wording."""
        return _NECESSITY_LABELS[self]


class MaterialSource(StrEnum):
    """Where a material comes from (来源渠道)."""

    APPLICANT = "applicant"
    GOVERNMENT = "government"
    E_LICENSE = "e_license"

    @property
    def label(self) -> str:
        """Chinese wording."""
        return _MATERIAL_SOURCE_LABELS[self]


class FieldType(StrEnum):
    """Input type of an application form field; the UI picks its editor from it."""

    TEXT = "text"
    INT = "int"
    DATE = "date"
    CHOICE = "choice"
    PHONE = "phone"
    ID_NO = "id_no"
    MONEY = "money"


_SERVICE_OBJECT_LABELS = {
    ServiceObject.NATURAL: "自然人",
    ServiceObject.LEGAL: "法人",
    ServiceObject.BOTH: "自然人、法人",
}
_CASE_KIND_LABELS = {CaseKind.INSTANT: "即办件", CaseKind.COMMITTED: "承诺件"}
_HANDLING_LEVEL_LABELS = {HandlingLevel.STATION: "站点办结", HandlingLevel.DISTRICT: "上报区级"}
_MATERIAL_FORM_LABELS = {
    MaterialForm.ORIGINAL: "原件",
    MaterialForm.COPY: "复印件",
    MaterialForm.ORIGINAL_AND_COPY: "原件和复印件",
    MaterialForm.ORIGINAL_OR_COPY: "原件或复印件",
}
_NECESSITY_LABELS = {
    Necessity.REQUIRED: "必要",
    Necessity.OPTIONAL: "非必要",
    Necessity.DEFERRABLE: "容缺后补",
    Necessity.EXEMPT_SHARED: "信息免交",
}
_MATERIAL_SOURCE_LABELS = {
    MaterialSource.APPLICANT: "申请人自备",
    MaterialSource.GOVERNMENT: "政府部门核发",
    MaterialSource.E_LICENSE: "电子证照",
}


@dataclass(frozen=True)
class Material:
    """One material a matter asks for.

    ``key`` names a kind shared across matters (``id_card``, ``hukou_booklet`` …) so a
    document verified for one case is recognised for another. ``condition`` is None when
    the material always applies, otherwise the circumstance in words ("委托他人代办时").
    For ``ORIGINAL_OR_COPY`` the counts say how many of either are accepted.
    """

    key: str
    name: str
    form: MaterialForm
    original_count: int
    copy_count: int
    necessity: Necessity
    source: MaterialSource
    requirement: str
    order: int
    condition: str | None = None
    blank_form: str | None = None
    sample: str | None = None

    @property
    def count_text(self) -> str:
        """Counts in the wording of service guides, e.g. "原件1份，复印件1份"."""
        parts = []
        if self.original_count:
            parts.append(f"原件{self.original_count}份")
        if self.copy_count:
            parts.append(f"复印件{self.copy_count}份")
        joiner = "或" if self.form is MaterialForm.ORIGINAL_OR_COPY else "，"
        return joiner.join(parts)


@dataclass(frozen=True)
class FeeItem:
    """One fee the applicant pays; amounts are exact decimals in yuan."""

    name: str
    amount_yuan: Decimal
    basis: str


@dataclass(frozen=True)
class FormField:
    """One item of information the clerk types in for a case of this matter."""

    name: str
    label: str
    type: FieldType
    required: bool = True
    choices: tuple[str, ...] = ()
    help: str | None = None


@dataclass(frozen=True)
class SpecialProcedure:
    """A step whose time is not counted in the limit (公示, 鉴定, 听证 …).

    ``days`` is the published length (None when it depends on the case); the name says
    whether they are working or calendar days, as the service guide does.
    """

    kind: str
    name: str
    days: int | None = None


@dataclass(frozen=True)
class Matter:
    """One standardized service matter (事项), as one version of the catalog holds it.

    ``legal_limit_days`` is None when no law sets a limit. ``committed_limit_days`` is 0
    exactly for instant matters (即办件). Limits are in working days. An empty
    ``enquiry_phone`` means "ask the station": the station's configured phone applies.
    """

    code: str
    name: str
    department: str
    type: MatterType
    service_object: ServiceObject
    case_kind: CaseKind
    handling_level: HandlingLevel
    legal_limit_days: int | None
    committed_limit_days: int
    materials: tuple[Material, ...]
    version: int
    valid_from: date
    short_name: str | None = None
    keywords: tuple[str, ...] = ()
    limit_note: str | None = None
    #: Where ``legal_limit_days`` comes from (act and article, or why it is null and how
    #: sure that is): the receipt prints the limit, so its origin must be traceable.
    limit_source: str | None = None
    fees: tuple[FeeItem, ...] = ()
    legal_basis: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    refusal_reasons: tuple[str, ...] = ()
    form_fields: tuple[FormField, ...] = ()
    special_procedures: tuple[SpecialProcedure, ...] = ()
    place: str = ""
    office_hours: str = ""
    enquiry_phone: str = ""
    complaint_phone: str = BEIJING_HOTLINE
    result_name: str = ""
    valid_to: date | None = None
    #: Calendar days a closed case's personal data stays at the station (clerk.retention);
    #: None: the station's setting.
    retention_days: int | None = None

    @property
    def is_instant(self) -> bool:
        """True for 即办件: decided on the spot."""
        return self.case_kind is CaseKind.INSTANT

    @property
    def is_free(self) -> bool:
        """True when no fee is charged (不收费)."""
        return not self.fees

    @property
    def display_name(self) -> str:
        """The short name when there is one, else the full name."""
        return self.short_name or self.name

    def material(self, key: str) -> Material:
        """The material with ``key``; raises KeyError when the matter has none."""
        # A linear scan: matters have a few dozen materials at most.
        for m in self.materials:
            if m.key == key:
                return m
        raise KeyError(key)

    def has_material(self, key: str) -> bool:
        """True when the matter asks for a material of kind ``key``."""
        return any(m.key == key for m in self.materials)

    def required_materials(self) -> tuple[Material, ...]:
        """Materials whose necessity is 必要, in order.

        Conditional ones are included: only the clerk can tell whether the condition
        applies. Deferrable (容缺后补) and shared-data (信息免交) ones are not.
        """
        return tuple(m for m in self.materials if m.necessity is Necessity.REQUIRED)

    def is_valid_on(self, day: date) -> bool:
        """True when this version is in force on ``day``."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)
