"""受理: the counter workflow on one screen, from matter to paper.

Left column: 1 事项 (search, recently used), 2 申请人 (ID first: a known person is
recalled), 3 申请信息 (the matter's form fields). Right: 4 申请材料 (the checklist) and the
decision panel, which offers only the decisions allowed now. After a decision the
document opens in the print preview and the page is ready for the next citizen.

A returning applicant's case is found with the 调取办件 bar (case number, QR content or
ID number) and continued in supplement mode: only what is still missing is asked for.

Everything typed is kept as a draft (``clerk.drafts``) a second after each change, so
closing the window mid-intake loses nothing. All database and PDF work runs in
background operations; errors appear next to the field they concern.
"""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clerk.applicants import ApplicantView, DocumentView
from clerk.cases.checklist import PRESENT, ChecklistItem, ItemStatus, Scan, initial_checklist
from clerk.cases.record import CaseRecord
from clerk.cases.states import State
from clerk.catalog import CatalogIndex, HandlingLevel, Matter, matter_from_dict
from clerk.drafts import clear_draft, load_draft, save_draft
from clerk.errors import StationDeskError, ValidationError
from clerk.scans import keep
from clerk.timeutil import local_date
from clerk.workspace import Workspace
from ui.common.operations import Operation, error_text, message_bridge
from ui.common.widgets import document_title, join_list, state_label
from ui.station import counter_view
from ui.station.intake.applicant import ApplicantPanel
from ui.station.intake.checklist import ChecklistModel, ChecklistView, MaterialRow
from ui.station.intake.decision import DecisionPanel, Mode, Situation
from ui.station.intake.form import FormFieldsPanel
from ui.station.intake.lookup import CaseLookupBar
from ui.station.intake.matter import MatterPicker
from ui.station.intake.warm import PREVIEW, rehearsal_matter, warm_up_counter
from ui.station.intake.work import (
    Decision,
    DecisionOutcome,
    DecisionRequest,
    IntakeData,
    LookupResult,
    MaterialMark,
    PersonLookup,
    changes_against,
    find_returning,
    load_recent,
    lookup_person,
    print_options,
    remember_recent,
    returned_items,
    submit_existing,
    submit_new,
)
from ui.station.output_log import log_outputs
from ui.station.session import Session

if TYPE_CHECKING:
    from clerk.documents import PrintedDocument
    from sync.recall import DistrictRecall
    from ui.common.print_preview import PrintPreviewDialog

#: Quiet time after the last change before the draft is written.
DRAFT_DELAY_MS = 1000
_LEFT_WIDTH = 450
#: A decision still running after this long shows the form greyed (see _set_busy).
BUSY_GREY_MS = 250
#: After a decision, how long the form's repaint waits for the preview's page to paint.
PREVIEW_FIRST_MS = 100

_BANNER_STYLES = {
    "info": "background-color: #e6effc; color: #1a56a8;",
    "ok": "background-color: #e3f4e8; color: #1b6e35;",
    "warn": "background-color: #fff0d4; color: #8a4b00;",
    "error": "background-color: #fce8e6; color: #a8231b;",
}


class IntakePage(QWidget):
    """The 受理 page. Call :meth:`attach` once with the session, :meth:`refresh` on show."""

    #: Documents of a decision, rendered and opened in the preview (list[PrintedDocument]).
    documents_ready = Signal(object)
    #: A decision was committed on this case number.
    decision_done = Signal(str)
    #: A case was loaded for a supplement (case number).
    case_loaded = Signal(str)
    #: The known-person lookup for the typed ID number finished.
    person_looked_up = Signal(str)
    #: The district answered (or could not) about an ID number unknown here (全区通办).
    district_recalled = Signal(str)
    #: The full record of a person was fetched from the district and kept here.
    person_revealed = Signal(str)
    #: The draft was written (or cleared because the form is empty).
    draft_saved = Signal()
    #: The catalog, recent matters and any draft were loaded after attach.
    ready = Signal()
    #: The warm-up after `ready` has run (ui.station.intake.warm).
    warmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._mode = Mode.NEW
        self._record: CaseRecord | None = None
        self._only: set[str] | None = None
        self._synthetic: set[str] = set()
        self._busy = False
        self._quiet = 0  # >0 while the page fills itself (no draft saves, no suggestions)
        self._today: date | None = None
        self._documents: dict[str, DocumentView] = {}
        self._documents_for = ""  # the ID number the documents on file belong to
        self.preview: PrintPreviewDialog | None = None
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._save_draft_async)
        self._busy_paint = QTimer(self)
        self._busy_paint.setSingleShot(True)
        self._busy_paint.timeout.connect(lambda: self.body.setUpdatesEnabled(True))
        self._published: counter_view.CounterView | None = None
        self._build()
        self._connect()
        self._shortcuts()
        self._update_decisions()

    # --- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        self.lookup_bar = CaseLookupBar()
        self.new_button = QPushButton(self.tr("新收件  Ctrl+N"))
        self.new_button.setAutoDefault(False)
        self.mode_label = QLabel()
        self.mode_label.setWordWrap(True)
        self.mode_label.setTextFormat(Qt.TextFormat.RichText)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setContentsMargins(10, 5, 10, 5)
        self.banner.hide()
        self.matter_picker = MatterPicker()
        self.applicant = ApplicantPanel()
        self.form_panel = FormFieldsPanel()
        self.checklist_model = ChecklistModel(self)
        self.checklist_view = ChecklistView(self.checklist_model)
        self.requirement_label = QLabel()
        self.requirement_label.setWordWrap(True)
        self.requirement_label.setStyleSheet("color: #3c4043;")
        self.requirement_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checklist_hint = QLabel(self.tr(
            "空格/回车：已收 ⇄ 缺　F2：更多状态（证照库、共享获取、容缺后补、不适用）"))
        self.checklist_hint.setStyleSheet("color: #5f6368;")
        self.show_all_box = QCheckBox(self.tr("显示全部材料"))
        self.show_all_box.hide()
        self.scan_button = QPushButton(self.tr("附扫描件…  Ctrl+U"))
        self.scan_button.setToolTip(self.tr(
            "为选中的材料附上扫描件（PDF、PNG 或 JPEG，不超过 10 MB），随案件同步到区中心"))
        self.checklist_message = QLabel()
        self.checklist_message.setWordWrap(True)
        self.checklist_message.setStyleSheet("color: #a8231b;")
        self.checklist_message.hide()
        self.decision_panel = DecisionPanel()

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.lookup_bar, 3)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)

        left_inner = QWidget()
        left_column = QVBoxLayout(left_inner)
        left_column.setContentsMargins(0, 0, 6, 0)
        left_column.setSpacing(8)
        left_column.addWidget(self._group(self.tr("1  事项"), self.matter_picker))
        left_column.addWidget(self._group(self.tr("2  申请人"), self.applicant))
        left_column.addWidget(self._group(self.tr("3  申请信息"), self.form_panel))
        left_column.addStretch(1)
        self.left_scroll = QScrollArea()
        self.left_scroll.setWidget(left_inner)
        self.left_scroll.setWidgetResizable(True)
        self.left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.left_scroll.setFixedWidth(_LEFT_WIDTH)

        materials = QWidget()
        mcol = QVBoxLayout(materials)
        mcol.setContentsMargins(0, 0, 0, 0)
        mcol.setSpacing(4)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.checklist_hint, 1)
        hint_row.addWidget(self.show_all_box)
        hint_row.addWidget(self.scan_button)
        mcol.addLayout(hint_row)
        mcol.addWidget(self.checklist_view, 1)
        mcol.addWidget(self.requirement_label)
        mcol.addWidget(self.checklist_message)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(self._group(self.tr("4  申请材料"), materials), 1)
        right.addWidget(self.decision_panel)

        self.body = QWidget()
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(10)
        body.addWidget(self.left_scroll)
        body.addLayout(right, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.mode_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.body, 1)
        self.mode_label.hide()
        self.setFocusProxy(self.matter_picker)

    @staticmethod
    def _group(title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        box.setStyleSheet("QGroupBox { font-weight: bold; } "
                          "QGroupBox * { font-weight: normal; }")
        column = QVBoxLayout(box)
        column.setContentsMargins(8, 6, 8, 8)
        column.addWidget(content)
        return box

    def _connect(self) -> None:
        self.matter_picker.matter_chosen.connect(self._on_matter_chosen)
        self.applicant.changed.connect(self._changed)
        self.applicant.id_ready.connect(self._lookup_person)
        self.applicant.district_box.reveal_requested.connect(self._reveal_person)
        self.applicant.id_edit.textChanged.connect(self._forget_documents)
        self.applicant.agent_presence_changed.connect(self._on_agent_presence)
        self.form_panel.changed.connect(self._changed)
        self.checklist_model.marks_changed.connect(self._changed)
        self.checklist_view.current_key_changed.connect(self._show_requirement)
        self.decision_panel.decision_requested.connect(self._decide)
        self.decision_panel.justification_changed.connect(lambda _t: self._changed())
        self.lookup_bar.lookup_requested.connect(self._lookup_case)
        self.lookup_bar.case_chosen.connect(self.resume)
        self.new_button.clicked.connect(self.start_new)
        self.scan_button.clicked.connect(lambda: self.attach_scan())
        self.checklist_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.checklist_view.customContextMenuRequested.connect(self._checklist_menu)
        self.scan_button.setEnabled(False)  # until there are materials to attach to
        self.checklist_model.modelReset.connect(
            lambda: self.scan_button.setEnabled(self.checklist_model.rowCount() > 0))
        self.show_all_box.toggled.connect(
            lambda on: self.checklist_model.set_show_all(on, self._only))
        for edit in (self.applicant.id_edit, self.applicant.name_edit,
                     self.applicant.mobile_edit, self.applicant.address_edit,
                     self.applicant.agent_name_edit, self.applicant.agent_id_edit,
                     self.applicant.agent_mobile_edit, self.applicant.agent_toggle):
            edit.installEventFilter(self)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        bindings: list[tuple[str, Any]] = [
            ("F9", self._primary), ("Ctrl+Return", self._primary), ("Ctrl+Enter", self._primary),
            ("F10", lambda: self.decision_panel.trigger(Decision.NOTICE)),
            ("F11", lambda: self.decision_panel.trigger(Decision.REFUSE)),
            ("F12", lambda: self.decision_panel.trigger(Decision.COMPLETE)),
            ("Ctrl+N", self.start_new),
            ("Ctrl+F", lambda: self.lookup_bar.edit.setFocus()),
            ("Ctrl+U", lambda: self.attach_scan()),
            ("Ctrl+Shift+U", self.remove_scans),
        ]
        self._shortcut_objects = []
        for keys, slot in bindings:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
            self._shortcut_objects.append(shortcut)

    def _primary(self) -> None:
        if self._mode == Mode.RETURNED:
            self.decision_panel.trigger(Decision.RESUBMIT)
        else:
            self.decision_panel.trigger(Decision.ACCEPT)

    # --- page protocol ---------------------------------------------------------------------
    def attach(self, session: Session) -> None:
        """Sign-in: load the catalog, the clerk's recent matters and any unfinished draft."""
        self._session = session
        self._today = local_date(session.ws.now())
        for edit in (self.applicant.id_edit, self.applicant.agent_id_edit):
            edit.set_today(self._today)
        ws, user = session.ws, session.username

        def load() -> tuple[CatalogIndex, list[str], dict[str, Any] | None]:
            # The index is built here, off the UI thread: pinyin tables load on first use.
            index = session.catalog or ws.catalog_index()
            return index, load_recent(ws, user), load_draft(ws, user)

        Operation(load, parent=self).success(self._loaded).with_progress(
            self.tr("正在加载事项目录…")).run_in_background()

    def _loaded(self, result: tuple[CatalogIndex, list[str], dict[str, Any] | None]) -> None:
        index, recent, draft = result
        self.matter_picker.set_index(index)
        self.matter_picker.set_recent(recent)
        if draft:
            self._restore_draft(draft)
        else:
            self.matter_picker.setFocus()
        self.ready.emit()
        if self._session is not None:  # what the first F9 needs, while the clerk types
            warm_up_counter(self, self._session.ws, self._session.username,
                            rehearsal_matter(recent, index), self.warmed.emit)

    def refresh(self) -> None:
        """Shown again: the focus goes where the clerk continues."""
        if self._mode == Mode.NEW and self.matter_picker.matter() is None:
            self.matter_picker.setFocus()

    def set_draft_delay(self, ms: int) -> None:
        """Quiet time before a draft is written (tests shorten it)."""
        self._draft_timer.setInterval(ms)

    @property
    def mode(self) -> Mode:
        return self._mode

    def record(self) -> CaseRecord | None:
        """The case being supplemented (None for a new application)."""
        return self._record

    def start_new(self) -> None:
        """Clear the page for the next citizen (the recent matters stay)."""
        self._draft_timer.stop()
        self._quiet += 1
        try:
            self._mode = Mode.NEW
            self._record = None
            self._only = None
            self._synthetic = set()
            self._documents, self._documents_for = {}, ""
            self.matter_picker.set_locked(False)
            self.matter_picker.choose(None, notify=False)
            self.applicant.set_locked(False)
            self.applicant.clear()
            self.form_panel.set_fields([])
            self.checklist_model.set_rows([])
            self.decision_panel.reset()
            self.decision_panel.set_refusal_reasons([])
            self.lookup_bar.clear()
            self.show_all_box.hide()
            self.show_all_box.setChecked(False)
            self.mode_label.hide()
            self.checklist_message.hide()
            self.requirement_label.clear()
        finally:
            self._quiet -= 1
        self._update_decisions()
        if self._session is not None:
            self._schedule_draft()
        self.matter_picker.setFocus()

    # --- matter ----------------------------------------------------------------------------
    def _on_matter_chosen(self, matter: Matter | None) -> None:
        self._quiet += 1
        try:
            self._apply_matter(matter)
        finally:
            self._quiet -= 1
        self._changed()

    def _apply_matter(self, matter: Matter | None) -> None:
        if matter is None:
            self.form_panel.set_fields([])
            self.checklist_model.set_rows([])
            self.decision_panel.set_refusal_reasons([])
            return
        self.form_panel.set_fields(matter.form_fields)
        self.decision_panel.set_refusal_reasons(matter.refusal_reasons)
        rows = [MaterialRow(item=item, status=item.status)
                for item in initial_checklist(matter.materials).items]
        self.checklist_model.set_rows(rows)
        self.checklist_model.attach_documents(self._documents)
        if self.applicant.has_agent():
            self.checklist_model.suggest_for_agent(True)
        self._chain_tab_order()

    # --- applicant -------------------------------------------------------------------------
    def _lookup_person(self, id_no: str) -> None:
        if self._session is None:
            return
        ws = self._session.ws
        id_type = self.applicant.id_type()
        Operation(lambda: lookup_person(ws, id_no, id_type), parent=self).success(
            lambda found: self._person_found(id_no, found)).run_in_background()

    def _person_found(self, id_no: str, found: PersonLookup) -> None:
        if self.applicant.id_edit.number() != id_no:
            return  # the clerk typed on meanwhile
        if self._mode == Mode.NEW:
            self._quiet += 1
            try:
                self.applicant.apply_person(found.applicant, found.documents)
            finally:
                self._quiet -= 1
            if found.applicant is None:
                self._recall_district(id_no, self.applicant.id_type())
        if self._mode != Mode.RETURNED:  # a returned item is asked for again, never on file
            self._documents, self._documents_for = dict(found.documents), id_no
            self.checklist_model.attach_documents(self._documents)
        self.person_looked_up.emit(id_no)
        self._changed()

    # --- 全区通办 -------------------------------------------------------------------------
    def _recall_district(self, id_no: str, id_type: str) -> None:
        """Ask the district about a number unknown here (network only: off the serial
        worker, so the counter's own work never waits for it)."""
        if self._session is None:
            return
        ws, clerk = self._session.ws, self._session.username

        def work() -> DistrictRecall:
            from sync.recall import recall_person

            return recall_person(ws, id_no, id_type, clerk)

        Operation(work, parent=self, serial=False).success(
            lambda answer: self._district_answered(id_no, answer)).failure(
            lambda _exc: self.district_recalled.emit(id_no)).run_in_background()

    def _district_answered(self, id_no: str, answer: DistrictRecall) -> None:
        if self.applicant.id_edit.number() != id_no or self._mode != Mode.NEW \
                or self.applicant.recalled() is not None:
            return  # the clerk typed on, or the page moved on meanwhile
        box = self.applicant.district_box
        if answer.found and answer.record is not None:
            self.applicant.recall_label.hide()  # not "new here" in the district's eyes
            box.show_record(answer.record, id_no)
        elif answer.error is not None:
            box.show_note(self.tr("区中心暂时无法查询，已按本站资料调取（{why}）。").format(
                why=error_text(answer.error)), id_no)
        elif answer.record is not None:
            box.show_note(self.tr("区内也没有此人的记录。"), id_no)
        self.district_recalled.emit(id_no)

    def _reveal_person(self, reason: str) -> None:
        if self._session is None:
            return
        ws, clerk = self._session.ws, self._session.username
        id_no, id_type = self.applicant.id_edit.number(), self.applicant.id_type()

        def work() -> tuple[ApplicantView, dict[str, DocumentView]]:
            from sync.recall import reveal_person

            return reveal_person(ws, id_no, id_type, clerk, reason)

        def failed(exc: Exception) -> None:
            self.applicant.district_box.set_busy(False)
            self.applicant.district_box.note.setText(error_text(exc))

        Operation(work, parent=self).success(
            lambda kept: self._revealed(id_no, kept)).failure(failed).run_in_background()

    def _revealed(self, id_no: str, kept: tuple[ApplicantView, dict[str, DocumentView]]
                  ) -> None:
        if self.applicant.id_edit.number() != id_no:
            return
        self.applicant.district_box.clear()
        self._person_found(id_no, PersonLookup(*kept))
        self.person_revealed.emit(id_no)

    def _forget_documents(self, _text: str) -> None:
        """The documents on file belong to the person whose ID was looked up, no one else."""
        if self._documents and self._mode == Mode.NEW \
                and self.applicant.id_edit.number() != self._documents_for:
            self._documents, self._documents_for = {}, ""
            self.checklist_model.attach_documents({})

    def _on_agent_presence(self, has_agent: bool) -> None:
        if self._quiet or self._mode != Mode.NEW:
            return
        changed = self.checklist_model.suggest_for_agent(has_agent)
        if changed and has_agent:
            names = join_list(r.item.name for r in self.checklist_model.rows()
                              if r.key in changed)
            self._show_banner(self.tr("有代理人：已将“{names}”列为需提交的材料。").format(
                names=names), "info")

    # --- state of the page -----------------------------------------------------------------
    def _changed(self) -> None:
        if self._quiet:
            return
        self._update_decisions()
        self._schedule_draft()

    def _situation(self) -> Situation:
        matter = self.matter_picker.matter()
        problems: list[str] = []
        form_problems: list[str] = []
        if self._mode == Mode.NEW:
            if matter is None:
                problems.append(self.tr("选择事项"))
            problems += [text for _f, text in self.applicant.problems()]
            found = self.form_panel.problems()
            self.form_panel.show_errors(found)
            form_problems = [text for _f, text in found]
        checklist = self.checklist_model.checklist()
        outstanding = tuple(i for i in checklist.outstanding if i.key not in self._synthetic)
        new_items: tuple[str, ...] = ()
        if self._record is not None and self._record.notices:
            first = self._record.first_notice_keys
            new_items = tuple(i.name for i in outstanding if i.key not in first)
        returned_open: tuple[str, ...] = ()
        if self._mode == Mode.RETURNED:
            returned_open = tuple(r.item.name for r in self.checklist_model.rows()
                                  if r.returned and r.status not in PRESENT
                                  and r.status != ItemStatus.NOT_APPLICABLE)
        instant_station = bool(matter is not None and matter.is_instant
                               and matter.handling_level == HandlingLevel.STATION)
        return Situation(mode=self._mode, instant_station=instant_station,
                         problems=tuple(problems), form_problems=tuple(form_problems),
                         outstanding=outstanding, deferred=checklist.deferred,
                         new_notice_items=new_items,
                         justification=self.decision_panel.justification_edit.text(),
                         returned_open=returned_open, present=len(checklist.present),
                         on_file=sum(1 for i in checklist.present
                                     if i.status == ItemStatus.ON_FILE))

    def _update_decisions(self) -> None:
        self.decision_panel.update_situation(self._situation())
        self._publish()

    def _publish(self) -> None:
        """Tell the customer display what the citizen may see now (masked)."""
        if self._session is None:
            return
        matter = self.matter_picker.matter()
        view = counter_view.working(
            matter.name if matter is not None else "", self.applicant.name_edit.text(),
            self.applicant.id_type(), self.applicant.id_edit.number(),
            self.checklist_model.checklist().items)
        if view != self._published:
            self._published = view
            self._session.bus.counter_view.emit(view)

    def _show_requirement(self, key: str) -> None:
        row = self.checklist_model.find(key) if key else None
        if row is None:
            self.requirement_label.clear()
            return
        text = self.tr("受理标准：{r}").format(r=row.item.requirement or "—")
        if row.note:
            text += "\n" + self.tr("补正要求：{r}").format(r=row.note)
        self.requirement_label.setText(text)

    def _show_banner(self, text: str, kind: str = "info") -> None:
        self.banner.setStyleSheet(_BANNER_STYLES[kind])
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def banner_text(self) -> str:
        return self.banner.text() if self.banner.isVisible() else ""

    # --- keyboard --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier) \
                and isinstance(watched, QWidget):
            if isinstance(watched, QComboBox) and watched.view().isVisible():
                return False
            watched.focusNextChild()  # Enter proceeds from field to field
            return True
        return super().eventFilter(watched, event)

    def _chain_tab_order(self) -> None:
        """Matter → applicant → agent → form fields → checklist → decisions."""
        a = self.applicant
        chain: list[QWidget] = [self.matter_picker.search_edit, a.id_edit, a.name_edit,
                                a.mobile_edit, a.address_edit, a.agent_toggle,
                                a.agent_name_edit, a.agent_id_edit, a.agent_mobile_edit]
        for editor in self.form_panel.editors():
            chain.append(editor)
            if isinstance(editor, QLineEdit | QComboBox | QDateEdit):
                editor.removeEventFilter(self)
                editor.installEventFilter(self)
        chain.append(self.checklist_view)
        chain += [b for b in self.decision_panel.buttons.values()]
        chain.append(self.lookup_bar.edit)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- returning applicant ---------------------------------------------------------------
    def resume(self, case_no: str) -> None:
        """Continue a case at the counter (supplement, or a return from the district)."""
        self._lookup_case(case_no)

    def _lookup_case(self, text: str) -> None:
        if self._session is None:
            return
        ws = self._session.ws
        Operation(lambda: find_returning(ws, text), parent=self).success(
            self._case_found).failure(self._lookup_failed).run_in_background()

    def _lookup_failed(self, exc: Exception) -> None:
        self.lookup_bar.show_error(error_text(exc))
        self.lookup_bar.edit.setFocus()
        self.lookup_bar.edit.selectAll()

    def _case_found(self, result: LookupResult) -> None:
        if result.record is not None:
            self.lookup_bar.clear()
            self.load_case(result.record)
            return
        if result.choices:
            self.lookup_bar.show_choices(result.choices)
            return
        self.lookup_bar.show_info(self.tr("该申请人没有待补正或退回补正的办件；可在下方新收件。"))
        if self._mode == Mode.NEW and self.applicant.is_empty() and result.id_no:
            self.applicant.id_edit.setText(result.id_no)

    def load_case(self, rec: CaseRecord, marks: dict[str, Any] | None = None) -> None:
        """Show ``rec`` in supplement mode: only what is still missing is asked for."""
        self._draft_timer.stop()
        self._quiet += 1
        try:
            self._fill_case(rec, marks)
        finally:
            self._quiet -= 1
        self._update_decisions()
        self._schedule_draft()
        self.checklist_view.setFocus()
        self.case_loaded.emit(rec.case_no)

    def _fill_case(self, rec: CaseRecord, marks: dict[str, Any] | None) -> None:
        self._record = rec
        self._mode = Mode.RETURNED if rec.state == State.RETURNED else Mode.SUPPLEMENT
        matter = matter_from_dict(rec.matter)
        self.matter_picker.choose(matter, notify=False)
        self.matter_picker.set_locked(True)
        self.applicant.fill(rec.applicant, rec.agent)
        self.applicant.set_locked(True)
        self.form_panel.set_fields(matter.form_fields)
        self.form_panel.set_raw_values({k: str(v) for k, v in rec.form_data.items()})
        self.form_panel.set_locked(True)
        self.decision_panel.reset()
        self.decision_panel.set_refusal_reasons(matter.refusal_reasons)
        rows, only = self._case_rows(rec)
        self._only = only or None
        if marks:
            _restore_marks(rows, marks)
        self.checklist_model.set_rows(rows, self._only)
        self.show_all_box.blockSignals(True)
        self.show_all_box.setChecked(False)
        self.show_all_box.blockSignals(False)
        self.show_all_box.setVisible(self._only is not None)
        self.mode_label.setText(self._mode_text(rec))
        self.mode_label.show()
        self._show_banner("")
        self._chain_tab_order()

    def _case_rows(self, rec: CaseRecord) -> tuple[list[MaterialRow], set[str]]:
        rows = [MaterialRow(item=i, status=i.status, promise=i.promise_date)
                for i in rec.materials.items]
        self._synthetic = set()
        if self._mode == Mode.RETURNED:
            by_key = {r.key: r for r in rows}
            keys: set[str] = set()
            for entry in returned_items(rec):
                key = str(entry.get("key", ""))
                note = str(entry.get("requirement", "") or "")
                row = by_key.get(key)
                if row is None:  # the district asked for something outside the checklist
                    row = MaterialRow(item=ChecklistItem(
                        key=key, name=str(entry.get("name", key)), necessity="required",
                        form="original", original_count=1, copy_count=0, requirement=note,
                        condition=None, status=ItemStatus.MISSING), status=ItemStatus.MISSING)
                    rows.append(row)
                    self._synthetic.add(key)
                row.status, row.returned, row.touched, row.note = (
                    ItemStatus.MISSING, True, True, note)
                keys.add(key)
            return rows, keys
        return rows, {i.key for i in rec.materials.outstanding}

    def _mode_text(self, rec: CaseRecord) -> str:
        state = state_label(rec.state)
        head = self.tr("补正") if self._mode == Mode.SUPPLEMENT else self.tr("退回补正")
        detail = ""
        if rec.notices:
            first = rec.notices[0]
            detail = self.tr("首次告知 {d} 列出 {n} 项").format(
                d=str(first.get("issued_at", ""))[:10], n=len(first.get("items", [])))
        if self._mode == Mode.RETURNED and rec.returns:
            note = str(rec.returns[-1].get("note", "") or "")
            detail = self.tr("区中心退回：{note}").format(note=note or "—")
        style = "background-color:#fff0d4; color:#8a4b00;"
        back = self.tr("Ctrl+N 返回新收件")
        return (f'<div style="{style}">&nbsp;<b>{head}</b>&nbsp;&nbsp;{rec.case_no}'
                f"&nbsp;·&nbsp;{rec.matter_name}&nbsp;·&nbsp;{rec.applicant.get('name', '')}"
                f"&nbsp;·&nbsp;{state}&nbsp;&nbsp;{detail}&nbsp;&nbsp;"
                f'<span style="color:#5f6368">{back}</span></div>')

    # --- decisions -------------------------------------------------------------------------
    def _marks(self) -> tuple[MaterialMark, ...]:
        return tuple(MaterialMark(r.key, r.status, r.promise, r.scans, r.drop_scans)
                     for r in self.checklist_model.rows() if r.key not in self._synthetic)

    def intake_data(self) -> IntakeData:
        matter = self.matter_picker.matter()
        assert matter is not None
        return IntakeData(matter_code=matter.code, applicant=self.applicant.person_input(),
                          agent=self.applicant.agent_input(),
                          form_data=self.form_panel.values(), marks=self._marks())

    def _decide(self, request: DecisionRequest) -> None:
        if self._busy or self._session is None:
            return
        session = self._session
        ws, user = session.ws, session.username
        self._draft_timer.stop()
        if self._record is None:
            data = self.intake_data()

            code = data.matter_code

            def work() -> DecisionOutcome:
                return submit_new(ws, user, data, request, print_options(ws))
        else:
            case_no, code = self._record.case_no, self._record.matter_code
            changes = changes_against(self._record, self._marks())

            def work() -> DecisionOutcome:
                return submit_existing(ws, user, case_no, changes, request, print_options(ws))

        self._set_busy(True)
        Operation(work, parent=self).success(lambda o: self._decided(o, code)).failure(
            self._decision_failed).with_progress(self.tr("正在办理并生成文书…")).run_in_background()

    def attach_scan(self, path: str | None = None) -> None:
        """Keep a scanned file of the selected material (Ctrl+U). The file is stored at
        once (content-addressed: an intake given up leaves only an unused file) and
        cited by the material when the case is committed."""
        key = self.checklist_view.current_key()
        if self._busy or self._session is None or not key \
                or self.checklist_model.find(key) is None:
            self.checklist_message.setText(self.tr("请先在材料清单中选中一项材料。"))
            self.checklist_message.show()
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("选择扫描件"), "", self.tr("扫描件 (*.pdf *.png *.jpg *.jpeg)"))
            if not path:
                return
        ws, chosen = self._session.ws, Path(path)

        def work() -> Scan:
            return keep(ws.blobs, chosen.read_bytes())

        def kept(scan: Scan) -> None:
            self.checklist_message.hide()
            self.checklist_model.add_scan(key, scan)

        def failed(exc: Exception) -> None:
            self.checklist_message.setText(
                error_text(exc) if isinstance(exc, StationDeskError)
                else self.tr("无法读取文件：{e}").format(e=exc))
            self.checklist_message.show()

        Operation(work, parent=self).success(kept).failure(failed).run_in_background()

    def remove_scans(self) -> None:
        """Ctrl+Shift+U (or the checklist's menu): the selected material cites no scan any
        more once the marks are saved (one attached to the wrong material, say)."""
        key = self.checklist_view.current_key()
        if self._busy or not key or not self.checklist_model.clear_scans(key):
            self.checklist_message.setText(self.tr("选中的材料没有扫描件。"))
            self.checklist_message.show()
            return
        self.checklist_message.hide()

    def _checklist_menu(self, point: QPoint) -> None:
        key = self.checklist_view.current_key()
        if not key:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("附扫描件…  Ctrl+U"), lambda: self.attach_scan())
        row = self.checklist_model.find(key)
        remove = menu.addAction(self.tr("移除扫描件  Ctrl+Shift+U"), self.remove_scans)
        remove.setEnabled(row is not None and bool(row.as_item().scans))
        menu.exec(self.checklist_view.viewport().mapToGlobal(point))

    def _set_busy(self, busy: bool, *, preview_first: bool = False) -> None:
        """While busy the form takes no input, but is greyed on the screen only when
        the work outlasts a glance: repainting the whole form greyed would compete with
        the decision's own work for the interpreter on every F9. `preview_first`: the
        decision's document is about to open in the preview; the form (cleared for the
        next citizen, behind the preview) is repainted just after the preview's page."""
        self._busy = busy
        if busy:
            self.body.setUpdatesEnabled(False)
            self._busy_paint.start(BUSY_GREY_MS)
        elif preview_first and not self.body.updatesEnabled():
            self._busy_paint.start(PREVIEW_FIRST_MS)
        else:
            self._busy_paint.stop()
        self.body.setEnabled(not busy)
        self.lookup_bar.setEnabled(not busy)
        if not busy and not self._busy_paint.isActive():
            self.body.setUpdatesEnabled(True)
        if busy:
            self._show_banner(self.tr("正在办理…"), "info")

    def _decided(self, outcome: DecisionOutcome, matter_code: str) -> None:
        self._set_busy(False, preview_first=outcome.error is None and bool(outcome.documents))
        assert self._session is not None
        bus = self._session.bus
        if outcome.error is not None:
            self._partial(outcome)
            bus.case_changed.emit(outcome.case_no)
            return
        bus.case_changed.emit(outcome.case_no)
        self.decision_done.emit(outcome.case_no)
        self.start_new()
        self._show_banner(self._done_text(outcome), "ok")
        self._publish_outcome(outcome)
        if outcome.documents:
            self.open_preview(outcome.documents)
            self.documents_ready.emit(outcome.documents)
        self._forget_draft(matter_code)

    def _forget_draft(self, matter_code: str) -> None:
        """After a committed decision, in the background: the draft forgotten, the matter
        remembered as recently used. Neither is part of the case nor of its paper, so the
        decision's own work (F9 until the preview) does not wait for their commits."""
        assert self._session is not None
        ws, user = self._session.ws, self._session.username

        def finish() -> list[str]:
            return _finish(ws, user, matter_code)

        Operation(finish, parent=self).success(self.matter_picker.set_recent).run_in_background()

    def _publish_outcome(self, outcome: DecisionOutcome) -> None:
        """After a notice the citizen sees the full missing list; after an instant
        completion, the rating buttons (the citizen rates, not the clerk)."""
        assert self._session is not None
        rec = outcome.record
        view: counter_view.CounterView | None = None
        if rec.state == State.AWAITING_SUPPLEMENT:
            view = counter_view.notice_of(rec)
        elif rec.state == State.COMPLETED:
            view = counter_view.rating_of(rec)
        if view is not None:
            self._published = view
            self._session.bus.counter_view.emit(view)

    def _done_text(self, outcome: DecisionOutcome) -> str:
        rec = outcome.record
        texts = {
            State.ACCEPTED: self.tr("已受理：办件编号 {no}，受理回执已生成。"),
            State.AWAITING_SUPPLEMENT: self.tr("已出具一次性告知单：办件编号 {no}，"
                                               "申请人补齐材料后凭告知单二维码调取。"),
            State.NOT_ACCEPTED: self.tr("已出具不予受理通知书：办件编号 {no}。"),
            State.COMPLETED: self.tr("已当场办结：办件编号 {no}，受理回执和办结通知已生成。"),
            State.ESCALATED: self.tr("已补正并重新上报区中心：办件编号 {no}。"),
        }
        text = texts.get(rec.state, self.tr("已办理：办件编号 {no}。")).format(no=rec.case_no)
        if rec.state == State.ACCEPTED and rec.handling_level == "district":
            text += self.tr("本事项须上报区级：请在“办件”页上报。")
        return text

    def _partial(self, outcome: DecisionOutcome) -> None:
        """The case exists but the decision (or its document) did not complete."""
        exc = outcome.error
        assert exc is not None
        rec = outcome.record
        if rec.state not in (State.DRAFT, State.AWAITING_SUPPLEMENT, State.RETURNED):
            # The decision was committed; only the paper failed. It can be reprinted.
            self.start_new()
            self._show_banner(self.tr("办件 {no} 已办理（{state}），但文书未能生成：{err} "
                                      "可在“办件”页补打。").format(
                no=rec.case_no, state=state_label(rec.state), err=error_text(exc)), "warn")
            return
        # The committed checklist already holds the clerk's marks (they were saved before
        # the decision was attempted), and any change made meanwhile elsewhere.
        justification = self.decision_panel.justification_edit.text()
        self.load_case(rec)
        self.decision_panel.justification_edit.setText(justification)
        self._show_error(exc)

    def _decision_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self._show_banner("")
        self._show_error(exc)
        self._schedule_draft()

    def _show_error(self, exc: Exception) -> None:
        """Put the error next to its field when there is one; otherwise tell the window."""
        text = error_text(exc)
        fld = exc.field if isinstance(exc, ValidationError) else None
        if fld and (self.decision_panel.show_error(fld, text)
                    or (self._mode == Mode.NEW and self.applicant.show_error(fld, text))
                    or self.form_panel.show_error(fld, text)):
            self._update_decisions()
            return
        if fld and self.checklist_model.find(fld) is not None:
            self.checklist_message.setText(text)
            self.checklist_message.show()
            row = self.checklist_model.row_of(fld)
            if row is not None:
                self.checklist_view.selectRow(row)
            self.checklist_view.setFocus()
            return
        self._show_banner(text, "error")
        if not isinstance(exc, StationDeskError):
            message_bridge().error.emit(text)

    def open_preview(self, documents: list[PrintedDocument]) -> PrintPreviewDialog:
        """Open the documents in one print preview window (a tab each)."""
        first, *rest = documents
        preview = PREVIEW()(first.pdf, self._doc_title(first), self)
        for doc in rest:
            preview.add_document(doc.pdf, self._doc_title(doc))
        preview.set_current(0)
        if self._session is not None:  # each tab logged as printed or saved when it is
            log_outputs(preview, documents, self._session, parent=self)
        if self.preview is not None:
            self.preview.close()
        self.preview = preview
        preview.destroyed.connect(lambda _o=None, p=preview: self._forget_preview(p))
        preview.show()
        return preview

    def _doc_title(self, doc: PrintedDocument) -> str:
        return document_title(doc)

    def _forget_preview(self, preview: PrintPreviewDialog) -> None:
        if self.preview is preview:
            self.preview = None

    # --- drafts ----------------------------------------------------------------------------
    def draft_data(self) -> dict[str, Any] | None:
        """What the clerk typed, JSON-ready; None when there is nothing worth keeping."""
        matter = self.matter_picker.matter()
        if self._mode == Mode.NEW and matter is None and self.applicant.is_empty() \
                and self.form_panel.is_empty():
            return None
        return {
            "mode": "new" if self._mode == Mode.NEW else "case",
            "case_no": self._record.case_no if self._record is not None else None,
            "matter": matter.code if matter is not None else None,
            "applicant": self.applicant.to_dict(),
            "form": self.form_panel.raw_values(),
            "marks": {r.key: _mark_dict(r) for r in self.checklist_model.rows()
                      if r.key not in self._synthetic},
            "justification": self.decision_panel.justification_edit.text(),
        }

    def _schedule_draft(self) -> None:
        if self._session is not None and not self._quiet and not self._busy:
            self._draft_timer.start()

    def _save_draft_async(self) -> None:
        if self._session is None or self._busy:
            return
        ws, user, data = self._session.ws, self._session.username, self.draft_data()

        def work() -> None:
            if data is None:
                clear_draft(ws, user)
            else:
                save_draft(ws, user, data)

        Operation(work, parent=self).success(lambda _r: self.draft_saved.emit()
                                             ).run_in_background()

    def save_draft_now(self) -> None:
        """Write the draft at once, on this thread (for closing the window)."""
        if self._session is None or self._busy or not self._draft_timer.isActive():
            return
        self._draft_timer.stop()
        data = self.draft_data()
        if data is None:
            clear_draft(self._session.ws, self._session.username)
        else:
            save_draft(self._session.ws, self._session.username, data)
        self.draft_saved.emit()

    def _restore_draft(self, draft: dict[str, Any]) -> None:
        notice = self.tr("已恢复上次未完成的收件。")
        if draft.get("mode") == "case" and draft.get("case_no"):
            marks = draft.get("marks") or {}
            case_no = str(draft["case_no"])
            assert self._session is not None
            ws = self._session.ws

            def loaded(result: LookupResult) -> None:
                if result.record is not None:
                    self.load_case(result.record, marks)
                    self.decision_panel.justification_edit.setText(
                        str(draft.get("justification", "")))
                    self._show_banner(notice, "warn")

            Operation(lambda: find_returning(ws, case_no), parent=self).success(loaded).failure(
                lambda _e: None).run_in_background()
            return
        self._quiet += 1
        try:
            matter = self.matter_picker.by_code(str(draft.get("matter") or ""))
            self.matter_picker.choose(matter, notify=False)
            self._apply_matter(matter)
            self.applicant.from_dict(draft.get("applicant") or {})
            self.form_panel.set_raw_values(draft.get("form") or {})
            rows = self.checklist_model.rows()
            _restore_marks(rows, draft.get("marks") or {})
            self.checklist_model.set_rows(rows)
        finally:
            self._quiet -= 1
        self._update_decisions()
        self._show_banner(notice, "warn")
        self.applicant.id_edit.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._save_draft_async()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_draft_now()
        super().closeEvent(event)

    # --- for tests and the main window -----------------------------------------------------
    def decision_button(self, d: Decision) -> QAbstractButton:
        return self.decision_panel.buttons[d]


def _finish(ws: Workspace, user: str, code: str) -> list[str]:
    """After a committed decision: forget the draft, remember the matter as recently used."""
    clear_draft(ws, user)
    return remember_recent(ws, user, code)


def _mark_dict(row: MaterialRow) -> dict[str, Any]:
    return {"status": row.status.value,
            "promise": row.promise.isoformat() if row.promise else None,
            "touched": row.touched,
            "scans": [{"sha256": sc.sha256, "media_type": sc.media_type} for sc in row.scans],
            "drop_scans": row.drop_scans}


def _restore_marks(rows: list[MaterialRow], marks: dict[str, Any]) -> None:
    for row in rows:
        mark = marks.get(row.key)
        if not isinstance(mark, dict):
            continue
        try:
            status = ItemStatus(str(mark.get("status")))
        except ValueError:
            continue
        row.status = status
        promise = mark.get("promise")
        row.promise = date.fromisoformat(promise) if isinstance(promise, str) else None
        row.touched = bool(mark.get("touched"))
        row.scans = tuple(Scan(str(sc["sha256"]), str(sc.get("media_type", "")))
                          for sc in mark.get("scans") or ()
                          if isinstance(sc, dict) and "sha256" in sc)
        row.drop_scans = bool(mark.get("drop_scans"))
