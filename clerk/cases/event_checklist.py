"""A checklist as events carry it: the case's own fields, not copies of the catalog.

A case's checklist item repeats its material's name, necessity, form, requirement and
condition from the matter snapshot the case was created under. Every event that changes
the checklist (created, materials updated, notice, accepted, resubmitted) carried those
copies again: three quarters of what a station pushes was catalog text, parsed, hashed,
encrypted and stored on both sides for nothing (issue 19). An event now carries an item
*slim* — key, status, counts, promise date, document on file, scans, delivery day — and
whoever applies it (the projection, the same code on station and district) joins it
with the case's matter snapshot, which is immutable for the life of the case. So records,
paper and screens read exactly as before.

Both forms are read: events stored before (and stations not upgraded) carry full items,
recognised by their `name`. An item is written slim only when joining it back gives the
item exactly, so a slim event never changes what a record says.

Software that predates this reads a slim item as a whole item and stores it so (a broken
record), so slim items are written only once the district and every live device of the
station read them (clerk.cases.event_forms, form ``slim_checklist``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from clerk.cases.per_snapshot import PerSnapshot
from clerk.errors import QT_TRANSLATE_NOOP, StateError

#: The fields an item copies from its material (the rest are the case's own).
CATALOG_FIELDS = ("name", "necessity", "form", "requirement", "condition")
#: Case-own fields that are left out of a slim item when empty (they read as None).
_OPTIONAL = ("promise_date", "document_id")


def _fields_of(matter: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """key -> the catalog fields as a checklist item spells them (`initial_checklist`)."""
    out: dict[str, dict[str, Any]] = {}
    if not isinstance(matter, Mapping):
        return out  # a malformed snapshot describes no material: slim items are refused
    for m in matter.get("materials") or ():
        if isinstance(m, Mapping) and "key" in m:
            out[str(m["key"])] = {
                "name": m.get("name"), "necessity": m.get("necessity"), "form": m.get("form"),
                "requirement": m.get("requirement") or "",
                "condition": m.get("condition") or None}
    return out


#: `_fields_of` once per snapshot (clerk.cases.per_snapshot), not at every event.
_catalog_fields = PerSnapshot(_fields_of)


def _joined(row: Mapping[str, Any], catalog: Mapping[str, Any]) -> dict[str, Any]:
    """A full item from a slim one, keys in `ChecklistItem.to_dict`'s order."""
    full: dict[str, Any] = {
        "key": row["key"], "name": catalog["name"], "necessity": catalog["necessity"],
        "form": catalog["form"], "original_count": row.get("original_count"),
        "copy_count": row.get("copy_count"), "requirement": catalog["requirement"],
        "condition": catalog["condition"]}
    full["status"] = row.get("status")
    for name in _OPTIONAL:
        full[name] = row.get(name)
    for name, value in row.items():
        if name not in full:
            full[name] = value
    return full


def slim_rows(rows: Iterable[Mapping[str, Any]], matter: Mapping[str, Any]
              ) -> list[dict[str, Any]]:
    """`rows` (full items) as an event carries them: slim wherever that joins back to the
    very same item, full otherwise (an item the snapshot does not describe as it reads)."""
    catalog = _catalog_fields(matter)
    out: list[dict[str, Any]] = []
    for row in rows:
        fields = catalog.get(str(row.get("key")))
        slim = {k: v for k, v in row.items()
                if k not in CATALOG_FIELDS and not (k in _OPTIONAL and v is None)}
        if fields is not None and _joined(slim, fields) == row:
            out.append(slim)
        else:
            out.append(dict(row))
    return out


def full_rows(rows: Any, matter: Mapping[str, Any], event_type: str) -> list[dict[str, Any]]:
    """An event's checklist with every slim item joined with the case's matter snapshot;
    full items (older events) as they are. Anything else is refused, worded."""
    if not isinstance(rows, list) or not all(isinstance(r, Mapping) and "key" in r
                                             for r in rows):
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "事件 {type} 的字段 {field} 格式不对。"),
            code="event.payload", params={"type": event_type, "field": "checklist"})
    if all("name" in r for r in rows):
        return rows
    catalog = _catalog_fields(matter)
    out: list[dict[str, Any]] = []
    for row in rows:
        if "name" in row:
            out.append(row)
            continue
        fields = catalog.get(str(row["key"]))
        if fields is None:
            raise StateError(
                QT_TRANSLATE_NOOP("errors", "事件 {type} 的材料“{key}”不在本事项的材料中。"),
                code="event.payload", params={"type": event_type, "key": str(row["key"])})
        out.append(_joined(row, fields))
    return out


def slim_payload(payload: dict[str, Any], matter: Mapping[str, Any]) -> dict[str, Any]:
    """`payload` with its checklist (if any) slim: what an event is written with."""
    if not isinstance(payload.get("checklist"), list):
        return payload
    return {**payload, "checklist": slim_rows(payload["checklist"], matter)}
