"""A wizard driven through its pages to the Run page, started, and left writing: the GUI resume test
kills this process with SIGKILL part-way. Run as `python wizard_victim.py PROFILE.json EXPORT.csv`
(offscreen; IMMUTABLEID_SYNC_HOME decides where the run folder goes)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from wizard_steps import choose_csv, confirm, fill_connection, pass_checks, to_preview  # noqa: E402

from gui.navigation import PageId  # noqa: E402
from gui.wizard import SyncWizard  # noqa: E402


class EventLoopBot:
    """The two qtbot calls the wizard steps use, without pytest: waits run the event loop."""

    @staticmethod
    def keyClicks(widget, text: str) -> None:  # noqa: N802 (qtbot's name)
        QTest.keyClicks(widget, text)

    @staticmethod
    def waitUntil(condition, timeout: int = 60000) -> None:  # noqa: N802
        deadline = time.monotonic() + timeout / 1000
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("condition not met")
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()


def main(profile_path: str, export_path: str) -> None:
    app = QApplication([])
    bot = EventLoopBot()
    wizard = SyncWizard()
    wizard.show()
    fill_connection(wizard, bot, json.loads(Path(profile_path).read_text("utf-8")))
    pass_checks(wizard, bot)
    wizard.next()
    choose_csv(wizard, bot, Path(export_path))
    to_preview(wizard, bot)
    confirm(wizard, bot)
    wizard.next()
    assert wizard.currentId() == PageId.RUN
    print("started", flush=True)
    app.exec()  # writing until killed


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
