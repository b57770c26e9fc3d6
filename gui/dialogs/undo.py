"""The "Undo this run…" dialog (issue 10 §2): the run, what an undo would do (a dry run reads every user
first), the UPN-swap choice, the same typed confirmation as the Confirm page, then the undo on a worker
(cancellable; an unfinished undo of the run is continued) and its result, report and run folder.
The safety is core.run.undo's, as for `immutableid-sync undo`."""

from __future__ import annotations

import html
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.planning.statuses import NEEDS_SWAP, counts_as_read, not_back
from core.run.history import PARTLY_UNDONE
from core.run.lifecycle import confirmation_tokens, example_domain, is_confirmed, tenant_domains
from gui import texts
from gui.jobs import services
from gui.jobs.undo import UndoPreparation, prepare_job, undo_job
from gui.jobs.worker import Worker
from gui.widgets.resume_offer import run_started_text


def _label(parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    if name:
        label.setObjectName(name)
    return label


class UndoDialog(QDialog):
    """`run`: a core.run.history.PastRun; `listed_domains`: the tenant's domains from the check (may be
    empty: the users' UPN suffixes are used then, as on the Confirm page)."""

    def __init__(self, conn, secret: str | None, run, tenant_id: str | None = None,
                 listed_domains: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conn, self.secret, self.run, self.tenant_id = conn, secret, run, tenant_id
        self.listed_domains = list(listed_domains or [])
        self.preparation: UndoPreparation | None = None
        self.outcome = None  # core.run.lifecycle.RunOutcome of the latest undo from this dialog
        # an undo without the UPN swap left users that need it: the undo is partial and "Finish the undo"
        # (with the swap ticked) is offered, here and on the Results page
        self.partial = getattr(run, "undo_state", None) == PARTLY_UNDONE
        self.workers: dict[str, Worker] = {}
        self._accepted: frozenset[str] = frozenset()
        self.setWindowTitle(self.tr("Undo a run"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_confirm())
        self.stack.addWidget(self._build_run())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.resize(640, 460)
        self.prepare()

    # Pages ----------------------------------------------------------------------------------------
    def _build_confirm(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        self.run_label = _label(page, "undoRun")
        self.run_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts_label = _label(page, "undoCounts")
        self.counts_label.setAccessibleName(self.tr("What the undo will do"))
        self.swap_box = QCheckBox(self.tr("Use the UPN &swap for users in federated domains"), page)
        self.swap_box.toggled.connect(self._swap_toggled)
        self.swap_note = _label(page)
        self.swap_note.setText(self.tr("It changes those users' UPN briefly (to the tenant's .onmicrosoft.com "
                                       "domain and back), which Microsoft requires to clear their value: two "
                                       "writes each (the UPN away, then the UPN back with the value cleared). "
                                       "The other users take one write each."))
        self.swap_note.setContentsMargins(22, 0, 0, 0)  # under the box's text, not under the box
        self.confirm_label = _label(page)
        self.confirm_edit = QLineEdit(page)
        self.confirm_edit.setAccessibleName(self.tr("Confirmation"))
        self.confirm_edit.textChanged.connect(self._changed)
        self.confirm_label.setBuddy(self.confirm_edit)
        self.problem_label = _label(page, "undoProblem")
        self.problem_label.hide()
        self.busy_label = QLabel(page)
        self.undo_button = QPushButton(self.tr("&Undo the run"), page)
        self.undo_button.clicked.connect(self.start_undo)
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.clicked.connect(self.reject)
        for widget in (self.run_label, self.counts_label, self.swap_box, self.swap_note, self.confirm_label,
                       self.confirm_edit, self.problem_label):
            column.addWidget(widget)
        column.addStretch(1)
        column.addWidget(self.busy_label)
        column.addLayout(_button_row((), (self.undo_button, self.cancel_button)))
        return page

    def _build_run(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        self.status_label = _label(page, "undoStatus")
        self.bar = QProgressBar(page)
        self.bar.setAccessibleName(self.tr("Progress"))
        self.result_label = _label(page, "undoResult")
        self.result_label.setAccessibleName(self.tr("Counts per status"))
        self.note_label = _label(page, "undoNote")
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stop_button = QPushButton(self.tr("&Stop"), page)
        self.stop_button.clicked.connect(self.stop)
        self.export_button = QPushButton(self.tr("&Export report…"), page)
        self.export_button.clicked.connect(self.export)
        self.folder_button = QPushButton(self.tr("&Open the run's folder"), page)
        self.folder_button.clicked.connect(self.open_folder)
        self.finish_button = QPushButton(self.tr("&Finish the undo…"), page)
        self.finish_button.setToolTip(self.tr("Clear the values left, with the UPN swap"))
        self.finish_button.clicked.connect(self.finish_undo)
        self.finish_button.hide()
        self.close_button = QPushButton(self.tr("Close"), page)
        self.close_button.clicked.connect(self.accept)
        for widget in (self.status_label, self.bar, self.result_label, self.note_label):
            column.addWidget(widget)
        column.addStretch(1)
        column.addLayout(_button_row((self.stop_button, self.export_button, self.folder_button),
                                     (self.finish_button, self.close_button)))
        return page

    # Before the undo: the dry run -----------------------------------------------------------------
    def prepare(self) -> None:
        run = self.run
        self.run_label.setText(self.tr("Run of <b>{when}</b> (started from: {face}) · ImmutableIds it set: "
                                       "<b>{n}</b><br>Folder: {folder}").format(
            when=html.escape(run_started_text(run)), face=html.escape(texts.run_face_text(run.face)),
            n=texts.number(run.set_count), folder=html.escape(str(run.path))))
        self.counts_label.setText(self.tr("Reading those users in the tenant (nothing is written yet)…"))
        self._changed()
        self._start("prepare", prepare_job(self.conn, self.secret, run.path, self.tenant_id), self._prepared)

    def _prepared(self, prep: UndoPreparation) -> None:
        self.preparation = prep
        self.busy_label.setText("")
        needs_swap = prep.counts.get("needs_swap", 0) > 0
        self.swap_box.setVisible(needs_swap)
        self.swap_note.setVisible(needs_swap)
        if self.partial and needs_swap:  # finishing a partial undo: what is left needs the swap
            self.swap_box.blockSignals(True)
            self.swap_box.setChecked(True)
            self.swap_box.blockSignals(False)
        self.show_counts()
        self._accepted = confirmation_tokens(self.conn, self.tenant_id, self.domains())
        example = example_domain(self.domains())
        # the Confirm page's own (already translated) words
        if example:
            label = QCoreApplication.translate(
                "ConfirmPage", "To confirm, type the tenant ID <b>{token}</b> or the tenant's domain, e.g. "
                               "<b>{domain}</b>").format(token=html.escape(self.conn.tenant), domain=example)
        else:
            label = QCoreApplication.translate(
                "ConfirmPage", "To confirm, type the tenant exactly as below: <b>{token}</b>").format(
                token=html.escape(self.conn.tenant))
        self.confirm_label.setText(label)
        self._changed()

    def show_counts(self) -> None:
        """What the undo will do, as the UPN swap box says now: the counts follow the box."""
        prep = self.preparation
        if prep is None:
            return
        self.undo_button.setText(self.tr("&Finish the undo") if self.partial else self.tr("&Undo the run"))
        swap = self.swap_box.isChecked()
        lines = [texts.undo_counts(prep.counts, swap)]
        if prep.resume is not None:
            lines.append(self.tr("An earlier undo of this run did not finish; this one continues it "
                                 "({folder}).").format(folder=html.escape(str(prep.resume))))
        if self.run.undone:
            lines.append(self.tr("This run was already undone."))
        elif self.partial:
            lines.append(self.tr("An earlier undo of this run left users in a federated domain: finish it with "
                                 "the UPN swap."))
        if not self.can_undo():
            lines.append(self.tr("Nothing to clear: every value the run set has changed or is gone."))
        else:
            lines.append(self.tr("Users whose value changed since the run, and users that had a value "
                                 "before it, are never touched."))
        self.counts_label.setText("<p>" + "</p><p>".join(lines) + "</p>")

    def _swap_toggled(self, _on: bool) -> None:
        # what will be cleared has changed: the typed confirmation confirmed the old counts, so it goes
        self.confirm_edit.clear()
        self.show_counts()
        self._changed()

    def domains(self) -> list[str]:
        prep = self.preparation
        users = [SimpleNamespace(user_principal_name=u) for u in (prep.upns if prep else [])]
        return tenant_domains(self.listed_domains or (prep.domains if prep else []), users)

    def can_undo(self) -> bool:
        prep = self.preparation
        return prep is not None and not prep.cancelled and (prep.will_clear(self.swap_box.isChecked()) > 0
                                                            or prep.resume is not None)

    def confirmed(self) -> bool:
        return bool(self._accepted) and is_confirmed(self.confirm_edit.text(), self._accepted)

    def _changed(self) -> None:
        ready = self.can_undo() and not self.is_busy()
        self.confirm_edit.setEnabled(ready)
        self.swap_box.setEnabled(ready)
        self.undo_button.setEnabled(ready and self.confirmed())

    # The undo -------------------------------------------------------------------------------------
    def start_undo(self) -> None:
        if not (self.can_undo() and self.confirmed()) or self.is_busy():
            return  # the button is disabled then; a script or a shortcut must not get round it
        self.stack.setCurrentIndex(1)
        self.status_label.setText(self.tr("Clearing the values the run set…"))
        self.bar.setRange(0, 0)
        for button in (self.export_button, self.folder_button, self.close_button):
            button.setEnabled(False)
        self.stop_button.setEnabled(True)
        job = undo_job(self.conn, self.secret, self.run.path, self.tenant_id, upn_swap=self.swap_box.isChecked())
        self._start("undo", job, self._undone, self._progress)

    def _progress(self, p) -> None:
        done, total = p.done, p.total
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        self.status_label.setText(self.tr("Users done: {done} of {total}").format(
            done=texts.number(done), total=texts.number(total)))

    def _undone(self, outcome) -> None:
        self.outcome = outcome
        counts = outcome.counts
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        result = outcome.result
        swaps = sum(1 for r in result.rows if r.reason == NEEDS_SWAP)
        self.partial = bool(swaps)
        if outcome.cancelled:
            self.status_label.setText(self.tr("Undo cancelled."))
        elif swaps:
            self.status_label.setText(self.tr("Undo partly done: {n} users in a federated domain still have the "
                                              "value. Finish the undo with the UPN swap to clear theirs.")
                                      .format(n=texts.number(swaps)))
        else:
            self.status_label.setText(self.tr("Undo finished."))
        self.result_label.setText(texts.results_summary(counts_as_read(counts, result.rows), False))
        notes = [self.tr("Report: {path}").format(path=html.escape(str(outcome.report_path)))]
        parked = len(not_back(result.rows))
        if parked:  # said once: continuing finishes them first
            notes.append(self.tr("{n} users are not back on their own UPN yet (UPN swap). Undo this run again: "
                                 "they are finished first.").format(n=texts.number(parked)))
        elif getattr(result, "fatal", None) or outcome.cancelled:
            notes.append(self.tr("Undo this run again to finish: it continues this undo."))
        self.note_label.setText("<br>".join(notes))
        self._finish_buttons()

    def finish_undo(self) -> None:
        """Back to the confirmation, the run read again and the UPN swap ticked: the users the last undo
        left are the ones cleared now (the typed confirmation is asked again)."""
        if self.is_busy() or not self.partial:
            return
        self.preparation = None
        self.swap_box.blockSignals(True)
        self.swap_box.setChecked(True)
        self.swap_box.blockSignals(False)
        self.confirm_edit.clear()
        self.finish_button.hide()
        self.stack.setCurrentIndex(0)
        self.prepare()

    def _finish_buttons(self) -> None:
        self.stop_button.setEnabled(False)
        self.finish_button.setVisible(self.partial and self.outcome is not None)
        for button in (self.export_button, self.folder_button, self.close_button):
            button.setEnabled(True)
        self.export_button.setEnabled(self.outcome is not None)
        self.folder_button.setEnabled(self.outcome is not None)

    def stop(self) -> None:
        worker = self.workers.get("undo")
        if worker is not None and worker.is_running():
            worker.cancel()
            self.stop_button.setEnabled(False)
            self.status_label.setText(self.tr("Stopping after the requests already sent…"))

    # Files ------------------------------------------------------------------------------------------
    def open_folder(self) -> None:
        if self.outcome is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.outcome.run_dir)))

    def export(self) -> None:
        if self.outcome is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the report"), str(self.outcome.report_path),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> Worker:
        rows = list(self.outcome.result.rows)
        return self._start("export", services.export_job(rows, path), lambda written: self.note_label.setText(
            self.note_label.text() + "<br>" + self.tr("Saved to {path}").format(path=html.escape(str(written)))))

    # Workers --------------------------------------------------------------------------------------
    def _start(self, name: str, job, on_finished, on_progress=None) -> Worker:
        worker = Worker(job, name, self)
        if on_progress is not None:
            worker.progress.connect(on_progress)
        worker.finished.connect(on_finished)
        worker.failed.connect(self._failed)
        worker.done.connect(self._changed)
        self.workers[name] = worker
        worker.start()
        self._changed()
        return worker

    def _failed(self, exc: BaseException) -> None:
        title, hint = texts.describe_error(exc)
        self.busy_label.setText("")
        text = f"<b>{html.escape(title)}</b><br>{html.escape(hint)}"
        if self.stack.currentIndex() == 0:
            self.counts_label.setText("")
            self.problem_label.setText(text)
            self.problem_label.show()
        else:
            self.status_label.setText(text)
            self._finish_buttons()

    def is_busy(self) -> bool:
        return any(w.is_running() for w in self.workers.values())

    def stop_workers(self, wait_ms: int = 60000) -> None:
        for worker in self.workers.values():
            if worker.is_running():
                worker.cancel()
                worker.wait(wait_ms)

    def reject(self) -> None:
        undo = self.workers.get("undo")
        if undo is not None and undo.is_running():
            answer = QMessageBox.question(
                self, self.tr("Stop the undo?"),
                self.tr("Clearing is in progress. Stop after the requests already sent have finished? Undo the "
                        "run again later to finish."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.stop_workers()
        super().reject()

    def accept(self) -> None:
        self.stop_workers()
        super().accept()


def _button_row(left: tuple[QPushButton, ...], right: tuple[QPushButton, ...]) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in left:
        row.addWidget(button)
    row.addStretch(1)
    for button in right:
        row.addWidget(button)
    return row
