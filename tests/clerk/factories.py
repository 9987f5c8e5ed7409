"""Small, explicit matters for domain tests (independent of the bundled catalog's text)."""

from __future__ import annotations

from datetime import date

from clerk.catalog import (
    CaseKind,
    HandlingLevel,
    Material,
    MaterialForm,
    MaterialSource,
    Matter,
    MatterType,
    Necessity,
    ServiceObject,
)


def material(key: str, name: str, necessity: Necessity = Necessity.REQUIRED, *,
             source: MaterialSource = MaterialSource.GOVERNMENT, condition: str | None = None,
             order: int = 1) -> Material:
    return Material(key=key, name=name, form=MaterialForm.ORIGINAL_AND_COPY, original_count=1,
                    copy_count=1, necessity=necessity, source=source,
                    requirement=f"{name}须在有效期内", order=order, condition=condition)


def _materials() -> tuple[Material, ...]:
    return (
        material("id_card", "居民身份证", order=1),
        material("hukou_booklet", "户口簿", order=2),
        material("application_form", "申请表", source=MaterialSource.APPLICANT, order=3),
        material("income_proof", "收入证明", Necessity.DEFERRABLE,
                 source=MaterialSource.APPLICANT, order=4),
        material("marriage_cert", "结婚证", Necessity.EXEMPT_SHARED, order=5),
        material("power_of_attorney", "授权委托书", condition="委托他人代办时",
                 source=MaterialSource.APPLICANT, order=6),
        material("photo_2inch", "二寸照片", Necessity.OPTIONAL, source=MaterialSource.APPLICANT,
                 order=7),
    )


def matter(code: str, *, kind: CaseKind = CaseKind.COMMITTED,
           level: HandlingLevel = HandlingLevel.DISTRICT, limit: int = 5,
           version: int = 1, name: str | None = None) -> Matter:
    return Matter(
        code=code, name=name or f"测试事项{code}", department="区民政局",
        type=MatterType.BENEFIT, service_object=ServiceObject.NATURAL, case_kind=kind,
        handling_level=level, legal_limit_days=max(limit, 20) if limit else None,
        committed_limit_days=0 if kind == CaseKind.INSTANT else limit, materials=_materials(),
        version=version, valid_from=date(2026, 1, 1), refusal_reasons=("不符合申请条件",),
    )


DISTRICT = "T-DISTRICT-001"
STATION = "T-STATION-001"
INSTANT = "T-INSTANT-001"


def sample_matters() -> list[Matter]:
    return [matter(DISTRICT), matter(STATION, level=HandlingLevel.STATION, limit=3),
            matter(INSTANT, kind=CaseKind.INSTANT, level=HandlingLevel.STATION, limit=0)]


ALL_NEEDED = ["id_card", "hukou_booklet", "application_form", "income_proof"]
