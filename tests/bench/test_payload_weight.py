"""The sync bench's payload rows: what a pushed event weighs and its share of catalog text."""

from __future__ import annotations

from bench.sync_bench import _catalog_share, payload_weight
from clerk.cases.events import canonical_bytes
from clerk.generate.bulk_cases import populate
from clerk.workspace import Workspace


def test_the_catalog_share_counts_the_snapshot_and_the_copied_item_fields() -> None:
    item = {"key": "id_card", "status": "received", "original_count": 1, "copy_count": 1,
            "promise_date": None, "document_id": None, "name": "居民身份证",
            "requirement": "原件核验后退还"}
    matter = {"code": "m1", "name": "某事项"}
    event = {"event_id": "e", "payload": {"matter": matter, "checklist": [item]}}
    copied = {"name": "居民身份证", "requirement": "原件核验后退还"}
    assert _catalog_share(event) == len(canonical_bytes(matter)) + len(canonical_bytes(copied))
    assert _catalog_share({"payload": {"comment": "x"}}) == 0
    assert _catalog_share({"payload": {}}) == 0


def test_payload_weight_of_generated_cases(ws: Workspace) -> None:
    populate(ws, 5)
    (what_size, size, _), (what_share, share, _) = payload_weight(ws)
    assert "bytes per pushed event" in what_size and "catalog text" in what_share
    assert size > 500  # a created case carries its matter snapshot
    assert 0.3 < share < 1.0


def test_the_bench_station_writes_slim_items_as_a_synced_station_does(ws: Workspace) -> None:
    from sqlalchemy import select

    from bench.sync_bench import writes_as_deployed
    from clerk.store.models import CaseEvent

    writes_as_deployed(ws)
    populate(ws, 3)
    with ws.store.read() as s:
        payloads = s.execute(select(CaseEvent.payload)).scalars().all()
    items = [item for p in payloads for item in p.get("checklist", ())]
    assert items and all("name" not in item for item in items)
    (_, size, _), (_, share, _) = payload_weight(ws)
    assert size < 3000 and share < 0.7  # the snapshot is the catalog text left
