"""电子监察: yellow (预警) and red (超期) cases per station and per matter, stations that
have not synced for a while, and a drill-down to the cases themselves.

Click a station or a matter (or its 超期 / 预警 number) and the list below shows those
cases; double-click a case to open it in the queue. The "silent for more than N hours"
threshold is kept in the window's settings.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerk.cases.queries import Level
from clerk.timeutil import local_time
from staff_client.client import QueueQuery, StaffClient
from ui.common.widgets import (
    AMBER,
    GREY,
    LEVEL_COLOURS,
    RED,
    CountCard,
    ListModel,
    ListRow,
    list_view,
)
from ui.district.queue import queue_view
from ui.district.queue_model import QueueModel
from ui.district.session import DistrictSession, network
from wire.staff import BoardResponse, LevelCounts, StationActivity

STALE_KEY = "board/stale_hours"


def _when(moment: datetime | None) -> str:
    return local_time(moment).strftime("%m-%d %H:%M") if moment else "—"


class BoardPage(QWidget):
    ready = Signal()  # the board's numbers are shown
    NAME, RED_COL, YELLOW_COL, NORMAL_COL, PAUSED_COL, SYNC_COL = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DistrictSession | None = None
        self._generation = 0
        self.data: BoardResponse | None = None
        self._build()

    # --- public -------------------------------------------------------------------
    def attach(self, session: DistrictSession) -> None:
        self._session = session
        self.cases.set_session(session)
        self.reload()
        self.drill(level="attention")

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        session = self._session
        if session is None:
            return
        hours = self.stale_spin.value()
        QSettings("StationDesk", "district").setValue(STALE_KEY, hours)

        def work(client: StaffClient) -> BoardResponse:
            return client.board(hours)

        self._generation += 1
        generation = self._generation

        def done(result: BoardResponse) -> None:
            if generation == self._generation:  # a newer request supersedes this one
                self._show(result)

        network(session, work, parent=self, done=done,
                failed=lambda text: self.note.setText(text))

    def drill(self, *, station: str | None = None, matter: str | None = None,
              level: str = "attention") -> None:
        """List the station's (or matter's) cases at `level` below the tables."""
        self.cases.set_query(QueueQuery(scope="supervised", station_code=station,
                                        matter_code=matter, level=level))
        name = self.tr("全部站点")
        if self.data is not None and (station or matter):
            rows = self.data.by_station if station else self.data.by_matter
            name = next((r.name for r in rows if r.code in (station, matter)), "")
        what = {"red": self.tr("超期"), "yellow": self.tr("预警"),
                "attention": self.tr("预警或超期")}.get(level, level)
        self.drill_label.setText(self.tr("{name}：{what}的案件（双击打开）").format(
            name=name, what=what))

    # --- construction -------------------------------------------------------------
    def _build(self) -> None:
        self.stale_spin = QSpinBox()
        self.stale_spin.setRange(1, 24 * 30)
        self.stale_spin.setSuffix(self.tr(" 小时"))
        saved = QSettings("StationDesk", "district").value(STALE_KEY, 24)
        self.stale_spin.setValue(int(str(saved)) if str(saved).isdigit() else 24)
        self.stale_spin.editingFinished.connect(self.reload)
        refresh = QPushButton(self.tr("刷新 F5"))
        refresh.setShortcut("F5")
        refresh.clicked.connect(self.reload)
        self.note = QLabel()
        self.note.setStyleSheet("color: #3c4043;")
        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        top.addWidget(QLabel(self.tr("站点超过")))
        top.addWidget(self.stale_spin)
        top.addWidget(QLabel(self.tr("未同步即标记")))
        top.addWidget(refresh)
        self.cards = {
            "red": CountCard(self.tr("超期"), LEVEL_COLOURS[Level.RED][::-1]),
            "yellow": CountCard(self.tr("预警"), AMBER),
            "paused": CountCard(self.tr("退回补正（暂停计时）"), GREY),
            "stale": CountCard(self.tr("久未同步的站点"), RED),
            "bad": CountCard(self.tr("差评待整改"), RED),
            "flagged": CountCard(self.tr("一次性告知新增项"), AMBER),
            "promises": CountCard(self.tr("容缺承诺逾期"), AMBER),
        }
        cards = QHBoxLayout()
        for key, card in self.cards.items():
            card.setCheckable(False)
            cards.addWidget(card)
            if key in ("red", "yellow"):
                card.clicked.connect(lambda _c=False, k=key: self.drill(level=k))
        headers = (self.tr("站点"), self.tr("超期"), self.tr("预警"), self.tr("正常"),
                   self.tr("暂停"), self.tr("最后同步"))
        self.stations = ListModel(headers, self, centred=(1, 2, 3, 4, 5))
        self.matters = ListModel((self.tr("事项"), *headers[1:5]), self, centred=(1, 2, 3, 4))
        self.station_view = list_view(self.stations, stretch=0)
        self.matter_view = list_view(self.matters, stretch=0)
        self.station_view.clicked.connect(lambda i: self._clicked(i, station=True))
        self.matter_view.clicked.connect(lambda i: self._clicked(i, station=False))
        tables = QSplitter(Qt.Orientation.Horizontal)
        for title, view in ((self.tr("按站点"), self.station_view),
                            (self.tr("按事项"), self.matter_view)):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            label = QLabel(title)
            label.setStyleSheet("font-weight: bold; color: #1a56a8;")
            column.addWidget(label)
            column.addWidget(view, 1)
            tables.addWidget(box)
        self.cases = QueueModel(self)
        self.case_view = queue_view(self.cases)
        self.case_view.doubleClicked.connect(self._open_case)
        self.drill_label = QLabel(self.tr("点击站点或事项查看其预警、超期的案件。"))
        self.drill_label.setStyleSheet("font-weight: bold; color: #1a56a8;")
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.drill_label)
        column.addWidget(self.case_view, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(tables)
        split.addWidget(lower)
        split.setSizes([330, 230])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addLayout(cards)
        layout.addWidget(split, 1)

    # --- showing ------------------------------------------------------------------
    def _show(self, data: BoardResponse) -> None:
        self.data = data
        stale = [s for s in data.stations if s.stale]
        for key, n in (("red", data.counts.get("red", 0)),
                       ("yellow", data.counts.get("yellow", 0)),
                       ("paused", data.counts.get("paused", 0)), ("stale", len(stale)),
                       ("bad", data.bad_ratings_open), ("flagged", data.flagged_notices),
                       ("promises", data.overdue_promises)):
            self.cards[key].set_count(n)
        self.note.setText(self.tr("{day} · 在办 {n} 件（预警：已用80%时限或仅剩1个工作日）").format(
            day=data.today.isoformat(), n=sum(data.counts.values())))
        activity = {s.code: s for s in data.stations}
        rows = [self._row(c, activity.get(c.code)) for c in data.by_station]
        listed = {c.code for c in data.by_station}
        rows += [self._row(LevelCounts(code=s.code, name=s.name), s)
                 for s in data.stations if s.code not in listed]
        self.stations.set_rows(rows)
        self.matters.set_rows([self._row(c, None) for c in data.by_matter])
        self.ready.emit()

    def _row(self, c: LevelCounts, st: StationActivity | None) -> ListRow:
        texts = [c.name, str(c.red), str(c.yellow), str(c.normal), str(c.paused)]
        colours: dict[int, tuple[str, str]] = {}
        tips: dict[int, str] = {}
        if c.red:
            colours[self.RED_COL] = LEVEL_COLOURS[Level.RED]
        if c.yellow:
            colours[self.YELLOW_COL] = LEVEL_COLOURS[Level.YELLOW]
        if st is not None:
            if st.revoked:
                texts.append(self.tr("已吊销"))
                colours[self.SYNC_COL] = GREY
            elif st.last_contact_at is None:
                texts.append(self.tr("从未同步"))
                colours[self.SYNC_COL] = RED
            else:
                texts.append(_when(st.last_contact_at))
                if st.stale:
                    colours[self.SYNC_COL] = RED
            tips[self.SYNC_COL] = self.tr("最后推送 {push}；最后拉取 {pull}").format(
                push=_when(st.last_push_at), pull=_when(st.last_pull_at))
            if st.stale:
                texts[0] += self.tr("（久未同步）")
                colours[self.NAME] = RED
        return ListRow(tuple(texts), key=c.code, colours=colours, tooltips=tips)

    def _clicked(self, index: QModelIndex, *, station: bool) -> None:
        model = self.stations if station else self.matters
        code = model.row_at(index.row()).key
        level = {self.RED_COL: "red", self.YELLOW_COL: "yellow"}.get(index.column(),
                                                                     "attention")
        if station:
            self.drill(station=code, level=level)
        else:
            self.drill(matter=code, level=level)

    def _open_case(self, index: QModelIndex) -> None:
        if self._session is not None and index.isValid():
            self._session.bus.open_case.emit(self.cases.row_at(index.row()).case_id)
