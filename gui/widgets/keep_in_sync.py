""""Keep new users in sync automatically": the Results page's offer to schedule this saved connection
(issue 11 §2) with the computer's own scheduler (core/setup/scheduler.py), as `schedule install` does.

The page gives it its `run_job` (so the page's worker bookkeeping stops the job with the wizard), and
the scheduler (tests give one with a fake runner: nothing is ever scheduled by a test).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from core.setup.profiles import SCHEDULE_KEY, ProfileStore
from core.setup.schedule import Schedule, next_run, schedule_precondition
from core.setup.scheduler import Scheduler, SchedulerMissing
from core.setup.secrets import SecretStore
from gui import texts


def schedule_job(scheduler: Scheduler, schedule: Schedule | None, name: str, profiles: ProfileStore,
                 tenant: str, client_id: str):
    """Install (or with `schedule` None, remove) the task. Returns whether the keyring holds the secret:
    a scheduled run has nobody to type it."""

    def job(progress: Any, cancel: threading.Event) -> bool:
        if schedule is None:
            scheduler.remove(name, profiles)
            return True
        scheduler.install(schedule, profiles)
        return SecretStore().get(tenant, client_id) is not None
    return job


class KeepInSync(QWidget):
    def __init__(self, parent: QWidget, run_job: Callable[..., Any]) -> None:
        super().__init__(parent)
        self.run_job = run_job
        self.scheduler: Scheduler | None = None  # None: this computer's own
        self.demo = False  # the demo's scheduler records the schedule and installs nothing (gui/demo.py)
        self.profiles: ProfileStore | None = None
        self.name = ""
        self._conn: Any = None
        self.enabled_box = QCheckBox(self.tr("&Keep new users in sync automatically"), self)
        self.time_edit = QTimeEdit(QTime(2, 0), self)
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(self.tr("Time of the scheduled sync"))
        self.every_combo = QComboBox(self)
        self.every_combo.addItem(self.tr("every day"), "day")
        self.every_combo.addItem(self.tr("every Monday"), "week")
        self.every_combo.setAccessibleName(self.tr("How often"))
        self.apply_button = QPushButton(self.tr("&Save the schedule"), self)
        self.apply_button.clicked.connect(self.save)
        row = QHBoxLayout()
        for widget in (self.enabled_box, self.every_combo, QLabel(self.tr("at"), self), self.time_edit,
                       self.apply_button):
            row.addWidget(widget)
        row.addStretch(1)
        # offered when this run used the UPN swap (or the saved schedule does): after federation every new
        # pupil is in the federated domain, and only the swap can cover them (`schedule --federated-upn-swap`)
        self.swap_box = QCheckBox(self.tr("Also set new users in federated domains with the UPN swap"), self)
        self.swap_box.setVisible(False)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.swap_box)
        layout.addWidget(self.note)

    def set_connection(self, conn: Any, profiles: ProfileStore, swap_used: bool = False) -> None:
        """The session's connection; only a saved one (with its source) can run unattended. `swap_used`:
        this run set users with the UPN swap (the schedule then offers it, unticked unless saved so)."""
        self._conn, self.profiles = conn, profiles
        self.name = (conn.name or conn.tenant) if conn is not None else ""
        blocker = schedule_precondition(profiles, self.name)  # core's rule, the one `schedule install` uses
        saved = blocker is None
        for widget in (self.enabled_box, self.every_combo, self.time_edit, self.apply_button):
            widget.setEnabled(saved)
        current = profiles.attached(self.name, SCHEDULE_KEY) if saved else None
        self.enabled_box.setChecked(isinstance(current, dict))
        swap_saved = isinstance(current, dict) and bool(current.get("upn_swap"))
        self.swap_box.setVisible(swap_used or swap_saved)
        self.swap_box.setEnabled(saved)
        self.swap_box.setChecked(swap_saved)
        if isinstance(current, dict):
            self.time_edit.setTime(QTime.fromString(str(current.get("at")), "HH:mm"))
            self.every_combo.setCurrentIndex(max(self.every_combo.findData(current.get("every")), 0))
        if blocker is not None:
            self.note.setText(self._blocker_text(blocker))
        elif self.demo:
            self.note.setText(self.tr("In the demo a schedule is saved with the demo's connection only: nothing "
                                      "is set up in this computer's scheduler."))
        else:
            self.note.setText("")

    def _blocker_text(self, code: str) -> str:
        if code == "schedule_no_source":
            return self.tr("This connection has no saved source, so a scheduled sync would not know what to "
                           "write: run it once from the Source page with this connection, then schedule it.")
        if code == "schedule_bad_name":
            return self.tr("This connection's name cannot be used in a scheduled task: save the connection "
                           "again under a new name on the Connection page.")
        return self.tr("Only a saved connection can be scheduled.")

    def save(self) -> None:
        if not self.name or self.profiles is None:
            return
        schedule = None
        if self.enabled_box.isChecked():  # a guard rail set with `schedule install --max-…` is kept
            current = self.profiles.attached(self.name, SCHEDULE_KEY)
            limits = current if isinstance(current, dict) else {}
            schedule = Schedule(self.name, self.time_edit.time().toString("HH:mm"), self.every_combo.currentData(),
                                limits.get("max_writes"), limits.get("max_percent"),
                                not self.swap_box.isHidden() and self.swap_box.isChecked())
        job = schedule_job(self.scheduler or Scheduler(), schedule, self.name, self.profiles,
                           self._conn.tenant, self._conn.client_id)
        self.run_job(job, "schedule", self.tr("Setting up the scheduled sync…"),
                     on_finished=lambda has_secret: self._done(schedule, has_secret),
                     on_failed=self._failed)

    def _done(self, schedule: Schedule | None, has_secret: bool) -> None:
        if schedule is None:
            self.note.setText(self.tr("The scheduled sync is removed."))
            return
        text = texts.schedule_done(schedule.every, schedule.at, next_run(schedule, datetime.now()))
        if self.demo:
            text += " " + self.tr("Demo: nothing was set up in this computer's scheduler.")
        elif not has_secret:
            text += " " + self.tr("The secret is not in this computer's keychain, so the scheduled run cannot "
                                  "sign in: tick “Remember the secret” on the Connection page.")
        self.note.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SchedulerMissing):  # never a raw "[Errno 2] No such file or directory: 'crontab'"
            self.note.setText(self.tr("The scheduled sync could not be set up: this computer has no {tool}, the "
                                      "scheduler it needs. {fix}").format(tool=exc.tool, fix=self._fix(exc.tool)))
            return
        self.note.setText(self.tr("The scheduled sync could not be set up: {error}").format(error=str(exc)))

    def _fix(self, tool: str) -> str:
        fixes = {"crontab": self.tr("Install cron (Debian or Ubuntu: sudo apt-get install cron) and start it, or "
                                    "schedule on a computer with systemd, macOS or Windows."),
                 "systemctl": self.tr("Check that PATH holds /usr/bin, where systemctl usually is."),
                 "launchctl": self.tr("launchctl is part of macOS: check that PATH holds /bin."),
                 "schtasks": self.tr("schtasks.exe is part of Windows: check that PATH holds "
                                     "C:\\Windows\\System32.")}
        return fixes.get(tool, self.tr("Install it, or check PATH."))
