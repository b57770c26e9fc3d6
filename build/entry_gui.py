"""Frozen entry point of the windowed program `Immutable ID Sync` (PyInstaller needs a script file)."""

import sys

from gui.app import main

if __name__ == "__main__":
    sys.exit(main())
