"""The offer to continue an unfinished run (killed, crashed, power cut), shown once the connection is
known: "An unfinished run from 11/28/2026 2:02 PM — 4,210 of 9,800 done". Offered only when the tenant
holds the run's marks (gui/jobs/resume.py); a run of this tenant id that the tenant does not bear out is
named, not offered. The admin chooses; the choice is what the Run page then does (core.run.lifecycle
continues the same run folder and journal)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from gui import texts


def run_started_text(run) -> str:  # run: core.run.lifecycle.UnfinishedRun or core.run.history.PastRun
    """When the run started, as the whole UI writes a moment (texts.date_time_text)."""
    return "?" if run.started is None else texts.date_time_text(run.started)


class ResumeOffer(QFrame):
    """Hidden until `offer(finding)`; `chosen(bool)` says whether the admin wants to continue the run."""

    chosen = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
        self.button = QPushButton(self)
        self.button.clicked.connect(self._toggle)
        # the sentence on its own line, the button under it: neither squeezes the other (Swedish is longer)
        column = QVBoxLayout(self)
        column.addWidget(self.label)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        column.addLayout(row)
        self.run = None
        self.accepted = False
        self.hide()

    def offer(self, finding) -> None:
        """`finding`: gui.jobs.resume.ResumeFinding (or None: nothing to say)."""
        self.run, self.accepted = getattr(finding, "run", None), False
        self.button.setVisible(self.run is not None)
        if self.run is not None:
            self._show_state()
        elif getattr(finding, "foreign", None) is not None:
            self.label.setText(self.tr(
                "An unfinished run from {when} names this tenant, but nothing it wrote is in the tenant: the "
                "tenant was made again, reset or restored since. It is not offered; a new run starts afresh. "
                "(Its folder: {folder})").format(when=run_started_text(finding.foreign),
                                                 folder=finding.foreign.path.name))
        elif getattr(finding, "unchecked", None) is not None:
            self.label.setText(self.tr(
                "An unfinished run from {when} was found, but it could not be compared with the tenant: {error}. "
                "Press Retry the checks to try again.").format(when=run_started_text(finding.unchecked),
                                                               error=texts.describe_error(finding.error)[0]))
        self.setVisible(finding is not None and any(
            getattr(finding, name, None) is not None for name in ("run", "foreign", "unchecked")))

    def _toggle(self) -> None:
        self.accepted = not self.accepted
        self._show_state()
        self.chosen.emit(self.accepted)

    def _show_state(self) -> None:
        run = self.run
        if run is None:
            return
        done = texts.number(run.done)
        if run.total:
            what = self.tr("An unfinished run from {when} — {done} of {total} done.").format(
                when=run_started_text(run), done=done, total=texts.number(run.total))
        else:
            what = self.tr("An unfinished run from {when} — {done} done.").format(when=run_started_text(run),
                                                                                   done=done)
        if self.accepted:
            self.label.setText(what + " " + self.tr("<b>It will be continued</b> with the same source: go on "
                                                    "with Next. Users it already wrote are not written again."))
            self.button.setText(self.tr("Start a &new run instead"))
        else:
            self.label.setText(what + " " + self.tr("Do you want to continue it, so that its report covers "
                                                    "every user?"))
            self.button.setText(self.tr("C&ontinue the run"))
        self.label.updateGeometry()
        self.updateGeometry()
