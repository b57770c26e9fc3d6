"""Start-up guards, run before any Qt object exists: a toolkit build known to crash with this Python, and
(on Linux) no display or a missing X11 library. Each would otherwise end in an abort and a core dump,
part-way through a run or before the first window, with nothing a user can act on.

The decisions are plain functions of versions and the environment (no Qt imported here), so tests can
feed them any machine; `startup_problem()` asks the real one.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

EXIT_CODE = 2  # the command line's "bad input / cannot start" code


@dataclass(frozen=True)
class BadBuild:
    """`package` from `first` up to (not including) `fixed` (None: no fixed release known) is broken on
    CPython older than `python_below`."""

    package: str  # "PySide6" or "shiboken6" (the two are released together, with the same version)
    first: tuple[int, ...]
    python_below: tuple[int, int]
    why: str
    fixed: tuple[int, ...] | None = None

    def covers(self, version: tuple[int, ...]) -> bool:
        return _padded(self.first) <= _padded(version) and (self.fixed is None or _padded(version) < _padded(self.fixed))


# The one rule for which PySide6 may run on which Python (issue 15 §4): pyproject.toml's dependency markers
# say the same, and tests/gui/test_gui_compat.py checks that they agree. graph-facts §14: 6.12.0 drops a
# reference to True on every Signal.emit(); on 3.12+ True is immortal and nothing happens, on 3.11 the
# interpreter aborts after a few thousand progress signals ("Fatal Python error: bool_dealloc"). No later
# 6.12+ release is known to be fixed, so the whole line from 6.12 is refused on 3.11 until one is checked
# with §14's reproduction (then set `fixed`, and pyproject.toml's marker with it).
_WHY = "loses a reference to True on every Qt signal and crashes part-way through a run"
KNOWN_BAD: tuple[BadBuild, ...] = (
    BadBuild("PySide6", (6, 12), (3, 12), _WHY),
    BadBuild("shiboken6", (6, 12), (3, 12), _WHY),
)


def parse_version(text: str) -> tuple[int, ...]:
    """'6.12.0' -> (6, 12, 0); a suffix ('6.12.0a1', '6.12.0+local') is ignored, as is anything after it."""
    parts: list[int] = []
    for piece in text.strip().split("."):
        digits = ""
        for ch in piece:
            if not ch.isdigit():
                break
            digits += ch
        if not digits:
            break
        parts.append(int(digits))
        if len(digits) < len(piece):
            break
    return tuple(parts)


def _padded(version: tuple[int, ...]) -> tuple[int, ...]:
    return version + (0,) * (3 - len(version))


def toolkit_problem(versions: Mapping[str, str], python: tuple[int, ...], implementation: str = "cpython",
                    table: tuple[BadBuild, ...] | None = None) -> str | None:
    """The message to stop with, or None. `versions`: {"PySide6": "6.12.0", "shiboken6": "6.12.0"}."""
    if implementation != "cpython":
        return None
    for bad in KNOWN_BAD if table is None else table:
        found = versions.get(bad.package)
        if found is None or not bad.covers(parse_version(found)):
            continue
        if tuple(python[:2]) >= bad.python_below:
            continue
        below = ".".join(map(str, bad.python_below))
        shown = ".".join(map(str, python[:3]))
        return (f"Immutable ID Sync cannot run with {bad.package} {found} on Python {shown}: that combination "
                f"{bad.why}.\n"
                f"Fix it in the environment the program runs from, either:\n"
                f'  pip install "PySide6-Essentials<{bad.first[0]}.{bad.first[1]}"\n'
                f"or use Python {below} or newer.")
    return None


# Libraries Qt's xcb platform plugin loads that a desktop often lacks (soname for find_library ->
# the Debian/Ubuntu package). libxcb-cursor0 is the usual one: Qt >= 6.5 needs it and says so only
# in a warning before it aborts.
XCB_LIBRARIES: dict[str, str] = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-randr": "libxcb-randr0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}

NO_DISPLAY = ("Immutable ID Sync cannot open its window: there is no display (neither DISPLAY nor "
              "WAYLAND_DISPLAY is set).\n"
              "Run it on a desktop, or set QT_QPA_PLATFORM=offscreen for a headless test.")


def display_problem(platform: str, env: Mapping[str, str],
                    find_library: Callable[[str], str | None] = ctypes.util.find_library) -> str | None:
    """Linux only, and only when the user has not chosen a Qt platform: no display at all, or X11 without
    the libraries the xcb plugin needs. The message to stop with, or None."""
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return NO_DISPLAY
    if env.get("WAYLAND_DISPLAY"):
        return None  # Qt tries its Wayland plugin first; xcb is only the fallback there
    if find_library("c") is None or find_library("xcb") is None:
        # find_library cannot see this system's libraries (no ldconfig, as on NixOS): we cannot tell, and
        # a wrong refusal would be worse than Qt's own abort
        return None
    missing = [package for name, package in XCB_LIBRARIES.items() if find_library(name) is None]
    if not missing:
        return None
    return ("Immutable ID Sync cannot open its window on X11: Qt needs " + ", ".join(missing) + ".\n"
            "On Debian or Ubuntu: sudo apt install " + " ".join(missing) + "\n"
            "(Fedora, Arch and others call them xcb-util-cursor, xcb-util-wm, xcb-util-keysyms, ….)\n"
            "For a headless test, set QT_QPA_PLATFORM=offscreen instead. If they are installed somewhere "
            "this check cannot see, QT_QPA_PLATFORM=xcb skips it.")


def find_library(name: str) -> str | None:
    """ctypes' search, after the frozen bundle's own folder: PyInstaller copies the xcb libraries it found
    on the build machine into the app, and the app then needs none from the system."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        for found in sorted(Path(bundle).glob(f"lib{name}.so*")):
            return str(found)
    return ctypes.util.find_library(name)


def installed_versions() -> dict[str, str]:
    """The running PySide6 and shiboken6 (their packages only: importing them emits no signal)."""
    import PySide6
    import shiboken6

    return {"PySide6": PySide6.__version__, "shiboken6": shiboken6.__version__}


def startup_problem(app_exists: bool = False) -> str | None:
    """What stops this machine from running the wizard, or None. With a QApplication already made (the
    smoke test, the tests), Qt evidently found a display."""
    problem = toolkit_problem(installed_versions(), sys.version_info[:3], sys.implementation.name)
    if problem is None and not app_exists:
        problem = display_problem(sys.platform, os.environ, find_library)
    return problem
