"""申请人: find a person (name prefix or the full ID number), see who they are, their
cases and the documents on file, and correct their name, mobile or address.

Personal data stays masked (ID number 110101********1234, mobile 138****5678); the
clerk reveals the mobile with one click when they need to call. Edits are validated by
the domain's rules, and each error is shown under its own field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk import applicants as ap
from clerk.cases.queries import CaseRow
from clerk.errors import ValidationError
from clerk.id_documents import mask_document
from clerk.timeutil import local_date
from clerk.validation import mask_mobile, validate_mobile, validate_name
from clerk.workspace import Workspace
from ui.common.id_input import document_name
from ui.common.operations import Operation, error_text
from ui.common.widgets import (
    GREEN,
    RED,
    STATE_COLOURS,
    FieldError,
    ListModel,
    ListRow,
    MaskedValue,
    info_box,
    list_view,
    state_label,
)
from ui.station.case_table_model import supervision_cut
from ui.station.session import Session

SEARCH_DELAY_MS = 250
ADDRESS_MAX = 200


@dataclass
class ApplicantDetail:
    person: ap.ApplicantView
    cases: list[CaseRow]
    documents: list[ap.DocumentView]
    today: date
    names: dict[str, str]  # clerk username → display name


def load_applicant(ws: Workspace, applicant_id: str) -> ApplicantDetail:
    """One applicant with their cases and documents on file (database worker)."""
    found = ws.applicants.file(applicant_id, supervision_cut(ws))
    return ApplicantDetail(found.person, found.cases, found.documents, local_date(ws.now()),
                           found.names)


def search(ws: Workspace, text: str) -> list[ap.ApplicantView]:
    return ws.applicants.search(text, limit=200)


class ApplicantsPage(QWidget):
    """Search, read and edit applicants."""

    #: The detail pane shows an applicant (their id; "" for none).
    applicant_shown = Signal(str)
    #: Search results arrived (their number).
    searched = Signal(int)
    #: An edit was saved (the applicant id).
    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._search_generation = 0
        self._detail_generation = 0
        self.detail: ApplicantDetail | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self._build()
        self._show_detail(None)

    # --- public API -----------------------------------------------------------------------
    def attach(self, session: Session) -> None:
        self._session = session
        session.bus.applicant_changed.connect(self._applicant_changed)
        session.bus.case_changed.connect(lambda _no: self._reload_detail())

    def refresh(self) -> None:
        self._reload_detail()

    def search_now(self) -> None:
        """Run the search in the box (without waiting for the typing pause)."""
        self._timer.stop()
        session = self._session
        text = self.search_edit.text().strip()
        if session is None:
            return
        self._search_generation += 1
        generation = self._search_generation
        if not text:
            self.results_model.set_rows([])
            self.result_label.setText(self.tr("输入姓名（开头的字）或完整证件号码查找申请人。"))
            self.searched.emit(0)
            return
        ws = session.ws
        Operation(lambda: search(ws, text), parent=self) \
            .success(lambda found: self._found(generation, text, found)).run_in_background()

    def show_applicant(self, applicant_id: str) -> None:
        session = self._session
        if session is None:
            return
        self._detail_generation += 1
        generation = self._detail_generation
        ws = session.ws
        Operation(lambda: load_applicant(ws, applicant_id), parent=self) \
            .success(lambda d: self._loaded(generation, d)) \
            .failure(lambda exc: self._load_failed(generation, exc)).run_in_background()

    # --- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("姓名或证件号码（Ctrl+F）"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.installEventFilter(self)
        self.result_label = QLabel(self.tr("输入姓名（开头的字）或完整证件号码查找申请人。"))
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("color: #5f6368;")
        self.results_model = ListModel(
            (self.tr("姓名"), self.tr("证件号码"), self.tr("性别"), self.tr("出生日期")), self,
            centred=(2, 3))
        self.results = list_view(self.results_model, stretch=0)
        self.results.selectionModel().currentRowChanged.connect(self._result_changed)
        self.results.installEventFilter(self)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search_edit)
        column.addWidget(self.result_label)
        column.addWidget(self.results, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self._build_detail())
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 850])
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(splitter)
        self.setFocusProxy(self.search_edit)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_search)

    def _build_detail(self) -> QWidget:
        self.name_label = QLabel()
        self.name_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.edit_button = QPushButton(self.tr("修改资料(&E)"))
        self.edit_button.clicked.connect(self.start_edit)
        head = QHBoxLayout()
        head.addWidget(self.name_label, 1)
        head.addWidget(self.edit_button)
        self.info_box = self._build_info()
        self.edit_box = self._build_edit()
        self.edit_box.hide()
        self.saved_note = info_box("")
        self.saved_note.hide()
        self.cases_model = ListModel(
            (self.tr("办件编号"), self.tr("事项"), self.tr("状态"), self.tr("收件日期"),
             self.tr("办结期限")), self, centred=(2, 3, 4))
        self.cases_view = list_view(self.cases_model, stretch=1)
        self.cases_view.doubleClicked.connect(lambda i: self._open_case(i.row()))
        self.cases_view.installEventFilter(self)
        self.docs_model = ListModel(
            (self.tr("材料"), self.tr("核验时间"), self.tr("核验人"), self.tr("有效期至"),
             self.tr("状态")), self, centred=(1, 3, 4))
        self.docs_view = list_view(self.docs_model, stretch=0)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.cases_view, self.tr("办件"))
        self.tabs.addTab(self.docs_view, self.tr("证照库"))
        self.placeholder = QLabel(self.tr("在左侧查找并选择申请人。"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #5f6368; font-size: 11pt;")
        self.body = QWidget()
        column = QVBoxLayout(self.body)
        column.setContentsMargins(12, 0, 0, 0)
        column.addLayout(head)
        column.addWidget(self.info_box)
        column.addWidget(self.edit_box)
        column.addWidget(self.saved_note)
        column.addWidget(self.tabs, 1)
        box = QStackedWidget()
        box.addWidget(self.placeholder)
        box.addWidget(self.body)
        self.detail_stack = box
        return box

    def _build_info(self) -> QWidget:
        frame = QFrame()
        frame.setObjectName("infoBox")
        frame.setStyleSheet("QFrame#infoBox { border-bottom: 1px solid #d0d7de; }")
        grid = QHBoxLayout(frame)
        grid.setContentsMargins(0, 4, 0, 4)
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.setVerticalSpacing(6)
        self.id_type_label = QLabel()
        self.id_no_label = QLabel()
        self.sex_label = QLabel()
        self.birth_label = QLabel()
        self.mobile_value = MaskedValue(mask_mobile)
        self.address_label = QLabel()
        self.address_label.setWordWrap(True)
        self.extra_label = QLabel()
        left.addRow(self.tr("证件类型"), self.id_type_label)
        left.addRow(self.tr("证件号码"), self.id_no_label)
        self.sex_row_label = QLabel(self.tr("性别"))
        left.addRow(self.sex_row_label, self.sex_label)
        self.birth_row_label = QLabel(self.tr("出生日期"))
        left.addRow(self.birth_row_label, self.birth_label)
        right.addRow(self.tr("手机"), self.mobile_value)
        right.addRow(self.tr("住址"), self.address_label)
        self.extra_row_label = QLabel(self.tr("法定代表人"))
        right.addRow(self.extra_row_label, self.extra_label)
        grid.addLayout(left, 1)
        grid.addLayout(right, 1)
        return frame

    def _build_edit(self) -> QWidget:
        frame = QFrame()
        frame.setObjectName("editForm")
        frame.setStyleSheet("QFrame#editForm { background: #f6f8fa; border: 1px solid #d0d7de;"
                            " border-radius: 4px; }")
        form = QFormLayout(frame)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setContentsMargins(10, 8, 10, 8)
        form.setVerticalSpacing(4)
        self.name_edit = QLineEdit()
        self.mobile_edit = QLineEdit()
        self.mobile_edit.setPlaceholderText(self.tr("11 位手机号码，可留空"))
        self.address_edit = QLineEdit()
        self.address_edit.setMaxLength(ADDRESS_MAX)
        self.name_error, self.mobile_error, self.address_error = (
            FieldError(), FieldError(), FieldError())
        for label, edit, error in ((self.tr("姓名"), self.name_edit, self.name_error),
                                   (self.tr("手机"), self.mobile_edit, self.mobile_error),
                                   (self.tr("住址"), self.address_edit, self.address_error)):
            cell = QWidget()
            cell_column = QVBoxLayout(cell)
            cell_column.setContentsMargins(0, 0, 0, 0)
            cell_column.setSpacing(2)
            cell_column.addWidget(edit)
            cell_column.addWidget(error)
            form.addRow(label, cell)
            edit.returnPressed.connect(self.save_edit)
            edit.textEdited.connect(lambda _t, e=error: e.clear_error())
        note = QLabel(self.tr("证件号码、性别和出生日期来自证件，不能修改；"
                              "证件号码录错的，请以正确号码重新登记。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setStyleSheet("font-weight: bold;")
        self.save_button.clicked.connect(self.save_edit)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.cancel_edit)
        self.form_error = FieldError()
        buttons = QHBoxLayout()
        self.save_button.setMinimumWidth(96)
        cancel.setMinimumWidth(96)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        buttons.addWidget(self.form_error, 1)
        buttons.addStretch(1)
        form.addRow(note)
        form.addRow(buttons)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), frame)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel_edit)
        return frame

    # --- search -------------------------------------------------------------------------------
    def _found(self, generation: int, text: str, found: list[ap.ApplicantView]) -> None:
        if generation != self._search_generation:
            return
        sexes = {"M": self.tr("男"), "F": self.tr("女")}
        self.results_model.set_rows([
            ListRow((p.name, mask_document(p.id_type, p.id_no), sexes.get(p.sex or "", "—"),
                     p.birth_date.isoformat() if p.birth_date else "—"), key=p.id)
            for p in found])
        if found:
            more = self.tr("（仅显示前 200 位，请输入更多字）") if len(found) >= 200 else ""
            self.result_label.setText(self.tr("找到 {n} 位申请人{more}").format(
                n=len(found), more=more))
            self.results.selectRow(0)
        elif any(c.isdigit() for c in text):
            self.result_label.setText(self.tr("没有这个证件号码的申请人。证件号码须完整输入"
                                              "（身份证件号码或统一社会信用代码）。"))
        else:
            self.result_label.setText(self.tr("没有姓名以“{t}”开头的申请人。").format(t=text))
        self.searched.emit(len(found))

    def _result_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_applicant(self.results_model.row_at(current.row()).key)

    # --- detail ---------------------------------------------------------------------------------
    def _loaded(self, generation: int, d: ApplicantDetail) -> None:
        if generation != self._detail_generation:
            return
        self._show_detail(d)

    def _load_failed(self, generation: int, exc: Exception) -> None:
        if generation == self._detail_generation:
            self._show_detail(None)
            self.placeholder.setText(error_text(exc))

    def _reload_detail(self) -> None:
        if self.detail is not None and not self.editing:
            self.show_applicant(self.detail.person.id)

    def _applicant_changed(self, applicant_id: str) -> None:
        if self.detail is not None and self.detail.person.id == applicant_id:
            self._reload_detail()

    def _show_detail(self, d: ApplicantDetail | None) -> None:
        self.detail = d
        if d is None:
            self.detail_stack.setCurrentWidget(self.placeholder)
            self.applicant_shown.emit("")
            return
        p = d.person
        self.detail_stack.setCurrentWidget(self.body)
        self.cancel_edit()
        self.name_label.setText(p.name)
        natural = p.kind == "natural"
        self.id_type_label.setText(self.tr("统一社会信用代码") if p.id_type == "uscc"
                                   else document_name(p.id_type))
        self.id_no_label.setText(mask_document(p.id_type, p.id_no))
        sexes = {"M": self.tr("男"), "F": self.tr("女")}
        self.sex_label.setText(sexes.get(p.sex or "", "—"))
        self.birth_label.setText(p.birth_date.isoformat() if p.birth_date else "—")
        # Only some documents tell sex and birth date (clerk.id_documents).
        for widget in (self.sex_row_label, self.sex_label):
            widget.setVisible(natural and p.sex is not None)
        for widget in (self.birth_row_label, self.birth_label):
            widget.setVisible(natural and p.birth_date is not None)
        self.extra_label.setText(" ".join(x for x in (p.legal_rep, p.contact) if x) or "—")
        self.extra_label.setVisible(not natural)
        self.extra_row_label.setVisible(not natural)
        self.mobile_value.set_value(p.mobile)
        self.address_label.setText(p.address or "—")
        self.cases_model.set_rows([self._case_row(r) for r in d.cases])
        self.docs_model.set_rows([self._doc_row(doc, d) for doc in d.documents])
        self.tabs.setTabText(0, self.tr("办件（{n}）").format(n=len(d.cases)))
        self.tabs.setTabText(1, self.tr("证照库（{n}）").format(n=len(d.documents)))
        self.applicant_shown.emit(p.id)

    def _case_row(self, r: CaseRow) -> ListRow:
        due = r.due_date.isoformat() if r.due_date else "—"
        return ListRow((r.case_no, r.matter_name, state_label(r.state),
                        local_date(r.received_at).isoformat(), due),
                       key=r.case_no, payload=r.state, colours={2: STATE_COLOURS[r.state]})

    def _doc_row(self, doc: ap.DocumentView, d: ApplicantDetail) -> ListRow:
        valid = doc.valid_on(d.today)
        until = doc.valid_until.isoformat() if doc.valid_until else self.tr("长期")
        status = self.tr("有效") if valid else self.tr("已过期")
        return ListRow((doc.name, doc.verified_at.strftime("%Y-%m-%d"),
                        d.names.get(doc.verified_by, doc.verified_by), until, status),
                       key=doc.id,
                       colours={4: GREEN if valid else RED})

    def _open_case(self, row: int) -> None:
        if self._session is not None and 0 <= row < self.cases_model.rowCount():
            self._session.bus.open_case.emit(self.cases_model.row_at(row).key)

    # --- editing ----------------------------------------------------------------------------------
    def start_edit(self) -> None:
        if self.detail is None:
            return
        p = self.detail.person
        self.name_edit.setText(p.name)
        self.mobile_edit.setText(p.mobile)
        self.address_edit.setText(p.address)
        for error in (self.name_error, self.mobile_error, self.address_error, self.form_error):
            error.clear_error()
        self.saved_note.hide()
        self.info_box.hide()
        self.edit_box.show()
        self.edit_button.setEnabled(False)
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def editing(self) -> bool:
        return not self.edit_box.isHidden()

    def cancel_edit(self) -> None:
        self.edit_box.hide()
        self.info_box.show()
        self.edit_button.setEnabled(True)

    def save_edit(self) -> None:
        """Validate every field (showing each error under its field), then save."""
        session, d = self._session, self.detail
        if session is None or d is None:
            return
        name, mobile, address = (self.name_edit.text(), self.mobile_edit.text(),
                                 self.address_edit.text())
        errors = 0
        for check, value, error in ((validate_name, name, self.name_error),
                                    (validate_mobile, mobile, self.mobile_error)):
            error.clear_error()
            if check is validate_mobile and not value.strip():
                continue
            try:
                check(value)
            except ValidationError as exc:
                error.show_error(exc.message)
                errors += 1
        if errors:
            return
        ws, applicant_id = session.ws, d.person.id

        def work() -> ap.ApplicantView:
            return ws.applicants.update(applicant_id, name=name, mobile=mobile,
                                        address=address)

        def ok(person: ap.ApplicantView) -> None:
            self.save_button.setEnabled(True)
            self.cancel_edit()
            self.saved_note.setText(self.tr("已保存。新办件将使用修改后的资料；"
                                            "已有办件保留办理时的资料。"))
            self.saved_note.show()
            session.bus.applicant_changed.emit(person.id)
            self.show_applicant(person.id)
            self.search_now()
            self.saved.emit(person.id)

        def failed(exc: Exception) -> None:
            self.save_button.setEnabled(True)
            fields = {"name": self.name_error, "mobile": self.mobile_error}
            target = fields.get(getattr(exc, "field", None) or "", self.form_error)
            target.show_error(error_text(exc))

        self.save_button.setEnabled(False)
        Operation(work, parent=self).success(ok).failure(failed).run_in_background()

    # --- keyboard -------------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.search_edit and (enter or event.key() == Qt.Key.Key_Down):
            if enter:
                self.search_now()
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if watched is self.results and enter:
            self.tabs.setCurrentIndex(0)
            self.cases_view.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.cases_model.rowCount():
                self.cases_view.selectRow(0)
            return True
        if watched is self.cases_view and enter:
            self._open_case(self.cases_view.currentIndex().row())
            return True
        if event.key() == Qt.Key.Key_Escape and watched in (self.results, self.cases_view):
            self._focus_search()
            return True
        return super().eventFilter(watched, event)
