"""One sync round and the station's sync configuration, status and reconciliation.

`sync_round(ws)` does, in this order: scans (before the events that cite them), push
(events, then notes), pull (with the cursor saved in the same transaction as the
changes), catalog, calendar. A transport failure ends the round; whatever was acked
before it stays acked and the rest simply waits for the next round. The UI runs this in
a background operation and shows `status(ws)` in its status bar.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk import options
from clerk.cases.states import EVENT_LABELS, EventType
from clerk.errors import QT_TRANSLATE_NOOP, StateError
from clerk.store.models import Case, CaseEvent, CaseNote, Setting, SyncQuarantine
from clerk.timeutil import local_date
from clerk.workspace import Workspace
from sync import credentials, outbox, pull, reference
from sync.blobs import BlobReport, BlobUploader
from sync.client import AuthError, DistrictClient, SyncError, normalize_server
from sync.retry import RetryPolicy, TransportError
from sync.wire import MAX_BATCH, LedgerCount, ledger_count

# Declared with their defaults in clerk.options.
SERVER_KEY = options.SYNC_SERVER_URL.key
CA_KEY = options.SYNC_CA_BUNDLE.key
LAST_SUCCESS = options.SYNC_LAST_SUCCESS.key
LAST_ATTEMPT = options.SYNC_LAST_ATTEMPT.key
LAST_ERROR = options.SYNC_LAST_ERROR.key


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


def make_client(ws: Workspace, *, token: str | None = None,
                retry: RetryPolicy | None = None) -> DistrictClient:
    """A client for the configured district, with the token from the keyring."""
    with ws.store.read() as s:
        server, ca = _setting(s, SERVER_KEY), _setting(s, CA_KEY)
    if not server:
        raise SyncError(
            QT_TRANSLATE_NOOP("errors", "本站尚未登记到区中心；"
                                        "请先运行 `python -m clerk enroll --server URL --code 登"
                                        "记码`。"),
            code="sync.not_enrolled")
    if token is None:
        token = credentials.load_token(server)
        if token is None:
            if not credentials.usable():
                raise SyncError(credentials.NO_BACKEND, code="keyring.none")
            raise SyncError(
                QT_TRANSLATE_NOOP("errors", "密钥环中没有本站的设备令牌；请重新登记（enroll）。"),
                code="sync.no_token")
    return DistrictClient(server, token=token, ca_bundle=ca or None, retry=retry)


@dataclass(frozen=True)
class Enrolled:
    server: str
    station_code: str
    station_name: str


def enroll(ws: Workspace, server: str, code: str, *, ca_bundle: str | None = None,
           store_token: bool = True) -> tuple[Enrolled, str]:
    """Exchange the enrollment code for a device token and keep it in the keyring.

    The keyring is checked *before* the code is spent, so a machine without a usable
    backend is told so without wasting the code. Returns the token only for callers that
    chose `store_token=False` (no keyring: the person keeps it and types it each session).
    """
    server = normalize_server(server)
    if store_token:
        credentials.require_usable()
    station = ws.station()
    if station is None:
        raise StateError("本机尚未初始化站点，请先运行 init。", code="station.uninitialised")
    with DistrictClient(server, ca_bundle=ca_bundle) as client:
        answer = client.enroll(station.code, code)
    if answer.station_code != station.code:
        raise SyncError(
            QT_TRANSLATE_NOOP("errors", "区中心返回的站点编码与本站不符，未保存令牌。"),
            code="enroll.mismatch")
    if store_token:
        credentials.store_token(server, answer.token)
    with ws.store.write() as s:
        _put(s, SERVER_KEY, server)
        _put(s, CA_KEY, ca_bundle or "")
    return Enrolled(server, answer.station_code, answer.station_name), answer.token


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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        p, q, r, b = self.push, self.pull, self.reference, self.blobs
        out = [f"推送：{p.sent} 条事件（接收 {p.accepted}，重复 {p.duplicates}，"
               f"拒收 {len(p.rejected)}）" + (f"，{p.held_back} 条待扫描件" if p.held_back else "")]
        out += [f"  拒收 {x.event_id[:8]}：{x.code} {x.message}" for x in p.rejected[:20]]
        if p.notes_sent:
            out.append(f"留言：推送 {p.notes_sent} 条（确认 {p.notes_acked}，"
                       f"拒收 {p.notes_rejected}）")
        if b.uploaded or b.failed:
            failed = f"，失败 {len(b.failed)}" if b.failed else ""
            out.append(f"扫描件：上传 {b.uploaded}{failed}")
        out.append(f"拉取：{q.events} 条事件，{q.notes} 条留言"
                   + (f"，{q.quarantined} 条无法应用（已隔离）" if q.quarantined else ""))
        if q.tasks:
            out.append("退回补正（待办）：" + "、".join(q.tasks))
        if q.decisions:
            out.append("已有结果、待交付：" + "、".join(q.decisions))
        if r.catalog_changed:
            out.append(f"事项目录已更新（新增 {r.matters_added} 个版本）")
        if r.calendar_changed:
            out.append(f"节假日已更新：{'、'.join(map(str, r.years))} 年；"
                       f"重算 {r.due_recomputed} 个暂定到期日")
        out.append("同步完成。" if self.ok else f"同步未完成：{self.error}")
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
        uploader = BlobUploader(ws, client)
        report.push = outbox.push_events(ws, client, blob_gate=uploader, batch_size=batch_size)
        report.blobs = uploader.report
        outbox.push_notes(ws, client, report.push)
        report.pull = pull.pull_all(ws, client)
        reference.update_catalog(ws, client, report.reference)
        reference.update_calendar(ws, client, report.reference)
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
    return _finish(ws, report, "", "")


def _finish(ws: Workspace, report: SyncReport, error: str, code: str) -> SyncReport:
    report.error, report.error_code = error, code
    report.finished_at = ws.now()
    stamp = report.finished_at.astimezone(UTC).isoformat()
    with ws.store.write() as s:
        _put(s, LAST_ATTEMPT, stamp)
        _put(s, LAST_ERROR, error)
        if report.ok:
            _put(s, LAST_SUCCESS, stamp)
    return report


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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def status(ws: Workspace) -> SyncStatus:
    with ws.store.read() as s:
        counts = outbox.counts(s)
        rejected = [RejectedEvent(case_no, seq, type_, EVENT_LABELS[EventType(type_)], err or "")
                    for case_no, seq, type_, err in s.execute(
                        select(Case.case_no, CaseEvent.seq, CaseEvent.type, CaseEvent.sync_error)
                        .join(Case, Case.id == CaseEvent.case_id)
                        .where(CaseEvent.sync_state == "rejected", CaseEvent.origin == "station")
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
            last_error=_setting(s, LAST_ERROR), cursor=pull.cursor(s))


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

    @property
    def reconciled(self) -> bool:
        return not self.differences


def local_ledger(s: Session) -> dict[tuple[date, str], LedgerCount]:
    """Per Beijing day and origin: the events both sides should hold (acked ones)."""
    ids: dict[tuple[date, str], list[str]] = defaultdict(list)
    for event_id, origin, occurred_at in s.execute(
            select(CaseEvent.event_id, CaseEvent.origin, CaseEvent.occurred_at)
            .where(CaseEvent.sync_state == "acked")):
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
    return Reconciliation(days, differences)
