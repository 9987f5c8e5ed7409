"""Property-based calls generated from the OpenAPI document: no input makes the server fail.

Every operation gets generated requests, valid ones and invalid ones (schemathesis'
positive and negative modes), sent with a token that gets past authentication (a
station token for station endpoints, an admin's for the staff ones) to a district that
holds a station, an escalated case and users; operations on a case are also tried on
that real case. The one check is the one that matters: never a 5xx. Bounded (a few
examples per operation and mode) so the whole run stays well under a minute.

Schemathesis' own pytest plugin does not run under this pytest version, so the test
drives its Python API: one Hypothesis run per operation and mode.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from clerk.workspace import Workspace
from tests.district.test_access import SHARED, STATION_ONLY
from tests.districtkit import District, escalated_case, push, wire_events

IdFactory = Callable[..., str]
STATION_PATHS = {path for _, path in STATION_ONLY | SHARED}
EXAMPLES = 15


def explore(strategy: Any, headers: dict[str, str], label: str) -> tuple[int, list[str]]:
    """Run one bounded Hypothesis exploration; returns (calls, failures)."""
    calls = 0
    failures: list[str] = []

    @given(case=strategy)
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        nonlocal calls
        calls += 1
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            response = case.call(headers=headers)
        if response.status_code >= 500:
            failures.append(f"{label} -> {response.status_code}: {response.text[:200]}")
        case.validate_response(response, checks=[not_a_server_error])

    try:
        run()
    except Unsatisfiable:
        pass  # nothing to make invalid (an operation without parameters)
    except Exception as exc:  # report it with the others
        failures.append(f"{label}: {type(exc).__name__}: {str(exc)[:300]}")
    return calls, failures


@pytest.mark.slow
def test_no_input_causes_a_server_error(api: District, sws: Workspace,
                                        id_factory: IdFactory) -> None:
    station = api.station_token()
    rec = escalated_case(sws, id_factory(1))
    push(api, station, wire_events(sws, rec.case_no))
    admin = api.user("zhao.admin", "admin")
    schema = schemathesis.openapi.from_asgi("/openapi.json", api.app)
    failures: list[str] = []
    calls = 0
    for result in schema.get_all_operations():
        op = result.ok()
        token = station if op.path in STATION_PATHS else admin
        headers = {"Authorization": f"Bearer {token}"}
        variants: list[dict[str, Any]] = [{}]
        if "{case_id}" in op.path:
            variants.append({"path_parameters": {"case_id": rec.id}})
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            for extra in variants:
                n, found = explore(op.as_strategy(generation_mode=mode, **extra), headers,
                                   f"{op.label} [{mode.value}]")
                calls += n
                failures += found
    assert calls > 300
    assert not failures, "\n".join(failures)
