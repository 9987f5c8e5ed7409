"""One sync round and the station's sync configuration, status and reconciliation.

`sync_round(ws)` does, in this order: who-am-I (whose token, and what the round reads
last), scans (before the events that cite them), push (events, then notes), pull (with
the cursor saved in the same transaction as the changes), devices, catalog, calendar,
announced version. A transport failure ends the round; whatever was acked
before it stays acked and the rest simply waits for the next round. The UI runs this in
a background operation and shows `status(ws)` in its status bar.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from apiclient.http import AuthError, SyncError, normalize_server
from apiclient.retry import RetryPolicy, TransportError
from clerk import numbering, options
from clerk.cases import conflicts
from clerk.cases.event_forms import READS
from clerk.cases.states import EventType
from clerk.errors import QT_TRANSLATE_NOOP, StateError
from clerk.labels import EVENT_LABELS
from clerk.store.models import (
    Case,
    CaseEvent,
    CaseNote,
    Setting,
    Station,
    SyncConflict,
    SyncOutbox,
    SyncQuarantine,
)
from clerk.timeutil import local_date
from clerk.workspace import Workspace
from sync import credentials, outbox, pull, reference
from sync.blobs import BlobReport, BlobUploader
from sync.client import DistrictClient
from wire.protocol import MAX_BATCH, LedgerCount, WhoAmI, ledger_count

# Declared with their defaults in clerk.options.
SERVER_KEY = options.SYNC_SERVER_URL.key
CA_KEY = options.SYNC_CA_BUNDLE.key
LAST_SUCCESS = options.SYNC_LAST_SUCCESS.key
LAST_ATTEMPT = options.SYNC_LAST_ATTEMPT.key
LAST_ERROR = options.SYNC_LAST_ERROR.key
LAST_PROBLEMS = options.SYNC_LAST_PROBLEMS.key  # JSON: the problems of the last round that finished
PROGRESS_URL_KEY = options.SYNC_PROGRESS_URL.key  # the district's public progress page
EVENT_FORMS_KEY = options.SYNC_EVENT_FORMS.key  # what this device may write (who-am-I)
DEVICES_KEY = options.SYNC_DEVICES.key  # the station's devices, as of the last round
DEVICE_NAME_KEY = options.SYNC_DEVICE_NAME.key  # this PC's name at the district ("2号窗口")
# A random secret this PC generated; the district keeps sha256 of it with the enrollment
# code it spent, so this PC (and no other) may retry the enrollment after a lost answer.
DEVICE_SECRET_KEY = options.SYNC_DEVICE_SECRET.key

DONE, PROBLEMS, FAILED = "done", "problems", "failed"
#: `python -m clerk sync` exit status per outcome.
EXIT_STATUS = {DONE: 0, FAILED: 1, PROBLEMS: 3}


@dataclass(frozen=True)
class Problem:
    """One thing a finished round could not do, worded for the clerk with what to do.

    `template` is marked for translation ("errors" context) and filled with `params`,
    so the workstation shows it in its interface language.
    """

    kind: str  # rejected | held_back | quarantined | conflict | publication
    template: str
    params: dict[str, str]

    @property
    def text(self) -> str:
        return self.template.format(**self.params)


REJECTED_WORDS = QT_TRANSLATE_NOOP(
    "errors", "区中心拒收了 {count} 个事件（案件 {cases}），例如：{reason}。请在“同步”页查看"
              "每条原因；按原因更正后，由管理员运行 python -m clerk sync --retry-rejected "
              "重新推送，无法更正的请联系区中心。")
HELD_BACK_WORDS = QT_TRANSLATE_NOOP(
    "errors", "{count} 件案件因扫描件缺失或损坏暂未推送（{cases}）。请在案件中重新扫描该"
              "材料，或把原文件放回数据目录后再同步；运行 doctor 可查看是哪些文件。")
QUARANTINED_WORDS = QT_TRANSLATE_NOOP(
    "errors", "区中心的 {count} 条事件本站无法应用（已隔离，案件 {cases}）。请联系区中心核对这些"
              "案件。")
PUBLICATION_WORDS = QT_TRANSLATE_NOOP(
    "errors", "区中心发布的{what}本站无法使用：{reason}。本站继续使用原来的版本，已告知区中心；"
              "请联系区中心更正后重新发布。")
CONFLICTS_WORDS = QT_TRANSLATE_NOOP(
    "errors", "{count} 件案件与本站另一窗口的操作冲突（{cases}）：另一窗口已先办理，本机离线时"
              "的操作未被接收，已原样保留。请在“同步”页的“同步冲突”中核对，选择在当前版本上重做"
              "或放弃（python -m clerk conflicts list）。")
CATALOG_WORD = QT_TRANSLATE_NOOP("errors", "事项目录")
CALENDAR_WORD = QT_TRANSLATE_NOOP("errors", "节假日安排")


# --------------------------------------------------------------------------- configuration


def _setting(s: Session, key: str) -> str:
    row = s.get(Setting, key)
    return row.value if row is not None else ""


def _put(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


def server_url(ws: Workspace) -> str:
    with ws.store.read() as s:
        return _setting(s, SERVER_KEY)


def _identity(s: Session) -> tuple[str, int]:
    """This PC's station code and window number."""
    row = s.execute(select(Station.code)).first()
    return (row[0] if row else ""), numbering.device_no(s)


def stored_token(ws: Workspace) -> str | None:
    """This data directory's device token from the keyring (None when there is none)."""
    with ws.store.read() as s:
        server = _setting(s, SERVER_KEY)
        station, device = _identity(s)
    if not server:
        return None
    return credentials.load_token(server, station=station, device_no=device)


def make_client(ws: Workspace, *, token: str | None = None,
                retry: RetryPolicy | None = None) -> DistrictClient:
    """A client for the configured district, with this device's token from the keyring."""
    with ws.store.read() as s:
        server, ca = _setting(s, SERVER_KEY), _setting(s, CA_KEY)
    if not server:
        raise SyncError(
            QT_TRANSLATE_NOOP("errors", "本站尚未登记到区中心，还不能同步。请管理员在“同步”页"
                                        "点“登记到区中心…”，填写区中心地址和区中心给的登记码。"),
            code="sync.not_enrolled")
    if token is None:
        token = stored_token(ws)
        if token is None:
            if not credentials.usable():
                raise SyncError(credentials.NO_BACKEND, code="keyring.none")
            raise SyncError(
                QT_TRANSLATE_NOOP("errors", "密钥环中没有本机的设备令牌；请重新登记（enroll）。"),
                code="sync.no_token")
    return DistrictClient(server, token=token, ca_bundle=ca or None, retry=retry)


@dataclass(frozen=True)
class Enrolled:
    server: str
    station_code: str
    station_name: str
    device_name: str = ""
    device_no: int | None = None


def _device_secret(ws: Workspace) -> str:
    """This PC's device secret, made once and kept before any request uses it."""
    with ws.store.write() as s:
        secret = _setting(s, DEVICE_SECRET_KEY)
        if not secret:
            secret = secrets.token_hex(32)
            _put(s, DEVICE_SECRET_KEY, secret)
    return secret


def enroll(ws: Workspace, server: str, code: str, *, device_name: str = "",
           device_no: int | None = None, ca_bundle: str | None = None,
           store_token: bool = True) -> tuple[Enrolled, str]:
    """Exchange the enrollment code for this device's token and keep it in the keyring.

    The keyring is checked *before* the code is spent, so a machine without a usable
    backend is told so without wasting the code. `device_no` (本机窗口号) is saved first:
    it is part of every case number this PC makes from now on. The request is retried
    after a lost answer: the district knows this PC by its device secret and answers the
    retry with a fresh token (the one never received is revoked). Returns the token only
    for callers that chose `store_token=False` (no keyring: the person keeps it and types
    it each session).
    """
    server = normalize_server(server)
    if store_token:
        credentials.require_usable()
    station = ws.station()
    if station is None:
        raise StateError("本机尚未初始化站点，请先运行 init。", code="station.uninitialised")
    if device_name.strip():  # refused here, before the code is spent or sent
        numbering.validate_device_name(device_name)
    if device_no is not None:
        numbering.validate_device_no(device_no)
    with ws.store.write() as s:
        # The name given at set-up goes with its number; a new number without a name
        # takes the default ("N号窗口"), not the old number's name.
        kept = numbering.device_name(s) if device_no in (None, numbering.device_no(s)) else ""
        if device_no is not None:
            numbering.set_device_no(s, device_no)
        number = numbering.device_no(s)
        name = device_name.strip() or kept or numbering.default_device_name(number)
    key = hashlib.sha256(_device_secret(ws).encode("ascii")).hexdigest()
    with DistrictClient(server, ca_bundle=ca_bundle) as client:
        answer = client.enroll(station.code, code, device_name=name, device_no=number,
                               device_key=key)
    if answer.station_code != station.code or (answer.device_no or number) != number:
        raise SyncError(
            QT_TRANSLATE_NOOP("errors", "区中心返回的站点编码或窗口号与本机不符，未保存令牌。"),
            code="enroll.mismatch")
    if store_token:
        credentials.store_token(server, answer.token, station=station.code, device_no=number)
    with ws.store.write() as s:
        _put(s, SERVER_KEY, server)
        _put(s, CA_KEY, ca_bundle or "")
        _put(s, DEVICE_NAME_KEY, answer.device_name or name)
        numbering.set_device_no(s, number)
    return Enrolled(server, answer.station_code, answer.station_name,
                    answer.device_name or name, number), answer.token


IDENTITY_WORDS = QT_TRANSLATE_NOOP(
    "errors", "本机的设备令牌属于站点 {their_station} 的设备“{their_device}”（窗口号 "
              "{their_no}），而本机是站点 {station} 的窗口号 {no}；本轮未推送任何内容。"
              "可能是同一系统账户下的另一个数据目录登记时换掉了令牌：请管理员在“同步”页"
              "点“重新登记…”为本机重新登记。")


def check_identity(ws: Workspace, client: DistrictClient) -> WhoAmI:
    """Ask the district whose token this is before pushing anything; a token of another
    station or another window stops the round (nothing is sent, nothing marked refused).

    A PC enrolled before window numbers existed has none set: it takes the number the
    district gave its device when it migrated.
    """
    who = client.whoami(reads=READS)
    # Read first: a round with nothing to record takes no write turn (a clerk's save
    # never waits for it); what must be written is judged again inside the write.
    with ws.store.read() as s:
        changes = _settle_identity(s, who, write=False)
    if changes:
        with ws.store.write() as s:
            _settle_identity(s, who, write=True)
    return who


def _settle_identity(s: Session, who: WhoAmI, *, write: bool) -> bool:
    """Refuse a token of another station or window (SyncError); whether the district's
    answer changes what this PC keeps (its number, device name, event forms, progress
    page), recorded only when `write`."""
    station, number = _identity(s)
    adopt = not numbering.device_no_is_set(s) and who.device_no is not None
    if who.station_code == station and adopt:
        assert who.device_no is not None
        number = numbering.validate_device_no(who.device_no)
        if write:
            numbering.set_device_no(s, number)
    if who.station_code != station or (who.device_no is not None
                                       and who.device_no != number):
        raise SyncError(IDENTITY_WORDS.format(
            their_station=who.station_code, their_device=who.device_name or "?",
            their_no=who.device_no or "?", station=station, no=number),
            code="sync.identity")
    wanted = {EVENT_FORMS_KEY: ",".join(sorted(set(who.station_reads) & set(READS))),
              PROGRESS_URL_KEY: _progress_url(who.progress_base_url)}
    if who.device_name:
        wanted[DEVICE_NAME_KEY] = who.device_name
    stale = {k: v for k, v in wanted.items() if _setting(s, k) != v}
    if write:
        for key, value in stale.items():
            _put(s, key, value)
    return adopt or bool(stale)


def _progress_url(text: str) -> str:
    """The progress page's address as the district states it, if it is one a phone can
    open (printed in QR codes: anything else is dropped, and no code is printed)."""
    url = text.strip().rstrip("/")
    parts = urlsplit(url)
    if (parts.scheme not in ("http", "https") or not parts.hostname or parts.query
            or parts.fragment or len(url) > 200 or any(c.isspace() for c in url)):
        return ""
    return url


# --------------------------------------------------------------------------- one round


@dataclass
class SyncReport:
    ok: bool = False
    started_at: datetime | None = None
    finished_at: datetime | None = None
    blobs: BlobReport = field(default_factory=BlobReport)
    push: outbox.PushReport = field(default_factory=outbox.PushReport)
    pull: pull.PullReport = field(default_factory=pull.PullReport)
    reference: reference.ReferenceReport = field(default_factory=reference.ReferenceReport)
    error: str = ""
    error_code: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        """done, done with problems, or failed: never "done" while something was refused."""
        if not self.ok:
            return FAILED
        return PROBLEMS if self.problems else DONE

    @property
    def exit_status(self) -> int:
        return EXIT_STATUS[self.outcome]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["outcome"] = self.outcome
        for d, p in zip(data["problems"], self.problems, strict=True):
            d["text"] = p.text
        return data

    def lines(self) -> list[str]:
        p, q, r, b = self.push, self.pull, self.reference, self.blobs
        out = [f"推送：{p.sent} 条事件（接收 {p.accepted}，重复 {p.duplicates}，"
               f"拒收 {len(p.rejected)}）" + (f"，{p.held_back} 条待扫描件" if p.held_back else "")]
        out += [f"  拒收 {x.event_id[:8]}：{x.message or x.code}" for x in p.rejected[:20]]
        if p.notes_sent:
            out.append(f"留言：推送 {p.notes_sent} 条（确认 {p.notes_acked}，"
                       f"拒收 {p.notes_rejected}）")
        if b.uploaded or b.failed:
            failed = f"，失败 {len(b.failed)}" if b.failed else ""
            out.append(f"扫描件：上传 {b.uploaded}{failed}")
        out.append(f"拉取：{q.events} 条事件（其中本站其他窗口 {q.station_events} 条），"
                   f"{q.notes} 条留言"
                   + (f"，{q.quarantined} 条无法应用（已隔离）" if q.quarantined else ""))
        if q.conflicts:
            out.append("与其他窗口冲突：" + "、".join(dict.fromkeys(q.conflicts)))
        if q.rebased:
            out.append("补交材料已在当前版本上重新记入：" + "、".join(dict.fromkeys(q.rebased)))
        if q.tasks:
            out.append("退回补正（待办）：" + "、".join(q.tasks))
        if q.decisions:
            out.append("已有结果、待交付：" + "、".join(q.decisions))
        if r.catalog_changed:
            out.append(f"事项目录已更新（新增 {r.matters_added} 个版本）")
        if r.calendar_changed:
            out.append(f"节假日已更新：{'、'.join(map(str, r.years))} 年；"
                       f"重算 {r.due_recomputed} 个暂定到期日")
        if self.outcome == DONE:
            out.append("同步完成。")
        elif self.outcome == PROBLEMS:
            out.append(f"同步完成，但有 {len(self.problems)} 个问题：")
            out += [f"  · {x.text}" for x in self.problems]
        else:
            out.append(f"同步未完成：{self.error}")
        return out


def sync_round(ws: Workspace, client: DistrictClient | None = None, *,
               token: str | None = None, batch_size: int = MAX_BATCH) -> SyncReport:
    """Blobs, push, pull, catalog, calendar; returns what happened (never half-reports)."""
    report = SyncReport(started_at=ws.now())
    own_client = client is None
    try:
        client = client or make_client(ws, token=token)
    except SyncError as exc:
        return _finish(ws, report, exc.message, exc.code)
    try:
        who = check_identity(ws, client)
        uploader = BlobUploader(ws, client)
        report.push = outbox.push_events(ws, client, blob_gate=uploader, batch_size=batch_size)
        report.blobs = uploader.report
        outbox.push_notes(ws, client, report.push)
        report.pull = pull.pull_all(ws, client)
        with reference.last_reads(ws, client, who) as ahead:
            _keep_devices(ws, ahead)
            reference.update_catalog(ws, ahead, report.reference)
            reference.update_calendar(ws, ahead, report.reference)
            reference.update_client_version(ws, ahead)
        _tell_district(client, report.reference)
    except AuthError as exc:
        return _finish(ws, report, f"设备令牌无效或已被吊销：{exc.message}", "auth")
    except TransportError as exc:
        return _finish(ws, report, exc.message, "transport")
    except SyncError as exc:
        return _finish(ws, report, exc.message, exc.code)
    finally:
        if own_client and client is not None:
            client.close()
    report.ok = True
    report.problems = problems(ws, report)
    return _finish(ws, report, "", "")


def _keep_devices(ws: Workspace, client: reference.ReferenceSource) -> None:
    """The station's devices as the district lists them, for the 同步 page.

    Best effort: the list is only shown, so a lost or garbled answer keeps the last
    one rather than ending a round whose pushes and pulls were acknowledged. A refused
    token still ends the round (it is not this list's problem alone)."""
    try:
        devices = client.devices()
    except AuthError:
        raise
    except (SyncError, TransportError):
        return
    rows = [{"name": d.name, "number": d.number,
             "last_seen_at": d.last_seen_at.isoformat() if d.last_seen_at else ""}
            for d in devices]
    text = json.dumps(rows, ensure_ascii=False)
    with ws.store.read() as s:  # unchanged since the last round: nothing to write
        if _setting(s, DEVICES_KEY) == text:
            return
    with ws.store.write() as s:
        _put(s, DEVICES_KEY, text)


def _tell_district(client: DistrictClient, ref: reference.ReferenceReport) -> None:
    """Report a publication this station refused, so the district's admins see it.

    Best effort: the refusal is the round's problem either way, and a district that
    cannot take the report must not end the round.
    """
    for r in ref.refused:
        try:
            client.report_refusal(r["what"], r.get("etag", ""), r["reason"])
        except (SyncError, TransportError):
            continue


def _cases(ids: list[str], s: Session) -> tuple[int, str]:
    numbers = sorted(set(s.execute(select(Case.case_no).where(Case.id.in_(ids[:500])))
                         .scalars()))
    shown = "、".join(numbers[:5]) + ("等" if len(numbers) > 5 else "")
    return len(set(ids)), shown


def problems(ws: Workspace, report: SyncReport) -> list[Problem]:
    """What a finished round leaves undone, from the store (so a refusal of an earlier
    round still counts until it is dealt with) and from this round's report."""
    out: list[Problem] = []
    with ws.store.read() as s:
        rejected = list(s.execute(
            select(CaseEvent.case_id, CaseEvent.sync_error)
            .join(SyncOutbox, SyncOutbox.pos == CaseEvent.pos)
            .where(CaseEvent.sync_state == "rejected").order_by(CaseEvent.pos)))
        if rejected:
            _, cases = _cases([r[0] for r in rejected], s)
            out.append(Problem("rejected", REJECTED_WORDS, {
                "count": str(len(rejected)), "cases": cases,
                "reason": (rejected[0][1] or "（未说明）").rstrip("。.")}))
        if report.push.held_cases:
            n, cases = _cases(report.push.held_cases, s)
            out.append(Problem("held_back", HELD_BACK_WORDS, {"count": str(n), "cases": cases}))
        open_conflicts = list(s.execute(select(SyncConflict.case_no).where(
            SyncConflict.state == conflicts.OPEN).order_by(SyncConflict.detected_at)).scalars())
        if open_conflicts:
            shown = "、".join(open_conflicts[:5]) + ("等" if len(open_conflicts) > 5 else "")
            out.append(Problem("conflict", CONFLICTS_WORDS,
                               {"count": str(len(set(open_conflicts))), "cases": shown}))
        quarantined = list(s.execute(select(SyncQuarantine.case_id)).scalars())
        if quarantined:
            _, cases = _cases(quarantined, s)
            out.append(Problem("quarantined", QUARANTINED_WORDS,
                               {"count": str(len(quarantined)), "cases": cases or "—"}))
    for r in report.reference.refused:
        what = CATALOG_WORD if r["what"] == "catalog" else CALENDAR_WORD
        out.append(Problem("publication", PUBLICATION_WORDS,
                           {"what": what, "reason": r["reason"]}))
    return out


def _finish(ws: Workspace, report: SyncReport, error: str, code: str) -> SyncReport:
    report.error, report.error_code = error, code
    report.finished_at = ws.now()
    stamp = report.finished_at.astimezone(UTC).isoformat()
    with ws.store.write() as s:
        _put(s, LAST_ATTEMPT, stamp)
        _put(s, LAST_ERROR, error)
        if report.ok:
            _put(s, LAST_SUCCESS, stamp)
            _put(s, LAST_PROBLEMS, json.dumps(
                [asdict(p) for p in report.problems], ensure_ascii=False))
    return report


def last_problems(ws: Workspace) -> list[Problem]:
    """The problems of the last round that finished ([] when there were none)."""
    return parse_problems(ws.setting(LAST_PROBLEMS, ""))


def parse_problems(text: str) -> list[Problem]:
    try:
        items = json.loads(text) if text else []
        return [Problem(str(d["kind"]), str(d["template"]),
                        {str(k): str(v) for k, v in d["params"].items()}) for d in items]
    except (ValueError, KeyError, TypeError, AttributeError):
        return []


# --------------------------------------------------------------------------- status


@dataclass
class RejectedEvent:
    case_no: str
    seq: int
    type: str
    label: str
    error: str


@dataclass
class SyncStatus:
    server: str
    pending: int
    acked: int
    rejected: list[RejectedEvent]
    notes_pending: int
    quarantined: list[dict[str, Any]]
    last_success: str
    last_attempt: str
    last_error: str
    cursor: int
    last_problems: list[Problem] = field(default_factory=list)
    client_version: str = ""  # announced by the district (sync.reference)
    client_where: str = ""
    device_name: str = ""  # this PC at the district ("2号窗口"), "" before enrollment
    device_no: int = 1  # this PC's window number (part of its case numbers)
    devices: list[dict[str, Any]] = field(default_factory=list)  # the station's, last round
    conflicts: list[conflicts.ConflictView] = field(default_factory=list)  # open ones

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def status(ws: Workspace) -> SyncStatus:
    with ws.store.read() as s:
        counts = outbox.counts(s)
        rejected = [RejectedEvent(case_no, seq, type_, EVENT_LABELS[EventType(type_)], err or "")
                    for case_no, seq, type_, err in s.execute(
                        select(Case.case_no, CaseEvent.seq, CaseEvent.type, CaseEvent.sync_error)
                        .join(Case, Case.id == CaseEvent.case_id)
                        .join(SyncOutbox, SyncOutbox.pos == CaseEvent.pos)
                        .where(CaseEvent.sync_state == "rejected")
                        .order_by(CaseEvent.pos))]
        notes = s.execute(select(func.count()).select_from(CaseNote).where(
            CaseNote.sync_state == "pending", CaseNote.origin == "station")).scalar_one()
        quarantined = [{"event_id": q.event_id, "case_id": q.case_id, "seq": q.seq,
                        "code": q.code, "message": q.message}
                       for q in s.execute(select(SyncQuarantine)).scalars()]
        return SyncStatus(
            server=_setting(s, SERVER_KEY), pending=counts["pending"], acked=counts["acked"],
            rejected=rejected, notes_pending=int(notes), quarantined=quarantined,
            last_success=_setting(s, LAST_SUCCESS), last_attempt=_setting(s, LAST_ATTEMPT),
            last_error=_setting(s, LAST_ERROR), cursor=pull.cursor(s),
            last_problems=parse_problems(_setting(s, LAST_PROBLEMS)),
            client_version=_setting(s, reference.CLIENT_VERSION),
            client_where=_setting(s, reference.CLIENT_WHERE),
            device_name=_setting(s, DEVICE_NAME_KEY), device_no=numbering.device_no(s),
            devices=_devices(_setting(s, DEVICES_KEY)),
            conflicts=[conflicts.view(s, c) for c in s.execute(
                select(SyncConflict).where(SyncConflict.state == conflicts.OPEN)
                .order_by(SyncConflict.detected_at)).scalars()])


def _devices(text: str) -> list[dict[str, Any]]:
    try:
        rows = json.loads(text) if text else []
    except ValueError:
        return []
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


# --------------------------------------------------------------------------- reconciliation


@dataclass
class DayDifference:
    day: date
    origin: str  # station | district
    local: LedgerCount
    district: LedgerCount


@dataclass
class Reconciliation:
    days: int
    differences: list[DayDifference]
    # Station events the district refused, and events not yet accepted (held back or not
    # yet pushed): the two ledgers may agree while these are missing from both, so they
    # are differences too, never "reconciled" (DESIGN section 8).
    refused: int = 0
    unsent: int = 0

    @property
    def reconciled(self) -> bool:
        return not self.differences and not self.refused and not self.unsent


def local_ledger(s: Session) -> dict[tuple[date, str], LedgerCount]:
    """Per Beijing day and origin: the events both sides should hold (acked ones: those
    without an outbox row, the district's own included)."""
    ids: dict[tuple[date, str], list[str]] = defaultdict(list)
    for event_id, origin, occurred_at in s.execute(
            select(CaseEvent.event_id, CaseEvent.origin, CaseEvent.occurred_at)
            .where(~CaseEvent.pos.in_(select(SyncOutbox.pos)))):
        ids[(local_date(occurred_at.replace(tzinfo=UTC)), origin)].append(event_id)
    return {key: ledger_count(v) for key, v in ids.items()}


def reconcile(ws: Workspace, client: DistrictClient) -> Reconciliation:
    remote_days = client.ledger().days
    remote: dict[tuple[date, str], LedgerCount] = {}
    for d in remote_days:
        remote[(d.day, "station")] = d.station
        remote[(d.day, "district")] = d.district
    with ws.store.read() as s:
        local = local_ledger(s)
    empty = ledger_count([])
    differences = []
    for key in sorted(set(remote) | set(local)):
        mine, theirs = local.get(key, empty), remote.get(key, empty)
        if mine != theirs:
            differences.append(DayDifference(key[0], key[1], mine, theirs))
    days = len({k[0] for k in set(remote) | set(local)})
    with ws.store.read() as s:
        counts = outbox.counts(s)
    return Reconciliation(days, differences, refused=counts["rejected"],
                          unsent=counts["pending"])
