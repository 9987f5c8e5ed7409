"""The district-published year file (JSON), strictly validated.

Example::

    {"format": "stationdesk-calendar", "version": 1, "year": 2027,
     "source": "国务院办公厅关于2027年部分节假日安排的通知", "official": true,
     "days": [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
              {"date": "2027-02-20", "kind": "workday", "name": "春节调休上班"}]}

A wrong calendar file would silently shift every due date in the district, so nothing is
guessed or repaired: any deviation is a ``ValidationError`` that names the file, the
entry (``days[3]``, the 4th entry) and the field.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any, Final

from clerk.calendar.workdays import CalendarDay, CalendarYear, DayKind
from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from clerk.worded import Worded, worded

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "dump_year_file", "parse_year_file"]

FORMAT_NAME: Final = "stationdesk-calendar"
MAX_BYTES: Final = 1024 * 1024
FORMAT_VERSION: Final = 1
_TOP_KEYS: Final = ("format", "version", "year", "source", "official", "days")
_DAY_KEYS: Final = ("date", "kind", "name")
_DATE_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_NAME: Final = 50
_MAX_SOURCE: Final = 200


_FILE: Final = worded(QT_TRANSLATE_NOOP("catalog_changes", "文件"))


class CalendarFileError(ValidationError):
    """A year file that breaks the format: ``worded`` is the message as a template and
    values, so the workstation shows it in its interface language."""

    def __init__(self, line: Worded, *, code: str, field: str) -> None:
        super().__init__(line.text, code=code, field=field)
        self.worded = line


def _entry(index: int) -> Worded:
    return worded(
        QT_TRANSLATE_NOOP("catalog_changes", "days[{i}]（第{n}条）"), i=str(index), n=str(index + 1)
    )


def _at(where: str | Worded, key: str) -> Worded:
    return worded(QT_TRANSLATE_NOOP("catalog_changes", "{where}.{key}"), where=where, key=key)


class _Reader:
    """Carries the file name so every error message can name it."""

    def __init__(self, source_name: str) -> None:
        self.source_name = source_name

    def error(self, field: str | Worded, problem: Worded, code: str) -> CalendarFileError:
        line = worded(
            QT_TRANSLATE_NOOP(
                "catalog_changes",
                "节假日文件“{file}”中 {field} 有误：{problem}请向区政务服务中心索取正确的文件后重新导入。",  # noqa: E501 (one literal for lupdate)
            ),
            file=self.source_name,
            field=field,
            problem=problem,
        )
        return CalendarFileError(
            line,
            code=f"calendar_file.{code}",
            field=field.text if isinstance(field, Worded) else field,
        )

    # ------------------------------------------------------------- JSON level

    def load(self, data: bytes | str) -> Any:
        # Bounded: a published year file reaches every station (a year needs ~20 KB).
        if len(data) > MAX_BYTES:
            raise self.error(
                _FILE,
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "太大（超过 {kb} KB）。"),
                    kb=str(MAX_BYTES // 1024),
                ),
                "too_large",
            )
        if isinstance(data, bytes):
            try:
                # utf-8-sig: Windows Notepad saves UTF-8 with a byte-order mark.
                data = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise self.error(
                    _FILE,
                    worded(QT_TRANSLATE_NOOP("catalog_changes", "不是 UTF-8 编码的文本。")),
                    "encoding",
                ) from None
        try:
            return json.loads(data, object_pairs_hook=self._no_duplicate_keys)
        except RecursionError:
            raise self.error(
                _FILE, worded(QT_TRANSLATE_NOOP("catalog_changes", "JSON 嵌套过深。")), "too_deep"
            ) from None
        except json.JSONDecodeError as exc:
            raise self.error(
                _FILE,
                worded(
                    QT_TRANSLATE_NOOP(
                        "catalog_changes", "不是有效的 JSON（第{line}行第{column}列：{why}）。"
                    ),
                    line=str(exc.lineno),
                    column=str(exc.colno),
                    why=exc.msg,
                ),
                "json",
            ) from None

    def _no_duplicate_keys(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # json.loads keeps the last of two equal keys; a file saying two things is wrong.
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise self.error(
                    worded(QT_TRANSLATE_NOOP("catalog_changes", "字段“{key}”"), key=key),
                    worded(QT_TRANSLATE_NOOP("catalog_changes", "在同一对象中出现了两次。")),
                    "duplicate_key",
                )
            result[key] = value
        return result

    def keys(self, obj: Any, expected: tuple[str, ...], where: str | Worded) -> dict[str, Any]:
        if not isinstance(obj, dict):
            raise self.error(
                where, worded(QT_TRANSLATE_NOOP("catalog_changes", "应为 JSON 对象 {…}。")), "type"
            )
        unknown = [k for k in obj if k not in expected]
        if unknown:
            raise self.error(
                where,
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "有未知字段“{keys}”。"),
                    keys="”“".join(unknown),
                ),
                "unknown_key",
            )
        missing = [k for k in expected if k not in obj]
        if missing:
            raise self.error(
                where,
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "缺少字段“{keys}”。"),
                    keys="”“".join(missing),
                ),
                "missing_key",
            )
        return obj

    # ------------------------------------------------------------- typed values

    def integer(self, value: Any, field: str | Worded) -> int:
        # bool is a subclass of int in Python; true is not a version number.
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(
                field,
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "应为整数，现在是 {value}。"),
                    value=json.dumps(value, ensure_ascii=False),
                ),
                "type",
            )
        return value

    def text(self, value: Any, field: str | Worded, max_len: int) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.error(
                field, worded(QT_TRANSLATE_NOOP("catalog_changes", "应为非空字符串。")), "type"
            )
        if len(value) > max_len:
            raise self.error(
                field,
                worded(QT_TRANSLATE_NOOP("catalog_changes", "超过{n}个字。"), n=str(max_len)),
                "too_long",
            )
        return value.strip()

    def boolean(self, value: Any, field: str | Worded) -> bool:
        if not isinstance(value, bool):
            raise self.error(
                field, worded(QT_TRANSLATE_NOOP("catalog_changes", "应为 true 或 false。")), "type"
            )
        return value

    # ------------------------------------------------------------- structure

    def header(self, top: dict[str, Any]) -> tuple[int, str, bool]:
        if top["format"] != FORMAT_NAME:
            raise self.error(
                "format",
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "应为“{format}”，这不是节假日文件。"),
                    format=FORMAT_NAME,
                ),
                "format",
            )
        version = self.integer(top["version"], "version")
        if version != FORMAT_VERSION:
            raise self.error(
                "version",
                worded(
                    QT_TRANSLATE_NOOP(
                        "catalog_changes", "本程序只支持第{supported}版，文件是第{version}版。"
                    ),
                    supported=str(FORMAT_VERSION),
                    version=str(version),
                ),
                "version",
            )
        year = self.integer(top["year"], "year")
        if not 1900 <= year <= 2200:
            raise self.error(
                "year",
                worded(QT_TRANSLATE_NOOP("catalog_changes", "年份{year}不合理。"), year=str(year)),
                "year",
            )
        source = self.text(top["source"], "source", _MAX_SOURCE)
        return year, source, self.boolean(top["official"], "official")

    def day(self, raw: Any, index: int, year: int, source: str) -> CalendarDay:
        where = _entry(index)
        entry = self.keys(raw, _DAY_KEYS, where)
        day = self.iso_date(entry["date"], _at(where, "date"), year)
        kind_text = entry["kind"]
        if kind_text not in (DayKind.HOLIDAY.value, DayKind.WORKDAY.value):
            raise self.error(
                _at(where, "kind"),
                worded(
                    QT_TRANSLATE_NOOP(
                        "catalog_changes", "应为“holiday”（放假）或“workday”（调休上班）。"
                    )
                ),
                "kind",
            )
        kind = DayKind(kind_text)
        name = self.text(entry["name"], _at(where, "name"), _MAX_NAME)
        # A holiday may fall on a weekend (it is then simply listed); a make-up working
        # day on a weekday makes no sense and usually means a mistyped date.
        if kind is DayKind.WORKDAY and day.weekday() < 5:
            raise self.error(
                _at(where, "date"),
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "调休上班日{day}不是星期六或星期日。"),
                    day=day.isoformat(),
                ),
                "workday_not_weekend",
            )
        return CalendarDay(day=day, kind=kind, name=name, source=source)

    def iso_date(self, value: Any, field: str | Worded, year: int) -> date:
        # fromisoformat alone would also accept "20270101" and other ISO variants.
        if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
            raise self.error(
                field,
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "日期应写成 YYYY-MM-DD，例如 2027-01-01。")
                ),
                "date",
            )
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            raise self.error(
                field,
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "“{value}”不是有效日期。"), value=value
                ),
                "date",
            ) from None
        if parsed.year != year:
            raise self.error(
                field,
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "日期{value}不在文件所属的{year}年内。"),
                    value=value,
                    year=str(year),
                ),
                "date_year",
            )
        return parsed


def parse_year_file(data: bytes | str, *, source_name: str) -> CalendarYear:
    """Parse and strictly validate a year file; ``source_name`` (usually the file name)
    is only used in error messages. Days are returned sorted by date.

    Rejected, each as ``ValidationError`` with a ``calendar_file.*`` code: invalid UTF-8
    or JSON, duplicate keys, unknown or missing fields, wrong types (``true`` is not an
    integer), another format or version, a year outside 1900-2200, an empty day list,
    a date not written ``YYYY-MM-DD`` or outside the year, a kind other than
    ``holiday``/``workday``, a workday that is not a Saturday or Sunday, and the same
    date listed twice.
    """
    reader = _Reader(source_name)
    top = reader.keys(
        reader.load(data), _TOP_KEYS, worded(QT_TRANSLATE_NOOP("catalog_changes", "文件顶层"))
    )
    year, source, official = reader.header(top)
    raw_days = top["days"]
    if not isinstance(raw_days, list) or not raw_days:
        raise reader.error(
            "days", worded(QT_TRANSLATE_NOOP("catalog_changes", "应为非空的列表 […]。")), "days"
        )
    days: dict[date, CalendarDay] = {}
    for index, raw in enumerate(raw_days):
        entry = reader.day(raw, index, year, source)
        if entry.day in days:
            raise reader.error(
                _at(_entry(index), "date"),
                worded(
                    QT_TRANSLATE_NOOP("catalog_changes", "日期{day}重复出现。"),
                    day=entry.day.isoformat(),
                ),
                "duplicate_date",
            )
        days[entry.day] = entry
    return CalendarYear(
        year=year, source=source, official=official, days=tuple(sorted(days.values(), key=_by_day))
    )


def _by_day(entry: CalendarDay) -> date:
    return entry.day


def dump_year_file(year: CalendarYear) -> str:
    """Serialise a year in the year-file format (UTF-8 text, days sorted, one per line).

    ``parse_year_file(dump_year_file(y), ...)`` gives back ``y`` when every day's source
    equals the year's source (the format stores the source once per file).
    """
    days = ",\n".join(
        "    "
        + json.dumps(
            {"date": d.day.isoformat(), "kind": d.kind.value, "name": d.name},
            ensure_ascii=False,
        )
        for d in sorted(year.days, key=_by_day)
    )
    header = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "year": year.year,
        "source": year.source,
        "official": year.official,
    }
    head = json.dumps(header, ensure_ascii=False, indent=2)[:-2]  # drop the closing "\n}"
    return f'{head},\n  "days": [\n{days}\n  ]\n}}\n'
