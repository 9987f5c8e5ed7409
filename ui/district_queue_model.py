"""The reviewer queue's Qt model: lazy pages of light rows fetched from the district.

As :mod:`ui.case_table_model` does for the station's list: a new filter counts the
matching cases and loads the first page (one request, off the UI thread); the view asks
for more through ``canFetchMore``/``fetchMore`` as the reviewer scrolls, each further
page following the server's keyset cursor. Results of a superseded query are dropped.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtCore import Signal as QtSignal

from clerk.cases.queries import Level
from clerk.cases.states import State
from clerk.timeutil import local_date
from staff_client.client import QueueQuery, StaffClient
from ui.district_session import DistrictSession, network
from ui.row_model import RowTableModel
from ui.widgets import GREY, LEVEL_COLOURS, STATE_COLOURS, level_label, state_label
from wire.staff import QueuePage, QueueRow

_AnyIndex = QModelIndex | QPersistentModelIndex
PAGE = 60


def level_colours(level: str | None) -> tuple[str, str] | None:
    if level in ("yellow", "red", "paused"):
        return LEVEL_COLOURS[Level(level)]
    return None


def due_text(row: QueueRow) -> str:
    if row.due_date is None:
        return "—"
    text = row.due_date.isoformat()
    if row.due_provisional:
        text += QCoreApplication.translate("QueueModel", " 暂定")
    if row.level == "red" and row.days_left is not None:
        text += QCoreApplication.translate("QueueModel", "（超 {n} 日）").format(n=-row.days_left)
    elif row.level in ("yellow", "normal") and row.days_left is not None:
        text += QCoreApplication.translate("QueueModel", "（余 {n} 日）").format(n=row.days_left)
    elif row.level == "paused":
        text += QCoreApplication.translate("QueueModel", "（暂停）")
    return text


class QueueModel(RowTableModel):
    """Rows of :class:`QueueRow`; ``CaseIdRole`` gives a row's case id."""

    CASE_NO, STATE, STATION, MATTER, APPLICANT, AGENT, DUE, ACCEPTED = range(8)
    CaseIdRole = RowTableModel.KeyRole
    CENTRED: ClassVar[frozenset[int]] = frozenset({STATE, ACCEPTED})

    loaded = QtSignal(int)  # a (re)load finished: the number of matching cases
    rows_fetched = QtSignal(int)
    failed = QtSignal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: DistrictSession | None = None
        self._rows: list[QueueRow] = []
        self._query = QueueQuery()
        self._cursor: str | None = None
        self.total = 0
        self.today: date | None = None
        self.generation = 0
        self.generation_loaded = 0
        self._fetching = False

    # --- configuration ------------------------------------------------------------
    def set_session(self, session: DistrictSession) -> None:
        self._session = session

    @property
    def query(self) -> QueueQuery:
        return self._query

    @property
    def loading(self) -> bool:
        return self.generation_loaded < self.generation

    def set_query(self, query: QueueQuery) -> None:
        self._query = query
        self.reload()

    # --- loading ------------------------------------------------------------------
    def reload(self) -> None:
        session = self._session
        if session is None:
            return
        self.generation += 1
        generation, query = self.generation, self._query

        def work(client: StaffClient) -> QueuePage:
            return client.queue(query, limit=PAGE)

        network(session, work, parent=None,
                done=lambda page: self._first_page(generation, page),
                failed=lambda text: self._failed(generation, text))

    def _alive(self, generation: int) -> bool:
        return shiboken6.isValid(self) and generation == self.generation

    def _first_page(self, generation: int, page: QueuePage) -> None:
        if not self._alive(generation):
            return
        self.beginResetModel()
        self._rows = list(page.rows)
        self._cursor = page.next_cursor
        self.total = page.total
        self.today = page.today
        self._fetching = False
        self.generation_loaded = generation
        self.endResetModel()
        self.loaded.emit(self.total)

    def _failed(self, generation: int, text: str) -> None:
        if not self._alive(generation):
            return
        self.generation_loaded = generation
        self._fetching = False
        self.failed.emit(text)

    def canFetchMore(self, parent: _AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and self._cursor is not None and not self._fetching
                and not self.loading)

    def fetchMore(self, parent: _AnyIndex = QModelIndex()) -> None:  # noqa: B008
        session = self._session
        if not self.canFetchMore(parent) or session is None:
            return
        self._fetching = True
        generation, query, cursor = self.generation, self._query, self._cursor

        def work(client: StaffClient) -> QueuePage:
            return client.queue(query, cursor=cursor, limit=PAGE)

        network(session, work, parent=None, done=lambda page: self._more(generation, page),
                failed=lambda text: self._failed(generation, text))

    def _more(self, generation: int, page: QueuePage) -> None:
        if not self._alive(generation):
            return
        self._fetching = False
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._cursor = page.next_cursor
        self.rows_fetched.emit(len(self._rows))

    def replace_row(self, case_id: str, state: str, version: int, proxy_agent: str | None
                    ) -> None:
        """Show an action's outcome at once (kept in place until the next reload)."""
        at = self.row_of(case_id)
        if at is None:
            return
        row = self._rows[at]
        self._rows[at] = row.model_copy(update={"state": state, "version": version,
                                                "proxy_agent": proxy_agent})
        self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))

    # --- access -------------------------------------------------------------------
    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def row_of(self, case_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.case_id == case_id), None)

    # --- Qt model API -------------------------------------------------------------
    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("办件编号"), self.tr("状态"), self.tr("站点"), self.tr("事项"),
                self.tr("申请人"), self.tr("代办员"), self.tr("到期日"),
                self.tr("受理日期"))[section]

    def _key(self, r: Any) -> str:
        return str(r.case_id)

    def _display(self, r: QueueRow, col: int) -> str:
        if col == self.CASE_NO:
            return r.case_no
        if col == self.STATE:
            return state_label(State(r.state))
        if col == self.STATION:
            return r.station_name
        if col == self.MATTER:
            return r.matter_name
        if col == self.APPLICANT:
            return r.applicant
        if col == self.AGENT:
            if not r.proxy_agent:
                return "—"
            name = self._session.proxy_name(r.proxy_agent) if self._session else r.proxy_agent
            return name + (f" · {r.last_step}" if r.last_step else "")
        if col == self.DUE:
            return due_text(r)
        return local_date(r.accepted_at).isoformat() if r.accepted_at else "—"

    def _colours(self, r: QueueRow, col: int) -> tuple[str, str] | None:
        if col == self.STATE:
            return STATE_COLOURS[State(r.state)]
        if col == self.DUE:
            colours = level_colours(r.level)
            if colours is None and r.due_date is not None and r.level is None:
                return (GREY[0], "#ffffff")  # decided or closed: the date is history
            return colours
        return None

    def _tooltip(self, r: QueueRow, col: int) -> str | None:
        if col == self.MATTER:
            return f"{r.matter_name}\n{r.matter_code}"
        if col == self.STATION:
            return f"{r.station_name}\n{r.station_code}"
        if col == self.DUE and r.level in ("yellow", "red", "paused"):
            return level_label(Level(r.level))
        if col == self.APPLICANT:
            return self.tr("姓名已遮蔽；完整信息见案件详情。")
        return None
