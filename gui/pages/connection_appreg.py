"""The Connection page's app-registration buttons (issue 9): "Create it for me", "Renew the secret" when
expiry is near, and an expiry reminder for connections entered by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton

from core.setup.reminder import write_reminder
from gui import texts
from gui.dialogs.appreg import AppRegDialog
from gui.save_location import default_save_path

RENEW_WITHIN_DAYS = 60


def _page_tr(text: str) -> str:  # the Connection page's own context, where its other texts are
    return QCoreApplication.translate("ConnectionPage", text)


class AppRegButtons:
    def __init__(self, page) -> None:
        self.page = page
        self.create_button = QPushButton(_page_tr("Create it for &me…"), page)
        self.create_button.setToolTip(_page_tr("Enter the tenant, then sign in once as an admin: the tool creates "
                                               "the app registration"))
        self.renew_button = QPushButton(_page_tr("Rene&w the secret…"), page)
        self.reminder_button = QPushButton(_page_tr("Expiry remin&der…"), page)
        self.create_button.clicked.connect(lambda: self.open_dialog(renew=False))
        self.renew_button.clicked.connect(lambda: self.open_dialog(renew=True))
        self.reminder_button.clicked.connect(self._ask_reminder_path)
        self.row = QHBoxLayout()
        for button in (self.create_button, self.renew_button, self.reminder_button):
            self.row.addWidget(button)
        self.row.addStretch(1)
        self.dialog: AppRegDialog | None = None
        self.sign_in_options: dict = {}

    def refresh(self) -> None:
        conn = self.page.connection()
        expires = conn.secret_expires
        near = expires is not None and (expires - date.today()).days <= RENEW_WITHIN_DAYS
        self.renew_button.setVisible(bool(conn.client_id) and near)
        self.reminder_button.setVisible(expires is not None and bool(conn.client_id))
        # The app is created in the tenant typed above (and the cloud under Advanced): it must be valid.
        self.create_button.setEnabled("tenant" not in self.page.problems())

    def make_dialog(self, renew: bool) -> AppRegDialog:
        page = self.page
        conn = page.connection()
        store = page.session_secret_store()
        self.dialog = AppRegDialog(conn, store, self._save, page, renew_of=conn if renew else None,
                                   sign_in_options=self.sign_in_options)
        self.dialog.accepted.connect(self._use_result)
        return self.dialog

    def open_dialog(self, renew: bool) -> None:
        self.make_dialog(renew).open()

    def _save(self, conn) -> None:
        if self.page.session.sandbox is None:  # the demo tenant is not worth remembering
            self.page.profiles.save(conn)

    def _use_result(self) -> None:
        """Fill the page with the new connection and go on to the Check page."""
        outcome = self.dialog.outcome if self.dialog else None
        if outcome is None:
            return
        page = self.page
        page.load_connection(outcome.app.connection, outcome.app.secret.value)
        page.remember_box.setChecked(outcome.stored)
        page.mark_keyring_done(outcome.app.connection, outcome.app.secret.value, outcome.stored)
        wizard = page.wizard()
        if wizard is not None and wizard.currentPage() is page:
            wizard.next()

    def _ask_reminder_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.page, _page_tr("Save a calendar reminder"),
                                              default_save_path("renew-secret.ics"), _page_tr("Calendar (*.ics)"))
        if path:
            try:
                self.save_reminder(Path(path))
            except (OSError, ValueError) as exc:  # the output guard (a run's file, a device) or the disk
                title, hint = texts.describe_error(exc)
                QMessageBox.warning(self.page, title, hint)

    def save_reminder(self, path: Path) -> Path:
        conn = self.page.connection()
        return write_reminder(path, conn.secret_expires, conn.tenant, conn.client_id, conn.display_name,
                              connection_name=conn.name, replace=True,  # the file dialog asked before replacing
                              certificate=conn.uses_certificate)
