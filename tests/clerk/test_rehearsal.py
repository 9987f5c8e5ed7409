"""The counter's rehearsal of F9 (clerk.rehearsal): all of an acceptance's work, nothing kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from clerk.applicants import PersonInput
from clerk.cases.service import MaterialChanges
from clerk.errors import NotFoundError
from clerk.rehearsal import REHEARSAL_PERSON, rehearse_acceptance
from clerk.validation import parse_resident_id
from clerk.workspace import Workspace
from tests.clerk.factories import ALL_NEEDED, DISTRICT, INSTANT, STATION
from tests.conftest import ADMIN, FakeClock

IdFactory = Callable[..., str]


def store_contents(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (sequence counters, outbox state and SQLite's own
    sqlite_sequence included), in a stable order."""
    with ws.store.engine.connect() as conn:
        tables = [r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))]
        return {t: sorted((tuple(r) for r in conn.execute(text(f'SELECT * FROM "{t}"'))),
                          key=repr) for t in tables}


def test_the_rehearsed_person_is_a_valid_made_up_number() -> None:
    parse_resident_id(REHEARSAL_PERSON.id_no, today=date(2026, 9, 29))


@pytest.mark.parametrize("code", [STATION, DISTRICT, INSTANT])
def test_rehearsal_reads_the_receipt_and_leaves_nothing(
        tws: Workspace, clock: FakeClock, id_factory: IdFactory, code: str) -> None:
    clock.set_local(date(2026, 9, 29))
    first = tws.cases.open_and_accept(
        matter_code=STATION, applicant=PersonInput(name="张三", id_no=id_factory(1)),
        changes=MaterialChanges(received=ALL_NEEDED))
    before = store_contents(tws)

    doc = rehearse_acceptance(tws, code, ADMIN)

    assert doc.kind == "receipt" and doc.record.matter_code == code
    assert not doc.reprint and doc.doc_no
    assert store_contents(tws) == before  # no case, event, applicant, number or log
    # The next real acceptance gets the numbers right after the first one's.
    second = tws.cases.open_and_accept(
        matter_code=STATION, applicant=PersonInput(name="李四", id_no=id_factory(2)),
        changes=MaterialChanges(received=ALL_NEEDED))
    assert int(second.case_no[-4:]) == int(first.case_no[-4:]) + 1
    assert doc.record.case_no == second.case_no  # the number was only borrowed
    assert tws.cases.count() == 2


def test_a_matter_that_cannot_be_rehearsed_raises_and_leaves_nothing(tws: Workspace) -> None:
    before = store_contents(tws)
    with pytest.raises(NotFoundError):
        rehearse_acceptance(tws, "NO-SUCH-MATTER", ADMIN)
    assert store_contents(tws) == before
