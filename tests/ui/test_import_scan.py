"""PySide6's per-import source scan is answered from the file, with PySide's answers."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import ui.app  # noqa: F401  (importing ui installs the cheaper scan)
from ui.common.import_scan import spare_source_scan


def _feature() -> Any:
    from shibokensupport import feature

    return feature


def test_the_cheaper_scan_is_installed_once() -> None:
    hook = _feature()._mod_uses_pyside
    assert hasattr(hook, "__wrapped__"), "PySide6 changed its import hook: look again"
    assert spare_source_scan() is True
    assert _feature()._mod_uses_pyside is hook  # not wrapped twice


def test_it_answers_as_pyside_for_every_loaded_module() -> None:
    hook = _feature()._mod_uses_pyside
    pyside_own = hook.__wrapped__
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    assert len(modules) > 200
    differ = [m.__name__ for m in modules if hook(m) != pyside_own(m)]
    assert differ == []
    assert hook(sys.modules["ui.app"]) is True
    assert hook(json) is False
    assert hook(sys) is False  # built in: no source


def test_a_module_without_its_source_uses_no_pyside(tmp_path: Path) -> None:
    gone = ModuleType("gone")
    gone.__spec__ = importlib.util.spec_from_file_location("gone", tmp_path / "gone.py")
    assert _feature()._mod_uses_pyside(gone) is False
