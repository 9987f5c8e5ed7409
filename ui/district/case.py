"""The detail pane of a district case: tabs (概况, 办理进程, 材料, 文书) and the 办理 panel.

Loading and every action run off the UI thread. An action names the version shown; when
someone else acted first the district answers 409 and the pane says so in plain words,
reloads, and leaves the decision to the reviewer again (nothing is merged or retried).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from staff_client.client import StaffClient, StaleError
from ui.common.case_view import CaseView
from ui.common.operations import error_text
from ui.common.widgets import AMBER, GREEN, RED
from ui.district.actions import ActionPanel
from ui.district.render import SCAN_SCHEME, DistrictCase, DistrictRenderer
from ui.district.session import DistrictSession, network
from wire.protocol import CaseDetail


def load_case(client: StaffClient, case_id: str) -> DistrictCase:
    detail = client.case(case_id)
    events = client.events(case_id).events
    return DistrictCase(detail, events)


class DistrictCaseView(CaseView):
    """Shows one case; offers the actions the staff member's role and the state allow.
    `loaded` and `case_changed` carry the case id."""

    action_done = Signal(str)  # the action that succeeded

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DistrictSession | None = None
        self._reveal = False
        self.data: DistrictCase | None = None
        self._renderer = DistrictRenderer(self)
        self._build()
        self.clear()

    # --- public -------------------------------------------------------------------
    def attach(self, session: DistrictSession) -> None:
        self._session = session

    @property
    def case_id(self) -> str | None:
        return self._key

    def _can_load(self) -> bool:
        return self._session is not None

    def _load(self, generation: int, case_id: str) -> None:
        assert self._session is not None
        network(self._session, lambda client: load_case(client, case_id), parent=self,
                done=lambda c: self._show(generation, c),
                failed=lambda text: self._load_failed(generation, text))

    def _switching(self) -> None:
        self._reveal = False
        self.reveal_row.hide()
        self.message("")

    def _shown_key(self, data: DistrictCase) -> str:
        return data.detail.case_id

    def clear(self) -> None:
        super().clear()
        self.header.setText(self.tr("<span style='color:#5f6368'>在上方列表中选择一个案件，"
                                    "查看材料、办理进程和站点文书。</span>"))
        self.documents_view.clear()
        self.panel.set_case(None, self._session)
        self.loaded.emit("")

    def act(self, action: str, fields: dict[str, Any]) -> None:
        """Send an action with the version shown (the panel's forms call this)."""
        session, c = self._session, self.data
        if session is None or c is None:
            return
        case_id, version = c.detail.case_id, c.detail.version
        self.panel.set_busy(True)

        def work(client: StaffClient) -> CaseDetail | str:
            try:
                return client.act(case_id, action, version, **fields)
            except StaleError as exc:
                return error_text(exc) or "stale"

        network(session, work, parent=self, done=lambda r: self._acted(action, r),
                failed=self._act_failed)

    def message(self, text: str, colours: tuple[str, str] = GREEN) -> None:
        fg, bg = colours
        self.banner.setStyleSheet(f"color: {fg}; background: {bg}; padding: 6px 8px;"
                                  " border-radius: 4px;")
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    # --- construction -------------------------------------------------------------
    def _build(self) -> None:
        self.documents_view = self._browser()
        self._build_tabs(self.documents_view)
        for view in (self.summary_view, self.timeline_view, self.materials_view):
            view.anchorClicked.connect(self._link)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self._build_reveal_row()
        self.panel = ActionPanel()
        self.panel.requested.connect(self.act)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.header)
        column.addWidget(self.banner)
        column.addWidget(self.reveal_row)
        column.addWidget(self.tabs, 1)
        body = QHBoxLayout(self)
        body.setContentsMargins(0, 4, 0, 0)
        body.setSpacing(0)
        body.addWidget(left, 1)
        body.addWidget(self.panel)

    def _build_reveal_row(self) -> None:
        """The small input that asks why before the district hands out a full record."""
        self.reveal_row = QWidget()
        row = QHBoxLayout(self.reveal_row)
        row.setContentsMargins(0, 2, 0, 2)
        row.addWidget(QLabel(self.tr("查看完整号码的理由：")))
        self.reveal_reason = QLineEdit()
        self.reveal_reason.setMaxLength(200)
        self.reveal_reason.setPlaceholderText(self.tr("例如：核对申请人身份（记入访问日志）"))
        self.reveal_reason.returnPressed.connect(self.confirm_reveal)
        row.addWidget(self.reveal_reason, 1)
        self.reveal_button = QPushButton(self.tr("显示"))
        self.reveal_button.clicked.connect(self.confirm_reveal)
        row.addWidget(self.reveal_button)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.reveal_row.hide)
        row.addWidget(cancel)
        self.reveal_row.hide()

    # --- showing ------------------------------------------------------------------
    def _names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        facets = self._session.facets if self._session else None
        if facets is not None:
            names.update({p.username: p.display_name for p in facets.staff})
            names.update({p.username: p.display_name for p in facets.proxies})
            names[facets.me.username] = facets.me.display_name
        return names

    def _show(self, generation: int, c: DistrictCase) -> None:
        if c.detail.masked:  # a reload hands out the masked record again
            self._reveal = False
        if self._loaded(generation, c):
            self.panel.set_case(c, self._session)

    def _render(self) -> None:
        c, session = self.data, self._session
        if c is None or session is None:
            return
        names = self._names()
        r = self._renderer
        self.header.setText(r.header(c))
        station = session.station_name(c.detail.station_code)
        self._set_html(self.summary_view, r.summary(c, station, names, self._reveal))
        self._set_html(self.timeline_view, r.timeline(c, names))
        self._set_html(self.materials_view, r.materials(c))
        self._set_html(self.documents_view, r.documents(c))

    def _load_failed(self, generation: int, text: str) -> None:
        if self._current(generation):
            self.message(text, RED)

    # --- links: reveal the ID number, open a scan -----------------------------------
    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("reveal:"):
            self.toggle_reveal()
        elif text.startswith(SCAN_SCHEME):
            self.open_scan(text[len(SCAN_SCHEME):])

    def toggle_reveal(self) -> None:
        """Hide the full numbers again, or show them: at once when the district already
        sent them (a proxy agent's own case), else after asking why (the district logs
        every full record it hands out, with the reason)."""
        c = self.data
        if c is None:
            return
        if self._reveal or not c.detail.masked:
            self._reveal = not self._reveal
            self._render()
            return
        self.reveal_reason.clear()
        self.reveal_row.show()
        self.reveal_reason.setFocus()

    def confirm_reveal(self) -> None:
        session, c = self._session, self.data
        if session is None or c is None:
            return
        reason = " ".join(self.reveal_reason.text().split())
        if len(reason) < 2:
            self.message(self.tr("请写明查看完整号码的理由。"), AMBER)
            return
        case_id, events = c.detail.case_id, c.events
        self.reveal_button.setEnabled(False)

        def shown(detail: CaseDetail) -> None:
            self.reveal_button.setEnabled(True)
            if self.data is None or self.data.detail.case_id != case_id:
                return  # another case is shown by now
            self.reveal_row.hide()
            self.message("")
            self.data = DistrictCase(detail, events)
            self._reveal = True
            self._render()

        def failed(text: str) -> None:
            self.reveal_button.setEnabled(True)
            self.message(text, RED)

        network(session, lambda client: client.reveal(case_id, reason), parent=self,
                done=shown, failed=failed)

    def open_scan(self, sha256: str) -> None:
        session = self._session
        if session is None:
            return
        from ui.district.scan import show_scan

        network(session, lambda client: client.blob(sha256), parent=self,
                done=lambda got: show_scan(got[0], got[1], sha256, self),
                failed=lambda text: self.message(text, RED))

    # --- actions ------------------------------------------------------------------
    def _acted(self, action: str, result: CaseDetail | str) -> None:
        self.panel.set_busy(False)
        if isinstance(result, str):
            self.message(self.tr("没有执行：这个案件刚刚被别人处理过（{why}）。"
                                 "已为您刷新到最新状态，请查看后重新决定。").format(why=result),
                         AMBER)
            self.action_failed.emit(result)
            self.reload()
            return
        done = {"take": self.tr("已接件。"), "assign": self.tr("已指派代办员。"),
                "proxy-step": self.tr("已记录代办进展。"),
                "return": self.tr("已退回站点补正；站点同步后即可看到。"),
                "special/start": self.tr("特别程序已开始，暂停计时。"),
                "special/end": self.tr("特别程序已结束，期限已顺延。"),
                "approve": self.tr("已准予；结果将在站点同步后交付。"),
                "deny": self.tr("已不予批准；结果将在站点同步后交付。"),
                "comment": self.tr("留言已发送。")}.get(action, "")
        self.message(done, GREEN)
        self.case_changed.emit(result.case_id)
        self.action_done.emit(action)
        self.reload()

    def _act_failed(self, text: str) -> None:
        self.panel.set_busy(False)
        self.message(text, RED)
        self.action_failed.emit(text)
