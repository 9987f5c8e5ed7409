"""`--demo` data looks like a plausible week at a real station: events in office hours
of working days and never in the future, names that match the ID's sex digit, and a
sync state consistent with the last sync it records."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import select

from clerk.applicants import PersonInput
from clerk.generate import demo
from clerk.options import SYNC_LAST_SUCCESS
from clerk.store.models import Applicant, CaseEvent
from clerk.timeutil import local_time
from clerk.workspace import Workspace
from tests.conftest import FakeClock


@pytest.mark.parametrize(("day", "hour", "minute"), [
    (date(2026, 12, 9), 3, 0), (date(2026, 12, 9), 11, 0), (date(2026, 12, 9), 20, 0),  # a Wed
    (date(2026, 12, 5), 4, 0),  # early on a Saturday
    (date(2026, 12, 7), 9, 3),  # a Monday, the office open three minutes (CI on 2026-12-07)
    (date(2026, 12, 7), 16, 50)])  # after the day's last case, before closing
def test_demo_week(ws: Workspace, clock: FakeClock, day: date, hour: int, minute: int) -> None:
    clock.set_local(day, hour, minute)
    now = clock()
    made = demo.populate_demo(ws)
    assert made == 60, "the demo holds the cases it promises, whatever the hour"
    calendar = ws.calendar()
    with ws.store.read() as s:
        events = list(s.execute(select(CaseEvent)).scalars())
        people = list(s.execute(select(Applicant)).scalars())
    assert events
    for e in events:
        at = e.occurred_at.replace(tzinfo=UTC)
        local = local_time(at)
        assert at <= now, (e.type, local)
        assert calendar.is_working_day(local.date()), local
        assert time(9, 0) <= local.time() <= time(17, 0), (e.type, local)
    synced = ws.settings.get(SYNC_LAST_SUCCESS)
    assert synced, "cases are shown synced, so the station records when it synced"
    cut = datetime.fromisoformat(synced).replace(tzinfo=None)
    for e in events:
        if e.origin == "station":
            assert (e.sync_state == "acked") == (e.occurred_at <= cut), e.type
        else:  # the district's answers were pulled at a sync
            assert e.occurred_at <= cut
    for person in people:
        digit = int(person.id_no[16])
        given = person.name[1:]
        assert given in (demo.GIVEN_MALE if digit % 2 else demo.GIVEN_FEMALE), "name/sex"


def test_person_names_follow_the_sex_digit() -> None:
    import random

    rng = random.Random(7)
    people: list[PersonInput] = [demo._person(rng) for _ in range(200)]
    for p in people:
        male = int(p.id_no[16]) % 2 == 1
        assert p.name[1:] in (demo.GIVEN_MALE if male else demo.GIVEN_FEMALE)
