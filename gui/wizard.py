"""The wizard window: pages registered by id, buttons kept honest, a clean close during a run."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget, QWizard

from core.setup.profiles import ProfileStore
from core.setup.secrets import SecretStore
from gui import navigation
from gui.dialogs.about import show_about
from gui.jobs.worker import stop_all
from gui.navigation import PageId
from gui.pages.base import WizardPage
from gui.pages.check import CheckPage
from gui.pages.confirm import ConfirmPage
from gui.pages.connection import ConnectionPage
from gui.pages.preview import PreviewPage
from gui.pages.results import ResultsPage
from gui.pages.run import RunPage
from gui.pages.source import SourcePage
from gui.pages.welcome import WelcomePage
from gui.session import WizardSession

log = logging.getLogger(__name__)

PAGE_CLASSES: dict[PageId, type[WizardPage]] = {
    PageId.WELCOME: WelcomePage,
    PageId.CONNECTION: ConnectionPage,
    PageId.CHECK: CheckPage,
    PageId.SOURCE: SourcePage,
    PageId.PREVIEW: PreviewPage,
    PageId.CONFIRM: ConfirmPage,
    PageId.RUN: RunPage,
    PageId.RESULTS: ResultsPage,
}


class SyncWizard(QWizard):
    def __init__(self, session: WizardSession | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session or WizardSession()
        # One store each per window: the secret store keeps the in-memory copy when there is no keyring.
        self.secret_store = SecretStore()
        self.profiles = ProfileStore()
        self.setWindowTitle(self.tr("Immutable ID Sync"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, True)
        self.setButtonText(QWizard.WizardButton.HelpButton, self.tr("&About"))
        # our own word for the last button (Qt's Swedish says "Färdig"; a wizard's last step is "Slutför")
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.helpRequested.connect(lambda: show_about(self))
        for page_id, cls in PAGE_CLASSES.items():
            page = cls(self)
            page.page_id = page_id
            self.setPage(page_id, page)
        self.setStartId(PageId.WELCOME)
        self.currentIdChanged.connect(lambda _id: self.update_back_button())
        self._stopping = False
        self.resize(QSize(1000, 700))  # the Preview table fits without a horizontal scroll bar (test_gui_layout)
        self.setMinimumSize(QSize(640, 480))

    def page_by_id(self, page_id: PageId) -> WizardPage:
        return self.page(page_id)  # type: ignore[return-value]

    def current_page(self) -> WizardPage | None:
        page = self.currentPage()
        return page if isinstance(page, WizardPage) else None

    def update_back_button(self) -> None:
        page = self.current_page()
        if page is None:
            return
        back = self.button(QWizard.WizardButton.BackButton)
        back.setEnabled(navigation.can_go_back(page.page_id, self.session.flow))

    def go_back_to(self, target: PageId) -> None:
        """Walk back through the history (QWizard refuses to revisit a page going forward)."""
        while self.currentId() != target and target in self.visitedIds():
            self.back()

    def busy_page(self) -> WizardPage | None:
        page = self.current_page()
        return page if page is not None and page.is_busy() else None

    def confirm_stop(self) -> bool:
        """Before the window goes: during a run, ask; then cancel every job and wait for it to end
        (requests already sent finish). False when the user wants to go on."""
        if self._stopping:
            return True
        page = self.busy_page()
        if page is not None and page.page_id == PageId.RUN:
            answer = QMessageBox.question(
                self, self.tr("Stop the run?"),
                self.tr("Writing is in progress. Stop after the requests already sent have finished? "
                        "Users not reached yet are reported as not attempted."))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self._stopping = True
        self.stop_all_workers()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_stop():
            event.ignore()
            return
        super().closeEvent(event)  # QDialog's closeEvent calls reject(), which then just closes

    def reject(self) -> None:
        # Esc / Cancel asks the same question as closing the window.
        if self.confirm_stop():
            super().reject()

    def showEvent(self, event) -> None:  # noqa: ANN001 - Qt's signature
        self._stopping = False
        super().showEvent(event)

    def stop_all_workers(self) -> None:
        for page_id in PAGE_CLASSES:
            self.page_by_id(page_id).cancel_job(wait_ms=60000)
        for dialog in self.findChildren(QDialog):  # the undo dialogs run their own workers
            stop = getattr(dialog, "stop_workers", None)
            if stop is not None:
                stop()
        stop_all()  # and every other worker: the sign-in of a closed dialog, a dropped job (gui.jobs.worker)
