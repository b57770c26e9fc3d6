""""Undo an earlier run…": this tenant and app's earlier apply runs that set values, newest first (when,
how many set, started from, where it stands, folder), read on a worker (core.run.history); the chosen one
opens the undo dialog."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.dialogs.undo import UndoDialog
from gui.jobs.undo import history_job
from gui.jobs.worker import Worker
from gui.widgets.resume_offer import run_started_text

COL_WHEN, COL_SET, COL_FACE, COL_STATE, COL_FOLDER = range(5)
RUN_ROLE = Qt.ItemDataRole.UserRole + 1


class UndoRunsDialog(QDialog):
    def __init__(self, conn, secret: str | None, tenant_id: str | None = None,
                 listed_domains: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conn, self.secret, self.tenant_id = conn, secret, tenant_id
        self.listed_domains = list(listed_domains or [])
        self.runs: list = []
        self.worker: Worker | None = None
        self.undo_dialog: UndoDialog | None = None
        self.setWindowTitle(self.tr("Undo an earlier run"))
        self.intro = QLabel(self.tr("Earlier runs that set ImmutableIds in this tenant with this app, newest first. "
                                    "An undo clears only the values a run set that are still unchanged."), self)
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Set"), self.tr("Started from"), self.tr("State"),
                                   self.tr("Folder")])
        self.tree.setAccessibleName(self.tr("Earlier runs"))
        self.tree.itemSelectionChanged.connect(self._changed)
        self.tree.itemDoubleClicked.connect(lambda *_: self.undo_selected())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("&Undo the chosen run…"), self)
        self.undo_button.clicked.connect(self.undo_selected)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.undo_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self.resize(820, 420)
        self.reload()

    def reload(self) -> None:
        self._loading = True
        self.status.setText(self.tr("Reading the run folders…"))
        self.undo_button.setEnabled(False)
        self.worker = Worker(history_job(self.conn, self.tenant_id), "run history", self)
        self.worker.finished.connect(self.show_runs)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def is_loading(self) -> bool:
        return self._loading

    def show_runs(self, runs: list) -> None:
        self._loading = False
        self.runs = list(runs)
        self.tree.clear()
        for run in self.runs:
            item = QTreeWidgetItem([run_started_text(run), texts.number(run.set_count), texts.run_face_text(run.face),
                                    texts.past_run_state(run), run.path.name])
            item.setData(COL_WHEN, RUN_ROLE, run)
            item.setToolTip(COL_FOLDER, str(run.path))
            item.setTextAlignment(COL_SET, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(item)
        for column, width in ((COL_WHEN, 130), (COL_SET, 60), (COL_FACE, 120), (COL_STATE, 150)):
            self.tree.setColumnWidth(column, width)
        if self.runs:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.status.setText("" if self.runs else self.tr("No earlier run of this tenant and app set a value."))
        self._changed()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        title, hint = texts.describe_error(exc)
        self.status.setText(f"{html.escape(title)} {html.escape(hint)}")

    def selected_run(self):
        item = self.tree.currentItem()
        return item.data(COL_WHEN, RUN_ROLE) if item is not None and item.isSelected() else None

    def _changed(self) -> None:
        self.undo_button.setEnabled(self.selected_run() is not None)

    def select(self, run_dir) -> bool:
        """Select the run of this folder (tests, screenshots); False when it is not listed."""
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item.data(COL_WHEN, RUN_ROLE).path == run_dir:
                self.tree.setCurrentItem(item)
                return True
        return False

    def open_undo(self, run) -> UndoDialog:
        """The undo dialog for `run`, shown (not modal to the test: exec() would block it)."""
        self.undo_dialog = UndoDialog(self.conn, self.secret, run, self.tenant_id, self.listed_domains, self)
        self.undo_dialog.finished.connect(lambda _code: self.reload())
        self.undo_dialog.setModal(True)
        self.undo_dialog.show()
        return self.undo_dialog

    def undo_selected(self) -> None:
        run = self.selected_run()
        if run is not None:
            self.open_undo(run)

    def stop_workers(self, wait_ms: int = 30000) -> None:
        for worker in self.findChildren(Worker, "", Qt.FindChildOption.FindDirectChildrenOnly):  # every listing
            if worker.is_running():
                worker.wait(wait_ms)  # reading journals: short, never writes

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name
        self.stop_workers()
        super().done(result)


# From the wizard ------------------------------------------------------------------------------------------
def session_context(session) -> dict:
    """The undo dialogs' connection arguments from the wizard's session (the check gave the tenant id
    and, with Domain.Read.All, the domains)."""
    report = session.check_report
    return {"conn": session.connection, "secret": session.secret,
            "tenant_id": getattr(report, "tenant_id", None),
            "listed_domains": [name for name, _kind in (getattr(report, "domains", None) or [])]}


def open_runs_dialog(session, parent: QWidget) -> UndoRunsDialog:
    dialog = UndoRunsDialog(parent=parent, **session_context(session))
    dialog.setModal(True)
    dialog.show()
    return dialog


def open_undo_dialog(session, run, parent: QWidget) -> UndoDialog:
    dialog = UndoDialog(run=run, parent=parent, **session_context(session))
    dialog.setModal(True)
    dialog.show()
    return dialog
