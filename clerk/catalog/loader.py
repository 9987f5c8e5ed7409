"""Reading and writing catalog files (``stationdesk-catalog`` JSON, format version 1).

A catalog file looks like::

    {"format": "stationdesk-catalog", "version": 1, "matters": [{...}, ...]}

Each matter object uses the field names of :class:`~clerk.catalog.model.Matter`; dates
are ISO ``YYYY-MM-DD`` strings and fee amounts decimal strings ("10.00"), so nothing is
ever rounded through a float.

Validation is strict and all-or-nothing: one bad matter rejects the whole file, because
a half-imported catalog would show clerks a list that silently lacks matters. Every
problem found is collected; :class:`CatalogError` reports the first in its message and
carries all of them.

Rules where the published guides leave room, decided here:

* An instant matter (即办件) has ``committed_limit_days`` 0, since it is decided on the
  spot; its ``legal_limit_days`` may still be set, because the law's limit exists
  whatever the station promises. A committed matter (承诺件) commits at least 1 day.
* ``legal_limit_days`` is null when no law sets a limit, never 0.
* A fee item must cost more than 0: a free matter has an empty ``fees`` list.
* Counts must match the form: 原件 needs originals and no copies, 复印件 the reverse,
  原件和复印件 both, 原件或复印件 at least one of them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from clerk.catalog.model import (
    BEIJING_HOTLINE,
    MAX_CODE_LENGTH,
    CaseKind,
    FeeItem,
    FieldType,
    FormField,
    HandlingLevel,
    Material,
    MaterialForm,
    MaterialSource,
    Matter,
    MatterType,
    Necessity,
    ServiceObject,
    SpecialProcedure,
)
from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from clerk.worded import Worded, worded

CATALOG_FORMAT = "stationdesk-catalog"
# Bounds of what a catalog file may hold (checked by validate, import and publish alike,
# and on the station for what the district sends): a catalog that passes cannot break
# a station's date arithmetic or its parser.
MAX_NUMBER = 10_000  # days, versions, counts: 10,000 working days is some forty years
MAX_DEPTH = 16
MAX_BYTES = 8 * 1024 * 1024
CATALOG_VERSION = 1

_E = TypeVar("_E", bound=StrEnum)
_T = TypeVar("_T")

_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

_MATTER_REQUIRED = frozenset(
    {
        "code", "name", "department", "type", "service_object", "case_kind",
        "handling_level", "legal_limit_days", "committed_limit_days", "materials",
        "version", "valid_from",
    }
)  # fmt: skip
_MATTER_OPTIONAL = frozenset(
    {
        "short_name", "keywords", "limit_note", "limit_source", "fees", "legal_basis",
        "conditions", "refusal_reasons", "form_fields", "special_procedures", "place",
        "office_hours", "enquiry_phone", "complaint_phone", "result_name", "valid_to",
        "retention_days",
    }
)  # fmt: skip
_MATERIAL_REQUIRED = frozenset(
    {"key", "name", "form", "original_count", "copy_count", "necessity", "source", "requirement"}
)
_MATERIAL_OPTIONAL = frozenset({"order", "condition", "blank_form", "sample"})
_FEE_KEYS = frozenset({"name", "amount_yuan", "basis"})
_FIELD_REQUIRED = frozenset({"name", "label", "type"})
_FIELD_OPTIONAL = frozenset({"required", "choices", "help"})
_PROCEDURE_REQUIRED = frozenset({"kind", "name"})
_PROCEDURE_OPTIONAL = frozenset({"days"})
_TOP_KEYS = frozenset({"format", "version", "matters"})


@dataclass(frozen=True)
class CatalogProblem:
    """One thing wrong with a catalog file.

    ``field`` is a path inside the matter (``materials[3].necessity``), or inside the
    file (``matters[2]``) when no matter can be named. ``worded`` is the problem as a
    template and values, so the workstation shows it in its interface language;
    ``str()`` is the whole line in Chinese (the CLI's, the API's).
    """

    file: str
    matter_code: str | None
    field: str | None
    worded: Worded
    matter_index: int | None = None

    @property
    def problem(self) -> str:
        return self.worded.text

    def line(self) -> Worded:
        """Where and what, as one Worded (``str()`` is its Chinese text)."""
        where = worded(QT_TRANSLATE_NOOP("catalog_changes", "目录文件 {file}"), file=self.file)
        if self.matter_code is not None:
            where = _also(
                where,
                worded(QT_TRANSLATE_NOOP("catalog_changes", "事项 {code}"), code=self.matter_code),
            )
        elif self.matter_index is not None:
            where = _also(
                where,
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "第 {n} 个事项"),
                    n=str(self.matter_index + 1),
                ),
            )
        if self.field:
            where = _also(
                where,
                worded(QT_TRANSLATE_NOOP("catalog_changes", "字段 {field}"), field=self.field),
            )
        return worded(
            QT_TRANSLATE_NOOP("catalog_changes", "{where}：{problem}"),
            where=where,
            problem=self.worded,
        )

    def __str__(self) -> str:
        return self.line().text


def _also(first: Worded, then: Worded) -> Worded:
    return worded(QT_TRANSLATE_NOOP("catalog_changes", "{a}，{b}"), a=first, b=then)


class CatalogError(ValidationError):
    """A catalog file (or a stored matter snapshot) that breaks the format.

    The message names the first problem; ``problems`` holds every one found.
    """

    code = "catalog_invalid"

    def __init__(
        self,
        problems: Sequence[CatalogProblem],
        *,
        advice: str = "请改正后重新导入，整个文件未被导入。",
    ) -> None:
        if not problems:
            raise ValueError("CatalogError needs at least one problem")
        first = problems[0]
        message = f"{first}。{advice}"
        if len(problems) > 1:
            message += f"（另有 {len(problems) - 1} 处问题）"
        super().__init__(message, field=first.field)
        self.problems: tuple[CatalogProblem, ...] = tuple(problems)
        self.file = first.file
        self.matter_code = first.matter_code


class _Sink:
    """Collects problems for one file, knowing which matter is being read."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[CatalogProblem] = []
        self.matter_code: str | None = None
        self.matter_index: int | None = None

    def report(self, field: str | None, problem: Worded) -> None:
        self.problems.append(
            CatalogProblem(self.file, self.matter_code, field, problem, self.matter_index)
        )

    def raise_if_any(self, advice: str | None = None) -> None:
        if self.problems:
            if advice is None:
                raise CatalogError(self.problems)
            raise CatalogError(self.problems, advice=advice)


# Words that travel as values of the problems' templates; marked here so the window
# translates them (in the templates' context).
_LABELS = (
    QT_TRANSLATE_NOOP("catalog_changes", "布尔值"),
    QT_TRANSLATE_NOOP("catalog_changes", "整数"),
    QT_TRANSLATE_NOOP("catalog_changes", "小数"),
    QT_TRANSLATE_NOOP("catalog_changes", "字符串"),
    QT_TRANSLATE_NOOP("catalog_changes", "数组"),
    QT_TRANSLATE_NOOP("catalog_changes", "对象"),
    QT_TRANSLATE_NOOP("catalog_changes", "字符串或 null"),
    QT_TRANSLATE_NOOP("catalog_changes", "布尔值 true/false"),
    QT_TRANSLATE_NOOP("catalog_changes", "日期字符串 YYYY-MM-DD"),
    QT_TRANSLATE_NOOP("catalog_changes", "金额"),
    QT_TRANSLATE_NOOP("catalog_changes", "选项"),
    QT_TRANSLATE_NOOP("catalog_changes", "材料标识"),
    QT_TRANSLATE_NOOP("catalog_changes", "材料序号"),
    QT_TRANSLATE_NOOP("catalog_changes", "字段名"),
)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "布尔值"
    if isinstance(value, int):
        return "整数"
    if isinstance(value, float | Decimal):
        return "小数"
    if isinstance(value, str):
        return "字符串"
    if isinstance(value, list):
        return "数组"
    if isinstance(value, dict):
        return "对象"
    return type(value).__name__


class _Obj:
    """Typed access to one JSON object, recording problems instead of raising.

    Getters always return a value of the promised type (a harmless default after a
    problem) so reading goes on and every problem in the file gets collected. Missing
    required keys and unknown keys are reported once, on construction.
    """

    def __init__(
        self,
        sink: _Sink,
        value: Any,
        path: str,
        required: Collection[str],
        optional: Collection[str] = (),
    ) -> None:
        self.sink = sink
        self.path = path
        self.data: dict[str, Any] = {}
        start = len(sink.problems)
        if not isinstance(value, dict):
            sink.report(
                path or None,
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "应为对象，实际是{type}"),
                    type=_type_name(value),
                ),
            )
        else:
            self.data = value
            for key in value:
                if key not in required and key not in optional:
                    sink.report(
                        _join(path, key),
                        worded(QT_TRANSLATE_NOOP("catalog_changes", "未知的键（拼写错误？）")),
                    )
            for key in sorted(required):
                if key not in value:
                    sink.report(
                        _join(path, key), worded(QT_TRANSLATE_NOOP("catalog_changes", "缺少必填项"))
                    )
        self._start = start

    @property
    def clean(self) -> bool:
        """True while nothing inside this object has been reported."""
        return len(self.sink.problems) == self._start

    def where(self, key: str) -> str:
        return _join(self.path, key)

    def _get(self, key: str, check: Callable[[Any], bool], expected: str) -> Any:
        """The raw value when present and of the right JSON type, else None."""
        if key not in self.data:
            return None
        value = self.data[key]
        if not check(value):
            self.sink.report(
                self.where(key),
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "应为{expected}，实际是{type}"),
                    expected=expected,
                    type=_type_name(value),
                ),
            )
            return None
        return value

    def text(self, key: str, *, max_len: int | None = None) -> str:
        """A required, non-blank single-line string."""
        value = self._get(key, lambda v: isinstance(v, str), "字符串")
        if value is None:
            return ""
        return self._checked_text(key, value, max_len)

    def _checked_text(self, key: str, value: str, max_len: int | None) -> str:
        if not value.strip():
            self.sink.report(
                self.where(key), worded(QT_TRANSLATE_NOOP("catalog_changes", "不能为空"))
            )
        elif value != value.strip():
            self.sink.report(
                self.where(key), worded(QT_TRANSLATE_NOOP("catalog_changes", "首尾不能有空格"))
            )
        elif _CONTROL.search(value):
            self.sink.report(
                self.where(key),
                worded(QT_TRANSLATE_NOOP("catalog_changes", "不能含换行或控制字符")),
            )
        elif max_len is not None and len(value) > max_len:
            self.sink.report(
                self.where(key),
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "长度 {length} 超过上限 {max_len}"),
                    length=str(len(value)),
                    max_len=str(max_len),
                ),
            )
        return value

    def opt_text(self, key: str) -> str | None:
        """An optional string: absent or null gives None; present must not be blank."""
        if self.data.get(key) is None:
            return None
        value = self._get(key, lambda v: isinstance(v, str), "字符串或 null")
        return None if value is None else self._checked_text(key, value, None)

    def free_text(self, key: str, default: str = "") -> str:
        """An optional string that may be empty (place, phones); absent gives ``default``."""
        value = self._get(key, lambda v: isinstance(v, str), "字符串")
        return default if value is None else str(value).strip()

    def integer(self, key: str, *, minimum: int, maximum: int = MAX_NUMBER) -> int:
        """A required whole number of at least ``minimum`` and at most ``maximum``
        (booleans are refused); no number in a catalog is larger than MAX_NUMBER."""
        value = self._get(key, _is_int, "整数")
        if value is None:
            return minimum
        if value < minimum:
            self.sink.report(
                self.where(key),
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "不能小于 {minimum}，实际是 {value}"),
                    minimum=str(minimum),
                    value=str(value),
                ),
            )
        elif value > maximum:
            digits = str(value)
            shown = digits if len(digits) <= 12 else f"{digits[:6]}…（{len(digits)} 位数）"
            self.sink.report(
                self.where(key),
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "不能大于 {maximum}，实际是 {value}"),
                    maximum=str(maximum),
                    value=shown,
                ),
            )
            return minimum
        return int(value)

    def opt_integer(self, key: str, *, minimum: int) -> int | None:
        """A whole number of at least ``minimum``, or null."""
        if self.data.get(key) is None:
            return None
        return self.integer(key, minimum=minimum)

    def boolean(self, key: str, default: bool) -> bool:
        value = self._get(key, lambda v: isinstance(v, bool), "布尔值 true/false")
        return default if value is None else bool(value)

    def enum(self, key: str, cls: type[_E]) -> _E:
        """A value of ``cls``; unknown values are reported with the allowed ones."""
        fallback = next(iter(cls))
        value = self._get(key, lambda v: isinstance(v, str), "字符串")
        if value is None:
            return fallback
        try:
            return cls(value)
        except ValueError:
            allowed = "、".join(member.value for member in cls)
            self.sink.report(
                self.where(key),
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "未知取值 “{value}”，应为 {allowed} 之一"),
                    value=value,
                    allowed=allowed,
                ),
            )
            return fallback

    def day(self, key: str) -> date:
        value = self.opt_day(key)
        return value if value is not None else date.min

    def opt_day(self, key: str) -> date | None:
        """An ISO date ``YYYY-MM-DD``, or null."""
        if self.data.get(key) is None:
            return None
        value = self._get(key, lambda v: isinstance(v, str), "日期字符串 YYYY-MM-DD")
        if value is None:
            return None
        try:
            if not _ISO_DATE.fullmatch(value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            self.sink.report(
                self.where(key),
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "日期 “{value}” 无效，应为 YYYY-MM-DD"),
                    value=value,
                ),
            )
            return None

    def money(self, key: str) -> Decimal:
        """An amount in yuan: a decimal string or a JSON number, > 0, at most 2 places."""
        value = self._get(key, lambda v: isinstance(v, str | Decimal) or _is_int(v), "金额")
        if value is None:
            return Decimal(0)
        try:
            amount = Decimal(value)
        except InvalidOperation:
            self.sink.report(
                self.where(key),
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "金额 “{value}” 不是数字"),
                    value=str(value),
                ),
            )
            return Decimal(0)
        exponent = amount.as_tuple().exponent
        if not amount.is_finite() or amount <= 0:
            self.sink.report(
                self.where(key),
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "金额应大于 0（不收费的事项 fees 留空）")
                ),
            )
        elif isinstance(exponent, int) and exponent < -2:
            self.sink.report(
                self.where(key),
                worded(QT_TRANSLATE_NOOP("catalog_changes", "金额最多两位小数（分）")),
            )
        return amount

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of non-blank strings (absent gives an empty tuple)."""
        return tuple(
            item if isinstance(item, str) and item.strip() else self._bad_item(path, item)
            for path, item in self.items(key)
        )

    def _bad_item(self, path: str, item: Any) -> str:
        self.sink.report(
            path,
            worded(
                QT_TRANSLATE_NOOP("catalog_changes", "应为非空字符串，实际是{type}"),
                type=_type_name(item),
            ),
        )
        return ""

    def items(self, key: str) -> list[tuple[str, Any]]:
        """The elements of a list with their paths (``materials[3]``)."""
        value = self._get(key, lambda v: isinstance(v, list), "数组")
        if value is None:
            return []
        return [(f"{self.where(key)}[{i}]", item) for i, item in enumerate(value)]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_unique(sink: _Sink, values: Iterable[tuple[str, str]], what: str) -> None:
    """Report every (path, value) whose value already appeared."""
    seen: dict[str, str] = {}
    for path, value in values:
        if value in seen:
            sink.report(
                path,
                worded(
                    QT_TRANSLATE_NOOP(
                        "catalog_changes", "{what} “{value}” 重复（与 {other} 相同）"
                    ),
                    what=what,
                    value=value,
                    other=seen[value],
                ),
            )
        else:
            seen[value] = path


def _check_identifier(sink: _Sink, path: str, value: str) -> None:
    if value and not _IDENTIFIER.fullmatch(value):
        sink.report(
            path,
            worded(
                QT_TRANSLATE_NOOP(
                    "catalog_changes", "“{value}” 应只含小写字母、数字和下划线，并以字母开头"
                ),
                value=value,
            ),
        )


# --- reading ----------------------------------------------------------------------


def _read_material(sink: _Sink, path: str, value: Any, position: int) -> Material:
    obj = _Obj(sink, value, path, _MATERIAL_REQUIRED, _MATERIAL_OPTIONAL)
    key = obj.text("key")
    _check_identifier(sink, obj.where("key"), key)
    form = obj.enum("form", MaterialForm)
    material = Material(
        key=key,
        name=obj.text("name"),
        form=form,
        original_count=obj.integer("original_count", minimum=0),
        copy_count=obj.integer("copy_count", minimum=0),
        necessity=obj.enum("necessity", Necessity),
        source=obj.enum("source", MaterialSource),
        requirement=obj.text("requirement"),
        order=obj.integer("order", minimum=1) if "order" in obj.data else position + 1,
        condition=obj.opt_text("condition"),
        blank_form=obj.opt_text("blank_form"),
        sample=obj.opt_text("sample"),
    )
    if obj.clean:
        _check_counts(sink, path, material)
    return material


def _check_counts(sink: _Sink, path: str, m: Material) -> None:
    """The counts must agree with the form, or the checklist would ask for nonsense."""
    label = m.form.label
    if m.form is MaterialForm.ORIGINAL:
        if m.original_count == 0:
            sink.report(
                f"{path}.original_count",
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "形式为{form}，原件份数不能为 0"),
                    form=label,
                ),
            )
        if m.copy_count:
            sink.report(
                f"{path}.copy_count",
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "形式为{form}，复印件份数应为 0"),
                    form=label,
                ),
            )
    elif m.form is MaterialForm.COPY:
        if m.copy_count == 0:
            sink.report(
                f"{path}.copy_count",
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "形式为{form}，复印件份数不能为 0"),
                    form=label,
                ),
            )
        if m.original_count:
            sink.report(
                f"{path}.original_count",
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "形式为{form}，原件份数应为 0"), form=label
                ),
            )
    elif m.form is MaterialForm.ORIGINAL_AND_COPY:
        for field, count in (("original_count", m.original_count), ("copy_count", m.copy_count)):
            if count == 0:
                sink.report(
                    f"{path}.{field}",
                    worded(
                        QT_TRANSLATE_NOOP(
                            "catalog_changes", "形式为{form}，原件和复印件份数都不能为 0"
                        ),
                        form=label,
                    ),
                )
    elif m.original_count == 0 and m.copy_count == 0:
        sink.report(
            f"{path}.original_count",
            worded(
                QT_TRANSLATE_NOOP(
                    "catalog_changes", "形式为{form}，原件或复印件份数至少一项大于 0"
                ),
                form=label,
            ),
        )


def _read_fee(sink: _Sink, path: str, value: Any) -> FeeItem:
    obj = _Obj(sink, value, path, _FEE_KEYS)
    return FeeItem(
        name=obj.text("name"), amount_yuan=obj.money("amount_yuan"), basis=obj.text("basis")
    )


def _read_form_field(sink: _Sink, path: str, value: Any) -> FormField:
    obj = _Obj(sink, value, path, _FIELD_REQUIRED, _FIELD_OPTIONAL)
    name = obj.text("name")
    _check_identifier(sink, obj.where("name"), name)
    field = FormField(
        name=name,
        label=obj.text("label"),
        type=obj.enum("type", FieldType),
        required=obj.boolean("required", True),
        choices=obj.texts("choices"),
        help=obj.opt_text("help"),
    )
    if obj.clean:
        if field.type is FieldType.CHOICE and not field.choices:
            sink.report(
                obj.where("choices"),
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "选择题字段（choice）至少要有一个选项")
                ),
            )
        elif field.type is not FieldType.CHOICE and field.choices:
            sink.report(
                obj.where("choices"),
                worded(
                    QT_TRANSLATE_NOOP(
                        "catalog_changes", "只有 choice 字段可以有选项，本字段是 {type}"
                    ),
                    type=str(field.type),
                ),
            )
        choices = obj.where("choices")
        _check_unique(sink, [(f"{choices}[{i}]", c) for i, c in enumerate(field.choices)], "选项")
    return field


def _read_procedure(sink: _Sink, path: str, value: Any) -> SpecialProcedure:
    obj = _Obj(sink, value, path, _PROCEDURE_REQUIRED, _PROCEDURE_OPTIONAL)
    return SpecialProcedure(
        kind=obj.text("kind"), name=obj.text("name"), days=obj.opt_integer("days", minimum=1)
    )


def _read_list(
    sink: _Sink, obj: _Obj, key: str, read: Callable[[_Sink, str, Any, int], _T]
) -> list[tuple[str, _T, bool]]:
    """Read each element of a list: (path, value, read without problems)."""
    result = []
    for position, (path, item) in enumerate(obj.items(key)):
        start = len(sink.problems)
        value = read(sink, path, item, position)
        result.append((path, value, len(sink.problems) == start))
    return result


def _read_materials(sink: _Sink, obj: _Obj) -> tuple[Material, ...]:
    read = _read_list(sink, obj, "materials", _read_material)
    if isinstance(obj.data.get("materials"), list) and not read:
        sink.report(
            "materials", worded(QT_TRANSLATE_NOOP("catalog_changes", "至少要有一项申请材料"))
        )
    good = [(path, m) for path, m, clean in read if clean]
    _check_unique(sink, [(f"{path}.key", m.key) for path, m in good], "材料标识")
    _check_unique(sink, [(f"{path}.order", str(m.order)) for path, m in good], "材料序号")
    return tuple(sorted((m for _, m, _ in read), key=lambda m: m.order))


def _read_form_fields(sink: _Sink, obj: _Obj) -> tuple[FormField, ...]:
    read = _read_list(sink, obj, "form_fields", lambda s, p, v, _i: _read_form_field(s, p, v))
    good = [(path, f) for path, f, clean in read if clean]
    _check_unique(sink, [(f"{path}.name", f.name) for path, f in good], "字段名")
    return tuple(f for _, f, _ in read)


def _read_limits(sink: _Sink, obj: _Obj) -> tuple[CaseKind, int | None, int]:
    """Case kind and limits, checked against each other when all three read cleanly."""
    start = len(sink.problems)
    kind = obj.enum("case_kind", CaseKind)
    legal = obj.opt_integer("legal_limit_days", minimum=1)
    committed = obj.integer("committed_limit_days", minimum=0)
    present = "case_kind" in obj.data and "committed_limit_days" in obj.data
    if present and len(sink.problems) == start:
        if kind is CaseKind.INSTANT and committed != 0:
            sink.report(
                "committed_limit_days",
                worded(
                    QT_TRANSLATE_NOOP(
                        "catalog_changes", "即办件当场办结，承诺时限应为 0，实际是 {days}"
                    ),
                    days=str(committed),
                ),
            )
        if kind is CaseKind.COMMITTED and committed == 0:
            sink.report(
                "committed_limit_days",
                worded(QT_TRANSLATE_NOOP("catalog_changes", "承诺件的承诺时限至少为 1 个工作日")),
            )
        if legal is not None and committed > legal:
            sink.report(
                "committed_limit_days",
                worded(
                    QT_TRANSLATE_NOOP(
                        "catalog_changes",
                        "承诺时限 {committed} 个工作日超过法定时限 {legal} 个工作日",
                    ),
                    committed=str(committed),
                    legal=str(legal),
                ),
            )
    return kind, legal, committed


def _read_validity(sink: _Sink, obj: _Obj) -> tuple[date, date | None]:
    valid_from = obj.day("valid_from")
    valid_to = obj.opt_day("valid_to")
    if valid_to is not None and "valid_from" in obj.data and valid_to < valid_from:
        sink.report(
            "valid_to",
            worded(
                QT_TRANSLATE_NOOP(
                    "catalog_changes", "失效日期 {valid_to} 早于生效日期 {valid_from}"
                ),
                valid_to=str(valid_to),
                valid_from=str(valid_from),
            ),
        )
    return valid_from, valid_to


def _matter_code_hint(value: Any) -> str | None:
    """The code to name the matter by in messages, before the code itself is checked."""
    if isinstance(value, dict):
        code = value.get("code")
        if isinstance(code, str) and code.strip():
            return code
    return None


def _read_matter(sink: _Sink, value: Any, index: int | None) -> Matter:
    """Read one matter; problems go to ``sink``, named by the matter's code."""
    sink.matter_index = index
    sink.matter_code = _matter_code_hint(value)
    obj = _Obj(sink, value, "", _MATTER_REQUIRED, _MATTER_OPTIONAL)
    case_kind, legal_limit, committed_limit = _read_limits(sink, obj)
    valid_from, valid_to = _read_validity(sink, obj)
    return Matter(
        code=obj.text("code", max_len=MAX_CODE_LENGTH),
        name=obj.text("name"),
        department=obj.text("department"),
        type=obj.enum("type", MatterType),
        service_object=obj.enum("service_object", ServiceObject),
        case_kind=case_kind,
        handling_level=obj.enum("handling_level", HandlingLevel),
        legal_limit_days=legal_limit,
        committed_limit_days=committed_limit,
        materials=_read_materials(sink, obj),
        version=obj.integer("version", minimum=1),
        valid_from=valid_from,
        short_name=obj.opt_text("short_name"),
        keywords=obj.texts("keywords"),
        limit_note=obj.opt_text("limit_note"),
        limit_source=obj.opt_text("limit_source"),
        fees=tuple(_read_fee(sink, p, v) for p, v in obj.items("fees")),
        legal_basis=obj.texts("legal_basis"),
        conditions=obj.texts("conditions"),
        refusal_reasons=obj.texts("refusal_reasons"),
        form_fields=_read_form_fields(sink, obj),
        special_procedures=tuple(
            _read_procedure(sink, p, v) for p, v in obj.items("special_procedures")
        ),
        place=obj.free_text("place"),
        office_hours=obj.free_text("office_hours"),
        enquiry_phone=obj.free_text("enquiry_phone"),
        complaint_phone=obj.free_text("complaint_phone", BEIJING_HOTLINE),
        result_name=obj.free_text("result_name"),
        valid_to=valid_to,
        retention_days=obj.opt_integer("retention_days", minimum=30),
    )


# --- parsing files ------------------------------------------------------------------


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json silently keeps the last of two equal keys; in a catalog that hides a typo.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"JSON 不允许 {name}")


def _depth(document: Any) -> int:
    """How deeply lists and objects nest (iteratively: no recursion to exhaust)."""
    deepest, stack = 0, [(document, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return deepest
            values = item.values() if isinstance(item, dict) else item
            stack.extend((v, depth + 1) for v in values)
    return deepest


def _decode_json(data: bytes | str, sink: _Sink) -> Any:
    """The parsed document, or None after reporting why it cannot be parsed.

    Bounded, since a published catalog reaches every station: at most MAX_BYTES, lists
    and objects nested at most MAX_DEPTH deep (a catalog needs five).
    """
    if len(data) > MAX_BYTES:
        sink.report(
            None,
            worded(
                QT_TRANSLATE_NOOP("catalog_changes", "文件太大（{kb} KB），事项目录最多 {mb} MB"),
                kb=str(len(data) // 1024),
                mb=str(MAX_BYTES // (1024 * 1024)),
            ),
        )
        return None
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        sink.report(
            None,
            worded(
                QT_TRANSLATE_NOOP(
                    "catalog_changes", "文件不是 UTF-8 编码（第 {n} 个字节无法解码）"
                ),
                n=str(exc.start + 1),
            ),
        )
        return None
    try:
        document = json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_float=Decimal,
            parse_constant=_reject_constant,
        )
    except RecursionError:
        sink.report(
            None,
            worded(
                QT_TRANSLATE_NOOP("catalog_changes", "JSON 嵌套过深（最多 {n} 层）"),
                n=str(MAX_DEPTH),
            ),
        )
        return None
    except json.JSONDecodeError as exc:
        sink.report(
            None,
            worded(
                QT_TRANSLATE_NOOP(
                    "catalog_changes", "JSON 格式错误，第 {line} 行第 {column} 列：{why}"
                ),
                line=str(exc.lineno),
                column=str(exc.colno),
                why=exc.msg,
            ),
        )
    except _DuplicateKeyError as exc:
        sink.report(
            None,
            worded(
                QT_TRANSLATE_NOOP("catalog_changes", "JSON 同一对象中键 “{key}” 出现了两次"),
                key=str(exc.args[0]),
            ),
        )
    except ValueError as exc:
        sink.report(
            None, worded(QT_TRANSLATE_NOOP("catalog_changes", "JSON 格式错误：{why}"), why=str(exc))
        )
    else:
        if _depth(document) > MAX_DEPTH:
            sink.report(
                None,
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "JSON 嵌套过深（最多 {n} 层）"),
                    n=str(MAX_DEPTH),
                ),
            )
            return None
        return document
    return None


def _check_header(sink: _Sink, document: Any) -> list[tuple[str, Any]]:
    """Check format and version; return the matters with their paths."""
    obj = _Obj(sink, document, "", _TOP_KEYS)
    if "format" in obj.data and obj.data["format"] != CATALOG_FORMAT:
        sink.report(
            "format",
            worded(
                QT_TRANSLATE_NOOP("catalog_changes", "不是事项目录文件（format 应为 “{format}”）"),
                format=CATALOG_FORMAT,
            ),
        )
    version = obj.data.get("version")
    if "version" in obj.data and version != CATALOG_VERSION:
        if isinstance(version, int) and version > CATALOG_VERSION:
            problem = worded(
                QT_TRANSLATE_NOOP(
                    "catalog_changes",
                    "文件格式版本 {version} 比本程序支持的 {supported} 新，请先升级程序",
                ),
                version=str(version),
                supported=str(CATALOG_VERSION),
            )
        else:
            problem = worded(
                QT_TRANSLATE_NOOP(
                    "catalog_changes", "不支持的文件格式版本 {version}，应为 {supported}"
                ),
                version=repr(version),
                supported=str(CATALOG_VERSION),
            )
        sink.report("version", problem)
    return obj.items("matters") if obj.clean else []


def _read_matters(sink: _Sink, entries: list[tuple[str, Any]]) -> list[Matter]:
    matters = []
    first_index: dict[str, int] = {}
    for index, (_, value) in enumerate(entries):
        start = len(sink.problems)
        matter = _read_matter(sink, value, index)
        if len(sink.problems) == start:
            if matter.code in first_index:
                sink.report(
                    "code",
                    worded(
                        QT_TRANSLATE_NOOP("catalog_changes", "实施编码重复，与第 {n} 个事项相同"),
                        n=str(first_index[matter.code] + 1),
                    ),
                )
            first_index.setdefault(matter.code, index)
        matters.append(matter)
    sink.matter_code = sink.matter_index = None
    return matters


def parse_catalog(data: bytes | str, *, source_name: str) -> list[Matter]:
    """Parse and validate a whole catalog file; raise :class:`CatalogError` on any problem.

    ``source_name`` names the file in messages (e.g. ``"shebao.json"``).
    """
    sink = _Sink(source_name)
    document = _decode_json(data, sink)
    sink.raise_if_any()
    matters = _read_matters(sink, _check_header(sink, document))
    sink.raise_if_any()
    return matters


def load_catalog_file(path: str | Path) -> list[Matter]:
    """Read and validate one catalog file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogError(
            [
                CatalogProblem(
                    path.name,
                    None,
                    None,
                    worded(
                        QT_TRANSLATE_NOOP("catalog_changes", "无法读取文件（{why}）"),
                        why=str(exc.strerror),
                    ),
                )
            ]
        ) from exc
    return parse_catalog(data, source_name=path.name)


def bundled_catalog_dir() -> Path:
    """The catalog shipped with the application (``stationdesk_resources/catalog``)."""
    from clerk.paths import resources_dir

    return resources_dir() / "catalog"


def load_catalog_dir(directory: str | Path) -> list[Matter]:
    """Every ``*.json`` catalog in ``directory``, in file-name order.

    Matter codes must be unique across the files too; all files are rejected together
    when one is bad, so the clerk never works from a partial catalog.
    """
    matters: list[Matter] = []
    problems: list[CatalogProblem] = []
    seen: dict[str, str] = {}
    for path in sorted(Path(directory).glob("*.json")):
        try:
            loaded = load_catalog_file(path)
        except CatalogError as exc:
            problems.extend(exc.problems)
            continue
        for matter in loaded:
            if matter.code in seen:
                problem = worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "实施编码重复，已在 {file} 中出现"),
                    file=seen[matter.code],
                )
                problems.append(CatalogProblem(path.name, matter.code, "code", problem))
            seen.setdefault(matter.code, path.name)
        matters.extend(loaded)
    if problems:
        raise CatalogError(problems)
    return matters


def load_bundled_catalog() -> list[Matter]:
    """The bundled catalog: all files of :func:`bundled_catalog_dir`."""
    return load_catalog_dir(bundled_catalog_dir())


# --- writing ------------------------------------------------------------------------


def _opt_str(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _material_to_dict(m: Material) -> dict[str, Any]:
    return {
        "key": m.key,
        "name": m.name,
        "form": m.form.value,
        "original_count": m.original_count,
        "copy_count": m.copy_count,
        "necessity": m.necessity.value,
        "source": m.source.value,
        "condition": m.condition,
        "requirement": m.requirement,
        "blank_form": m.blank_form,
        "sample": m.sample,
        "order": m.order,
    }


def _form_field_to_dict(f: FormField) -> dict[str, Any]:
    return {
        "name": f.name,
        "label": f.label,
        "type": f.type.value,
        "required": f.required,
        "choices": list(f.choices),
        "help": f.help,
    }


def matter_to_dict(m: Matter) -> dict[str, Any]:
    """A JSON-ready dict of ``m`` in the catalog format (every key written out).

    This is also the snapshot a case keeps of the matter it was created under.
    """
    return {
        "code": m.code,
        "name": m.name,
        "short_name": m.short_name,
        "keywords": list(m.keywords),
        "department": m.department,
        "type": m.type.value,
        "service_object": m.service_object.value,
        "case_kind": m.case_kind.value,
        "handling_level": m.handling_level.value,
        "legal_limit_days": m.legal_limit_days,
        "committed_limit_days": m.committed_limit_days,
        "limit_note": m.limit_note,
        "limit_source": m.limit_source,
        "fees": [
            {"name": f.name, "amount_yuan": str(f.amount_yuan), "basis": f.basis} for f in m.fees
        ],
        "legal_basis": list(m.legal_basis),
        "conditions": list(m.conditions),
        "refusal_reasons": list(m.refusal_reasons),
        "form_fields": [_form_field_to_dict(f) for f in m.form_fields],
        "materials": [_material_to_dict(x) for x in m.materials],
        "special_procedures": [
            {"kind": p.kind, "name": p.name, "days": p.days} for p in m.special_procedures
        ],
        "place": m.place,
        "office_hours": m.office_hours,
        "enquiry_phone": m.enquiry_phone,
        "complaint_phone": m.complaint_phone,
        "result_name": m.result_name,
        "version": m.version,
        "valid_from": m.valid_from.isoformat(),
        "valid_to": _opt_str(m.valid_to),
        # Written only when set, so snapshots of matters without it stay as they were.
        **({"retention_days": m.retention_days} if m.retention_days is not None else {}),
    }


def matter_from_dict(data: dict[str, Any], *, source_name: str = "事项快照") -> Matter:
    """The matter a :func:`matter_to_dict` dict describes, validated like a file entry."""
    sink = _Sink(source_name)
    if _depth(data) > MAX_DEPTH:
        sink.report(
            None,
            worded(
                QT_TRANSLATE_NOOP("catalog_changes", "JSON 嵌套过深（最多 {n} 层）"),
                n=str(MAX_DEPTH),
            ),
        )
        sink.raise_if_any("保存的事项快照已损坏，请联系管理员。")
    matter = _read_matter(sink, data, None)
    sink.raise_if_any("保存的事项快照已损坏，请联系管理员。")
    return matter


def dump_catalog(matters: Iterable[Matter]) -> str:
    """A complete catalog file holding ``matters`` (readable, UTF-8 text, not ASCII-escaped)."""
    document = {
        "format": CATALOG_FORMAT,
        "version": CATALOG_VERSION,
        "matters": [matter_to_dict(m) for m in matters],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
