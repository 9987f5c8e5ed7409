"""``ws.case_lists``: what the screens read about cases, each call one read transaction.

The case list's pages, one case's row and its extras (timeline, notes, print counts),
the period summary: plain rows and frozen dataclasses (clerk.cases.queries) that outlive
the session they were read in. Changing a case goes through ``ws.cases``
(clerk.cases.service).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from clerk import applicants as ap
from clerk.cases.due import settle_ahead
from clerk.cases.ledger import load_by_case_no
from clerk.cases.queries import (
    CasePage,
    CaseQuery,
    CaseRow,
    Cursor,
    DocumentOutputs,
    NoteEntry,
    SupervisionCut,
    TimelineEntry,
    case_notes,
    case_row,
    case_timeline,
    clerk_names,
    matters_in_use,
    printed_documents,
)
from clerk.cases.record import CaseRecord
from clerk.cases.states import State
from clerk.reports import StationReport, station_report
from clerk.store.models import Case

if TYPE_CHECKING:
    from clerk.workspace import Workspace


@dataclass(frozen=True)
class CaseFile:
    """One case with what its detail view shows besides the record itself."""

    record: CaseRecord
    timeline: list[TimelineEntry]
    notes: list[NoteEntry]
    printed: dict[str, DocumentOutputs]  # document number -> times printed / saved
    names: dict[str, str]  # clerk username -> display name


@dataclass(frozen=True)
class WaitingCase:
    """A case of a person that waits for them at the counter."""

    case_no: str
    matter_name: str
    state: State
    received_at: datetime


class CaseLists:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def yellow_ratio(self) -> float:
        return self.ws.yellow_ratio()

    def supervision_cut(self) -> SupervisionCut:
        """Today's supervision cut-offs for this station."""
        return self.ws.supervision_cut()

    def first_page(self, query: CaseQuery) -> CasePage:
        with self.ws.store.read() as s:
            return query.first_page(s)

    def page(self, query: CaseQuery, after: Cursor | None) -> CasePage:
        with self.ws.store.read() as s:
            return query.page(s, after)

    def row(self, case_no: str, cut: SupervisionCut | None) -> CaseRow | None:
        with self.ws.store.read() as s:
            return case_row(s, case_no, cut)

    def matters_in_use(self) -> list[tuple[str, str]]:
        """(code, name) of the matters the station's cases use, by name."""
        with self.ws.store.read() as s:
            return matters_in_use(s)

    def file(self, case_no: str) -> CaseFile:
        settle_ahead(self.ws.store, self.ws.calendar, case_no, self.ws.now())
        with self.ws.store.read() as s:
            rec = load_by_case_no(s, case_no)
            return CaseFile(rec, case_timeline(s, rec.id), case_notes(s, rec.id),
                            printed_documents(s, rec.id), clerk_names(s))

    def station_report(self, start: date, end: date, cut: SupervisionCut) -> StationReport:
        """What the 统计 page shows for ``start``..``end`` (see clerk.reports)."""
        with self.ws.store.read() as s:
            return station_report(s, start, end, cut)

    def waiting_for(self, id_no: str, states: tuple[State, ...]) -> list[WaitingCase]:
        """The person's cases in ``states``, newest first (none if the person is unknown)."""
        with self.ws.store.read() as s:
            person = ap.find_by_id_no(s, id_no)
            if person is None:
                return []
            rows = s.execute(
                select(Case.case_no, Case.matter_name, Case.state, Case.received_at)
                .where(Case.applicant_id == person.id,
                       Case.state.in_([st.value for st in states]))
                .order_by(Case.received_at.desc(), Case.case_no.desc())).all()
        return [WaitingCase(r.case_no, r.matter_name, State(r.state), r.received_at)
                for r in rows]
