"""The projected state of one case, as both the station and the district see it."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from typing import Any

from clerk.cases.checklist import Checklist, is_outstanding
from clerk.cases.events import parse_utc, utc_iso
from clerk.cases.states import CaseFacts, Side, State
from clerk.ratings import has_score


@dataclass
class CaseRecord:
    id: str
    case_no: str
    station_code: str
    matter: dict[str, Any]  # catalog snapshot taken at creation
    applicant: dict[str, Any]  # id, kind, name, id_type, id_no, mobile, address
    agent: dict[str, Any] | None
    form_data: dict[str, Any]
    checklist: list[dict[str, Any]]
    state: State
    owner: Side
    clerk: str
    received_at: datetime
    version: int = 0
    updated_at: datetime | None = None
    accepted_at: datetime | None = None
    limit_days: int | None = None
    due_date: date | None = None
    due_provisional: bool = False
    pauses: list[dict[str, Any]] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    refusal: dict[str, Any] | None = None
    returns: list[dict[str, Any]] = field(default_factory=list)
    proxy_agent: str | None = None
    proxy_steps: list[dict[str, Any]] = field(default_factory=list)
    result: dict[str, Any] | None = None
    delivered_at: datetime | None = None
    rating: dict[str, Any] | None = None
    withdrawn_reason: str | None = None
    comments: list[dict[str, Any]] = field(default_factory=list)
    closed_at: datetime | None = None

    # --- derived -------------------------------------------------------------------
    @property
    def matter_code(self) -> str:
        return str(self.matter["code"])

    @property
    def matter_name(self) -> str:
        return str(self.matter["name"])

    @property
    def matter_version(self) -> int:
        return int(self.matter.get("version", 1))

    @property
    def handling_level(self) -> str:
        return str(self.matter.get("handling_level", "station"))

    @property
    def materials(self) -> Checklist:
        return Checklist.from_list(self.checklist)

    @property
    def open_pause(self) -> dict[str, Any] | None:
        return next((p for p in self.pauses if p.get("end") is None), None)

    @property
    def first_notice_keys(self) -> frozenset[str]:
        if not self.notices:
            return frozenset()
        return frozenset(i["key"] for i in self.notices[0]["items"])

    def facts(self, *, readiness: bool = True) -> CaseFacts:
        """What the state machine's guards need. `readiness=False` skips the checklist
        scan: only acceptance asks whether nothing is outstanding, and every event
        applied (a district push applies hundreds at once) passes through here."""
        open_special = any(p.get("end") is None and p.get("kind") == "special" for p in self.pauses)
        return CaseFacts(
            state=self.state, owner=self.owner, handling_level=self.handling_level,
            ready_to_accept=not readiness or not any(
                is_outstanding(i["necessity"], i["status"]) for i in self.checklist),
            has_rating=has_score(self.rating), special_open=open_special,
        )

    def clone(self) -> CaseRecord:
        """A copy that applying an event may change without touching this one.

        The matter snapshot, the applicant and the checklist are never changed in place
        (an event replaces the checklist whole), so they are shared: copying them per
        event was most of the cost of storing an event.
        """
        return replace(
            self, pauses=[dict(p) for p in self.pauses], notices=list(self.notices),
            documents=list(self.documents), returns=list(self.returns),
            proxy_steps=list(self.proxy_steps), comments=list(self.comments),
            result=dict(self.result) if self.result is not None else None)

    # --- storage ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (shallow: the caller serialises it at once, before the
        record changes). Every push writes one per case, so only the fields that need a
        conversion are visited."""
        d = dict(self.__dict__)  # the fields, in declaration order
        for name in _TIME_FIELDS:
            if (moment := d[name]) is not None:
                d[name] = utc_iso(moment)
        if self.due_date is not None:
            d["due_date"] = self.due_date.isoformat()
        d["state"] = self.state.value
        d["owner"] = self.owner.value
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CaseRecord:
        kw = dict(d)
        for name in ("received_at", "updated_at", "accepted_at", "delivered_at", "closed_at"):
            if kw.get(name):
                kw[name] = parse_utc(kw[name])
        if kw.get("due_date"):
            kw["due_date"] = date.fromisoformat(kw["due_date"])
        kw["state"] = State(kw["state"])
        kw["owner"] = Side(kw["owner"])
        return cls(**kw)


# Read off the annotations (strings here), so a time field added later is not missed.
_TIME_FIELDS = tuple(f.name for f in fields(CaseRecord) if str(f.type).startswith("datetime"))
