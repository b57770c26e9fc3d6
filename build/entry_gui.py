"""Frozen entry point of the windowed program `Immutable ID Sync` (PyInstaller needs a script file).

build/smoke.py runs this (frozen, and from source to compare) with IMMUTABLEID_SYNC_SMOKE or
IMMUTABLEID_SYNC_SMOKE_PAGES set (gui/smoke.py).
"""

import sys

from gui.smoke import start_wizard

if __name__ == "__main__":
    sys.exit(start_wizard())
