"""Created events that name their matter snapshot by ref (form matter_ref): the push
carries the snapshots beside the events; the district checks each against its ref,
keeps it once, and refuses, worded, a created event whose snapshot it does not get."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from clerk import settings
from clerk.cases.event_forms import READS
from clerk.cases.snapshot import snapshot_ref
from clerk.options import SYNC_EVENT_FORMS
from clerk.workspace import Workspace
from tests.district.test_push_pull import rehash
from tests.districtkit import District, escalated_case, statuses, wire_events

IdFactory = Callable[..., str]


@pytest.fixture
def lean(sws: Workspace) -> Workspace:
    """The station writes the leaner forms (its devices and district read them)."""
    with sws.store.write() as s:
        settings.write(s, SYNC_EVENT_FORMS, ",".join(READS))
    return sws


def _push(api: District, token: str, events: list[dict[str, Any]],
          snapshots: dict[str, Any] | None = None) -> Any:
    body: dict[str, Any] = {"events": events, "notes": []}
    if snapshots is not None:
        body["snapshots"] = snapshots
    return api.post("/sync/push", token, json=body)


def _case(lean: Workspace, n: int, id_factory: IdFactory) -> tuple[list[dict[str, Any]],
                                                                    dict[str, Any]]:
    rec = escalated_case(lean, id_factory(n))
    return wire_events(lean, rec.case_no), rec.matter


def test_the_snapshot_travels_once_beside_the_events_that_name_it(
        api: District, lean: Workspace, id_factory: IdFactory) -> None:
    token = api.station_token()
    events, matter = _case(lean, 1, id_factory)
    ref = events[0]["payload"]["matter_ref"]
    assert ref == snapshot_ref(matter) and "matter" not in events[0]["payload"]
    r = _push(api, token, events, {ref: matter})
    assert statuses(r.json()["results"]) == ["accepted"] * 3
    detail = api.get(f"/cases/{events[0]['case_id']}", api.user("li.shen")).json()
    assert detail["record"]["matter"] == matter
    # The next case of the same matter version needs no snapshot: the district has it.
    more, _ = _case(lean, 2, id_factory)
    assert statuses(_push(api, token, more).json()["results"]) == ["accepted"] * 3


def _unknown(events: list[dict[str, Any]], matter: dict[str, Any]
             ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The case's events as if created under a matter version the district never saw."""
    # A note never seen before: snapshots are kept process-wide by ref (content-named).
    other = {**copy.deepcopy(matter), "limit_note": uuid.uuid4().hex}
    created = copy.deepcopy(events[0])
    created["payload"]["matter_ref"] = snapshot_ref(other)
    return [rehash(created), *events[1:]], other


def test_a_created_event_whose_snapshot_is_not_sent_is_refused_worded(
        api: District, lean: Workspace, id_factory: IdFactory) -> None:
    token = api.station_token()
    events, matter = _case(lean, 3, id_factory)
    events, _ = _unknown(events, matter)
    results = _push(api, token, events).json()["results"]
    assert statuses(results) == ["rejected:event.snapshot", "rejected:out_of_order",
                                 "rejected:out_of_order"]
    assert "事项快照" in results[0]["message"]


def test_a_snapshot_that_is_not_the_one_its_ref_names_is_not_taken(
        api: District, lean: Workspace, id_factory: IdFactory) -> None:
    token = api.station_token()
    events, matter = _case(lean, 4, id_factory)
    events, other = _unknown(events, matter)
    forged = {**other, "legal_limit_days": 999}  # under the ref of `other`
    r = _push(api, token, events, {events[0]["payload"]["matter_ref"]: forged})
    assert statuses(r.json()["results"])[0] == "rejected:event.snapshot"
    # Sent right, the same events are accepted; the case holds the matter its ref names.
    r = _push(api, token, events, {events[0]["payload"]["matter_ref"]: other})
    assert statuses(r.json()["results"]) == ["accepted"] * 3
    detail = api.get(f"/cases/{events[0]['case_id']}", api.user("li.shen")).json()
    assert detail["record"]["matter"] == other


@pytest.mark.parametrize("snapshots", [
    {"not-a-sha256": {}},
    {"a" * 64: "not an object"},
    {f"{n:064x}": {} for n in range(501)},
])
def test_malformed_snapshots_refuse_the_request_and_store_nothing(
        api: District, lean: Workspace, id_factory: IdFactory, snapshots: Any) -> None:
    token = api.station_token()
    events, matter = _case(lean, 5, id_factory)
    r = _push(api, token, events, snapshots)
    assert r.status_code == 422
    r = _push(api, token, events, {events[0]["payload"]["matter_ref"]: matter})
    assert statuses(r.json()["results"]) == ["accepted"] * 3
