"""What the frozen app keeps and drops (build/bundle_rules.py), checked without building it."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from importlib import metadata, util
from pathlib import Path

import bundle_rules as rules
import pytest

from core import __version__

ROOT = Path(__file__).resolve().parents[2]


def _pyside_modules_imported(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] == "PySide6" and len(parts) > 1:
                    found.setdefault(parts[1], set()).add(str(path.relative_to(ROOT)))
    return found


def test_no_excluded_qt_module_is_imported_by_the_app():
    """An excluded module that the code imports would be missing only in the frozen app."""
    used = _pyside_modules_imported(ROOT / "gui") | _pyside_modules_imported(ROOT / "core")
    clashes = {name: sorted(used[name]) for name in rules.EXCLUDED_QT_MODULES if name in used}
    assert clashes == {}, f"imported by the app but excluded in build/bundle_rules.py: {clashes}"


UNUSED_PROBE = """
import importlib, pkgutil, sys
import core, gui
for package in (core, gui):
    for found in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if ".screenshots" not in found.name and not found.name.endswith("__main__"):
            importlib.import_module(found.name)  # every module the frozen app can load (the screenshots are a dev tool)
import keyring, msal, requests, secretstorage, truststore
keyring.get_keyring()  # picks a backend: imports what that needs
print(sum(name.startswith(("core.", "gui.")) for name in sys.modules))
print(",".join(sorted(name for name in {names!r} if name in sys.modules)))
"""


def test_no_excluded_standard_library_package_is_loaded_by_the_app():
    """bundle_rules.UNUSED_STDLIB leaves packages out of the frozen app: none of them may be imported by any
    module of core/ or gui/, or by the parts of the dependencies they use (make smoke-app runs the result)."""
    code = UNUSED_PROBE.format(names=rules.UNUSED_STDLIB)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    loaded, clashes = done.stdout.split("\n")[-3:-1]
    assert int(loaded) > 150  # the probe did load the app's modules
    assert clashes == "", f"imported by the app, yet excluded in build/bundle_rules.py: {clashes}"


def test_every_keyring_backend_is_a_hidden_import():
    """keyring finds backends by entry point; each one must be bundled or it silently disappears."""
    entry_modules = {ep.value for ep in metadata.entry_points(group="keyring.backends")}
    assert entry_modules, "keyring's entry points are missing (broken install?)"
    assert entry_modules <= set(rules.HIDDEN_IMPORTS)
    assert {"keyring.backends.fail", "keyring.backends.null", "keyring.backends.chainer"} <= set(rules.HIDDEN_IMPORTS)


def test_hidden_imports_are_real_modules():
    missing = [name for name in rules.HIDDEN_IMPORTS if util.find_spec(name) is None]
    assert missing == []


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),  # Windows wheels have no Qt/ level
    ("PySide6\\plugins\\imageformats\\qjpeg.dll", False),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
    ("PySide6\\translations\\qtbase_de.qm", False),
    ("PySide6\\translations\\qtbase_sv.qm", True),
    ("PySide6/Qt/lib/QtCore.framework/Resources/Info.plist", True),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/translations/qtbase_sv.qm", True),
    ("PySide6/Qt/translations/qtbase_en.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qtdeclarative_sv.qm", False),
    ("PySide6/opengl32sw.dll", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("resources/translations/immutableid_sync_sv.qm", True),
])
def test_qt_trimming(dest, kept):
    assert rules.keep_qt_file(dest) is kept


def test_windows_version_info_carries_the_package_version():
    text = rules.windows_version_text(__version__, "immutableid-sync", "command line")
    captured: dict[str, object] = {}

    def record(kind):
        def make(*args, **kwargs):
            captured.setdefault(kind, []).append((args, kwargs))
            return kind
        return make

    kinds = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct"]
    eval(compile(ast.parse(text, mode="eval"), "version_info", "eval"), {k: record(k) for k in kinds})  # noqa: S307
    ffi = captured["FixedFileInfo"][0][1]
    assert ffi["filevers"] == ffi["prodvers"] == rules.version_tuple(__version__)
    strings = dict(args for args, _ in captured["StringStruct"])
    assert strings["ProductVersion"] == __version__
    assert strings["OriginalFilename"] == "immutableid-sync.exe"


def test_version_tuple_pads_and_ignores_suffixes():
    assert rules.version_tuple("1.2") == (1, 2, 0, 0)
    assert rules.version_tuple("0.3.1rc2") == (0, 3, 1, 2)


def test_dropped_library_names_touch_only_libraries():
    assert rules.keep_qt_file("libcairo.so.2") is False
    assert rules.keep_qt_file("PySide6/Qt6Network.dll") is False
    assert rules.keep_qt_file("somepackage/mount.txt") is True  # same stem, not a library


def test_ci_runs_the_suite_and_the_frozen_smoke_test():
    """The frozen app is what users get: CI must build it and run it, after the test suite."""
    commands = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
                if line.strip().startswith("make ")]
    assert commands == ["make test", "make smoke-app"]
