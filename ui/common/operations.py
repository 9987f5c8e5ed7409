"""Background operations: do slow work off the UI thread, get the result back on it.

One small object per user action, in the style of Anki's ``CollectionOp``::

    Operation(lambda: store.find_cases(query), parent=self) \\
        .success(self.show_cases) \\
        .with_progress(self.tr("正在查询…")) \\
        .run_in_background()

* Work runs on one shared **single-worker** executor by default, so all database access
  is serialized on one thread (SQLite and its connection like that). Pass
  ``serial=False`` for work that touches no database (PDF rendering, network).
* ``success`` and ``failure`` callbacks always run on the UI thread: results travel
  through a queued Qt signal of the :class:`TaskManager`.
* Without a ``failure`` callback, the error goes to the :class:`MessageBridge` in plain
  words; the main window shows it (status bar or message box).
* A progress dialog appears only when the work takes longer than 600 ms, so quick
  operations never flicker.

Hand the work a copy of what it needs, never live widgets (Picard's rule).

Tests either wait for :attr:`TaskManager.operation_finished` with ``qtbot.waitSignal``
or run everything inline with :func:`synchronous_operations`.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, Generic, ParamSpec, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QMetaMethod,
    QObject,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from clerk import labels
from clerk.errors import StationDeskError, WordedError

log = logging.getLogger(__name__)

T = TypeVar("T")
_P = ParamSpec("_P")

#: How long work may run before a progress indicator appears (Anki uses the same).
PROGRESS_DELAY_MS = 600


class MessageBridge(QObject):
    """The one channel through which non-widget code tells the user something.

    Widgets listen (the main window shows errors); code anywhere emits. Messages are
    plain words: what happened and what to do (qutebrowser's ``message`` module).
    """

    error = Signal(str)


def error_text(exc: BaseException) -> str:
    """Plain words for ``exc``: our own errors carry them; anything else gets a generic line."""
    if isinstance(exc, WordedError):
        # The message template in the interface language (its Chinese source when there
        # is no translation), filled with its values; a value that is itself a marked
        # message (a piece of advice, say) is translated too.
        words = QCoreApplication.translate("errors", exc.template)
        values = {k: _translated_value(v) for k, v in exc.params.items()}
        try:
            return words.format(**values) if values else words
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
            return exc.message
    if isinstance(exc, OSError):
        detail = exc.strerror or type(exc).__name__
        return QCoreApplication.translate(
            "operations", "读写文件或网络时出错（{detail}）。请检查后重试。"
        ).format(detail=detail)
    return QCoreApplication.translate(
        "operations",
        "操作没有完成：程序出现意外错误（{kind}）。请重试；如果仍然出错，请联系管理员。",
    ).format(kind=type(exc).__name__)


def _translated_value(value: str) -> str:
    """A value of a worded error: a marked message (advice) or a label (a state's or an
    event's name) is shown in the interface language; anything else as it is."""
    for context in ("errors", labels.CONTEXT):
        text = QCoreApplication.translate(context, value)
        if text != value:
            return text
    return value


class ImmediateExecutor(Executor):
    """Runs work at once on the calling thread: for tests that want no threads at all."""

    def submit(self, fn: Callable[_P, T], /, *args: _P.args, **kwargs: _P.kwargs) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # the future carries it, as a worker thread would
            future.set_exception(exc)
        return future


class TaskManager(QObject):
    """Owns the executors and carries finished work back to the UI thread.

    Create it (through :func:`task_manager`) on the UI thread: its queued signal is
    delivered to the thread it lives in.
    """

    #: Emitted after an operation's callbacks ran (tests wait on it).
    operation_finished = Signal()
    #: Emitted with the label when an operation's progress indicator appears.
    progress_shown = Signal(str)
    _deliver = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = MessageBridge(self)
        # AutoConnection: queued when emitted from a worker, direct on the UI thread
        # itself (so ImmediateExecutor finishes synchronously).
        self._deliver.connect(self._run_delivered)
        self.serial_executor: Executor = ThreadPoolExecutor(1, thread_name_prefix="stationdesk-db")
        self.parallel_executor: Executor = ThreadPoolExecutor(
            4, thread_name_prefix="stationdesk-io"
        )
        # Operations in flight, kept alive until their callbacks ran.
        self._pending: set[Operation[Any]] = set()

    def run_on_ui_thread(self, fn: Callable[[], object]) -> None:
        """Call ``fn`` on the UI thread (soon, or now when already on it). Thread-safe."""
        self._deliver.emit(fn)

    def _run_delivered(self, fn: Callable[[], object]) -> None:
        fn()

    def shutdown(self, wait: bool = True) -> None:
        """Stop the executors; with ``wait`` the database work in flight completes first."""
        self.serial_executor.shutdown(wait=wait)
        self.parallel_executor.shutdown(wait=wait)

    @property
    def pending_count(self) -> int:
        """Operations started and not yet finished."""
        return len(self._pending)


_manager: TaskManager | None = None
_manager_lock = threading.Lock()


def task_manager() -> TaskManager:
    """The process-wide task manager, created on first use (must be on the UI thread)."""
    global _manager
    with _manager_lock:
        if _manager is None:
            app = QCoreApplication.instance()
            if app is None or QThread.currentThread() is not app.thread():
                raise RuntimeError("task_manager() must first be called on the Qt UI thread")
            _manager = TaskManager(app)
        return _manager


def message_bridge() -> MessageBridge:
    """The process-wide :class:`MessageBridge`."""
    return task_manager().bridge


@contextmanager
def synchronous_operations() -> Iterator[None]:
    """Within the block, operations run inline and their callbacks fire before
    ``run_in_background`` returns (Picard's ``FakeThreadPool`` idea)."""
    manager = task_manager()
    saved = manager.serial_executor, manager.parallel_executor
    manager.serial_executor = manager.parallel_executor = ImmediateExecutor()
    try:
        yield
    finally:
        manager.serial_executor, manager.parallel_executor = saved


class Operation(Generic[T]):
    """One piece of work for one user action; configure, then :meth:`run_in_background`.

    ``parent`` is the widget the work is for: the progress dialog sits over it, and the
    callbacks are skipped if it was deleted meanwhile (its window was closed).
    """

    def __init__(
        self, run: Callable[[], T], *, parent: QWidget | None = None, serial: bool = True
    ) -> None:
        self._run = run
        self._parent = parent
        self._serial = serial
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[Exception], object] | None = None
        self._progress_label: str | None = None
        self._progress_delay_ms = PROGRESS_DELAY_MS
        self._timer: QTimer | None = None
        self._dialog: QProgressDialog | None = None
        self._finished = False

    def success(self, callback: Callable[[T], object]) -> Operation[T]:
        """Call ``callback(result)`` on the UI thread when the work succeeds."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], object]) -> Operation[T]:
        """Call ``callback(error)`` on the UI thread instead of reporting the error."""
        self._on_failure = callback
        return self

    def with_progress(self, label: str, *, delay_ms: int = PROGRESS_DELAY_MS) -> Operation[T]:
        """Show a busy indicator with ``label`` if the work is still running after the delay."""
        self._progress_label = label
        self._progress_delay_ms = delay_ms
        return self

    @property
    def progress_visible(self) -> bool:
        """True while the progress indicator is on screen."""
        return self._dialog is not None

    @property
    def progress_pending(self) -> bool:
        """True while the progress indicator may still appear (its delay is running)."""
        return self._timer is not None and self._timer.isActive()

    def run_in_background(self) -> Future[T]:
        """Start the work; call on the UI thread. The future is for tests and chaining;
        UI code should rely on the callbacks."""
        manager = task_manager()
        manager._pending.add(self)
        executor = manager.serial_executor if self._serial else manager.parallel_executor
        if self._progress_label is not None:
            self._timer = QTimer()
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._show_progress)
            self._timer.start(self._progress_delay_ms)
        future = executor.submit(self._run)
        # The done-callback runs on the worker thread; only the signal crosses over.
        future.add_done_callback(lambda f: manager.run_on_ui_thread(lambda: self._finish(f)))
        return future

    def _show_progress(self) -> None:
        if self._finished or self._progress_label is None:
            return
        parent = (
            self._parent if self._parent is not None and shiboken6.isValid(self._parent) else None
        )
        dialog = QProgressDialog(self._progress_label, "", 0, 0, parent)
        dialog.setCancelButton(None)  # database work cannot be interrupted half-way
        dialog.setWindowTitle(QCoreApplication.translate("operations", "请稍候"))
        dialog.setMinimumDuration(0)
        if parent is not None:
            from PySide6.QtCore import Qt  # not before the first paint (ui.common.forms)

            dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        self._dialog = dialog
        task_manager().progress_shown.emit(self._progress_label)

    def _close_progress(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._dialog is not None:
            if shiboken6.isValid(self._dialog):
                self._dialog.close()
                self._dialog.deleteLater()
            self._dialog = None

    def _finish(self, future: Future[T]) -> None:
        self._finished = True
        self._close_progress()
        manager = task_manager()
        try:
            if self._parent is not None and not shiboken6.isValid(self._parent):
                return  # the widget that asked is gone; nobody wants the result
            exc = future.exception()
            if exc is None:
                if self._on_success is not None:
                    self._on_success(future.result())
            elif isinstance(exc, Exception):
                self._report(exc)
            else:
                raise exc  # KeyboardInterrupt, SystemExit: not ours to swallow
        finally:
            manager._pending.discard(self)
            manager.operation_finished.emit()

    def _report(self, exc: Exception) -> None:
        if self._on_failure is not None:
            self._on_failure(exc)
            return
        if not isinstance(exc, StationDeskError):
            # Where and what, not the message: a database error's text can quote the
            # row it refused, ID numbers included, and logs must never hold those.
            frames = "".join(traceback.format_tb(exc.__traceback__))
            log.error("background operation failed: %s\n%s", type(exc).__name__, frames)
        bridge = message_bridge()
        if not bridge.isSignalConnected(QMetaMethod.fromSignal(bridge.error)):
            # Nobody shows errors (a test, or a window not wired yet): keep a trace.
            log.warning("unreported operation error: %s", type(exc).__name__)
        bridge.error.emit(error_text(exc))
