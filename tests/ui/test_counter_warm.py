"""The counter's warm-up after sign-in (ui.station.intake.warm), on the real worker
threads: it writes nothing, and an F9 pressed while it runs is served as always."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk.cases.service import CaseService
from clerk.cases.states import State
from clerk.rehearsal import REHEARSAL_PERSON
from tests.clerk.test_rehearsal import store_contents
from tests.conftest import FakeClock
from tests.ui.conftest import shown_intake_page
from tests.ui.test_intake_page import (
    PENSION,
    choose_matter,
    enter_applicant,
    fill_pension_form,
    mark,
)
from ui.station.intake import warm
from ui.station.intake.page import IntakePage
from ui.station.session import Session

IdFactory = Callable[..., str]
WARM_TIMEOUT_MS = 30_000


@pytest.fixture(autouse=True)
def _first_warm_up_of_the_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rehearsal runs once per process: each test here is that first time."""
    monkeypatch.setattr(warm, "_done", set())


def attached_page(qtbot: QtBot, session: Session) -> IntakePage:
    return shown_intake_page(qtbot, session)


def test_warm_up_rehearses_an_acceptance_and_writes_nothing(
        qtbot: QtBot, session: Session, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    clock.set_local(date(2026, 9, 29))
    rehearsed: list[str] = []
    original = CaseService.open_and_accept_in

    def spy(self: CaseService, s: Any, **kw: Any) -> Any:
        rehearsed.append(kw["matter_code"])
        return original(self, s, **kw)

    monkeypatch.setattr(CaseService, "open_and_accept_in", spy)
    before = store_contents(session.ws)

    with qtbot.waitSignal(attached_page(qtbot, session).warmed, timeout=WARM_TIMEOUT_MS):
        pass

    assert len(rehearsed) == 1  # the acceptance itself ran, inside the transaction
    assert store_contents(session.ws) == before  # and left no row, number or log


def test_f9_while_the_rehearsal_holds_the_store_is_served_after_it(
        qtbot: QtBot, session: Session, clock: FakeClock, id_factory: IdFactory,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The rehearsal is held inside its write transaction (rows written, lock taken)
    until the clerk's F9 is waiting for its turn to write (clerk.store.write_turns): the
    F9 then goes through, with the day's first case number (the rehearsal borrowed it
    and gave it back). Meanwhile the form takes no input, and shows greyed once the wait
    outlasts a glance."""
    clock.set_local(date(2026, 9, 29))
    holding, release = threading.Event(), threading.Event()
    borrowed: list[str] = []
    original = CaseService.open_and_accept_in

    def held(self: CaseService, s: Any, **kw: Any) -> Any:
        if kw["applicant"] == REHEARSAL_PERSON:
            rec = original(self, s, **kw)
            borrowed.append(rec.case_no)
            holding.set()
            assert release.wait(WARM_TIMEOUT_MS / 1000)
            return rec
        assert release.is_set()  # its turn came after the rehearsal's
        return original(self, s, **kw)

    monkeypatch.setattr(CaseService, "open_and_accept_in", held)
    page = attached_page(qtbot, session)
    try:
        qtbot.waitUntil(holding.is_set, timeout=WARM_TIMEOUT_MS)
        choose_matter(qtbot, page, PENSION)
        with qtbot.waitSignal(page.person_looked_up, timeout=10_000):
            enter_applicant(qtbot, page, id_factory(7), "王大明")
        fill_pension_form(page)
        for key in ("pension_registration_form", "hukou_booklet", "id_card"):
            mark(page, key)
        with qtbot.waitSignal(page.decision_done, timeout=WARM_TIMEOUT_MS) as done, \
                qtbot.waitSignal(page.warmed, timeout=WARM_TIMEOUT_MS):
            qtbot.keyClick(page, Qt.Key.Key_F9)
            # The form takes no input at once, and shows greyed once the wait is long.
            assert not page.body.isEnabled() and not page.body.updatesEnabled()
            qtbot.waitUntil(session.ws.store.writers_waiting, timeout=10_000)
            qtbot.waitUntil(page.body.updatesEnabled, timeout=10_000)
            assert not page.body.isEnabled()
            release.set()
    finally:
        release.set()
    case_no = str(done.args[0])
    assert [case_no] == borrowed  # the day's first number: the rehearsal gave it back
    rec = session.ws.cases.get(case_no)
    assert rec.state == State.ACCEPTED and rec.applicant["name"] == "王大明"
    assert session.ws.cases.count() == 1
    assert page.preview is not None and page.preview.isVisible()
    assert page.body.isEnabled()
    qtbot.waitUntil(page.body.updatesEnabled)  # the cleared form, painted after the preview
    found, _docs = session.ws.applicants.lookup(REHEARSAL_PERSON.id_no, date(2026, 9, 29))
    assert found is None  # the made-up applicant was never stored


def test_the_rehearsed_matter_is_the_latest_still_offered_else_a_station_one() -> None:
    from clerk.catalog import CatalogIndex
    from tests.clerk.factories import DISTRICT, STATION, sample_matters

    index = CatalogIndex(sample_matters())
    assert warm.rehearsal_matter([DISTRICT, STATION], index) == DISTRICT
    assert warm.rehearsal_matter(["GONE-001", DISTRICT], index) == STATION
    assert warm.rehearsal_matter([], index) == STATION
    assert warm.rehearsal_matter([], None) is None
