"""Frozen entry point of the windowed program `Immutable ID Sync` (PyInstaller needs a script file).

build/smoke.py runs this (frozen, and from source to compare) with IMMUTABLEID_SYNC_SMOKE set: the
QApplication is then made here first, so gui/smoke.py can watch for the first page; gui.app.main()
reuses the existing instance.
"""

import os
import sys

if os.environ.get("IMMUTABLEID_SYNC_SMOKE"):
    from PySide6.QtWidgets import QApplication

    from gui import smoke

    smoke.install(QApplication(sys.argv))

from gui.app import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
