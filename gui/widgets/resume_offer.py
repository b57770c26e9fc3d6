"""The offer to continue an unfinished run (killed, crashed, power cut), shown once the connection is
known: "Continue the run from 28 Nov, 14:02 — 4,210 of 9,800 done". The admin chooses; the choice is
what the Run page then does (core.run.lifecycle continues the same run folder and journal)."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from gui import texts


def run_started_text(run) -> str:  # run: core.run.lifecycle.UnfinishedRun
    """When the run started, local time, month by name in the user's language ("28 Nov, 14:02"; the
    year too when it is not this one) — a date an admin recognises at a glance."""
    if run.started is None:
        return "?"
    when = QDateTime.fromSecsSinceEpoch(int(run.started.timestamp())).toLocalTime()
    this_year = when.date().year() == QDateTime.currentDateTime().date().year()
    return QLocale().toString(when, "d MMM, HH:mm" if this_year else "d MMM yyyy, HH:mm")


class ResumeOffer(QFrame):
    """Hidden until `offer(run)`; `chosen(bool)` says whether the admin wants to continue it."""

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

    def offer(self, run) -> None:
        self.run, self.accepted = run, False
        self._show_state()
        self.setVisible(run is not None)

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
            self.label.setText(what + " " + self.tr("Continue it, so that its report covers every user?"))
            self.button.setText(self.tr("C&ontinue the run"))
        self.label.updateGeometry()
        self.updateGeometry()
