"""Interface language: Simplified Chinese (the source strings) or English (Qt .qm files).

The choice is a per-user preference (QSettings), read before the first window is built,
because Qt translates strings when widgets are created. Qt's own dialogs (file, print,
message-box buttons) are written in English; in Chinese Qt's qtbase_zh_CN.qm translates
them, so it is installed too (from PySide6's translations; the .deb bundles it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

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


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own .qm files may be: Qt's configured path, then next to the PySide6
    package (a PyInstaller bundle keeps them there but may not configure the path)."""
    import PySide6

    found = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
             Path(PySide6.__file__).parent / "Qt" / "translations"]
    return list(dict.fromkeys(found))


def install_qt_translator(app: QCoreApplication, code: str) -> bool:
    """Qt's own strings (standard buttons, file and print dialogs) in `code`'s language;
    English needs none. False when Qt's file for the language is missing."""
    if code == "en":
        return False
    translator = QTranslator(app)
    for folder in qt_translations_dirs():
        if translator.load(f"qtbase_{code}", str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
            return True
    return False


def install_translator(app: QCoreApplication, code: str | None = None) -> bool:
    """Install the translation for `code` (default: the saved choice) and Qt's own for the
    same language; False if ours is not needed or its file is missing (the interface then
    stays in Chinese)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    code = code or current_language()
    install_qt_translator(app, code)
    if code == "zh_CN":
        return False
    translator = QTranslator(app)
    if not translator.load(str(translations_dir() / f"stationdesk_{code}.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
