"""The detail pane of a case: what happened, what was handed in, which papers were issued,
and the next steps the state machine allows at the station.

Left, four tabs: 概况 (the facts, the district's return note, the result and the
rating), 办理进程 (the timeline with who did what and its sync state), 材料 (the
checklist) and 文书 (issued documents; 打印 / 补打 renders one again, marked 补打 when it
was printed before). Right, the 办理 panel: only the actions
:func:`clerk.cases.states.check_event` allows for the station side, each confirmed
inline (no modal dialogs for routine steps). Loading and every action run as background
operations; afterwards the pane reloads and :attr:`CaseDetail.case_changed` fires.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk.calendar import Level as CalLevel
from clerk.calendar import supervise
from clerk.cases.checklist import ItemStatus, Scan
from clerk.cases.conflicts import OPEN, ConflictView
from clerk.cases.queries import DocumentOutputs, NoteEntry, TimelineEntry
from clerk.cases.queries import Level as ListLevel
from clerk.cases.record import CaseRecord
from clerk.cases.states import RESUMABLE, EventType, Side, State, check_event
from clerk.cases.supervision import case_level, pauses_of
from clerk.errors import StateError, ValidationError
from clerk.id_documents import mask_of
from clerk.ratings import RatingChannel, is_declined
from clerk.timeutil import local_date
from clerk.validation import mask_mobile
from clerk.workspace import Workspace
from ui.common.case_view import CaseView
from ui.common.id_input import masked_id_text
from ui.common.operations import Operation, error_text
from ui.common.timeline import TimelineLine, TimelineRenderer, when
from ui.common.widgets import (
    AMBER,
    BLUE,
    DETAIL_CSS,
    GREEN,
    GREY,
    LEVEL_COLOURS,
    RED,
    STATE_COLOURS,
    FieldError,
    document_kind_label,
    document_title,
    esc,
    event_label,
    item_status_label,
    join_list,
    labelled,
    level_label,
    open_pdf_preview,
    rating_channel_text,
    rating_label,
    state_label,
    table,
    tag,
)
from ui.station.conflict_banner import ConflictBanner
from ui.station.counter_view import rating_of
from ui.station.output_log import log_outputs
from ui.station.session import Session
from ui.station.supplement_dialog import SupplementDialog

ACTION_PANEL_WIDTH = 380
DELIVERY_METHODS = ("窗口领取", "邮寄送达", "电子送达")


class Action(StrEnum):
    RESUME = "resume"  # continue at the counter (supplement, correction)
    COMPLETE = "complete"  # 办结并交付
    ESCALATE = "escalate"  # 上报区级
    RATE = "rate"  # 记录评价
    WITHDRAW = "withdraw"  # 撤回
    SUPPLEMENT = "supplement"  # 补交容缺材料 (promised items handed in after acceptance)


_CHECKED: tuple[tuple[Action, EventType], ...] = (
    (Action.COMPLETE, EventType.COMPLETED), (Action.ESCALATE, EventType.ESCALATED),
    (Action.RATE, EventType.RATED), (Action.WITHDRAW, EventType.WITHDRAWN))


def station_actions(rec: CaseRecord) -> tuple[Action, ...]:
    """What the station may do with the case now, as the state machine says."""
    facts = rec.facts()
    allowed: list[Action] = []
    if rec.state in RESUMABLE and rec.owner == Side.STATION:
        allowed.append(Action.RESUME)
    for action, etype in _CHECKED:
        try:
            check_event(facts, etype, Side.STATION)
        except StateError:
            continue
        allowed.append(action)
    if rec.materials.awaited:
        try:
            check_event(facts, EventType.SUPPLEMENTED, Side.STATION)
            allowed.append(Action.SUPPLEMENT)
        except StateError:
            pass
    return tuple(allowed)


@dataclass
class CaseDetailData:
    """Everything the pane shows about one case, read in one background operation."""

    record: CaseRecord
    timeline: list[TimelineEntry]
    notes: list[NoteEntry]
    printed: dict[str, DocumentOutputs]
    names: dict[str, str]
    today: date
    level: CalLevel | None
    days_left: int | None
    actions: tuple[Action, ...]
    # Open sync conflicts of the case (two counters acted on it offline; this PC lost).
    conflicts: list[ConflictView] = field(default_factory=list)

    @property
    def paused(self) -> bool:
        return self.record.open_pause is not None


def load_detail(ws: Workspace, case_no: str) -> CaseDetailData:
    """Read a case and its extras (runs on the database worker)."""
    ratio = ws.yellow_ratio()
    found = ws.case_lists.file(case_no)
    rec, timeline, notes, printed, names = (found.record, found.timeline, found.notes,
                                            found.printed, found.names)
    cal = ws.calendar()
    today = local_date(ws.now())
    level = case_level(rec, cal, today, ratio)
    left = None
    if level is not None and rec.accepted_at is not None and rec.limit_days:
        left = supervise(cal, accepted=local_date(rec.accepted_at), limit_days=rec.limit_days,
                         today=today, pauses=pauses_of(rec), yellow_ratio=ratio).left
    open_conflicts = [c for c in ws.conflicts.of_case(case_no) if c.state == OPEN]
    return CaseDetailData(rec, timeline, notes, printed, names, today, level, left,
                          station_actions(rec), open_conflicts)


# --- rendering ------------------------------------------------------------------------------

_SCAN_KINDS = {"application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG"}
_ITEM_COLOURS = {
    ItemStatus.RECEIVED: GREEN, ItemStatus.ON_FILE: GREEN, ItemStatus.SHARED: GREEN,
    ItemStatus.DEFERRED: AMBER, ItemStatus.MISSING: RED, ItemStatus.NOT_APPLICABLE: GREY,
}
_LEVELS = {CalLevel.NORMAL: ListLevel.NORMAL, CalLevel.YELLOW: ListLevel.YELLOW,
           CalLevel.RED: ListLevel.RED}


class DetailRenderer(QObject):
    """HTML for the tabs. A QObject only so ``self.tr`` gives the strings a context."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeline = TimelineRenderer(self)

    def header(self, d: CaseDetailData) -> str:
        r = d.record
        parts = [f"<b style='font-size:12pt'>{esc(r.case_no)}</b>",
                 tag(state_label(r.state), STATE_COLOURS[r.state])]
        level = self._level_tag(d)
        if level:
            parts.append(level)
        parts.append(f"<b>{esc(r.matter_name)}</b>")
        parts.append(f"<span class='muted'>{esc(r.applicant.get('name', ''))} "
                     f"{esc(mask_of(r.applicant))}</span>")
        return "&nbsp;&nbsp;".join(parts)

    def _level_tag(self, d: CaseDetailData) -> str:
        tags = []
        if d.level is not None and (d.level != CalLevel.NORMAL or not d.paused):
            lv = _LEVELS[d.level]
            tags.append(tag(level_label(lv), LEVEL_COLOURS[lv]))
        if d.paused:
            tags.append(tag(level_label(ListLevel.PAUSED), LEVEL_COLOURS[ListLevel.PAUSED]))
        return " ".join(tags)

    # -- 概况
    def summary(self, d: CaseDetailData) -> str:
        r = d.record
        out = [self._returned(d), self._refused(r), self._withdrawn(r)]
        a = r.applicant
        rows = [
            (self.tr("申请人"), esc(a.get("name", "")),
             self.tr("证件号码"), esc(masked_id_text(a))),
            (self.tr("联系电话"), esc(mask_mobile(str(a.get("mobile", "")))) or "—",
             self.tr("代理人"), self._agent(r)),
            (self.tr("事项"), esc(r.matter_name),
             self.tr("办理层级"), self.tr("上报区级") if r.handling_level == "district"
             else self.tr("站点办结")),
            (self.tr("收件时间"), when(r.received_at),
             self.tr("受理时间"), when(r.accepted_at)),
            (self.tr("承诺时限"), self._limit(r), self.tr("办结期限"), self._due(d)),
            (self.tr("经办人"), esc(d.names.get(r.clerk, r.clerk)),
             self.tr("当前负责"), self.tr("区中心") if r.owner == Side.DISTRICT
             else self.tr("本站")),
        ]
        cells = "".join(
            f'<tr><td class="key" width="13%">{k1}</td><td width="37%">{v1}</td>'
            f'<td class="key" width="13%">{k2}</td><td width="37%">{v2}</td></tr>'
            for k1, v1, k2, v2 in rows)
        out.append(table(cells))
        out.append(self._result(d))
        out.append(self._rating(r))
        out.append(self._comments(d))
        return "".join(p for p in out if p)

    def _agent(self, r: CaseRecord) -> str:
        if not r.agent:
            return "—"
        return esc(f"{r.agent.get('name', '')} {mask_of(r.agent)}")

    def _limit(self, r: CaseRecord) -> str:
        if r.limit_days is None:
            return "—"
        if r.limit_days == 0:
            return self.tr("即办（当场办结）")
        return self.tr("{n} 个工作日").format(n=r.limit_days)

    def _due(self, d: CaseDetailData) -> str:
        r = d.record
        if r.due_date is None:
            return "—"
        text = esc(r.due_date.isoformat())
        if r.due_provisional:
            text += " " + tag(self.tr("暂定"), AMBER)
        level = self._level_tag(d)
        if level:
            text += " " + level
        if d.paused:
            text += "<br><span class='small'>" + esc(self.tr(
                "退回补正期间不计时，补正后重新上报时期限顺延。")) + "</span>"
        elif d.days_left is not None and d.level is not None:
            if d.days_left < 0 or d.level == CalLevel.RED:
                note = self.tr("已超期 {n} 个工作日").format(n=abs(d.days_left))
            else:
                note = self.tr("剩余 {n} 个工作日").format(n=d.days_left)
            text += f"<br><span class='small'>{esc(note)}</span>"
        return text

    def _returned(self, d: CaseDetailData) -> str:
        r = d.record
        if r.state != State.RETURNED or not r.returns:
            return ""
        last = r.returns[-1]
        items = ""
        for i in last.get("items", []):
            name = f"<b>{esc(i.get('name') or i.get('key', ''))}</b>"
            items += "<li>" + (labelled(name, esc(i["note"])) if i.get("note") else name) + "</li>"
        note = esc(last.get("note", "")) or esc(self.tr("（未附说明）"))
        head = self.tr("<b>区中心退回补正</b>（{who}）：{note}").format(
            who=esc(last.get("by", "")), note=note)
        fg, bg = AMBER
        return (f'<table width="100%" cellpadding="6" style="background-color:{bg}; '
                f'color:{fg}"><tr><td>{head}'
                f'{"<ul>" + items + "</ul>" if items else ""}</td></tr></table>')

    def _refused(self, r: CaseRecord) -> str:
        if not r.refusal:
            return ""
        fg, bg = GREY
        text = labelled("<b>" + esc(self.tr("不予受理理由")) + "</b>",
                        esc(r.refusal.get("reason", "")))
        basis = r.refusal.get("basis")
        if basis:
            text += "<br>" + esc(self.tr("依据：")) + esc(basis)
        return (f'<table width="100%" cellpadding="6" style="background-color:{bg}; '
                f'color:{fg}"><tr><td>{text}</td></tr></table>')

    def _withdrawn(self, r: CaseRecord) -> str:
        if r.state != State.WITHDRAWN:
            return ""
        fg, bg = GREY
        text = labelled("<b>" + esc(self.tr("撤回原因")) + "</b>", esc(r.withdrawn_reason or ""))
        return (f'<table width="100%" cellpadding="6" style="background-color:{bg}; '
                f'color:{fg}"><tr><td>{text}</td></tr></table>')

    def _result(self, d: CaseDetailData) -> str:
        r = d.record
        if not r.result:
            return ""
        decision = {"approved": self.tr("准予"), "denied": self.tr("不予批准"),
                    "completed": self.tr("办结")}.get(str(r.result.get("decision")), "")
        colours = RED if r.result.get("decision") == "denied" else GREEN
        lines = [tag(decision, colours)]
        for key in ("text", "reason"):
            if r.result.get(key):
                lines.append(esc(r.result[key]))
        if r.result.get("by"):
            lines.append(self.tr("决定人：{who}").format(who=esc(
                d.names.get(str(r.result["by"]), str(r.result["by"])))))
        if r.delivered_at:
            lines.append(self.tr("已交付：{when}，{how}").format(
                when=when(r.delivered_at),
                how=esc(self.delivery(r.result.get("delivery")) or "—")))
        title = esc(self.tr("办理结果"))
        return f"<h3>{title}</h3><p>{'<br>'.join(lines)}</p>"

    def _rating(self, r: CaseRecord) -> str:
        if r.state != State.COMPLETED:
            return ""
        title = "<h3>" + esc(self.tr("好差评")) + "</h3>"
        if not r.rating:
            return title + "<p class='muted'>" + esc(self.tr("尚未评价。")) + "</p>"
        if is_declined(r.rating):
            return title + "<p>" + esc(rating_channel_text(r.rating)) + "</p>"
        score = int(r.rating.get("score", 0))
        text = f"{score} {esc(rating_label(score))}" if 1 <= score <= 5 else str(score)
        bad = ""
        if r.rating.get("bad"):
            follow_up = esc(self.tr("差评须由区中心在15个工作日内跟进整改。"))
            bad = " " + tag(self.tr("差评"), RED) + f"<br><span class='bad'>{follow_up}</span>"
        comment = r.rating.get("comment")
        comment_html = "<br>" + esc(self.tr("评价意见：")) + esc(comment) if comment else ""
        channel = "<br>" + esc(self.tr("评价渠道：")) + esc(rating_channel_text(r.rating))
        return f"{title}<p>{text}{bad}{comment_html}{channel}</p>"

    def _comments(self, d: CaseDetailData) -> str:
        rows = [(c.get("by", ""), c.get("text", "")) for c in d.record.comments]
        rows += [(n.author, n.text) for n in d.notes]
        if not rows:
            return ""
        items = "".join(f"<li><span class='muted'>{labelled(esc(d.names.get(who, who)), '')}"
                        f"</span>{esc(text)}</li>" for who, text in rows)
        title = esc(self.tr("留言"))
        return f"<h3>{title}</h3><ul>{items}</ul>"

    # -- 办理进程
    def timeline(self, d: CaseDetailData) -> str:
        lines = [TimelineLine(e.occurred_at, e.type, e.actor, e.payload, extra=self._sync(e))
                 for e in d.timeline]
        return self._timeline.table(lines, d.names, extra_header=self.tr("同步"))

    def event_label(self, etype: str) -> str:
        return event_label(etype)

    def delivery(self, method: object) -> str:
        return self._timeline.delivery(method)

    def _sync(self, e: TimelineEntry) -> str:
        if e.origin != Side.STATION:
            return tag(self.tr("区中心"), BLUE)
        if e.sync_state == "rejected":
            why = f"<br><span class='small'>{esc(e.sync_error)}</span>" if e.sync_error else ""
            return tag(self.tr("被拒"), RED) + why
        if e.sync_state == "pending":
            return tag(self.tr("待同步"), AMBER)
        return tag(self.tr("已同步"), GREEN)

    # -- 材料
    def materials(self, d: CaseDetailData) -> str:
        head = "".join(f"<th>{esc(h)}</th>" for h in (
            self.tr("材料"), self.tr("必要性"), self.tr("份数"), self.tr("状态"),
            self.tr("扫描件")))
        rows = []
        today = d.today
        for i, it in enumerate(d.record.materials.items):
            shade = ' bgcolor="#f4f6f9"' if i % 2 else ""
            status = tag(self.item_status(it.status), _ITEM_COLOURS[it.status])
            if it.delivered_on is not None:
                done = self.tr("{day} 补交（承诺 {promise}）").format(
                    day=it.delivered_on.isoformat(),
                    promise=it.promise_date.isoformat() if it.promise_date else "—")
                status += f"<br><span class='small'>{esc(done)}</span>"
            elif it.promise_date:
                late = it.promise_date < today and d.record.state in (
                    State.DRAFT, State.AWAITING_SUPPLEMENT, State.ACCEPTED, State.ESCALATED,
                    State.UNDER_REVIEW, State.RETURNED)
                promise = self.tr("承诺 {day} 前补交").format(day=it.promise_date.isoformat())
                status += f"<br><span class='{'bad' if late else 'small'}'>{esc(promise)}</span>"
            counts = []
            if it.original_count:
                counts.append(self.tr("原件{n}份").format(n=it.original_count))
            if it.copy_count:
                counts.append(self.tr("复印件{n}份").format(n=it.copy_count))
            rows.append(f"<tr{shade}><td>{esc(it.name)}</td>"
                        f"<td width='14%'>{esc(self.necessity(it.necessity))}</td>"
                        f"<td width='22%'>{esc(join_list(counts))}</td>"
                        f"<td width='22%'>{status}</td>"
                        f"<td width='10%'>{esc(self.scans(it.scans))}</td></tr>")
        return table(f"<tr>{head}</tr>{''.join(rows)}", border=1)

    def scans(self, scans: tuple[Scan, ...]) -> str:
        if not scans:
            return "—"
        kinds = join_list(sorted({_SCAN_KINDS.get(sc.media_type, sc.media_type)
                                  for sc in scans}))
        return self.tr("{n} 份（{kinds}）").format(n=len(scans), kinds=kinds)

    def item_status(self, status: ItemStatus) -> str:
        return item_status_label(status)

    def necessity(self, necessity: str) -> str:
        return {"required": self.tr("必要"), "optional": self.tr("非必要"),
                "deferrable": self.tr("容缺后补"),
                "exempt_shared": self.tr("信息免交")}.get(necessity, necessity)

    def document_kind(self, kind: str) -> str:
        return document_kind_label(kind)


# --- the rating picker ----------------------------------------------------------------------

class RatingPicker(QWidget):
    """好差评: five buttons 5…1 (keys 1–5 pick too) and what the choice means."""

    changed = Signal(int)  # 0: no rating

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.buttons: dict[int, QPushButton] = {}
        for score in (5, 4, 3, 2, 1):
            button = QPushButton(str(score))
            button.setCheckable(True)
            button.setFixedWidth(34)
            button.setToolTip(f"{score} {rating_label(score)}")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.group.addButton(button, score)
            self.buttons[score] = button
            row.addWidget(button)
        row.addStretch(1)
        self.meaning = QLabel()
        self.meaning.setWordWrap(True)
        column.addLayout(row)
        column.addWidget(self.meaning)
        self.group.idClicked.connect(self._clicked)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._score = 0
        self._update()

    def score(self) -> int | None:
        return self._score or None

    def set_score(self, score: int | None) -> None:
        self._score = score or 0
        self._update()
        self.changed.emit(self._score)

    def _clicked(self, score: int) -> None:
        self.set_score(0 if score == self._score else score)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text in ("1", "2", "3", "4", "5"):
            self.set_score(int(text))
            return
        if event.key() in (Qt.Key.Key_0, Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_score(None)
            return
        super().keyPressEvent(event)

    def _update(self) -> None:
        for score, button in self.buttons.items():
            button.setChecked(score == self._score)
            bad = score <= 2
            button.setStyleSheet(
                "QPushButton:checked { background: %s; color: white; font-weight: bold; }"
                % ("#c62828" if bad else "#1a7f37"))
        if not self._score:
            self.meaning.setText(self.tr("未评价（可稍后记录）"))
            self.meaning.setStyleSheet("color: #5f6368;")
        elif self._score <= 2:
            self.meaning.setText(self.tr("{label}（差评）").format(
                label=rating_label(self._score)))
            self.meaning.setStyleSheet("color: #a8231b; font-weight: bold;")
        else:
            self.meaning.setText(rating_label(self._score))
            self.meaning.setStyleSheet("color: #1b6e35;")


# --- the pane ----------------------------------------------------------------------------------

class CaseDetail(CaseView):
    """Shows one case; offers its allowed station actions."""

    #: The clerk wants to continue the case at the counter.
    resume_requested = Signal(str)
    #: A document was rendered (carries the PrintedDocument) before its preview opens.
    document_ready = Signal(object)
    #: Escape in the 办理 panel with no form open: the keyboard goes back to the list.
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._focus_when_loaded = False
        self.data: CaseDetailData | None = None
        self.preview_opener: Callable[[bytes, str, QWidget | None], object] = open_pdf_preview
        self._renderer = DetailRenderer(self)
        self._build()
        self.clear()

    # --- public API -----------------------------------------------------------------------
    def attach(self, session: Session) -> None:
        self._session = session
        self.conflict_banner.attach(session)

    @property
    def case_no(self) -> str | None:
        return self._key

    def _can_load(self) -> bool:
        return self._session is not None

    def _load(self, generation: int, case_no: str) -> None:
        assert self._session is not None
        ws = self._session.ws
        Operation(lambda: load_detail(ws, case_no), parent=self) \
            .success(lambda d: self._loaded(generation, d)) \
            .failure(lambda exc: self._load_failed(generation, exc)).run_in_background()

    def _switching(self) -> None:
        self._hide_form()
        self._message("")

    def _shown_key(self, data: CaseDetailData) -> str:
        return data.record.case_no

    def clear(self) -> None:
        super().clear()
        self.header.setText(self.tr("<span style='color:#5f6368'>在上方列表中选择一个办件，"
                                    "查看办理进程、材料和文书。</span>"))
        self.documents.setRowCount(0)
        self.conflict_banner.show_conflicts("", [])
        self._hide_form()
        self._message("")
        self._set_actions(())
        self.hint.setText(self.tr("未选择办件。"))
        self.loaded.emit("")

    def focus_actions(self) -> None:
        """Put the keyboard on the first action the case allows (or on the tabs); when the
        case is still loading, as soon as it is shown."""
        if self.data is None or self.data.record.case_no != self._key:
            self._focus_when_loaded = True
            return
        self._focus_when_loaded = False
        for button in self._action_buttons.values():
            if button.isVisible() and button.isEnabled():
                button.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        self.tabs.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self._build_tabs(self._build_documents())
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.tabs, 1)
        body.addWidget(self._build_action_panel())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        self.conflict_banner = ConflictBanner()
        self.conflict_banner.resolved.connect(self._conflict_resolved)
        layout.addWidget(self.conflict_banner)
        layout.addLayout(body, 1)

    def _build_documents(self) -> QWidget:
        self.documents = QTableWidget(0, 4)
        self.documents.setHorizontalHeaderLabels(
            [self.tr("文书"), self.tr("编号"), self.tr("出具时间"), self.tr("打印")])
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents.verticalHeader().hide()
        self.documents.verticalHeader().setDefaultSectionSize(28)
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.documents.itemSelectionChanged.connect(self._update_print_button)
        self.documents.doubleClicked.connect(lambda _i: self.print_selected())
        self.print_button = QPushButton(self.tr("打印所选文书"))
        self.print_button.clicked.connect(self.print_selected)
        self.documents_note = QLabel(self.tr("再次打印的文书会标注“补打”，并记入打印日志。"))
        self.documents_note.setStyleSheet("color: #5f6368;")
        self.documents_note.setWordWrap(True)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.documents, 1)
        row = QHBoxLayout()
        row.addWidget(self.documents_note, 1)
        row.addWidget(self.print_button)
        column.addLayout(row)
        return box

    def _build_action_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("actionPanel")
        panel.setFixedWidth(ACTION_PANEL_WIDTH)
        panel.setStyleSheet("QFrame#actionPanel { background: #f6f8fa; "
                            "border-left: 1px solid #d0d7de; }")
        title = QLabel(self.tr("办理"))
        title.setStyleSheet("font-size: 12pt; font-weight: bold; color: #1f2d3d;")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #3c4043;")
        self.resume_button = QPushButton(self.tr("补正 / 继续受理(&R)"))
        self.complete_button = QPushButton(self.tr("办结并交付(&B)"))
        self.escalate_button = QPushButton(self.tr("上报区级(&U)"))
        self.rate_button = QPushButton(self.tr("记录评价(&P)"))
        self.withdraw_button = QPushButton(self.tr("撤回(&W)"))
        self.supplement_button = QPushButton(self.tr("补交容缺材料(&S)…"))
        self.supplement_dialog: SupplementDialog | None = None
        self.complete_button.setStyleSheet("font-weight: bold;")
        self.withdraw_button.setStyleSheet("color: #a8231b;")
        self._action_buttons = {
            Action.RESUME: self.resume_button, Action.COMPLETE: self.complete_button,
            Action.ESCALATE: self.escalate_button, Action.RATE: self.rate_button,
            Action.WITHDRAW: self.withdraw_button, Action.SUPPLEMENT: self.supplement_button}
        self.resume_button.clicked.connect(self._resume)
        self.complete_button.clicked.connect(lambda: self._open_form(Action.COMPLETE))
        self.escalate_button.clicked.connect(self.escalate)
        self.rate_button.clicked.connect(lambda: self._open_form(Action.RATE))
        self.withdraw_button.clicked.connect(lambda: self._open_form(Action.WITHDRAW))
        self.supplement_button.clicked.connect(self.open_supplement)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in self._action_buttons.values():
            button.setMinimumHeight(30)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.forms = QStackedWidget()
        self.forms.addWidget(QWidget())
        self.complete_form = self._build_complete_form()
        self.rate_form = self._build_rate_form()
        self.withdraw_form = self._build_withdraw_form()
        for form in (self.complete_form, self.rate_form, self.withdraw_form):
            self.forms.addWidget(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        column = QVBoxLayout(panel)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(6)
        column.addWidget(title)
        column.addWidget(self.hint)
        column.addLayout(self._wrap_buttons())
        column.addWidget(self.forms)
        column.addWidget(self.message)
        column.addStretch(1)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), panel)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._escape)
        return panel

    def _escape(self) -> None:
        if self.forms.currentIndex() != 0:
            self._hide_form()
            self.focus_actions()
        else:
            self.escaped.emit()

    def _wrap_buttons(self) -> QVBoxLayout:
        """Two rows of action buttons: they must fit the panel at 1366×768."""
        rows = QVBoxLayout()
        rows.setSpacing(6)
        first, second = QHBoxLayout(), QHBoxLayout()
        for button in (self.resume_button, self.complete_button, self.escalate_button):
            first.addWidget(button)
        for button in (self.supplement_button, self.rate_button, self.withdraw_button):
            second.addWidget(button)
        first.addStretch(1)
        second.addStretch(1)
        rows.addLayout(first)
        rows.addLayout(second)
        return rows

    def _form_frame(self) -> tuple[QFrame, QFormLayout]:
        frame = QFrame()
        frame.setObjectName("form")
        frame.setStyleSheet("QFrame#form { background: #ffffff; border: 1px solid #d0d7de; "
                            "border-radius: 4px; }")
        form = QFormLayout(frame)
        form.setContentsMargins(8, 8, 8, 8)
        form.setSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        return frame, form

    def _build_complete_form(self) -> QFrame:
        frame, form = self._form_frame()
        self.delivery_combo = QComboBox()
        for method, label in zip(DELIVERY_METHODS, (self.tr("窗口领取"), self.tr("邮寄送达"),
                                                    self.tr("电子送达")), strict=True):
            self.delivery_combo.addItem(label, method)
        self.result_edit = QLineEdit()
        self.result_edit.setPlaceholderText(self.tr("选填，如：已发放证件"))
        # The citizen rates on the customer display once the result is handed over; the
        # clerk never picks a score here.
        self.complete_note = QLabel(self.tr("办结后请申请人本人在评价屏上评价。"))
        self.complete_note.setWordWrap(True)
        self.complete_note.setStyleSheet("color: #5f6368;")
        self.confirm_complete_button = QPushButton(self.tr("确认办结并打印办结通知"))
        self.confirm_complete_button.setStyleSheet("font-weight: bold;")
        self.confirm_complete_button.clicked.connect(self.complete)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self._hide_form)
        form.addRow(self.tr("交付方式"), self.delivery_combo)
        form.addRow(self.tr("结果说明"), self.result_edit)
        form.addRow(self.complete_note)
        form.addRow(self._button_row(self.confirm_complete_button, cancel))
        self.result_edit.returnPressed.connect(self.complete)
        return frame

    def _build_rate_form(self) -> QFrame:
        """The citizen rates on the customer display; here the clerk may only put the
        buttons on that display, note that the citizen declined, or key in a rating the
        citizen dictated — stored as the clerk's entry, with the clerk's name."""
        frame, form = self._form_frame()
        intro = QLabel(self.tr("评价须由申请人本人作出（评价屏或本人手机）。"))
        intro.setWordWrap(True)
        self.ask_display_button = QPushButton(self.tr("在评价屏上请申请人评价"))
        self.ask_display_button.clicked.connect(self.ask_on_display)
        self.decline_button = QPushButton(self.tr("申请人不愿评价"))
        self.decline_button.clicked.connect(self.decline)
        self.dictated_label = QLabel()
        self.dictated_label.setWordWrap(True)
        self.dictated_label.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.rate_picker = RatingPicker()
        self.rate_comment = QLineEdit()
        self.rate_comment.setPlaceholderText(self.tr("选填"))
        self.rate_comment.returnPressed.connect(self.rate)
        self.rate_error = FieldError()
        self.save_rating_button = QPushButton(self.tr("保存口述评价（代为录入）"))
        self.save_rating_button.clicked.connect(self.rate)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self._hide_form)
        form.addRow(intro)
        form.addRow(self._button_row(self.ask_display_button, self.decline_button))
        form.addRow(self.dictated_label)
        form.addRow(self.tr("口述等级"), self.rate_picker)
        form.addRow("", self.rate_error)
        form.addRow(self.tr("评价意见"), self.rate_comment)
        form.addRow(self._button_row(self.save_rating_button, cancel))
        return frame

    def _build_withdraw_form(self) -> QFrame:
        frame, form = self._form_frame()
        self.withdraw_reason = QLineEdit()
        self.withdraw_reason.setPlaceholderText(self.tr("如：申请人书面申请撤回"))
        self.withdraw_reason.returnPressed.connect(self.withdraw)
        self.withdraw_error = FieldError()
        note = QLabel(self.tr("撤回后案件即结束，不能恢复；申请人需要时须重新申请。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #a8231b;")
        self.confirm_withdraw_button = QPushButton(self.tr("确认撤回"))
        self.confirm_withdraw_button.setStyleSheet("color: #a8231b; font-weight: bold;")
        self.confirm_withdraw_button.clicked.connect(self.withdraw)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self._hide_form)
        form.addRow(self.tr("撤回原因"), self.withdraw_reason)
        form.addRow("", self.withdraw_error)
        form.addRow(note)
        form.addRow(self._button_row(self.confirm_withdraw_button, cancel))
        return frame

    @staticmethod
    def _button_row(*buttons: QPushButton) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 2, 0, 0)
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        return box

    # --- showing ------------------------------------------------------------------------------
    def _render(self) -> None:
        d = self.data
        if d is None:
            return
        self.header.setText(f"<style>{DETAIL_CSS}</style>" + self._renderer.header(d))
        self._set_html(self.summary_view, self._renderer.summary(d))
        self._set_html(self.timeline_view, self._renderer.timeline(d))
        self._set_html(self.materials_view, self._renderer.materials(d))
        self._fill_documents(d)
        self.conflict_banner.show_conflicts(d.record.case_no, d.conflicts)
        self._set_actions(d.actions)
        self.hint.setText(self._hint(d))
        if self.forms.currentWidget() is self.complete_form and Action.COMPLETE not in d.actions:
            self._hide_form()
        if self._focus_when_loaded:
            self.focus_actions()

    def _load_failed(self, generation: int, exc: Exception) -> None:
        if not self._current(generation):
            return
        self.data = None
        self._set_actions(())
        self.header.setText(esc(error_text(exc)))
        self.loaded.emit("")

    def _fill_documents(self, d: CaseDetailData) -> None:
        self.documents.setRowCount(0)
        issued = {e.seq: e.occurred_at for e in d.timeline}
        for doc in reversed(d.record.documents):
            row = self.documents.rowCount()
            self.documents.insertRow(row)
            printed = self._output_text(d.printed.get(doc["doc_no"]))
            values = (self._renderer.document_kind(doc["kind"]), doc["doc_no"],
                      when(issued.get(doc["seq"])), printed)
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, (doc["kind"], doc["doc_no"]))
                self.documents.setItem(row, col, item)
        if self.documents.rowCount():
            self.documents.selectRow(0)
        self._update_print_button()

    def _update_print_button(self) -> None:
        selected = self._selected_document()
        self.print_button.setEnabled(selected is not None)
        if selected is None or self.data is None:
            self.print_button.setText(self.tr("打印所选文书"))
            return
        outputs = self.data.printed.get(selected[1])
        self.print_button.setText(self.tr("补打所选文书") if outputs is not None and outputs.any
                                  else self.tr("打印所选文书"))

    def _output_text(self, outputs: DocumentOutputs | None) -> str:
        """已打印 only for paper: a document only saved as a PDF says so."""
        if outputs is not None and outputs.printed:
            return self.tr("已打印 {n} 次").format(n=outputs.printed)
        if outputs is not None and outputs.saved:
            return self.tr("已保存 PDF")
        return self.tr("未打印")

    def _selected_document(self) -> tuple[str, str] | None:
        items = self.documents.selectedItems()
        if not items:
            return None
        kind, doc_no = items[0].data(Qt.ItemDataRole.UserRole)
        return str(kind), str(doc_no)

    def _set_actions(self, actions: tuple[Action, ...]) -> None:
        for action, button in self._action_buttons.items():
            button.setVisible(action in actions)
            button.setEnabled(True)

    def _hint(self, d: CaseDetailData) -> str:
        r = d.record
        if Action.COMPLETE in d.actions and r.state in (State.APPROVED, State.DENIED):
            return self.tr("区中心已作出决定：请通知申请人领取结果，交付时办结并请其评价。")
        if Action.ESCALATE in d.actions:
            return self.tr("本事项须上报区级审批：核对材料后上报，由区中心代办。")
        if Action.COMPLETE in d.actions:
            return self.tr("本事项由站点办结：办理完成后办结并交付，请申请人评价。")
        if r.state == State.RETURNED:
            return self.tr("区中心退回补正：请联系申请人补齐后继续受理，重新上报。")
        if r.state == State.AWAITING_SUPPLEMENT:
            return self.tr("已出具一次性告知单：申请人带齐材料后继续受理。")
        if r.state == State.DRAFT:
            return self.tr("收件尚未完成：继续受理，或按申请人意愿撤回。")
        if Action.RATE in d.actions:
            return self.tr("已办结，尚未评价：请申请人在评价屏上评价，或登记口述评价、不愿评价。")
        if r.owner == Side.DISTRICT and Action.SUPPLEMENT in d.actions:
            return self.tr("案件在区中心办理；申请人补交的容缺材料可在此登记。")
        if r.owner == Side.DISTRICT:
            return self.tr("案件在区中心办理，站点暂不能更改状态；结果同步后在此交付。")
        if r.state.is_final:
            return self.tr("案件已结束，无需办理。")
        return self.tr("当前没有可办理的操作。")

    # --- forms ----------------------------------------------------------------------------------
    def _open_form(self, action: Action) -> None:
        self._message("")
        if action == Action.COMPLETE:
            form = self.complete_form
            self.delivery_combo.setCurrentIndex(0)
            self.result_edit.clear()
            focus: QWidget = self.delivery_combo
        elif action == Action.RATE:
            form = self.rate_form
            self.rate_picker.set_score(None)
            self.rate_comment.clear()
            self.rate_error.clear_error()
            who = self._session.clerk.display_name if self._session is not None else ""
            self.dictated_label.setText(self.tr(
                "或：申请人口述评价，由窗口人员（{name}）代为录入——评价将注明代为录入和录入人。"
            ).format(name=who))
            declined = self.data is not None and is_declined(self.data.record.rating)
            self.decline_button.setVisible(not declined)
            focus = self.ask_display_button
        else:
            form = self.withdraw_form
            self.withdraw_reason.clear()
            self.withdraw_error.clear_error()
            focus = self.withdraw_reason
        self.forms.setCurrentWidget(form)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _hide_form(self) -> None:
        self.forms.setCurrentIndex(0)

    def _message(self, text: str, colours: tuple[str, str] = GREEN) -> None:
        fg, bg = colours
        self.message.setStyleSheet(f"color: {fg}; background: {bg}; padding: 6px; "
                                   "border-radius: 4px;")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _conflict_resolved(self, text: str) -> None:
        self._message(text)
        self.reload()

    # --- actions --------------------------------------------------------------------------------
    def _resume(self) -> None:
        if self._key:
            self.resume_requested.emit(self._key)

    def complete(self) -> None:
        """办结并交付 with the form's delivery, result text and rating."""
        delivery = str(self.delivery_combo.currentData())
        text = self.result_edit.text()

        def work(ws: Workspace, case_no: str, clerk: str) -> object:
            return ws.cases.complete(case_no, delivery=delivery, text=text, clerk=clerk)

        self._run(work, self.tr("已办结并交付，评价屏已请申请人评价。正在生成办结通知…"),
                  then_print="result", busy=self.confirm_complete_button, then_rate=True)

    def rate(self) -> None:
        score = self.rate_picker.score()
        if score is None:
            self.rate_error.show_error(self.tr("请选择评价等级（1–5）。"))
            self.rate_picker.setFocus()
            return
        comment = self.rate_comment.text()

        def work(ws: Workspace, case_no: str, clerk: str) -> object:
            return ws.cases.rate(case_no, score, comment, channel=RatingChannel.CLERK_ON_BEHALF,
                                 clerk=clerk)

        note = self.tr("口述评价已代为录入（注明录入人）。") if score > 2 else self.tr(
            "口述差评已代为录入，将由区中心跟进整改。")
        self._run(work, note, busy=self.save_rating_button)

    def decline(self) -> None:
        """The citizen does not want to rate: noted without a score, naming the clerk."""
        def work(ws: Workspace, case_no: str, clerk: str) -> object:
            return ws.cases.decline_rating(case_no, clerk=clerk)

        self._run(work, self.tr("已登记：申请人不愿评价。"), busy=self.decline_button)

    def ask_on_display(self) -> None:
        """Put the five rating buttons on the customer display for this case."""
        if self.data is not None and self._publish_rating(self.data.record):
            self._hide_form()
            self._message(self.tr("评价屏已请申请人评价。"))

    def _publish_rating(self, rec: CaseRecord) -> bool:
        view = rating_of(rec)
        if view is None or self._session is None:
            return False
        self._session.bus.counter_view.emit(view)
        return True

    def withdraw(self) -> None:
        reason = self.withdraw_reason.text().strip()
        if not reason:
            self.withdraw_error.show_error(self.tr("请填写撤回原因。"))
            self.withdraw_reason.setFocus()
            return

        def work(ws: Workspace, case_no: str, clerk: str) -> object:
            return ws.cases.withdraw(case_no, reason, clerk=clerk)

        self._run(work, self.tr("已撤回。"), busy=self.confirm_withdraw_button)

    def open_supplement(self) -> None:
        """补交容缺材料…: tick the promised items brought now (a small dialog)."""
        d = self.data
        if d is None or not d.record.materials.awaited:
            return
        dialog = SupplementDialog(d.record.case_no, d.record.materials.awaited, d.today, self)
        dialog.accepted.connect(lambda: self.supplement(dialog.keys()))
        dialog.finished.connect(dialog.deleteLater)
        self.supplement_dialog = dialog
        dialog.open()

    def supplement(self, keys: list[str]) -> None:
        def work(ws: Workspace, case_no: str, clerk: str) -> object:
            return ws.cases.supplement(case_no, keys, clerk=clerk)

        self._run(work, self.tr("已登记补交 {n} 项容缺材料。").format(n=len(keys)),
                  busy=self.supplement_button)

    def escalate(self) -> None:
        def work(ws: Workspace, case_no: str, clerk: str) -> object:
            return ws.cases.escalate(case_no, clerk=clerk)

        self._run(work, self.tr("已上报区级，联网后同步到区中心。"), busy=self.escalate_button)

    def _run(self, work: Callable[[Workspace, str, str], object], done: str, *,
             then_print: str | None = None, busy: QPushButton | None = None,
             then_rate: bool = False) -> None:
        session, case_no = self._session, self._key
        if session is None or case_no is None:
            return
        ws, clerk = session.ws, session.username
        if busy is not None:
            busy.setEnabled(False)

        def ok(result: object) -> None:
            if busy is not None:
                busy.setEnabled(True)
            if then_rate and isinstance(result, CaseRecord):
                self._publish_rating(result)
            self._hide_form()
            self._message(done)
            self.reload()
            self.case_changed.emit(case_no)
            if then_print:
                self.print_document(then_print)

        def failed(exc: Exception) -> None:
            if busy is not None and shiboken6.isValid(busy):
                busy.setEnabled(True)
            text = error_text(exc)
            if isinstance(exc, ValidationError) and exc.field == "rating":
                self.rate_error.show_error(text)
            self._message(text, RED)
            self.action_failed.emit(text)

        Operation(lambda: work(ws, case_no, clerk), parent=self).success(ok).failure(failed) \
            .with_progress(self.tr("正在办理…")).run_in_background()

    # --- documents ------------------------------------------------------------------------------
    def print_selected(self) -> None:
        selected = self._selected_document()
        if selected is not None:
            self.print_document(*selected)

    def print_document(self, kind: str, doc_no: str | None = None) -> None:
        """Render the case's ``kind`` document (the one numbered ``doc_no``) and preview it;
        marked 补打 when it was printed before."""
        session, case_no = self._session, self._key
        if session is None or case_no is None:
            return
        ws, clerk = session.ws, session.username

        def work() -> object:
            from printing.issue import renderer
            from ui.station.intake.work import print_options

            return ws.documents.issue(case_no, kind, renderer(print_options(ws)), output=None,
                                      clerk=clerk, doc_no=doc_no)

        def ok(doc: Any) -> None:
            self.document_ready.emit(doc)
            preview = self.preview_opener(doc.pdf, document_title(doc), self.window())
            # 已打印 / 已保存 PDF once the clerk prints or saves it, not on rendering.
            log_outputs(preview, [doc], session, self.reload, parent=self)

        def failed(exc: Exception) -> None:
            text = error_text(exc)
            self._message(text, RED)
            self.action_failed.emit(text)

        Operation(work, parent=self).success(ok).failure(failed) \
            .with_progress(self.tr("正在生成文书…")).run_in_background()
