"""core/ must stay usable without Qt: the CLI, tests and scripts import it on machines with no display."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "core"


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_never_imports_qt():
    offenders = {
        str(path.relative_to(CORE.parent)): sorted(m for m in _imported_modules(path)
                                                    if m.split(".")[0] in {"PySide6", "shiboken6", "gui"})
        for path in CORE.rglob("*.py")
    }
    offenders = {k: v for k, v in offenders.items() if v}
    assert offenders == {}, f"core/ must not import Qt or gui/: {offenders}"


def test_layer_check_sees_an_import(tmp_path):
    # The check must be able to fail: a file that imports PySide6 is caught.
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imported_modules(bad)
