"""事项目录与节假日 (admins): choose a catalog or calendar file, preview it (the district
validates it with clerk's loader and lists what changes against the published version),
then publish; the publish button stays off while the preview shows any problem, and the
district validates the file again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from staff_client.client import StaffClient
from ui.common.widgets import join_clauses
from ui.district.admin_table import AdminTable
from ui.district.session import DistrictSession, network
from wire.admin import MatterChange, PublishPreview, PublishRequest, PublishResult, WordedText

MAX_FILE = 8_000_000

#: Where the change texts' templates and labels are translated (clerk.catalog.changes).
CHANGES_CONTEXT = "catalog_changes"


def word(text: WordedText) -> str:
    """A change in the interface language: its template and every value translated in
    the changes' context (names from the file have no translation and stay as they are)."""
    values = {k: word(v) if isinstance(v, WordedText)
              else QCoreApplication.translate(CHANGES_CONTEXT, v)
              for k, v in text.params.items()}
    template = QCoreApplication.translate(CHANGES_CONTEXT, text.template)
    try:
        return template.format(**values) if values else template
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return text.template.format(**values) if values else text.template


def problem_lines(preview: PublishPreview) -> list[str]:
    """The preview's problems in the interface language; the Chinese words of a district
    that sends no templates."""
    if len(preview.problem_parts) == len(preview.problems):
        return [word(p) for p in preview.problem_parts]
    return list(preview.problems)


def change_details(change: MatterChange) -> str:
    """The details of one matter's change; the Chinese words of a district that sends no
    templates."""
    if change.parts:
        return join_clauses(word(p) for p in change.parts)
    return "；".join(change.details)


class PublishPage(QWidget):
    ready = Signal()
    previewed = Signal()
    published = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DistrictSession | None = None
        self.request: PublishRequest | None = None
        self.preview: PublishPreview | None = None
        self._build()

    def _changes(self) -> dict[str, str]:
        return {"added": self.tr("新增"), "new_version": self.tr("新版本"),
                "unchanged": self.tr("未变"), "conflict": self.tr("冲突"),
                "absent": self.tr("文件中没有（保持已发布）"), "replaced": self.tr("替换")}

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("事项目录"), "catalog")
        self.kind_combo.addItem(self.tr("年度节假日"), "calendar")
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("选择 .json 文件"))
        self.browse_button = QPushButton(self.tr("选择文件…"))
        self.browse_button.clicked.connect(self.browse)
        self.preview_button = QPushButton(self.tr("预览"))
        self.preview_button.clicked.connect(self.run_preview)
        self.publish_button = QPushButton(self.tr("发布"))
        self.publish_button.setEnabled(False)
        self.publish_button.clicked.connect(self.publish)
        row.addWidget(self.kind_combo)
        row.addWidget(self.path_edit, 1)
        for b in (self.browse_button, self.preview_button, self.publish_button):
            row.addWidget(b)
        layout.addLayout(row)
        self.summary = QLabel(self.tr(
            "选择文件后先预览：校验文件，并列出与当前发布版本相比的变化。"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = AdminTable([self.tr("编码/年度"), self.tr("名称"), self.tr("变化"),
                                 self.tr("版本"), self.tr("说明")], stretch=4)
        layout.addWidget(self.table, 3)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.hide()
        layout.addWidget(self.problems, 1)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

    def attach(self, session: DistrictSession) -> None:
        self._session = session
        # Nothing to load: ready once the page is on screen (a listener connects after
        # showing it, as --screenshot --page does).
        QTimer.singleShot(0, self.ready.emit)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择文件"), "",
                                              self.tr("JSON 文件 (*.json)"))
        if path:
            self.path_edit.setText(path)
            self.run_preview()

    def _read(self) -> PublishRequest | None:
        path = Path(self.path_edit.text().strip())
        if not path.name:
            self.note.setText(self.tr("请先选择文件。"))
            return None
        try:
            if path.stat().st_size > MAX_FILE:
                self.note.setText(self.tr("文件太大（超过 8 MB）。"))
                return None
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self.note.setText(self.tr("无法读取文件 {path}：{why}").format(
                path=path, why=getattr(exc, "strerror", None) or self.tr("不是 UTF-8 文本")))
            return None
        if not text.strip():
            self.note.setText(self.tr("文件是空的。"))
            return None
        return PublishRequest(kind=str(self.kind_combo.currentData()),  # type: ignore[arg-type]
                              file_name=path.name[:200], content=text)

    def run_preview(self) -> None:
        self.publish_button.setEnabled(False)
        request = self._read()
        if request is None or self._session is None:
            return
        self.note.setText(self.tr("正在校验…"))

        def work(client: StaffClient) -> PublishPreview:
            return client.preview_publication(request)

        def done(preview: PublishPreview) -> None:
            self.request, self.preview = request, preview
            self._show(preview)
            self.previewed.emit()

        network(self._session, work, parent=self, done=done, failed=self.note.setText)

    def _show(self, p: PublishPreview) -> None:
        changes = self._changes()
        rows = [[m.code, m.name, changes.get(m.change, m.change),
                 f"{m.published_version or '-'} → {m.file_version or '-'}", change_details(m)]
                for m in p.matters]
        rows += [[str(y.year), self.tr("正式") if y.official else self.tr("暂定"),
                  changes.get(y.change, y.change),
                  self.tr("{days} 天").format(days=y.days),
                  "" if y.published_days is None else self.tr("原 {days} 天").format(
                      days=y.published_days)] for y in p.years]
        self.table.fill(rows)
        self.problems.setPlainText("\n".join(problem_lines(p)))
        self.problems.setVisible(bool(p.problems))
        counts: dict[str, int] = {}
        for m in p.matters:
            counts[m.change] = counts.get(m.change, 0) + 1
        parts = [f"{changes.get(k, k)} {n}" for k, n in counts.items()]
        if p.ok:
            self.summary.setText(self.tr("文件有效。{parts}").format(parts="，".join(parts)))
            self.note.setText(self.tr("确认无误后点击“发布”。"))
        else:
            self.summary.setText(self.tr("文件有 {n} 处错误，不能发布。").format(n=len(p.problems)))
            self.note.setText("")
        self.publish_button.setEnabled(p.ok)

    def publish(self) -> None:
        request, session = self.request, self._session
        if request is None or session is None or self.preview is None or not self.preview.ok:
            return
        self.publish_button.setEnabled(False)

        def work(client: StaffClient) -> PublishResult:
            return client.publish(request)

        def done(result: PublishResult) -> None:
            self.note.setText(result.summary)
            self.request = self.preview = None
            self.published.emit()

        network(session, work, parent=self, done=done, failed=self.note.setText)
