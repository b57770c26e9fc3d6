"""What every page shares: the session, a busy state that locks Next/Back, an error panel, workers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from gui import navigation, texts
from gui.jobs import services
from gui.jobs.worker import Job, Worker
from gui.navigation import PageId
from gui.session import WizardSession
from gui.widgets.busy import BusyIndicator
from gui.widgets.error_panel import ErrorPanel

if TYPE_CHECKING:
    from gui.wizard import SyncWizard


class WizardPage(QWizardPage):
    page_id: PageId

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker: Worker | None = None  # the most recently started job
        self.workers: dict[str, Worker] = {}
        self._orphans: list[Worker] = []
        self._undelivered: set[Worker] = set()  # started, and their done not yet heard (is_busy)
        self.error_panel = ErrorPanel(self)
        self.busy = BusyIndicator(self)
        # The page's content scrolls when the window is small (or the text large at 200 %), instead of
        # being squeezed; the busy line and the error panel stay visible below it.
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(self._scroll)
        self._layout = QVBoxLayout(content)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addWidget(self._scroll, 1)
        self._outer = outer

    # Layout helpers ---------------------------------------------------------------------------
    def body(self) -> QVBoxLayout:
        return self._layout

    def finish_layout(self) -> None:
        """Busy line and error panel go at the bottom of every page, in the same place."""
        self._outer.addWidget(self.busy)
        self._outer.addWidget(self.error_panel)

    @staticmethod
    def wrapped(text: str, parent: QWidget | None = None) -> QLabel:
        label = QLabel(text, parent)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(True)
        return label

    # Session and flow -------------------------------------------------------------------------
    def sync_wizard(self) -> SyncWizard:
        return self.wizard()  # type: ignore[return-value]

    @property
    def session(self) -> WizardSession:
        return self.sync_wizard().session

    def nextId(self) -> int:
        return navigation.next_page_id(self.page_id, self.session.flow)

    def isComplete(self) -> bool:
        return self.wizard() is not None and navigation.can_leave(self.page_id, self.session.flow) \
            and self.input_complete()

    def validatePage(self) -> bool:
        # QWizard.next() (a keyboard shortcut, a script) does not look at isComplete(): check it here too.
        return self.isComplete() and self.accept_page()

    def accept_page(self) -> bool:
        """Store the page's answers when the user goes on; overridden by pages with input."""
        return True

    def input_complete(self) -> bool:
        """Page-specific validity (fields filled in, valid); overridden by pages with input."""
        return True

    def refresh_buttons(self) -> None:
        self.completeChanged.emit()
        if self.wizard() is not None:
            self.sync_wizard().update_back_button()

    # Background work --------------------------------------------------------------------------
    def run_job(self, job: Job, name: str, waiting_for: str, *,
                on_progress: Callable[[Any], None] | None = None,
                on_finished: Callable[[Any], None] | None = None,
                on_failed: Callable[[BaseException], None] | None = None) -> Worker:
        """Start `job` on a worker; the page is busy (Next/Back locked) until every job ended.
        A job replaces a still-running one of the same name (which is cancelled and no longer heard)."""
        self._drop(name)
        self.error_panel.clear()
        worker = Worker(job, name, self)
        if on_progress:
            worker.progress.connect(on_progress)
        if on_finished:
            worker.finished.connect(on_finished)
        worker.failed.connect(on_failed or self.show_error)
        # pending until its result has reached the page, not only until its thread ended (results_pending)
        self._undelivered.add(worker)
        worker.done.connect(lambda: self._undelivered.discard(worker))
        worker.done.connect(self._job_done)
        self.workers[name] = worker
        self.worker = worker
        self.session.flow.running = True
        self.busy.start(waiting_for)
        self.refresh_buttons()
        worker.start()
        return worker

    def _drop(self, name: str) -> None:
        old = self.workers.pop(name, None)
        if old is not None:
            self._undelivered.discard(old)  # no longer heard
        if old is not None and old.is_running():
            for signal in (old.progress, old.finished, old.failed, old.done):
                signal.disconnect()
            old.cancel()
            self._orphans.append(old)  # keep a reference until its thread ends
            old.done.connect(lambda: self._orphans.remove(old))

    def _job_done(self) -> None:
        # not idle while another job's result is still on its way: the Check page starts "unfinished" from
        # the checks' result, and its late result must not find the flow idle (nor a later page's job)
        if self.results_pending():
            return
        self.session.flow.running = False
        self.busy.stop()
        self.refresh_buttons()

    def cancel_job(self, wait_ms: int = 0) -> None:
        for worker in list(self.workers.values()) + self._orphans:
            if worker.is_running():
                worker.cancel()
                if wait_ms:
                    worker.wait(wait_ms)

    def is_busy(self) -> bool:
        """A job's thread is still running (closing the window waits for these)."""
        return any(w.is_running() for w in self.workers.values())

    def results_pending(self) -> bool:
        """A job was started and its result has not reached the page yet (its thread may have ended: the
        result comes in a queued signal)."""
        return bool(self._undelivered) or self.is_busy()

    # Files ----------------------------------------------------------------------------------------
    def export_rows(self, rows: list[Any], default_path: str, note: QLabel, *, unmatched: list[Any] | None = None,
                    title: str | None = None) -> None:
        """Ask where (the dialog asks before replacing a file), then write the report — and the export rows
        that matched no user beside it — on a worker, never over the source export. The one export of the
        Preview and Results pages."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, title or self.tr("Export the report"), default_path,
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.save_rows(rows, path, note, unmatched=unmatched)

    def save_rows(self, rows: list[Any], path: str, note: QLabel, *, unmatched: list[Any] | None = None) -> Worker:
        source = self.session.source.csv_path if self.session.source.kind == "csv" else None
        note.setText("")
        return self.run_job(services.export_job(rows, path, unmatched, source), "export",
                            self.tr("Saving the report…"),
                            on_finished=lambda written: note.setText(self.tr("Saved to {path}").format(path=written)))

    def show_error(self, exc: BaseException) -> None:
        title, body = texts.describe_error(exc)
        self.error_panel.show_problem(title, body)
