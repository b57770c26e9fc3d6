"""The text modules stay one table module and one sentence module per layer: tables import nothing of
ours, no text module is part of an import cycle, and each sentence function is defined in one place."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# layer -> (table module, sentence module)
TEXT_MODULES = {"core": ("core.message_table", "core.messages"), "gui": ("gui.code_texts", "gui.texts")}
SENTENCE_FUNCTIONS = {"core.messages": ("text_for", "hint_for", "describe", "detail_for", "csv_error_text")}


def module_files(root: Path = ROOT, packages: tuple[str, ...] = ("core", "gui")) -> dict[str, Path]:
    files = {}
    for package in packages:
        for path in (root / package).rglob("*.py"):
            name = ".".join(path.relative_to(root).with_suffix("").parts)
            files[name.removesuffix(".__init__")] = path
    return files


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Our modules that `path` imports anywhere in it (also inside functions: a lazy import still cycles)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from gui import texts` imports the module gui.texts; `from gui.texts import tr` imports gui.texts
            subs = {f"{node.module}.{alias.name}" for alias in node.names} & known
            found.update(subs or {node.module})
    return found & known


def import_graph(files: dict[str, Path]) -> dict[str, set[str]]:
    known = set(files)
    return {name: imports_of(path, known) - {name} for name, path in files.items()}


def in_a_cycle(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """A path start -> ... -> start through the graph, or None."""
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for nxt in sorted(graph.get(node, ())):
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


def defined_functions(path: Path) -> list[str]:
    """Functions of the module, also nested ones; not methods (a class's `describe` is another name)."""
    names, todo = [], list(ast.parse(path.read_text(encoding="utf-8")).body)
    while todo:
        node = todo.pop(0)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.append(node.name)
        if not isinstance(node, ast.ClassDef):
            todo.extend(ast.iter_child_nodes(node))
    return names


def test_text_modules_exist_and_no_text_module_is_in_an_import_cycle():
    files = module_files()
    graph = import_graph(files)
    modules = [m for pair in TEXT_MODULES.values() for m in pair]
    assert [m for m in modules if m not in files] == []
    cycles = {m: in_a_cycle(graph, m) for m in modules}
    assert {m: c for m, c in cycles.items() if c} == {}


def test_table_modules_are_leaves_without_functions():
    files = module_files()
    graph = import_graph(files)
    for table, _sentences in TEXT_MODULES.values():
        assert graph[table] == set(), f"{table} must import nothing of ours"
        assert defined_functions(files[table]) == [], f"{table} holds tables only"


def test_each_sentence_function_is_defined_once_in_its_module():
    files = module_files()
    where: dict[str, list[str]] = {}
    for name, path in files.items():
        for function in defined_functions(path):
            where.setdefault(function, []).append(name)
    for module, functions in SENTENCE_FUNCTIONS.items():
        for function in functions:
            assert where.get(function) == [module], f"{function} defined in {where.get(function)}"


def test_the_checks_can_fail(tmp_path):
    # A lazy import inside a function still makes a cycle, and a second detail_for is seen.
    (tmp_path / "gui").mkdir()
    (tmp_path / "gui" / "texts.py").write_text("from gui import summaries\n", encoding="utf-8")
    (tmp_path / "gui" / "summaries.py").write_text(
        "def detail_for():\n    from gui.texts import number\n", encoding="utf-8")
    (tmp_path / "gui" / "other.py").write_text("def detail_for():\n    pass\n", encoding="utf-8")
    files = module_files(tmp_path, ("gui",))
    graph = import_graph(files)
    assert in_a_cycle(graph, "gui.texts") == ["gui.texts", "gui.summaries", "gui.texts"]
    assert in_a_cycle(graph, "gui.other") is None
    assert defined_functions(files["gui.summaries"]) == defined_functions(files["gui.other"]) == ["detail_for"]
