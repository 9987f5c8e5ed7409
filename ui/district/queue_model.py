"""The reviewer queue's Qt model: lazy pages of light rows fetched from the district.

As :mod:`ui.station.case_table_model` does for the station's list: a new filter counts the
matching cases and loads the first page (one request, off the UI thread); the view asks
for more through ``canFetchMore``/``fetchMore`` as the reviewer scrolls, each further
page following the server's keyset cursor. Results of a superseded query are dropped.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from clerk.cases.queries import Level
from clerk.cases.states import State
from clerk.timeutil import local_date
from staff_client.client import QueueQuery, StaffClient
from ui.common.row_model import PagedRowModel, RowTableModel
from ui.common.widgets import GREY, LEVEL_COLOURS, STATE_COLOURS, level_label, state_label
from ui.district.session import DistrictSession, network
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


class QueueModel(PagedRowModel):
    """Rows of :class:`QueueRow`; ``CaseIdRole`` gives a row's case id."""

    CASE_NO, STATE, STATION, MATTER, APPLICANT, AGENT, DUE, ACCEPTED = range(8)
    COLUMNS: ClassVar[int] = 8
    CaseIdRole = RowTableModel.KeyRole
    CENTRED: ClassVar[frozenset[int]] = frozenset({STATE, ACCEPTED})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: DistrictSession | None = None
        self._rows: list[QueueRow] = []
        self._query = QueueQuery()
        self.today: date | None = None

    # --- configuration ------------------------------------------------------------
    def set_session(self, session: DistrictSession) -> None:
        self._session = session

    @property
    def query(self) -> QueueQuery:
        return self._query

    def set_query(self, query: QueueQuery) -> None:
        self._query = query
        self.reload()

    # --- loading ------------------------------------------------------------------
    def _ready(self) -> bool:
        return self._session is not None

    def _fetch_first(self, generation: int) -> None:
        session, query = self._session, self._query
        assert session is not None

        def work(client: StaffClient) -> QueuePage:
            return client.queue(query, limit=PAGE)

        network(session, work, parent=None,
                done=lambda page: self._show_first(generation, page),
                failed=lambda text: self._failed(generation, text))

    def _show_first(self, generation: int, page: QueuePage) -> None:
        if self._alive(generation):
            self.today = page.today
        self._first_page(generation, list(page.rows), page.next_cursor, page.total)

    def _fetch_more(self, generation: int, cursor: str) -> None:
        session, query = self._session, self._query
        assert session is not None

        def work(client: StaffClient) -> QueuePage:
            return client.queue(query, cursor=cursor, limit=PAGE)

        network(session, work, parent=None,
                done=lambda page: self._more_page(generation, list(page.rows), page.next_cursor),
                failed=lambda text: self._failed(generation, text))

    def replace_row(self, case_id: str, state: str, version: int, proxy_agent: str | None
                    ) -> None:
        """Show an action's outcome at once (kept in place until the next reload)."""
        at = self.row_of(case_id)
        if at is None:
            return
        row = self._rows[at]
        self._rows[at] = row.model_copy(update={"state": state, "version": version,
                                                "proxy_agent": proxy_agent})
        self._row_changed(at)

    # --- access -------------------------------------------------------------------
    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    # --- Qt model API -------------------------------------------------------------
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
