"""What a catalog file changes against the published catalog, in words for the admin
who publishes it (matters added, new versions with their materials and limits changed).

The rule that a published version is never altered (a change needs a higher version) is
the publisher's; here it is reported as a conflict, so a preview shows it before the
publication refuses it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from clerk.catalog.model import Material, MaterialForm, Matter
from clerk.errors import QT_TRANSLATE_NOOP
from clerk.worded import Worded, worded

ADDED, NEW_VERSION, UNCHANGED, CONFLICT, ABSENT = (
    "added", "new_version", "unchanged", "conflict", "absent")

#: The translation context of the change texts (scripts/i18n.sh collects the markers).
CONTEXT = "catalog_changes"


@dataclass(frozen=True)
class MatterDiff:
    code: str
    name: str
    change: str  # one of ADDED, NEW_VERSION, UNCHANGED, CONFLICT, ABSENT
    published_version: int | None = None
    file_version: int | None = None
    parts: tuple[Worded, ...] = field(default=())

    @property
    def details(self) -> tuple[str, ...]:
        """The changes in Chinese words."""
        return tuple(p.text for p in self.parts)


# Labels that travel as values; marked here so the window can translate them.
_LABELS = (
    QT_TRANSLATE_NOOP("catalog_changes", "法律法规未规定"),
    QT_TRANSLATE_NOOP("catalog_changes", "不计份数"),
    QT_TRANSLATE_NOOP("catalog_changes", "原件"),
    QT_TRANSLATE_NOOP("catalog_changes", "复印件"),
    QT_TRANSLATE_NOOP("catalog_changes", "原件和复印件"),
    QT_TRANSLATE_NOOP("catalog_changes", "原件或复印件"),
    QT_TRANSLATE_NOOP("catalog_changes", "必要"),
    QT_TRANSLATE_NOOP("catalog_changes", "非必要"),
    QT_TRANSLATE_NOOP("catalog_changes", "容缺后补"),
    QT_TRANSLATE_NOOP("catalog_changes", "信息免交"),
)


def _limit(days: int | None) -> str | Worded:
    if days is None:
        return "法律法规未规定"
    return worded(QT_TRANSLATE_NOOP("catalog_changes", "{days}个工作日"), days=str(days))


def _counts(m: Material) -> str | Worded:
    parts: list[Worded] = []
    if m.original_count:
        parts.append(worded(QT_TRANSLATE_NOOP("catalog_changes", "原件{n}份"),
                            n=str(m.original_count)))
    if m.copy_count:
        parts.append(worded(QT_TRANSLATE_NOOP("catalog_changes", "复印件{n}份"),
                            n=str(m.copy_count)))
    if not parts:
        return "不计份数"
    if len(parts) == 1:
        return parts[0]
    joined = (QT_TRANSLATE_NOOP("catalog_changes", "{a}或{b}")
              if m.form is MaterialForm.ORIGINAL_OR_COPY
              else QT_TRANSLATE_NOOP("catalog_changes", "{a}，{b}"))
    return worded(joined, a=parts[0], b=parts[1])


def _material_text(m: Material) -> Worded:
    return worded(QT_TRANSLATE_NOOP("catalog_changes", "{form}，{counts}，{necessity}"),
                  form=m.form.label, counts=_counts(m), necessity=m.necessity.label)


def material_changes(old: Matter, new: Matter) -> list[Worded]:
    before = {m.key: m for m in old.materials}
    after = {m.key: m for m in new.materials}
    out = [worded(QT_TRANSLATE_NOOP("catalog_changes", "新增材料：{name}（{material}）"),
                  name=after[k].name, material=_material_text(after[k]))
           for k in after if k not in before]
    out += [worded(QT_TRANSLATE_NOOP("catalog_changes", "删除材料：{name}"),
                   name=before[k].name) for k in before if k not in after]
    for key in after:
        if key not in before:
            continue
        a, b = before[key], after[key]
        if (a.name, a.form, a.original_count, a.copy_count, a.necessity) != \
                (b.name, b.form, b.original_count, b.copy_count, b.necessity):
            out.append(worded(
                QT_TRANSLATE_NOOP("catalog_changes", "材料变化：{name}：{old} → {new}"),
                name=b.name, old=_material_text(a), new=_material_text(b)))
        elif (a.requirement, a.condition) != (b.requirement, b.condition):
            out.append(worded(QT_TRANSLATE_NOOP("catalog_changes", "材料要求变化：{name}"),
                              name=b.name))
    return out


def limit_changes(old: Matter, new: Matter) -> list[Worded]:
    out = []
    if old.legal_limit_days != new.legal_limit_days:
        out.append(worded(QT_TRANSLATE_NOOP("catalog_changes", "法定时限：{old} → {new}"),
                          old=_limit(old.legal_limit_days), new=_limit(new.legal_limit_days)))
    if old.committed_limit_days != new.committed_limit_days:
        out.append(worded(QT_TRANSLATE_NOOP("catalog_changes", "承诺时限：{old} → {new}"),
                          old=_limit(old.committed_limit_days),
                          new=_limit(new.committed_limit_days)))
    return out


def other_changes(old: Matter, new: Matter) -> list[Worded]:
    out = []
    if old.name != new.name:
        out.append(worded(QT_TRANSLATE_NOOP("catalog_changes", "名称：{old} → {new}"),
                          old=old.name, new=new.name))
    if old.fees != new.fees:
        out.append(worded(QT_TRANSLATE_NOOP("catalog_changes", "收费变化")))
    if old.department != new.department:
        out.append(worded(QT_TRANSLATE_NOOP("catalog_changes", "实施部门：{old} → {new}"),
                          old=old.department, new=new.department))
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
            why = () if same else (worded(QT_TRANSLATE_NOOP(
                "catalog_changes", "该版本已发布且内容不同；修改事项须提高版本号")),)
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
