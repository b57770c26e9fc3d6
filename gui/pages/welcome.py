"""Page 1: what the tool does and does not do, and what to prepare in the Azure portal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from core.setup import unattended
from gui import texts
from gui.i18n import LanguageBox
from gui.pages.base import WizardPage

MS_GUIDE = "https://learn.microsoft.com/entra/identity-platform/quickstart-register-app"


class WelcomePage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(self.tr("Fill in missing ImmutableIds in a Microsoft Entra tenant, safely."))
        self.intro = self.wrapped(self.tr(
            "<p>Before pupils and staff can sign in through an outside identity provider (such as "
            "Skolon), every user in the school's Entra tenant needs an <b>ImmutableId</b>. This tool "
            "fills in the missing ones from the identity provider's export file or from an attribute "
            "the users already have.</p>"
            "<ul><li>It <b>never changes a user that already has an ImmutableId</b>.</li>"
            "<li>It <b>writes nothing before you confirm</b>: you see every user's outcome first, "
            "and a dry run is always available.</li>"
            "<li>Every run leaves a report you can keep.</li></ul>"), self)
        # The quickest way first: one sign-in, and the tool makes the app (issue 9); the portal steps second.
        self.prereq = self.wrapped(self.tr(
            "<p><b>The app registration the tool signs in as.</b> The quickest way: on the next page, enter "
            "the tenant and press <b>Create it for me…</b>, then sign in once as an admin of the school's "
            "tenant. The tool creates the app registration with its permission, grants admin consent, makes "
            "the client secret and fills in the connection: nothing to copy by hand.</p>"
            "<p>Or prepare it yourself in the Azure portal (Microsoft Entra ID → App registrations → New "
            "registration):</p>"
            "<ol><li><b>API permissions</b> → Add a permission → Microsoft Graph → Application "
            "permissions → <b>User.ReadWrite.All</b>, then click <b>Grant admin consent for "
            "&lt;your organisation&gt;</b>.</li>"
            "<li><b>Certificates &amp; secrets</b> → New client secret; copy its <b>Value</b> (not "
            "the Secret ID) at once, and note the expiry date.</li>"
            "<li>From the app's <b>Overview</b>, copy the <b>Application (client) ID</b> and the "
            "<b>Directory (tenant) ID</b>.</li></ol>"
            "<p>Microsoft's guide: <a href=\"{url}\">Register an application</a>. Set ImmutableIds "
            "<b>before</b> you federate the domain.</p>").format(url=MS_GUIDE), self)
        # Saved connections with their unattended runs: a failed scheduled run is said first, at the top.
        self.problems = self.wrapped("", self)
        self.problems.setAccessibleName(self.tr("Problems with scheduled syncs"))
        self.saved = self.wrapped("", self)
        self.saved.setAccessibleName(self.tr("Saved connections"))
        self.body().addWidget(self.problems)
        self.demo_box = self._build_demo_box()
        self.body().addWidget(self.demo_box)
        self.body().addWidget(self.intro)
        self.body().addWidget(self.saved)
        self.body().addWidget(self.prereq)
        self.body().addStretch(1)
        row = QHBoxLayout()
        # The picker's own (already translated) words, so that this row adds no new string.
        label = QLabel(QCoreApplication.translate("LanguageBox", "Language") + ":", self)
        self.language_box = LanguageBox(self)
        label.setBuddy(self.language_box)
        note = QLabel(QCoreApplication.translate("LanguageBox",
                                                 "The language changes when you start the program again."), self)
        row.addWidget(label)
        row.addWidget(self.language_box)
        row.addWidget(note, 1)
        self.body().addLayout(row)
        self.finish_layout()

    def _build_demo_box(self) -> QFrame:
        """In the demo only: what it is, and the way back to its start (gui/demo.py)."""
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        self.demo_label = self.wrapped(self.tr(
            "<b>This is the demo.</b> A made-up school runs on this computer and answers as Microsoft does; "
            "nothing here reaches a real tenant. What you do to it is kept until you reset it, so a run you "
            "stop — or a program you close mid-run — can be continued the next time."), box)
        self.reset_button = QPushButton(self.tr("&Reset the demo…"), box)
        self.reset_button.clicked.connect(self.ask_reset_demo)
        layout = QVBoxLayout(box)
        layout.addWidget(self.demo_label)
        row = QHBoxLayout()
        row.addWidget(self.reset_button)
        row.addStretch(1)
        layout.addLayout(row)
        box.hide()
        return box

    def initializePage(self) -> None:
        self.demo_box.setVisible(self.session.demo is not None)
        self.show_saved_connections()

    def ask_reset_demo(self) -> None:
        answer = QMessageBox.question(self, self.tr("Reset the demo?"), self.tr(
            "The demo school goes back to how it started: every value and UPN the demo's runs changed is as "
            "before, and the demo's runs, reports, saved connection and schedule are deleted. Do you want to "
            "reset it?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.reset_demo()

    def reset_demo(self) -> None:
        demo = self.session.demo
        if demo is None:
            return
        demo.reset(self.session)
        self.sync_wizard().restart()  # every page starts again from the fresh demo (this one re-initialised)

    def show_saved_connections(self) -> None:
        """Each saved connection with its last unattended run, its next scheduled run and any problem."""
        try:
            items = unattended.overview(self.sync_wizard().profiles)
        except OSError:  # an unreadable status file must not keep the wizard from opening
            items = []
        problems = [texts.unattended_failure(i.name, i.every, i.last_run, i.status.problem or "unknown")
                    for i in items if i.status is not None and i.status.failed and i.last_run is not None]
        self.problems.setText("".join(f"<p><b>{_escape(p)}</b></p>" for p in problems))
        self.problems.setVisible(bool(problems))
        lines = [texts.saved_connection_line(i.name, i.last_run, None if i.status is None else not i.status.failed,
                                             i.next_run) for i in items]
        self.saved.setText(f"<p><b>{_escape(self.tr('Saved connections'))}</b></p><ul>"
                           + "".join(f"<li>{_escape(line)}</li>" for line in lines) + "</ul>" if lines else "")
        self.saved.setVisible(bool(lines))


def _escape(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
