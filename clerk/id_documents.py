"""Identity documents a person can show at the counter, beyond the resident ID.

A person's identity is the pair (document type, number). Each type has its own rule:

- ``resident_id`` 居民身份证: GB 11643 (:func:`clerk.validation.parse_resident_id`).
- ``gat_residence_permit`` 港澳台居民居住证: numbered like a resident ID (18 characters,
  birth date at 7-14, odd sequence = male, mod 11-2 check digit) with the area code
  810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan) exactly.
- ``foreign_permanent_resident`` 外国人永久居留身份证: the 2017 card's 15 characters
  (3 Latin letters of nationality + 12 digits) and the 2023 card's 18 (17 digits starting
  with 9 + a mod 11-2 check digit, "same as the citizen number", National Immigration
  Administration, 新版外国人永久居留身份证机读信息规则 2023). The layout of the digits
  in between (place of acceptance, nationality, birth date) is not confirmed by a
  published source we hold, so neither card's birth date is read, and the 2017 card's
  digits are checked for shape only (its check algorithm is not public).
- ``hk_macau_pass`` 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) + 8 digits (older
  cards) or 10 digits (newer): shape only, no public check digit.
- ``taiwan_pass`` 台湾居民来往大陆通行证: 8 digits, one lifelong number (公安部公告 2015:
  the card's number is 8 digits; a holder of an older booklet with a longer number keeps
  its first 8). Longer booklet numbers are refused with that advice: the booklets stopped
  being issued in 2015 and were valid 5 years.
- ``passport`` 护照: issuing country (3 letters, ICAO/ISO 3166 alpha-3, e.g. CHN) + the
  number (5-17 letters or digits), typed in one field ("CHN E12345678"). Stored as
  ``CHN-E12345678``: two countries can issue the same number, so the country is part of
  the identity. Shape only (the country code is not checked against a list).

Masking on paper (:func:`mask_document`): the 18-character numbers like a resident ID
(first 6 + last 4); the others keep the first character (the H/M of a pass, the first
letter of a nationality code) and the last 4 (numbers of 10 or more characters) or last 3
(8-9 characters); a passport keeps its country and masks its number by the same rule.
The mask never shows more characters than it hides.

Pure functions, no Qt. Errors are :class:`clerk.errors.ValidationError` with codes
``<type>.<rule>`` and field ``id_no``, their messages marked templates.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final, Literal

from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from clerk.validation import (
    make_resident_id,
    mask_id_no,
    parse_resident_id,
    resident_id_check_digit,
)

#: Document type → its name (a marked message, translated where shown).
DOCUMENT_TYPES: Final[dict[str, str]] = {
    "resident_id": QT_TRANSLATE_NOOP("errors", "居民身份证"),
    "gat_residence_permit": QT_TRANSLATE_NOOP("errors", "港澳台居民居住证"),
    "foreign_permanent_resident": QT_TRANSLATE_NOOP("errors", "外国人永久居留身份证"),
    "hk_macau_pass": QT_TRANSLATE_NOOP("errors", "港澳居民来往内地通行证"),
    "taiwan_pass": QT_TRANSLATE_NOOP("errors", "台湾居民来往大陆通行证"),
    "passport": QT_TRANSLATE_NOOP("errors", "护照"),
}

#: Area codes of the residence permits for Hong Kong, Macao and Taiwan residents.
GAT_AREA_CODES: Final[dict[str, str]] = {"810000": "香港", "820000": "澳门", "830000": "台湾"}

_EARLIEST_BIRTH: Final = date(1900, 1, 1)
_PASSPORT_RE: Final = re.compile(r"([A-Z]{3})[-/]?([A-Z0-9]{5,17})")


@dataclass(frozen=True)
class IdDocument:
    """A validated identity document number and what it tells about its holder."""

    id_type: str
    number: str  # canonical: what is stored and compared
    birth_date: date | None = None  # only where the number is known to carry it
    sex: Literal["M", "F"] | None = None
    area_code: str = ""  # resident ID / residence permit: the first 6 digits
    detail: str = ""  # "2017"/"2023" card, "H"/"M" pass, a passport's country

    @property
    def label(self) -> str:
        return DOCUMENT_TYPES[self.id_type]


def document_label(id_type: str) -> str:
    """The document's name (a marked message); an unknown type is shown as it is."""
    return DOCUMENT_TYPES.get(id_type, id_type)


def id_type_of(text: str) -> str:
    """The type key for a key or a document name (printing keeps names); else ``text``."""
    if text in DOCUMENT_TYPES:
        return text
    return next((k for k, v in DOCUMENT_TYPES.items() if v == text), text)


def _compact(value: str) -> str:
    folded = unicodedata.normalize("NFKC", value)
    return "".join(ch for ch in folded if not ch.isspace()).upper()


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _error(id_type: str, rule: str, message: str, **params: object) -> ValidationError:
    return ValidationError(message, code=f"{id_type}.{rule}", field="id_no",
                           params={"doc": DOCUMENT_TYPES[id_type], **params})


# --------------------------------------------------------------------------- GB 11643-style


def _check_gb11643_shape(id_type: str, number: str) -> None:
    if len(number) != 18:
        raise _error(id_type, "length", QT_TRANSLATE_NOOP(
            "errors", "{doc}号码应为18位，现在是{count}位。请对照证件重新输入。"),
            count=len(number))
    if not _digits(number[:17]) or not (number[17] == "X" or _digits(number[17])):
        raise _error(id_type, "chars", QT_TRANSLATE_NOOP(
            "errors", "{doc}号码只能由数字组成，最后一位可以是字母X。"
                      "请检查是否混入了字母或符号。"))


def _check_gb11643_digit(id_type: str, number: str) -> None:
    expected = resident_id_check_digit(number[:17])
    if number[17] != expected:
        raise _error(id_type, "check_digit", QT_TRANSLATE_NOOP(
            "errors", "{doc}号码校验不通过：按前17位计算，第18位应为“{expected}”，"
                      "而输入的是“{given}”。这说明号码中有输入错误（可能在任意一位），"
                      "请对照证件逐位核对后重新输入。"),
            expected=expected, given=number[17])


def _birth_date(id_type: str, text: str, today: date) -> date:
    try:
        born = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise _error(id_type, "birth_date", QT_TRANSLATE_NOOP(
            "errors", "{doc}号码第7至14位的出生日期“{text}”不是有效日期。"
                      "请核对证件重新输入。"), text=text) from None
    if born < _EARLIEST_BIRTH or born > today:
        raise _error(id_type, "birth_date", QT_TRANSLATE_NOOP(
            "errors", "{doc}号码中的出生日期{birth}不可能正确（早于1900年或晚于今天）。"
                      "请核对证件重新输入。"), birth=born.isoformat())
    return born


def parse_gat_residence_permit(value: str, *, today: date | None = None) -> IdDocument:
    """港澳台居民居住证: length, characters, area 810000/820000/830000, birth date, check."""
    kind = "gat_residence_permit"
    number = _compact(value)
    _check_gb11643_shape(kind, number)
    if number[:6] not in GAT_AREA_CODES:
        raise _error(kind, "area", QT_TRANSLATE_NOOP(
            "errors", "港澳台居民居住证号码前6位应为810000（香港）、820000（澳门）"
                      "或830000（台湾），现在是“{area}”。请核对证件；"
                      "内地居民的证件请选择“居民身份证”。"), area=number[:6])
    born = _birth_date(kind, number[6:14], today or date.today())
    _check_gb11643_digit(kind, number)
    return IdDocument(kind, number, born, "M" if int(number[14:17]) % 2 else "F",
                      number[:6], GAT_AREA_CODES[number[:6]])


def parse_foreign_permanent_resident(value: str) -> IdDocument:
    """外国人永久居留身份证: the 2017 card (3 letters + 12 digits, shape only) or the 2023
    card (18 characters starting with 9, mod 11-2 check digit)."""
    kind = "foreign_permanent_resident"
    number = _compact(value)
    if len(number) == 15:
        if not (number[:3].isascii() and number[:3].isalpha() and _digits(number[3:])):
            raise _error(kind, "format", QT_TRANSLATE_NOOP(
                "errors", "15位的外国人永久居留身份证号码（2017年版）应为3个字母"
                          "（国籍代码）加12位数字。请对照证件重新输入。"))
        return IdDocument(kind, number, detail="2017")
    if len(number) != 18:
        raise _error(kind, "length", QT_TRANSLATE_NOOP(
            "errors", "外国人永久居留身份证号码应为15位（2017年版，3个字母加12位数字）"
                      "或18位（2023年版，以9开头），现在是{count}位。请对照证件重新输入。"),
            count=len(number))
    _check_gb11643_shape(kind, number)
    if number[0] != "9":
        raise _error(kind, "prefix", QT_TRANSLATE_NOOP(
            "errors", "18位的外国人永久居留身份证号码（2023年版）以9开头，"
                      "现在是“{first}”。请核对证件；中国公民的证件请选择“居民身份证”。"),
            first=number[0])
    _check_gb11643_digit(kind, number)
    return IdDocument(kind, number, detail="2023")


def parse_hk_macau_pass(value: str) -> IdDocument:
    """港澳居民来往内地通行证: H or M, then 8 or 10 digits."""
    kind = "hk_macau_pass"
    number = _compact(value)
    if not number or number[0] not in "HM":
        raise _error(kind, "prefix", QT_TRANSLATE_NOOP(
            "errors", "港澳居民来往内地通行证号码以字母H（香港居民）或M（澳门居民）开头。"
                      "请对照证件重新输入。"))
    if len(number) not in (9, 11) or not _digits(number[1:]):
        raise _error(kind, "format", QT_TRANSLATE_NOOP(
            "errors", "港澳居民来往内地通行证号码应为H或M加8位或10位数字，"
                      "现在字母后有{count}个字符。请对照证件重新输入。"),
            count=len(number) - 1)
    return IdDocument(kind, number, detail=number[0])


def parse_taiwan_pass(value: str) -> IdDocument:
    """台湾居民来往大陆通行证: 8 digits (the lifelong number)."""
    kind = "taiwan_pass"
    number = _compact(value)
    if len(number) > 8 and _digits(number[:8]):
        raise _error(kind, "booklet", QT_TRANSLATE_NOOP(
            "errors", "台湾居民来往大陆通行证号码为8位数字。旧版本式通行证号码较长，"
                      "其前8位即终身号码（换领的卡式通行证号码与之相同），请输入前8位。"))
    if len(number) != 8 or not _digits(number):
        raise _error(kind, "format", QT_TRANSLATE_NOOP(
            "errors", "台湾居民来往大陆通行证号码应为8位数字，现在是{count}个字符。"
                      "请对照证件重新输入。"), count=len(number))
    return IdDocument(kind, number)


def parse_passport(value: str) -> IdDocument:
    """护照: 3-letter issuing country + 5-17 letters or digits; stored ``CHN-E12345678``."""
    kind = "passport"
    text = _compact(value)
    match = _PASSPORT_RE.fullmatch(text)
    if match is None:
        if not (text[:3].isascii() and text[:3].isalpha() and len(text) >= 3):
            raise _error(kind, "country", QT_TRANSLATE_NOOP(
                "errors", "护照号码前请写签发国家的3个字母代码（如中国CHN），"
                          "再写护照号码，例如“CHN E12345678”。"))
        rest = text[3:].lstrip("-/")
        if not (rest.isascii() and rest.isalnum()):
            raise _error(kind, "chars", QT_TRANSLATE_NOOP(
                "errors", "护照号码只能包含字母和数字（国家代码与号码之间可以有空格）。"
                          "请对照护照资料页重新输入。"))
        raise _error(kind, "format", QT_TRANSLATE_NOOP(
            "errors", "护照号码应为5至17位字母或数字，现在是{count}个字符"
                      "（国家代码之后）。请对照护照资料页重新输入。"), count=len(rest))
    country, number = match.groups()
    return IdDocument(kind, f"{country}-{number}", detail=country)


def validate_document(id_type: str, value: str, *, today: date | None = None) -> IdDocument:
    """Validate ``value`` as a number of document ``id_type``; the canonical number and
    what it tells. An unknown type is a ``document.type`` error."""
    if id_type == "resident_id":
        rid = parse_resident_id(value, today=today)
        return IdDocument(id_type, rid.number, rid.birth_date, rid.sex, rid.area_code)
    if id_type == "gat_residence_permit":
        return parse_gat_residence_permit(value, today=today)
    parsers = {"foreign_permanent_resident": parse_foreign_permanent_resident,
               "hk_macau_pass": parse_hk_macau_pass, "taiwan_pass": parse_taiwan_pass,
               "passport": parse_passport}
    parser = parsers.get(id_type)
    if parser is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "不支持的证件类型：{id_type}"),
            code="document.type", field="id_type", params={"id_type": id_type})
    return parser(value)


def canonical_number(id_type: str | None, value: str) -> str:
    """The stored form of a number typed for lookup, without judging it: upper case, no
    spaces; a passport number gets its country separated (``CHN E123`` → ``CHN-E123``)."""
    text = _compact(value)
    if id_type == "passport":
        match = _PASSPORT_RE.fullmatch(text)
        if match is not None:
            return f"{match.group(1)}-{match.group(2)}"
    return text


def lookup_numbers(value: str) -> set[str]:
    """Every stored form a number typed without its type may have (for find-by-number)."""
    return {canonical_number(None, value), canonical_number("passport", value)}


# --------------------------------------------------------------------------- masking


def _mask_short(text: str) -> str:
    """First 1 + last 4 (10+ characters) or last 3 (8-9); shorter: the last 2 at most."""
    n = len(text)
    if n >= 10:
        return text[0] + "*" * (n - 5) + text[-4:]
    if n >= 8:
        return text[0] + "*" * (n - 4) + text[-3:]
    keep = 2 if n >= 4 else 0
    return "*" * (n - keep) + text[n - keep:]


def mask_document(id_type: str, number: str) -> str:
    """Mask a document number for paper and screens, by its type (see the module doc).

    A credit code (``uscc``) is public and returned as it is; an unknown type is masked
    like a resident ID (:func:`clerk.validation.mask_id_no`)."""
    text = number.strip()
    kind = id_type_of(id_type)
    if kind == "uscc":
        return text
    if kind == "passport" and "-" in text:
        country, _, rest = text.partition("-")
        return f"{country}-{_mask_short(rest)}"
    if kind == "resident_id" or kind not in DOCUMENT_TYPES or (
            len(text) == 18 and kind in ("gat_residence_permit", "foreign_permanent_resident")):
        return mask_id_no(text)  # unchanged for resident IDs (and anything unrecognised)
    return _mask_short(text)


# --------------------------------------------------------------------------- generators
# For tests and demo data only: made-up numbers, valid in form.

_BORN: Final = (date(1940, 1, 1), date(2005, 12, 31))


def _random_birth(rng: random.Random) -> date:
    first, last = _BORN
    return first + timedelta(days=rng.randint(0, (last - first).days))


def make_gb11643_style(first17: str) -> str:
    """17 digits + their mod 11-2 check digit."""
    return first17 + resident_id_check_digit(first17)


def random_document(rng: random.Random, id_type: str) -> str:
    """A made-up valid number of document ``id_type`` as a clerk would type it."""
    if id_type == "resident_id":
        return make_resident_id(rng.choice(("110101", "110105", "110108")),
                                _random_birth(rng), rng.randint(0, 999))
    if id_type == "gat_residence_permit":
        return make_resident_id(rng.choice(tuple(GAT_AREA_CODES)), _random_birth(rng),
                                rng.randint(0, 999))
    if id_type == "foreign_permanent_resident":
        if rng.random() < 0.5:
            letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
            return letters + "".join(rng.choice("0123456789") for _ in range(12))
        return make_gb11643_style("9" + "".join(rng.choice("0123456789") for _ in range(16)))
    if id_type == "hk_macau_pass":
        return rng.choice("HM") + "".join(rng.choice("0123456789")
                                          for _ in range(rng.choice((8, 10))))
    if id_type == "taiwan_pass":
        return "".join(rng.choice("0123456789") for _ in range(8))
    if id_type == "passport":
        body = "".join(rng.choice("0123456789") for _ in range(8))
        return f"{rng.choice(('CHN', 'USA', 'FRA', 'KOR', 'JPN'))} {rng.choice('EGP')}{body}"
    raise ValueError(f"unknown document type {id_type!r}")


def mask_of(person: Mapping[str, Any]) -> str:
    """The masked number of a case's applicant or agent snapshot (``id_type``, ``id_no``;
    snapshots from before the type was recorded are resident IDs)."""
    return mask_document(str(person.get("id_type") or "resident_id"),
                         str(person.get("id_no", "")))


def mask_number(number: str) -> str:
    """Mask a number whose type is not at hand (a case list row keeps only the number):
    judged by its shape, which tells the rules apart (a passport's ``-``, the 18
    characters of a resident ID, residence permit or 2023 permanent resident card)."""
    text = number.strip()
    if "-" in text:
        return mask_document("passport", text)
    return mask_id_no(text) if len(text) == 18 else _mask_short(text)
