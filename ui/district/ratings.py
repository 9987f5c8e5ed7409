"""好差评: the ratings' distribution per station and per matter over a period, and the
follow-up of every bad rating (差评整改).

Every rating of 1 or 2 is a follow-up item due 15 working days after the rating (the
district's working-day calendar). The reviewer records its owner, the rectification and
the follow-up call, and closes it when done; late items are red.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk.ratings import RatingChannel
from clerk.timeutil import local_time
from clerk.timeutil import today as beijing_today
from staff_client.client import StaffClient
from ui.common.widgets import (
    AMBER,
    BLUE,
    GREEN,
    GREY,
    RED,
    CountCard,
    FieldError,
    ListModel,
    ListRow,
    channel_label,
    list_view,
    qdate,
    rating_channel_text,
    rating_label,
)
from ui.district.session import DistrictSession, network
from wire.staff import FollowupItem, FollowupList, FollowupUpdate, RatingGroup, RatingsResponse


class RatingsPage(QWidget):
    ready = Signal()
    saved = Signal(str)  # case id of a follow-up just saved

    owner_edit: QLineEdit
    fix_edit: QPlainTextEdit
    call_edit: QPlainTextEdit
    done_check: QCheckBox
    save_error: FieldError
    saved_label: QLabel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DistrictSession | None = None
        self._generation = 0
        self.ratings: RatingsResponse | None = None
        self.followups: FollowupList | None = None
        self._current: FollowupItem | None = None
        self._keep: str | None = None
        self._build()

    # --- public -------------------------------------------------------------------
    def attach(self, session: DistrictSession) -> None:
        self._session = session
        self.reload()

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        session = self._session
        if session is None:
            return
        since, until = self.period()

        def work(client: StaffClient) -> tuple[RatingsResponse, FollowupList]:
            return client.ratings(since, until), client.followups()

        self._generation += 1
        generation = self._generation

        def done(result: tuple[RatingsResponse, FollowupList]) -> None:
            if generation == self._generation:  # a newer request supersedes this one
                self._show(result)

        network(session, work, parent=self, done=done,
                failed=lambda text: self.note.setText(text))

    def period(self) -> tuple[date, date]:
        a, b = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        assert isinstance(a, date) and isinstance(b, date)
        return min(a, b), max(a, b)

    def select_followup(self, case_id: str) -> None:
        for i in range(self.items.rowCount()):
            if self.items.row_at(i).key == case_id:
                self.item_view.selectRow(i)
                self._pick(self.items.index(i, 0))
                return

    def save(self) -> None:
        session, item = self._session, self._current
        if session is None or item is None:
            return
        update = FollowupUpdate(owner=self.owner_edit.text().strip(),
                                rectification=self.fix_edit.toPlainText().strip(),
                                call_record=self.call_edit.toPlainText().strip(),
                                done=self.done_check.isChecked())
        if update.done and not (update.rectification and update.call_record):
            self.save_error.show_error(self.tr("完成整改前请记录整改情况和回访情况。"))
            return
        self.save_error.clear_error()
        case_id = item.case_id

        def work(client: StaffClient) -> FollowupItem:
            return client.save_followup(case_id, update)

        def done(saved: FollowupItem) -> None:
            self.saved_label.setText(self.tr("已保存（{when}）。").format(
                when=local_time(saved.updated_at).strftime("%H:%M") if saved.updated_at else ""))
            self.saved.emit(saved.case_id)
            self._keep = saved.case_id
            self.reload()

        network(session, work, parent=self, done=done, failed=self.save_error.show_error)

    # --- construction -------------------------------------------------------------
    def _build(self) -> None:
        today = beijing_today()
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        for edit, day in ((self.from_edit, today - timedelta(days=89)), (self.to_edit, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(qdate(day))
        refresh = QPushButton(self.tr("查询"))
        refresh.clicked.connect(self.reload)
        self.note = QLabel()
        self.note.setStyleSheet("color: #3c4043;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("评价日期")))
        top.addWidget(self.from_edit)
        top.addWidget(QLabel("–"))
        top.addWidget(self.to_edit)
        top.addWidget(refresh)
        top.addWidget(self.note, 1)
        self.cards = {"total": CountCard(self.tr("评价总数"), BLUE),
                      "average": CountCard(self.tr("平均分"), GREEN),
                      "bad": CountCard(self.tr("差评（1–2分）"), RED),
                      "open": CountCard(self.tr("整改中"), AMBER),
                      "overdue": CountCard(self.tr("整改逾期"), RED)}
        cards = QHBoxLayout()
        for card in self.cards.values():
            card.setCheckable(False)
            cards.addWidget(card)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_distribution(), self.tr("评价分布"))
        self.tabs.addTab(self._build_followups(), self.tr("差评整改"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addLayout(cards)
        layout.addWidget(self.tabs, 1)

    def _distribution_headers(self, first: str) -> tuple[str, ...]:
        return (first, *(f"{n} {rating_label(n)}" for n in (5, 4, 3, 2, 1)),
                self.tr("合计"), self.tr("差评"), self.tr("平均分"),
                *(channel_label(c) for c in RatingChannel))

    def _build_distribution(self) -> QWidget:
        centred = tuple(range(1, 9 + len(RatingChannel)))
        self.by_station = ListModel(self._distribution_headers(self.tr("站点")), self,
                                    centred=centred)
        self.by_matter = ListModel(self._distribution_headers(self.tr("事项")), self,
                                   centred=centred)
        split = QSplitter(Qt.Orientation.Vertical)
        for title, model in ((self.tr("按站点"), self.by_station),
                             (self.tr("按事项"), self.by_matter)):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 4, 0, 0)
            label = QLabel(title)
            label.setStyleSheet("font-weight: bold; color: #1a56a8;")
            column.addWidget(label)
            column.addWidget(list_view(model, stretch=0), 1)
            split.addWidget(box)
        return split

    def _build_followups(self) -> QWidget:
        self.items = ListModel((self.tr("办件编号"), self.tr("站点"), self.tr("评分"),
                                self.tr("评价意见"), self.tr("评价日期"), self.tr("整改期限"),
                                self.tr("责任人"), self.tr("状态"), self.tr("评价渠道")), self,
                               centred=(2, 4, 5, 7))
        self.item_view = list_view(self.items, stretch=3)
        header = self.item_view.horizontalHeader()
        header.setSectionResizeMode(1, header.ResizeMode.Interactive)
        header.resizeSection(1, 190)  # the station's name; the comment gets the rest
        self.item_view.clicked.connect(self._pick)
        self.item_view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._pick(cur))
        editor = QFrame()
        editor.setObjectName("editor")
        editor.setFixedWidth(380)
        editor.setStyleSheet("QFrame#editor { background: #f6f8fa; "
                             "border-left: 1px solid #d0d7de; }")
        form = QFormLayout(editor)
        form.setContentsMargins(12, 8, 12, 8)
        self.item_title = QLabel(self.tr("选择一条差评记录跟进情况。"))
        self.item_title.setWordWrap(True)
        self.item_title.setStyleSheet("font-weight: bold;")
        # The citizen's words in full: the list's column cuts them (等候时…).
        self.comment_label = QLabel()
        self.comment_label.setWordWrap(True)
        self.comment_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.comment_label.setStyleSheet("color: #a8231b;")
        self.owner_edit = QLineEdit()
        self.owner_edit.setPlaceholderText(self.tr("负责整改的人或科室"))
        self.fix_edit = QPlainTextEdit()
        self.fix_edit.setPlaceholderText(self.tr("查明的原因和采取的整改措施"))
        self.call_edit = QPlainTextEdit()
        self.call_edit.setPlaceholderText(self.tr("回访时间、方式、申请人的意见"))
        self.done_check = QCheckBox(self.tr("整改完成，关闭此项"))
        self.save_error = FieldError()
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet("color: #1b6e35;")
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setStyleSheet("font-weight: bold;")
        self.save_button.clicked.connect(self.save)
        form.addRow(self.item_title)
        form.addRow(self.tr("评价意见"), self.comment_label)
        form.addRow(self.tr("责任人"), self.owner_edit)
        form.addRow(self.tr("整改情况"), self.fix_edit)
        form.addRow(self.tr("回访记录"), self.call_edit)
        form.addRow("", self.done_check)
        form.addRow(self.save_error)
        form.addRow(self.save_button, self.saved_label)
        self._enable_editor(False)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 4, 0, 0)
        row.addWidget(self.item_view, 1)
        row.addWidget(editor)
        return box

    # --- showing ------------------------------------------------------------------
    def _show(self, got: tuple[RatingsResponse, FollowupList]) -> None:
        self.ratings, self.followups = got
        r, f = got
        self.cards["total"].set_count(r.overall.total)
        self.cards["average"].number.setText(f"{r.overall.average:.2f}"
                                             if r.overall.average is not None else "—")
        self.cards["bad"].set_count(r.overall.bad)
        self.cards["open"].set_count(f.open)
        self.cards["overdue"].set_count(f.overdue)
        self.by_station.set_rows([self._group_row(g) for g in r.by_station])
        self.by_matter.set_rows([self._group_row(g) for g in r.by_matter])
        self.items.set_rows([self._item_row(i) for i in f.items])
        channels = "　".join(f"{channel_label(c)} {r.overall.channels.get(c.value, 0)}"
                            for c in RatingChannel)
        self.note.setText(self.tr("差评须在评价后 15 个工作日内完成整改和回访（今天 {day}）。"
                                  "评价渠道：{channels}").format(day=f.today.isoformat(),
                                                               channels=channels))
        keep, self._keep = self._keep, None
        if keep:
            self.select_followup(keep)
        elif self._current is not None:
            self.select_followup(self._current.case_id)
        self.ready.emit()

    def _group_row(self, g: RatingGroup) -> ListRow:
        counts = [str(g.counts.get(str(n), 0)) for n in (5, 4, 3, 2, 1)]
        average = f"{g.average:.2f}" if g.average is not None else "—"
        colours = {7: RED} if g.bad else {}
        channels = [str(g.channels.get(c.value, 0)) for c in RatingChannel]
        return ListRow((g.name, *counts, str(g.total), str(g.bad), average, *channels),
                       key=g.code, colours=colours)

    def _item_row(self, i: FollowupItem) -> ListRow:
        status = {"open": self.tr("整改中（余 {n} 日）").format(n=i.days_left),
                  "overdue": self.tr("逾期 {n} 个工作日").format(n=-i.days_left),
                  "done": self.tr("已完成"),
                  "late_done": self.tr("已完成（逾期）")}[i.status]
        colours = {"open": AMBER, "overdue": RED, "done": GREEN, "late_done": GREY}
        return ListRow((i.case_no, i.station_name, f"{i.score} {rating_label(i.score)}",
                        i.comment or "—", i.rated_on.isoformat(), i.deadline.isoformat(),
                        i.owner or "—", status,
                        rating_channel_text({"channel": i.channel, "entered_by": i.entered_by})),
                       key=i.case_id, payload=i,
                       colours={2: RED, 7: colours[i.status]})

    def _pick(self, index: QModelIndex) -> None:
        if not index.isValid() or self.followups is None:
            return
        item = self.items.row_at(index.row()).payload
        assert isinstance(item, FollowupItem)
        self._current = item
        self.item_title.setText(self.tr("{case} · {score} 分 · 期限 {deadline}").format(
            case=item.case_no, score=item.score, deadline=item.deadline.isoformat()))
        self.comment_label.setText(item.comment or self.tr("（未填写意见）"))
        self.owner_edit.setText(item.owner)
        self.fix_edit.setPlainText(item.rectification)
        self.call_edit.setPlainText(item.call_record)
        self.done_check.setChecked(item.done)
        self.save_error.clear_error()
        self.saved_label.clear()
        self._enable_editor(True)

    def _enable_editor(self, on: bool) -> None:
        for w in (self.owner_edit, self.fix_edit, self.call_edit, self.done_check,
                  self.save_button):
            w.setEnabled(on)
