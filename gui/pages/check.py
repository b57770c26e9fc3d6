"""Page 3: the checks, filling in step by step on a worker, each failure with its exact fix."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from core.tenant.checks import CheckStep
from gui import texts
from gui.dialogs.undo_runs import open_runs_dialog
from gui.jobs import services
from gui.jobs.resume import unfinished_run_job
from gui.pages.base import WizardPage
from gui.session import SourceChoice
from gui.widgets.checklist import ChecklistRow
from gui.widgets.resume_offer import ResumeOffer


class CheckPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Check the connection"))
        self.setSubTitle(self.tr("Signs in as the app and proves it may read and write users. Nothing is "
                                 "written."))
        self.rows: dict[str, ChecklistRow] = {}
        box = QVBoxLayout()
        for step in CheckStep:
            row = ChecklistRow(texts.check_step_text(step.value), self)
            self.rows[step.value] = row
            box.addWidget(row)
        widest = max(row.title_width() for row in self.rows.values()) + 12
        for row in self.rows.values():
            row.set_title_width(widest)
        self.body().addLayout(box)
        buttons = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("&Retry the checks"), self)
        self.retry_button.setAccessibleName(self.tr("Retry the checks"))
        self.retry_button.clicked.connect(self.start_checks)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        # issue 10 §2: undo an earlier run of this tenant and app, once the connection is proven
        self.undo_earlier_button = QPushButton(self.tr("Undo an ear&lier run…"), self)
        self.undo_earlier_button.clicked.connect(self.undo_earlier_run)
        self.undo_earlier_button.setEnabled(False)
        self.undo_dialog = None
        buttons.addWidget(self.undo_earlier_button)
        self.body().addLayout(buttons)
        self.resume_offer = ResumeOffer(self)
        self.resume_offer.chosen.connect(self._resume_chosen)
        self.body().addWidget(self.resume_offer)
        self.body().addStretch(1)
        self.finish_layout()

    def initializePage(self) -> None:
        self.start_checks()

    def cleanupPage(self) -> None:
        self.cancel_job(wait_ms=30000)

    def start_checks(self) -> None:
        session = self.session
        session.flow.checks_passed = False
        session.check_report = None
        session.resume = None
        self.resume_offer.offer(None)
        for row in self.rows.values():
            row.set_state("pending", self.tr("Waiting…"))
        self.retry_button.setEnabled(False)
        self.undo_earlier_button.setEnabled(False)
        self.run_job(services.check_job(session.connection, session.secret), "checks",
                     self.tr("Checking the connection with Microsoft…"),
                     on_progress=self._on_result, on_finished=self._on_finished, on_failed=self._on_failed)

    def _on_result(self, result) -> None:
        row = self.rows.get(str(result.step.value))
        if row is None:
            return
        verdict = result.verdict.value
        row.set_state(verdict, texts.check_verdict_text(result.code, verdict, result.detail, result.data),
                      texts.check_hint(result.code, verdict, result.detail))
        next_rows = [r for r in self.rows.values() if r.state == "pending"]
        if next_rows:
            next_rows[0].set_state("running", self.tr("Checking…"))

    def _on_finished(self, report) -> None:
        self.session.check_report = report
        self.session.flow.checks_passed = bool(report.passed)
        self.retry_button.setEnabled(True)
        self.undo_earlier_button.setEnabled(bool(report.passed))
        if not report.passed:
            self.error_panel.show_problem(self.tr("The connection is not ready yet."),
                                          self.tr("Fix what the list above says, then press Retry. Back "
                                                  "takes you to the connection details."))
        else:
            s = self.session
            self.run_job(unfinished_run_job(s.connection, s.secret, report.tenant_id), "unfinished",
                         self.tr("Looking for an unfinished run…"), on_finished=self.resume_offer.offer)
        self.refresh_buttons()

    def undo_earlier_run(self):
        if not self.session.flow.checks_passed:
            return None
        self.undo_dialog = open_runs_dialog(self.session, self)
        return self.undo_dialog

    def _resume_chosen(self, accepted: bool) -> None:
        """Continuing a run means its source too: the Source page opens with the run's own choice."""
        run = self.resume_offer.run
        self.session.resume = run if accepted else None
        if accepted and run is not None:
            self.session.source = SourceChoice.from_dict(run.source_spec)
            self.session.csv_table = None

    def _on_failed(self, exc: BaseException) -> None:
        self.retry_button.setEnabled(True)
        self.show_error(exc)

    def passed(self) -> bool:
        return self.session.flow.checks_passed
