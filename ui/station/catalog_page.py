"""The catalog browser: how a clerk answers "what do I need for X?".

Left: a search box (name, code or pinyin initials; filters as you type), a department
filter and the matching matters. Right: the service guide of the chosen matter, with
its materials as a table.

Keyboard: focus starts in the search box; Down moves into the list, Up from the first
row back to the search; the arrows show each matter as they move; Enter opens the
guide (focus moves there to scroll it) and emits :attr:`CatalogPage.matter_activated`;
Escape returns to the search box from anywhere on the page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clerk.catalog import (
    CaseKind,
    HandlingLevel,
    Material,
    MaterialForm,
    MaterialSource,
    Matter,
    Necessity,
    ServiceObject,
)
from clerk.catalog.search import CatalogIndex
from clerk.consultations import NOTE_MAX, ConsultationEntry, Guide
from ui.common.operations import Operation, error_text
from ui.common.palette import AMBER, BLUE, GREEN, GREY, NECESSITY_COLOURS
from ui.common.widgets import join_list, open_pdf_preview

if TYPE_CHECKING:
    from clerk.workspace import Workspace
    from ui.station.session import Session

_AnyIndex = QModelIndex | QPersistentModelIndex

# Column widths (%) of the material table. Every column has one: Qt's rich-text table
# layout collapses a column to a character's width when fixed and free columns mix. The
# long 受理标准 text gets its own full-width row instead of a narrow column.
_MATERIAL_WIDTHS = (6, 26, 13, 12, 11, 13, 19)

# Bounds of the matter list's initial width (px): full names at 1366, still usable at 1024.
_LIST_MIN_WIDTH = 400
_LIST_MAX_WIDTH = 700  # the longest matter names (about 24 characters) in full

_DETAIL_CSS = """
body { font-size: 10.5pt; color: #202124; }
h2 { font-size: 15pt; margin: 0 0 4px 0; }
h3 { font-size: 11.5pt; margin: 14px 0 4px 0; color: #1a56a8; }
.muted { color: #5f6368; }
.small { font-size: 9pt; color: #5f6368; }
th { background-color: #f1f3f4; font-weight: bold; text-align: left; }
td.key { color: #5f6368; white-space: nowrap; }
ol, ul { margin-top: 0; margin-bottom: 0; }
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _tag(text: str, colours: tuple[str, str]) -> str:
    fg, bg = colours
    style = f"color:{fg}; background-color:{bg}; white-space:nowrap;"
    return f'<span style="{style}">&nbsp;{_esc(text)}&nbsp;</span>'


class MatterTableModel(QAbstractTableModel):
    """The matters currently listed: name, department, 即办/承诺 tag, committed limit."""

    NAME, DEPARTMENT, KIND, LIMIT = range(4)
    MatterRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matters: list[Matter] = []

    def set_matters(self, matters: Iterable[Matter]) -> None:
        """Replace the listed matters."""
        self.beginResetModel()
        self._matters = list(matters)
        self.endResetModel()

    def matter_at(self, row: int) -> Matter:
        """The matter on ``row``."""
        return self._matters[row]

    def row_of(self, code: str) -> int | None:
        """The row of the matter with ``code``, or None when it is not listed."""
        return next((i for i, m in enumerate(self._matters) if m.code == code), None)

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matters)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("事项名称"), self.tr("实施部门"), self.tr("类型"), self.tr("承诺时限"))[
            section
        ]

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        matter = self._matters[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(matter, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{matter.name}\n{matter.code}"
        if role == self.MatterRole:
            return matter
        if column == self.KIND and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
        ):
            fg, bg = GREEN if matter.is_instant else BLUE
            colour = fg if role == Qt.ItemDataRole.ForegroundRole else bg
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.KIND, self.LIMIT):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _display(self, matter: Matter, column: int) -> str:
        if column == self.NAME:
            return matter.name
        if column == self.DEPARTMENT:
            return matter.department
        if column == self.KIND:
            return self.tr("即办") if matter.is_instant else self.tr("承诺")
        if matter.is_instant:
            return self.tr("当场办结")
        return self.tr("{n} 个工作日").format(n=matter.committed_limit_days)


class MatterDetailRenderer(QObject):
    """Renders one matter's service guide as HTML for a QTextBrowser.

    A QObject only so that ``self.tr`` gives the strings a translation context.
    """

    def render(self, m: Matter) -> str:
        """The whole guide for ``m``."""
        parts = [
            self._title(m),
            self._basic_info(m),
            self._section(self.tr("受理条件"), self._list(m.conditions, ordered=True)),
            self._materials(m),
            self._procedures(m),
            self._section(self.tr("常见不予受理情形"), self._list(m.refusal_reasons, ordered=True)),
            self._section(self.tr("设定依据"), self._list(m.legal_basis, ordered=False)),
            self._form_fields(m),
        ]
        return "".join(p for p in parts if p)

    def placeholder(self, found: int | None) -> str:
        """What the guide pane shows when no matter is chosen."""
        if found == 0:
            head = self.tr("没有找到匹配的事项")
            hint = self.tr(
                "换个说法试试：事项名称中的字、实施编码，或拼音首字母（如 dbsq 找低保）。"
            )
        else:
            head = self.tr("选择一个事项，查看要带的材料和办理要求")
            hint = self.tr(
                "在搜索框输入事项名称、实施编码或拼音首字母，按 ↓ 进入列表，按 Enter 查看详情。"
            )
        return f'<h2 class="muted">{_esc(head)}</h2><p class="muted">{_esc(hint)}</p>'

    # --- pieces -------------------------------------------------------------------

    def _title(self, m: Matter) -> str:
        kind = _tag(self._case_kind(m.case_kind), GREEN if m.is_instant else BLUE)
        level = _tag(self._level(m.handling_level), GREY)
        return f"<h2>{_esc(m.name)}</h2><p>{kind}&nbsp;&nbsp;{level}</p>"

    def _basic_info(self, m: Matter) -> str:
        rows = [
            (self.tr("实施编码"), _esc(m.code), self.tr("实施部门"), _esc(m.department)),
            (
                self.tr("事项类型"),
                _esc(m.type.value),
                self.tr("服务对象"),
                self._object(m.service_object),
            ),
            (
                self.tr("法定时限"),
                self._legal_limit(m),
                self.tr("承诺时限"),
                self._committed_limit(m),
            ),
            (self.tr("收费"), self._fees(m), self.tr("办理结果"), _esc(m.result_name or "—")),
            (self.tr("咨询电话"), self._enquiry(m), self.tr("投诉电话"), _esc(m.complaint_phone)),
        ]
        wide = [
            (self.tr("时限说明"), _esc(m.limit_note or "")),
            (self.tr("法定时限出处"), _esc(m.limit_source or "")),
            (self.tr("办理地点"), _esc(m.place)),
            (self.tr("办公时间"), _esc(m.office_hours)),
            (self.tr("版本"), self._version(m)),
        ]
        cells = [
            f'<tr><td class="key" width="12%">{k1}</td><td width="38%">{v1}</td>'
            f'<td class="key" width="12%">{k2}</td><td width="38%">{v2}</td></tr>'
            for k1, v1, k2, v2 in rows
        ]
        cells += [
            f'<tr><td class="key">{key}</td><td colspan="3">{value}</td></tr>'
            for key, value in wide
            if value
        ]
        return self._table("".join(cells), border=0)

    def _materials(self, m: Matter) -> str:
        required = sum(1 for x in m.materials if x.necessity is Necessity.REQUIRED)
        title = self.tr("申请材料（共 {n} 项，其中必要 {r} 项）").format(
            n=len(m.materials), r=required
        )
        labels = (
            self.tr("序号"),
            self.tr("材料名称"),
            self.tr("形式"),
            self.tr("份数"),
            self.tr("必要性"),
            self.tr("来源"),
            self.tr("适用条件"),
        )
        head = "".join(
            f'<th width="{w}%">{_esc(t)}</th>'
            for w, t in zip(_MATERIAL_WIDTHS, labels, strict=True)
        )
        rows = "".join(self._material_rows(i + 1, x) for i, x in enumerate(m.materials))
        return self._section(title, self._table(f"<tr>{head}</tr>{rows}", border=1))

    def _material_rows(self, number: int, x: Material) -> str:
        """Two rows per material: the facts, then its 受理标准 across the full width."""
        name = f"<b>{_esc(x.name)}</b>"
        refs = [
            self.tr("空白表格：{ref}").format(ref=x.blank_form) if x.blank_form else "",
            self.tr("示例样表：{ref}").format(ref=x.sample) if x.sample else "",
        ]
        name += "".join(f'<br><span class="small">{_esc(r)}</span>' for r in refs if r)
        cells = (
            str(number),
            name,
            self._form(x.form),
            self._counts(x),
            _tag(self._necessity(x.necessity), NECESSITY_COLOURS[x.necessity]),
            self._source(x.source),
            _esc(x.condition) if x.condition else '<span class="muted">—</span>',
        )
        # Zebra shading groups a material's two rows.
        shade = ' bgcolor="#f4f6f9"' if number % 2 == 0 else ""
        facts = f"<tr{shade}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        label = _esc(self.tr("受理标准："))
        standard = (
            f'<tr{shade}><td></td><td colspan="{len(cells) - 1}">'
            f'<span class="muted">{label}</span>{_esc(x.requirement)}</td></tr>'
        )
        return facts + standard

    def _procedures(self, m: Matter) -> str:
        if not m.special_procedures:
            return ""
        # The name carries the period as published ("公示5个工作日"); ``days`` is for the
        # supervision clock, so it is not repeated here.
        items = [f"{_tag(p.kind, AMBER)} {_esc(p.name)}" for p in m.special_procedures]
        title = self.tr("特别程序（不计入办理时限）")
        return self._section(title, "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")

    def _form_fields(self, m: Matter) -> str:
        if not m.form_fields:
            return ""
        labels = [_esc(f.label) + (" *" if f.required else "") for f in m.form_fields]
        note = self.tr("（* 为必填）")
        return self._section(self.tr("需采集的信息"), f"<p>{join_list(labels)} {_esc(note)}</p>")

    # --- small helpers ------------------------------------------------------------------

    @staticmethod
    def _section(title: str, body: str) -> str:
        return f"<h3>{_esc(title)}</h3>{body}" if body else ""

    @staticmethod
    def _table(rows: str, *, border: int) -> str:
        style = "border-collapse: collapse; border-color: #c4c7c5; border-style: solid;"
        return (
            f'<table width="100%" border="{border}" cellspacing="0" cellpadding="5" '
            f'style="{style}">{rows}</table>'
        )

    @staticmethod
    def _list(items: Sequence[str], *, ordered: bool) -> str:
        if not items:
            return ""
        tag = "ol" if ordered else "ul"
        return f"<{tag}>" + "".join(f"<li>{_esc(i)}</li>" for i in items) + f"</{tag}>"

    def _legal_limit(self, m: Matter) -> str:
        if m.legal_limit_days is None:
            return self.tr("法律法规未规定")
        return self.tr("{n} 个工作日").format(n=m.legal_limit_days)

    def _committed_limit(self, m: Matter) -> str:
        if m.is_instant:
            return self.tr("当场办结")
        return self.tr("{n} 个工作日").format(n=m.committed_limit_days)

    def _fees(self, m: Matter) -> str:
        if m.is_free:
            return self.tr("不收费")
        return "<br>".join(
            _esc(self.tr("{name} {amount} 元（{basis}）").format(
                name=f.name, amount=f.amount_yuan, basis=f.basis
            ))
            for f in m.fees
        )  # fmt: skip

    def _enquiry(self, m: Matter) -> str:
        # An empty enquiry phone means the station's own number applies.
        return _esc(m.enquiry_phone) if m.enquiry_phone else self.tr("本站点咨询电话")

    def _version(self, m: Matter) -> str:
        text = self.tr("第 {v} 版，{start} 起施行").format(v=m.version, start=m.valid_from)
        if m.valid_to is not None:
            text += self.tr("，{end} 废止").format(end=m.valid_to)
        return _esc(text)

    def _counts(self, x: Material) -> str:
        """One line per kind ("原件1份" / "复印件1份"), HTML."""
        parts = []
        if x.original_count:
            parts.append(self.tr("原件{n}份").format(n=x.original_count))
        if x.copy_count:
            parts.append(self.tr("复印件{n}份").format(n=x.copy_count))
        if x.form is MaterialForm.ORIGINAL_OR_COPY and len(parts) == 2:
            parts[1] = self.tr("或") + parts[1]
        return "<br>".join(_esc(p) for p in parts)

    # Enum wording lives here, not in the domain labels, so the UI can be translated.

    def _case_kind(self, kind: CaseKind) -> str:
        return {CaseKind.INSTANT: self.tr("即办件"), CaseKind.COMMITTED: self.tr("承诺件")}[kind]

    def _level(self, level: HandlingLevel) -> str:
        return {
            HandlingLevel.STATION: self.tr("站点办结"),
            HandlingLevel.DISTRICT: self.tr("上报区级"),
        }[level]

    def _object(self, obj: ServiceObject) -> str:
        return {
            ServiceObject.NATURAL: self.tr("自然人"),
            ServiceObject.LEGAL: self.tr("法人"),
            ServiceObject.BOTH: self.tr("自然人、法人"),
        }[obj]

    def _form(self, form: MaterialForm) -> str:
        return {
            MaterialForm.ORIGINAL: self.tr("原件"),
            MaterialForm.COPY: self.tr("复印件"),
            MaterialForm.ORIGINAL_AND_COPY: self.tr("原件和复印件"),
            MaterialForm.ORIGINAL_OR_COPY: self.tr("原件或复印件"),
        }[form]

    def _necessity(self, necessity: Necessity) -> str:
        return {
            Necessity.REQUIRED: self.tr("必要"),
            Necessity.OPTIONAL: self.tr("非必要"),
            Necessity.DEFERRABLE: self.tr("容缺后补"),
            Necessity.EXEMPT_SHARED: self.tr("信息免交"),
        }[necessity]

    def _source(self, source: MaterialSource) -> str:
        return {
            MaterialSource.APPLICANT: self.tr("申请人自备"),
            MaterialSource.GOVERNMENT: self.tr("政府部门核发"),
            MaterialSource.E_LICENSE: self.tr("电子证照"),
        }[source]


class CatalogPage(QWidget):
    """Search the catalog and read a matter's service guide.

    Give it matters up front, later through :meth:`set_matters`, or let it load them
    off the UI thread with :meth:`load`.
    """

    #: The clerk chose a matter (Enter or double-click); carries the Matter.
    matter_activated = Signal(object)
    #: The matter shown in the guide changed; carries the Matter or None.
    current_matter_changed = Signal(object)
    #: A consultation (咨询登记) was stored; carries the ConsultationEntry.
    consultation_recorded = Signal(object)
    #: The 办事指南 PDF is made and its preview opened; carries the PDF bytes.
    guide_ready = Signal(bytes)

    def __init__(self, matters: Sequence[Matter] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index = CatalogIndex(())
        self._shown: Matter | None = None
        self._renderer = MatterDetailRenderer(self)
        self._session: Session | None = None
        self.model = MatterTableModel(self)
        # Where a guide's PDF opens (tests replace it); returns the preview window.
        self.preview_opener: Callable[[bytes, str, QWidget | None], object] = open_pdf_preview
        self._build()
        self.set_matters(matters)

    def attach(self, session: Session) -> None:
        """Sign-in: the guide and the consultations are the signed-in clerk's."""
        self._session = session
        self._update_actions()

    # --- public API ---------------------------------------------------------------------

    def set_matters(self, matters: Sequence[Matter]) -> None:
        """Show a new catalog (builds the search index here: ~20 ms for 200 matters)."""
        self.set_index(CatalogIndex(matters))

    def set_index(self, index: CatalogIndex) -> None:
        """Show a catalog whose index was built elsewhere (e.g. in a background operation)."""
        self._index = index
        self._fill_departments()
        self._refilter()

    def load(self, loader: Callable[[], Sequence[Matter]]) -> None:
        """Load matters with ``loader`` off the UI thread (on the database executor)."""

        def build() -> CatalogIndex:
            return CatalogIndex(loader())

        Operation(build, parent=self).success(self.set_index).with_progress(
            self.tr("正在加载事项目录…")
        ).run_in_background()

    def current_matter(self) -> Matter | None:
        """The matter whose guide is shown, or None."""
        return self._shown

    def select_matter(self, code: str) -> bool:
        """Show the matter with ``code`` (clearing filters if they hide it); False if unknown."""
        if self._index.by_code(code) is None:
            return False
        if self.model.row_of(code) is None:
            self.search_edit.clear()
            self.department_combo.setCurrentIndex(0)
        row = self.model.row_of(code)
        assert row is not None  # with no filter every matter is listed
        self.matter_view.selectRow(row)
        return True

    # --- construction -------------------------------------------------------------------

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("搜索：事项名称、实施编码或拼音首字母（如 dbsq）")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.department_combo = QComboBox()
        self.department_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.department_combo.setMinimumContentsLength(12)
        self.count_label = QLabel()
        self.count_label.setObjectName("catalogCount")
        self.matter_view = self._build_table()
        self.detail_view = QTextBrowser()
        self.detail_view.setOpenLinks(False)
        # Everything in the guide wraps; a 100%-wide bordered table can still overflow by
        # a pixel of border, which would show a useless horizontal scrollbar.
        self.detail_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail_view.document().setDefaultStyleSheet(_DETAIL_CSS)
        self.detail_view.document().setDocumentMargin(12)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("部门")))
        filters.addWidget(self.department_combo, 1)
        filters.addWidget(self.count_label)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search_edit)
        column.addLayout(filters)
        column.addWidget(self.matter_view, 1)

        right = QWidget()
        guide_column = QVBoxLayout(right)
        guide_column.setContentsMargins(0, 0, 0, 0)
        guide_column.addWidget(self.detail_view, 1)
        guide_column.addLayout(self._build_actions())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self._splitter = splitter
        self._splitter_sized = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

        self.setFocusProxy(self.search_edit)
        self.setTabOrder(self.search_edit, self.department_combo)
        self.setTabOrder(self.department_combo, self.matter_view)
        self.setTabOrder(self.matter_view, self.detail_view)
        self.setTabOrder(self.detail_view, self.guide_button)
        self.setTabOrder(self.guide_button, self.note_edit)
        self.setTabOrder(self.note_edit, self.consult_button)
        self.search_edit.textChanged.connect(self._refilter)
        self.department_combo.currentIndexChanged.connect(self._refilter)
        for widget in (self.search_edit, self.matter_view, self.detail_view, self.department_combo):
            widget.installEventFilter(self)

    def _build_actions(self) -> QVBoxLayout:
        """打印办事指南 (the citizen takes the guide; the consultation is registered when it
        is printed or saved) and 登记咨询 (registered without paper), with a note."""
        self.guide_button = QPushButton(self.tr("打印办事指南"))
        self.guide_button.setToolTip(self.tr("生成本事项的办事指南并预览；打印或另存后登记为一次咨询"))
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(NOTE_MAX)
        self.note_edit.setPlaceholderText(self.tr("咨询备注（可选，不记姓名、证件号码、电话）"))
        self.consult_button = QPushButton(self.tr("登记咨询"))
        self.consult_button.setToolTip(self.tr("只登记一次咨询（事项、时间、经办人），不打印"))
        self.action_message = QLabel()
        self.action_message.setWordWrap(True)
        self.action_message.hide()
        for button in (self.guide_button, self.consult_button):
            button.setMinimumHeight(30)
        self.guide_button.clicked.connect(self.print_guide)
        self.consult_button.clicked.connect(lambda: self.record_consultation())
        self.note_edit.returnPressed.connect(lambda: self.record_consultation())
        row = QHBoxLayout()
        row.addWidget(self.guide_button)
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.consult_button)
        column = QVBoxLayout()
        column.addLayout(row)
        column.addWidget(self.action_message)
        self._update_actions()
        return column

    def _update_actions(self) -> None:
        usable = self._session is not None and self._shown is not None
        for widget in (self.guide_button, self.consult_button, self.note_edit):
            widget.setEnabled(usable)

    def _say(self, text: str, ok: bool = True) -> None:
        fg, bg = GREEN if ok else ("#a8231b", "#fdecea")
        self.action_message.setStyleSheet(
            f"color: {fg}; background: {bg}; padding: 4px 8px; border-radius: 4px;")
        self.action_message.setText(text)
        self.action_message.show()

    # --- 办事指南, 咨询登记 --------------------------------------------------------------------

    def print_guide(self) -> None:
        """Make the shown matter's 办事指南 and open it in the print preview; printing or
        saving it registers the consultation (once per preview)."""
        session, matter = self._session, self._shown
        if session is None or matter is None:
            return
        ws, note = session.ws, self.note_edit.text()
        from clerk.consultations import validate_note

        try:
            validate_note(note)  # refused before anything is made, not after printing
        except Exception as exc:
            self._say(error_text(exc), ok=False)
            return

        def done(pdf: bytes) -> None:
            self.guide_ready.emit(pdf)
            title = self.tr("办事指南 — {name}").format(name=matter.name)
            preview = self.preview_opener(pdf, title, self.window())
            self._register_on_output(preview, matter, note)
            self._say(self.tr("办事指南已生成：打印或另存后登记为一次咨询。"))

        Operation(lambda: render_guide_for(ws, matter.code), parent=self).success(done) \
            .failure(lambda exc: self._say(error_text(exc), ok=False)) \
            .with_progress(self.tr("正在生成办事指南…")).run_in_background()

    def _register_on_output(self, preview: Any, matter: Matter, note: str) -> None:
        printed = getattr(preview, "document_printed", None)
        saved = getattr(preview, "document_saved", None)
        if printed is None or saved is None:
            return
        done = [False]  # one citizen, one consultation, however often the guide is printed

        def once(guide: Guide) -> None:
            if not done[0]:
                done[0] = True
                self.record_consultation(matter, note=note, guide=guide)

        printed.connect(lambda _index: once("printed"))
        saved.connect(lambda _index, _path: once("saved"))

    def record_consultation(self, matter: Matter | None = None, *, note: str | None = None,
                            guide: Guide = "") -> None:
        """Register a consultation about ``matter`` (default: the one shown)."""
        session = self._session
        matter = matter or self._shown
        if session is None or matter is None:
            return
        ws, clerk = session.ws, session.username
        text = self.note_edit.text() if note is None else note

        def ok(entry: ConsultationEntry) -> None:
            if note is None:
                self.note_edit.clear()
            how = {"printed": self.tr("（已打印办事指南）"),
                   "saved": self.tr("（办事指南已另存为 PDF）")}.get(entry.guide, "")
            self._say(self.tr("已登记咨询：{name}{how}").format(name=entry.matter_name, how=how))
            self.consultation_recorded.emit(entry)

        Operation(lambda: ws.consultations.record(matter.code, clerk=clerk, note=text,
                                                  guide=guide), parent=self) \
            .success(ok).failure(lambda exc: self._say(error_text(exc), ok=False)) \
            .run_in_background()

    def showEvent(self, event: QShowEvent) -> None:
        """On first show, split the width: the list needs ~500 px for full names, the
        guide gets the rest; on narrow screens the guide's share grows."""
        super().showEvent(event)
        if not self._splitter_sized:
            self._splitter_sized = True
            width = self._splitter.width()
            left = max(_LIST_MIN_WIDTH, min(_LIST_MAX_WIDTH, int(width * 0.5)))
            self._splitter.setSizes([left, max(width - left, 1)])

    def _build_table(self) -> QTableView:
        view = QTableView()
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(28)
        header = view.horizontalHeader()
        header.setSectionResizeMode(MatterTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (MatterTableModel.DEPARTMENT, MatterTableModel.KIND, MatterTableModel.LIMIT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        view.selectionModel().currentRowChanged.connect(self._on_current_row)
        view.doubleClicked.connect(lambda _index: self._activate())
        return view

    def _fill_departments(self) -> None:
        previous = self.department_combo.currentData()
        self.department_combo.blockSignals(True)  # one refilter afterwards, not one per item
        self.department_combo.clear()
        self.department_combo.addItem(self.tr("全部部门"), None)
        for department in self._index.departments():
            self.department_combo.addItem(department, department)
        found = self.department_combo.findData(previous) if previous else 0
        self.department_combo.setCurrentIndex(max(found, 0))
        self.department_combo.blockSignals(False)

    # --- behaviour -------------------------------------------------------------------------

    def _refilter(self) -> None:
        query = self.search_edit.text()
        department = self.department_combo.currentData()
        results = self._index.search(query, department=department)
        keep = self._shown
        self.model.set_matters(results)
        self._update_count(len(results), filtered=bool(query.strip() or department))
        row = self.model.row_of(keep.code) if keep is not None else None
        if row is None and query.strip() and results:
            row = 0  # typing shows the best match at once
        if row is None:
            self._show(None, found=len(results))
        else:
            self.matter_view.selectRow(row)
            self._show(self.model.matter_at(row))

    def _update_count(self, count: int, *, filtered: bool) -> None:
        text = self.tr("找到 {n} 项") if filtered else self.tr("共 {n} 项")
        self.count_label.setText(text.format(n=count))

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show(self.model.matter_at(current.row()))

    def _show(self, matter: Matter | None, *, found: int | None = None) -> None:
        if matter is not None and matter is self._shown and self.detail_view.toPlainText():
            return  # unchanged: keep the reader's scroll position
        self._shown = matter
        self._update_actions()
        if matter is None:
            self.detail_view.setHtml(self._renderer.placeholder(found))
        else:
            self.detail_view.setHtml(self._renderer.render(matter))
        self.current_matter_changed.emit(matter)

    def _activate(self) -> None:
        index = self.matter_view.currentIndex()
        if not index.isValid():
            return
        matter = self.model.matter_at(index.row())
        self._show(matter)
        self.detail_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.matter_activated.emit(matter)

    def _enter_list(self) -> None:
        if self.model.rowCount() == 0:
            return
        if not self.matter_view.currentIndex().isValid():
            self.matter_view.selectRow(0)
        self.matter_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _back_to_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keyboard flow between the search box, the list and the guide."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.search_edit:
            if key == Qt.Key.Key_Down or (enter and self.model.rowCount()):
                self._enter_list()
                if enter:
                    self._activate()
                return True
            if key == Qt.Key.Key_Escape and self.search_edit.text():
                self.search_edit.clear()
                return True
        elif watched is self.matter_view:
            if enter:
                self._activate()
                return True
            if key == Qt.Key.Key_Up and self.matter_view.currentIndex().row() <= 0:
                self._back_to_search()
                return True
        if key == Qt.Key.Key_Escape and watched is not self.search_edit:
            self._back_to_search()
            return True
        return super().eventFilter(watched, event)


def render_guide_for(ws: Workspace, code: str) -> bytes:
    """The 办事指南 PDF of the station's matter ``code`` (off the UI thread)."""
    from clerk.options import SYNC_PROGRESS_URL
    from printing.guide import render_matter_guide
    from ui.station.intake.work import print_options

    station = ws.station()
    if station is None:
        ws.authority()  # raises the worded "station not set up" error
    assert station is not None
    return render_matter_guide(ws.matter(code), station, ws.authority(),
                               progress_base=ws.settings.get(SYNC_PROGRESS_URL),
                               generated_at=ws.now(), options=print_options(ws))
