"""Page 8: what happened: counts per status, the failures with their hints, the report, retry."""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from gui import navigation, services, texts
from gui.models import plan_table
from gui.pages.base import WizardPage
from gui.widgets.plan_table_view import PlanTableView

log = logging.getLogger(__name__)
NEEDS_RETRY = ("failed", "not_attempted")


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
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.body().addLayout(row)
        self.body().addWidget(self.note)
        self.finish_layout()

    def initializePage(self) -> None:
        s = self.session
        rows = services.result_rows(s.result)
        counts = services.count_statuses(rows)
        self.counts_label.setText(texts.results_summary(counts, s.dry_run))
        attention = [r for r in rows if services.status_of(r) in NEEDS_RETRY]
        self.table.set_rows(attention if attention else rows)
        self.retry_button.setEnabled(bool(attention) and not s.dry_run)
        self.hint_label.setText(self.tr("Select a user to see what to do.") if attention else "")
        if attention:  # the first one's explanation is shown at once
            self.table.view.setCurrentIndex(self.table.proxy.index(0, plan_table.COL_DETAIL))
        self.note.setText(self.tr("Report: {path}").format(path=s.report_path) if s.report_path else "")

    def _show_hint(self) -> None:
        index = self.table.view.currentIndex()
        if not index.isValid():
            return
        row = index.data(plan_table.ROW_ROLE)
        detail = texts.row_detail(row)
        hint = texts.status_hint(services.status_of(row))
        self.hint_label.setText(f"<b>{_escape(row.user_principal_name)}</b>: {_escape(detail)}<br>{_escape(hint)}")

    def export(self) -> None:
        default = str(self.session.report_path or "report.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the report"), default,
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        try:
            written = services.write_report(services.result_rows(self.session.result), path)
        except OSError as exc:
            log.warning("Export failed", exc_info=True)
            self.show_error(exc)
            return
        self.note.setText(self.tr("Saved to {path}").format(path=written))

    def open_folder(self) -> None:
        if self.session.run_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.session.run_dir)))

    def retry(self) -> None:
        rows = services.result_rows(self.session.result)
        self.session.retry_ids = frozenset(r.object_id for r in rows if services.status_of(r) in NEEDS_RETRY)
        wizard = self.sync_wizard()
        wizard.go_back_to(navigation.RETRY_PAGE)
        wizard.page_by_id(navigation.RETRY_PAGE).initializePage()


def _escape(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
