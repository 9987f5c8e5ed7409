"""The projected state of one case, as both the station and the district see it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Any

from clerk.cases.checklist import Checklist
from clerk.cases.events import parse_utc, utc_iso
from clerk.cases.states import CaseFacts, Side, State


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

    def facts(self) -> CaseFacts:
        open_special = any(p.get("end") is None and p.get("kind") == "special" for p in self.pauses)
        return CaseFacts(
            state=self.state, owner=self.owner, handling_level=self.handling_level,
            ready_to_accept=self.materials.ready_to_accept,
            has_rating=self.rating is not None, special_open=open_special,
        )

    # --- storage ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for f in fields(self):
            v = d[f.name]
            if isinstance(v, datetime):
                d[f.name] = utc_iso(v)
            elif isinstance(v, date):
                d[f.name] = v.isoformat()
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
