"""The counter's warm-up: once the 受理 page is ready, what its first F9 will need is done
while the clerk fills the first intake, so the first acceptance after sign-in is as
quick as the later ones (DESIGN 13: F9 → receipt preview ≤ 150 ms).

In the background (the parallel executor, through ui.common.lazy.warm_up: never queued
before the clerk's own lookups on the serial database worker):

1. the print preview's QtPdf and print support are imported;
2. the district recall's client (全区通办: sync.recall with its HTTP client and wire
   schemas, ~170 ms of imports) is imported: the first ID number unknown here asks the
   district, and would otherwise wait for that import (measured on a background thread:
   the window's longest wait for the interpreter meanwhile 10-15 ms; the 60-110 ms
   freeze once blamed on it was the collector's first tick, see ui.common.gc);
3. printing loads reportlab and the CJK font and renders a made-up receipt, which
   PDFium then opens once (its first-document set-up);
4. the working-day calendar counts a due date from today (its holidays are computed on
   first use);
5. the acceptance itself is rehearsed (clerk.rehearsal: a case of the clerk's latest
   matter opened, accepted and its receipt read, in a write transaction rolled back:
   nothing is stored, no number used, nothing for sync), and its receipt rendered and
   dropped: the ORM's statements are compiled and the tables' pages cached (once per
   process, like the preview below).

Then on the UI thread, in its own event-loop turn (a few milliseconds, so no keystroke
waits behind it): a print preview built, laid out and dropped unshown.

Every step is best-effort: a failure is left for the real use to meet and report.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from clerk.catalog import CatalogIndex, HandlingLevel
from clerk.timeutil import local_date
from clerk.workspace import Workspace
from ui.common.gc import keep_long_lived
from ui.common.lazy import Deferred, warm_up
from ui.common.operations import Operation

if TYPE_CHECKING:
    from printing.model import PrintOptions
    from ui.common.print_preview import PrintPreviewDialog

#: Working days the warm-up counts ahead: beyond the usual limits, across a year's end.
WARM_WORKING_DAYS = 60

_done: set[str] = set()
_done_lock = threading.Lock()


def _preview_dialog() -> type[PrintPreviewDialog]:
    from ui.common.print_preview import PrintPreviewDialog

    return PrintPreviewDialog


# QtPdf and the print support load with the first preview, not with the counter.
PREVIEW: Deferred[type[PrintPreviewDialog]] = Deferred(_preview_dialog)


def rehearsal_matter(recent: list[str], index: CatalogIndex | None) -> str | None:
    """The matter the rehearsal accepts: the clerk's latest one still in the catalog,
    else the catalog's first one handled at the station."""
    if index is None:
        return recent[0] if recent else None
    for code in recent[:1]:
        if index.by_code(code) is not None:
            return code
    matters = list(index.matters)
    candidates = [m for m in matters if m.handling_level == HandlingLevel.STATION] or matters
    return candidates[0].code if candidates else None


def warm_up_counter(page: QWidget, ws: Workspace, clerk: str, matter_code: str | None,
                    on_done: Callable[[], object] | None = None) -> None:
    """Start the warm-up for the counter `page` (see the module's description).
    `on_done` is called on the UI thread when every step has run (tests wait on it)."""
    from ui.station.intake.work import print_options

    def background(options: PrintOptions) -> None:
        sample: list[bytes] = []
        warm_up(page, PREVIEW, _load_recall, lambda: sample.append(_warm_printing(options)),
                lambda: _warm_calendar(ws),
                lambda: _rehearse(ws, clerk, matter_code, options),
                done=lambda: _ui_steps(page, sample, on_done))

    Operation(lambda: print_options(ws), parent=page).success(background) \
        .failure(lambda _exc: on_done() if on_done is not None else None).run_in_background()


def _load_recall() -> None:
    from sync import recall

    del recall


def _warm_printing(options: PrintOptions) -> bytes:
    from printing.issue import warm_up as warm_up_printing

    pdf = warm_up_printing(options)
    PREVIEW().warm_up_rendering(pdf)
    return pdf


def _warm_calendar(ws: Workspace) -> None:
    """Read the working-day calendar and count a due date from today: the statutory
    holidays of years without official data are computed (lunar calendar) on first use,
    which would otherwise land on the first acceptance's transaction."""
    ws.calendar().add_working_days(local_date(ws.now()), WARM_WORKING_DAYS)


def _first_time(what: str) -> bool:
    """True once per process for `what`: the ORM's statement caches, its mappers' set-up
    and the preview's class are the process's (the app opens one store per process),
    so a second sign-in does not rehearse again."""
    with _done_lock:
        if what in _done:
            return False
        _done.add(what)
        return True


def _rehearse(ws: Workspace, clerk: str, matter_code: str | None,
              options: PrintOptions) -> None:
    if matter_code is None or not _first_time("rehearsal"):
        return
    from clerk.rehearsal import rehearse_acceptance
    from printing.issue import renderer

    renderer(options)(rehearse_acceptance(ws, matter_code, clerk))


def _ui_steps(page: QWidget, sample: list[bytes],
              on_done: Callable[[], object] | None) -> None:
    steps: list[Callable[[], object]] = []
    if sample and PREVIEW.loaded and _first_time("preview"):
        steps.append(lambda: _build_preview(page, sample[0]))
    steps.append(keep_long_lived)  # what the warm-up loaded stays out of collections
    if on_done is not None:
        steps.append(on_done)

    def step() -> None:
        if not steps:
            return
        with contextlib.suppress(Exception):  # best-effort: the real use reports
            steps.pop(0)()
        QTimer.singleShot(0, page, step)

    QTimer.singleShot(0, page, step)


def _build_preview(page: QWidget, pdf: bytes) -> None:
    """A preview made, laid out and dropped without being shown: the dialog's first
    construction (QPdfView's set-up, its style) is not the first receipt's."""
    dialog = PREVIEW()(pdf, "", page)
    dialog.ensurePolished()
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    dialog.deleteLater()
