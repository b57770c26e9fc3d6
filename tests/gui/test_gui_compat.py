"""Start-up guards (gui/compat.py): a PySide6 known to crash with this Python, no display, a missing X11
library. The decisions are fed made-up machines; one real start shows the message and the exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gui import compat

ROOT = Path(__file__).resolve().parents[2]
BAD = {"PySide6": "6.12.0", "shiboken6": "6.12.0"}
GOOD = {"PySide6": "6.11.3", "shiboken6": "6.11.3"}


def test_pyside_6_12_0_on_python_3_11_is_refused_with_the_fix():
    message = compat.toolkit_problem(BAD, (3, 11, 7))
    assert message is not None
    assert "PySide6 6.12.0 on Python 3.11.7" in message
    assert 'pip install "PySide6-Essentials<6.12"' in message
    assert "Python 3.12 or newer" in message


def test_only_the_bad_pair_is_refused():
    assert compat.toolkit_problem(BAD, (3, 12, 0)) is None  # True is immortal there
    assert compat.toolkit_problem(BAD, (3, 13, 1)) is None
    assert compat.toolkit_problem(GOOD, (3, 11, 7)) is None
    # no 6.12+ release is known to be fixed: the whole line is refused on 3.11, as pyproject.toml says
    assert compat.toolkit_problem({"PySide6": "6.12.1", "shiboken6": "6.12.1"}, (3, 11, 9)) is not None
    assert compat.toolkit_problem({"PySide6": "6.13.0", "shiboken6": "6.13.0"}, (3, 11, 9)) is not None
    assert compat.toolkit_problem({"PySide6": "6.12.1", "shiboken6": "6.12.1"}, (3, 12, 0)) is None
    assert compat.toolkit_problem(BAD, (3, 11, 7), implementation="pypy") is None


def test_pyproject_and_compat_agree_on_every_version_and_python():
    """One rule (gui/compat.py KNOWN_BAD); pip's side (pyproject.toml's markers) must say the same: every
    version pip may install on a Python is one compat lets start there, and every version compat refuses
    is one pip will not install. build/constraints.txt's pins are allowed by both."""
    import tomllib

    from packaging.markers import default_environment
    from packaging.requirements import Requirement
    from packaging.version import Version

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    pyside = [Requirement(r) for r in project["dependencies"] if r.startswith("PySide6")]
    assert pyside
    versions = [f"6.{minor}.{patch}" for minor in range(6, 16) for patch in (0, 1, 3)]
    pins = [Requirement(line) for line in (ROOT / "build" / "constraints.txt").read_text("utf-8").splitlines()
            if line.startswith("PySide6")]
    for python in ((3, 11, 7), (3, 11, 12), (3, 12, 0), (3, 13, 1)):
        env = {**default_environment(), "python_version": f"{python[0]}.{python[1]}",
               "python_full_version": ".".join(map(str, python)), "implementation_name": "cpython"}
        rules = [r for r in pyside if r.marker is None or r.marker.evaluate(env)]
        assert len(rules) == 1, python
        for version in versions:
            pip_allows = Version(version) in rules[0].specifier
            starts = compat.toolkit_problem({"PySide6": version, "shiboken6": version}, python) is None
            if Version(version) >= Version("6.6"):  # below pyproject's floor compat has nothing to say
                assert pip_allows == starts, (python, version)
        for pin in pins:
            if pin.marker is None or pin.marker.evaluate(env):
                (exact,) = pin.specifier
                assert Version(exact.version) in rules[0].specifier
                assert compat.toolkit_problem({"PySide6": exact.version}, python) is None


def test_a_mixed_install_or_a_short_version_is_still_caught():
    assert compat.toolkit_problem({"PySide6": "6.11.3", "shiboken6": "6.12.0"}, (3, 11, 7)) is not None
    assert "shiboken6 6.12.0" in compat.toolkit_problem({"shiboken6": "6.12.0"}, (3, 11, 0))
    assert compat.toolkit_problem({"PySide6": "6.12"}, (3, 11, 0)) is not None
    assert compat.parse_version("6.12.0a1") == (6, 12, 0)
    assert compat.parse_version("6.11.3+local.1") == (6, 11, 3)


def test_this_environment_is_a_good_pair():
    # The suite itself must never run on the crashing pair: it would abort instead of failing.
    assert compat.toolkit_problem(compat.installed_versions(), sys.version_info[:3]) is None


def _no_library(*missing: str):
    return lambda name: None if name in missing else f"lib{name}.so"


def test_linux_without_any_display_says_what_to_do():
    message = compat.display_problem("linux", {})
    assert message is not None and "no display" in message
    assert "Run it on a desktop" in message
    assert "QT_QPA_PLATFORM=offscreen" in message


def test_a_chosen_platform_or_another_os_is_left_alone():
    assert compat.display_problem("linux", {"QT_QPA_PLATFORM": "offscreen"}) is None
    assert compat.display_problem("linux", {"QT_QPA_PLATFORM": "xcb"}, _no_library("xcb-cursor")) is None
    assert compat.display_problem("darwin", {}) is None
    assert compat.display_problem("win32", {}) is None


def test_x11_without_libxcb_cursor_names_the_package():
    message = compat.display_problem("linux", {"DISPLAY": ":0"}, _no_library("xcb-cursor"))
    assert message is not None
    assert "libxcb-cursor0" in message and "apt install libxcb-cursor0" in message
    assert "libxcb-icccm4" not in message  # only what is missing
    both = compat.display_problem("linux", {"DISPLAY": ":0"}, _no_library("xcb-cursor", "xcb-icccm"))
    assert "apt install libxcb-cursor0 libxcb-icccm4" in both


def test_x11_with_its_libraries_or_wayland_or_an_unknowable_system_goes_on():
    assert compat.display_problem("linux", {"DISPLAY": ":0"}, _no_library()) is None
    # Wayland first: xcb is only Qt's fallback there
    assert compat.display_problem("linux", {"WAYLAND_DISPLAY": "wayland-0"}, _no_library("xcb-cursor")) is None
    # find_library cannot see anything (no ldconfig): no guessing, Qt gets its chance
    assert compat.display_problem("linux", {"DISPLAY": ":0"}, _no_library("c", "xcb-cursor")) is None


def test_a_frozen_app_finds_the_xcb_libraries_it_carries(tmp_path, monkeypatch):
    (tmp_path / "libxcb-cursor.so.0").write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert compat.find_library("xcb-cursor") == str(tmp_path / "libxcb-cursor.so.0")
    monkeypatch.delattr(sys, "_MEIPASS")
    assert compat.find_library("xcb-cursor") != str(tmp_path / "libxcb-cursor.so.0")  # not frozen: the system's


def test_the_program_stops_before_qt_with_exit_2_and_the_message_on_stderr(tmp_path):
    # A real start, with the running PySide6 declared broken: no window, the fix on stderr, exit 2.
    script = ("import sys, PySide6\n"
              "from gui import compat\n"
              "compat.KNOWN_BAD = (compat.BadBuild('PySide6', compat.parse_version(PySide6.__version__),"
              " (99, 0), 'is declared broken by this test'),)\n"
              "from gui.app import main\n"
              "import PySide6.QtWidgets as w\n"
              "code = main([])\n"
              "assert w.QApplication.instance() is None, 'a QApplication was made'\n"
              "sys.exit(code)\n")
    env = {**os.environ, "IMMUTABLEID_SYNC_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == compat.EXIT_CODE, done.stderr
    assert "is declared broken by this test" in done.stderr
    assert 'pip install "PySide6-Essentials<' in done.stderr
    log_text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "logs").glob("*.log"))
    assert "Cannot start" in log_text  # the windowed program has no console: the log has it too
