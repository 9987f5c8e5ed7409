"""The UI thread's collection keeps the start's objects out of its passes, and collects
everything once when nobody is at the counter (ui.common.gc)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ui.common import gc as ui_gc


class _Node:
    """A cycle only the collector can free."""

    def __init__(self) -> None:
        self.me = self


def qtbot_window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.collect()
    gc.unfreeze()
    yield
    gc.unfreeze()


@pytest.fixture
def frozen_garbage(unfrozen: None, monkeypatch: pytest.MonkeyPatch
                   ) -> weakref.ReferenceType[_Node]:
    """A cycle frozen with the living (a page of the previous clerk), then dropped."""
    monkeypatch.setattr(ui_gc, "QUIET_PASS_DELAY_MS", 10)
    node = _Node()
    dropped = weakref.ref(node)
    ui_gc.keep_long_lived()
    del node
    return dropped


def test_what_lives_at_the_counter_is_frozen_out_of_collection(
        frozen_garbage: weakref.ReferenceType[_Node]) -> None:
    assert gc.get_freeze_count() > 0
    for _ in range(60):  # a minute of ticks, the full pass among them
        ui_gc._collect()
    assert frozen_garbage() is not None, "a frozen object is never walked by the ticks"


def test_a_quiet_moment_collects_everything_once_and_freezes_again(
        qtbot: QtBot, frozen_garbage: weakref.ReferenceType[_Node]) -> None:
    window = qtbot_window(qtbot)
    ui_gc.collect_all_soon(window, lambda: True)
    qtbot.waitUntil(lambda: frozen_garbage() is None, timeout=2000)
    assert gc.get_freeze_count() > 0  # what lives is frozen again


def test_no_pass_when_someone_is_back_at_the_counter(
        qtbot: QtBot, frozen_garbage: weakref.ReferenceType[_Node]) -> None:
    window = qtbot_window(qtbot)
    ui_gc.collect_all_soon(window, lambda: False)  # unlocked before the moment came
    qtbot.wait(100)
    assert frozen_garbage() is not None


def test_no_pass_once_the_window_is_gone(
        qtbot: QtBot, frozen_garbage: weakref.ReferenceType[_Node]) -> None:
    window = QWidget()
    ui_gc.collect_all_soon(window, lambda: True)
    window.deleteLater()
    qtbot.wait(100)
    assert frozen_garbage() is not None


def test_nothing_is_frozen_when_collection_is_not_the_windows(
        unfrozen: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui_gc, "_timer", None)
    ui_gc.keep_long_lived()
    ui_gc.collect_all_soon(QObject(), lambda: True)
    assert gc.get_freeze_count() == 0
