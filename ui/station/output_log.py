"""Logging what the clerk does with a previewed document: printed on paper or saved as a
PDF file. Rendering logs nothing (ws.documents.issue(output=None)); the preview's
per-document signals do, so a preview closed unprinted leaves the document 未打印 and a
saved one shows 已保存 PDF, not 已打印."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from ui.common.operations import Operation
from ui.station.session import Session

if TYPE_CHECKING:  # the documents' module loads with the first document, not the page
    from clerk.documents import Output, PrintedDocument


def log_outputs(preview: Any, docs: Sequence[PrintedDocument], session: Session,
                logged: Callable[[], None] | None = None, *,
                parent: QWidget | None = None) -> None:
    """Connect ``preview`` (a PrintPreviewDialog, tab i showing ``docs[i]``) to the print
    log; ``logged`` runs on the UI thread after each entry is stored (unless ``parent``,
    the page that wants it, was deleted meanwhile)."""
    printed = getattr(preview, "document_printed", None)
    saved = getattr(preview, "document_saved", None)
    if printed is None or saved is None:  # no preview could open (no QtPdf)
        return
    ws, clerk = session.ws, session.username
    shown = list(docs)

    def record(index: int, output: Output) -> None:
        if not 0 <= index < len(shown):
            return
        doc = shown[index]
        # The work always runs (the preview may close first); `parent` only guards the
        # callback.
        op = Operation(lambda: ws.documents.record_output(doc, output, clerk=clerk),
                       parent=parent)
        if logged is not None:
            op.success(lambda _none: logged())
        op.run_in_background()

    printed.connect(lambda index: record(index, "printed"))
    saved.connect(lambda index, _path: record(index, "saved"))
