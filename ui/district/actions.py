"""The 办理 panel of a district case: the actions the reviewer's (or proxy agent's) role
and the case's state allow, each confirmed in an inline form (no modal dialogs).

The panel only collects what an action needs; :class:`ui.district.case.DistrictCaseView`
sends it, with the version the reviewer was looking at. Keys: F2 take, F7 record a
step, F8 return, F9 approve, F10 deny, F4 comment; Ctrl+Enter confirms a form; Escape
closes it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk.cases.states import State
from ui.common.widgets import FieldError
from ui.district.render import DistrictCase
from ui.district.session import DistrictSession

PANEL_WIDTH = 390
PROXY_STEPS = ("提交部门", "部门反馈", "取得结果")
PROCEDURES = ("公示", "听证", "专家评审", "检验检测", "现场勘验")
AT_DISTRICT = (State.ESCALATED, State.UNDER_REVIEW)


def allowed_actions(c: DistrictCase, role: str, me: str) -> tuple[str, ...]:
    """What this staff member may do with the case now (the server checks it again)."""
    state = c.state
    mine = c.detail.proxy_agent == me
    reviewer = role in ("reviewer", "admin")
    out: list[str] = []
    if state == State.ESCALATED and reviewer:
        out += ["take", "assign", "return"]
    elif state == State.UNDER_REVIEW and (reviewer or (role == "proxy" and mine)):
        if reviewer:
            out.append("assign")
        out += ["proxy-step", "return",
                "special/end" if c.special_open else "special/start", "approve", "deny"]
    out.append("comment")
    return tuple(out)


def next_step(c: DistrictCase) -> str | None:
    """The proxy step that comes next (提交部门 → 部门反馈 → 取得结果), None when all done."""
    done = {s.get("step") for s in c.steps}
    return next((s for s in PROXY_STEPS if s not in done), None)


class ActionPanel(QFrame):
    """Buttons and inline forms; emits `requested(action, fields)` when one is confirmed."""

    requested = Signal(str, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionPanel")
        self.setFixedWidth(PANEL_WIDTH)
        self.setStyleSheet("QFrame#actionPanel { background: #f6f8fa; "
                           "border-left: 1px solid #d0d7de; }")
        self._case: DistrictCase | None = None
        self._session: DistrictSession | None = None
        # Actions a page offers in its own bar (their shortcuts still work here).
        self.elsewhere: frozenset[str] = frozenset()
        self._build()
        self.set_case(None, None)

    # --- public ---------------------------------------------------------------------
    def set_case(self, c: DistrictCase | None, session: DistrictSession | None) -> None:
        self._case, self._session = c, session
        allowed = allowed_actions(c, session.role, session.username) if c and session else ()
        shown = [b for k, b in self.buttons.items() if k not in self.elsewhere
                 and (k in allowed or (k == "special/start" and "special/end" in allowed))]
        for button in self.buttons.values():
            self.grid.removeWidget(button)
            button.setVisible(button in shown)
            button.setEnabled(button in shown)
        for n, button in enumerate(shown):  # only what is offered, with no gaps
            self.grid.addWidget(button, n // 3, n % 3)
        if c is not None:
            special = self.buttons["special/start"]
            special.setText(self.tr("结束特别程序") if c.special_open
                            else self.tr("特别程序"))
            self._fill(c)
        self.hide_form()
        self.hint.setText(self._hint(c, allowed))

    def open_form(self, action: str) -> None:
        if action == "take":
            self._confirm("take")
            return
        if action == "special/start" and self._case is not None and self._case.special_open:
            action = "special/end"
        form = self.forms_by_action.get(action)
        if form is None or not self._allowed(action):
            return
        self.forms.setCurrentWidget(form)
        for error in self.errors.values():
            error.clear_error()
        focus = {"assign": self.assign_combo, "return": self.return_list,
                 "special/start": self.procedure_combo, "special/end": self.special_result,
                 "approve": self.approve_text, "deny": self.deny_reason,
                 "comment": self.comment_text, "proxy-step": self.step_combo}[action]
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def hide_form(self) -> None:
        self.forms.setCurrentIndex(0)

    @property
    def current_form(self) -> str | None:
        widget = self.forms.currentWidget()
        return next((k for k, f in self.forms_by_action.items() if f is widget), None)

    def set_busy(self, busy: bool) -> None:
        for button in (*self.buttons.values(), *self.confirm_buttons.values()):
            button.setDisabled(busy or not button.isVisible())
        if not busy and self._case is not None and self._session is not None:
            allowed = allowed_actions(self._case, self._session.role, self._session.username)
            for key, button in self.buttons.items():
                button.setEnabled(key in allowed or (key == "special/start"
                                                     and "special/end" in allowed))
            for button in self.confirm_buttons.values():
                button.setEnabled(True)

    # --- construction ---------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(self.tr("办理"))
        title.setStyleSheet("font-size: 12pt; font-weight: bold; color: #1f2d3d;")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #3c4043;")
        specs = (("take", self.tr("接件 F2"), "F2"), ("assign", self.tr("指派代办员"), ""),
                 ("proxy-step", self.tr("记录进展 F7"), "F7"),
                 ("return", self.tr("退回补正 F8"), "F8"),
                 ("special/start", self.tr("特别程序"), ""),
                 ("approve", self.tr("准予 F9"), "F9"), ("deny", self.tr("不予批准 F10"), "F10"),
                 ("comment", self.tr("留言 F4"), "F4"))
        self.buttons: dict[str, QPushButton] = {}
        self.grid = grid = QGridLayout()
        grid.setSpacing(6)
        for n, (key, text, keys) in enumerate(specs):
            button = QPushButton(text)
            button.setMinimumHeight(30)
            button.clicked.connect(lambda _c=False, k=key: self.open_form(k))
            self.buttons[key] = button
            grid.addWidget(button, n // 3, n % 3)
            if keys:
                shortcut = QShortcut(QKeySequence(keys), self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(lambda k=key: self._shortcut(k))
        self.buttons["approve"].setStyleSheet("font-weight: bold; color: #1b6e35;")
        self.buttons["deny"].setStyleSheet("color: #a8231b;")
        self.buttons["return"].setStyleSheet("color: #8a4b00;")
        self.forms = QStackedWidget()
        self.forms.addWidget(QWidget())
        self.errors: dict[str, FieldError] = {}
        self._tails: dict[int, tuple[FieldError, QWidget]] = {}
        self.confirm_buttons: dict[str, QPushButton] = {}
        self.forms_by_action: dict[str, QFrame] = {
            "assign": self._assign_form(), "return": self._return_form(),
            "special/start": self._special_start_form(),
            "special/end": self._special_end_form(), "approve": self._approve_form(),
            "deny": self._deny_form(), "comment": self._comment_form(),
            "proxy-step": self._step_form()}
        for form in self.forms_by_action.values():
            self.forms.addWidget(form)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(6)
        column.addWidget(title)
        column.addWidget(self.hint)
        column.addLayout(grid)
        # The forms scroll when the panel is short: their tallest (退回补正 with its list)
        # would otherwise set the case view's minimum height and squeeze the case list.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.forms)
        column.addWidget(scroll, 1)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.hide_form)
        confirm = QShortcut(QKeySequence("Ctrl+Return"), self)
        confirm.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        confirm.activated.connect(self._confirm_current)

    def _shortcut(self, key: str) -> None:
        if not self.isVisible():
            return
        button = self.buttons[key]
        if key in self.elsewhere:  # offered in the page's bar, not here: ask the rules
            if self._allowed(key):
                self.open_form(key)
        elif button.isVisible() and button.isEnabled():
            self.open_form(key)

    def _frame(self, action: str, confirm_text: str) -> tuple[QFrame, QFormLayout]:
        frame = QFrame()
        frame.setObjectName("form")
        frame.setStyleSheet("QFrame#form { background: #ffffff; border: 1px solid #d0d7de; "
                            "border-radius: 4px; }")
        form = QFormLayout(frame)
        form.setContentsMargins(8, 8, 8, 8)
        form.setSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        error = FieldError()
        self.errors[action] = error
        ok = QPushButton(confirm_text)
        ok.setStyleSheet("font-weight: bold;")
        ok.clicked.connect(lambda: self._confirm(action))
        self.confirm_buttons[action] = ok
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.hide_form)
        row = QWidget()
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 2, 0, 0)
        buttons.addWidget(ok)
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        self._tails[id(frame)] = (error, row)
        return frame, form

    def _finish(self, frame: QFrame, form: QFormLayout) -> QFrame:
        error, row = self._tails.pop(id(frame))
        form.addRow(error)
        form.addRow(row)
        return frame

    def _assign_form(self) -> QFrame:
        frame, form = self._frame("assign", self.tr("确认指派"))
        self.assign_combo = QComboBox()
        form.addRow(self.tr("代办员"), self.assign_combo)
        return self._finish(frame, form)

    def _return_form(self) -> QFrame:
        frame, form = self._frame("return", self.tr("确认退回补正"))
        self.return_list = QListWidget()
        self.return_list.setMinimumHeight(110)
        self.return_note = QPlainTextEdit()
        self.return_note.setPlaceholderText(self.tr("告诉申请人要补什么、怎样才合格"))
        self.return_note.setFixedHeight(56)
        note = QLabel(self.tr("退回后由站点通知申请人补正，期间不计时。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        form.addRow(QLabel(self.tr("需补正的材料（勾选）")))
        form.addRow(self.return_list)
        form.addRow(self.tr("说明"), self.return_note)
        form.addRow(note)
        return self._finish(frame, form)

    def _special_start_form(self) -> QFrame:
        frame, form = self._frame("special/start", self.tr("开始（暂停计时）"))
        self.procedure_combo = QComboBox()
        self.procedure_combo.setEditable(True)
        for p in PROCEDURES:
            self.procedure_combo.addItem(self._procedure_label(p), p)
        form.addRow(self.tr("特别程序"), self.procedure_combo)
        return self._finish(frame, form)

    def _procedure_label(self, p: str) -> str:
        return {"公示": self.tr("公示"), "听证": self.tr("听证"), "专家评审": self.tr("专家评审"),
                "检验检测": self.tr("检验检测"), "现场勘验": self.tr("现场勘验")}[p]

    def _special_end_form(self) -> QFrame:
        frame, form = self._frame("special/end", self.tr("结束（期限顺延）"))
        self.special_result = QLineEdit()
        self.special_result.setPlaceholderText(self.tr("如：公示期满无异议"))
        self.special_result.returnPressed.connect(lambda: self._confirm("special/end"))
        form.addRow(self.tr("结果"), self.special_result)
        return self._finish(frame, form)

    def _approve_form(self) -> QFrame:
        frame, form = self._frame("approve", self.tr("确认准予"))
        self.approve_text = QLineEdit(self.tr("准予"))
        self.approve_doc = QLineEdit()
        self.approve_doc.setPlaceholderText(self.tr("如：海民准〔2026〕12号"))
        self.approve_doc.returnPressed.connect(lambda: self._confirm("approve"))
        form.addRow(self.tr("决定"), self.approve_text)
        form.addRow(self.tr("批准文号"), self.approve_doc)
        note = QLabel(self.tr("决定随下次同步回到站点，由站点交付申请人。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        form.addRow(note)
        return self._finish(frame, form)

    def _deny_form(self) -> QFrame:
        frame, form = self._frame("deny", self.tr("确认不予批准"))
        self.deny_reason = QPlainTextEdit()
        self.deny_reason.setPlaceholderText(self.tr("写明理由和依据（必填）"))
        self.deny_reason.setFixedHeight(70)
        form.addRow(self.tr("理由"), self.deny_reason)
        self.confirm_buttons["deny"].setStyleSheet("color: #a8231b; font-weight: bold;")
        return self._finish(frame, form)

    def _comment_form(self) -> QFrame:
        frame, form = self._frame("comment", self.tr("发送留言"))
        self.comment_text = QPlainTextEdit()
        self.comment_text.setFixedHeight(70)
        self.comment_text.setPlaceholderText(self.tr("站点会在下次同步时看到"))
        form.addRow(self.tr("留言"), self.comment_text)
        return self._finish(frame, form)

    def _step_form(self) -> QFrame:
        frame, form = self._frame("proxy-step", self.tr("记录"))
        self.step_combo = QComboBox()
        self.step_combo.setEditable(True)
        for s in PROXY_STEPS:
            self.step_combo.addItem(self._step_label(s), s)
        self.step_note = QLineEdit()
        self.step_note.setPlaceholderText(self.tr("选填：部门、经办人、结果"))
        self.step_note.returnPressed.connect(lambda: self._confirm("proxy-step"))
        form.addRow(self.tr("进展"), self.step_combo)
        form.addRow(self.tr("说明"), self.step_note)
        return self._finish(frame, form)

    def _step_label(self, s: str) -> str:
        return {"提交部门": self.tr("提交部门"), "部门反馈": self.tr("部门反馈"),
                "取得结果": self.tr("取得结果")}[s]

    # --- filling and confirming -----------------------------------------------------
    def _fill(self, c: DistrictCase) -> None:
        self.assign_combo.clear()
        if self._session is not None and self._session.facets is not None:
            for p in self._session.facets.proxies:
                self.assign_combo.addItem(f"{p.display_name}（{p.username}）", p.username)
        self.assign_combo.setCurrentIndex(max(self.assign_combo.findData(c.detail.proxy_agent),
                                              0))
        self.return_list.clear()
        for it in c.record.get("checklist", []):
            if it.get("status") == "not_applicable":
                continue
            item = QListWidgetItem(str(it.get("name", "")))
            item.setData(Qt.ItemDataRole.UserRole, {
                "key": str(it.get("key", "")), "name": str(it.get("name", "")),
                "requirement": str(it.get("requirement", ""))[:2000]})
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(str(it.get("requirement", "")))
            self.return_list.addItem(item)
        for edit in (self.return_note, self.deny_reason, self.comment_text):
            edit.clear()
        self.special_result.clear()
        self.step_note.clear()
        self.approve_doc.clear()
        self.approve_text.setText(self.tr("准予"))
        upcoming = next_step(c)
        index = self.step_combo.findData(upcoming) if upcoming else -1
        # With every step recorded (the result is in) nothing is suggested: the agent
        # types what happened instead of finding 提交部门 offered once more.
        self.step_combo.setCurrentIndex(index)
        if index < 0:
            self.step_combo.setEditText("")

    def _allowed(self, action: str) -> bool:
        if self._case is None or self._session is None:
            return False
        return action in allowed_actions(self._case, self._session.role, self._session.username)

    def _confirm_current(self) -> None:
        action = self.current_form
        if action is not None:
            self._confirm(action)

    def fields(self, action: str) -> dict[str, Any] | str:
        """The request fields of the open form, or what is missing (plain words)."""
        if action == "assign":
            who = self.assign_combo.currentData()
            return {"proxy_agent": who} if who else self.tr("没有在岗的代办员可以指派。")
        if action == "return":
            items = [self.return_list.item(i).data(Qt.ItemDataRole.UserRole)
                     for i in range(self.return_list.count())
                     if self.return_list.item(i).checkState() == Qt.CheckState.Checked]
            if not items:
                return self.tr("请勾选至少一项需要补正的材料。")
            return {"items": items, "note": self.return_note.toPlainText().strip()}
        if action == "special/start":
            text = self.procedure_combo.currentText().strip()
            data = self.procedure_combo.currentData()
            procedure = data if data and self._procedure_label(data) == text else text
            return {"procedure": procedure} if procedure else self.tr("请写明特别程序。")
        if action == "special/end":
            return {"result": self.special_result.text().strip()}
        if action == "approve":
            return {"text": self.approve_text.text().strip(),
                    "doc_no": self.approve_doc.text().strip()}
        if action == "deny":
            reason = self.deny_reason.toPlainText().strip()
            return {"reason": reason} if reason else self.tr("不予批准必须写明理由。")
        if action == "comment":
            text = self.comment_text.toPlainText().strip()
            return {"text": text} if text else self.tr("留言不能为空。")
        if action == "proxy-step":
            text = self.step_combo.currentText().strip()
            data = self.step_combo.currentData()
            step = data if data and self._step_label(data) == text else text
            if not step:
                return self.tr("请写明进展。")
            return {"step": step, "note": self.step_note.text().strip()}
        return {}

    def _confirm(self, action: str) -> None:
        if not self._allowed(action):
            return
        got = self.fields(action)
        if isinstance(got, str):
            self.errors[action].show_error(got)
            return
        self.requested.emit(action, got)

    def _hint(self, c: DistrictCase | None, allowed: tuple[str, ...]) -> str:
        if c is None:
            return self.tr("未选择案件。")
        if c.state == State.ESCALATED:
            return self.tr("站点已上报，等待接件。接件后可指派代办员或自行办理。")
        if c.state == State.UNDER_REVIEW:
            if "approve" not in allowed:
                return self.tr("该案件由代办员 {who} 办理；您可以留言。").format(
                    who=c.detail.proxy_agent or "—")
            step = next_step(c)
            if step:
                return self.tr("办理中。下一步：{step}。").format(step=self._step_label(step))
            return self.tr("已取得结果：请准予或不予批准，结果将回到站点交付。")
        if c.state == State.RETURNED:
            return self.tr("已退回站点补正，补正后站点重新上报。")
        if c.state in (State.APPROVED, State.DENIED):
            return self.tr("已作出决定，等待站点交付申请人。")
        return self.tr("该案件当前由站点负责；您可以留言。")
