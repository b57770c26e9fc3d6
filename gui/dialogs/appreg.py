"""The "Create it for me" / "Renew the secret" dialog (issue 9): the choices, one admin sign-in with
progress, and the handover for Skolon Data Hub. The secret is never shown in the dialog: it reaches the
clipboard only when the admin clicks "Copy for Skolon Data Hub". While the job runs, Cancel (the button,
Esc, closing the dialog) cancels it: the sign-in's listener closes at once, and what was created by then
is named with how to delete it (issue 16). A browser that could not be opened gets the link with Copy."""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.graph.connection import GUID_RE, Connection
from core.graph.signin import DEFAULT_SIGN_IN_CLIENT_ID
from core.setup.appreg import DEFAULT_NAME, OPTIONAL_ROLES, Options
from core.setup.reminder import write_reminder
from core.setup.secrets import SecretStore
from gui import texts
from gui.jobs.appreg import AppRegOutcome, create_job, renew_job
from gui.jobs.worker import Worker
from gui.save_location import default_save_path

log = logging.getLogger(__name__)


def _label(parent: QWidget, text: str = "", name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class AppRegDialog(QDialog):
    """`renew_of`: the saved connection whose secret is renewed; None = create a new app for `base`."""

    def __init__(self, base: Connection, store: SecretStore, save, parent: QWidget | None = None,
                 renew_of: Connection | None = None, sign_in_options: dict | None = None) -> None:
        super().__init__(parent)
        self.base, self.store, self.save, self.renew_of = base, store, save, renew_of
        self.sign_in_options = sign_in_options or {}
        self.outcome: AppRegOutcome | None = None
        self.worker: Worker | None = None
        self.setWindowTitle(self.tr("Renew the client secret") if renew_of else self.tr("Create the app registration"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_choices())
        self.stack.addWidget(self._build_progress())
        self.stack.addWidget(self._build_handover())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.resize(560, 380)

    # Pages ----------------------------------------------------------------------------------------
    def _build_choices(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        intro = self.tr("You sign in once, as an admin of the school's tenant (Global Administrator, or "
                        "Privileged Role Administrator and Application Administrator). The tool then creates "
                        "the app registration, its secret and the admin consent, and keeps the secret in this "
                        "computer's keychain.") if not self.renew_of else self.tr(
            "You sign in once, as an admin. The tool adds a new secret to the app, checks that it works and "
            "keeps it in this computer's keychain.")
        form.addRow(_label(page, intro))
        self.name_edit = QLineEdit(DEFAULT_NAME, page)
        self.name_edit.setAccessibleName(self.tr("App name"))
        self.optional_boxes = [QCheckBox(self.tr("Also {role} (recommended)").format(role=r), page)
                               for r in OPTIONAL_ROLES]
        for box in self.optional_boxes:
            box.setChecked(True)
        if not self.renew_of:
            form.addRow(self.tr("App &name:"), self.name_edit)
            form.addRow(self.tr("Permissions:"), _label(page, "User.ReadWrite.All"))
            for box in self.optional_boxes:
                form.addRow("", box)
        else:  # not in the layout: keep them from showing up at the page's corner
            for widget in (self.name_edit, *self.optional_boxes):
                widget.hide()
        self.years_spin = QSpinBox(page)
        self.years_spin.setRange(1, 10)
        self.years_spin.setValue(3)
        self.years_spin.setSuffix(self.tr(" years"))
        form.addRow(self.tr("Secret &valid for:"), self.years_spin)
        self.remove_old_box = QCheckBox(self.tr("Then delete the old secret"), page)
        if self.renew_of:
            form.addRow("", self.remove_old_box)
        else:
            self.remove_old_box.hide()
        # graph-facts §10: Microsoft Graph Command Line Tools by default; a school may prefer its own client.
        self.client_id_edit = QLineEdit(DEFAULT_SIGN_IN_CLIENT_ID, page)
        self.client_id_edit.setAccessibleName(self.tr("Sign-in client ID"))
        self.client_id_edit.setToolTip(self.tr("The public client that signs you in. Leave it, or use your own "
                                               "client ID (a public client with http://localhost as redirect URI)."))
        form.addRow(self.tr("Sign-in &client ID:"), self.client_id_edit)
        self.sign_in_button = QPushButton(self.tr("&Sign in with Microsoft"), page)
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.start)
        form.addRow("", self.sign_in_button)
        return page

    def _build_progress(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.step_label = _label(page, name="appregStep")
        self.url_label = _label(page, name="appregUrl")
        self.url_label.setOpenExternalLinks(True)
        self.url_label.hide()
        self.no_browser_label = _label(page, name="appregNoBrowser")
        self.no_browser_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_link_button = QPushButton(self.tr("Copy the &link"), page)
        self.copy_link_button.clicked.connect(self.copy_link)
        self.sign_in_url = ""
        self.warning_label = _label(page, name="appregWarning")
        self.error_label = _label(page, name="appregError")
        self.cancel_button = QPushButton(self.tr("&Cancel"), page)
        self.cancel_button.clicked.connect(self.cancel_job)
        self.close_button = QPushButton(self.tr("Close"), page)
        self.close_button.clicked.connect(self.reject)
        for widget in (self.no_browser_label, self.copy_link_button, self.warning_label, self.error_label,
                       self.close_button):
            widget.hide()
        for widget in (self.step_label, self.url_label, self.no_browser_label, self.copy_link_button,
                       self.warning_label, self.error_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.close_button)
        return page

    def _build_handover(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.summary_label = _label(page, name="appregSummary")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keyring_label = _label(page, name="appregKeyring")
        self.copy_button = QPushButton(self.tr("&Copy for Skolon Data Hub"), page)
        self.copy_button.clicked.connect(self.copy_handover)
        self.copied_label = _label(page)
        self.reminder_button = QPushButton(self.tr("Save a calendar &reminder…"), page)
        self.reminder_button.clicked.connect(self._ask_reminder_path)
        self.done_button = QPushButton(self.tr("C&ontinue to the check"), page)
        self.done_button.setDefault(True)
        self.done_button.clicked.connect(self.accept)
        for widget in (self.summary_label, self.keyring_label, self.copy_button, self.copied_label,
                       self.reminder_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.done_button)
        return page

    # The work -------------------------------------------------------------------------------------
    def options(self) -> Options:
        optional = tuple(r for r, box in zip(OPTIONAL_ROLES, self.optional_boxes, strict=True) if box.isChecked())
        return Options(name=self.name_edit.text().strip() or DEFAULT_NAME, secret_years=self.years_spin.value(),
                       optional_roles=optional)

    def keyring_choice_ok(self) -> bool:
        """No keychain: the admin chooses to have the secret shown once (Copy for Skolon Data Hub) or to
        cancel before anything is created."""
        if self.store.persistent:
            return True
        answer = QMessageBox.question(
            self, self.tr("No keychain"),
            self.tr("This computer has no keychain to keep the new secret in. Go on, and the secret can be "
                    "copied once, on the last step, and never again? Or cancel: nothing is created."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def start(self) -> None:
        if not self.keyring_choice_ok():
            self.reject()
            return
        client_id = self.client_id_edit.text().strip().lower()
        if GUID_RE.match(client_id):
            self.sign_in_options = {**self.sign_in_options, "client_id": client_id}
        if self.renew_of is not None:
            job = renew_job(self.renew_of, self.years_spin.value(), self.remove_old_box.isChecked(), self.store,
                            self.save, self.sign_in_options)
        else:
            job = create_job(self.base, self.options(), self.store, self.save, self.sign_in_options)
        self.stack.setCurrentIndex(1)
        self.worker = Worker(job, "app registration", self)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def _progress(self, event: tuple) -> None:
        if event[0] == "no_browser":
            self._show_no_browser(event[1])
        elif event[0] == "step" and event[1] == "appreg_same_name":
            self.warning_label.setText(texts.appreg_step(event[1], event[2]))
            self.warning_label.show()
        elif event[0] == "url":
            words = self.tr("the sign-in page")
            self.url_label.setText(self.tr("If no browser window opened, open {link}.").format(
                link=f'<a href="{html.escape(event[1])}">{html.escape(words)}</a>'))
            self.url_label.setToolTip(event[1])
            self.url_label.show()
        else:
            self.step_label.setText(texts.appreg_step(event[1], event[2]))
            if event[1] != "appreg_signin":  # signed in: the address is of no use any more
                for widget in (self.url_label, self.no_browser_label, self.copy_link_button):
                    widget.hide()

    def _show_no_browser(self, url: str) -> None:
        """No browser could be started here: the admin opens the link in one on this same computer."""
        self.sign_in_url = url
        self.url_label.hide()
        self.step_label.setText(self.tr("No web browser could be opened on this computer."))
        self.no_browser_label.setText(self.tr(
            "Copy the link below and open it in a web browser on this same computer, then sign in as an admin. "
            "The answer comes back to this program through http://localhost, so a browser on another device "
            "cannot finish the sign-in.") + "\n\n" + url)
        self.no_browser_label.show()
        self.copy_link_button.show()

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.sign_in_url)
        self.copy_link_button.setText(self.tr("Link copied"))

    def cancel_job(self) -> None:
        """Cancel while it runs: the job stops within moments and `_failed` then says what exists."""
        if self.worker is not None and self.worker.is_running():
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.step_label.setText(self.tr("Cancelling…"))

    def _failed(self, exc: BaseException) -> None:
        title, hint = texts.appreg_failure(exc)
        self.step_label.setText(title)
        self.error_label.setText(hint)
        for widget in (self.url_label, self.no_browser_label, self.copy_link_button, self.cancel_button):
            widget.hide()
        self.error_label.show()
        self.close_button.show()

    def _finished(self, outcome: AppRegOutcome) -> None:
        self.outcome = outcome
        conn, secret = outcome.app.connection, outcome.app.secret
        lines = [self.tr("Client ID: {v}").format(v=conn.client_id), self.tr("Tenant ID: {v}").format(v=conn.tenant)]
        if secret.is_certificate:
            if outcome.app.secrets_blocked:
                lines.append(self.tr("This tenant's policy does not allow client secrets, so the app signs in with "
                                     "a certificate made on this computer."))
            lines.append(self.tr("The certificate expires on: {v}").format(v=texts.date_text(secret.expires.date())))
            if outcome.app.capped:
                lines.append(self.tr("The tenant's policy does not allow longer certificates."))
            lines.append(self.tr("Skolon Data Hub may accept only a client secret: ask Skolon whether it can use a "
                                 "certificate."))
        else:
            lines.append(self.tr("The secret expires on: {v}").format(v=texts.date_text(secret.expires.date())))
            if outcome.app.capped:
                lines.append(self.tr("The tenant's policy does not allow longer secrets."))
        if outcome.app.same_name:
            lines.append(self.warning_label.text())
        self.summary_label.setText("\n".join(lines))
        kept = self.tr("The certificate's private key is kept in this computer's keychain.") \
            if secret.is_certificate else self.tr("The secret is kept in this computer's keychain.")
        self.keyring_label.setText(kept if outcome.stored else
                                   self.tr("Warning: this computer has no keychain. Copy the secret now (Copy for "
                                           "Skolon Data Hub): it cannot be shown again after this window closes."))
        self.stack.setCurrentIndex(2)

    # Handover -------------------------------------------------------------------------------------
    def handover_text(self) -> str:
        app = self.outcome.app
        expires = app.secret.expires.date().isoformat()  # ISO: pasted into Data Hub
        if app.secret.is_certificate:  # never the private key
            return texts.skolon_handover_certificate(app.connection.tenant, app.connection.client_id,
                                                     app.connection.cert_thumbprint or "", expires)
        return texts.skolon_handover(app.connection.tenant, app.connection.client_id, app.secret.value, expires)

    def copy_handover(self) -> None:
        """The only place the secret appears, and only on this explicit click."""
        QGuiApplication.clipboard().setText(self.handover_text())
        self.copied_label.setText(self.tr("Copied: paste it into Skolon Data Hub, then copy something else."))

    def _ask_reminder_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a calendar reminder"),
                                              default_save_path("renew-secret.ics"), self.tr("Calendar (*.ics)"))
        if path:
            self.save_reminder(Path(path))

    def save_reminder(self, path: Path) -> None:
        app = self.outcome.app
        try:  # the file dialog asked before replacing; the guard still refuses run files and devices
            write_reminder(path, app.secret.expires.date(), app.connection.tenant, app.connection.client_id,
                           self.renew_of.display_name if self.renew_of else self.options().name,
                           connection_name=app.connection.name, replace=True,
                           certificate=app.secret.is_certificate)
        except (OSError, ValueError) as exc:
            self.copied_label.setText(" ".join(texts.describe_error(exc)))
            return
        self.copied_label.setText(self.tr("Reminder saved: {path}").format(path=str(path)))

    def reject(self) -> None:
        """Esc, the window's close button and Close: while the job runs, the first one cancels it (the
        dialog stays to say what exists); once it has ended, the dialog closes."""
        if self.worker is not None and self.worker.is_running() and not self.worker.cancel_event.is_set():
            self.cancel_job()
            return
        super().reject()

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name
        worker = self.worker
        if worker is not None and worker.is_running():
            # Cancelled and unheard; gui.jobs.worker keeps it until its thread ends, and the wizard joins it.
            worker.detach()
        super().done(result)
