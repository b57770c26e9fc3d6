"""Page 8: what happened: counts per status, the failures with their hints, the report, retry."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from core.planning.statuses import (
    ATTENTION_STATUSES,
    count_statuses,
    needs_attention,
    not_back,
    retry_ids,
)
from core.run.folders import UNMATCHED_FILE
from core.run.history import NOT_UNDONE, PARTLY_UNDONE, UNDONE, PastRun
from gui import navigation, texts
from gui.dialogs.undo_runs import open_runs_dialog, open_undo_dialog
from gui.models import plan_table
from gui.pages.base import WizardPage
from gui.save_location import default_save_path
from gui.widgets.keep_in_sync import KeepInSync
from gui.widgets.path_line import PathLine
from gui.widgets.plan_table_view import PlanTableView

ATTENTION = "attention"  # the table's filter for core.planning.statuses.ATTENTION_STATUSES


def result_rows(result) -> list:
    """The per-user rows of an apply result (core.run.apply.ApplyResult), or none yet."""
    return list(getattr(result, "rows", None) or [])


class ResultsPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Results"))
        self.setSubTitle(self.tr("What was done. The report is saved in the run's folder."))
        self.counts_label = self.wrapped("", self)
        self.counts_label.setAccessibleName(self.tr("Counts per status"))
        self.body().addWidget(self.counts_label)
        self.table = PlanTableView(self, self.tr("Every user, those that need attention first"))
        # After a run the current value is the new one or empty: the room goes to the detail instead.
        self.table.view.setColumnHidden(plan_table.COL_CURRENT, True)
        self.table.add_group(ATTENTION, self.tr("Needs attention"), ATTENTION_STATUSES)
        self.body().addWidget(self.table, 1)
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Export report…"), self)
        self.export_button.clicked.connect(self.export)
        self.folder_button = QPushButton(self.tr("&Open the run's folder"), self)
        self.folder_button.clicked.connect(self.open_folder)
        self.retry_button = QPushButton(self.tr("Re&try the failed ones"), self)
        self.retry_button.clicked.connect(self.retry)
        for button in (self.export_button, self.folder_button, self.retry_button):
            row.addWidget(button)
        row.addStretch(1)
        # issue 10 §2: undo a real run that set values; or any earlier run of this tenant and app
        undo_row = QHBoxLayout()
        self.undo_button = QPushButton(self.tr("&Undo this run…"), self)
        self.undo_button.clicked.connect(self.undo_this_run)
        self.undo_earlier_button = QPushButton(self.tr("Undo an ear&lier run…"), self)
        self.undo_earlier_button.clicked.connect(self.undo_earlier_run)
        undo_row.addWidget(self.undo_button)
        undo_row.addWidget(self.undo_earlier_button)
        undo_row.addStretch(1)
        # issue 18: the optional last step (gui/dialogs/federate.py)
        self.federate_button = QPushButton(self.tr("Fe&derate the domain with Skolon…"), self)
        self.federate_button.clicked.connect(self.open_federation)
        self.federate_dialog = None
        undo_row.addWidget(self.federate_button)
        self.undo_dialog = None
        self.undo_state = NOT_UNDONE  # of this run, by the undos started from this page
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.folder_line = PathLine(self.tr("Run folder:"), self)
        self.body().addLayout(row)
        self.body().addLayout(undo_row)
        self.body().addWidget(self.folder_line)
        self.body().addWidget(self.note)
        self.keep_in_sync = KeepInSync(self, self.run_job)  # issue 11: schedule this connection
        self.body().addWidget(self.keep_in_sync)
        self.finish_layout()

    def initializePage(self) -> None:
        s = self.session
        rows = result_rows(s.result)
        counts = count_statuses(rows)
        self.counts_label.setText(texts.results_summary(counts, s.dry_run))
        attention = needs_attention(rows)  # core.planning.statuses: the same groups as the CLI's exit code
        # Every user is in the table, as the counts above are; those that need attention are shown first.
        self.table.set_rows(rows)
        self.table.show_status(ATTENTION if attention else None)
        self.retry_button.setEnabled(bool(attention) and not s.dry_run)
        self.undo_state = NOT_UNDONE
        self.undo_button.setVisible(can_undo(s))
        self.show_undo_state()
        if attention:  # the first one's explanation is shown at once
            self.table.view.setCurrentIndex(self.table.proxy.index(0, plan_table.COL_DETAIL))
        self.folder_line.set_path(s.run_dir)
        # the files by name: their folder is the line above (with Copy)
        notes = [self.tr("Report: {path}").format(path=s.report_path.name)] if s.report_path else []
        unmatched = len(s.plan.unmatched_rows) if s.plan is not None else 0
        if unmatched and s.run_dir is not None:
            notes.append(self.tr("{n} export rows matched no user: {path}").format(
                n=texts.number(unmatched), path=UNMATCHED_FILE))
        parked = len(not_back(rows))
        if parked:  # a fatal stop between the UPN swap's steps: the next run finishes them first
            notes.append(self.tr("{n} users are not back on their own UPN yet (UPN swap). Run again: they are "
                                 "finished first.").format(n=texts.number(parked)))
        self.note.setText("<br>".join(_escape(str(n)) for n in notes))
        swapped = any(getattr(r, "reason", None) == "set_with_swap" for r in rows)
        if s.demo is not None:  # the demo's schedules are recorded, never installed (gui/demo.py)
            self.keep_in_sync.scheduler, self.keep_in_sync.demo = s.demo.scheduler(), True
        self.keep_in_sync.set_connection(s.connection, self.sync_wizard().profiles, swapped)

    def export(self) -> None:
        """A copy of the report where the user keeps things (Documents), named for the run; never over the
        run's own files."""
        s = self.session
        name = f"{s.run_dir.name}-report.csv" if s.run_dir is not None else "report.csv"
        self.export_rows(result_rows(s.result), default_save_path(name), self.note,
                         unmatched=s.plan.unmatched_rows if s.plan is not None else None)

    def export_to(self, path: str):
        s = self.session
        return self.save_rows(result_rows(s.result), path, self.note,
                              unmatched=s.plan.unmatched_rows if s.plan is not None else None)

    def open_folder(self) -> None:
        """Open the run's folder in the file manager; where none answers (a bare desktop), say so: the path
        is always shown on the page, with Copy."""
        folder = self.folder_line.path  # the run's, or after an undo the undo's
        if not folder:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(folder)):
            self.note.setText(self.tr("No file manager opened the folder. Its path is shown above: Copy puts it "
                                      "on the clipboard."))

    def this_run(self):
        """The run just done, as the run list shows it (core.run.history.PastRun)."""
        s = self.session
        rows = result_rows(s.result)
        return PastRun(s.run_dir, getattr(s.result, "started", None), count_statuses(rows).get("set", 0),
                       "wizard", True, not needs_attention(rows), self.undo_state)

    def show_undo_state(self) -> None:
        """Undo this run…, Finish the undo… after a partial undo (users left that need the UPN swap), or
        greyed out once it is undone whole."""
        partial = self.undo_state == PARTLY_UNDONE
        self.undo_button.setText(self.tr("&Finish the undo…") if partial else self.tr("&Undo this run…"))
        self.undo_button.setEnabled(self.undo_state != UNDONE)

    def undo_this_run(self):
        if not can_undo(self.session):
            return None
        self.undo_dialog = open_undo_dialog(self.session, self.this_run(), self)
        self.undo_dialog.finished.connect(self._undo_closed)
        return self.undo_dialog

    def _undo_closed(self) -> None:
        """After an undo the page points at the latest report: the undo's, in the undo's folder."""
        dialog = self.undo_dialog
        outcome = dialog.outcome if dialog is not None else None
        if outcome is None:
            return
        done = not outcome.cancelled and not getattr(outcome.result, "fatal", None)
        if dialog.partial:
            self.undo_state = PARTLY_UNDONE
            said = self.tr("This run was partly undone: users in a federated domain still have their value. "
                           "Finish the undo with the UPN swap.")
        elif done:
            self.undo_state = UNDONE
            said = self.tr("This run was undone.")
        else:  # stopped: the next undo continues it
            said = self.tr("The undo of this run did not finish: undo it again to continue.")
        self.show_undo_state()
        self.folder_line.set_path(outcome.run_dir)
        self.note.setText(_escape(said) + "<br>" + _escape(self.tr("The undo's report: {path}").format(
            path=outcome.report_path.name)))

    def open_federation(self):
        from gui.dialogs.federate import open_federate_dialog

        self.federate_dialog = open_federate_dialog(self.session, self)
        return self.federate_dialog

    def undo_earlier_run(self):
        self.undo_dialog = open_runs_dialog(self.session, self)
        return self.undo_dialog

    def retry(self) -> None:
        self.session.retry_ids = retry_ids(result_rows(self.session.result))
        wizard = self.sync_wizard()
        wizard.go_back_to(navigation.RETRY_PAGE)
        wizard.page_by_id(navigation.RETRY_PAGE).initializePage()


def can_undo(s) -> bool:
    """Only a real (not dry) run that set at least one value can be undone."""
    rows = result_rows(s.result)
    return not s.dry_run and s.run_dir is not None and count_statuses(rows).get("set", 0) > 0


def _escape(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
