"""Print preview of a finished document (回执, 告知单, 通知书): look, print, save.

The PDF comes from ``printing/`` as bytes; QtPdf shows it (all pages, fit to width).
Printing renders each page into the printer's painter at the printer's resolution (capped
at 600 dpi), in horizontal bands so a page never needs one huge image. Several documents
(an instant matter's receipt and result) share one window, one tab each.

The window is not modal: the clerk can go on with the next citizen while it is open.
For tests, :meth:`PrintPreviewDialog.save_to` and :meth:`PrintPreviewDialog.print_to`
do the work without opening any dialog.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from clerk.files import write_durably

#: Highest resolution pages are rendered at for printing (enough for text and QR codes).
MAX_PRINT_DPI = 600
#: Height of one rendered band, in device pixels.
_BAND = 1024


@dataclass
class _Doc:
    title: str
    pdf: bytes
    data: QByteArray
    buffer: QBuffer
    document: QPdfDocument


_preferred_printer = ""
_rendering_warm = False
_warm_lock = threading.Lock()


def set_preferred_printer(name: str) -> None:
    """The station's configured printer (设置 → 打印机); empty: the system default."""
    global _preferred_printer
    _preferred_printer = name


def preferred_printer() -> str:
    return _preferred_printer


class PrintPreviewDialog(QDialog):
    """Shows one or more PDFs with 打印, 另存为 and 关闭."""

    #: Pages printed (after a successful print).
    printed = Signal(int)
    #: Path written by 另存为.
    saved = Signal(str)
    # Per document (its tab index), so a caller can log each one as printed on paper or
    # saved as a PDF file: the two are different facts (已打印 / 已保存 PDF).
    document_printed = Signal(int)
    document_saved = Signal(int, str)

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("打印预览 — {title}").format(title=title))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._docs: list[_Doc] = []
        self.tabs = QTabBar()
        self.tabs.setDocumentMode(True)
        self.tabs.hide()
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("background-color: #8f969c;")
        self.print_button = QPushButton(self.tr("打印…  Ctrl+P"))
        self.print_all_button = QPushButton(self.tr("全部打印"))
        self.print_all_button.hide()
        self.save_button = QPushButton(self.tr("另存为…  Ctrl+S"))
        self.close_button = QPushButton(self.tr("关闭  Esc"))
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #5f6368;")
        self._build()
        self.add_document(pdf, title)
        self._fit_to_screen()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.tabs)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        for b in (self.print_button, self.print_all_button, self.save_button, self.close_button):
            b.setAutoDefault(False)
            b.setMinimumHeight(32)
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(lambda: self.print_dialog(all_documents=False))
        self.print_all_button.clicked.connect(lambda: self.print_dialog(all_documents=True))
        self.save_button.clicked.connect(self.save_dialog)
        self.close_button.clicked.connect(self.close)
        self.tabs.currentChanged.connect(self._show)
        QShortcut(QKeySequence.StandardKey.Print, self,
                  lambda: self.print_dialog(all_documents=False))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_dialog)

    def _fit_to_screen(self) -> None:
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)
        self.resize(min(900, available.width() - 40), max(400, available.height() - 60))

    @staticmethod
    def warm_up_rendering(pdf: bytes) -> None:
        """Open `pdf` and render its first page small, on the calling thread, and drop it:
        the first QPdfDocument of the process initialises PDFium and its font handling,
        which would otherwise land on the first preview's first page. Used by the counter's
        background warm-up with a made-up document (QtPdf serialises PDFium calls).
        Once per process: a second sign-in finds PDFium initialised."""
        global _rendering_warm
        with _warm_lock:
            if _rendering_warm:
                return
            _rendering_warm = True
        data = QByteArray(pdf)
        buffer = QBuffer()
        buffer.setData(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        if document.status() == QPdfDocument.Status.Ready:
            document.render(0, QSize(120, 170))
        document.close()

    # --- documents -------------------------------------------------------------------------
    def add_document(self, pdf: bytes, title: str) -> None:
        """Add a document (a tab appears when there is more than one) and show it."""
        data = QByteArray(pdf)
        buffer = QBuffer(self)
        buffer.setData(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready:
            self.status_label.setText(self.tr("文书无法显示（PDF 读取失败），可另存后查看。"))
        self._docs.append(_Doc(title, pdf, data, buffer, document))
        self.tabs.addTab(title)
        multiple = len(self._docs) > 1
        self.tabs.setVisible(multiple)
        self.print_all_button.setVisible(multiple)
        self.tabs.setCurrentIndex(len(self._docs) - 1)
        self._show(len(self._docs) - 1)

    def document_count(self) -> int:
        return len(self._docs)

    def current_index(self) -> int:
        return max(0, self.tabs.currentIndex())

    def set_current(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def current_title(self) -> str:
        return self._docs[self.current_index()].title

    def current_pdf(self) -> bytes:
        return self._docs[self.current_index()].pdf

    def pdfs(self) -> list[bytes]:
        return [d.pdf for d in self._docs]

    def page_count(self) -> int:
        return int(self._docs[self.current_index()].document.pageCount())

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self._docs):
            return
        doc = self._docs[index]
        self.view.setDocument(doc.document)
        self.title_label.setText(doc.title)
        self.status_label.setText(self.tr("共 {n} 页").format(n=doc.document.pageCount()))

    # --- saving ----------------------------------------------------------------------------
    def save_to(self, path: str | os.PathLike[str]) -> Path:
        """Write the current document to ``path`` atomically (never a half-written file)."""
        target = Path(path)
        write_durably(target, self.current_pdf())
        self.status_label.setText(self.tr("已保存到 {path}").format(path=str(target)))
        self.saved.emit(str(target))
        self.document_saved.emit(self.current_index(), str(target))
        return target

    def save_dialog(self) -> None:
        suggested = self.current_title().replace("/", "-") + ".pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("另存为"), suggested, self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            self.save_to(path)
        except OSError as exc:
            self.status_label.setText(self.tr("保存失败：{err}。请换一个位置再试。").format(
                err=exc.strerror or type(exc).__name__))

    # --- printing -------------------------------------------------------------------------
    def print_dialog(self, *, all_documents: bool = False) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if _preferred_printer:
            printer.setPrinterName(_preferred_printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = self.print_to(printer, all_documents=all_documents)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if pages:
            self.status_label.setText(self.tr("已送打印机：{n} 页").format(n=pages))

    def print_to(self, printer: QPrinter, *, all_documents: bool = False) -> int:
        """Print the current document (or all) on ``printer``; returns the pages printed."""
        indices = (list(range(len(self._docs))) if all_documents
                   else [self.current_index()])
        docs = [self._docs[i] for i in indices]
        first = docs[0].document
        if first.pageCount() == 0:
            return 0
        printer.setFullPage(True)  # the PDF carries its own margins: map paper to paper
        printer.setPageSize(QPageSize(first.pagePointSize(0), QPageSize.Unit.Point, "",
                                      QPageSize.SizeMatchPolicy.FuzzyMatch))
        painter = QPainter()
        if not painter.begin(printer):
            self.status_label.setText(self.tr("无法开始打印：请检查打印机是否可用。"))
            return 0
        pages = 0
        try:
            for doc in docs:
                for page in range(doc.document.pageCount()):
                    if pages:
                        printer.newPage()
                    _paint_page(painter, printer, doc.document, page)
                    pages += 1
        finally:
            painter.end()
        self.printed.emit(pages)
        for index in indices:
            self.document_printed.emit(index)
        return pages


def _paint_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    """Render one page into the painter, scaled to the paper, band by band."""
    resolution = printer.resolution()
    paper = printer.pageLayout().fullRectPixels(resolution)
    points: QSizeF = document.pagePointSize(page)
    dpi = min(resolution, MAX_PRINT_DPI)
    width = max(1, round(points.width() * dpi / 72))
    height = max(1, round(points.height() * dpi / 72))
    # Fit the page into the paper keeping its proportions (they match for A4 on A4).
    scale = min(paper.width() / width, paper.height() / height)
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(QSize(width, height))
    for top in range(0, height, _BAND):
        band = min(_BAND, height - top)
        options.setScaledClipRect(QRect(0, top, width, band))
        image = document.render(page, QSize(width, band), options)
        target = QRectF(0, top * scale, width * scale, band * scale)
        painter.drawImage(target, image)
