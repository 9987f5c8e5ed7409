"""我的代办: the proxy agent's cases, the steps recorded so far, one click for the next step.

The steps go 提交部门 (submitted to the department) → 部门反馈 (department feedback) →
取得结果 (result received). Then the agent hands the result over: 准予 with the
department's document number, or 不予批准 with the reason. The decision is the
district's (the department's, recorded by the agent carrying the case, as the district
service's role rules allow for the agent's own cases); it returns the case to the
station, which delivers it to the applicant and records the rating.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from clerk.cases.states import State
from ui.district.actions import next_step
from ui.district.queue import QueuePage
from ui.district.session import DistrictSession


class ProxyPage(QueuePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, default_scope="mine")
        self.next_button = QPushButton()
        self.next_button.setMinimumHeight(34)
        self.next_button.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.next_button.clicked.connect(self.record_next_step)
        self.approve_button = QPushButton(self.tr("交付结果：准予 F9"))
        self.deny_button = QPushButton(self.tr("交付结果：不予批准 F10"))
        # The bar offers the hand-over; the panel does not repeat it (F9/F10 still work).
        self.detail.panel.elsewhere = frozenset({"approve", "deny"})
        self.approve_button.clicked.connect(lambda: self.detail.panel.open_form("approve"))
        self.deny_button.clicked.connect(lambda: self.detail.panel.open_form("deny"))
        self.steps_label = QLabel()
        self.steps_label.setStyleSheet("color: #3c4043;")
        bar = QHBoxLayout()
        bar.addWidget(self.steps_label, 1)
        for button in (self.next_button, self.approve_button, self.deny_button):
            bar.addWidget(button)
        box = QWidget()
        box.setLayout(bar)
        self.layout().insertWidget(2, box)  # type: ignore[union-attr]
        for widget in (self.scope_label, self.scope_combo):
            widget.hide()
        self.detail.loaded.connect(lambda _id: self._update_bar())
        self._update_bar()

    def attach(self, session: DistrictSession) -> None:
        super().attach(session)
        self._update_bar()

    def record_next_step(self) -> None:
        """One click: record the step that comes next, without a form."""
        c = self.detail.data
        step = next_step(c) if c is not None else None
        if c is None or step is None or c.state != State.UNDER_REVIEW:
            return
        self.detail.act("proxy-step", {"step": step, "note": ""})

    def _update_bar(self) -> None:
        c = self.detail.data
        mine = (c is not None and self._session is not None
                and c.detail.proxy_agent == self._session.username
                and c.state == State.UNDER_REVIEW)
        step = next_step(c) if c is not None else None
        self.next_button.setVisible(bool(mine and step))
        if step:
            self.next_button.setText(self.tr("记录下一步：{step}").format(
                step=self.detail.panel._step_label(step)))
        for button in (self.approve_button, self.deny_button):
            button.setVisible(bool(mine and step is None))
        if c is None:
            self.steps_label.setText(self.tr("选择一个案件，记录代办进展。"))
            return
        done = [s.get("step", "") for s in c.steps]
        self.steps_label.setText(self.tr("{case}：已记录 {steps}").format(
            case=c.detail.case_no, steps=" → ".join(done) if done else self.tr("（尚无进展）")))
