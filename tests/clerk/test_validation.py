"""Tests for clerk.validation. Every ID number here is generated: no real person's."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric, uscc

from clerk.errors import ValidationError
from clerk.validation import (
    BEIJING_DISTRICTS,
    RETIRED_BEIJING_COUNTIES,
    USCC_ALPHABET,
    ResidentId,
    last4,
    make_resident_id,
    make_uscc,
    mask_id_no,
    mask_mobile,
    parse_resident_id,
    random_resident_id,
    random_uscc,
    resident_id_check_digit,
    uscc_check_char,
    validate_mobile,
    validate_name,
    validate_station_code,
    validate_uscc,
)

TODAY = date(2026, 6, 1)


def error_code(call: object, *args: object, **kwargs: object) -> str:
    """Run ``call`` expecting a ValidationError; return its code."""
    assert callable(call)
    with pytest.raises(ValidationError) as info:
        call(*args, **kwargs)
    assert info.value.message  # every error explains itself
    return info.value.code


def with_check(first17: str) -> str:
    return first17 + resident_id_check_digit(first17)


# --------------------------------------------------------------------------- resident ID


def test_parse_splits_the_parts() -> None:
    number = make_resident_id("110105", date(1985, 7, 9), 123)
    assert parse_resident_id(number, today=TODAY) == ResidentId(
        number=number, area_code="110105", birth_date=date(1985, 7, 9), sequence="123", sex="M"
    )


def test_even_sequence_is_female() -> None:
    number = make_resident_id("110108", date(1990, 1, 1), 246)
    assert parse_resident_id(number, today=TODAY).sex == "F"


def test_check_digit_algorithm_matches_the_standard_by_hand() -> None:
    # 17 digits "11010519491231002": weighted sum worked out by hand = 167, 167 % 11 = 2,
    # "10X98765432"[2] = "X".
    assert resident_id_check_digit("11010519491231002") == "X"


def find_x_id() -> str:
    """A generated ID whose check character is X."""
    for seq in range(1000):
        number = make_resident_id("110101", date(1975, 3, 14), seq)
        if number.endswith("X"):
            return number
    raise AssertionError("no X in 1000 sequences")


def test_lowercase_x_spaces_and_full_width_are_normalised() -> None:
    number = find_x_id()
    typed = f" {number[:6]} {number[6:14]}\u3000{number[14:17].translate(FULL_WIDTH)}x "
    assert parse_resident_id(typed, today=TODAY).number == number


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.parametrize("area", sorted(RETIRED_BEIJING_COUNTIES))
@pytest.mark.parametrize("born", [date(1970, 5, 5), date(2016, 8, 8)])
def test_retired_beijing_codes_pass_before_and_after_retirement(area: str, born: date) -> None:
    number = make_resident_id(area, born, 37)
    assert parse_resident_id(number, today=TODAY).area_code == area


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("11010519900101123", "id_no.length"),
        ("1101051990010112345", "id_no.length"),
        ("", "id_no.length"),
        ("110105900101123", "id_no.length"),  # 15-digit old format
        ("11010519900101123A", "id_no.chars"),
        ("1101051990X101123X", "id_no.chars"),
        ("11010519900101-123", "id_no.chars"),
        ("11010519900101+1234", "id_no.length"),
        ("11010519900101+123", "id_no.chars"),
    ],
)
def test_shape_errors(value: str, code: str) -> None:
    assert error_code(parse_resident_id, value, today=TODAY) == code


def test_fifteen_digit_number_gets_its_own_explanation() -> None:
    with pytest.raises(ValidationError, match="15位"):
        parse_resident_id("110105900101123", today=TODAY)


@pytest.mark.parametrize(
    ("first17", "code"),
    [
        ("11010519900230123", "id_no.birth_date"),  # 30 February
        ("11010519901301123", "id_no.birth_date"),  # month 13
        ("11010519900100123", "id_no.birth_date"),  # day 0
        ("11010518991231123", "id_no.birth_date"),  # before 1900
        ("11010520260602123", "id_no.birth_future"),  # the day after TODAY
        ("00010519900101123", "id_no.area"),
        ("99010519900101123", "id_no.area"),
        ("10010519900101123", "id_no.area"),
        ("84010519900101123", "id_no.area"),
    ],
)
def test_content_errors(first17: str, code: str) -> None:
    # The check digit is right, so the error must come from the named part.
    assert error_code(parse_resident_id, with_check(first17), today=TODAY) == code


def test_birth_on_today_and_on_1900_01_01_are_accepted() -> None:
    for born in (TODAY, date(1900, 1, 1)):
        assert parse_resident_id(make_resident_id("110101", born, 1), today=TODAY)


def test_taiwan_residence_permit_area_is_accepted() -> None:
    assert parse_resident_id(make_resident_id("830000", date(1990, 1, 1), 5), today=TODAY)


def test_check_digit_error_names_the_expected_digit() -> None:
    number = make_resident_id("110106", date(1988, 2, 29), 17)
    wrong = "0" if number[-1] != "0" else "1"
    with pytest.raises(ValidationError) as info:
        parse_resident_id(number[:-1] + wrong, today=TODAY)
    assert info.value.code == "id_no.check_digit"
    assert info.value.field == "id_no"
    assert f"应为“{number[-1]}”" in info.value.message
    assert "输入错误" in info.value.message


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 2**32), position=st.integers(0, 16), delta=st.integers(1, 9))
def test_any_single_digit_typo_is_caught(seed: int, position: int, delta: int) -> None:
    number = random_resident_id(random.Random(seed))
    typo = str((int(number[position]) + delta) % 10)
    mistyped = number[:position] + typo + number[position + 1 :]
    with pytest.raises(ValidationError):
        parse_resident_id(mistyped, today=TODAY)


@settings(max_examples=150, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    born=st.dates(date(1900, 1, 1), TODAY),
    sex=st.sampled_from(["M", "F"]),
)
def test_generated_ids_round_trip(seed: int, born: date, sex: str) -> None:
    rng = random.Random(seed)
    number = random_resident_id(rng, born_between=(born, born), sex=sex)  # type: ignore[arg-type]
    parsed = parse_resident_id(number, today=TODAY)
    assert (parsed.birth_date, parsed.sex, parsed.number) == (born, sex, number)
    assert parsed.area_code in BEIJING_DISTRICTS


def test_random_resident_id_is_deterministic_per_seed() -> None:
    assert random_resident_id(random.Random(7)) == random_resident_id(random.Random(7))


def test_generator_rejects_malformed_parts() -> None:
    with pytest.raises(ValueError):
        make_resident_id("11010", date(1990, 1, 1), 1)
    with pytest.raises(ValueError):
        make_resident_id("110101", date(1990, 1, 1), 1000)


# --------------------------------------------------------------------------- stdnum cross-check
# stdnum.cn.ric differs from parse_resident_id on purpose, so it is not relied upon:
# * It checks the county against the birth year (its database says 110112 通州区 exists
#   from 1997, 110119 延庆区 from 2015, 110103 崇文区 until 2010 …) and rejects e.g. a
#   1960-born resident with 110112, a 2014-born child with 110118 or a 2012-born one
#   with 110103. An ID keeps the code of the place it was *first issued*, which can be
#   years after the birth (DOMAIN.md), so those are valid cards and we accept them.
#   With randomly drawn Beijing codes and birth dates about half the numbers differ.
# * It rejects 830000 (Taiwan residents' residence permits), which we accept.
# * It does not check that the birth date is not in the future or before 1900.
# The check digit itself agrees on every number.


def stdnum_accepts(number: str) -> bool:
    return ric.is_valid(number)


def test_stdnum_agrees_on_the_check_digit_for_generated_numbers() -> None:
    rng = random.Random(20260929)
    county_vs_birth_year = 0
    for _ in range(300):
        number = random_resident_id(rng, born_between=(date(1900, 1, 1), date(2025, 12, 31)))
        assert ric.calc_check_digit(number) == number[-1]
        parse_resident_id(number, today=TODAY)
        try:
            ric.validate(number)
        except stdnum_errors.InvalidComponent:
            # The county-vs-birth-year rule above; never a checksum or format error.
            county_vs_birth_year += 1
    assert 0 < county_vs_birth_year < 300


def test_stdnum_agrees_fully_when_the_county_existed_at_birth() -> None:
    rng = random.Random(11643)
    for _ in range(300):
        number = random_resident_id(rng, born_between=(date(2016, 1, 1), date(2025, 12, 31)))
        assert stdnum_accepts(number)
        assert parse_resident_id(number, today=TODAY).number == number


def test_stdnum_agrees_on_typos_and_x() -> None:
    number = find_x_id()
    assert stdnum_accepts(number.lower())
    assert parse_resident_id(number.lower(), today=TODAY).number == number
    wrong = number[:-1] + "0"
    assert not stdnum_accepts(wrong)
    assert error_code(parse_resident_id, wrong, today=TODAY) == "id_no.check_digit"


@pytest.mark.parametrize(
    ("area", "born"),
    [
        ("110103", date(2012, 5, 5)),  # 崇文 retired in 2010
        ("110229", date(2016, 1, 1)),  # 延庆县 retired in 2015
        ("110228", date(1975, 1, 1)),  # 密云县 code from 1982
        ("110118", date(2014, 3, 3)),  # 密云区 code from 2015
        ("110112", date(1960, 1, 1)),  # 通州区 code from 1997
        ("830000", date(1990, 1, 1)),  # Taiwan residents' residence permit
    ],
)
def test_stdnum_rejects_valid_cards_that_we_accept(area: str, born: date) -> None:
    number = make_resident_id(area, born, 11)
    assert not stdnum_accepts(number)
    assert parse_resident_id(number, today=TODAY).area_code == area


@pytest.mark.parametrize("born", [date(1899, 12, 31), date(2026, 6, 2), date(2030, 1, 1)])
def test_stdnum_accepts_impossible_birth_dates_that_we_reject(born: date) -> None:
    number = make_resident_id("110101", born, 11)
    assert stdnum_accepts(number)
    assert error_code(parse_resident_id, number, today=TODAY) in {
        "id_no.birth_date",
        "id_no.birth_future",
    }


# --------------------------------------------------------------------------- USCC


def test_uscc_weights_are_powers_of_three_mod_31() -> None:
    # 17 zeros but one 1 at position i: the check is 31 - 3^i mod 31.
    for i in range(17):
        body = "0" * i + "1" + "0" * (16 - i)
        assert uscc_check_char(body) == USCC_ALPHABET[(31 - pow(3, i, 31)) % 31]


def test_uscc_check_31_maps_to_zero() -> None:
    assert uscc_check_char("0" * 17) == "0"


def test_random_uscc_validates_and_agrees_with_stdnum() -> None:
    rng = random.Random(32100)
    for _ in range(300):
        code = random_uscc(rng)
        assert validate_uscc(code) == code
        assert uscc.is_valid(code)
        assert uscc.calc_check_digit(code) == code[-1]


def test_uscc_is_normalised_to_upper_case() -> None:
    code = random_uscc(random.Random(1))
    assert validate_uscc(" " + code.lower() + " ") == code


@pytest.mark.parametrize("authority", ["A", "N", "Y"])
def test_letter_authority_codes_are_accepted_unlike_stdnum(authority: str) -> None:
    # stdnum insists on 8 leading digits; A (军队), N (农业农村: village collectives)
    # and Y (其他) are real registration authorities (see validate_uscc).
    code = make_uscc(authority + "2110105MA012345X")
    assert validate_uscc(code) == code
    assert not uscc.is_valid(code)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("91110105MA01234", "uscc.length"),
        ("91110105MA012345678", "uscc.length"),
        ("91110105MA0123O56", "uscc.chars"),  # letter O
        ("91110105MA0123I56", "uscc.chars"),
        ("B1110105MA0123456", "uscc.authority"),
        ("9111010AMA0123456", "uscc.format"),
        ("9A110105MA0123456", "uscc.format"),
    ],
)
def test_uscc_errors(body: str, code: str) -> None:
    value = body + ("0" if len(body) == 17 else "")
    assert error_code(validate_uscc, value) == code


def test_uscc_check_digit_error() -> None:
    code = make_uscc("91110105MA0123456")
    wrong = code[:-1] + ("1" if code[-1] != "1" else "2")
    with pytest.raises(ValidationError) as info:
        validate_uscc(wrong)
    assert info.value.code == "uscc.check_digit"
    assert f"应为“{code[-1]}”" in info.value.message


# --------------------------------------------------------------------------- mobile, name


@pytest.mark.parametrize(
    "typed",
    ["13800138000", " 138 0013 8000 ", "138-0013-8000", "+86 13800138000", "0086138 0013 8000"],
)
def test_mobile_normalised(typed: str) -> None:
    assert validate_mobile(typed) == "13800138000"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("1380013800", "mobile.length"),
        ("138001380001", "mobile.length"),
        ("12800138000", "mobile.prefix"),
        ("23800138000", "mobile.prefix"),
        ("1380013800a", "mobile.chars"),
        ("", "mobile.length"),
    ],
)
def test_mobile_errors(typed: str, code: str) -> None:
    assert error_code(validate_mobile, typed) == code


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  张三 ", "张三"),
        ("阿依古丽·买买提", "阿依古丽·买买提"),
        ("John   Smith\n", "John Smith"),
        ("王\ue000明", "王\ue000明"),  # private-use code point: a rare character
        ("名" * 50, "名" * 50),
    ],
)
def test_name_accepted(typed: str, expected: str) -> None:
    assert validate_name(typed) == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "name.empty"),
        (" \u3000\t", "name.empty"),
        ("名" * 51, "name.too_long"),
        ("张\x00三", "name.control_chars"),
        ("张\u200b三", "name.control_chars"),  # zero-width space
        ("\ufeff张三", "name.control_chars"),  # byte-order mark
    ],
)
def test_name_errors(typed: str, code: str) -> None:
    assert error_code(validate_name, typed) == code


# --------------------------------------------------------------------------- masking


def test_mask_id_no() -> None:
    number = make_resident_id("110101", date(1990, 1, 1), 123)
    assert mask_id_no(number) == "110101********" + number[-4:]
    assert mask_id_no("110101900101123") == "110101*****1123"  # 15 characters
    assert mask_id_no("E12345678") == "*****5678"
    assert mask_id_no("1234") == "****"


def test_mask_mobile() -> None:
    assert mask_mobile("13812345678") == "138****5678"
    assert mask_mobile("1234567") == "***4567"


def test_last4() -> None:
    number = find_x_id()
    assert last4(number.lower()) == number[-4:]
    assert error_code(last4, "12 3") == "last4.too_short"


# --------------------------------------------------------------------------- station code


def test_beijing_districts() -> None:
    assert len(BEIJING_DISTRICTS) == 16
    assert BEIJING_DISTRICTS["110101"] == "东城区"
    assert BEIJING_DISTRICTS["110119"] == "延庆区"
    assert not set(RETIRED_BEIJING_COUNTIES) & set(BEIJING_DISTRICTS)


@pytest.mark.parametrize("code", ["110105001000", "110108012001", "110119399399", " 110101001001 "])
def test_station_code_accepted(code: str) -> None:
    assert validate_station_code(code) == code.strip()


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("11010500100", "station_code.format"),
        ("11010500100A", "station_code.format"),
        ("120101001001", "station_code.county"),
        ("110110001001", "station_code.county"),
        ("110103001001", "station_code.county"),  # retired 崇文
        ("110105000001", "station_code.township"),
        ("110105400001", "station_code.township"),
        ("110105001400", "station_code.village"),
    ],
)
def test_station_code_errors(code: str, error: str) -> None:
    assert error_code(validate_station_code, code) == error


def test_retired_county_error_names_the_successor() -> None:
    with pytest.raises(ValidationError, match="110101"):
        validate_station_code("110103001001")
