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


# --- rules live in core, once (issue 15 §1) ---------------------------------------------------------------
GUI = CORE.parent / "gui"
# Names of rules core owns: a gui/ module that defines one at its top level (a function, a class, a
# constant) has grown a second copy of a rule. The faces import these from core.
CORE_OWNED = {
    # warnings before writing: core.planning.preflight / core.run.prepare
    "plan_warnings", "confirm_warnings", "federated_domains", "federation_unknown", "run_state_warnings",
    # the source choice: core.source.spec (the vocabularies and the journal's schema)
    "MATCHES", "ATTRIBUTES", "ATTRIBUTE_NAMES", "TRANSFORMS", "OBJECT_ID", "ENTRA_CONNECT_TRANSFORM",
    "source_spec", "choice_from_spec", "default_transform",
    # statuses and reason groups: core.planning.statuses
    "SWAP_NOT_BACK", "NEEDS_SWAP", "FAILURE_STATUSES", "ATTENTION_STATUSES", "DONE_STATUSES", "status_of",
    "needs_attention", "retry_ids", "is_failure", "not_back",
    # the confirmation rule and the unfinished run: core.run.lifecycle / core.run.folders
    "confirmation_tokens", "is_confirmed", "tenant_domains", "find_unfinished", "find_unfinished_run",
    # the UPN swap's temporary UPN and the tenant-alone recognition of a parked user: core.tenant.parked
    "temporary_upn", "parked",
    # who may be undone: core.run.history
    "last_to_undo", "list_runs",
    # names, schedules and guard rails: core.setup.names / core.setup.schedule / core.setup.guard
    "check_connection_name", "name_problem", "schedule_precondition", "check_guard_values",
}


def _top_level_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def _rules_defined_in(root: Path) -> dict[str, list[str]]:
    found = {str(p.relative_to(root.parent)): sorted(_top_level_names(p) & CORE_OWNED) for p in root.rglob("*.py")}
    return {k: v for k, v in found.items() if v}


def test_gui_defines_none_of_the_rules_core_owns():
    assert _rules_defined_in(GUI) == {}


def test_the_rule_check_sees_a_copy(tmp_path):
    gui = tmp_path / "gui"
    gui.mkdir()
    (gui / "texts.py").write_text("SWAP_NOT_BACK = frozenset()\n\ndef confirm_warnings(counts):\n    return []\n"
                                  "def fine():\n    federated_domains = 1\n", encoding="utf-8")
    assert _rules_defined_in(gui) == {"gui/texts.py": ["SWAP_NOT_BACK", "confirm_warnings"]}


def test_every_core_owned_rule_exists_in_core():
    """The list names real rules: each is defined somewhere in core/ (a stale name would guard nothing)."""
    defined = set().union(*(_top_level_names(p) for p in CORE.rglob("*.py")))
    gone = {"confirm_warnings", "federated_domains", "federation_unknown", "choice_from_spec", "source_spec",
            "find_unfinished_run", "ATTRIBUTES"}  # gui's old copies, and names core spells otherwise
    assert sorted(CORE_OWNED - defined - gone) == []
