"""The catalog file format: strict validation, round trips and the bundled catalog."""

from __future__ import annotations

import copy
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from clerk.catalog import (
    CaseKind,
    CatalogError,
    HandlingLevel,
    MaterialForm,
    Matter,
    Necessity,
    bundled_catalog_dir,
    dump_catalog,
    load_bundled_catalog,
    load_catalog_dir,
    load_catalog_file,
    matter_from_dict,
    matter_to_dict,
    parse_catalog,
)
from clerk.errors import ValidationError

DATA = Path(__file__).parent / "data"
CODE = "T-MZ-001"


def _material(key: str, **changes: Any) -> dict[str, Any]:
    material = {
        "key": key,
        "name": f"材料 {key}",
        "form": "original_and_copy",
        "original_count": 1,
        "copy_count": 1,
        "necessity": "required",
        "source": "applicant",
        "requirement": "原件核验后退还；复印件A4纸",
    }
    material.update(changes)
    return material


def _matter(**changes: Any) -> dict[str, Any]:
    matter = {
        "code": CODE,
        "name": "测试救助申请",
        "department": "区民政局",
        "type": "行政给付",
        "service_object": "natural",
        "case_kind": "committed",
        "handling_level": "district",
        "legal_limit_days": 30,
        "committed_limit_days": 25,
        "version": 1,
        "valid_from": "2024-01-01",
        "materials": [_material("id_card"), _material("hukou_booklet"), _material("income_proof"),
                      _material("power_of_attorney", condition="委托他人代办时")],
    }  # fmt: skip
    matter.update(changes)
    return matter


def _doc(*matters: dict[str, Any]) -> str:
    matters = matters or (_matter(),)
    document = {"format": "stationdesk-catalog", "version": 1, "matters": list(matters)}
    return json.dumps(document, ensure_ascii=False)


def _error(data: str | bytes) -> CatalogError:
    with pytest.raises(CatalogError) as info:
        parse_catalog(data, source_name="test.json")
    return info.value


def _with_material(index: int, **changes: Any) -> dict[str, Any]:
    matter = _matter()
    matter["materials"][index].update(changes)
    return matter


def _assert_problem(error: CatalogError, field: str, *words: str) -> None:
    """The first problem is at ``field`` of matter CODE, and the message says so."""
    assert error.field == field
    assert error.matter_code == CODE
    assert error.file == "test.json"
    assert field in error.message and CODE in error.message and "test.json" in error.message
    for word in words:
        assert word in error.message


# --- a valid file -----------------------------------------------------------------


def test_minimal_file_parses() -> None:
    [matter] = parse_catalog(_doc(), source_name="test.json")
    assert matter.code == CODE
    assert matter.case_kind is CaseKind.COMMITTED
    assert [m.key for m in matter.materials] == [
        "id_card", "hukou_booklet", "income_proof", "power_of_attorney"
    ]  # fmt: skip
    assert matter.materials[3].condition == "委托他人代办时"
    assert matter.materials[0].order == 1  # order defaults to the position
    assert matter.is_free and matter.complaint_phone == "12345"


def test_bytes_with_bom_parse() -> None:
    assert parse_catalog(b"\xef\xbb\xbf" + _doc().encode(), source_name="test.json")


def test_materials_are_sorted_by_order() -> None:
    matter = _matter()
    for material, order in zip(matter["materials"], [4, 3, 2, 1], strict=True):
        material["order"] = order
    [parsed] = parse_catalog(_doc(matter), source_name="test.json")
    assert [m.order for m in parsed.materials] == [1, 2, 3, 4]
    assert parsed.materials[0].key == "power_of_attorney"


def test_catalog_error_is_a_validation_error() -> None:
    assert isinstance(_error("{"), ValidationError)


# --- file-level problems ------------------------------------------------------------


def test_invalid_json_names_line_and_column() -> None:
    error = _error('{\n  "format": "stationdesk-catalog",\n  "version": 1,,\n}')
    assert "第 3 行" in error.message and "列" in error.message
    assert error.matter_code is None and error.field is None


def test_non_utf8_bytes() -> None:
    assert "UTF-8" in _error(_doc().encode("gbk")).message


def test_duplicate_json_key_is_refused() -> None:
    assert "“name” 出现了两次" in _error('{"name": 1, "name": 2}').message


def test_nan_is_refused() -> None:
    assert "NaN" in _error('{"x": NaN}').message


def test_wrong_format_marker() -> None:
    data = json.dumps({"format": "something-else", "version": 1, "matters": []})
    error = _error(data)
    assert error.field == "format" and "stationdesk-catalog" in error.message


def test_newer_format_version_asks_to_upgrade() -> None:
    data = json.dumps({"format": "stationdesk-catalog", "version": 2, "matters": []})
    error = _error(data)
    assert error.field == "version" and "升级" in error.message


def test_top_level_must_be_an_object() -> None:
    assert "应为对象" in _error("[]").message


def test_unknown_top_level_key() -> None:
    data = json.dumps({"format": "stationdesk-catalog", "version": 1, "matters": [], "x": 1})
    assert _error(data).field == "x"


def test_empty_catalog_is_allowed() -> None:
    data = json.dumps({"format": "stationdesk-catalog", "version": 1, "matters": []})
    assert parse_catalog(data, source_name="empty.json") == []


# --- matter-level problems ---------------------------------------------------------


def test_unknown_matter_key() -> None:
    _assert_problem(_error(_doc(_matter(nmae="x"))), "nmae", "未知的键")


def test_missing_required_matter_key() -> None:
    matter = _matter()
    del matter["department"]
    _assert_problem(_error(_doc(matter)), "department", "缺少必填项")


def test_missing_code_names_the_matter_by_position() -> None:
    matter = _matter()
    del matter["code"]
    error = _error(_doc(_matter(code="A"), matter))
    assert error.field == "code" and error.matter_code is None
    assert "第 2 个事项" in error.message


def test_wrong_type_for_limit() -> None:
    _assert_problem(
        _error(_doc(_matter(committed_limit_days="25"))), "committed_limit_days", "整数"
    )


def test_boolean_is_not_an_integer() -> None:
    _assert_problem(_error(_doc(_matter(version=True))), "version", "整数")


def test_unknown_matter_type() -> None:
    _assert_problem(_error(_doc(_matter(type="行政处罚"))), "type", "行政处罚", "行政给付")


def test_code_longer_than_64() -> None:
    long_code = "X" * 65
    error = _error(_doc(_matter(code=long_code)))
    assert error.field == "code" and "64" in error.message


def test_code_with_spaces_around() -> None:
    error = _error(_doc(_matter(code=" A-1")))
    assert error.field == "code" and "空格" in error.message


def test_blank_name() -> None:
    _assert_problem(_error(_doc(_matter(name="  "))), "name", "不能为空")


def test_duplicate_matter_codes() -> None:
    error = _error(_doc(_matter(), _matter(name="另一个事项")))
    _assert_problem(error, "code", "重复")
    assert "第 1 个事项" in error.message


def test_committed_limit_above_legal_limit() -> None:
    error = _error(_doc(_matter(legal_limit_days=20, committed_limit_days=25)))
    _assert_problem(error, "committed_limit_days", "25", "20")


def test_instant_matter_with_nonzero_committed_limit() -> None:
    error = _error(_doc(_matter(case_kind="instant", committed_limit_days=3)))
    _assert_problem(error, "committed_limit_days", "即办件")


def test_instant_matter_may_keep_a_legal_limit() -> None:
    data = _doc(_matter(case_kind="instant", legal_limit_days=20, committed_limit_days=0))
    [matter] = parse_catalog(data, source_name="test.json")
    assert matter.is_instant and matter.legal_limit_days == 20


def test_committed_matter_needs_a_limit() -> None:
    _assert_problem(_error(_doc(_matter(committed_limit_days=0))), "committed_limit_days", "承诺件")


def test_legal_limit_zero_is_refused_null_is_fine() -> None:
    _assert_problem(_error(_doc(_matter(legal_limit_days=0))), "legal_limit_days")
    [matter] = parse_catalog(_doc(_matter(legal_limit_days=None)), source_name="t.json")
    assert matter.legal_limit_days is None


def test_invalid_date() -> None:
    _assert_problem(_error(_doc(_matter(valid_from="2024/01/01"))), "valid_from", "YYYY-MM-DD")
    _assert_problem(_error(_doc(_matter(valid_from="2024-02-30"))), "valid_from")


def test_valid_to_before_valid_from() -> None:
    _assert_problem(_error(_doc(_matter(valid_to="2023-12-31"))), "valid_to", "早于")


def test_matter_without_materials() -> None:
    _assert_problem(_error(_doc(_matter(materials=[]))), "materials", "至少")


# --- material-level problems -------------------------------------------------------


def test_unknown_necessity_names_the_material_path() -> None:
    error = _error(_doc(_with_material(3, necessity="must")))
    _assert_problem(error, "materials[3].necessity", "must", "deferrable")


def test_unknown_material_key_field() -> None:
    _assert_problem(_error(_doc(_with_material(1, colour="red"))), "materials[1].colour")


def test_missing_material_requirement() -> None:
    matter = _matter()
    del matter["materials"][2]["requirement"]
    _assert_problem(_error(_doc(matter)), "materials[2].requirement", "缺少必填项")


def test_duplicate_material_keys() -> None:
    error = _error(_doc(_with_material(2, key="id_card")))
    _assert_problem(error, "materials[2].key", "id_card", "重复", "materials[0].key")


def test_duplicate_material_order() -> None:
    matter = _matter()
    matter["materials"][0]["order"] = 2
    matter["materials"][1]["order"] = 2
    _assert_problem(_error(_doc(matter)), "materials[1].order", "重复")


def test_material_key_must_be_an_identifier() -> None:
    _assert_problem(_error(_doc(_with_material(0, key="ID Card"))), "materials[0].key")


def test_negative_count() -> None:
    error = _error(_doc(_with_material(1, copy_count=-1)))
    _assert_problem(error, "materials[1].copy_count", "不能小于 0")


def test_original_form_without_originals() -> None:
    error = _error(_doc(_with_material(0, form="original", original_count=0, copy_count=0)))
    _assert_problem(error, "materials[0].original_count", "原件")


def test_original_form_with_copies() -> None:
    error = _error(_doc(_with_material(0, form="original", original_count=1, copy_count=1)))
    _assert_problem(error, "materials[0].copy_count")


def test_copy_form_without_copies() -> None:
    error = _error(_doc(_with_material(0, form="copy", original_count=0, copy_count=0)))
    _assert_problem(error, "materials[0].copy_count", "复印件")


def test_original_and_copy_needs_both() -> None:
    error = _error(_doc(_with_material(0, copy_count=0)))
    _assert_problem(error, "materials[0].copy_count")


def test_original_or_copy_needs_one() -> None:
    error = _error(_doc(_with_material(0, form="original_or_copy", original_count=0, copy_count=0)))
    _assert_problem(error, "materials[0].original_count")


def test_blank_condition_is_refused() -> None:
    _assert_problem(_error(_doc(_with_material(0, condition=""))), "materials[0].condition")


def test_count_problem_not_reported_twice_after_a_bad_form() -> None:
    # An unknown form must not also produce a spurious "counts do not match" problem.
    error = _error(_doc(_with_material(0, form="photocopy", copy_count=0)))
    assert [p.field for p in error.problems] == ["materials[0].form"]


# --- fees, form fields, procedures --------------------------------------------------


def test_fee_amounts_are_exact_decimals() -> None:
    fees = [{"name": "工本费", "amount_yuan": "10.50", "basis": "某收费文件"},
            {"name": "邮寄费", "amount_yuan": 12.3, "basis": "某收费文件"}]  # fmt: skip
    [matter] = parse_catalog(_doc(_matter(fees=fees)), source_name="test.json")
    assert [f.amount_yuan for f in matter.fees] == [Decimal("10.50"), Decimal("12.3")]
    assert not matter.is_free


@pytest.mark.parametrize("amount", ["0", "-1", "abc", "1.005", True])
def test_bad_fee_amount(amount: Any) -> None:
    fees = [{"name": "工本费", "amount_yuan": amount, "basis": "依据"}]
    _assert_problem(_error(_doc(_matter(fees=fees))), "fees[0].amount_yuan")


def test_choice_field_without_choices() -> None:
    fields = [{"name": "kind", "label": "类别", "type": "choice"}]
    _assert_problem(_error(_doc(_matter(form_fields=fields))), "form_fields[0].choices")


def test_text_field_with_choices() -> None:
    fields = [{"name": "note", "label": "备注", "type": "text", "choices": ["a"]}]
    _assert_problem(_error(_doc(_matter(form_fields=fields))), "form_fields[0].choices")


def test_unknown_field_type() -> None:
    fields = [{"name": "note", "label": "备注", "type": "email"}]
    _assert_problem(_error(_doc(_matter(form_fields=fields))), "form_fields[0].type", "email")


def test_duplicate_field_names() -> None:
    field = {"name": "note", "label": "备注", "type": "text"}
    _assert_problem(_error(_doc(_matter(form_fields=[field, field]))), "form_fields[1].name")


def test_special_procedure_days_must_be_positive() -> None:
    procedures = [{"kind": "公示", "name": "公示", "days": 0}]
    _assert_problem(
        _error(_doc(_matter(special_procedures=procedures))), "special_procedures[0].days"
    )


def test_list_of_strings_refuses_other_items() -> None:
    _assert_problem(_error(_doc(_matter(legal_basis=["《法》", 3]))), "legal_basis[1]")


# --- collecting problems ------------------------------------------------------------


def test_all_problems_are_collected() -> None:
    bad = _with_material(3, necessity="must")
    bad["committed_limit_days"] = 40
    error = _error(_doc(bad, _matter(code="B", type="未知")))
    fields = {(p.matter_code, p.field) for p in error.problems}
    assert {
        (CODE, "materials[3].necessity"),
        (CODE, "committed_limit_days"),
        ("B", "type"),
    } <= fields
    assert f"另有 {len(error.problems) - 1} 处问题" in error.message


def test_whole_file_is_rejected_when_one_matter_is_bad() -> None:
    with pytest.raises(CatalogError):
        parse_catalog(_doc(_matter(code="GOOD"), _matter(type="x")), source_name="test.json")


# --- files and directories ----------------------------------------------------------


def test_missing_file_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as info:
        load_catalog_file(tmp_path / "nope.json")
    assert "nope.json" in info.value.message


def test_directory_rejects_codes_duplicated_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(_doc(), encoding="utf-8")
    (tmp_path / "b.json").write_text(_doc(), encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog_dir(tmp_path)
    assert info.value.file == "b.json" and "a.json" in info.value.message


def test_big_matter_for_printing_tests_loads() -> None:
    [matter] = load_catalog_file(DATA / "catalog_20_materials.json")
    assert len(matter.materials) == 22
    assert min(len(m.requirement) for m in matter.materials) > 150


# --- round trips ---------------------------------------------------------------------


def test_matter_round_trips_through_dict() -> None:
    for matter in [*load_bundled_catalog(), *load_catalog_file(DATA / "catalog_20_materials.json")]:
        snapshot = json.loads(json.dumps(matter_to_dict(matter), ensure_ascii=False))
        assert matter_from_dict(snapshot) == matter


def test_dump_catalog_round_trips() -> None:
    matters = load_bundled_catalog()
    assert parse_catalog(dump_catalog(matters), source_name="dump.json") == matters


def test_snapshot_with_fees_round_trips() -> None:
    fees = [{"name": "工本费", "amount_yuan": "10.50", "basis": "依据"}]
    [matter] = parse_catalog(_doc(_matter(fees=fees, valid_to="2030-12-31")), source_name="t.json")
    assert matter_from_dict(matter_to_dict(matter)) == matter
    assert matter_to_dict(matter)["fees"][0]["amount_yuan"] == "10.50"


def test_corrupt_snapshot_is_refused() -> None:
    snapshot = matter_to_dict(load_bundled_catalog()[0])
    snapshot["materials"][0]["form"] = "??"
    with pytest.raises(CatalogError) as info:
        matter_from_dict(snapshot)
    assert info.value.field == "materials[0].form" and "快照" in info.value.message


def test_snapshot_dict_is_not_shared_with_the_matter() -> None:
    matter = load_bundled_catalog()[0]
    snapshot = matter_to_dict(matter)
    changed = copy.deepcopy(snapshot)
    changed["name"] = "改名"
    assert matter_from_dict(snapshot) == matter != matter_from_dict(changed)


# --- the bundled catalog ----------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> dict[str, Matter]:
    return {m.name: m for m in load_bundled_catalog()}


def test_bundled_catalog_dir_is_in_resources() -> None:
    assert bundled_catalog_dir().parts[-2:] == ("stationdesk_resources", "catalog")
    assert sorted(p.name for p in bundled_catalog_dir().glob("*.json")) == [
        "canlian.json", "minzheng.json", "shebao.json", "weijian.json", "zhubao.json"
    ]  # fmt: skip


def test_bundled_catalog_covers_the_five_departments(bundled: dict[str, Matter]) -> None:
    assert len(bundled) >= 15
    departments = Counter(m.department for m in bundled.values())
    for department in ("区人力资源和社会保障局", "区民政局", "区卫生健康委员会", "区残疾人联合会",
                       "区住房和城乡建设委员会"):  # fmt: skip
        assert departments[department] >= 2, department


REQUIRED_MATTERS = [
    "城乡居民基本养老保险参保登记",
    "城乡居民基本医疗保险参保登记",
    "社会保障卡申领",
    "最低生活保障申请",
    "临时救助申请",
    "高龄津贴申请",
    "困难残疾人生活补贴和重度残疾人护理补贴",
    "生育登记",
    "计划生育家庭特别扶助金申请",
    "残疾人证新办",
    "残疾人证换领",
    "公共租赁住房资格申请",
    "市场租房补贴申请",
]


def test_bundled_catalog_has_the_required_matters(bundled: dict[str, Matter]) -> None:
    missing = [name for name in REQUIRED_MATTERS if name not in bundled]
    assert not missing


def test_bundled_matters_are_complete(bundled: dict[str, Matter]) -> None:
    for m in bundled.values():
        assert m.legal_basis and m.conditions and m.result_name, m.name
        assert 2 <= len(m.refusal_reasons) <= 4, m.name
        assert m.complaint_phone == "12345"
        assert all(x.requirement for x in m.materials)


def test_bundled_catalog_uses_every_necessity(bundled: dict[str, Matter]) -> None:
    used = {x.necessity for m in bundled.values() for x in m.materials}
    assert used >= {Necessity.REQUIRED, Necessity.DEFERRABLE, Necessity.EXEMPT_SHARED}


def test_shared_material_keys_are_shared(bundled: dict[str, Matter]) -> None:
    uses = Counter(x.key for m in bundled.values() for x in m.materials)
    for key in (
        "id_card",
        "hukou_booklet",
        "marriage_cert",
        "power_of_attorney",
        "disability_cert",
    ):
        assert uses[key] >= 2, key
    assert uses["id_card"] == len(bundled)


def test_birth_registration_follows_the_service_guide(bundled: dict[str, Matter]) -> None:
    m = bundled["生育登记"]
    assert m.is_instant and m.is_free and m.handling_level is HandlingLevel.STATION
    assert {"hukou_booklet", "id_card", "marriage_cert", "birth_registration_form"} <= {
        x.key for x in m.required_materials() if x.condition is None
    }
    assert m.material("birth_medical_cert").condition
    assert m.material("power_of_attorney").condition


def test_disability_certificate_follows_the_service_guide(bundled: dict[str, Matter]) -> None:
    m = bundled["残疾人证新办"]
    assert m.handling_level is HandlingLevel.DISTRICT and m.committed_limit_days == 10
    assert m.material("photo_2inch").original_count == 3
    assert m.material("guardian_docs").condition
    assert any(p.kind == "公示" and p.days == 5 for p in m.special_procedures)


def test_minimum_living_allowance_follows_the_service_guide(bundled: dict[str, Matter]) -> None:
    m = bundled["最低生活保障申请"]
    assert m.committed_limit_days == 25 and m.handling_level is HandlingLevel.DISTRICT
    assert m.material("id_card").form is MaterialForm.COPY
    assert m.material("hukou_booklet").form is MaterialForm.COPY
    assert m.has_material("income_proof") and m.has_material("economic_status_declaration")
    assert any(p.kind == "公示" and p.days == 7 for p in m.special_procedures)


def test_pension_registration_follows_the_service_guide(bundled: dict[str, Matter]) -> None:
    m = bundled["城乡居民基本养老保险参保登记"]
    assert m.committed_limit_days == 3 and m.is_free
    form = m.material("pension_registration_form")
    assert (form.form, form.original_count) == (MaterialForm.ORIGINAL, 1)
    for key in ("hukou_booklet", "id_card"):
        x = m.material(key)
        assert (x.form, x.original_count, x.copy_count) == (MaterialForm.ORIGINAL_AND_COPY, 1, 1)


def test_public_rental_housing_follows_the_service_guide(bundled: dict[str, Matter]) -> None:
    m = bundled["公共租赁住房资格申请"]
    assert m.material("housing_eligibility_form").original_count == 2
    assert m.material("residence_permit").condition
    assert {"id_card", "hukou_booklet", "marriage_cert", "divorce_cert", "housing_status_proof",
            "employer_income_housing_proof"} <= {x.key for x in m.materials}  # fmt: skip


# --- model helpers ------------------------------------------------------------------------


def test_matter_helpers(bundled: dict[str, Matter]) -> None:
    m = bundled["临时救助申请"]
    assert m.material("id_card").name == "居民身份证"
    with pytest.raises(KeyError):
        m.material("nothing")
    assert all(x.necessity is Necessity.REQUIRED for x in m.required_materials())
    assert m.material("hukou_booklet").necessity.label == "信息免交"
    assert m.material("hardship_proof").count_text == "原件1份或复印件1份"
    assert m.case_kind.label == "承诺件" and m.handling_level.label == "上报区级"
    assert m.is_valid_on(m.valid_from) and not m.is_valid_on(m.valid_from.replace(year=2000))
