"""The station's copy of the catalog: matters imported atomically, versioned, never edited.

A case snapshots its matter at creation, so importing a new version never changes a case
in flight; older versions stay in the table for the record.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from clerk.catalog import Matter, matter_from_dict, matter_to_dict
from clerk.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from clerk.store.models import MatterRow


def import_matters(session: Session, matters: Sequence[Matter], *, source: str,
                   now: datetime) -> dict[str, int]:
    """Store new matter versions in the caller's transaction; return counts.

    The same code and version with identical content is a no-op (re-importing a file is
    safe); the same version with different content is refused, because a version number
    must identify one text of the matter.
    """
    counts = {"added": 0, "unchanged": 0}
    for m in matters:
        data = matter_to_dict(m)
        row = session.get(MatterRow, (m.code, m.version))
        if row is not None:
            if row.data != data:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "事项 {code} 的版本 {version} 已导入过且内容不同；"
                                                "修改事项须提高版本号。"),
                    code="catalog.version_conflict", field="version",
                    params={"code": m.code, "version": m.version})
            counts["unchanged"] += 1
            continue
        session.execute(update(MatterRow).where(MatterRow.code == m.code,
                                                MatterRow.version < m.version)
                        .values(active=False))
        newer = session.execute(select(MatterRow.version).where(
            MatterRow.code == m.code, MatterRow.version > m.version)).first()
        session.add(MatterRow(code=m.code, version=m.version, name=m.name,
                              department=m.department, active=newer is None, data=data,
                              source=source, imported_at=now.replace(tzinfo=None)))
        counts["added"] += 1
    session.flush()
    return counts


def active_matters(session: Session) -> list[Matter]:
    rows = session.execute(select(MatterRow.data).where(MatterRow.active.is_(True))
                           .order_by(MatterRow.department, MatterRow.code)).scalars()
    return [matter_from_dict(d) for d in rows]


def get_matter_data(session: Session, code: str) -> dict[str, Any]:
    """The active version of a matter as its stored dict (the snapshot a case keeps)."""
    data = session.execute(select(MatterRow.data).where(
        MatterRow.code == code.strip(), MatterRow.active.is_(True))).scalar_one_or_none()
    if data is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "事项编码 {code} 不在本站事项目录中（可用 catalog list "
                                        "查看）。"),
            code="catalog.unknown_matter", params={"code": code})
    return dict(data)


def get_matter(session: Session, code: str) -> Matter:
    return matter_from_dict(get_matter_data(session, code))
