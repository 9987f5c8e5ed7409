"""Validation of the codes and numbers a clerk types: resident ID, credit code, mobile,
name, station code, plus masking for paper and generators for test and demo data.

Pure functions, no Qt, no HTTP, no database. Every rejection is a
:class:`clerk.errors.ValidationError` with a stable ``code`` and a message in plain
Simplified Chinese that says what is wrong and what to do.

The generators at the end (``make_*``/``random_*``) produce *syntactically valid, made-up*
numbers for tests, demo data and benchmarks. They never come from real records.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, Literal

from clerk.errors import QT_TRANSLATE_NOOP, ValidationError

__all__ = [
    "BEIJING_DISTRICTS",
    "NAME_MAX_LENGTH",
    "PROVINCE_CODES",
    "RETIRED_BEIJING_COUNTIES",
    "USCC_ALPHABET",
    "USCC_AUTHORITY_CODES",
    "ResidentId",
    "last4",
    "make_resident_id",
    "make_uscc",
    "mask_id_no",
    "mask_mobile",
    "parse_resident_id",
    "random_resident_id",
    "random_uscc",
    "resident_id_check_digit",
    "uscc_check_char",
    "validate_mobile",
    "validate_name",
    "validate_station_code",
    "validate_uscc",
]

# --------------------------------------------------------------------------- areas

#: Beijing's current county-level codes (统计用区划代码, first 6 digits) and names.
BEIJING_DISTRICTS: Final[dict[str, str]] = {
    "110101": "东城区",
    "110102": "西城区",
    "110105": "朝阳区",
    "110106": "丰台区",
    "110107": "石景山区",
    "110108": "海淀区",
    "110109": "门头沟区",
    "110111": "房山区",
    "110112": "通州区",
    "110113": "顺义区",
    "110114": "昌平区",
    "110115": "大兴区",
    "110116": "怀柔区",
    "110117": "平谷区",
    "110118": "密云区",
    "110119": "延庆区",
}

#: Retired Beijing county codes still printed on older ID cards, with their successor.
#: An ID keeps the code of the place it was first issued, so these stay valid forever.
RETIRED_BEIJING_COUNTIES: Final[dict[str, tuple[str, str]]] = {
    "110103": ("崇文区", "110101"),
    "110104": ("宣武区", "110102"),
    "110228": ("密云县", "110118"),
    "110229": ("延庆县", "110119"),
}

#: First two digits of a resident ID's area code that can really occur: the 31 mainland
#: provinces, Taiwan (71), Hong Kong (81), Macao (82), plus 83, which the residence permits
#: for Taiwan residents (港澳台居民居住证, numbered like resident IDs) use.
PROVINCE_CODES: Final[frozenset[str]] = frozenset(
    {
        *("11", "12", "13", "14", "15"),  # 华北
        *("21", "22", "23"),  # 东北
        *("31", "32", "33", "34", "35", "36", "37"),  # 华东
        *("41", "42", "43", "44", "45", "46"),  # 中南
        *("50", "51", "52", "53", "54"),  # 西南
        *("61", "62", "63", "64", "65"),  # 西北
        *("71", "81", "82", "83"),  # 台湾, 香港, 澳门, 台湾居民居住证
    }
)

# --------------------------------------------------------------------------- helpers


def _compact(value: str) -> str:
    """Fold full-width characters (an IME in full-width mode types ``１``/``Ｘ``) and drop
    all whitespace, including the ideographic space; scanners and copy-paste add both."""
    folded = unicodedata.normalize("NFKC", value)
    return "".join(ch for ch in folded if not ch.isspace())


def _is_ascii_digits(text: str) -> bool:
    # str.isdigit() also accepts e.g. '²' or Arabic-Indic digits; we want 0-9 only.
    return text.isascii() and text.isdigit()


# --------------------------------------------------------------------------- resident ID

_RIC_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RIC_CHECK: Final = "10X98765432"
_EARLIEST_BIRTH: Final = date(1900, 1, 1)


@dataclass(frozen=True)
class ResidentId:
    """A parsed 18-character resident ID number (GB 11643)."""

    number: str
    area_code: str
    birth_date: date
    sequence: str
    sex: Literal["M", "F"]


def resident_id_check_digit(first17: str) -> str:
    """Return the GB 11643 check character ('0'-'9' or 'X') for 17 leading digits."""
    if len(first17) != 17 or not _is_ascii_digits(first17):
        raise ValueError("resident_id_check_digit needs exactly 17 digits")
    total = sum(int(ch) * w for ch, w in zip(first17, _RIC_WEIGHTS, strict=True))
    return _RIC_CHECK[total % 11]


def _id_error(message: str, code: str,
              params: Mapping[str, object] | None = None) -> ValidationError:
    return ValidationError(message, code=f"id_no.{code}", field="id_no",
                           params=params)


def _check_id_shape(number: str) -> None:
    if len(number) == 15 and _is_ascii_digits(number):
        raise _id_error(
            QT_TRANSLATE_NOOP("errors", "这是15位的旧身份证号码，已停止使用。"
                                        "请输入证件上的18位公民身份号码。"),
            "length")
    if len(number) != 18:
        raise _id_error(
            QT_TRANSLATE_NOOP("errors", "身份证号码应为18位，现在是{count}位。"
                                        "请对照证件重新输入。"),
            "length", params={"count": len(number)})
    if not _is_ascii_digits(number[:17]) or not (number[17] == "X" or _is_ascii_digits(number[17])):
        raise _id_error(
            QT_TRANSLATE_NOOP("errors", "身份证号码只能由数字组成，最后一位可以是字母X。"
                                        "请检查是否混入了字母或符号。"),
            "chars")


def _birth_date_of(number: str, today: date) -> date:
    text = number[6:14]
    try:
        born = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise _id_error(
            QT_TRANSLATE_NOOP("errors", "身份证号码第7至14位的出生日期“{text}”不是有效日期。"
                                        "请核对证件重新输入。"),
            "birth_date", params={"text": text}) from None
    if born < _EARLIEST_BIRTH:
        raise _id_error(
            QT_TRANSLATE_NOOP("errors", "身份证号码中的出生日期{birth}早于1900年，不可能正确。"
                                        "请核对证件重新输入。"),
            "birth_date", params={"birth": born.isoformat()})
    if born > today:
        raise _id_error(
            QT_TRANSLATE_NOOP("errors", "身份证号码中的出生日期{birth}晚于今天，不可能正确。"
                                        "请核对证件重新输入。"),
            "birth_future", params={"birth": born.isoformat()})
    return born


def _check_area(number: str) -> None:
    # Only the province is checked. County codes are deliberately not checked: an ID keeps
    # the code of the place where it was first issued, and retired codes (110103 崇文,
    # 110104 宣武, 110228 密云县, 110229 延庆县 …) are still on valid cards.
    if number[:2] not in PROVINCE_CODES:
        raise _id_error(
            QT_TRANSLATE_NOOP("errors", "身份证号码前两位“{province}”不是有效的省级行政区划代码。"
                                        "请核对证件重新输入。"),
            "area", params={"province": number[:2]})


def _check_digit_matches(number: str) -> None:
    expected = resident_id_check_digit(number[:17])
    if number[17] != expected:
        # Name the mismatch but do not invite "fixing" the last digit: the typo can be in
        # any of the 18 positions.
        raise _id_error(
            QT_TRANSLATE_NOOP("errors", "身份证号码校验不通过：按前17位计算，"
                                        "第18位应为“{expected}”，而输入的是“{given}”。"
                                        "这说明号码中有输入错误（可能在任意一位），"
                                        "请对照证件逐位核对后重新输入。"),
            "check_digit", params={"expected": expected, "given": number[17]})


def parse_resident_id(value: str, *, today: date | None = None) -> ResidentId:
    """Validate and parse an 18-character resident ID number.

    Whitespace is removed, full-width characters are folded and a lowercase ``x`` becomes
    ``X``. Checked in this order, each with its own error code: length (``id_no.length``),
    characters (``id_no.chars``), birth date is a real date from 1900 on
    (``id_no.birth_date``) and not after ``today`` (``id_no.birth_future``; ``today``
    defaults to the local date), province code (``id_no.area``), check digit
    (``id_no.check_digit``). County codes are not checked (see :data:`PROVINCE_CODES`).
    An odd sequence number means male.
    """
    number = _compact(value).upper()
    _check_id_shape(number)
    born = _birth_date_of(number, today or date.today())
    _check_area(number)
    _check_digit_matches(number)
    sequence = number[14:17]
    return ResidentId(
        number=number,
        area_code=number[:6],
        birth_date=born,
        sequence=sequence,
        sex="M" if int(sequence) % 2 == 1 else "F",
    )


# --------------------------------------------------------------------------- USCC

#: GB 32100 character set: digits and upper-case letters without I, O, S, V, Z.
USCC_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS: Final = tuple(pow(3, i, 31) for i in range(17))

#: Registration-authority codes (登记管理部门代码, first character) assigned so far:
#: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管(工商),
#: A 中央军委改革和编制办公室, N 农业农村 (村集体经济组织), Y 其他.
USCC_AUTHORITY_CODES: Final = frozenset("123456789ANY")


def uscc_check_char(body17: str) -> str:
    """Return the GB 32100 check character for the first 17 characters of a credit code.

    Weights are 3^i mod 31; check = 31 - (sum mod 31), where 31 maps to '0'.
    """
    if len(body17) != 17 or any(ch not in USCC_ALPHABET for ch in body17):
        raise ValueError("uscc_check_char needs 17 characters from the GB 32100 alphabet")
    total = sum(USCC_ALPHABET.index(ch) * w for ch, w in zip(body17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def _uscc_error(message: str, code: str,
                params: Mapping[str, object] | None = None) -> ValidationError:
    return ValidationError(message, code=f"uscc.{code}", field="uscc",
                           params=params)


def validate_uscc(value: str) -> str:
    """Validate a unified social credit code (GB 32100) and return it upper-cased.

    Checks: 18 characters (``uscc.length``), all from :data:`USCC_ALPHABET`
    (``uscc.chars``), a known registration-authority code (``uscc.authority``), digits
    in positions 2-8 (entity type and the 6-digit area code, ``uscc.format``) and the
    check character (``uscc.check_digit``).

    Differences from ``stdnum.cn.uscc`` (deliberate): stdnum requires the first 8
    characters to be digits, which rejects the real authority codes ``A``, ``N`` (village
    collective economic organisations, common around Beijing's village stations) and
    ``Y``. Like stdnum, the GB 11714 check digit of the embedded 9-character organisation
    code (positions 9-17) is *not* verified: codes issued under special rules do not
    always satisfy it, a false rejection would stop the clerk cold, and the code's own
    check character already catches typos.
    """
    code = _compact(value).upper()
    if len(code) != 18:
        raise _uscc_error(
            QT_TRANSLATE_NOOP("errors", "统一社会信用代码应为18位，现在是{count}位。"
                                        "请对照营业执照或登记证书重新输入。"),
            "length", params={"count": len(code)})
    bad = sorted({ch for ch in code if ch not in USCC_ALPHABET})
    if bad:
        raise _uscc_error(
            QT_TRANSLATE_NOOP("errors", "统一社会信用代码中不能出现“{items}”：只使用数字和除I、O、"
                                        "S、V、Z以外的大写字母。"
                                        "请核对证照重新输入（注意数字0与字母O、"
                                        "数字1与字母I的区别）。"),
            "chars", params={"items": ''.join(bad)})
    if code[0] not in USCC_AUTHORITY_CODES:
        raise _uscc_error(
            QT_TRANSLATE_NOOP("errors", "统一社会信用代码第1位“{authority}”不是有效的登记管理部门代"
                                        "码。请核对证照重新输入。"),
            "authority", params={"authority": code[0]})
    if not _is_ascii_digits(code[1:8]):
        raise _uscc_error(
            QT_TRANSLATE_NOOP("errors", "统一社会信用代码第2至8位（机构类别和登记管理机关行政区"
                                        "划码）应全部是数字。请核对证照重新输入。"),
            "format")
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        raise _uscc_error(
            QT_TRANSLATE_NOOP("errors", "统一社会信用代码校验不通过：按前17位计算，"
                                        "第18位应为“{expected}”，而输入的是“{given}”。"
                                        "这说明代码中有输入错误（可能在任意一位），"
                                        "请对照证照逐位核对。"),
            "check_digit", params={"expected": expected, "given": code[17]})
    return code


# --------------------------------------------------------------------------- mobile, name

_MOBILE_RE: Final = re.compile(r"1[3-9]\d{9}")


def validate_mobile(value: str) -> str:
    """Validate a mainland mobile number and return its 11 digits.

    Spaces and hyphens are ignored and a ``+86``/``0086`` prefix is dropped, so
    ``+86 138-0013-8000`` gives ``13800138000``. Codes: ``mobile.chars``,
    ``mobile.length``, ``mobile.prefix``.
    """
    number = _compact(value).replace("-", "")
    for prefix in ("+86", "0086"):
        if number.startswith(prefix) and len(number) == len(prefix) + 11:
            number = number[len(prefix) :]
    if number and not _is_ascii_digits(number):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "手机号码只能包含数字。请重新输入。"),
            code="mobile.chars", field="mobile")
    if len(number) != 11:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "手机号码应为11位，现在是{count}位。请核对后重新输入。"),
            code="mobile.length", field="mobile", params={"count": len(number)})
    if not _MOBILE_RE.fullmatch(number):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "手机号码应以13至19开头。请核对后重新输入；"
                                        "固定电话请填写在其他联系方式中。"),
            code="mobile.prefix", field="mobile")
    return number


NAME_MAX_LENGTH: Final = 50
# Control (Cc), format (Cf: zero-width spaces, BOM, direction marks), surrogate (Cs)
# and line/paragraph separators (Zl, Zp) are invisible junk from scanners or copy-paste.
# Private-use (Co) and unassigned (Cn) are allowed on purpose: rare characters in names
# (生僻字) are often stored in private-use code points or in blocks newer than this
# Python's Unicode tables.
_FORBIDDEN_NAME_CATEGORIES: Final = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def validate_name(value: str) -> str:
    """Validate a person's or organisation's name; return it trimmed.

    Leading and trailing whitespace is removed and runs of inner whitespace become one
    space (foreign names keep their spaces; the middle dot in names like 阿依古丽·买买提
    is an ordinary character). Codes: ``name.empty``, ``name.too_long`` (more than
    :data:`NAME_MAX_LENGTH` characters), ``name.control_chars``.
    """
    bad = [ch for ch in value if unicodedata.category(ch) in _FORBIDDEN_NAME_CATEGORIES]
    # Tabs and newlines are control characters, but they are whitespace first: a name
    # pasted with a trailing newline should simply be trimmed, not refused.
    if any(not ch.isspace() for ch in bad):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "姓名中含有不可见的控制字符（常见于复制粘贴）。"
                                        "请删除后重新输入。"),
            code="name.control_chars", field="name")
    name = " ".join(value.split())
    if not name:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "姓名不能为空。请输入姓名。"),
            code="name.empty", field="name")
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "姓名最多{name_max_length}个字，现在是{count}个。"
                                        "请核对后重新输入。"),
            code="name.too_long", field="name",
            params={"name_max_length": NAME_MAX_LENGTH, "count": len(name)})
    return name


# --------------------------------------------------------------------------- masking


def mask_id_no(value: str) -> str:
    """Mask an ID number for paper: first 6 + ``*`` × (length − 10) + last 4.

    ``110101199001011234`` → ``110101********1234``. A value of 10 characters or fewer
    (a passport number, say) keeps only its last 4 characters, or none when it has
    4 or fewer: the mask must never reveal more than it hides.
    """
    text = value.strip()
    if len(text) > 10:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    return _mask_tail(text)


def mask_mobile(value: str) -> str:
    """Mask a mobile number: first 3 + ``*`` × (length − 7) + last 4 (``138****5678``)."""
    text = value.strip()
    if len(text) > 7:
        return text[:3] + "*" * (len(text) - 7) + text[-4:]
    return _mask_tail(text)


def mask_name(value: str) -> str:
    """Mask a person's name for a screen others can see: the first character and ``*``
    for each of the rest (``张*``, ``欧阳**``), as the district's lists show it."""
    text = value.strip()
    return text[:1] + "*" * (len(text) - 1) if len(text) > 1 else text


def _mask_tail(text: str) -> str:
    keep = 4 if len(text) > 4 else 0
    return "*" * (len(text) - keep) + text[len(text) - keep :]


def last4(value: str) -> str:
    """Return the last 4 characters of an ID number, as used for progress lookup.

    Whitespace is ignored and a lowercase ``x`` becomes ``X``. A value shorter than
    4 characters raises ``ValidationError`` (``last4.too_short``).
    """
    text = _compact(value).upper()
    if len(text) < 4:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "证件号码不足4位，无法取后4位。请核对证件号码。"),
            code="last4.too_short", field="id_no")
    return text[-4:]


# --------------------------------------------------------------------------- station code


def _station_error(message: str, code: str,
                   params: Mapping[str, object] | None = None) -> ValidationError:
    return ValidationError(message, code=f"station_code.{code}", field="station_code",
                           params=params)


def validate_station_code(code: str) -> str:
    """Validate a Beijing station's 12-digit statistical area code and return it.

    6 digits county (one of :data:`BEIJING_DISTRICTS`), 3 digits township (001-399:
    001-099 street 街道, 100-199 town 镇, 200-399 township 乡) and 3 digits village
    (000-399; 000 is the street/township-level station itself). Codes:
    ``station_code.format``, ``station_code.county``, ``station_code.township``,
    ``station_code.village``.
    """
    text = _compact(code)
    if len(text) != 12 or not _is_ascii_digits(text):
        raise _station_error(
            QT_TRANSLATE_NOOP("errors", "服务站代码应为12位数字（统计用区划代码），"
                                        "现在是“{text}”。请核对后重新输入。"),
            "format", params={"text": text})
    county, township, village = text[:6], text[6:9], text[9:]
    if county not in BEIJING_DISTRICTS:
        raise _station_error(_county_message(county), "county")
    if not 1 <= int(township) <= 399:
        raise _station_error(
            QT_TRANSLATE_NOOP("errors", "服务站代码第7至9位（街道/乡镇）应在001至399之间，"
                                        "现在是“{township}”。请核对统计用区划代码。"),
            "township", params={"township": township})
    if not 0 <= int(village) <= 399:
        raise _station_error(
            QT_TRANSLATE_NOOP("errors", "服务站代码第10至12位（社区/村）"
                                        "应在000至399之间（000表示街道/乡镇本级），"
                                        "现在是“{village}”。请核对统计用区划代码。"),
            "village", params={"village": village})
    return text


def _county_message(county: str) -> str:
    retired = RETIRED_BEIJING_COUNTIES.get(county)
    if retired is not None:
        old_name, successor = retired
        return (
            f"区县代码{county}（{old_name}）已撤销，现为{successor}"
            f"（{BEIJING_DISTRICTS[successor]}）。请使用现行的统计用区划代码。"
        )
    return (
        f"服务站代码前6位“{county}”不是北京市现行的区代码（110101东城区至110119延庆区）。"
        "请核对后重新输入。"
    )


# --------------------------------------------------------------------------- generators
# For tests, demo data and benchmarks only. The numbers are random and made up; they
# are valid in form, and never copied from real records.

_DEFAULT_BORN_BETWEEN: Final = (date(1930, 1, 1), date(2007, 12, 31))


def make_resident_id(area_code: str, birth: date, sequence: int) -> str:
    """Build an 18-character resident ID from its parts, computing the check digit.

    ``sequence`` is 0-999 (odd for male). Raises ``ValueError`` on malformed parts.
    """
    if len(area_code) != 6 or not _is_ascii_digits(area_code):
        raise ValueError(f"area_code must be 6 digits, got {area_code!r}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be 0..999, got {sequence}")
    if not 1000 <= birth.year <= 9999:
        raise ValueError(f"birth year must have 4 digits, got {birth.year}")
    first17 = f"{area_code}{birth:%Y%m%d}{sequence:03d}"
    return first17 + resident_id_check_digit(first17)


def random_resident_id(
    rng: random.Random,
    *,
    area_codes: Sequence[str] = tuple(BEIJING_DISTRICTS),
    born_between: tuple[date, date] = _DEFAULT_BORN_BETWEEN,
    sex: Literal["M", "F"] | None = None,
) -> str:
    """Return a made-up valid resident ID drawn from ``rng`` (deterministic per seed).

    The area code is picked from ``area_codes``, the birth date uniformly from the
    inclusive range ``born_between`` and the sequence matches ``sex`` (random if None).
    """
    first, last = born_between
    if last < first:
        raise ValueError("born_between must be (earliest, latest)")
    birth = first + timedelta(days=rng.randint(0, (last - first).days))
    sequence = rng.randint(0, 499) * 2  # even: female
    if sex == "M" or (sex is None and rng.random() < 0.5):
        sequence += 1
    return make_resident_id(rng.choice(area_codes), birth, sequence)


def make_uscc(body17: str) -> str:
    """Append the GB 32100 check character to 17 characters. ``ValueError`` if malformed."""
    return body17 + uscc_check_char(body17.upper())


# GB 11714 organisation code: 8 characters + check, weights below, values 0-35.
_ORG_WEIGHTS: Final = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_ALPHABET: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _org_code_check(body8: str) -> str:
    total = sum(_ORG_ALPHABET.index(ch) * w for ch, w in zip(body8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def random_uscc(rng: random.Random) -> str:
    """Return a made-up valid credit code of a Beijing-registered business.

    Authority 9 (market regulation), type 1/2/3 (enterprise, individual business,
    farmers' cooperative), a current Beijing county code and an organisation code whose
    own GB 11714 check digit is also right, so the result looks real in every part.
    """
    body8 = "".join(rng.choice(USCC_ALPHABET) for _ in range(8))
    body17 = "9" + rng.choice("123") + rng.choice(tuple(BEIJING_DISTRICTS)) + body8
    return make_uscc(body17 + _org_code_check(body8))
