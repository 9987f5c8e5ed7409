from __future__ import annotations

from datetime import date, timedelta

import pytest

from clerk.cases.states import EventType
from clerk.workspace import Workspace
from tests.clerk.case_builder import Cases, Returned
from tests.clerk.factories import sample_matters
from tests.conftest import FakeClock


@pytest.fixture
def tws(ws: Workspace) -> Workspace:
    """A workspace that also holds the small test matters."""
    ws.import_matters(sample_matters(), source="tests")
    return ws


@pytest.fixture
def returned(ws: Workspace, cases: Cases, clock: FakeClock) -> Returned:
    clock.set_local(date(2026, 3, 2))
    calm = cases.returned()
    nearly = cases.under_review()
    late = cases.under_review()
    due = ws.cases.get(nearly).due_date
    assert due is not None
    clock.set_local(due - timedelta(days=1))
    cases.district(nearly, EventType.RETURNED, {"items": [], "note": "补充材料"})
    clock.set_local(due + timedelta(days=3))
    cases.district(late, EventType.RETURNED, {"items": [], "note": "补充材料"})
    return Returned(calm, nearly, late, due)
