"""Case operations at the station: each one a single durable transaction.

Every operation loads the projection, builds one event, lets the state machine judge it
(clerk.cases.projection) and stores event and projection together. What the clerk sees
afterwards (a receipt, a notice) is produced only from what was committed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk import applicants as ap
from clerk import settings
from clerk.cases.checklist import Checklist, ItemStatus, Scan, initial_checklist
from clerk.cases.event_checklist import slim_payload
from clerk.cases.event_forms import MATTER_REF, SLIM_CHECKLIST, parse_forms
from clerk.cases.events import Event, utc_iso
from clerk.cases.ledger import append_event, load_by_case_no
from clerk.cases.per_snapshot import PerSnapshot
from clerk.cases.record import CaseRecord
from clerk.cases.snapshot import snapshot_ref
from clerk.cases.states import EventType, Side, State
from clerk.catalog import matter_from_dict
from clerk.catalog_store import get_matter_data
from clerk.context import StationContext
from clerk.errors import QT_TRANSLATE_NOOP, StateError, ValidationError
from clerk.ids import new_id
from clerk.labels import RATING_LABELS
from clerk.numbering import allocate_case_no, allocate_doc_no
from clerk.options import SYNC_EVENT_FORMS
from clerk.ratings import (
    CITIZEN_AUTHOR,
    RatingChannel,
    channel_payload,
    is_declined,
    parse_channel,
)
from clerk.store.models import SUPERSEDED, Case, CaseEvent, CaseNote, User
from clerk.timeutil import local_date

# Government-issued certificates are worth keeping on file; forms and photos are per case.
REUSABLE_SOURCES = frozenset({"government", "e_license"})


@dataclass
class MaterialChanges:
    """What the clerk marked on the checklist at the counter."""

    received: Sequence[str] = ()
    deferred: Mapping[str, date] = field(default_factory=dict)
    applies: Sequence[str] = ()  # conditional materials whose condition holds
    not_applicable: Sequence[str] = ()
    missing: Sequence[str] = ()  # taken back (e.g. found unacceptable on a closer look)
    use_on_file: bool = True
    scans: Mapping[str, Sequence[Scan]] = field(default_factory=dict)  # key -> files added
    scans_dropped: Mapping[str, Sequence[str]] = field(default_factory=dict)  # key -> sha256s


class CaseService:
    def __init__(self, ctx: StationContext) -> None:
        self.ctx = ctx

    # --- helpers -----------------------------------------------------------------
    def _event(self, record: CaseRecord | None, case_id: str, etype: EventType,
               payload: dict[str, Any], actor: str, now: datetime, *,
               forms: frozenset[str]) -> Event:
        """The event as this station may write it (clerk.cases.event_forms)."""
        seq = 1 if record is None else record.version + 1
        matter: dict[str, Any] = payload["matter"] if record is None else record.matter
        if SLIM_CHECKLIST in forms:
            payload = slim_payload(payload, matter)
        if record is None and MATTER_REF in forms:  # the snapshot goes beside the events
            payload = {k: v for k, v in payload.items() if k != "matter"}
            payload["matter_ref"] = snapshot_ref(matter)
            return Event(event_id=new_id(), case_id=case_id, seq=seq, type=etype,
                         payload=payload, actor=actor, origin=Side.STATION,
                         occurred_at=now, matter=matter)
        return Event(event_id=new_id(), case_id=case_id, seq=seq, type=etype,
                     payload=payload, actor=actor, origin=Side.STATION, occurred_at=now)

    def _apply(self, s: Session, record: CaseRecord | None, case_id: str, etype: EventType,
               payload: dict[str, Any], actor: str, now: datetime) -> CaseRecord:
        event = self._event(record, case_id, etype, payload, actor, now, forms=event_forms(s))
        return append_event(s, record, event)

    def _actor(self, s: Session, clerk: str | None) -> str:
        return self.ctx.resolve_clerk(s, clerk)

    # --- intake ------------------------------------------------------------------
    def new_case(self, *, matter_code: str, applicant: ap.PersonInput,
                 agent: ap.PersonInput | None = None, changes: MaterialChanges | None = None,
                 form_data: Mapping[str, Any] | None = None, clerk: str | None = None
                 ) -> CaseRecord:
        """Open a case (收件): applicant recalled or registered, checklist marked, number given."""
        now = self.ctx.now()
        with self.ctx.store.write() as s:
            return self._open(s, now, self._actor(s, clerk), matter_code=matter_code,
                              applicant=applicant, agent=agent, changes=changes,
                              form_data=form_data)

    def open_and_accept(self, *, matter_code: str, applicant: ap.PersonInput,
                        agent: ap.PersonInput | None = None,
                        changes: MaterialChanges | None = None,
                        form_data: Mapping[str, Any] | None = None, clerk: str | None = None
                        ) -> CaseRecord:
        """收件 and 受理 of a new case in one transaction: the same two events as
        `new_case` then `accept`, with one durable commit instead of two (the counter's
        F9 waits for it). A refused acceptance stores nothing at all; the caller that
        wants the case kept as a draft then opens it with `new_case`."""
        with self.ctx.store.write() as s:
            return self.open_and_accept_in(s, matter_code=matter_code, applicant=applicant,
                                           agent=agent, changes=changes, form_data=form_data,
                                           clerk=clerk)

    def open_and_accept_in(self, s: Session, *, matter_code: str, applicant: ap.PersonInput,
                           agent: ap.PersonInput | None = None,
                           changes: MaterialChanges | None = None,
                           form_data: Mapping[str, Any] | None = None,
                           clerk: str | None = None) -> CaseRecord:
        """`open_and_accept` inside the caller's write transaction ``s`` (the counter's
        warm-up rehearses it in one it rolls back: clerk.rehearsal)."""
        actor = self._actor(s, clerk)
        rec = self._open(s, self.ctx.now(), actor, matter_code=matter_code,
                         applicant=applicant, agent=agent, changes=changes,
                         form_data=form_data)
        return self._accept(s, rec, actor, self.ctx.now())

    def _open(self, s: Session, now: datetime, actor: str, *, matter_code: str,
              applicant: ap.PersonInput, agent: ap.PersonInput | None,
              changes: MaterialChanges | None, form_data: Mapping[str, Any] | None
              ) -> CaseRecord:
        changes = changes or MaterialChanges()
        station = self.ctx.require_station(s)
        matter_data = get_matter_data(s, matter_code)
        matter = matter_from_dict(matter_data)
        person = ap.recall_or_add(s, applicant, now=now)
        agent_snap = self._agent_snapshot(agent, now) if agent else None
        checklist = initial_checklist(matter.materials)
        if changes.use_on_file:
            docs = ap.valid_documents(s, person.id, local_date(now))
            checklist = _mark_on_file(checklist, docs, self._scan_of)
        checklist = apply_changes(checklist, changes)
        case_no = allocate_case_no(s, station.code, local_date(now))
        payload = {"case_no": case_no, "station_code": station.code, "matter": matter_data,
                   "applicant": person.snapshot(), "agent": agent_snap,
                   "form_data": dict(form_data or {}), "checklist": checklist.to_list()}
        return self._apply(s, None, new_id(), EventType.CREATED, payload, actor, now)

    def _agent_snapshot(self, agent: ap.PersonInput, now: datetime) -> dict[str, Any]:
        values = ap.normalize_person(agent, today=local_date(now))
        return {"name": values["name"], "id_type": values["id_type"], "id_no": values["id_no"],
                "mobile": values["mobile"]}

    def update_materials(self, case_no: str, changes: MaterialChanges,
                         clerk: str | None = None) -> CaseRecord:
        """Record what the applicant brought (supplements, promises, corrections)."""
        now = self.ctx.now()
        with self.ctx.store.write() as s:
            rec = load_by_case_no(s, case_no)
            checklist = apply_changes(rec.materials, changes)
            if changes.use_on_file:
                # The case row's applicant, not the snapshot's id: a case another
                # counter took names that counter's id for a person known here.
                docs = ap.valid_documents(s, applicant_row(s, rec.id), local_date(now))
                checklist = _mark_on_file(checklist, docs, self._scan_of)
            return self._apply(s, rec, rec.id, EventType.MATERIALS_UPDATED,
                               {"checklist": checklist.to_list()}, self._actor(s, clerk), now)

    def _scan_of(self, sha256: str) -> Scan | None:
        """A document on file's scan, if this station still holds the file intact."""
        from clerk.scans import media_type_of

        data = self.ctx.blobs.get(sha256)
        media_type = media_type_of(data) if data is not None else None
        return Scan(sha256, media_type) if media_type is not None else None

    def attach_scan(self, case_no: str, key: str, data: bytes,
                    clerk: str | None = None) -> CaseRecord:
        """Keep a scanned file of one material and cite it from the checklist (while the
        case is at the counter or returned for correction, like any change of materials).
        The file is durably stored before the event that cites it is committed."""
        from clerk.scans import keep

        with self.ctx.store.read() as s:
            rec = load_by_case_no(s, case_no)
        item = rec.materials.item(key)  # an unknown key stores nothing
        scan = keep(self.ctx.blobs, data)
        if scan in item.scans:
            return rec  # that file is cited already: nothing to record
        return self.update_materials(case_no, MaterialChanges(scans={key: [scan]},
                                                              use_on_file=False), clerk)

    def detach_scans(self, case_no: str, key: str, clerk: str | None = None) -> CaseRecord:
        """Stop citing the scans of one material (one attached to the wrong material, say).
        The files stay in the store: another material or case may cite them."""
        with self.ctx.store.read() as s:
            rec = load_by_case_no(s, case_no)
        item = rec.materials.item(key)
        if not item.scans:
            return rec
        dropped = {key: [sc.sha256 for sc in item.scans]}
        return self.update_materials(case_no, MaterialChanges(scans_dropped=dropped,
                                                              use_on_file=False), clerk)

    def issue_notice(self, case_no: str, *, justification: str | None = None,
                     clerk: str | None = None) -> CaseRecord:
        """One-time notice (一次性告知): lists every outstanding item, each with its standard.

        A later notice may only repeat items of the first one; a new item needs a recorded
        justification and is flagged for the district's supervision.
        """
        now = self.ctx.now()
        with self.ctx.store.write() as s:
            rec = load_by_case_no(s, case_no)
            items = notice_items(rec)
            new_keys = one_time_violations(rec, items)
            justification = (justification or "").strip() or None
            if new_keys and not justification:
                names = "、".join(i["name"] for i in items if i["key"] in new_keys)
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "一次性告知原则：首次告知未列出“{names}”。"
                                                "再次告知增加新材料须填写理由，"
                                                "该情况将报区中心监察。"),
                    code="one_time.new_item", field="justification", params={"names": names})
            payload = {"doc_no": allocate_doc_no(s, rec.station_code, "notice", local_date(now)),
                       "items": items, "checklist": rec.checklist, "issued_at": utc_iso(now),
                       "justification": justification if new_keys else None,
                       "flagged": bool(new_keys), "new_items": sorted(new_keys)}
            return self._apply(s, rec, rec.id, EventType.NOTICE_ISSUED, payload,
                               self._actor(s, clerk), now)

    def accept(self, case_no: str, clerk: str | None = None) -> CaseRecord:
        """受理: all needed materials present or promised; the clock starts tomorrow."""
        now = self.ctx.now()
        with self.ctx.store.write() as s:
            rec = load_by_case_no(s, case_no)
            return self._accept(s, rec, self._actor(s, clerk), now)

    def _accept(self, s: Session, rec: CaseRecord, actor: str, now: datetime) -> CaseRecord:
        limit = _limit_days(rec.matter)
        due = self.ctx.calendar().add_working_days(local_date(now), limit)
        payload = {"doc_no": allocate_doc_no(s, rec.station_code, "receipt", local_date(now)),
                   "checklist": rec.checklist, "limit_days": limit,
                   "due_date": due.day.isoformat(), "due_provisional": due.provisional}
        new = self._apply(s, rec, rec.id, EventType.ACCEPTED, payload, actor, now)
        self._file_documents(s, new, actor, now)
        return new

    def _file_documents(self, s: Session, rec: CaseRecord, actor: str, now: datetime,
                        keys: frozenset[str] | None = None) -> None:
        file_documents(s, rec, actor, now, keys)

    def refuse(self, case_no: str, *, reason: str, basis: str = "",
               clerk: str | None = None) -> CaseRecord:
        reason = reason.strip()
        if not reason:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "不予受理必须写明理由。"),
                code="refusal.reason", field="reason")
        now = self.ctx.now()
        with self.ctx.store.write() as s:
            rec = load_by_case_no(s, case_no)
            payload = {"doc_no": allocate_doc_no(s, rec.station_code, "refusal", local_date(now)),
                       "reason": reason, "basis": basis.strip()}
            return self._apply(s, rec, rec.id, EventType.REFUSED, payload,
                               self._actor(s, clerk), now)

    # --- after acceptance ----------------------------------------------------------
    def supplement(self, case_no: str, received: Sequence[str], *,
                   counts: Mapping[str, tuple[int, int]] | None = None,
                   scans: Mapping[str, Sequence[Scan]] | None = None,
                   clerk: str | None = None) -> CaseRecord:
        """补交容缺材料: promised materials handed in after acceptance, before the decision.

        Recorded by the station also while the district holds the case: it changes no
        state, so the ownership rule does not stand in the way (clerk.cases.states).
        `counts` gives (originals, copies) received per key, by default what the
        material asks for. The state machine and the checklist judge the event.
        """
        now = self.ctx.now()
        counts = counts or {}
        scans = scans or {}
        stray = sorted((set(counts) | set(scans)) - set(received))
        if stray:  # counts or files for an item not being handed in: a slip, not ignored
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "材料“{key}”不在本次补交之列。"),
                code="supplement.stray", field=stray[0], params={"key": stray[0]})
        with self.ctx.store.write() as s:
            rec = load_by_case_no(s, case_no)
            items: list[dict[str, Any]] = []
            for key in dict.fromkeys(received):
                item = rec.materials.item(key)  # an unknown key stores nothing
                originals, copies = counts.get(key, (item.original_count, item.copy_count))
                entry: dict[str, Any] = {"key": key, "name": item.name,
                                         "original_count": originals, "copy_count": copies}
                if scans.get(key):
                    entry["scans"] = [{"sha256": sc.sha256, "media_type": sc.media_type}
                                      for sc in scans[key]]
                items.append(entry)
            actor = self._actor(s, clerk)
            new = self._apply(s, rec, rec.id, EventType.SUPPLEMENTED, {"items": items},
                              actor, now)
            self._file_documents(s, new, actor, now, frozenset(i["key"] for i in items))
            return new

    def escalate(self, case_no: str, clerk: str | None = None) -> CaseRecord:
        return self._simple(case_no, EventType.ESCALATED, {}, clerk)

    def resubmit(self, case_no: str, changes: MaterialChanges | None = None,
                 clerk: str | None = None) -> CaseRecord:
        """Send a returned case back up with the same number once the supplement is in."""
        now = self.ctx.now()
        with self.ctx.store.write() as s:
            rec = load_by_case_no(s, case_no)
            checklist = apply_changes(rec.materials, changes or MaterialChanges())
            payload: dict[str, Any] = {"checklist": checklist.to_list()}
            payload.update(self._due_after_pause(rec, now))
            return self._apply(s, rec, rec.id, EventType.RESUBMITTED, payload,
                               self._actor(s, clerk), now)

    def _due_after_pause(self, rec: CaseRecord, now: datetime) -> dict[str, Any]:
        """The due date recomputed with the pause that is ending now counted out."""
        if rec.accepted_at is None or rec.limit_days is None:
            return {}
        from clerk.calendar import Pause

        today = local_date(now)
        pauses = []
        for p in rec.pauses:
            start = date.fromisoformat(p["start"])
            # A pause opened by the district can carry a later day than this station's
            # clock shows (clocks drift): it then ends, at the earliest, where it began.
            end = max(date.fromisoformat(p["end"]) if p["end"] else today, start)
            pauses.append(Pause(start, end, p["reason"]))
        due = self.ctx.calendar().due_date(local_date(rec.accepted_at), rec.limit_days, pauses)
        return {"due_date": due.day.isoformat(), "due_provisional": due.provisional}

    def start_special(self, case_no: str, procedure: str, clerk: str | None = None) -> CaseRecord:
        if not procedure.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "请写明特别程序（如公示、听证、专家评审）。"),
                code="special.procedure", field="procedure")
        return self._simple(case_no, EventType.SPECIAL_STARTED, {"procedure": procedure.strip()},
                            clerk)

    def end_special(self, case_no: str, result: str = "", clerk: str | None = None) -> CaseRecord:
        now = self.ctx.now()
        with self.ctx.store.write() as s:
            rec = load_by_case_no(s, case_no)
            payload: dict[str, Any] = {"result": result.strip()}
            payload.update(self._due_after_pause(rec, now))
            return self._apply(s, rec, rec.id, EventType.SPECIAL_ENDED, payload,
                               self._actor(s, clerk), now)

    def complete(self, case_no: str, *, delivery: str = "窗口领取", text: str = "",
                 rating: int | None = None, rating_comment: str = "",
                 rating_channel: RatingChannel | str = RatingChannel.DEVICE,
                 clerk: str | None = None) -> CaseRecord:
        """办结: hand the result over; the rating may be recorded at once or later."""
        now = self.ctx.now()
        with self.ctx.store.write() as s:
            rec = load_by_case_no(s, case_no)
            actor = self._actor(s, clerk)
            payload: dict[str, Any] = {
                "doc_no": allocate_doc_no(s, rec.station_code, "result", local_date(now)),
                "delivery": delivery.strip(), "text": text.strip(),
                "rating": _rating(s, actor, rating, rating_comment, rating_channel)
                if rating is not None else None}
            return self._apply(s, rec, rec.id, EventType.COMPLETED, payload, actor, now)

    def rate(self, case_no: str, score: int, comment: str = "",
             channel: RatingChannel | str = RatingChannel.DEVICE,
             clerk: str | None = None) -> CaseRecord:
        """Record the citizen's rating and where it came from (:mod:`clerk.ratings`)."""
        now = self.ctx.now()
        with self.ctx.store.write() as s:
            rec = load_by_case_no(s, case_no)
            actor = self._actor(s, clerk)
            _not_rated_by_citizen(s, rec.id)
            payload = {"rating": _rating(s, actor, score, comment, channel)}
            return self._apply(s, rec, rec.id, EventType.RATED, payload, actor, now)

    def decline_rating(self, case_no: str, clerk: str | None = None) -> CaseRecord:
        """The citizen does not want to rate: recorded without a score, naming the clerk
        who noted it. A rating the citizen gives later still counts (it replaces this)."""
        now = self.ctx.now()
        with self.ctx.store.write() as s:
            rec = load_by_case_no(s, case_no)
            _not_rated_by_citizen(s, rec.id)
            if is_declined(rec.rating):
                raise StateError(
                    QT_TRANSLATE_NOOP("errors", "已登记申请人不愿评价，无需再次登记。"),
                    code="rating.already_declined")
            actor = self._actor(s, clerk)
            name = s.execute(select(User.display_name).where(User.username == actor)).scalar()
            payload = {"rating": {"declined": True, "comment": "",
                                  **channel_payload(RatingChannel.DECLINED, actor,
                                                    name or actor)}}
            return self._apply(s, rec, rec.id, EventType.RATED, payload, actor, now)

    def withdraw(self, case_no: str, reason: str = "", clerk: str | None = None) -> CaseRecord:
        return self._simple(case_no, EventType.WITHDRAWN,
                            {"reason": reason.strip() or "申请人撤回申请"}, clerk)

    def comment(self, case_no: str, text: str, clerk: str | None = None) -> CaseRecord:
        if not text.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "留言不能为空。"),
                code="comment.empty", field="text")
        return self._simple(case_no, EventType.COMMENTED, {"text": text.strip()}, clerk)

    def _simple(self, case_no: str, etype: EventType, payload: dict[str, Any],
                clerk: str | None) -> CaseRecord:
        now = self.ctx.now()
        with self.ctx.store.write() as s:
            rec = load_by_case_no(s, case_no)
            return self._apply(s, rec, rec.id, etype, payload, self._actor(s, clerk), now)

    # --- reading -------------------------------------------------------------------
    def get(self, case_no: str) -> CaseRecord:
        with self.ctx.store.read() as s:
            return load_by_case_no(s, case_no)

    def timeline(self, case_no: str) -> list[Event]:
        with self.ctx.store.read() as s:
            rec = load_by_case_no(s, case_no)
            rows = s.execute(select(CaseEvent).where(CaseEvent.case_id == rec.id,
                                                     CaseEvent.sync_state != SUPERSEDED)
                             .order_by(CaseEvent.seq)).scalars()
            return [stored_event(r) for r in rows]

    def list(self, state: str | None = None, limit: int = 200) -> list[Case]:
        if state is not None and state not in {st.value for st in State}:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "未知状态 {state}；可用：{items}"),
                code="case.state", field="state",
                params={"state": state, "items": ', '.join(st.value for st in State)})
        with self.ctx.store.read() as s:
            q = select(Case).order_by(Case.received_at.desc()).limit(limit)
            if state:
                q = q.where(Case.state == state)
            return list(s.execute(q).scalars())

    def count(self) -> int:
        with self.ctx.store.read() as s:
            return int(s.execute(select(func.count()).select_from(Case)).scalar_one())


def file_documents(s: Session, rec: CaseRecord, actor: str, now: datetime,
                   keys: frozenset[str] | None = None, applicant_id: str | None = None
                   ) -> None:
    """Keep the government-issued certificates verified for this case on file (only
    those of `keys`, when given): at acceptance and supplement, on the counter that did
    it and, after a round, on the station's other counters (sync.pull)."""
    reusable = reusable_materials(rec.matter)
    for item in rec.materials.items:
        if item.status != ItemStatus.RECEIVED or (keys is not None and item.key not in keys):
            continue
        if reusable[item.key]:  # KeyError for a material the matter lacks, as before
            ap.record_document(s, applicant_id=applicant_id or applicant_row(s, rec.id),
                               material_key=item.key, name=item.name, verified_by=actor,
                               now=now,
                               source_case_id=rec.id,  # its first scan goes on file too
                               scan_sha256=item.scans[0].sha256 if item.scans else None)


def _reusable_of(matter: Any) -> Mapping[str, bool]:
    return {m.key: str(getattr(m.source, "value", m.source)) in REUSABLE_SOURCES
            for m in matter_from_dict(matter).materials}


#: Material key -> whether its source is a government record (a certificate kept on file
#: once verified), for a matter snapshot; a malformed one is refused, worded, by
#: `matter_from_dict`. Once per snapshot (clerk.cases.per_snapshot): a pull files the
#: documents of hundreds of other counters' cases under one snapshot, and reading the
#: matter took longer than filing.
reusable_materials = PerSnapshot(_reusable_of)


def applicant_row(s: Session, case_id: str) -> str:
    """The applicant id the case's row points at in this store (the survivor of a person
    taken at two counters: see clerk.applicants.local_applicant)."""
    return str(s.execute(select(Case.applicant_id).where(Case.id == case_id)).scalar_one())


def writes_slim(s: Session) -> bool:
    """Whether this station's events may carry slim checklist items: only once the
    district has said that it and every live device of the station read them
    (clerk.cases.event_forms)."""
    return SLIM_CHECKLIST in event_forms(s)


def event_forms(s: Session) -> frozenset[str]:
    """The leaner event forms this station may write (clerk.cases.event_forms)."""
    return parse_forms(settings.read(s, SYNC_EVENT_FORMS))


def stored_event(r: CaseEvent) -> Event:
    from datetime import UTC

    return Event(event_id=r.event_id, case_id=r.case_id, seq=r.seq, type=EventType(r.type),
                 payload=r.payload, actor=r.actor, origin=Side(r.origin),
                 occurred_at=r.occurred_at.replace(tzinfo=UTC), hash=r.hash)


def apply_changes(checklist: Checklist, ch: MaterialChanges) -> Checklist:
    for key in ch.applies:
        if checklist.item(key).status == ItemStatus.NOT_APPLICABLE:
            checklist = checklist.with_status(key, ItemStatus.MISSING)
    for key in ch.not_applicable:
        checklist = checklist.with_status(key, ItemStatus.NOT_APPLICABLE)
    for key in ch.missing:
        checklist = checklist.with_status(key, ItemStatus.MISSING)
    for key, promise in ch.deferred.items():
        checklist = checklist.with_status(key, ItemStatus.DEFERRED, promise_date=promise)
    for key in ch.received:
        checklist = checklist.with_status(key, ItemStatus.RECEIVED)
    for key, shas in ch.scans_dropped.items():
        checklist = checklist.without_scans(key, shas)
    for key, scans in ch.scans.items():
        checklist = checklist.with_scans(key, scans)
    return checklist


def _mark_on_file(checklist: Checklist, docs: Mapping[str, ap.DocumentView],
                  scan_of: Callable[[str], Scan | None] = lambda _sha: None) -> Checklist:
    """Missing items the applicant has a valid document on file for are taken from it,
    citing its scan when the station still has the file (the district then sees it)."""
    for item in checklist.items:
        doc = docs.get(item.key)
        if doc is not None and item.status == ItemStatus.MISSING:
            checklist = checklist.with_status(item.key, ItemStatus.ON_FILE, document_id=doc.id)
            scan = scan_of(doc.scan_sha256) if doc.scan_sha256 else None
            if scan is not None:
                checklist = checklist.with_scans(item.key, [scan])
    return checklist


def notice_items(rec: CaseRecord) -> list[dict[str, Any]]:
    checklist = rec.materials
    items = [{"key": it.key, "name": it.name, "form": it.form,
              "original_count": it.original_count, "copy_count": it.copy_count,
              "requirement": it.requirement} for it in checklist.outstanding]
    if not items:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "材料已齐全，应当场受理，不能出具补正告知。"),
            code="notice.nothing_missing")
    return items


def one_time_violations(rec: CaseRecord, items: Sequence[Mapping[str, Any]]) -> set[str]:
    """Keys a later notice adds beyond the first one (empty for the first notice)."""
    if not rec.notices:
        return set()
    return {str(i["key"]) for i in items} - rec.first_notice_keys


def _limit_days(matter: Mapping[str, Any]) -> int:
    if matter.get("case_kind") == "instant":
        return 0
    return int(matter.get("committed_limit_days") or matter.get("legal_limit_days") or 0)


def _not_rated_by_citizen(s: Session, case_id: str) -> None:
    """A rating the citizen gave on the district's progress page arrives as a note
    (clerk.ratings.CITIZEN_AUTHOR): one rating per case, so the counter asks no more."""
    given = s.execute(select(CaseNote.note_id).where(
        CaseNote.case_id == case_id, CaseNote.author == CITIZEN_AUTHOR,
        CaseNote.origin == Side.DISTRICT.value).limit(1)).first()
    if given is not None:
        raise StateError(
            QT_TRANSLATE_NOOP("errors",
                              "申请人已在手机上（办件进度页）评价了本件，每件只能评价一次。"),
            code="state.rated")


def _rating(s: Session, actor: str, score: int, comment: str,
            channel: RatingChannel | str) -> dict[str, Any]:
    if score not in RATING_LABELS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "评价等级须为 1–5（5 非常满意 … 1 非常不满意）。"),
            code="rating.score", field="rating")
    how = parse_channel(channel)
    if how == RatingChannel.DECLINED:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "申请人不愿评价时不记录评价等级；请登记“申请人不愿评价”。"),
            code="rating.declined_score", field="channel")
    name = s.execute(select(User.display_name).where(User.username == actor)).scalar()
    return {"score": score, "label": RATING_LABELS[score], "comment": comment.strip(),
            **channel_payload(how, actor, name or actor), "bad": score <= 2}
