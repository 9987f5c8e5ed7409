"""Identity documents beyond the resident ID: each type's rule, masking and generators.

Every number here is generated (clerk.id_documents.random_document, make_resident_id,
make_gb11643_style); none is copied from a real card.
"""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerk.errors import ValidationError
from clerk.id_documents import (
    DOCUMENT_TYPES,
    GAT_AREA_CODES,
    canonical_number,
    document_label,
    id_type_of,
    make_gb11643_style,
    mask_document,
    random_document,
    validate_document,
)
from clerk.validation import make_resident_id, resident_id_check_digit

TODAY = date(2026, 12, 4)
TYPES = list(DOCUMENT_TYPES)


def code_of(id_type: str, value: str) -> str:
    with pytest.raises(ValidationError) as info:
        validate_document(id_type, value, today=TODAY)
    assert info.value.field == "id_no" or info.value.code == "document.type"
    assert info.value.message  # worded, never empty
    return info.value.code


def retype_last(number: str) -> str:
    """The same number with a wrong check digit."""
    wrong = "0" if number[-1] != "0" else "1"
    return number[:-1] + wrong


def test_the_six_type_names_scripts_depend_on() -> None:
    assert TYPES == ["resident_id", "gat_residence_permit", "foreign_permanent_resident",
                     "hk_macau_pass", "taiwan_pass", "passport"]
    assert document_label("passport") == "护照"
    assert id_type_of("港澳台居民居住证") == "gat_residence_permit"
    assert id_type_of("resident_id") == "resident_id"


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32), id_type=st.sampled_from(TYPES))
def test_generated_numbers_of_every_type_validate(seed: int, id_type: str) -> None:
    value = random_document(random.Random(seed), id_type)
    doc = validate_document(id_type, value, today=TODAY)
    assert doc.id_type == id_type and doc.label == DOCUMENT_TYPES[id_type]
    # Canonical: validating the stored form gives the stored form again.
    assert validate_document(id_type, doc.number, today=TODAY).number == doc.number
    assert canonical_number(id_type, value) == doc.number


def test_unknown_type_is_refused() -> None:
    assert code_of("driving_licence", "123") == "document.type"


# --------------------------------------------------------------------------- resident ID


@pytest.mark.parametrize("area", ["110103", "110104", "110228", "110229"])
def test_resident_id_rules_unchanged_retired_areas_accepted(area: str) -> None:
    number = make_resident_id(area, date(1968, 3, 9), 123)
    doc = validate_document("resident_id", number, today=TODAY)
    assert (doc.area_code, doc.birth_date, doc.sex) == (area, date(1968, 3, 9), "M")
    assert code_of("resident_id", retype_last(number)) == "id_no.check_digit"


# --------------------------------------------------------------------------- 居住证


@pytest.mark.parametrize("area", sorted(GAT_AREA_CODES))
def test_residence_permit_areas_birth_and_sex(area: str) -> None:
    number = make_resident_id(area, date(1985, 7, 30), 42)
    doc = validate_document("gat_residence_permit", number, today=TODAY)
    assert (doc.number, doc.birth_date, doc.sex) == (number, date(1985, 7, 30), "F")
    assert doc.detail == GAT_AREA_CODES[area]


@pytest.mark.parametrize("area", ["110101", "810001", "830100", "710000", "820099"])
def test_residence_permit_needs_exactly_one_of_the_three_areas(area: str) -> None:
    number = make_resident_id(area, date(1985, 7, 30), 42)
    assert code_of("gat_residence_permit", number) == "gat_residence_permit.area"


def test_residence_permit_errors() -> None:
    good = make_resident_id("810000", date(1990, 2, 3), 7)
    assert code_of("gat_residence_permit", good[:-1]) == "gat_residence_permit.length"
    assert code_of("gat_residence_permit", good[:10] + "A" + good[11:]) \
        == "gat_residence_permit.chars"
    assert code_of("gat_residence_permit", retype_last(good)) \
        == "gat_residence_permit.check_digit"
    bad_date = make_gb11643_style("8100001990023100" + "7")  # 31 February
    assert code_of("gat_residence_permit", bad_date) == "gat_residence_permit.birth_date"
    future = make_resident_id("820000", date(2027, 1, 1), 7)
    assert code_of("gat_residence_permit", future) == "gat_residence_permit.birth_date"


def test_residence_permit_error_is_worded_with_the_document_name() -> None:
    good = make_resident_id("830000", date(1990, 2, 3), 7)
    with pytest.raises(ValidationError) as info:
        validate_document("gat_residence_permit", retype_last(good), today=TODAY)
    assert "港澳台居民居住证" in info.value.message and "第18位" in info.value.message
    assert info.value.template.startswith("{doc}")


@settings(max_examples=100, deadline=None)
@given(seed=st.integers(0, 2**32), position=st.integers(0, 16), delta=st.integers(1, 9))
def test_any_single_digit_typo_in_a_residence_permit_is_caught(seed: int, position: int,
                                                                  delta: int) -> None:
    number = random_document(random.Random(seed), "gat_residence_permit")
    typo = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1:]
    with pytest.raises(ValidationError):
        validate_document("gat_residence_permit", typo, today=TODAY)


# --------------------------------------------------------------------------- 永居证


def test_foreign_permanent_resident_2017_shape_only() -> None:
    doc = validate_document("foreign_permanent_resident", "abc 123456789012", today=TODAY)
    assert (doc.number, doc.detail, doc.birth_date, doc.sex) == ("ABC123456789012", "2017",
                                                                 None, None)
    for bad in ("AB1123456789012", "ABC12345678901X", "ABCD23456789012"):
        assert code_of("foreign_permanent_resident", bad) == "foreign_permanent_resident.format"


def test_foreign_permanent_resident_2023_leading_9_and_check_digit() -> None:
    rng = random.Random(2023)
    body = "9" + "".join(rng.choice("0123456789") for _ in range(16))
    number = make_gb11643_style(body)
    doc = validate_document("foreign_permanent_resident", number, today=TODAY)
    # The birth date's position is not confirmed by a source we hold: not derived.
    assert (doc.detail, doc.birth_date, doc.sex) == ("2023", None, None)
    assert code_of("foreign_permanent_resident", retype_last(number)) \
        == "foreign_permanent_resident.check_digit"
    citizen = make_resident_id("110108", date(1980, 1, 1), 5)
    assert code_of("foreign_permanent_resident", citizen) == "foreign_permanent_resident.prefix"
    for count in (14, 16, 17, 19):
        assert code_of("foreign_permanent_resident", "9" * count) \
            == "foreign_permanent_resident.length"
    assert code_of("foreign_permanent_resident", body[:10] + "A" + body[11:] + "0") \
        == "foreign_permanent_resident.chars"


def test_2023_card_check_digit_is_the_citizen_numbers() -> None:
    body = "9" + "1" * 16
    assert make_gb11643_style(body)[-1] == resident_id_check_digit(body)


# --------------------------------------------------------------------------- passes


@pytest.mark.parametrize("value", ["H12345678", "M1234567890", "h 1234 5678"])
def test_hk_macau_pass_accepted(value: str) -> None:
    doc = validate_document("hk_macau_pass", value, today=TODAY)
    assert doc.number == value.replace(" ", "").upper() and doc.detail == doc.number[0]


@pytest.mark.parametrize(("value", "code"), [
    ("12345678", "hk_macau_pass.prefix"), ("X12345678", "hk_macau_pass.prefix"),
    ("", "hk_macau_pass.prefix"), ("H1234567", "hk_macau_pass.format"),
    ("H123456789", "hk_macau_pass.format"), ("H123456789012", "hk_macau_pass.format"),
    ("H1234567A", "hk_macau_pass.format"),
])
def test_hk_macau_pass_errors(value: str, code: str) -> None:
    assert code_of("hk_macau_pass", value) == code


def test_taiwan_pass_is_eight_digits() -> None:
    assert validate_document("taiwan_pass", "0123 4567").number == "01234567"
    assert code_of("taiwan_pass", "1234567") == "taiwan_pass.format"
    assert code_of("taiwan_pass", "1234567A") == "taiwan_pass.format"
    # An old booklet's longer number: its first 8 digits are the lifelong number.
    assert code_of("taiwan_pass", "1234567801") == "taiwan_pass.booklet"
    assert code_of("taiwan_pass", "1234567801(B)") == "taiwan_pass.booklet"


# --------------------------------------------------------------------------- passport


@pytest.mark.parametrize("typed", ["CHN E12345678", "chn-e12345678", "CHN/E12345678",
                                   "CHNE12345678", " CHN  E1234 5678 "])
def test_passport_country_and_number_are_one_identity(typed: str) -> None:
    doc = validate_document("passport", typed)
    assert (doc.number, doc.detail) == ("CHN-E12345678", "CHN")
    assert canonical_number("passport", typed) == "CHN-E12345678"


@pytest.mark.parametrize(("value", "code"), [
    ("E12345678", "passport.country"),  # the number alone: the country is missing
    ("12345678", "passport.country"), ("CH", "passport.country"),
    ("CHN 1234", "passport.format"), ("CHN " + "1" * 18, "passport.format"),
    ("CHN E1234_5678", "passport.chars"),
])
def test_passport_errors(value: str, code: str) -> None:
    assert code_of("passport", value) == code


# --------------------------------------------------------------------------- masking


@pytest.mark.parametrize(("id_type", "number", "masked"), [
    ("resident_id", make_resident_id("110101", date(1990, 1, 1), 123),
     "110101********" + make_resident_id("110101", date(1990, 1, 1), 123)[-4:]),
    ("gat_residence_permit", "810000199001011239", "810000********1239"),
    ("foreign_permanent_resident", "911156199001011230", "911156********1230"),
    ("foreign_permanent_resident", "ABC123456789012", "A**********9012"),
    ("hk_macau_pass", "H12345678", "H*****678"),
    ("hk_macau_pass", "M1234567890", "M******7890"),
    ("taiwan_pass", "12345678", "1****678"),
    ("passport", "CHN-E12345678", "CHN-E*****678"),
    ("passport", "FRA-12AB5", "FRA-***B5"),
    ("uscc", "91110108MA01ABCD1X", "91110108MA01ABCD1X"),  # public: not masked
])
def test_mask_per_type(id_type: str, number: str, masked: str) -> None:
    assert mask_document(id_type, number) == masked
    assert mask_document(DOCUMENT_TYPES.get(id_type, id_type), number) == masked  # by name


@settings(max_examples=80, deadline=None)
@given(seed=st.integers(0, 2**32), id_type=st.sampled_from(TYPES))
def test_mask_by_the_rule_of_each_shape(seed: int, id_type: str) -> None:
    number = validate_document(id_type, random_document(random.Random(seed), id_type),
                               today=TODAY).number
    masked = mask_document(id_type, number)
    assert len(masked) == len(number) and masked != number
    if len(number) == 18:  # DESIGN: numbers like a resident ID keep first 6 + last 4
        assert masked == number[:6] + "*" * 8 + number[-4:]
        return
    # The shorter numbers: the mask never shows more characters than it hides.
    body = masked.partition("-")[2] if id_type == "passport" else masked
    assert body.count("*") >= len(body) - body.count("*")
