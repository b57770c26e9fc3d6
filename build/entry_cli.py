"""Frozen entry point of the console program `immutableid-sync` (PyInstaller needs a script file)."""

import sys

from gui.cli import main

if __name__ == "__main__":
    sys.exit(main())
