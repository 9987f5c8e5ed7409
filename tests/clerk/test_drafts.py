"""Intake drafts: one JSON document per clerk in the settings, versioned."""

from __future__ import annotations

import json

from clerk.drafts import DRAFT_FORMAT, clear_draft, draft_key, load_draft, save_draft
from clerk.workspace import Workspace


def test_round_trip_per_clerk(ws: Workspace) -> None:
    data = {"matter": "BJ-MZ-JF-001", "applicant": {"name": "张三", "id_no": "1101"},
            "marks": {"id_card": {"status": "received", "promise": None}}}
    save_draft(ws, "admin", data)
    assert load_draft(ws, "admin") == data
    assert load_draft(ws, "other") is None
    stored = json.loads(ws.setting(draft_key("admin")))
    assert stored["format"] == DRAFT_FORMAT


def test_save_replaces_and_clear_forgets(ws: Workspace) -> None:
    save_draft(ws, "admin", {"n": 1})
    save_draft(ws, "admin", {"n": 2})
    assert load_draft(ws, "admin") == {"n": 2}
    clear_draft(ws, "admin")
    assert load_draft(ws, "admin") is None
    assert ws.setting(draft_key("admin"), "none") == "none"
    clear_draft(ws, "admin")  # clearing twice is fine


def test_unreadable_or_newer_drafts_are_ignored(ws: Workspace) -> None:
    ws.set_setting(draft_key("admin"), "{not json")
    assert load_draft(ws, "admin") is None
    ws.set_setting(draft_key("admin"), json.dumps({"format": DRAFT_FORMAT + 1, "data": {}}))
    assert load_draft(ws, "admin") is None
    ws.set_setting(draft_key("admin"), json.dumps({"format": DRAFT_FORMAT, "data": [1]}))
    assert load_draft(ws, "admin") is None
    ws.set_setting(draft_key("admin"), json.dumps([1, 2]))
    assert load_draft(ws, "admin") is None
