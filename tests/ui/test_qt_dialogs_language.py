"""Qt's own dialogs (standard buttons, file and print dialogs) speak the interface's
language: Chinese loads Qt's qtbase_zh_CN.qm, English needs none."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from ui.common.i18n import install_translator, qt_translations_dirs


@pytest.fixture
def restore_language(qapp: QApplication) -> Iterator[None]:
    yield
    install_translator(qapp, "zh_CN")


def _cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    return button.text().replace("&", "")


def test_qt_ships_the_chinese_file() -> None:
    assert any((d / "qtbase_zh_CN.qm").is_file() for d in qt_translations_dirs())


def test_chinese_interface_gets_chinese_qt_buttons(qapp: QApplication,
                                                   restore_language: None) -> None:
    install_translator(qapp, "zh_CN")
    assert _cancel_text() == "取消"
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    box = QMessageBox(QMessageBox.Icon.Warning, "t", "x",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None and "是" in yes.text()


def test_english_interface_keeps_english_qt_buttons(qapp: QApplication,
                                                    restore_language: None) -> None:
    install_translator(qapp, "en")
    assert _cancel_text() == "Cancel"
