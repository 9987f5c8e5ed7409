"""A rehearsal of the counter's F9 that leaves nothing behind.

The first acceptance after sign-in pays for what the process has never done yet: the
ORM compiles and caches the statements of opening a case, numbering it, appending its
events, filing its documents and reading its receipt, and the connection's page cache
holds none of those tables' pages. The counter's warm-up (ui.station.intake.warm) runs
the same work here, while the clerk fills the first intake, inside one write
transaction that is then rolled back: no case, no event (so nothing for sync to push),
no applicant, no case or document number used. Each counter PC has its own store, so
the rehearsal holds only this PC's write lock, for the few milliseconds it runs; a
save arriving meanwhile waits for it like for any other write (busy timeout).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk.applicants import PersonInput
from clerk.cases.checklist import initial_checklist
from clerk.cases.service import MaterialChanges
from clerk.validation import resident_id_check_digit

if TYPE_CHECKING:
    from clerk.documents import IssuedDocument
    from clerk.workspace import Workspace

#: A made-up applicant (a valid number, never committed).
_FIRST17 = "11010819800101999"
REHEARSAL_PERSON = PersonInput(name="演练", id_no=_FIRST17 + resident_id_check_digit(_FIRST17))


class _RolledBack(Exception):
    """Raised at the end of the rehearsal so its transaction rolls back."""

    def __init__(self, document: IssuedDocument) -> None:
        super().__init__("rehearsal rolled back")
        self.document = document


def rehearse_acceptance(ws: Workspace, matter_code: str, clerk: str) -> IssuedDocument:
    """Open and accept a case of `matter_code` for a made-up applicant with every
    material received, and read its receipt's facts, in a write transaction that is
    rolled back. Returns the receipt's facts (to warm the renderer with); raises what
    the real acceptance would raise (a matter that cannot be accepted here, say)."""
    matter = ws.matter(matter_code)
    received = [item.key for item in initial_checklist(matter.materials).items
                if item.condition is None]
    try:
        with ws.store.write() as s:
            rec = ws.cases.open_and_accept_in(
                s, matter_code=matter_code, applicant=REHEARSAL_PERSON,
                changes=MaterialChanges(received=received), form_data={}, clerk=clerk)
            raise _RolledBack(ws.documents.issued_in(s, rec.case_no, "receipt"))
    except _RolledBack as done:
        return done.document
