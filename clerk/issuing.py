"""Who issues a case's documents and which legal sentences they carry.

A community station is a place of acceptance (受理地点), not an administrative body: it
accepts on behalf of its 街道办事处 (station-level matters) or of the district department
that implements the matter (上报件). Documents are issued in that authority's name; a
refusal's remedies go to the body that reviews it, the district's 人民政府 (行政复议法,
2023 revision, art. 24: the county-level government hears cases against its own
departments and its 派出机关 such as a 街道办事处).

Which law a document cites depends on the matter's type: the Administrative Licensing
Law's article 32 wording (deemed acceptance when the notice is late) applies only to
行政许可; every other type cites the matter's own basis from the catalog and the
one-time-notice rule the district configures. These are pure functions of the matter
and the station's settings, so the tests pin them without rendering a page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from clerk.validation import BEIJING_DISTRICTS

LICENCE = "行政许可"

# Settings keys (the station's key/value settings table).
KEY_STATION_AUTHORITY = "authority.station"
KEY_REVIEWER = "authority.reviewer"
KEY_NOTICE_RULE = "authority.notice_rule"
KEY_CONFIRMED = "authority.confirmed"

# 《中华人民共和国行政许可法》 art. 32, paragraph 1 (4) — the one-time notice of licences.
LICENCE_NOTICE_BASIS = (
    "《中华人民共和国行政许可法》第三十二条：申请材料不齐全或者不符合法定形式的，"
    "应当当场或者在五日内一次告知申请人需要补正的全部内容，"
    "逾期不告知的，自收到申请材料之日起即为受理。"
)
LICENCE_ACCEPTANCE_BASIS = "《中华人民共和国行政许可法》第三十二条"

# The one-time-notice rule for every other type, until the district configures its own.
# Neutral on purpose: no national act was found that states this rule for non-licence
# matters in citable words, and a legal document must not cite a law it cannot attribute.
DEFAULT_NOTICE_RULE = "政务服务一次性告知制度"

NO_LEGAL_LIMIT = "法律法规未规定"

_PLACEHOLDER = "（待确认）"
MAX_NAME = 60
MAX_RULE = 200


@dataclass(frozen=True)
class Authority:
    """The station's configured issuing authorities and reviewing body."""

    # Issues documents of station-level matters, e.g. 北京市东城区东华门街道办事处.
    station_level: str
    # Hears administrative reconsideration against the authorities above (区人民政府).
    reviewer: str
    # The one-time-notice rule cited for matters that are not 行政许可.
    notice_rule: str
    # False until an administrator has looked at and saved these settings.
    confirmed: bool

    def issuer(self, handling_level: str, department: str, district: str) -> str:
        """The authority a case of this handling level is issued in the name of."""
        if handling_level == "district" and department.strip():
            return qualify_department(department, district)
        return self.station_level


def district_name(county_code: str) -> str:
    """"东城区" for "110101"; the code itself when it is not a Beijing district."""
    return BEIJING_DISTRICTS.get(county_code[:6], county_code[:6])


def _in_beijing(name: str, district: str) -> str:
    """Prefix 北京市 (and the district when the name lacks it)."""
    if name.startswith("北京市"):
        return name
    if name.startswith(district):
        return "北京市" + name
    return f"北京市{district}{name}"


def qualify_department(department: str, district: str) -> str:
    """A catalog department written district-relative ("区民政局") in full.

    The bundled catalog is shared by all Beijing districts, so its departments say "区…";
    the station's district makes them a real body: 北京市东城区民政局.
    """
    department = department.strip()
    if department.startswith("区"):
        return f"北京市{district}{department[1:]}"
    return department


def default_station_authority(station_name: str, district: str) -> str:
    """A sensible first guess at the 街道办事处 (or 乡镇人民政府) from the station's name.

    "东城区东华门街道多福巷社区便民服务站" → 北京市东城区东华门街道办事处. A name without
    a street or township gives a visible placeholder: the administrator must confirm.
    """
    name = station_name.strip()
    if name.startswith("北京市"):
        name = name[3:]
    if name.startswith(district):
        name = name[len(district):]
    for marker, suffix in (("街道", "办事处"), ("镇", "人民政府"), ("乡", "人民政府")):
        m = re.match(rf"^(.+?{marker})", name)
        if m:
            return _in_beijing(m.group(1) + suffix, district)
    return f"北京市{district}街道办事处{_PLACEHOLDER}"


def default_reviewer(district: str) -> str:
    """The body that hears reconsideration against a street office or district department."""
    return f"北京市{district}人民政府"


def read_authority(get: Callable[[str, str], str], station_name: str,
                   county_code: str) -> Authority:
    """The station's authority settings, with defaults for anything not yet set.

    ``get(key, default)`` reads one setting (Workspace.setting or a session-bound reader).
    """
    district = district_name(county_code)
    return Authority(
        station_level=get(KEY_STATION_AUTHORITY, "").strip()
        or default_station_authority(station_name, district),
        reviewer=get(KEY_REVIEWER, "").strip() or default_reviewer(district),
        notice_rule=get(KEY_NOTICE_RULE, "").strip() or DEFAULT_NOTICE_RULE,
        confirmed=get(KEY_CONFIRMED, "") == "1",
    )


def _body_name(value: str, field: str) -> str:
    value = value.strip()
    if not value or _PLACEHOLDER in value or len(value) > MAX_NAME:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "请填写机关的完整名称（不超过 {max} 字），"
                                        "例如“北京市东城区东华门街道办事处”。"),
            code="authority.name", field=field, params={"max": MAX_NAME})
    return value


def validate_authority(station_level: str, reviewer: str, notice_rule: str = ""
                       ) -> dict[str, str]:
    """The settings an administrator's save writes; saving is the confirmation."""
    rule = notice_rule.strip()
    if len(rule) > MAX_RULE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "一次性告知依据不超过 {max} 字。"),
            code="authority.rule", field="notice_rule", params={"max": MAX_RULE})
    return {KEY_STATION_AUTHORITY: _body_name(station_level, "station_authority"),
            KEY_REVIEWER: _body_name(reviewer, "reviewer"),
            KEY_NOTICE_RULE: rule, KEY_CONFIRMED: "1"}


# --------------------------------------------------------------------------- wording


def is_licence(matter_type: str) -> bool:
    """True only for 行政许可: the one type the Administrative Licensing Law governs."""
    return matter_type == LICENCE


def cite(basis: Sequence[str]) -> str:
    """The matter's legal basis as one run of titles: 《A》《B》 (GB/T 15834-2011: no 顿号
    between titles in book-title marks)."""
    return "".join(b.strip() for b in basis if b.strip())


def notice_basis(matter_type: str, basis: Sequence[str], notice_rule: str) -> str:
    """The 告知依据 paragraph of a one-time notice."""
    if is_licence(matter_type):
        return LICENCE_NOTICE_BASIS
    rule = notice_rule.strip() or DEFAULT_NOTICE_RULE
    own = cite(basis)
    if own:
        return f"本事项依据{own}办理。依照{rule}，现将需要补正的全部内容一次性告知。"
    return f"依照{rule}，现将需要补正的全部内容一次性告知。"


def notice_finding(matter_type: str) -> str:
    """What the examination found: licences speak of 法定形式, others of the requirements."""
    if is_licence(matter_type):
        return "申请材料不齐全或者不符合法定形式"
    return "申请材料不齐全或者不符合要求"


def quoted_matter(matter_name: str) -> str:
    """“X”申请 — without doubling 申请 when the matter's name already ends with it."""
    name = matter_name.strip()
    return f"“{name}”" if name.endswith("申请") else f"“{name}”申请"


def acceptance_sentence(matter_type: str, matter_name: str, authority: str, place: str,
                        day: str, deferred_count: int) -> str:
    """The receipt's statement of acceptance.

    With deferred items it says 容缺受理 and points to the promises instead of claiming
    the materials are complete.
    """
    head = f"您申请办理的“{matter_name.strip()}”"
    where = f"{authority}于{day}在{place}"
    if deferred_count:
        return (f"{head}，主要申请材料齐全，{deferred_count}项材料经您承诺后补（见附二），"
                f"{where}予以容缺受理，特此回执。")
    if is_licence(matter_type):
        return (f"{head}，申请材料齐全、符合法定形式，{where}依照"
                f"{LICENCE_ACCEPTANCE_BASIS}予以受理，特此回执。")
    return f"{head}，申请材料齐全、符合要求，{where}予以受理，特此回执。"


def refusal_basis(matter_type: str, basis: Sequence[str], given: str = "") -> str:
    """The 依据 of a refusal: what the clerk recorded, else the matter's own basis."""
    if given.strip():
        return given.strip()
    own = cite(basis)
    if is_licence(matter_type):
        return f"{LICENCE_ACCEPTANCE_BASIS}；{own}" if own else LICENCE_ACCEPTANCE_BASIS
    return own or "本事项办事指南规定的受理条件"


def sentence(text: str) -> str:
    """One sentence ending in exactly one full stop (a typed reason may or may not have one)."""
    text = text.strip().rstrip("。.;；,，")
    return text + "。" if text else ""


def remedies(reviewer: str, document: str = "本通知书") -> str:
    """Reconsideration within 60 days (行政复议法 art. 20) or a lawsuit within six months
    (行政诉讼法 art. 46), both from the day the applicant receives ``document``."""
    return (f"如不服本决定，可以自收到{document}之日起六十日内向{reviewer}申请行政复议，"
            f"或者自收到{document}之日起六个月内依法向人民法院提起行政诉讼。")


def limit_text(days: int | None) -> str:
    """A legal limit as printed: None (no law sets one) is 法律法规未规定, never 即办."""
    if days is None:
        return NO_LEGAL_LIMIT
    return "即办" if days == 0 else f"{days}个工作日"
