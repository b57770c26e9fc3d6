"""Hidden smoke-test mode, used by build/smoke.py on the frozen app (and on the source, to compare).

With the environment variable IMMUTABLEID_SYNC_SMOKE=<file>, the app closes itself as soon as the first
wizard page has been shown, and writes a JSON record to <file>: when the page was shown (wall clock,
so the caller can subtract its own launch time), which page, and what the bundle carries that a
frozen build typically loses (keyring's backends, the CA certificates, Qt's SVG support).

A windowed program on Windows has no stdout, hence the file.

With IMMUTABLEID_SYNC_SMOKE_PAGES=<folder> instead, the program walks every page of the wizard against
the built-in sandbox — preview, the write step, the report, undo, app registration, error states — as
`make screenshots` does, saves a PNG of each in <folder> and exits (build/smoke.py counts them).
"""

from __future__ import annotations

import json
import os
import sys
import time
from importlib import metadata, util
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QObject, QTimer, QTranslator
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QApplication, QWizardPage

SMOKE_ENV = "IMMUTABLEID_SYNC_SMOKE"
PAGES_ENV = "IMMUTABLEID_SYNC_SMOKE_PAGES"
CLOSE_REFUSED = 3  # exit code when the main window ignored close()


def bundle_facts() -> dict[str, object]:
    """What the running program can load: proves (when frozen) that PyInstaller kept it."""
    import keyring
    import requests.certs

    entry_points = {ep.name: ep.value for ep in metadata.entry_points(group="keyring.backends")}
    ca_file = Path(requests.certs.where())
    return {
        "frozen": bool(getattr(sys, "frozen", False)),
        "keyring_backends": sorted(name for name, module in entry_points.items() if util.find_spec(module)),
        "keyring_active": type(keyring.get_keyring()).__module__,
        "ca_bundle_bytes": ca_file.stat().st_size if ca_file.is_file() else 0,
        "svg_images": b"svg" in [bytes(f) for f in QImageReader.supportedImageFormats()],
        "catalogs_sv": _catalogs_load("sv"),
    }


def _catalogs_load(language: str) -> dict[str, bool]:
    """Our .qm and Qt's own qtbase .qm for `language` are in the bundle and load."""
    from gui import i18n

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return {"ours": QTranslator().load(f"{i18n.CATALOG}_{language}", str(i18n.translations_dir())),
            "qtbase": QTranslator().load(f"qtbase_{language}", qt_dir)}


class _FirstPageWatcher(QObject):
    def __init__(self, app: QApplication, out: Path) -> None:
        super().__init__(app)
        self._app, self._out, self._done = app, out, False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not self._done and event.type() == QEvent.Type.Show and isinstance(watched, QWizardPage):
            self._done = True
            shown_at = time.time()
            # Let the shown page lay out and paint once before leaving.
            QTimer.singleShot(0, lambda page=watched: self._finish(page, shown_at))
        return False

    def _finish(self, page: QWizardPage, shown_at: float) -> None:
        window = page.window()
        window.close()  # the way a user leaves; a window that refuses to close is a failure
        record = {"shown_at": shown_at, "page": type(page).__name__, "title": page.title(),
                  "closed": not window.isVisible(), **bundle_facts()}
        self._out.write_text(json.dumps(record), encoding="utf-8")
        if sys.stderr is not None:
            print(f"smoke: first page {record['page']} shown; window closed: {record['closed']}", file=sys.stderr)
        # Queued: if the page was shown before app.exec() started, leaving now would be lost.
        QTimer.singleShot(0, lambda: self._app.exit(0 if record["closed"] else CLOSE_REFUSED))


def install(app: QApplication) -> None:
    """Call once after the QApplication exists (before the wizard is shown). No-op unless the env is set."""
    path = os.environ.get(SMOKE_ENV)
    if not path:
        return
    app.installEventFilter(_FirstPageWatcher(app, Path(path)))


def start_wizard() -> int:
    """The windowed program's start (build/entry_gui.py; on Linux the CLI program started by the windowed
    name): the wizard, or one of the smoke modes above."""
    pages = os.environ.get(PAGES_ENV)
    if pages:
        from gui.screenshots.walk import main as walk

        return walk([pages])
    if os.environ.get(SMOKE_ENV):  # the QApplication made here first; gui.app.main() reuses it
        install(QApplication(sys.argv))
    from gui.app import main

    return main()
