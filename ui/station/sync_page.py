"""同步 (station mode): the station's link with its district.

:class:`SyncController` runs sync rounds (`sync.engine.sync_round`): in the background
every few minutes once the station is enrolled, and at once on "立即同步". Rounds run in
a parallel worker, not on the serial database worker: a round spends most of its time
waiting on the network (retries included when the district is unreachable), and the
clerk's own database work must not queue behind it. The round's transactions take turns
with the clerk's (clerk.store.write_turns), and the longest of them, applying a page of
other counters' steps, ends early for a clerk's save that waits (sync.pull.apply_page).

:class:`SyncPage` shows the truth: server, online or not after the last attempt, events
and notes waiting, rejected events with the district's reasons, pulled events that
could not be applied, the last round's report, and reconciliation with the district's
ledger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk.options import SYNC_INTERVAL_MINUTES
from clerk.timeutil import local_time
from ui.common.operations import Operation, error_text
from ui.common.widgets import (
    AMBER,
    GREEN,
    GREY,
    RED,
    ListModel,
    ListRow,
    event_label,
    list_view,
)
from ui.station.conflict_banner import DISCARD, REDO, ConflictActions
from ui.station.session import Session

if TYPE_CHECKING:
    from clerk.sync_status import StationSyncStatus as LightStatus
    from clerk.workspace import Workspace
    from sync.engine import Reconciliation, RejectedEvent, SyncReport, SyncStatus
    from ui.station.enroll_dialog import EnrollDialog

FIRST_ROUND_MS = 10_000


class StatusLike(Protocol):
    """Either status: the light one below or `sync.engine.SyncStatus`."""

    @property
    def server(self) -> str: ...
    @property
    def pending(self) -> int: ...
    @property
    def last_success(self) -> str: ...
    @property
    def last_attempt(self) -> str: ...
    @property
    def last_error(self) -> str: ...
    @property
    def last_problems(self) -> Sequence[ProblemLike]: ...
    @property
    def client_version(self) -> str: ...
    @property
    def client_where(self) -> str: ...


class ProblemLike(Protocol):
    """`sync.engine.Problem`: a marked template and its values."""

    @property
    def template(self) -> str: ...
    @property
    def params(self) -> dict[str, str]: ...


# The station stores a refusal as "code: words" (sync.outbox); the code is for support.
_CODED = re.compile(r"^([a-z][a-z0-9_.]*):\s*(.+)$", re.DOTALL)


def split_reason(stored: str) -> tuple[str, str]:
    """The district's words for a refusal and its code (shown only as a detail)."""
    found = _CODED.match(stored.strip())
    return (found.group(2), found.group(1)) if found else (stored, "")


def problem_text(problem: ProblemLike) -> str:
    """A round's problem in the interface language (values that are marked words too)."""
    words = QCoreApplication.translate("errors", problem.template)
    params = dict(problem.params)
    if "reason" in params:
        params["reason"] = split_reason(params["reason"])[0]
    values = {k: QCoreApplication.translate("errors", v) for k, v in params.items()}
    try:
        return words.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return problem.template.format(**params)


def light_status(ws: Workspace) -> LightStatus:
    """What the status bar needs, read without importing the sync client (start-up)."""
    return ws.sync_status()


@dataclass(frozen=True)
class LinkState:
    """What the status bar says about the district."""

    configured: bool
    online: bool | None  # None: no attempt yet
    error: str
    last_success: str  # local time, "" when never
    # The last finished round's problems, worded in the interface language: a round
    # "done with problems" is amber, never green.
    problems: tuple[str, ...] = ()
    # "有新版本 X（获取方式：…）" when the district announces a newer workstation, else "".
    update: str = ""

    @classmethod
    def of(cls, status: StatusLike) -> LinkState:
        online = None
        if status.last_attempt:
            online = not status.last_error
        problems = tuple(problem_text(p) for p in status.last_problems) if online else ()
        return cls(bool(status.server), online, status.last_error,
                   _local(status.last_success), problems,
                   update_notice(status.client_version, status.client_where))


def update_notice(announced: str, where: str, own: str | None = None) -> str:
    """The notice of a newer version, or "" (nothing is downloaded or installed)."""
    from clerk.version import is_newer, own_version

    if not is_newer(announced, own_version() if own is None else own):
        return ""
    return QCoreApplication.translate("SyncPage", "有新版本 {version}（获取方式：{where}）").format(
        version=announced, where=where or QCoreApplication.translate("SyncPage", "请联系区中心"))


def _local(stamp: str) -> str:
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return local_time(moment).strftime("%m-%d %H:%M")


def run_round(ws: Workspace) -> SyncReport:
    """One round with a short retry budget: a person is waiting for the answer."""
    from apiclient.http import SyncError
    from apiclient.keyring_backend import CredentialsError
    from apiclient.retry import RetryPolicy
    from sync import engine

    try:
        client = engine.make_client(ws, retry=RetryPolicy(attempts=2, cap=4.0))
    except SyncError:
        return engine.sync_round(ws)  # records the attempt and says why it cannot sync
    except CredentialsError as exc:
        return _failed(ws, exc.message)
    try:
        return engine.sync_round(ws, client)
    finally:
        client.close()


def _failed(ws: Workspace, message: str) -> SyncReport:
    from sync import engine

    return engine.SyncReport(started_at=ws.now(), finished_at=ws.now(), error=message,
                             error_code="keyring")


def reconcile(ws: Workspace) -> Reconciliation:
    from sync import engine

    with engine.make_client(ws) as client:
        return engine.reconcile(ws, client)


class SyncController(QObject):
    """Background and on-demand sync rounds of one workspace (one per window)."""

    started = Signal()
    finished = Signal(object)  # SyncReport
    status_changed = Signal(object)  # SyncStatus

    def __init__(self, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.running = False
        self._again = False
        self.last_report: SyncReport | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)

    def start(self) -> None:
        """Background rounds every `sync.interval_minutes` (default 5) once enrolled."""
        minutes = self.ws.settings.get(SYNC_INTERVAL_MINUTES)  # 0: no background rounds
        if minutes <= 0:
            return
        self.timer.start(int(minutes * 60_000))
        QTimer.singleShot(FIRST_ROUND_MS, self, self._first)  # cancelled with the window

    def _first(self) -> None:
        if shiboken6.isValid(self) and not self.running:
            self.sync_now(only_if_enrolled=True)

    def sync_now(self, only_if_enrolled: bool = True) -> None:
        if self.running:
            self._again = True
            return
        ws = self.ws

        def work() -> SyncReport | None:
            from sync import engine

            if only_if_enrolled and not engine.server_url(ws):
                return None
            return run_round(ws)

        self.running = True
        self.started.emit()
        Operation(work, serial=False).success(self._done).failure(self._crashed) \
            .run_in_background()

    def _done(self, report: SyncReport | None) -> None:
        self.running = False
        if report is not None:
            self.last_report = report
            self.finished.emit(report)
        self.refresh_status()
        if self._again:
            self._again = False
            self.sync_now()

    def _crashed(self, exc: Exception) -> None:
        self.running = False
        from ui.common.operations import message_bridge

        message_bridge().error.emit(error_text(exc))
        self.refresh_status()

    def refresh_status(self) -> None:
        ws = self.ws

        def work() -> SyncStatus:
            from sync import engine

            return engine.status(ws)

        Operation(work).success(self.status_changed.emit).run_in_background()


_controllers: dict[int, SyncController] = {}


def sync_controller(ws: Workspace, parent: QObject | None = None) -> SyncController:
    """The controller of `ws` (created on first use; the window owns it)."""
    ctrl = _controllers.get(id(ws))
    if ctrl is None or not shiboken6.isValid(ctrl) or ctrl.ws is not ws:
        ctrl = SyncController(ws, parent)
        _controllers[id(ws)] = ctrl
    return ctrl


class SyncPage(QWidget):
    """同步: status, rejected events with reasons, reconciliation, "立即同步"."""

    loaded = Signal()  # the status is shown
    reconciled = Signal(object)  # Reconciliation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self.controller: SyncController | None = None
        self.status: SyncStatus | None = None
        self.enroll_dialog: EnrollDialog | None = None
        self._build()

    # --- public -------------------------------------------------------------------
    def attach(self, session: Session) -> None:
        self._session = session
        self.controller = sync_controller(session.ws, self.window())
        self.controller.status_changed.connect(self._show_status)
        self.controller.finished.connect(self._show_report)
        self.controller.started.connect(self._started)
        if self.controller.last_report is not None:
            self._show_report(self.controller.last_report)
        self.controller.refresh_status()
        self.enroll_button.setVisible(session.is_admin)

    def _started(self) -> None:
        # A bound method, not a lambda: the controller outlives a page discarded at the
        # next sign-in, and Qt disconnects a deleted page's methods by itself.
        self._busy(True)

    def refresh(self) -> None:
        if self.controller is not None:
            self.controller.refresh_status()

    def sync_now(self) -> None:
        if self.controller is not None:
            self.controller.sync_now(only_if_enrolled=False)

    def enroll(self) -> None:
        """登记到区中心 (admins): the enrollment code for a device token, then a round."""
        from ui.station.enroll_dialog import EnrollDialog

        session = self._session
        if session is None:
            return
        dialog = EnrollDialog(session.ws, self.status.server if self.status else "", self)
        dialog.enrolled.connect(lambda _e: self.sync_now())
        dialog.open()
        self.enroll_dialog = dialog

    def reconcile(self) -> None:
        session = self._session
        if session is None:
            return
        ws = session.ws
        self.reconcile_button.setEnabled(False)
        self.reconcile_label.setText(self.tr("正在与区中心台账核对…"))

        def failed(exc: Exception) -> None:

            self.reconcile_button.setEnabled(True)
            self.reconcile_label.setText(error_text(exc))
            self.reconcile_label.setStyleSheet(f"color: {RED[0]};")

        Operation(lambda: reconcile(ws), parent=self, serial=False) \
            .success(self._show_reconciliation).failure(failed).run_in_background()

    # --- construction -------------------------------------------------------------
    def _build(self) -> None:
        self.state_label = QLabel(self.tr("正在读取同步状态…"))
        self.state_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.server_label = QLabel()
        self.device_label = QLabel()
        self.counts_label = QLabel()
        self.times_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {RED[0]};")
        self.sync_button = QPushButton(self.tr("立即同步"))
        self.sync_button.setMinimumHeight(36)
        self.sync_button.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.sync_button.setShortcut("F5")
        self.sync_button.clicked.connect(self.sync_now)
        self.reconcile_button = QPushButton(self.tr("与区中心对账"))
        self.reconcile_button.clicked.connect(self.reconcile)
        self.enroll_button = QPushButton(self.tr("登记到区中心…"))
        self.enroll_button.clicked.connect(self.enroll)
        self.enroll_button.hide()  # for the station's admins (attach)
        self.update_label = QLabel()
        self.update_label.setWordWrap(True)
        self.update_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.update_label.setStyleSheet(f"color: {AMBER[0]}; font-weight: bold;")
        self.update_label.hide()
        self.reconcile_label = QLabel(self.tr("尚未对账。"))
        self.reconcile_label.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(self.state_label, 0, 0, 1, 2)
        grid.addWidget(self.server_label, 1, 0, 1, 2)
        grid.addWidget(self.device_label, 2, 0, 1, 2)
        grid.addWidget(self.counts_label, 3, 0, 1, 2)
        grid.addWidget(self.times_label, 4, 0, 1, 2)
        grid.addWidget(self.error_label, 5, 0, 1, 2)
        grid.addWidget(self.update_label, 6, 0, 1, 2)
        buttons = QVBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.reconcile_button)
        buttons.addWidget(self.enroll_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(grid, 1)
        top.addLayout(buttons)
        self.rejected = ListModel((self.tr("办件编号"), self.tr("序号"), self.tr("环节"),
                                   self.tr("区中心拒收原因")), self, centred=(1,))
        self.rejected_view = list_view(self.rejected, stretch=3)
        self.rejected_view.doubleClicked.connect(self._open_case)
        self.quarantine = ListModel((self.tr("案件"), self.tr("序号"), self.tr("代码"),
                                     self.tr("原因")), self, centred=(1,))
        self.conflicts = ListModel((self.tr("办件编号"), self.tr("已在案件中（另一窗口或区中心）"),
                                    self.tr("本机未被接收的操作"), self.tr("区中心答复")),
                                   self, centred=())
        self.conflicts_view = list_view(self.conflicts, stretch=1)
        self.redo_button = QPushButton(self.tr("在当前版本上重做"))
        self.conflict_actions = ConflictActions(self)
        self.redo_button.clicked.connect(lambda: self._resolve(REDO))
        self.discard_button = QPushButton(self.tr("放弃本机操作"))
        self.discard_button.clicked.connect(lambda: self._resolve(DISCARD))
        self.conflict_label = QLabel(self.tr("两个窗口离线办理了同一案件时，后同步的一方的操作"
                                             "不会覆盖先到的：两个版本都在这里，请选择。"))
        self.conflict_label.setWordWrap(True)
        conflict_box = QWidget()
        conflict_layout = QVBoxLayout(conflict_box)
        conflict_layout.setContentsMargins(0, 4, 0, 0)
        conflict_layout.addWidget(self.conflict_label)
        conflict_layout.addWidget(self.conflicts_view, 1)
        conflict_buttons = QHBoxLayout()
        conflict_buttons.addWidget(self.redo_button)
        conflict_buttons.addWidget(self.discard_button)
        conflict_buttons.addStretch(1)
        conflict_layout.addLayout(conflict_buttons)
        self.devices = ListModel((self.tr("设备"), self.tr("窗口号"), self.tr("最近联系")),
                                 self, centred=(1,))
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setPlaceholderText(self.tr("本次运行尚未同步。"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.rejected_view, self.tr("被拒绝的事件"))
        self.tabs.addTab(list_view(self.quarantine, stretch=3), self.tr("无法应用的区中心事件"))
        self.tabs.addTab(self.report_view, self.tr("上次同步报告"))
        self.tabs.addTab(conflict_box, self.tr("同步冲突"))
        self.tabs.addTab(list_view(self.devices, stretch=2), self.tr("本站设备"))
        self.reconcile_model = ListModel((self.tr("日期"), self.tr("事件来源"), self.tr("本站条数"),
                                          self.tr("区中心条数"), self.tr("差异")), self,
                                         centred=(2, 3, 4))
        self.reconcile_view = list_view(self.reconcile_model, stretch=1)
        self.tabs.addTab(self.reconcile_view, self.tr("对账差异"))
        reconcile_box = QHBoxLayout()
        reconcile_box.addWidget(QLabel(self.tr("对账：")))
        reconcile_box.addWidget(self.reconcile_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(top)
        layout.addLayout(reconcile_box)
        layout.addWidget(self.tabs, 1)

    # --- showing ------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        self.sync_button.setEnabled(not busy)
        if busy:
            self.state_label.setText(self.tr("● 正在同步…"))
            self.state_label.setStyleSheet(f"font-size: 14pt; font-weight: bold; "
                                           f"color: {AMBER[0]};")

    def _show_status(self, status: SyncStatus) -> None:
        self.status = status
        link = LinkState.of(status)
        running = self.controller is not None and self.controller.running
        self.sync_button.setEnabled(not running)
        if running:
            self._busy(True)
        elif not link.configured:
            self._state(self.tr("● 未登记到区中心"), GREY[0])
        elif link.online is None:
            self._state(self.tr("● 尚未同步"), AMBER[0])
        elif link.online and link.problems:
            self._state(self.tr("● 上次同步完成，但有 {n} 个问题").format(n=len(link.problems)),
                        AMBER[0])
        elif link.online:
            self._state(self.tr("● 在线：上次同步成功"), GREEN[0])
        else:
            self._state(self.tr("● 离线：上次同步没有完成"), RED[0])
        self.server_label.setText(self.tr("区中心：{server}").format(
            server=status.server or self.tr("未登记（管理员点“登记到区中心…”，输入区中心地址"
                                            "和登记码）")))
        self.device_label.setText(self.tr("本机：{name}（窗口号 {number}，是本机案件编号的"
                                          "一部分）").format(
            name=status.device_name or self.tr("尚未登记为本站的设备"),
            number=f"{status.device_no:02d}"))
        self.counts_label.setText(self.tr(
            "待同步：{pending} 条事件、{notes} 条留言；区中心已确认 {acked} 条；"
            "被拒绝 {rejected} 条").format(pending=status.pending, notes=status.notes_pending,
                                          acked=status.acked, rejected=len(status.rejected)))
        self.times_label.setText(self.tr("上次成功同步：{ok}　上次尝试：{tried}").format(
            ok=_local(status.last_success) or self.tr("从未"),
            tried=_local(status.last_attempt) or self.tr("从未")))
        if link.problems:
            self.error_label.setText("\n".join(f"· {p}" for p in link.problems))
            self.error_label.setStyleSheet(f"color: {AMBER[0]};")
        else:
            self.error_label.setText(status.last_error)
            self.error_label.setStyleSheet(f"color: {RED[0]};")
        self.error_label.setVisible(bool(link.problems or status.last_error))
        self.update_label.setText(link.update)
        self.update_label.setVisible(bool(link.update))
        self.reconcile_button.setEnabled(link.configured)
        self.enroll_button.setText(self.tr("重新登记…") if link.configured
                                   else self.tr("登记到区中心…"))
        self.rejected.set_rows([self._rejected_row(r) for r in status.rejected])
        self.quarantine.set_rows([ListRow((str(q["case_id"])[:8], str(q["seq"]),
                                           str(q["code"]), str(q["message"])))
                                  for q in status.quarantined])
        self.tabs.setTabText(0, self.tr("被拒绝的事件（{n}）").format(n=len(status.rejected)))
        self._show_conflicts(status)
        self.loaded.emit()

    def _rejected_row(self, r: RejectedEvent) -> ListRow:
        words, code = split_reason(r.error)
        tip = self.tr("区中心的原因代码：{code}\n双击打开该办件核对。").format(code=code) if code \
            else self.tr("双击打开该办件核对。")
        return ListRow((r.case_no, str(r.seq), event_label(r.type), words), key=r.case_no,
                       colours={3: RED}, tooltips={3: tip})

    def _show_conflicts(self, status: SyncStatus) -> None:
        self.conflicts.set_rows([ListRow(
            (c.case_no, "、".join(f"{event_label(st.type)}（{st.actor}）" for st in c.theirs),
             "、".join(f"{event_label(st.type)}（{st.actor}）{st.summary}" for st in c.mine),
             c.refusal), key=c.case_no, colours={2: AMBER}, tooltips={2: c.text})
            for c in status.conflicts])
        self.tabs.setTabText(3, self.tr("同步冲突（{n}）").format(n=len(status.conflicts)))
        has = bool(status.conflicts)
        self.redo_button.setEnabled(has)
        self.discard_button.setEnabled(has)
        self.devices.set_rows([ListRow(
            (str(d.get("name", "")), f"{int(d['number']):02d}" if d.get("number") else "—",
             _local(str(d.get("last_seen_at") or "")) or self.tr("从未")))
            for d in status.devices])

    def _resolve(self, how: str) -> None:
        """Redo this PC's refused steps on the current case, or discard them (the same
        actions as the case detail's conflict banner)."""
        session = self._session
        rows = self.conflicts_view.selectionModel().selectedRows()
        if session is None or not self.conflicts.rowCount():
            return
        case_no = self.conflicts.row_at(rows[0].row() if rows else 0).key

        def failed(text: str) -> None:
            self.conflict_label.setText(text)
            self.conflict_label.setStyleSheet(f"color: {RED[0]};")

        def done(text: str) -> None:
            self.conflict_label.setStyleSheet("")
            self.conflict_label.setText(text)
            self.refresh()

        self.conflict_actions.resolve(self, session, case_no, how, done, failed)

    def _state(self, text: str, colour: str) -> None:
        self.state_label.setText(text)
        self.state_label.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {colour};")

    def _show_report(self, report: SyncReport) -> None:
        when = local_time(report.finished_at).strftime("%H:%M:%S") if report.finished_at else ""
        self.report_view.setPlainText("\n".join([when, *report.lines()]))
        session = self._session
        if session is not None:
            for case_no in (*report.pull.tasks, *report.pull.decisions):
                session.bus.case_changed.emit(case_no)

    def _show_reconciliation(self, result: Reconciliation) -> None:
        """A one-line verdict, and the days that differ as a table (its own tab)."""
        self.reconcile_button.setEnabled(True)
        self.reconcile_model.set_rows([ListRow((
            d.day.isoformat(),
            self.tr("本站事件") if d.origin == "station" else self.tr("区中心事件"),
            str(d.local.count), str(d.district.count),
            f"{d.local.count - d.district.count:+d}"), colours={4: RED})
            for d in result.differences])
        if result.reconciled:
            self.reconcile_label.setText(self.tr("已对账：{n} 天的事件与区中心一致。").format(
                n=result.days))
            self.reconcile_label.setStyleSheet(f"color: {GREEN[0]};")
        else:
            parts = []
            if result.differences:
                parts.append(self.tr("{n} 天的事件条数不一致（见“对账差异”）").format(
                    n=len(result.differences)))
            if result.refused:
                parts.append(self.tr("区中心拒收的本站事件 {n} 条").format(n=result.refused))
            if result.unsent:
                parts.append(self.tr("尚未被区中心接收的本站事件 {n} 条").format(
                    n=result.unsent))
            self.reconcile_label.setText(
                self.tr("有差异：{0}。先点“立即同步”，仍有差异请联系区中心。").format(
                    "；".join(parts)))
            self.reconcile_label.setStyleSheet(f"color: {AMBER[0]};")
            if result.differences:
                self.tabs.setCurrentWidget(self.reconcile_view)
        self.reconciled.emit(result)

    def _open_case(self, index: QModelIndex) -> None:
        if index.isValid() and self._session is not None:
            self._session.bus.open_case.emit(self.rejected.row_at(index.row()).key)


__all__ = ["LinkState", "SyncController", "SyncPage", "sync_controller"]
