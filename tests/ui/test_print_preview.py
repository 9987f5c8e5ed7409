"""The print preview: shows the PDF, saves it atomically, prints it through QPrinter."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from tests.printing.pdftools import pdf_info
from ui.common.print_preview import PrintPreviewDialog


def _pdf(*pages: str) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for text in pages:
        canvas.drawString(100, 700, text)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture
def preview(qtbot: QtBot) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(_pdf("receipt page 1", "receipt page 2"), "受理回执 SL1")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_shows_the_document(preview: PrintPreviewDialog) -> None:
    assert preview.page_count() == 2
    assert preview.document_count() == 1
    assert preview.title_label.text() == "受理回执 SL1"
    assert preview.view.document() is not None
    assert not preview.tabs.isVisible()
    assert not preview.isModal()


def test_save_to_writes_the_exact_bytes_and_leaves_no_temp_file(
        qtbot: QtBot, preview: PrintPreviewDialog, tmp_path: Path) -> None:
    target = tmp_path / "回执.pdf"
    target.write_bytes(b"old content")
    with qtbot.waitSignal(preview.saved, timeout=2000) as blocker:
        preview.save_to(target)
    assert blocker.args == [str(target)]
    assert target.read_bytes() == preview.current_pdf()
    assert [p.name for p in tmp_path.iterdir()] == ["回执.pdf"]


def test_print_to_a_pdf_printer_prints_every_page(qtbot: QtBot, preview: PrintPreviewDialog,
                                                  tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(preview.printed, timeout=10_000) as blocker:
        pages = preview.print_to(printer)
    assert pages == 2 and blocker.args == [2]
    info = pdf_info(out.read_bytes())
    assert "Pages:           2" in info
    assert "A4" in info  # the paper follows the document's page size


def test_several_documents_share_one_window(qtbot: QtBot, preview: PrintPreviewDialog,
                                            tmp_path: Path) -> None:
    preview.add_document(_pdf("result"), "办结通知 BJ1")
    assert preview.document_count() == 2
    assert preview.tabs.isVisible() and preview.print_all_button.isVisible()
    assert preview.current_title() == "办结通知 BJ1" and preview.page_count() == 1
    preview.set_current(0)
    assert preview.current_title() == "受理回执 SL1" and preview.page_count() == 2
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "all.pdf"))
    assert preview.print_to(printer, all_documents=True) == 3


def test_configured_printer_is_preselected(qtbot: QtBot, data_dir: Path) -> None:
    """设置 → 打印机 reaches the print dialog through the window's settings."""
    from tests.conftest import ADMIN, ADMIN_PASSWORD
    from ui.app import build_window
    from ui.common.print_preview import preferred_printer, set_preferred_printer
    from ui.station.main_window import Credentials

    window = build_window(data_dir, auto_login=Credentials(ADMIN, ADMIN_PASSWORD))
    qtbot.addWidget(window)
    assert window.ws is None
    with qtbot.waitSignal(window.signed_in, timeout=20_000):
        window.load()
    assert window.ws is not None
    window.ws.set_setting("print.printer", "窗口打印机")
    window.bus.settings_changed.emit()
    qtbot.waitUntil(lambda: preferred_printer() == "窗口打印机", timeout=20_000)
    set_preferred_printer("")
