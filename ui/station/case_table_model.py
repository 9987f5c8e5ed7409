"""The case list's Qt model: lazy pages of light rows, loaded off the UI thread.

The model holds only the rows loaded so far. A new filter or sort counts the matching
cases and loads the first page (one background operation); the view asks for more
through ``canFetchMore``/``fetchMore`` as the clerk scrolls, and each further page is a
keyset query after the last row (:mod:`clerk.cases.queries`). Sorting happens in SQL,
on the columns that have an index. Results of a superseded query are dropped, so typing
fast in the search box never shows stale rows.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from clerk.cases.queries import (
    CaseFilter,
    CasePage,
    CaseQuery,
    CaseRow,
    Cursor,
    Level,
    SortKey,
    SupervisionCut,
)
from clerk.timeutil import local_date
from clerk.workspace import Workspace
from ui.common.operations import Operation, error_text
from ui.common.row_model import PagedRowModel, RowTableModel
from ui.common.widgets import (
    GREY,
    LEVEL_COLOURS,
    STATE_COLOURS,
    level_label,
    state_label,
    sync_colours,
    sync_label,
)

_AnyIndex = QModelIndex | QPersistentModelIndex


def supervision_cut(ws: Workspace) -> SupervisionCut:
    """Today's supervision cut-offs for this station (call off the UI thread)."""
    return ws.supervision_cut()


class CaseTableModel(PagedRowModel):
    """Rows of :class:`CaseRow`; columns below. ``CaseNoRole`` gives a row's case number."""

    CASE_NO, STATE, MATTER, APPLICANT, ID_NO, ACCEPTED, DUE, SYNC = range(8)
    COLUMNS: ClassVar[int] = 8
    CaseNoRole = RowTableModel.KeyRole
    CENTRED: ClassVar[frozenset[int]] = frozenset({STATE, ACCEPTED, DUE, SYNC})
    SORTABLE: ClassVar[dict[int, SortKey]] = {
        CASE_NO: SortKey.CASE_NO, STATE: SortKey.STATE, MATTER: SortKey.MATTER,
        DUE: SortKey.DUE}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws: Workspace | None = None
        self._station_code: str | None = None
        self._rows: list[CaseRow] = []
        self._filter = CaseFilter()
        self._sort = SortKey.UPDATED
        self._descending = True
        self._query: CaseQuery | None = None
        self._cut: SupervisionCut | None = None

    # --- configuration ----------------------------------------------------------------------
    def set_workspace(self, ws: Workspace, station_code: str | None) -> None:
        self._ws = ws
        self._station_code = station_code

    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    @property
    def sort_key(self) -> SortKey:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    def set_filter(self, f: CaseFilter) -> None:
        self._filter = f
        self.reload()

    def set_sort(self, key: SortKey, descending: bool) -> None:
        self._sort, self._descending = key, descending
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORTABLE.get(column)
        if key is not None:
            self.set_sort(key, order == Qt.SortOrder.DescendingOrder)

    # --- loading ------------------------------------------------------------------------------
    def _ready(self) -> bool:
        return self._ws is not None

    def _fetch_first(self, generation: int) -> None:
        ws = self._ws
        assert ws is not None
        f, sort, desc, station = self._filter, self._sort, self._descending, self._station_code

        def work() -> tuple[CaseQuery, CasePage]:
            query = CaseQuery(f, supervision_cut(ws), sort, desc, station_code=station)
            return query, ws.case_lists.first_page(query)

        Operation(work).success(lambda r: self._show_first(generation, *r)) \
            .failure(lambda exc: self._failed(generation, error_text(exc))).run_in_background()

    def _show_first(self, generation: int, query: CaseQuery, page: CasePage) -> None:
        if self._alive(generation):
            self._query, self._cut = query, query.cut
        self._first_page(generation, page.rows, page.cursor, page.total)

    def _fetch_more(self, generation: int, cursor: Cursor) -> None:
        ws, query = self._ws, self._query
        assert ws is not None and query is not None

        def work() -> CasePage:
            return ws.case_lists.page(query, cursor)

        Operation(work).success(lambda page: self._more_page(generation, page.rows, page.cursor)) \
            .failure(lambda exc: self._failed(generation, error_text(exc))).run_in_background()

    def refresh_case(self, case_no: str) -> None:
        """Re-read one case's row after it changed (kept in place, even if it no longer
        matches the filter: a row jumping away under the clerk's eyes is worse)."""
        ws = self._ws
        if ws is None or self.row_of(case_no) is None:
            return

        def work() -> CaseRow | None:
            return ws.case_lists.row(case_no, supervision_cut(ws))

        Operation(work).success(self._replace_row).run_in_background()

    def _replace_row(self, row: CaseRow | None) -> None:
        if row is None or not shiboken6.isValid(self):
            return
        at = self.row_of(row.case_no)
        if at is None:
            return
        self._rows[at] = replace(row, rowid=self._rows[at].rowid)
        self._row_changed(at)

    # --- access ---------------------------------------------------------------------------------
    def row_at(self, row: int) -> CaseRow:
        return self._rows[row]

    def days_left(self, due: date) -> int | None:
        return self._cut.days_left(due) if self._cut is not None else None

    # --- Qt model API -----------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("办件编号"), self.tr("状态"), self.tr("事项"), self.tr("申请人"),
                    self.tr("证件号码"), self.tr("受理日期"), self.tr("办结期限"),
                    self.tr("同步"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section in self.SORTABLE:
                return self.tr("点击排序")
            return self.tr("此列不排序")
        return None

    def _key(self, r: Any) -> str:
        return str(r.case_no)

    def _display(self, r: CaseRow, col: int) -> str:
        if col == self.CASE_NO:
            return r.case_no
        if col == self.STATE:
            return state_label(r.state)
        if col == self.MATTER:
            return r.matter_name
        if col == self.APPLICANT:
            return r.applicant_name
        if col == self.ID_NO:
            return r.masked_id_no
        if col == self.ACCEPTED:
            return local_date(r.accepted_at).isoformat() if r.accepted_at else "—"
        if col == self.DUE:
            if r.due_date is None:
                return "—"
            text = r.due_date.isoformat()
            if r.due_provisional:
                text += self.tr(" 暂定")
            if r.paused:
                text += self.tr(" 暂停")
            return text
        return sync_label(r.sync)

    def _colours(self, r: CaseRow, col: int) -> tuple[str, str] | None:
        if col == self.STATE:
            return STATE_COLOURS[r.state]
        if col == self.DUE and r.level in (Level.YELLOW, Level.RED):
            return LEVEL_COLOURS[r.level]
        if col == self.DUE and r.paused:
            return LEVEL_COLOURS[Level.PAUSED]
        if col == self.DUE and r.due_date is not None and r.level is None:
            return (GREY[0], "#ffffff")  # decided or closed: the date is history
        if col == self.SYNC:
            fg, _ = sync_colours(r.sync)
            return (fg, "#ffffff")
        return None

    def _tooltip(self, r: CaseRow, col: int) -> str | None:
        if col == self.MATTER:
            return f"{r.matter_name}\n{r.matter_code}"
        if col == self.DUE and r.due_date is not None:
            return self._due_tooltip(r)
        if col == self.SYNC and r.sync.rejected:
            return self.tr("区中心拒收了该案件的 {n} 个事件，请在详情中查看原因。").format(
                n=r.sync.rejected)
        if col == self.ID_NO:
            return self.tr("证件号码已遮蔽；完整号码见申请人页面。")
        return None

    def _due_tooltip(self, r: CaseRow) -> str:
        assert r.due_date is not None
        lines = []
        if r.paused:
            lines.append(self.tr("退回补正期间不计时，补正后重新上报时期限顺延。"))
            if r.level in (Level.YELLOW, Level.RED):
                lines.append(self.tr("退回时已{level}。").format(level=level_label(r.level)))
        elif r.level is not None:
            left = self.days_left(r.due_date)
            if r.level == Level.RED and left is not None:
                lines.append(self.tr("超期：已超过 {n} 个工作日").format(n=-left))
            elif left is not None:
                lines.append(self.tr("{level}：剩余 {n} 个工作日").format(
                    level=level_label(r.level), n=left))
        if r.due_provisional:
            lines.append(self.tr("暂定：该年度节假日安排尚未公布，按周一至周五推算，"
                                 "公布后自动重算。"))
        return "\n".join(lines) or self.tr("已办结或已作出决定")
