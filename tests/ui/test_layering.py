"""The interface never opens a database session: no ui module imports SQLAlchemy or the
station store (DESIGN section 2). A quick guard until the import-linter contracts cover it."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
FORBIDDEN = ("sqlalchemy", "clerk.store")


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{a.name}" for a in node.names]
    return names


def _forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


def test_no_ui_module_imports_sqlalchemy_or_the_store() -> None:
    files = sorted(UI.rglob("*.py"))
    assert len(files) > 20
    found = [f"{p.relative_to(UI.parent)}: {n}" for p in files for n in _imports(p)
             if _forbidden(n)]
    assert found == []


def test_the_guard_sees_every_import_form(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import sqlalchemy.orm\nfrom clerk import store\n"
                      "def f():\n    from clerk.store.models import Case\n")
    assert [n for n in _imports(sample) if _forbidden(n)] == [
        "sqlalchemy.orm", "clerk.store", "clerk.store.models", "clerk.store.models.Case"]
