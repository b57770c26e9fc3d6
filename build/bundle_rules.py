"""What goes into the frozen app and what is trimmed — plain data and functions, so that
build/immutableid-sync.spec stays short and tests/build/ can check the rules without building.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

APP_TITLE = "Immutable ID Sync"  # the windowed program and the macOS bundle
CLI_NAME = "immutableid-sync"  # the console program (contracts.md)
BUNDLE_ID = "org.immutableid-sync.app"

# keyring finds its backends through entry points and imports them lazily: a frozen app that lost one
# of these silently falls back to "no keyring" on the user's desk (PyInstaller's hook does the same;
# listing them here keeps it true if the hook changes).
KEYRING_BACKENDS = [
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.macOS.api",
    "keyring.backends.SecretService",
    "keyring.backends.kwallet",
    "keyring.backends.libsecret",
    "keyring.backends.chainer",
    "keyring.backends.fail",
    "keyring.backends.null",
]
HIDDEN_IMPORTS = KEYRING_BACKENDS + [
    # SVG icons load through Qt's iconengines/imageformats plugins, which PyInstaller keeps only when
    # libQt6Svg is collected; the code may only ever use QIcon("….svg").
    "PySide6.QtSvg",
    # The OS certificate store for sign-in and Graph (graph-facts §13): imported lazily by core/graph/http.py.
    "truststore", "truststore._api", "truststore._openssl", "truststore._macos", "truststore._windows",
]

# Qt for Python modules we never import (tests/build checks that gui/ and core/ don't). Excluding the
# Python module keeps PyInstaller's Qt hooks from collecting its Qt libraries, plugins and QML.
EXCLUDED_QT_MODULES = [
    "QtConcurrent", "QtDBus", "QtDesigner", "QtHelp", "QtLabsStyleKit", "QtNetwork", "QtOpenGL",
    "QtOpenGLWidgets", "QtPrintSupport", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtSql", "QtSvgWidgets", "QtTest", "QtUiTools", "QtXml",
    "Qt3DCore", "QtWebEngineCore", "QtWebEngineWidgets", "QtMultimedia", "QtCharts",
]
EXCLUDES = [f"PySide6.{name}" for name in EXCLUDED_QT_MODULES] + ["tkinter", "_tkinter"]

# Qt plugins the app needs; any other plugin folder collected by the QtGui hook is dropped.
KEEP_PLUGIN_DIRS = {
    "platforms", "platforms/darwin", "platformthemes", "styles", "iconengines", "imageformats",
    "platforminputcontexts",  # compose / ibus: typing å ä ö on Linux
    "xcbglintegrations", "wayland-decoration-client", "wayland-graphics-integration-client",
    "wayland-shell-integration", "accessiblebridge",
}
KEEP_IMAGE_FORMATS = {"qsvg", "qico"}  # the icons; PNG and BMP are built into QtGui
DROP_PLATFORMS = {"qeglfs", "qlinuxfb", "qminimalegl", "qvnc", "qvkkhrdisplay"}  # embedded-device backends
# on-screen keyboard (QtQuick); software OpenGL (20 MB, Windows; widgets don't use it); the GTK theme
# plugin (Linux; drags in GTK/cairo/pango — the xdg-desktop-portal theme covers file dialogs)
DROP_FILES = {"qtvirtualkeyboardplugin", "opengl32sw", "qgtk3"}
# Libraries that only the dropped plugins needed (PyInstaller resolves dependencies before the spec can
# trim): Qt's network and embedded-display libraries, and on Linux the GTK stack of the qgtk3 theme and
# the JPEG library of the qjpeg plugin. Checked with readelf on the Linux build: nothing kept links them.
DROP_FILES |= {"Qt6Network", "Qt6EglFSDeviceIntegration", "Qt6EglFsKmsSupport"}
DROP_FILES |= {
    "gtk-3", "gdk-3", "atk-1", "atk-bridge-2", "cairo", "cairo-gobject", "pango-1", "pangocairo-1",
    "pangoft2-1", "gdk_pixbuf-2", "harfbuzz", "graphite2", "thai", "datrie", "fribidi", "pixman-1",
    "jpeg", "epoxy", "gio-2", "gobject-2", "gmodule-2", "mount", "blkid", "selinux",
}
QT_TRANSLATIONS = {"qtbase"}  # Qt's own strings (standard buttons) — for the languages we ship
LANGUAGES = ("en", "sv")


def _stem(name: str) -> str:
    stem = PurePosixPath(name).name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def _qt_relative(parts: tuple[str, ...]) -> tuple[str, ...] | None:
    """The part of a path below PySide6's Qt prefix: PySide6/Qt/… (Linux, macOS) or PySide6/… (Windows)."""
    if "PySide6" not in parts:
        return None
    rest = parts[parts.index("PySide6") + 1:]
    return rest[1:] if rest[:1] == ("Qt",) else rest


def keep_qt_file(dest: str) -> bool:
    """Whether a file PyInstaller collected (by destination path in the bundle) stays in the app."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if _stem(dest) in DROP_FILES and re.search(r"\.(so(\.\d+)*|dll|dylib)$", dest):
        return False
    rest = _qt_relative(parts)
    if rest and rest[0] == "plugins" and len(rest) > 2:
        folder = "/".join(rest[1:-1])
        if folder not in KEEP_PLUGIN_DIRS:
            return False
        if folder == "imageformats":
            return _stem(dest) in KEEP_IMAGE_FORMATS
        return not (folder == "platforms" and _stem(dest) in DROP_PLATFORMS)
    if rest and rest[0] == "translations" and len(rest) == 2:
        match = re.fullmatch(r"(.+)_([a-z]{2})(_[A-Z]{2})?\.qm", rest[-1])
        return bool(match) and match.group(1) in QT_TRANSLATIONS and match.group(2) in LANGUAGES
    return True


def version_tuple(version: str) -> tuple[int, int, int, int]:
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def windows_version_text(version: str, exe_name: str, description: str) -> str:
    """A PyInstaller version file (the text form of VSVersionInfo), so Explorer's Details tab shows it."""
    nums = version_tuple(version)
    strings = {
        "CompanyName": APP_TITLE, "FileDescription": description, "FileVersion": version,
        "InternalName": exe_name, "OriginalFilename": f"{exe_name}.exe", "ProductName": APP_TITLE,
        "ProductVersion": version, "LegalCopyright": "MIT licence",
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={nums}, prodvers={nums}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
          {table}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])]),
  ]
)
"""
