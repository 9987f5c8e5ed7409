"""咨询登记: a citizen who only asks about a matter, and leaves with its 办事指南.

``ws.consultations`` records the matter, the time and the clerk (an optional note, no
personal data: a note that carries an ID number or a mobile number is refused), and
counts them for the station's reports ("咨询 N 次", never a case).

Consultations stay at the station: they are not synced to the district. They are the
station's own workload figure, counted in its daily report and on its 统计 page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Final, Literal

from sqlalchemy import func, select

from clerk import catalog_store
from clerk.errors import QT_TRANSLATE_NOOP, ValidationError
from clerk.store.models import Consultation as ConsultationRow
from clerk.timeutil import day_bounds_utc, local_time

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from clerk.workspace import Workspace

#: How the guide went with the citizen: '' only noted, else printed or saved as PDF.
Guide = Literal["", "printed", "saved"]
GUIDES: Final = ("", "printed", "saved")

#: Longest note kept (a reminder of what was asked, not a file).
NOTE_MAX = 200

# What looks like personal numbers: 15/18-character ID numbers and mainland mobiles.
_PERSONAL = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15}|1[3-9]\d{9})(?![0-9A-Za-z])")


@dataclass(frozen=True)
class ConsultationEntry:
    id: int
    matter_code: str
    matter_name: str
    clerk: str
    consulted_at: datetime  # aware, UTC
    note: str
    guide: str


def validate_note(note: str) -> str:
    """The note as stored: trimmed, at most NOTE_MAX characters, without personal numbers."""
    text = " ".join(note.split())
    if len(text) > NOTE_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "备注最多 {max} 个字，请精简后再登记。"),
            code="consultation.note_long", field="note", params={"max": NOTE_MAX})
    if _PERSONAL.search(text):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "咨询登记不记个人信息：请从备注中删去证件号码或手机号码。"),
            code="consultation.personal", field="note")
    return text


def _entry(row: ConsultationRow) -> ConsultationEntry:
    return ConsultationEntry(row.id, row.matter_code, row.matter_name, row.clerk,
                             row.consulted_at.replace(tzinfo=UTC), row.note, row.guide)


def _window(start: date, end: date) -> tuple[datetime, datetime]:
    """The stored (naive UTC) bounds of Beijing days ``start``..``end`` inclusive."""
    if end < start:
        start, end = end, start
    low, _ = day_bounds_utc(start)
    _, high = day_bounds_utc(end)
    return low, high


def count_between(s: Session, start: date, end: date) -> dict[tuple[str, str], int]:
    """Consultations of Beijing days ``start``..``end`` by (matter code, name)."""
    low, high = _window(start, end)
    rows = s.execute(select(ConsultationRow.matter_code, func.max(ConsultationRow.matter_name),
                            func.count())
                     .where(ConsultationRow.consulted_at >= low,
                            ConsultationRow.consulted_at < high)
                     .group_by(ConsultationRow.matter_code)).all()
    return {(code, name): int(n) for code, name, n in rows}


class Consultations:
    """``ws.consultations``: record and list the station's consultations."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def record(self, matter_code: str, *, clerk: str | None = None, note: str = "",
               guide: Guide = "") -> ConsultationEntry:
        """Record that a citizen asked about ``matter_code`` (a matter of the station's
        catalog); ``guide`` says whether its 办事指南 was printed or saved for them."""
        if guide not in GUIDES:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "未知的指南输出方式 {guide}。"),
                code="consultation.guide", params={"guide": guide})
        text = validate_note(note)
        if not matter_code.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "请选择咨询的事项。"),
                                  code="consultation.matter", field="matter")
        with self.ws.store.write() as s:
            matter = catalog_store.get_matter(s, matter_code.strip())
            who = self.ws.resolve_clerk(s, clerk)
            row = ConsultationRow(matter_code=matter.code, matter_name=matter.name, clerk=who,
                                  consulted_at=self.ws.now().astimezone(UTC)
                                  .replace(tzinfo=None), note=text, guide=guide)
            s.add(row)
            s.flush()
            return _entry(row)

    def between(self, start: date, end: date) -> list[ConsultationEntry]:
        """The consultations of Beijing days ``start``..``end``, oldest first."""
        low, high = _window(start, end)
        with self.ws.store.read() as s:
            rows = s.execute(select(ConsultationRow)
                             .where(ConsultationRow.consulted_at >= low,
                                    ConsultationRow.consulted_at < high)
                             .order_by(ConsultationRow.consulted_at, ConsultationRow.id)
                             ).scalars().all()
            return [_entry(r) for r in rows]

    def count(self, start: date, end: date | None = None) -> int:
        with self.ws.store.read() as s:
            return sum(count_between(s, start, end or start).values())


def local_day(entry: ConsultationEntry) -> date:
    return local_time(entry.consulted_at).date()
