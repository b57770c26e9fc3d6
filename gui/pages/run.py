"""Page 7: the write, on a worker: progress, rate, ETA, throttling pauses shown as such, live failures,
and a Cancel that asks first and lets in-flight requests finish."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from gui import texts
from gui.jobs import services
from gui.pages.base import WizardPage


class RunPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Run"))
        self.setSubTitle(self.tr("Writes the new ImmutableIds. You can cancel; requests already sent finish."))
        self.intro = self.wrapped("", self)
        self.body().addWidget(self.intro)
        # No Start here: the Confirm page's button started the run (one commit point). Cancel sits by the bar.
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Progress of the run"))
        self.bar.setFormat(self.tr("%v of %m"))
        self.cancel_button = QPushButton(self.tr("&Cancel the run"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.ask_cancel)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        self.body().addLayout(row)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.throttle_label = QLabel(self)
        self.throttle_label.setWordWrap(True)
        self.throttle_label.hide()
        self.body().addWidget(self.status)
        self.body().addWidget(self.throttle_label)
        self.body().addWidget(QLabel(self.tr("Failures so far:"), self))
        self.failure_log = QPlainTextEdit(self)
        self.failure_log.setReadOnly(True)
        self.failure_log.setAccessibleName(self.tr("Failures so far"))
        self.failure_log.setMaximumBlockCount(5000)
        self.body().addWidget(self.failure_log, 1)
        self.finish_layout()
        self._throttled_until = 0.0  # epoch seconds (ApplyProgress.throttled_until)
        self._shown = (0, 0)
        self.throttle_notices: list[str] = []  # each pause as it was shown (the log of what the user saw)
        # counts the shown pause down between progress calls (reads nothing but the time)
        self._throttle_timer = QTimer(self)
        self._throttle_timer.setInterval(500)
        self._throttle_timer.timeout.connect(self._show_throttle)

    def initializePage(self) -> None:
        s = self.session
        s.flow.run_finished = False
        s.result = None
        n = s.flow.writes_planned
        swapped = len(s.plan.swappable()) if s.federated_upn_swap and s.plan is not None else 0
        intro = texts.run_intro(n, s.dry_run, swapped)
        if s.resume is not None and not s.dry_run:
            intro += " " + self.tr("This continues the unfinished run in {folder}; users it already wrote are "
                                   "reported as set and not written again.").format(folder=s.resume.path.name)
        self.intro.setText(intro)
        self.cancel_button.setEnabled(False)
        self.bar.setRange(0, max(n, 1))
        self.bar.setValue(0)
        self._shown = (0, 0)  # (done, failed) on screen: a late, older progress never takes it back
        self.status.setText(self.tr("Starting: each user is read once more just before it is written…"))
        self.failure_log.clear()
        self.throttle_label.hide()
        self._throttled_until = 0.0
        QTimer.singleShot(0, self.start)  # the Confirm page's button was the go-ahead

    def start(self) -> None:
        s = self.session
        wizard = self.wizard()
        if wizard is None or wizard.currentPage() is not self or self.is_busy() or s.flow.run_finished:
            return
        if not (s.flow.confirmed or s.dry_run):
            return
        self.cancel_button.setEnabled(True)
        self._started = time.monotonic()
        # resume: the unfinished run the admin chose to continue on the Check page (None: a new run)
        job = services.apply_job(s.secret, s.prepared, s.dry_run, resume=s.resume is not None,
                                 federated_upn_swap=s.federated_upn_swap)
        self.run_job(job, "apply", self.tr("Writing… Next and Back wait until the run ends."),
                     on_progress=self._progress, on_finished=self._finished, on_failed=self._failed)
        self._throttle_timer.start()

    def ask_cancel(self) -> None:
        answer = QMessageBox.question(self, self.tr("Cancel the run?"), self.tr(
            "Stop writing? Requests already sent will finish; users not reached yet are reported as not "
            "attempted, and you can run again later."))
        if answer == QMessageBox.StandardButton.Yes:
            self.cancel_now()

    def cancel_now(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling: waiting for the requests already sent…"))

    def _progress(self, p) -> None:
        """core.run.apply.ApplyProgress: counts, the failures since the last call, and any pause."""
        for row in p.new_failures:
            self.failure_log.appendPlainText(texts.failure_line(row.user_principal_name, texts.row_detail(row)))
        done, failed = max(p.done, self._shown[0]), max(p.failed, self._shown[1])
        self._shown = (done, failed)
        self.bar.setRange(0, max(p.total, 1))
        self.bar.setValue(done)
        self.status.setText(texts.run_status(done, p.total, failed, p.rate, p.eta_s))
        if p.throttled_until:  # epoch seconds
            self._throttled_until = max(self._throttled_until, p.throttled_until)
        self._show_throttle()

    def _show_throttle(self) -> None:
        left = self._throttled_until - time.time()
        if left > 0:
            self.throttle_label.setText(texts.throttle_text(left))
            if self.throttle_label.isHidden():
                self.throttle_notices.append(self.throttle_label.text())
            self.throttle_label.show()
        else:
            self.throttle_label.hide()

    def _finished(self, outcome) -> None:
        """outcome: core.run.lifecycle.RunOutcome (the run folder is complete: journal, report, summary)."""
        self._throttle_timer.stop()
        self.throttle_label.hide()
        s = self.session
        s.result, s.report_path, s.run_dir = outcome.result, outcome.report_path, outcome.run_dir
        s.resume = None  # continued (or ended): a later run is a new one
        s.flow.run_finished = True
        self.cancel_button.setEnabled(False)
        self.status.setText(texts.run_finished(outcome.counts, outcome.cancelled))
        fatal = getattr(outcome.result, "fatal", None)
        if fatal:
            self.error_panel.show_problem(texts.code_text(fatal), texts.code_hint(fatal))
        self.refresh_buttons()

    def _failed(self, exc: BaseException) -> None:
        """Nothing started (another window holds the run, the journal could not be opened): Back leads to
        the Confirm page, where its button tries again."""
        self._throttle_timer.stop()
        self.cancel_button.setEnabled(False)
        self.status.setText("")
        self.show_error(exc)
