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
# Python's decoders for Chinese, Japanese and Korean codepages (1 MB): CSV exports are read as UTF-8, UTF-16
# or Windows-1252/Latin-1 (core/source/encoding.py), and a codec that is absent is simply unknown to
# codecs.lookup (charset_normalizer skips it).
CJK_CODECS = ["_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr", "_codecs_tw",
              "_multibytecodec"]
# Standard-library packages nothing in the app imports (~1.2 MB: asyncio, multiprocessing and its runtime hook,
# decimal's C and Python versions, unittest, tarfile, pydoc and its 0.5 MB of topics) — PyInstaller collects
# them only because some module names them in a branch the app never takes. tests/build/test_bundle_rules.py
# imports every module of core/ and gui/ and the dependencies' used parts, and checks none of these loads.
UNUSED_STDLIB = ["asyncio", "multiprocessing", "decimal", "_decimal", "_pydecimal", "unittest", "tarfile", "pydoc",
                 "pydoc_data"]
EXCLUDES = ([f"PySide6.{name}" for name in EXCLUDED_QT_MODULES] + ["tkinter", "_tkinter"] + CJK_CODECS
            + UNUSED_STDLIB)

# Qt plugins the app needs; any other plugin folder collected by the QtGui hook is dropped.
# No Wayland client and no OpenGL integration (issue 17, the 100 MB budget): the wizard draws plain widgets,
# which need no GL, and every Wayland desktop runs X11 programs through XWayland — Qt falls back to xcb by
# itself when its wayland plugin is absent.
KEEP_PLUGIN_DIRS = {
    "platforms", "platforms/darwin", "platformthemes", "styles", "iconengines", "imageformats",
    "platforminputcontexts",  # compose / ibus: typing å ä ö on Linux
    "accessiblebridge",
}
KEEP_IMAGE_FORMATS = {"qsvg", "qico"}  # the icons; PNG and BMP are built into QtGui
DROP_PLATFORMS = {"qeglfs", "qlinuxfb", "qminimalegl", "qvnc", "qvkkhrdisplay",  # embedded-device backends
                  "qwayland", "qwayland-egl", "qwayland-generic",  # Wayland: see KEEP_PLUGIN_DIRS
                  "qminimal"}  # headless without rendering (the smoke test uses offscreen)
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
# Qt libraries that only the Wayland and GL plugins dropped above link.
DROP_FILES |= {"Qt6WaylandClient", "Qt6WlShellIntegration", "Qt6WaylandEglClientHwIntegration", "Qt6OpenGL"}
# System libraries (Linux) matched by their whole name, lib<NAME>.so[.N…]:
#  - collected for plugins dropped above and linked by nothing kept (checked with readelf on the Linux
#    build: the Kerberos stack of QtNetwork, X extensions of GTK);
#  - the D-Bus client library and what it drags in (systemd, gcrypt, lz4, libcap): every Linux desktop
#    has libdbus-1.so.3, whose ABI has not changed since 2006, and the desktop's own copy matches the
#    desktop's bus. Qt's own libQt6DBus stays.
DROP_SYSTEM_LIBS = {
    "gssapi_krb5", "krb5", "k5crypto", "krb5support", "keyutils", "com_err", "Xext", "Xrender", "bsd", "md",
    "dbus-1", "systemd", "gcrypt", "gpg-error", "lz4", "cap",
    "xcb-glx",  # the GLX integration's (dropped with the OpenGL plugins)
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
    lib = re.fullmatch(r"lib(.+?)\.so(\.\d+)*", parts[-1])
    if lib and lib.group(1) in DROP_SYSTEM_LIBS:
        return False
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
