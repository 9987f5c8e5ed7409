from __future__ import annotations

import pytest

from clerk.workspace import Workspace
from tests.clerk.factories import sample_matters


@pytest.fixture
def tws(ws: Workspace) -> Workspace:
    """A workspace that also holds the small test matters."""
    ws.import_matters(sample_matters(), source="tests")
    return ws
