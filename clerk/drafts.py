"""Unfinished intakes (收件草稿): what a clerk typed, kept until a decision is made.

A draft is one JSON document per clerk in the Setting table (key ``draft.intake.<user>``),
so closing the window mid-intake never loses the citizen's data and no new table is
needed. The document carries a format version; a draft written by a newer version of the
program, or one that is not valid JSON, is ignored rather than half-restored.
"""

from __future__ import annotations

import json
from typing import Any

from clerk.options import INTAKE_DRAFT
from clerk.workspace import Workspace

#: Version of the stored draft document; bump it and add an upgrade step when it changes.
DRAFT_FORMAT = 1


def draft_key(username: str) -> str:
    """The Setting key that holds ``username``'s draft (declared in clerk.options)."""
    return INTAKE_DRAFT.for_clerk(username).key


def save_draft(ws: Workspace, username: str, data: dict[str, Any]) -> None:
    """Store ``data`` (JSON-serialisable) as the clerk's draft, replacing any earlier one."""
    document = {"format": DRAFT_FORMAT, "data": data}
    ws.settings.set(INTAKE_DRAFT.for_clerk(username),
                    json.dumps(document, ensure_ascii=False, sort_keys=True))


def load_draft(ws: Workspace, username: str) -> dict[str, Any] | None:
    """The clerk's draft, or None when there is none (or it cannot be read safely)."""
    text = ws.settings.get(INTAKE_DRAFT.for_clerk(username))
    if not text:
        return None
    try:
        document = json.loads(text)
    except ValueError:
        return None
    if not isinstance(document, dict) or not isinstance(document.get("data"), dict):
        return None
    version = document.get("format")
    if not isinstance(version, int) or version > DRAFT_FORMAT or version < 1:
        return None
    data: dict[str, Any] = document["data"]
    return data


def clear_draft(ws: Workspace, username: str) -> None:
    """Forget the clerk's draft (after a decision, or when the form was emptied)."""
    ws.settings.forget(INTAKE_DRAFT.for_clerk(username))
