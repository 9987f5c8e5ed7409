"""Background operations: results and errors come back on the UI thread."""

from __future__ import annotations

import logging
import threading
import time

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clerk.errors import ValidationError
from ui.common.operations import (
    PROGRESS_DELAY_MS,
    Operation,
    error_text,
    message_bridge,
    synchronous_operations,
    task_manager,
)

TIMEOUT_MS = 5000


def _run(qtbot: QtBot, op: Operation[object]) -> None:
    with qtbot.waitSignal(task_manager().operation_finished, timeout=TIMEOUT_MS):
        op.run_in_background()


def test_success_result_arrives_on_the_ui_thread(qtbot: QtBot) -> None:
    seen: dict[str, object] = {}

    def work() -> int:
        seen["work_thread"] = threading.current_thread()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback_thread"] = threading.current_thread()

    _run(qtbot, Operation(work).success(done))
    assert seen["value"] == 42
    assert seen["callback_thread"] is threading.main_thread()
    assert seen["work_thread"] is not threading.main_thread()
    assert task_manager().pending_count == 0


def test_failure_callback_gets_the_exception_on_the_ui_thread(qtbot: QtBot) -> None:
    seen: list[tuple[Exception, threading.Thread]] = []
    error = ValueError("boom")

    def work() -> None:
        raise error

    op = Operation(work).success(lambda _: pytest.fail("no success expected"))
    _run(qtbot, op.failure(lambda exc: seen.append((exc, threading.current_thread()))))
    assert seen == [(error, threading.main_thread())]


def test_default_failure_reports_plain_words_through_the_bridge(qtbot: QtBot) -> None:
    def work() -> None:
        raise ValidationError("身份证号码校验位不对，请核对后重新输入。")

    with qtbot.waitSignal(message_bridge().error, timeout=TIMEOUT_MS) as blocker:
        Operation(work).run_in_background()
    assert blocker.args == ["身份证号码校验位不对，请核对后重新输入。"]


def test_unexpected_error_is_logged_and_explained(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    private = "sec" + "ret"  # as data at run time, not in the source the frames quote

    def work() -> None:
        raise KeyError(private)

    with (
        caplog.at_level(logging.ERROR, logger="ui.common.operations"),
        qtbot.waitSignal(message_bridge().error, timeout=TIMEOUT_MS) as blocker,
    ):
        Operation(work).run_in_background()
    [text] = blocker.args
    assert "KeyError" in text and "请重试" in text and "secret" not in text
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "KeyError" in logged and "work" in logged  # the type and where it happened
    assert "secret" not in logged  # never the message: it may quote personal data


def test_error_text() -> None:
    assert error_text(ValidationError("说人话。")) == "说人话。"
    assert "磁盘已满" in error_text(OSError(28, "磁盘已满"))


def test_database_work_runs_in_order_on_one_thread(qtbot: QtBot) -> None:
    threads: list[str] = []
    order: list[int] = []

    def work(n: int) -> int:
        threads.append(threading.current_thread().name)
        return n

    for n in range(5):
        Operation(lambda n=n: work(n)).success(order.append).run_in_background()
    qtbot.waitUntil(lambda: len(order) == 5, timeout=TIMEOUT_MS)
    assert order == [0, 1, 2, 3, 4]
    assert len(set(threads)) == 1 and threads[0].startswith("stationdesk-db")


def test_parallel_work_uses_the_other_pool(qtbot: QtBot) -> None:
    names: list[str] = []
    op = Operation(lambda: threading.current_thread().name, serial=False).success(names.append)
    _run(qtbot, op)
    assert names[0].startswith("stationdesk-io")


def test_progress_appears_only_after_the_delay(qtbot: QtBot) -> None:
    release = threading.Event()
    op = Operation(lambda: release.wait(TIMEOUT_MS / 1000)).with_progress("正在导入事项目录…")
    started = time.monotonic()
    with qtbot.waitSignal(task_manager().progress_shown, timeout=TIMEOUT_MS) as blocker:
        op.run_in_background()
    assert time.monotonic() - started >= PROGRESS_DELAY_MS / 1000 * 0.9
    assert blocker.args == ["正在导入事项目录…"] and op.progress_visible
    with qtbot.waitSignal(task_manager().operation_finished, timeout=TIMEOUT_MS):
        release.set()
    assert not op.progress_visible


def test_quick_work_never_shows_progress(qtbot: QtBot) -> None:
    op: Operation[int] = Operation(lambda: 1).with_progress("正在保存…")
    _run(qtbot, op)
    assert not op.progress_pending and not op.progress_visible


def test_callbacks_are_skipped_when_the_parent_widget_is_gone(qtbot: QtBot) -> None:
    release = threading.Event()
    called: list[object] = []
    widget = QWidget()
    op = Operation(lambda: release.wait(TIMEOUT_MS / 1000), parent=widget).success(called.append)
    op.run_in_background()
    shiboken6.delete(widget)  # the window closed while the work ran
    with qtbot.waitSignal(task_manager().operation_finished, timeout=TIMEOUT_MS):
        release.set()
    assert called == []


def test_synchronous_mode_runs_inline(qtbot: QtBot) -> None:
    seen: list[tuple[int, threading.Thread]] = []
    errors: list[Exception] = []
    with synchronous_operations():
        Operation(lambda: 7).success(
            lambda v: seen.append((v, threading.current_thread()))
        ).run_in_background()
        Operation(lambda: 1 / 0).failure(errors.append).run_in_background()
        assert seen == [(7, threading.main_thread())]  # before any event loop ran
        assert isinstance(errors[0], ZeroDivisionError)


def test_future_is_returned_for_chaining(qtbot: QtBot) -> None:
    op: Operation[str] = Operation(lambda: "done")
    with qtbot.waitSignal(task_manager().operation_finished, timeout=TIMEOUT_MS):
        future = op.run_in_background()
    assert future.result(timeout=1) == "done"
