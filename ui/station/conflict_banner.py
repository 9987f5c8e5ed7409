"""A sync conflict where the clerk meets it: on the case's detail, and on the 同步 page.

Two counters acted on one case offline; the district took the other counter's step and
this PC's steps were set aside (clerk.cases.conflicts). The case detail shows an amber
banner over its tabs with both versions — what the case holds now (the district's
current step) and this PC's step that lost — and the two ways out: redo the steps on the
current case, or discard them. Both the banner and the 同步 page resolve through
:class:`ConflictActions`, so there is one place in the interface that does it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.operations import Operation, error_text
from ui.common.timeline import when
from ui.common.widgets import AMBER, RED, esc, event_label

if TYPE_CHECKING:
    from clerk.cases.conflicts import ConflictView, Step
    from ui.station.session import Session

REDO, DISCARD = "redo", "discard"


class ConflictActions(QObject):
    """Redo or discard this PC's refused steps on a case (``ws.conflicts``), in the
    background; on success the session's bus says the case changed."""

    def resolve(self, parent: QWidget, session: Session, case_no: str, how: str,
                done: Callable[[str], object], failed: Callable[[str], object]) -> None:
        """Run the resolution; `done` gets the outcome worded, `failed` the error's."""
        ws, clerk = session.ws, session.username

        def work() -> object:
            if how == REDO:
                return ws.conflicts.redo(case_no, clerk=clerk)
            return ws.conflicts.discard(case_no, clerk=clerk)

        def finished(_result: object) -> None:
            done(self.done_text(how, case_no))
            session.bus.case_changed.emit(case_no)

        Operation(work, parent=parent).success(finished) \
            .failure(lambda exc: failed(error_text(exc))).run_in_background()

    def done_text(self, how: str, case_no: str) -> str:
        text = (self.tr("已在 {case_no} 的当前版本上重做，下次同步时推送。") if how == REDO
                else self.tr("已放弃 {case_no} 上本机的操作（仍保留在记录中）。"))
        return text.format(case_no=case_no)


class ConflictBanner(QFrame):
    """The case's open conflict, both versions, redo / discard; hidden when none."""

    #: A conflict was resolved (the outcome worded); the pane reloads and shows it.
    resolved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBanner")
        fg, bg = AMBER
        self.setStyleSheet(f"QFrame#conflictBanner {{ background: {bg}; "
                           f"border: 1px solid {fg}; border-radius: 4px; }}")
        self._session: Session | None = None
        self._case_no = ""
        self.resolver = ConflictActions(self)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.redo_button = QPushButton(self.tr("在当前版本上重做"))
        self.redo_button.setToolTip(self.tr(
            "把本机的操作作为新的步骤办在案件的当前版本上（按当前状态重新检查），"
            "下次同步时推送。"))
        self.discard_button = QPushButton(self.tr("放弃本机操作"))
        self.discard_button.setToolTip(self.tr("案件保持现状；本机的操作仍保留在记录中。"))
        self.redo_button.clicked.connect(lambda: self._resolve(REDO))
        self.discard_button.clicked.connect(lambda: self._resolve(DISCARD))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.redo_button)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.message, 1)
        buttons.addStretch(0)  # the buttons keep their size while no message shows
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.hide()

    def attach(self, session: Session) -> None:
        self._session = session

    def show_conflicts(self, case_no: str, open_conflicts: list[ConflictView]) -> None:
        """Show the case's first open conflict (a later one shows once it is resolved)."""
        self._case_no = case_no
        self.message.hide()
        if not open_conflicts:
            self.hide()
            return
        self.text.setText(self.html(open_conflicts[0]))
        self._enable(True)
        self.show()

    def html(self, c: ConflictView) -> str:
        fg = AMBER[0]
        head = self.tr("同步冲突：两个窗口离线办理了本案，另一窗口（或区中心）先同步，"
                       "已办理第 {seq} 步；本机的操作未被区中心接收，已原样保留。"
                       ).format(seq=c.seq)
        theirs = "<br>".join(self._step(st) for st in c.theirs) or "—"
        mine = "<br>".join(self._step(st) for st in c.mine) or "—"
        answer = self.tr("区中心的答复：")
        now_title = self.tr("案件当前版本（已接收）")
        lost_title = self.tr("本机未被接收的操作")
        refusal = (f"<br><span style='color:#5f6368'>{esc(answer)}{esc(c.refusal)}</span>"
                   if c.refusal else "")
        return (f"<b style='color:{fg}'>{esc(head)}</b>"
                f"<table cellpadding='3' width='100%'><tr>"
                f"<td width='50%' valign='top'><b>{esc(now_title)}</b><br>{theirs}</td>"
                f"<td width='50%' valign='top'><b>{esc(lost_title)}</b><br>{mine}{refusal}"
                f"</td></tr></table>")

    def _step(self, st: Step) -> str:
        summary = f"：{esc(st.summary)}" if st.summary else ""
        return (f"{esc(event_label(st.type))}（{esc(st.actor)}，{esc(when(st.occurred_at))}）"
                f"{summary}")

    def _enable(self, on: bool) -> None:
        self.redo_button.setEnabled(on)
        self.discard_button.setEnabled(on)

    def _resolve(self, how: str) -> None:
        if self._session is None or not self._case_no:
            return
        self._enable(False)
        self.resolver.resolve(self, self._session, self._case_no, how,
                             self._done, self._failed)

    def _done(self, text: str) -> None:
        self.message.hide()
        self.resolved.emit(text)

    def _failed(self, text: str) -> None:
        self._enable(True)
        self.message.setStyleSheet(f"color: {RED[0]};")
        self.message.setText(text)
        self.message.show()
