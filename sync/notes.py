"""Remarks on a case: sequenced comments by the owner, notes by the other side.

While the station owns a case its clerk's remark is a `commented` event in the case's
sequence (clerk's CaseService.comment). While the district owns it, the station cannot
add to the sequence, so the remark becomes a note: its own UUID and content hash,
pushed idempotently like an event, never racing the district for a sequence number.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from clerk.cases.events import utc_iso
from clerk.cases.ledger import load_by_case_no
from clerk.cases.states import Side
from clerk.errors import ValidationError
from clerk.ids import new_id
from clerk.store.models import CaseNote
from clerk.workspace import Workspace
from wire.protocol import note_hash

MAX_TEXT = 2000


@dataclass(frozen=True)
class Remark:
    case_no: str
    kind: str  # comment (in the sequence) | note
    id: str


def remark(ws: Workspace, case_no: str, text: str, clerk: str | None = None) -> Remark:
    text = text.strip()
    if not text:
        raise ValidationError("留言不能为空。", code="comment.empty", field="text")
    if len(text) > MAX_TEXT:
        raise ValidationError(f"留言最多 {MAX_TEXT} 字。", code="comment.too_long", field="text")
    rec = ws.cases.get(case_no)
    if rec.owner == Side.STATION:
        new = ws.cases.comment(case_no, text, clerk=clerk)
        return Remark(new.case_no, "comment", str(new.version))
    now = ws.now()
    with ws.store.write() as s:
        rec = load_by_case_no(s, case_no)
        author = ws.resolve_clerk(s, clerk)
        note_id, at = new_id(), utc_iso(now)
        s.add(CaseNote(note_id=note_id, case_id=rec.id, text=text, author=author,
                       origin=Side.STATION.value, occurred_at=at,
                       hash=note_hash(note_id, rec.id, text, author, Side.STATION.value, at),
                       sync_state="pending"))
    return Remark(rec.case_no, "note", note_id)


def notes_of(ws: Workspace, case_no: str) -> list[CaseNote]:
    with ws.store.read() as s:
        rec = load_by_case_no(s, case_no)
        return list(s.execute(select(CaseNote).where(CaseNote.case_id == rec.id)
                              .order_by(CaseNote.occurred_at)).scalars())
