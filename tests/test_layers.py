"""core/ must stay usable without Qt: the CLI, tests and scripts import it on machines with no display.
And it never names the GUI layer in any form: not by import, not through importlib or __import__, not in
a string that a loader could use."""

from __future__ import annotations

import ast
import re
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "core"
FORBIDDEN = {"PySide6", "shiboken6", "gui"}
# a module path or file path that names a forbidden package: "gui", "gui.app", "gui/app.py", "PySide6.QtCore"
_NAMES = re.compile(r"^(?:PySide6|shiboken6|gui)(?:[./].*)?$")
# Strings that look like the GUI layer but name something else: launchd's per-user session domain
# (`launchctl bootstrap gui/501 …`, core/setup/scheduler.py).
_NOT_OURS = {"gui/{uid}"}
_LOADERS = {"import_module", "__import__", "find_spec", "import_from_string", "run_module"}


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Call) and _loader_name(node.func) in _LOADERS:
            names.update(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _NAMES.match(node.value.strip()) \
                and node.value not in _NOT_OURS:
            names.add(node.value.strip())
    return names


def _loader_name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _offenders(root: Path) -> dict[str, list[str]]:
    found = {str(p.relative_to(root.parent)): sorted(m for m in _imported_modules(p)
                                                     if re.split(r"[./]", m)[0] in FORBIDDEN)
             for p in root.rglob("*.py")}
    return {k: v for k, v in found.items() if v}


def test_core_never_imports_or_names_qt_or_gui():
    offenders = _offenders(CORE)
    assert offenders == {}, f"core/ must not import or name Qt or gui/: {offenders}"


def test_layer_check_sees_an_import(tmp_path):
    # The check must be able to fail: a file that imports PySide6 is caught.
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imported_modules(bad)


def test_layer_check_sees_importlib_and_strings(tmp_path):
    pkg = tmp_path / "core"
    pkg.mkdir()
    (pkg / "a.py").write_text("import importlib\napp = importlib.import_module('gui.app')\n", encoding="utf-8")
    (pkg / "b.py").write_text("mod = __import__('PySide6')\n", encoding="utf-8")
    (pkg / "c.py").write_text("COMMANDS = {'gui': 'gui.commands'}\n", encoding="utf-8")
    (pkg / "d.py").write_text("x = 'a guide to guineas'\n", encoding="utf-8")  # words, not modules
    assert _offenders(pkg) == {"core/a.py": ["gui.app"], "core/b.py": ["PySide6"],
                               "core/c.py": ["gui", "gui.commands"]}
