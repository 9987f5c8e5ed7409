"""The decision panel: what is still missing, and only the decisions allowed now.

Which decisions exist comes from the case's situation (a new intake, a supplement to a
case in intake, a case the district returned); whether each is possible now comes from
the checklist (the domain's readiness rule) and the problems left in the form. A disabled
decision always says why, in its tooltip and in the line under the buttons.

Refusal and the notice's justification are asked for inline, never in a dialog.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.cases.checklist import ChecklistItem
from ui.common.widgets import join_clauses, join_list
from ui.station.intake.applicant import field_message, show_message
from ui.station.intake.work import Decision, DecisionRequest


class Mode(StrEnum):
    NEW = "new"  # a new application
    SUPPLEMENT = "supplement"  # a case in intake (待补正, or left in 收件中)
    RETURNED = "returned"  # the district returned it for correction


@dataclass(frozen=True)
class Situation:
    """Everything the availability of decisions depends on."""

    mode: Mode
    instant_station: bool  # an instant matter completed at the station (办结 at once)
    problems: tuple[str, ...]  # what keeps any case from being opened (applicant, matter)
    form_problems: tuple[str, ...]  # form fields missing or invalid
    outstanding: tuple[ChecklistItem, ...]
    deferred: tuple[ChecklistItem, ...]
    new_notice_items: tuple[str, ...] = ()  # names a later notice would add (one-time)
    justification: str = ""
    returned_open: tuple[str, ...] = ()  # returned items not yet supplemented
    present: int = 0  # materials received, on file or from shared data
    on_file: int = 0  # of them, taken from the documents on file (证照库)


@dataclass(frozen=True)
class Availability:
    visible: bool
    enabled: bool
    reason: str = ""


class DecisionPanel(QFrame):
    """Summary of the checklist and the decision buttons (受理, 一次性告知, 不予受理, 办结)."""

    decision_requested = Signal(object)  # DecisionRequest
    justification_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._available: dict[Decision, Availability] = {}
        self._refusal_reasons: tuple[str, ...] = ()
        # Set when the service itself demanded a justification (one_time.new_item).
        self._justification_forced = False
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.why_label = QLabel()
        self.why_label.setWordWrap(True)
        self.why_label.setStyleSheet("color: #5f6368;")
        self.buttons = {
            Decision.ACCEPT: QPushButton(self.tr("受理并出具回执  F9")),
            Decision.NOTICE: QPushButton(self.tr("一次性告知  F10")),
            Decision.REFUSE: QPushButton(self.tr("不予受理  F11")),
            Decision.COMPLETE: QPushButton(self.tr("当场办结  F12")),
            Decision.RESUBMIT: QPushButton(self.tr("补正后重新上报  F9")),
        }
        self.buttons[Decision.ACCEPT].setToolTip(self.tr("受理（Ctrl+Enter 或 F9）"))
        for d, button in self.buttons.items():
            button.setMinimumHeight(34)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, d=d: self.trigger(d))
        self.buttons[Decision.ACCEPT].setObjectName("primaryDecision")
        self.buttons[Decision.ACCEPT].setStyleSheet(
            "QPushButton:enabled { background-color: #1a56a8; color: white; font-weight: bold; }")
        self.buttons[Decision.RESUBMIT].setStyleSheet(
            "QPushButton:enabled { background-color: #1a56a8; color: white; font-weight: bold; }")
        # One-time principle: the reason for adding items to a later notice.
        self.justification_edit = QLineEdit()
        self.justification_edit.setPlaceholderText(
            self.tr("说明首次告知为何未列出这些材料（将报区中心监察）"))
        self.justification_message = field_message()
        self.justification_box = QWidget()
        # Refusal, inline.
        self.reason_combo = QComboBox()
        self.reason_combo.setEditable(True)
        self.reason_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.basis_edit = QLineEdit()
        self.basis_edit.setPlaceholderText(self.tr("如《社会救助暂行办法》第十一条"))
        self.reason_message = field_message()
        self.refuse_confirm = QPushButton(self.tr("出具不予受理通知书"))
        self.refuse_cancel = QPushButton(self.tr("取消"))
        self.refusal_box = QFrame()
        # Instant completion: the citizen rates on the customer display, never the clerk
        # here (a dictated rating or a decline is recorded on the case afterwards).
        self.rating_note = QLabel(self.tr("办结后由申请人本人在评价屏上评价。"))
        self.rating_note.setWordWrap(True)
        self.rating_note.setStyleSheet("color: #5f6368;")
        self._build()
        self.justification_edit.textChanged.connect(self.justification_changed)
        reason_line = self.reason_combo.lineEdit()
        assert reason_line is not None
        reason_line.returnPressed.connect(self.basis_edit.setFocus)
        self.basis_edit.returnPressed.connect(self._confirm_refusal)
        self.refuse_confirm.clicked.connect(self._confirm_refusal)
        self.refuse_cancel.clicked.connect(self.hide_refusal)

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(12)
        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(self.summary_label, 1)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        right.setSpacing(6)
        grid = QGridLayout()
        grid.setSpacing(6)
        grid.addWidget(self.buttons[Decision.ACCEPT], 0, 0)
        grid.addWidget(self.buttons[Decision.RESUBMIT], 0, 0)
        grid.addWidget(self.buttons[Decision.COMPLETE], 0, 1)
        grid.addWidget(self.buttons[Decision.NOTICE], 1, 0)
        grid.addWidget(self.buttons[Decision.REFUSE], 1, 1)
        right.addLayout(grid)
        right.addWidget(self.rating_note)
        just = QVBoxLayout(self.justification_box)
        just.setContentsMargins(0, 0, 0, 0)
        just.setSpacing(2)
        just.addWidget(QLabel(self.tr("增加告知材料的理由 *")))
        just.addWidget(self.justification_edit)
        just.addWidget(self.justification_message)
        self.justification_box.hide()
        right.addWidget(self.justification_box)
        self.refusal_box.setFrameShape(QFrame.Shape.StyledPanel)
        form = QFormLayout(self.refusal_box)
        form.setContentsMargins(6, 4, 6, 4)
        form.setVerticalSpacing(4)
        form.addRow(self.tr("理由 *"), self.reason_combo)
        form.addRow(self.tr("依据"), self.basis_edit)
        form.addRow(self.reason_message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.refuse_cancel)
        row.addWidget(self.refuse_confirm)
        form.addRow(row)
        self.refusal_box.hide()
        right.addWidget(self.refusal_box)
        right.addWidget(self.why_label)
        right.addStretch(1)
        holder = QWidget()
        holder.setLayout(right)
        holder.setFixedWidth(400)
        layout.addWidget(holder)

    def availability(self, s: Situation) -> dict[Decision, Availability]:
        """Which decisions are shown and which can be taken, with the reason when not."""
        blocked = self.tr("先完成：") + join_clauses(s.problems) if s.problems else ""
        form_blocked = (self.tr("先填写：") + join_clauses(s.form_problems)
                        if s.form_problems else "")
        missing = (self.tr("尚缺 {n} 项必要材料，不能受理；请出具一次性告知单。").format(
            n=len(s.outstanding)) if s.outstanding else "")
        out: dict[Decision, Availability] = {}
        intake = s.mode in (Mode.NEW, Mode.SUPPLEMENT)
        for d in (Decision.ACCEPT, Decision.COMPLETE):
            visible = intake and (d == Decision.ACCEPT or s.instant_station)
            reason = blocked or form_blocked or missing
            out[d] = Availability(visible, visible and not reason, reason)
        notice_reason = blocked or form_blocked
        if not notice_reason and not s.outstanding:
            notice_reason = self.tr("材料已齐全，应当场受理，不能出具补正告知。")
        needs_reason = bool(s.new_notice_items) or self._justification_forced
        if not notice_reason and needs_reason and not s.justification.strip():
            notice_reason = self.tr("再次告知增加了首次未列出的材料，须填写理由。")
        out[Decision.NOTICE] = Availability(intake, intake and not notice_reason, notice_reason)
        out[Decision.REFUSE] = Availability(intake, intake and not blocked, blocked)
        resubmit_reason = ""
        if s.returned_open:
            resubmit_reason = self.tr("退回补正的材料尚未收齐：") + join_list(s.returned_open)
        returned = s.mode == Mode.RETURNED
        out[Decision.RESUBMIT] = Availability(returned, returned and not resubmit_reason,
                                              resubmit_reason)
        return out

    # --- state --------------------------------------------------------------------------
    def set_refusal_reasons(self, reasons: Sequence[str]) -> None:
        self._refusal_reasons = tuple(reasons)
        self.reason_combo.clear()
        self.reason_combo.addItems(list(reasons))
        self.reason_combo.setCurrentIndex(-1)
        self.reason_combo.setEditText("")

    def update_situation(self, s: Situation) -> None:
        self._available = self.availability(s)
        reasons: list[str] = []
        for d, button in self.buttons.items():
            a = self._available[d]
            button.setVisible(a.visible)
            button.setEnabled(a.enabled)
            button.setToolTip(a.reason if not a.enabled else "")
            if a.visible and not a.enabled and a.reason and a.reason not in reasons:
                reasons.append(a.reason)
        if s.problems or s.form_problems:
            # The summary lists them already; say briefly why the buttons are grey.
            reasons = [self.tr("左侧信息填写完整后才能作出决定（见“还需填写”）。")]
        self.why_label.setText("\n".join(reasons[:2]))
        self.rating_note.setVisible(self._available[Decision.COMPLETE].visible)
        self.justification_box.setVisible(
            (bool(s.new_notice_items) or self._justification_forced) and s.mode != Mode.RETURNED)
        if not self._available[Decision.REFUSE].enabled:
            self.refusal_box.hide()
        self.summary_label.setText(self._summary(s))

    def available(self, d: Decision) -> Availability:
        return self._available.get(d, Availability(False, False))

    def _summary(self, s: Situation) -> str:
        parts: list[str] = []
        if s.present:
            text = self.tr("已收 {n} 项").format(n=s.present)
            if s.on_file:
                text += self.tr("（其中证照库 {m} 项）").format(m=s.on_file)
            parts.append(self._line("#1b6e35", text))
        if s.mode == Mode.RETURNED:
            if s.returned_open:
                parts.append(self._block("#a8231b", self.tr("区中心要求补正 {n} 项").format(
                    n=len(s.returned_open)), s.returned_open))
            else:
                parts.append(self._line("#1b6e35", self.tr("补正材料已收齐，可以重新上报。")))
        elif s.outstanding:
            parts.append(self._block("#a8231b", self.tr("尚缺 {n} 项").format(
                n=len(s.outstanding)), [i.name for i in s.outstanding]))
        elif not s.problems:
            parts.append(self._line("#1b6e35", self.tr("必要材料已收齐，可以受理。")))
        if s.deferred:
            parts.append(self._block("#8a4b00", self.tr("容缺后补 {n} 项").format(
                n=len(s.deferred)), [
                self.tr("{name}（承诺 {d} 前补交）").format(
                    name=i.name, d=i.promise_date.isoformat() if i.promise_date else "—")
                for i in s.deferred]))
        if s.new_notice_items:
            parts.append(self._block("#8a4b00", self.tr("首次告知未列出（一次性告知原则）"),
                                     s.new_notice_items))
        todo = [*s.problems, *s.form_problems]
        if todo:
            parts.append(self._block("#5f6368", self.tr("还需填写"), todo[:6]))
        return "".join(parts)

    @staticmethod
    def _line(colour: str, text: str) -> str:
        return f'<p style="color:{colour}; font-weight:bold; margin:0 0 4px 0">' \
               f"{html.escape(text)}</p>"

    @staticmethod
    def _block(colour: str, title: str, items: Sequence[str]) -> str:
        rows = "".join(f"<li>{html.escape(i)}</li>" for i in items)
        return (f'<p style="color:{colour}; font-weight:bold; margin:0">{html.escape(title)}</p>'
                f'<ul style="margin-top:0; margin-bottom:4px; margin-left:-20px">{rows}</ul>')

    # --- actions --------------------------------------------------------------------------
    def trigger(self, d: Decision) -> bool:
        """Take decision ``d`` (button or shortcut); False when it is not possible now."""
        a = self.available(d)
        if not a.enabled:
            if a.visible and d == Decision.NOTICE and self.justification_box.isVisible():
                show_message(self.justification_message, a.reason)
                self.justification_edit.setFocus()
            return False
        if d == Decision.REFUSE:
            self.show_refusal()
            return True
        self.decision_requested.emit(DecisionRequest(
            kind=d, justification=self.justification_edit.text().strip()))
        return True

    def show_refusal(self) -> None:
        self.refusal_box.show()
        self.reason_combo.setFocus()
        line = self.reason_combo.lineEdit()
        if line is not None:
            line.selectAll()

    def hide_refusal(self) -> None:
        self.refusal_box.hide()
        show_message(self.reason_message, "")

    def _confirm_refusal(self) -> None:
        reason = self.reason_combo.currentText().strip()
        if not reason:
            show_message(self.reason_message, self.tr("不予受理必须写明理由：请选择或输入。"))
            self.reason_combo.setFocus()
            return
        show_message(self.reason_message, "")
        self.decision_requested.emit(DecisionRequest(
            kind=Decision.REFUSE, reason=reason, basis=self.basis_edit.text().strip()))

    def show_error(self, fld: str, message: str) -> bool:
        if fld == "justification":
            self._justification_forced = True
            self.justification_box.show()
            show_message(self.justification_message, message)
            self.justification_edit.setFocus()
            return True
        if fld == "reason":
            self.show_refusal()
            show_message(self.reason_message, message)
            return True
        return False

    def reset(self) -> None:
        self._justification_forced = False
        self.justification_edit.clear()
        show_message(self.justification_message, "")
        self.hide_refusal()
        self.reason_combo.setEditText("")
        self.basis_edit.clear()
