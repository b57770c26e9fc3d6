"""`federate apply --yes` with the stand-in browser (tests/conftest.py) as the system browser: the federation
kill test kills this process with SIGKILL while it waits for the home realm. Run as
`python federate_victim.py ADMIN_UPN CA_BUNDLE <federate apply arguments…>`."""

from __future__ import annotations

import sys
import webbrowser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conftest import StandInBrowser  # noqa: E402

from core.cli import main  # noqa: E402

if __name__ == "__main__":
    browser = StandInBrowser(sys.argv[2])
    browser.account = sys.argv[1]
    webbrowser.open = browser.open
    sys.exit(main(["federate", "apply", *sys.argv[3:]]))
