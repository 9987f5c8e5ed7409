"""Interface language: Simplified Chinese (the source strings) or English (Qt .qm files).

The choice is a per-user preference (QSettings), read before the first window is built,
because Qt translates strings when widgets are created.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

from clerk.paths import resources_dir

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
_KEY = "ui/language"
_installed: list[QTranslator] = []


def _settings() -> QSettings:
    return QSettings("StationDesk", "StationDesk")


def current_language() -> str:
    value = str(_settings().value(_KEY, "zh_CN") or "zh_CN")
    return value if value in LANGUAGES else "zh_CN"


def set_language(code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    s = _settings()
    s.setValue(_KEY, code)
    s.sync()


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translator(app: QCoreApplication, code: str | None = None) -> bool:
    """Install the translation for `code` (default: the saved choice); False if none needed
    or the file is missing (the interface then stays in Chinese)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    code = code or current_language()
    if code == "zh_CN":
        return False
    translator = QTranslator(app)
    if not translator.load(str(translations_dir() / f"stationdesk_{code}.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
