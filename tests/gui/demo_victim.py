"""The demo (gui/demo.py) walked to the Run page with the UPN swap ticked and left writing, slowly: the demo
resume test kills this process with SIGKILL part-way. Run as `python demo_victim.py DEMO_FOLDER LATENCY_MS`
(offscreen)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from demo_steps import confirm_and_start, demo_to_confirm  # noqa: E402
from wizard_victim import EventLoopBot  # noqa: E402

from gui.demo import Demo  # noqa: E402
from gui.session import WizardSession  # noqa: E402
from gui.wizard import SyncWizard  # noqa: E402


def main(folder: str, latency_ms: str) -> None:
    app = QApplication([])
    session = WizardSession()
    tenant = Demo(Path(folder)).start(session)
    tenant.config.latency_ms = float(latency_ms)  # slow enough to be killed half-way through the UPN swap
    wizard = SyncWizard(session)
    wizard.show()
    bot = EventLoopBot()
    demo_to_confirm(wizard, bot)
    confirm_and_start(wizard, bot, swap=True)
    print("started", flush=True)
    app.exec()  # writing until killed


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
