"""Page 8: what happened: counts per status, the failures with their hints, the report, retry."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from core.run import lifecycle as runs
from core.run.history import PastRun
from gui import navigation, texts
from gui.dialogs.undo_runs import open_runs_dialog, open_undo_dialog
from gui.models import plan_table
from gui.pages.base import WizardPage
from gui.widgets.keep_in_sync import KeepInSync
from gui.widgets.plan_table_view import PlanTableView


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
        self.table = PlanTableView(self, self.tr("Users that need attention"))
        # After a run the current value is the new one or empty: the room goes to the detail instead.
        self.table.view.setColumnHidden(plan_table.COL_CURRENT, True)
        header = self.table.view.horizontalHeader()
        for column, width in ((plan_table.COL_DISPLAY_NAME, 140), (plan_table.COL_UPN, 200),
                              (plan_table.COL_NEW, 120), (plan_table.COL_STATUS, 110)):
            header.resizeSection(column, width)
        self.table.view.selectionModel().currentChanged.connect(lambda *_: self._show_hint())
        self.body().addWidget(self.table, 1)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.body().addWidget(self.hint_label)
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Export report…"), self)
        self.export_button.clicked.connect(self.export)
        self.folder_button = QPushButton(self.tr("&Open the run's folder"), self)
        self.folder_button.clicked.connect(self.open_folder)
        self.retry_button = QPushButton(self.tr("&Retry the failed ones"), self)
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
        self.undo_dialog = None
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.body().addLayout(row)
        self.body().addLayout(undo_row)
        self.body().addWidget(self.note)
        self.keep_in_sync = KeepInSync(self, self.run_job)  # issue 11: schedule this connection
        self.body().addWidget(self.keep_in_sync)
        self.finish_layout()

    def initializePage(self) -> None:
        s = self.session
        rows = result_rows(s.result)
        counts = runs.count_statuses(rows)
        self.counts_label.setText(texts.results_summary(counts, s.dry_run))
        attention = runs.needs_attention(rows)  # core.run.lifecycle's status groups: the same as the CLI's exit code
        self.table.set_rows(attention if attention else rows)
        self.retry_button.setEnabled(bool(attention) and not s.dry_run)
        self.undo_button.setVisible(can_undo(s))
        self.undo_button.setEnabled(True)
        self.hint_label.setText(self.tr("Select a user to see what to do.") if attention else "")
        if attention:  # the first one's explanation is shown at once
            self.table.view.setCurrentIndex(self.table.proxy.index(0, plan_table.COL_DETAIL))
        notes = [self.tr("Report: {path}").format(path=s.report_path)] if s.report_path else []
        unmatched = len(s.plan.unmatched_rows) if s.plan is not None else 0
        if unmatched and s.run_dir is not None:
            notes.append(self.tr("{n} export rows matched no user: {path}").format(
                n=texts.number(unmatched), path=s.run_dir / runs.UNMATCHED_FILE))
        parked = sum(1 for r in rows if getattr(r, "reason", None) in texts.SWAP_NOT_BACK)
        if parked:  # a fatal stop between the UPN swap's steps: the next run finishes them first
            notes.append(self.tr("{n} users are not back on their own UPN yet (UPN swap). Run again: they are "
                                 "finished first.").format(n=texts.number(parked)))
        self.note.setText("<br>".join(_escape(str(n)) for n in notes))
        swapped = any(getattr(r, "reason", None) == "set_with_swap" for r in rows)
        if s.demo is not None:  # the demo's schedules are recorded, never installed (gui/demo.py)
            self.keep_in_sync.scheduler, self.keep_in_sync.demo = s.demo.scheduler(), True
        self.keep_in_sync.set_connection(s.connection, self.sync_wizard().profiles, swapped)

    def _show_hint(self) -> None:
        index = self.table.view.currentIndex()
        if not index.isValid():
            return
        row = index.data(plan_table.ROW_ROLE)
        detail = texts.row_detail(row)
        hint = texts.status_hint(runs.status_of(row))
        self.hint_label.setText(f"<b>{_escape(row.user_principal_name)}</b>: {_escape(detail)}<br>{_escape(hint)}")

    def export(self) -> None:
        s = self.session
        self.export_rows(result_rows(s.result), str(s.report_path or "report.csv"), self.note,
                         unmatched=s.plan.unmatched_rows if s.plan is not None else None)

    def export_to(self, path: str):
        s = self.session
        return self.save_rows(result_rows(s.result), path, self.note,
                              unmatched=s.plan.unmatched_rows if s.plan is not None else None)

    def open_folder(self) -> None:
        if self.session.run_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.session.run_dir)))

    def this_run(self):
        """The run just done, as the run list shows it (core.run.history.PastRun)."""
        s = self.session
        rows = result_rows(s.result)
        return PastRun(s.run_dir, getattr(s.result, "started", None), runs.count_statuses(rows).get("set", 0),
                       "wizard", True, not runs.needs_attention(rows))

    def undo_this_run(self):
        if not can_undo(self.session):
            return None
        self.undo_dialog = open_undo_dialog(self.session, self.this_run(), self)
        self.undo_dialog.finished.connect(self._undo_closed)
        return self.undo_dialog

    def _undo_closed(self) -> None:
        outcome = self.undo_dialog.outcome if self.undo_dialog is not None else None
        if outcome is not None and not outcome.cancelled and not getattr(outcome.result, "fatal", None):
            self.undo_button.setEnabled(False)  # undone: a second undo would find nothing to clear
            self.note.setText(self.note.text() + "<br>" + _escape(self.tr("This run was undone; the undo's report: "
                                                                          "{path}").format(path=outcome.report_path)))

    def undo_earlier_run(self):
        self.undo_dialog = open_runs_dialog(self.session, self)
        return self.undo_dialog

    def retry(self) -> None:
        self.session.retry_ids = runs.retry_ids(result_rows(self.session.result))
        wizard = self.sync_wizard()
        wizard.go_back_to(navigation.RETRY_PAGE)
        wizard.page_by_id(navigation.RETRY_PAGE).initializePage()


def can_undo(s) -> bool:
    """Only a real (not dry) run that set at least one value can be undone."""
    rows = result_rows(s.result)
    return not s.dry_run and s.run_dir is not None and runs.count_statuses(rows).get("set", 0) > 0


def _escape(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
