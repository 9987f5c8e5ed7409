"""What a catalog file changes against the published catalog, in words for the admin
who publishes it (matters added, new versions with their materials and limits changed).

The rule that a published version is never altered (a change needs a higher version) is
the publisher's; here it is reported as a conflict, so a preview shows it before the
publication refuses it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from clerk.catalog.model import Material, Matter

ADDED, NEW_VERSION, UNCHANGED, CONFLICT, ABSENT = (
    "added", "new_version", "unchanged", "conflict", "absent")


@dataclass(frozen=True)
class MatterDiff:
    code: str
    name: str
    change: str  # one of ADDED, NEW_VERSION, UNCHANGED, CONFLICT, ABSENT
    published_version: int | None = None
    file_version: int | None = None
    details: tuple[str, ...] = field(default=())


def _limit(days: int | None) -> str:
    return "法律法规未规定" if days is None else f"{days}个工作日"


def _material_text(m: Material) -> str:
    return f"{m.form.label}，{m.count_text or '不计份数'}，{m.necessity.label}"


def material_changes(old: Matter, new: Matter) -> list[str]:
    before = {m.key: m for m in old.materials}
    after = {m.key: m for m in new.materials}
    out = [f"新增材料：{after[k].name}（{_material_text(after[k])}）"
           for k in after if k not in before]
    out += [f"删除材料：{before[k].name}" for k in before if k not in after]
    for key in after:
        if key not in before:
            continue
        a, b = before[key], after[key]
        if (a.name, a.form, a.original_count, a.copy_count, a.necessity) != \
                (b.name, b.form, b.original_count, b.copy_count, b.necessity):
            out.append(f"材料变化：{b.name}：{_material_text(a)} → {_material_text(b)}")
        elif (a.requirement, a.condition) != (b.requirement, b.condition):
            out.append(f"材料要求变化：{b.name}")
    return out


def limit_changes(old: Matter, new: Matter) -> list[str]:
    out = []
    if old.legal_limit_days != new.legal_limit_days:
        out.append(f"法定时限：{_limit(old.legal_limit_days)} → {_limit(new.legal_limit_days)}")
    if old.committed_limit_days != new.committed_limit_days:
        out.append(f"承诺时限：{_limit(old.committed_limit_days)} → "
                   f"{_limit(new.committed_limit_days)}")
    return out


def other_changes(old: Matter, new: Matter) -> list[str]:
    out = []
    if old.name != new.name:
        out.append(f"名称：{old.name} → {new.name}")
    if old.fees != new.fees:
        out.append("收费变化")
    if old.department != new.department:
        out.append(f"实施部门：{old.department} → {new.department}")
    return out


def latest(matters: Iterable[Matter]) -> dict[str, Matter]:
    """The highest version of each matter code."""
    out: dict[str, Matter] = {}
    for m in matters:
        if m.code not in out or m.version > out[m.code].version:
            out[m.code] = m
    return out


def compare(published: Sequence[Matter], incoming: Sequence[Matter],
            same_content: dict[tuple[str, int], bool]) -> list[MatterDiff]:
    """Each matter of the file against the newest published version of its code; then the
    published matters the file does not contain (they stay published: publishing only
    adds versions). `same_content[(code, version)]` tells whether an already published
    version has exactly the file's content."""
    current = latest(published)
    out: list[MatterDiff] = []
    for m in incoming:
        old = current.get(m.code)
        if old is None:
            out.append(MatterDiff(m.code, m.name, ADDED, None, m.version))
        elif (m.code, m.version) in same_content:
            same = same_content[(m.code, m.version)]
            why = () if same else ("该版本已发布且内容不同；修改事项须提高版本号",)
            out.append(MatterDiff(m.code, m.name, UNCHANGED if same else CONFLICT,
                                  old.version, m.version, why))
        else:
            details = limit_changes(old, m) + material_changes(old, m) + other_changes(old, m)
            out.append(MatterDiff(m.code, m.name, NEW_VERSION, old.version, m.version,
                                  tuple(details)))
    in_file = {m.code for m in incoming}
    out += [MatterDiff(code, old.name, ABSENT, old.version, None)
            for code, old in sorted(current.items()) if code not in in_file]
    return out
