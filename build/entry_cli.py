"""Frozen entry point of the console program `immutableid-sync` (PyInstaller needs a script file).

On Linux the windowed program `Immutable ID Sync` is a symbolic link to this one (one copy of the embedded
Python archive instead of two: build/immutableid-sync.spec); started by that name it is the wizard, as
build/entry_gui.py is on Windows and macOS.
"""

import os
import sys

WINDOWED_NAME = "Immutable ID Sync"  # build/bundle_rules.APP_TITLE

if __name__ == "__main__":
    if os.path.basename(sys.argv[0]) == WINDOWED_NAME:
        from gui.smoke import start_wizard

        sys.exit(start_wizard())
    from gui.cli import main

    sys.exit(main())
