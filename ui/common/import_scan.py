"""PySide6's source scan of every import, answered from the file's bytes.

Importing PySide6 replaces `__import__`; after each new module it asks
`shibokensupport.feature._mod_uses_pyside`, which reads the module's whole source through
`inspect.getsource` (linecache, line splitting) to learn whether the text names
"PySide6" (for `from __feature__ import snake_case`, which StationDesk never uses). At a
start that is ~350 modules — SQLAlchemy, the store, the pages — and 50–130 ms of the
interpreter on the way to the counter. The same question is answered here by searching
the module's file for the same bytes: the same answer for every module (test), without
the inspect machinery.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import PySide6  # noqa: F401  (shibokensupport exists once PySide6 is imported)

_MARK = b"PySide6"


def _answer_from_file(fallback: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        origin = getattr(getattr(module, "__spec__", None), "origin", None)
        if not isinstance(origin, str) or not origin.endswith(".py"):
            return fallback(module)  # built-in, extension, bundled: PySide's own answer
        try:
            with open(origin, "rb") as source:
                return _MARK in source.read()
        except OSError:  # as inspect.getsource: no source, no PySide
            return False
    uses_pyside.__wrapped__ = fallback  # type: ignore[attr-defined]
    return uses_pyside


def spare_source_scan() -> bool:
    """Install the cheaper scan; False when this PySide6 has no such hook (nothing to do)."""
    try:
        from shibokensupport import feature
    except ImportError:
        return False
    current = getattr(feature, "_mod_uses_pyside", None)
    if not callable(current):
        return False
    if not hasattr(current, "__wrapped__"):
        feature._mod_uses_pyside = _answer_from_file(current)
    return True
