"""统计: what the station did in a period, and the printed daily report.

Pick a period (today by default); the page counts cases the way the daily report does
(:mod:`clerk.reports`), each table saying what it counts: the cases received in the
period by matter and current state, and by matter the cases with each kind of event in
the period (受理, 办结 …). It shows today's supervision levels, the ratings with their
distribution and channels, and every bad rating (差评) of the period, which the district
must follow up. 打印日报 renders the station daily report for a day and opens it in the
print preview. Aggregates only: no personal data on this page.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clerk.cases.queries import Level
from clerk.ratings import RatingChannel
from clerk.reports import (
    ACTIVITY_CAPTION,
    CONSULTATIONS_CAPTION,
    RATINGS_CAPTION,
    STATE_ORDER,
    STATES_CAPTION,
    Activity,
    StationReport,
)
from clerk.timeutil import local_date
from clerk.workspace import Workspace
from ui.common.operations import Operation, error_text
from ui.common.widgets import (
    AMBER,
    BLUE,
    DETAIL_CSS,
    GREEN,
    GREY,
    RED,
    YELLOW,
    CountCard,
    ListModel,
    ListRow,
    channel_label,
    esc,
    join_clauses,
    list_view,
    open_pdf_preview,
    qdate,
    rating_label,
    state_label,
    table,
)
from ui.station.case_table_model import supervision_cut
from ui.station.session import Session

#: The daily report's state columns, in its order.
COLUMNS = STATE_ORDER
#: The daily report's activity columns, in its order.
ACTIVITIES = tuple(Activity)


def load_summary(ws: Workspace, start: date, end: date) -> StationReport:
    return ws.case_lists.station_report(start, end, supervision_cut(ws))


def _reports_tr(text: str) -> str:
    return QCoreApplication.translate("reports", text)


class ReportsPage(QWidget):
    """Period summary and the daily report."""

    #: A summary is shown.
    summary_loaded = Signal(object)
    #: The daily report's PDF was rendered (bytes), before the preview opens.
    report_ready = Signal(bytes)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._generation = 0
        self.summary: StationReport | None = None
        self.preview_opener = open_pdf_preview
        self._build()

    # --- public API -----------------------------------------------------------------------
    def attach(self, session: Session) -> None:
        self._session = session
        today = local_date(session.ws.now())
        self.report_date.setDate(qdate(today))
        self._apply_preset()

    def refresh(self) -> None:
        self.reload()

    def set_period(self, start: date, end: date) -> None:
        self.preset_combo.blockSignals(True)
        self.preset_combo.setCurrentIndex(self.preset_combo.findData("custom"))
        self.preset_combo.blockSignals(False)
        for edit, day in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)
        self.reload()

    def period(self) -> tuple[date, date]:
        start, end = _pydate(self.from_edit.date()), _pydate(self.to_edit.date())
        return (start, end) if start <= end else (end, start)

    def reload(self) -> None:
        session = self._session
        if session is None:
            return
        self._generation += 1
        generation = self._generation
        ws = session.ws
        start, end = self.period()
        self.status_label.setText(self.tr("正在统计…"))
        Operation(lambda: load_summary(ws, start, end), parent=self) \
            .success(lambda s: self._show(generation, s)) \
            .failure(lambda exc: self._failed(generation, exc)) \
            .with_progress(self.tr("正在统计…")).run_in_background()

    def print_daily_report(self) -> None:
        """Render the daily report of the chosen day and open it in the print preview."""
        session = self._session
        if session is None:
            return
        ws = session.ws
        day = _pydate(self.report_date.date())

        def work() -> bytes:
            from printing.issue import render_daily_report
            from ui.station.intake.work import print_options

            return render_daily_report(ws.documents.daily_report(day), print_options(ws))

        def ok(pdf: bytes) -> None:
            self.print_button.setEnabled(True)
            self.report_ready.emit(pdf)
            title = self.tr("站点日报 {day}").format(day=day.isoformat())
            self.preview_opener(pdf, title, self.window())

        def failed(exc: Exception) -> None:
            self.print_button.setEnabled(True)
            self.status_label.setText(error_text(exc))

        self.print_button.setEnabled(False)
        Operation(work, parent=self).success(ok).failure(failed) \
            .with_progress(self.tr("正在生成日报…")).run_in_background()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.preset_combo = QComboBox()
        for label, value in ((self.tr("今天"), "today"), (self.tr("昨天"), "yesterday"),
                             (self.tr("本周"), "week"), (self.tr("本月"), "month"),
                             (self.tr("上月"), "last_month"), (self.tr("近30天"), "30"),
                             (self.tr("自定义"), "custom")):
            self.preset_combo.addItem(label, value)
        self.from_edit, self.to_edit, self.report_date = QDateEdit(), QDateEdit(), QDateEdit()
        for edit in (self.from_edit, self.to_edit, self.report_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.preset_combo.currentIndexChanged.connect(lambda _i: self._apply_preset())
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self._dates_edited())
        self.print_button = QPushButton(self.tr("打印日报(&P)"))
        self.print_button.clicked.connect(self.print_daily_report)
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #5f6368;")
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("统计期间")))
        controls.addWidget(self.preset_combo)
        controls.addWidget(self.from_edit)
        controls.addWidget(QLabel("–"))
        controls.addWidget(self.to_edit)
        controls.addWidget(self.status_label, 1)
        controls.addWidget(QLabel(self.tr("日报日期")))
        controls.addWidget(self.report_date)
        controls.addWidget(self.print_button)

        titles = ((self.tr("收件"), BLUE), (self.tr("受理"), BLUE), (self.tr("办结"), GREEN),
                  (self.tr("不予受理"), GREY), (self.tr("评价"), GREEN), (self.tr("差评"), RED),
                  (self.tr("当前超期"), RED), (self.tr("当前预警"), YELLOW))
        self.cards = [CountCard(t, c) for t, c in titles]
        cards = QHBoxLayout()
        for card in self.cards:
            card.setCheckable(False)
            card.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            card.setMinimumHeight(58)
            cards.addWidget(card)

        self.states_caption = self._caption(_reports_tr(STATES_CAPTION))
        heads = (self.tr("事项"), *(state_label(st) for st in COLUMNS), self.tr("合计"))
        self.table_model = ListModel(heads, self, centred=tuple(range(1, len(heads))))
        self.table = self._count_table(self.table_model, len(heads))
        self.activity_caption = self._caption(_reports_tr(ACTIVITY_CAPTION))
        activity_heads = (self.tr("事项"), *(_reports_tr(a.label) for a in ACTIVITIES))
        self.activity_model = ListModel(activity_heads, self,
                                        centred=tuple(range(1, len(activity_heads))))
        self.activity_table = self._count_table(self.activity_model, len(activity_heads))
        tables = QWidget()
        column = QVBoxLayout(tables)
        column.setContentsMargins(0, 0, 0, 0)
        for title, caption, view in (
                (self.tr("收件办件（按当前状态）"), self.states_caption, self.table),
                (self.tr("办理情况（按办理事件）"), self.activity_caption, self.activity_table)):
            heading = QLabel(title)
            heading.setStyleSheet("font-weight: bold; color: #1a56a8;")
            column.addWidget(heading)
            column.addWidget(caption)
            column.addWidget(view, 1)
        self.ratings_view = QTextBrowser()
        self.ratings_view.setOpenLinks(False)
        self.ratings_view.document().setDefaultStyleSheet(DETAIL_CSS)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(tables)
        splitter.addWidget(self.ratings_view)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([800, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(8)
        layout.addLayout(controls)
        layout.addLayout(cards)
        layout.addWidget(splitter, 1)
        refresh = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.reload)
        self.setFocusProxy(self.preset_combo)

    @staticmethod
    def _caption(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("color: #5f6368; font-size: 11px;")
        return label

    @staticmethod
    def _count_table(model: ListModel, columns: int) -> QWidget:
        view = list_view(model, stretch=0)
        header = view.horizontalHeader()
        header.setMinimumSectionSize(44)
        for col in range(1, columns):  # wide enough for the heading (一次性告知)
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return view

    # --- period ---------------------------------------------------------------------------
    def _apply_preset(self) -> None:
        choice = self.preset_combo.currentData()
        if self._session is None or choice == "custom":
            return
        today = local_date(self._session.ws.now())
        start, end = today, today
        if choice == "yesterday":
            start = end = today - timedelta(days=1)
        elif choice == "week":
            start = today - timedelta(days=today.weekday())
        elif choice == "month":
            start = today.replace(day=1)
        elif choice == "last_month":
            end = today.replace(day=1) - timedelta(days=1)
            start = end.replace(day=1)
        elif choice == "30":
            start = today - timedelta(days=29)
        for edit, day in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)
        self.reload()

    def _dates_edited(self) -> None:
        self.preset_combo.blockSignals(True)
        self.preset_combo.setCurrentIndex(self.preset_combo.findData("custom"))
        self.preset_combo.blockSignals(False)
        self.reload()

    # --- showing ----------------------------------------------------------------------------
    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.status_label.setText(error_text(exc))

    def _show(self, generation: int, s: StationReport) -> None:
        if generation != self._generation:
            return
        self.summary = s
        days = (s.end - s.start).days + 1
        self.status_label.setText(
            self.tr("{start} 至 {end}，共 {n} 天").format(start=s.start, end=s.end, n=days)
            if days > 1 else self.tr("{day}").format(day=s.start))
        # 收件: cases received; 受理/办结/不予受理: cases with that event (the tables' totals)
        values = (s.received(), s.did_total(Activity.ACCEPTED), s.did_total(Activity.COMPLETED),
                  s.did_total(Activity.REFUSED), s.rated, s.bad_count,
                  s.levels.get(Level.RED, 0), s.levels.get(Level.YELLOW, 0))
        for card, n in zip(self.cards, values, strict=True):
            card.set_count(n)
        self.table_model.set_rows(self._rows(s))
        self.activity_model.set_rows(self._activity_rows(s))
        self.ratings_view.setHtml(self._ratings_html(s))
        self.summary_loaded.emit(s)

    def _rows(self, s: StationReport) -> list[ListRow]:
        """Cases received in the period, by matter and current state, with totals."""
        rows = []
        for code, name in s.state_matters():
            counts = [s.count(code, st) for st in COLUMNS]
            texts = (name, *(str(n) if n else "·" for n in counts), str(sum(counts)))
            rows.append(ListRow(texts, key=code, tooltips={0: f"{name}\n{code}"}))
        totals = [s.total(st) for st in COLUMNS]
        if rows:
            rows.append(ListRow((self.tr("合计"), *(str(n) for n in totals), str(sum(totals))),
                                colours={i: ("#1f2d3d", "#eef0f2")
                                         for i in range(len(COLUMNS) + 2)}))
        return rows

    def _activity_rows(self, s: StationReport) -> list[ListRow]:
        """By matter, the cases with each kind of event: no row total (a case may be in
        several columns)."""
        rows = []
        for code, name in s.activity_matters():
            counts = [s.did(code, a) for a in ACTIVITIES]
            texts = (name, *(str(n) if n else "·" for n in counts))
            rows.append(ListRow(texts, key=code, tooltips={0: f"{name}\n{code}"}))
        if rows:
            rows.append(ListRow((self.tr("合计"), *(str(s.did_total(a)) for a in ACTIVITIES)),
                                colours={i: ("#1f2d3d", "#eef0f2")
                                         for i in range(len(ACTIVITIES) + 1)}))
        return rows

    def _ratings_html(self, s: StationReport) -> str:
        total = s.rated
        parts = ["<h3>" + esc(self.tr("好差评（{n} 条）").format(n=total)) + "</h3>",
                 "<p class='small'>" + esc(_reports_tr(RATINGS_CAPTION)) + "</p>"]
        if not total:
            parts.append("<p class='muted'>" + esc(self.tr("本期间没有评价。")) + "</p>")
        else:
            rows = []
            for score in (5, 4, 3, 2, 1):
                n = s.ratings.get(score, 0)
                share = n * 100 / total
                colour = "#c62828" if score <= 2 else ("#d4a000" if score == 3 else "#1a7f37")
                blocks = "█" * max(1, round(share * 0.15)) if n else ""
                bar = f'<span style="color:{colour}">{blocks}</span>'
                count = esc(self.tr("{n}（{p}%）").format(n=n, p=f"{share:.0f}"))
                rows.append(f"<tr><td width='28%'>{score} {esc(rating_label(score))}</td>"
                            f"<td width='50%'>{bar}</td>"
                            f"<td width='22%' align='right'>{count}</td></tr>")
            parts.append(table("".join(rows)))
            good = sum(s.ratings.get(k, 0) for k in (5, 4, 3))
            satisfied = self.tr("满意率 {p}%").format(p=f"{good * 100 / total:.1f}")
            parts.append("<p>" + esc(satisfied) + "</p>")
            parts.append("<p>" + esc(self.tr("评价渠道：")) + "\u3000".join(
                f"{esc(channel_label(c))} <b>{s.channels.get(c, 0)}</b>" for c in RatingChannel
                if c != RatingChannel.DECLINED) + "</p>")
        if s.declined:  # no score: beside the ratings, never among them
            parts.append("<p>" + esc(self.tr("申请人不愿评价：{n} 件（不计入评价等级）").format(
                n=s.declined)) + "</p>")
        parts.append(self._consultations_html(s))
        levels = s.levels
        parts.append("<h3>" + esc(self.tr("电子监察（今日）")) + "</h3><p>" + "\u3000".join(
            f"{esc(label)} <b>{levels.get(level, 0)}</b>" for label, level in (
                (self.tr("正常"), Level.NORMAL), (self.tr("预警"), Level.YELLOW),
                (self.tr("超期"), Level.RED)))
            + "<br><span class='small'>" + esc(self.tr(
                "其中退回补正、暂停计时的 {n} 件按退回时的状态计。").format(
                    n=levels.get(Level.PAUSED, 0))) + "</span></p>")
        parts.append("<h3>" + esc(self.tr("差评（须区中心15个工作日内跟进整改）")) + "</h3>")
        if not s.bad:
            parts.append("<p class='muted'>" + esc(self.tr("本期间没有差评。")) + "</p>")
        else:
            fg, bg = AMBER
            head = (self.tr("日期"), self.tr("办件编号"),
                    self.tr("评价", "column: the rating given"), self.tr("意见"),
                    self.tr("评价渠道"))
            rows = ["<tr>" + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr>"]
            for b in s.bad[:200]:
                rows.append(f"<tr><td>{b.day.strftime('%m-%d')}</td><td>{esc(b.case_no)}"
                            f"<br><span class='small'>{esc(b.matter_name)}</span></td>"
                            f"<td style='color:{RED[0]}'>{b.score} {esc(rating_label(b.score))}"
                            f"</td><td>{esc(b.comment) or '—'}</td>"
                            f"<td>{esc(_channel_text(b.channel, b.entered_by))}</td></tr>")
            parts.append(table("".join(rows), border=1))
            if len(s.bad) > 200:
                parts.append(f"<p style='color:{fg}; background-color:{bg}'>" + esc(self.tr(
                    "仅列出前 200 条。")) + "</p>")
        return "".join(parts)


    def _consultations_html(self, s: StationReport) -> str:
        """咨询 N 次: citizens who only asked (not cases), with the matters asked about."""
        parts = ["<h3>" + esc(self.tr("咨询登记")) + "</h3>",
                 "<p>" + esc(self.tr("咨询 {n} 次").format(n=s.consulted)) + "</p>",
                 "<p class='small'>" + esc(_reports_tr(CONSULTATIONS_CAPTION)) + "</p>"]
        top = s.consultations.most_common(5)
        if top:
            parts.append("<p class='small'>" + esc(join_clauses(
                f"{s.matters.get(code, code)} {n}" for code, n in top)) + "</p>")
        return "".join(parts)


def _channel_text(channel: RatingChannel, entered_by: str) -> str:
    from clerk.ratings import ON_BEHALF_TEMPLATE

    if channel == RatingChannel.CLERK_ON_BEHALF and entered_by:
        return QCoreApplication.translate("ratings", ON_BEHALF_TEMPLATE).format(name=entered_by)
    return channel_label(channel)


def _pydate(q: QDate) -> date:
    value = q.toPython()
    assert isinstance(value, date)
    return value
