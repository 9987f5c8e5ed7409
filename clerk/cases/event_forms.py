"""The forms an event may be written in beyond the full one, and who may write them.

Issue 19: three quarters of what a station pushed was catalog text copied into events
(the created case's matter snapshot, each checklist item's copy of its material), parsed,
hashed, encrypted and stored on both sides for nothing. Two leaner forms leave it out:

* ``slim_checklist`` — checklist items carry only the case's own fields; the projection
  joins them with the case's matter snapshot (clerk.cases.event_checklist);
* ``matter_ref`` — a created event names its matter snapshot by ``matter_ref``, the
  sha256 of the snapshot's canonical JSON (clerk.cases.snapshot), instead of carrying it;
  the snapshot travels beside the events (a push's and a pull's ``snapshots``) and is
  attached to the event by whoever applies it, after checking it against the ref.

Software that predates a form would read it as something else, and every counter PC of
a station pulls the station's events. So a station writes a form only once the district
has said that it and every live device of the station read it: each device names the
forms it reads at the who-am-I that starts a round, and the answer (``station_reads``) is
kept in the station's ``sync.event_forms``. Until then, events are written full, as
before; both forms are read, whatever was written when.
"""

from __future__ import annotations

SLIM_CHECKLIST = "slim_checklist"
MATTER_REF = "matter_ref"
#: Every form beyond the full one that this software reads (what a device announces).
READS: tuple[str, ...] = (SLIM_CHECKLIST, MATTER_REF)


def parse_forms(text: str) -> frozenset[str]:
    """The forms a stored `sync.event_forms` value allows (unknown names ignored)."""
    return frozenset(f for f in text.split(",") if f in READS)
