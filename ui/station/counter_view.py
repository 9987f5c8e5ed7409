"""What the customer display (双屏) shows, as plain data: the counter's pages describe the
moment (the clerk working on an intake, a one-time notice just issued, a hand-over
waiting for the citizen's rating) and the display renders it.

Everything here is already masked: the name as 张*, the ID document as 110101********1234.
The display never receives an unmasked number, so nothing it shows can leak one.
No Qt: the pages build these off their own state, the tests build them directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clerk.cases.checklist import ChecklistItem, ItemStatus
from clerk.cases.record import CaseRecord
from clerk.id_documents import mask_document, mask_of
from clerk.ratings import has_score
from clerk.validation import mask_name


class Showing(StrEnum):
    IDLE = "idle"  # nobody at the counter (or the station locked): a welcome
    WORKING = "working"  # the clerk is taking an application: matter, person, checklist
    NOTICE = "notice"  # a one-time notice was issued: the full missing list, large
    RATING = "rating"  # the result was handed over: five rating buttons


@dataclass(frozen=True)
class CounterItem:
    name: str
    status: ItemStatus
    promise: date | None = None
    requirement: str = ""


@dataclass(frozen=True)
class CounterView:
    showing: Showing
    matter: str = ""
    name: str = ""  # masked
    id_masked: str = ""
    items: tuple[CounterItem, ...] = ()
    case_no: str = ""

    @property
    def missing(self) -> tuple[CounterItem, ...]:
        return tuple(i for i in self.items if i.status == ItemStatus.MISSING)


IDLE = CounterView(Showing.IDLE)


def _items(items: Iterable[ChecklistItem]) -> tuple[CounterItem, ...]:
    return tuple(CounterItem(i.name, i.status, i.promise_date, i.requirement)
                 for i in items if i.status != ItemStatus.NOT_APPLICABLE)


def working(matter: str, name: str, id_type: str, id_no: str,
            items: Iterable[ChecklistItem]) -> CounterView:
    """The intake on the clerk's screen; nothing chosen or typed yet: the welcome."""
    shown = _items(items)
    if not (matter or name.strip() or id_no.strip()):
        return IDLE
    return CounterView(Showing.WORKING, matter, mask_name(name),
                       mask_document(id_type, id_no) if id_no.strip() else "", shown)


def _person(rec: CaseRecord) -> tuple[str, str]:
    return mask_name(str(rec.applicant.get("name", ""))), mask_of(rec.applicant)


def notice_of(rec: CaseRecord) -> CounterView:
    """A one-time notice issued on ``rec``: every item still missing, with what it needs."""
    name, masked = _person(rec)
    return CounterView(Showing.NOTICE, rec.matter_name, name, masked,
                       _items(rec.materials.items), rec.case_no)


def rating_of(rec: CaseRecord) -> CounterView | None:
    """The rating buttons for a handed-over case; None when the citizen rated already."""
    if has_score(rec.rating):
        return None
    name, masked = _person(rec)
    return CounterView(Showing.RATING, rec.matter_name, name, masked, (), rec.case_no)
