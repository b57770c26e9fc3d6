"""Page 5: list the users and build the plan in the background; show every user's outcome."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from gui import texts
from gui.jobs import services
from gui.pages.base import WizardPage
from gui.save_location import default_save_path
from gui.widgets.plan_table_view import PlanTableView

LISTING_REUSE_S = 300  # a listing this recent stands for the preview; Reload always lists afresh


class PreviewPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("What would happen to every user. Nothing has been written yet."))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.body().addWidget(self.summary)
        self.swap_note = self.wrapped("", self)  # federated users the UPN swap could set (issue 10 §1)
        self.swap_note.setAccessibleName(self.tr("UPN swap"))
        self.swap_note.hide()
        self.body().addWidget(self.swap_note)
        self.warnings = self.wrapped("", self)
        self.warnings.setAccessibleName(self.tr("Warnings"))
        self.warnings.hide()
        self.body().addWidget(self.warnings)
        self.table = PlanTableView(self, self.tr("Preview of every user"))
        self.body().addWidget(self.table, 1)
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Export preview report…"), self)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        self.reload_button = QPushButton(self.tr("Re&load"), self)
        self.reload_button.clicked.connect(lambda: self.start_preview(reuse_listing=False))
        self.export_note = QLabel(self)
        self.export_note.setWordWrap(True)
        row.addWidget(self.export_button)
        row.addWidget(self.reload_button)
        row.addWidget(self.export_note, 1)
        self.body().addLayout(row)
        self.finish_layout()

    def initializePage(self) -> None:
        # The Source page has just listed every user; listing a big tenant again costs a minute on
        # real Graph, and the write step re-reads everyone before writing anyway.
        self.start_preview(reuse_listing=True)

    def cleanupPage(self) -> None:
        self.cancel_job(wait_ms=30000)

    def start_preview(self, reuse_listing: bool = False) -> None:
        s = self.session
        s.plan, s.flow.plan_ready = None, False
        s.federated_upn_swap = False  # a new plan: the swap is chosen again on the Confirm page
        self.table.set_rows([])
        self.summary.setText("")
        self.swap_note.hide()
        self.warnings.hide()
        self.export_note.setText("")
        self.export_button.setEnabled(False)
        self.reload_button.setEnabled(False)
        job = services.preview_job(s.connection, s.secret, s.source, s.csv_table,
                                   users=s.recent_users(LISTING_REUSE_S) if reuse_listing else None)
        self.run_job(job, "preview", self.tr("Reading the tenant's users…"),
                     on_progress=self._progress, on_finished=self._planned, on_failed=self._failed)

    def _progress(self, p) -> None:
        if p.phase == "listing":
            self.busy.update_progress(self.tr("Reading the tenant's users… {n} so far").format(
                n=texts.number(p.done)), p.done, getattr(self.session.check_report, "user_count", None))
        else:
            self.busy.update_progress(self.tr("Working out what to do for each user… {done} of {total}").format(
                done=texts.number(p.done), total=texts.number(p.total or 0)), p.done, p.total)

    def _planned(self, result) -> None:
        plan = result.plan
        if result.listed is not None:
            self.session.remember_listing(result.listed)
        self.session.plan, self.session.prepared = plan, result.prepared
        self.session.flow.plan_ready = True
        self.session.flow.writes_planned = len(plan.to_write())
        self.table.set_rows(plan.rows, result.counts, result.search_texts)
        self.summary.setText(texts.plan_summary(result.counts, len(plan.rows)))
        swappable = len(plan.swappable())
        self.swap_note.setText(texts.swap_preview_note(swappable))
        self.swap_note.setVisible(swappable > 0)
        self._show_warnings(result.prepared)
        self.export_button.setEnabled(True)
        self.reload_button.setEnabled(True)
        self.refresh_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.reload_button.setEnabled(True)
        self.show_error(exc)

    def _show_warnings(self, prepared) -> None:
        """The prepare step's warnings (core.run.prepare: what the command line prints too) — export rows
        that matched no user among them; the export button saves those rows beside the report."""
        warnings = prepared.warnings(upn_swap=False)
        self.warnings.setText("".join(f"<p>⚠ {texts.plan_warning_text(w)}</p>" for w in warnings))
        self.warnings.setVisible(bool(warnings))

    def export(self) -> None:
        plan = self.session.plan
        self.export_rows(plan.rows, default_save_path("preview-report.csv"), self.export_note,
                         unmatched=plan.unmatched_rows, title=self.tr("Export the preview report"))

    def export_to(self, path: str):
        plan = self.session.plan
        return self.save_rows(plan.rows, path, self.export_note, unmatched=plan.unmatched_rows)
