"""统计报表: per station and per matter over a period — accepted, completed, on time,
overdue, average working days — with CSV export and a printable PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerk.ratings import RatingChannel
from clerk.timeutil import local_date
from clerk.timeutil import today as beijing_today
from printing.district_report import DistrictReportData, ReportRow, report_csv
from staff_client.client import StaffClient
from ui.common.operations import Operation
from ui.common.widgets import (
    BLUE,
    GREEN,
    RED,
    CountCard,
    ListModel,
    ListRow,
    channel_label,
    list_view,
    open_pdf_preview,
)
from ui.district.session import DistrictSession, network
from wire.staff import PeriodReport, ReportLine


def _row(line: ReportLine) -> ReportRow:
    return ReportRow(line.code, line.name, line.accepted, line.completed, line.on_time,
                     line.overdue, line.average_days)


class ReportsPage(QWidget):
    ready = Signal()
    pdf_ready = Signal(bytes)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DistrictSession | None = None
        self._generation = 0
        self.report: PeriodReport | None = None
        self.preview_opener: Callable[[bytes, str, QWidget | None], object] = open_pdf_preview
        self._build()

    # --- public -------------------------------------------------------------------
    def attach(self, session: DistrictSession) -> None:
        self._session = session
        self.reload()

    def refresh(self) -> None:
        if self.report is None:
            self.reload()

    def set_period(self, since: date, until: date) -> None:
        self.from_edit.setDate(QDate(since.year, since.month, since.day))
        self.to_edit.setDate(QDate(until.year, until.month, until.day))

    def period(self) -> tuple[date, date]:
        a, b = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        assert isinstance(a, date) and isinstance(b, date)
        return min(a, b), max(a, b)

    def reload(self) -> None:
        session = self._session
        if session is None:
            return
        since, until = self.period()

        def work(client: StaffClient) -> PeriodReport:
            return client.report(since, until)

        self._generation += 1
        generation = self._generation

        def done(result: PeriodReport) -> None:
            if generation == self._generation:  # a newer request supersedes this one
                self._show(result)

        network(session, work, parent=self, done=done,
                failed=lambda text: self.note.setText(text))

    def data(self) -> DistrictReportData | None:
        r, session = self.report, self._session
        if r is None or session is None:
            return None
        return DistrictReportData(
            district_name=self.district_name(), since=r.since, until=r.until,
            generated_at=r.generated_at, generated_by=session.display_name,
            by_station=[_row(x) for x in r.by_station], by_matter=[_row(x) for x in r.by_matter],
            total=_row(r.total),
            rating_channels=[(c.label, r.rating_channels.get(c.value, 0)) for c in RatingChannel
                             if c != RatingChannel.DECLINED],
            declined=r.rating_channels.get(RatingChannel.DECLINED.value, 0))

    def district_name(self) -> str:
        """海淀区政务服务中心: the district most of the stations belong to."""
        from collections import Counter

        from clerk.validation import BEIJING_DISTRICTS

        facets = self._session.facets if self._session else None
        codes = Counter(s.code[:6] for s in facets.stations) if facets else Counter()
        district = BEIJING_DISTRICTS.get(codes.most_common(1)[0][0], "") if codes else ""
        return self.tr("{district}政务服务中心").format(district=district)

    def export_csv(self, path: Path) -> None:
        data = self.data()
        if data is None:
            return
        # With a BOM, so spreadsheet programs read the Chinese text as UTF-8.
        path.write_text(report_csv(data), encoding="utf-8-sig")
        self.note.setText(self.tr("已导出：{path}").format(path=str(path)))

    def choose_csv(self) -> None:
        data = self.data()
        if data is None:
            return
        name = f"办件统计-{data.since:%Y%m%d}-{data.until:%Y%m%d}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出 CSV"), name,
                                              self.tr("CSV 文件 (*.csv)"))
        if path:
            self.export_csv(Path(path))

    def print_pdf(self) -> None:
        data = self.data()
        if data is None:
            return

        def render() -> bytes:
            from printing.district_report import render_district_report

            return render_district_report(data)

        def done(pdf: bytes) -> None:
            self.pdf_ready.emit(pdf)
            self.preview_opener(pdf, self.tr("办件统计报表 {a}–{b}").format(
                a=data.since.isoformat(), b=data.until.isoformat()), self)

        Operation(render, parent=self, serial=False).success(done) \
            .with_progress(self.tr("正在生成报表…")).run_in_background()

    # --- construction -------------------------------------------------------------
    def _build(self) -> None:
        today = beijing_today()
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        for edit, day in ((self.from_edit, today.replace(day=1)), (self.to_edit, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
        query = QPushButton(self.tr("查询"))
        query.clicked.connect(self.reload)
        self.csv_button = QPushButton(self.tr("导出 CSV…"))
        self.csv_button.clicked.connect(self.choose_csv)
        self.pdf_button = QPushButton(self.tr("打印预览（PDF）"))
        self.pdf_button.clicked.connect(self.print_pdf)
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(False)
        self.note = QLabel()
        self.note.setStyleSheet("color: #3c4043;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("统计期间")))
        top.addWidget(self.from_edit)
        top.addWidget(QLabel("–"))
        top.addWidget(self.to_edit)
        top.addWidget(query)
        top.addWidget(self.note, 1)
        top.addWidget(self.csv_button)
        top.addWidget(self.pdf_button)
        self.cards = {"accepted": CountCard(self.tr("受理"), BLUE),
                      "completed": CountCard(self.tr("办结"), GREEN),
                      "rate": CountCard(self.tr("按时率"), GREEN),
                      "overdue": CountCard(self.tr("超期办结"), RED),
                      "average": CountCard(self.tr("平均用时（工作日）"), BLUE)}
        cards = QHBoxLayout()
        for card in self.cards.values():
            card.setCheckable(False)
            cards.addWidget(card)
        columns = (self.tr("受理"), self.tr("办结"), self.tr("按时办结"), self.tr("超期办结"),
                   self.tr("按时率"), self.tr("平均用时（工作日）"))
        centred = tuple(range(1, 7))
        self.by_station = ListModel((self.tr("站点"), *columns), self, centred=centred)
        self.by_matter = ListModel((self.tr("事项"), *columns), self, centred=centred)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addLayout(cards)
        # What the numbers count (the printed report says the same under its title).
        self.definition = QLabel(self.tr(
            "各栏均为办件数，每件只计一次：受理按受理日期，办结按首次办结日（区级决定或站点交付）；"
            "一件可同时计入受理和办结。"))
        self.definition.setWordWrap(True)
        self.definition.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.definition)
        self.channels_label = QLabel()
        layout.addWidget(self.channels_label)
        layout.addWidget(split, 1)

    # --- showing ------------------------------------------------------------------
    def _show(self, report: PeriodReport) -> None:
        self.report = report
        total = _row(report.total)
        self.cards["accepted"].set_count(total.accepted)
        self.cards["completed"].set_count(total.completed)
        self.cards["rate"].number.setText(total.on_time_rate)
        self.cards["overdue"].set_count(total.overdue)
        self.cards["average"].number.setText(total.average)
        for model, lines in ((self.by_station, report.by_station),
                             (self.by_matter, report.by_matter)):
            rows = [_row(x) for x in lines]
            model.set_rows([ListRow((r.name, *r.cells()), key=r.code,
                                    colours={4: RED} if r.overdue else {}) for r in rows])
        self.channels_label.setText(self.tr("期间内评价（按评价渠道）：{channels}").format(
            channels="　".join(f"{channel_label(c)} {report.rating_channels.get(c.value, 0)}"
                              for c in RatingChannel)))
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(True)
        self.note.setText(self.tr("生成于 {when}").format(
            when=local_date(report.generated_at).isoformat()))
        self.ready.emit()
