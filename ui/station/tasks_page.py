"""待办: what the station must follow up today, each list with its count.

* 待补正跟进 — cases waiting for the applicant after a one-time notice, and materials
  promised for later (容缺后补) with their promise dates; broken promises in red;
* 退回补正 — cases the district returned, with the reviewer's items and note;
* 待交付结果 — district decisions (准予 / 不予批准) to hand over;
* 超期 / 预警 — running cases past or near their due date.

The cards on top switch lists (keys 1–5 too). Enter or a double-click opens the case:
supplements and corrections continue at the counter (``bus.resume_case``), everything
else opens in the cases page (``bus.open_case``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk.cases.queries import (
    CaseRow,
    FollowUp,
    Level,
    ReturnedCase,
)
from clerk.cases.states import State
from clerk.tasks import TaskLists
from clerk.timeutil import local_date, local_time
from clerk.validation import mask_mobile
from clerk.workspace import Workspace
from ui.common.operations import Operation
from ui.common.widgets import (
    AMBER,
    GREEN,
    LEVEL_COLOURS,
    RED,
    STATE_COLOURS,
    YELLOW,
    CountCard,
    ListModel,
    ListRow,
    join_clauses,
    join_list,
    labelled,
    list_view,
    state_label,
)
from ui.station.case_table_model import supervision_cut
from ui.station.session import Session

#: Cases in these states continue at the counter; the others open in the cases page.
RESUME_STATES = (State.DRAFT, State.AWAITING_SUPPLEMENT, State.RETURNED)


def load_tasks(ws: Workspace) -> TaskLists:
    """Read the task lists (runs on the database worker)."""
    return ws.tasks.lists(supervision_cut(ws))


class TasksPage(QWidget):
    """The station's to-do lists."""

    FOLLOW_UP, RETURNED, RESULTS, RED, YELLOW = range(5)
    #: The lists were (re)loaded.
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self.lists: TaskLists | None = None
        self._generation = 0
        self._stale = True
        self._build()

    # --- public API -----------------------------------------------------------------------
    def attach(self, session: Session) -> None:
        self._session = session
        session.bus.case_changed.connect(lambda _no: self._mark_stale())
        self.reload()

    def refresh(self) -> None:
        """Reload each time the page is shown (the lists are short and change all day)."""
        self.reload()

    def reload(self) -> None:
        session = self._session
        if session is None:
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        ws = session.ws
        self.status_label.setText(self.tr("正在读取…"))
        Operation(lambda: load_tasks(ws), parent=self) \
            .success(lambda lists: self._show(generation, lists)).run_in_background()

    def select_list(self, which: int) -> None:
        self.cards[which].setChecked(True)
        self.stack.setCurrentIndex(which)
        self._update_note()

    def current_view(self) -> QTableView:
        return self.views[self.stack.currentIndex()]

    def open_row(self, which: int, row: int) -> None:
        """Open the case on ``row`` of list ``which`` (as Enter or a double-click does)."""
        model = self.models[which]
        if self._session is None or not 0 <= row < model.rowCount():
            return
        item = model.row_at(row)
        state = item.payload
        if isinstance(state, State) and state in RESUME_STATES:
            self._session.bus.resume_case.emit(item.key)
        else:
            self._session.bus.open_case.emit(item.key)

    # --- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        titles = (self.tr("待补正跟进"), self.tr("退回补正"), self.tr("待交付结果"),
                  self.tr("超期"), self.tr("预警"))
        colours = (AMBER, AMBER, GREEN, RED, YELLOW)
        self.cards = [CountCard(t, c) for t, c in zip(titles, colours, strict=True)]
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        cards = QHBoxLayout()
        for i, card in enumerate(self.cards):
            self.group.addButton(card, i)
            card.setToolTip(self.tr("按 {n} 切换到此列表").format(n=i + 1))
            cards.addWidget(card)
        self.group.idClicked.connect(self.select_list)
        heads = (
            (self.tr("类型"), self.tr("办件编号"), self.tr("申请人"), self.tr("联系电话"),
             self.tr("事项"), self.tr("日期"), self.tr("待补材料")),
            (self.tr("办件编号"), self.tr("申请人"), self.tr("联系电话"), self.tr("事项"),
             self.tr("退回日期"), self.tr("审核人"), self.tr("退回意见")),
            (self.tr("办件编号"), self.tr("申请人"), self.tr("事项"), self.tr("决定"),
             self.tr("决定日期"), self.tr("已等待")),
            (self.tr("办件编号"), self.tr("申请人"), self.tr("事项"), self.tr("状态"),
             self.tr("办结期限"), self.tr("超期"), self.tr("当前负责")),
            (self.tr("办件编号"), self.tr("申请人"), self.tr("事项"), self.tr("状态"),
             self.tr("办结期限"), self.tr("剩余"), self.tr("当前负责")),
        )
        stretch = (6, 6, 2, 2, 2)
        centred = ((0, 5), (4,), (3, 4, 5), (3, 4, 5, 6), (3, 4, 5, 6))
        self.models = [ListModel(h, self, c) for h, c in zip(heads, centred, strict=True)]
        self.views = [list_view(m, stretch=s) for m, s in zip(self.models, stretch, strict=True)]
        self.stack = QStackedWidget()
        for i, view in enumerate(self.views):
            self.stack.addWidget(view)
            view.doubleClicked.connect(lambda index, w=i: self.open_row(w, index.row()))
            view.installEventFilter(self)
        self.note_label = QLabel()
        self.note_label.setStyleSheet("color: #3c4043;")
        self.note_label.setWordWrap(True)
        self.show_phones = QCheckBox(self.tr("显示完整电话"))
        self.show_phones.toggled.connect(lambda _on: self._refill())
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #5f6368;")
        self.refresh_button = QPushButton(self.tr("刷新 F5"))
        self.refresh_button.clicked.connect(self.reload)
        bar = QHBoxLayout()
        bar.addWidget(self.note_label, 1)
        bar.addWidget(self.show_phones)
        bar.addWidget(self.status_label)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(8)
        layout.addLayout(cards)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.cards[0].setChecked(True)
        self.setFocusProxy(self.views[0])
        refresh = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.reload)
        for i in range(5):
            key = QShortcut(QKeySequence(str(i + 1)), self)
            key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            key.activated.connect(lambda w=i: self._switch(w))
        self._update_note()

    def _switch(self, which: int) -> None:
        self.select_list(which)
        self.current_view().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(watched, QTableView)):
            which = self.views.index(watched)
            self.open_row(which, watched.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    # --- showing ----------------------------------------------------------------------------
    def _show(self, generation: int, lists: TaskLists) -> None:
        if generation != self._generation:
            return
        self.lists = lists
        counts = (len(lists.follow_ups), len(lists.returned), len(lists.results),
                  len(lists.red), len(lists.yellow))
        for card, n in zip(self.cards, counts, strict=True):
            card.set_count(n)
        broken = lists.broken_promises
        self.cards[0].caption.setText(
            self.tr("待补正跟进（承诺逾期 {n}）").format(n=broken) if broken
            else self.tr("待补正跟进"))
        self.status_label.setText(self.tr("更新于 {t}").format(
            t=local_time(self._session.ws.now()).strftime("%H:%M") if self._session else ""))
        self._refill()
        self._update_note()
        self.loaded.emit()

    def _refill(self) -> None:
        lists = self.lists
        if lists is None:
            return
        self.models[self.FOLLOW_UP].set_rows([self._follow_up(f, lists.today)
                                              for f in lists.follow_ups])
        self.models[self.RETURNED].set_rows([self._returned(r) for r in lists.returned])
        self.models[self.RESULTS].set_rows([self._result(r, lists.today) for r in lists.results])
        self.models[self.RED].set_rows([self._supervised(r, lists) for r in lists.red])
        self.models[self.YELLOW].set_rows([self._supervised(r, lists) for r in lists.yellow])

    def _phone(self, mobile: str) -> str:
        if not mobile:
            return "—"
        return mobile if self.show_phones.isChecked() else mask_mobile(mobile)

    def _follow_up(self, f: FollowUp, today: date) -> ListRow:
        if f.kind == "notice":
            kind = self.tr("告知补正")
            day = f.since.isoformat() if f.since else "—"
            colours = {0: AMBER}
            tips = {5: self.tr("一次性告知单出具日期")}
        else:
            kind = self.tr("容缺后补")
            day = self.tr("承诺 {d}").format(d=f.promise_date.isoformat() if f.promise_date
                                           else "—")
            late = f.overdue(today)
            colours = {0: AMBER, 5: LEVEL_COLOURS[Level.RED]} if late else {0: AMBER}
            tips = {5: self.tr("承诺补交日期已过，请联系申请人。") if late
                    else self.tr("申请人承诺补交的日期")}
        texts = (kind, f.case_no, f.applicant_name, self._phone(f.mobile), f.matter_name, day,
                 join_list(f.items) or "—")
        return ListRow(texts, key=f.case_no, payload=f.state, colours=colours, tooltips=tips)

    def _returned(self, r: ReturnedCase) -> ListRow:
        items = join_clauses(labelled(name, note) if note else name for name, note in r.items)
        opinion = join_clauses(x for x in (r.note, items) if x) or "—"
        texts = (r.case_no, r.applicant_name, self._phone(r.mobile), r.matter_name,
                 r.returned_on.isoformat() if r.returned_on else "—", r.reviewer or "—",
                 opinion)
        return ListRow(texts, key=r.case_no, payload=State.RETURNED, tooltips={6: opinion})

    def _result(self, r: CaseRow, today: date) -> ListRow:
        decided = local_date(r.updated_at)
        waited = (today - decided).days
        tips: dict[int, str] = {}
        if waited <= 0:
            # A decision dated after this PC's today (the district's clock or this one is
            # off) has not waited at all; never "-1 天".
            shown = self.tr("今天")
            if waited < 0:
                tips[5] = self.tr("决定日期晚于本机日期，请核对本机的日期和时间。")
        else:
            shown = self.tr("{n} 天").format(n=waited)
        texts = (r.case_no, r.applicant_name, r.matter_name, state_label(r.state),
                 decided.isoformat(), shown)
        colours = {3: STATE_COLOURS[r.state]}
        if waited > 5:
            colours[5] = AMBER
        return ListRow(texts, key=r.case_no, payload=r.state, colours=colours, tooltips=tips)

    def _supervised(self, r: CaseRow, lists: TaskLists) -> ListRow:
        assert r.due_date is not None
        left = lists.cut.days_left(r.due_date) if lists.cut else 0
        if r.level == Level.RED:
            gap = self.tr("{n} 个工作日").format(n=max(-left, 0)) if left < 0 else self.tr("已到期")
        else:
            gap = self.tr("{n} 个工作日").format(n=left)
        due = r.due_date.isoformat() + (self.tr(" 暂定") if r.due_provisional else "")
        owner = self.tr("区中心") if r.owner == "district" else self.tr("本站")
        texts = (r.case_no, r.applicant_name, r.matter_name, state_label(r.state), due, gap,
                 owner)
        level = r.level if r.level in (Level.RED, Level.YELLOW) else Level.NORMAL
        return ListRow(texts, key=r.case_no, payload=r.state,
                       colours={3: STATE_COLOURS[r.state], 4: LEVEL_COLOURS[level],
                                5: LEVEL_COLOURS[level]})

    def _update_note(self) -> None:
        which = self.stack.currentIndex()
        notes = (
            self.tr("联系申请人补齐材料；承诺逾期的标红。Enter 继续受理。"),
            self.tr("区中心要求补正：联系申请人补齐后继续受理、重新上报。Enter 继续受理。"),
            self.tr("区中心已作出决定：通知申请人领取，交付时办结并请其评价。Enter 打开办件。"),
            self.tr("已超过办结期限的在办案件（含在区中心办理的）。Enter 打开办件。"),
            self.tr("即将到期的在办案件：请优先办理。Enter 打开办件。"),
        )
        self.note_label.setText(notes[which])
        self.show_phones.setVisible(which in (self.FOLLOW_UP, self.RETURNED))
        if self.lists is not None and which == self.RESULTS and not self.lists.results:
            self.note_label.setText(self.tr("没有待交付的结果。"))
