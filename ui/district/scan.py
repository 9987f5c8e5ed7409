"""Showing a scan from the district: images in a small viewer window, PDFs in the print
preview. Not modal: the reviewer keeps working on the case beside it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.common.widgets import open_pdf_preview


class ScanViewer(QDialog):
    def __init__(self, pixmap: QPixmap, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setPixmap(pixmap)
        area = QScrollArea()
        area.setWidget(self.image)
        area.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)
        self.resize(min(pixmap.width() + 40, 1000), min(pixmap.height() + 40, 720))


def show_scan(data: bytes, media_type: str, sha256: str, parent: QWidget | None) -> QWidget | None:
    title = QCoreApplication.translate("ScanViewer", "扫描件 {sha}").format(sha=sha256[:10])
    if media_type == "application/pdf":
        return open_pdf_preview(data, title, parent)
    pixmap = QPixmap()
    if not pixmap.loadFromData(data):
        from ui.common.operations import message_bridge

        message_bridge().error.emit(QCoreApplication.translate(
            "ScanViewer", "扫描件无法显示（不是可识别的图片）。"))
        return None
    viewer = ScanViewer(pixmap, title, parent)
    viewer.show()
    return viewer
