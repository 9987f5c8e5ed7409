"""Publishing a catalog or calendar file from the admin's window: a preview that
validates the file with the one loader of clerk/ and shows what it changes against the
published version, and the publication itself, which validates again (the server never
trusts that a preview was looked at) and publishes nothing when anything is wrong.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.calendar import CalendarYear, dump_year_file, parse_year_file
from clerk.calendar.yearfile import CalendarFileError
from clerk.catalog import CatalogError, Matter, matter_from_dict, matter_to_dict, parse_catalog
from clerk.catalog.changes import CONFLICT, compare
from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from clerk.worded import Worded, worded
from district import reference
from district.models import PublishedMatter, PublishedYear
from wire.admin import (
    MatterChange,
    PublishPreview,
    PublishRequest,
    PublishResult,
    WordedText,
    YearChange,
)


def _source(req: PublishRequest) -> str:
    return req.file_name or ("事项目录" if req.kind == "catalog" else "节假日文件")


def _parse(req: PublishRequest) -> tuple[list[Matter] | CalendarYear | None, list[Worded]]:
    """The file read, or None with every problem found (as templates and values, so the
    workstation words them in its interface language; ``.text`` is the Chinese)."""
    try:
        if req.kind == "catalog":
            return parse_catalog(req.content, source_name=_source(req)), []
        return parse_year_file(req.content, source_name=_source(req)), []
    except CatalogError as exc:
        return None, [p.line() for p in exc.problems]
    except CalendarFileError as exc:
        return None, [exc.worded]
    except ValidationError as exc:
        return None, [worded(exc.message)]


def _problems(problems: list[Worded]) -> dict[str, list[Any]]:
    return {"problems": [p.text for p in problems],
            "problem_parts": [_wire(p) for p in problems]}


def _conflict(change: MatterChange, parts: list[Worded]) -> Worded:
    if not parts:
        return worded(QT_TRANSLATE_NOOP("catalog_changes", "事项 {code}"), code=change.code)
    details = parts[0]
    for part in parts[1:]:  # the clauses joined as the change texts are
        details = worded(QT_TRANSLATE_NOOP("catalog_changes", "{a}；{b}"), a=details, b=part)
    return worded(QT_TRANSLATE_NOOP("catalog_changes", "事项 {code}：{details}"),
                  code=change.code, details=details)


def _catalog_changes(s: Session,
                     matters: list[Matter]) -> list[tuple[MatterChange, list[Worded]]]:
    published = [matter_from_dict(dict(d)) for d in
                 s.execute(select(PublishedMatter.data)).scalars()]
    same: dict[tuple[str, int], bool] = {}
    for m in matters:
        row = s.get(PublishedMatter, (m.code, m.version))
        if row is not None:
            same[(m.code, m.version)] = row.data == matter_to_dict(m)
    return [(MatterChange(code=d.code, name=d.name, change=d.change,
                          published_version=d.published_version, file_version=d.file_version,
                          details=list(d.details), parts=[_wire(p) for p in d.parts]),
             list(d.parts))
            for d in compare(published, matters, same)]


def _wire(w: Worded) -> WordedText:
    return WordedText(template=w.template,
                      params={k: _wire(v) if isinstance(v, Worded) else v for k, v in w.params})


def _year_change(s: Session, year: CalendarYear) -> YearChange:
    row = s.get(PublishedYear, year.year)
    if row is None:
        return YearChange(year=year.year, change="added", official=year.official,
                          days=len(year.days))
    same = dict(row.data) == json.loads(dump_year_file(year))
    return YearChange(year=year.year, change="unchanged" if same else "replaced",
                      official=year.official, days=len(year.days),
                      published_days=len(row.data.get("days", [])), was_official=row.official)


def preview(s: Session, req: PublishRequest) -> PublishPreview:
    parsed, problems = _parse(req)
    if parsed is None:
        return PublishPreview(kind=req.kind, ok=False, **_problems(problems))
    if isinstance(parsed, CalendarYear):
        return PublishPreview(kind=req.kind, ok=True, years=[_year_change(s, parsed)])
    changes = _catalog_changes(s, parsed)
    conflicts = [_conflict(c, parts) for c, parts in changes if c.change == CONFLICT]
    return PublishPreview(kind=req.kind, ok=not conflicts, **_problems(conflicts),
                          matters=[c for c, _ in changes])


def publish(s: Session, req: PublishRequest, now: datetime) -> PublishResult:
    """Publish in the caller's transaction; a file with any problem raises and nothing
    is written."""
    parsed, problems = _parse(req)
    if parsed is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "文件有错误，未发布：{problem}"),
            code="publish.invalid", params={"problem": "；".join(p.text for p in problems[:3])})
    if isinstance(parsed, CalendarYear):
        moved = reference.publish_calendar(s, parsed, now)
        kind = "正式" if parsed.official else "暂定"
        return PublishResult(kind=req.kind, moved_due_dates=moved,
                             summary=f"已发布 {parsed.year} 年节假日（{kind}），"
                                     f"{moved} 个案件的暂定到期日已重算。")
    counts = reference.publish_catalog(s, parsed, now)
    return PublishResult(kind=req.kind,
                         summary=f"已发布事项目录：新增 {counts['added']} 个版本，"
                                 f"未变 {counts['unchanged']} 个。")
