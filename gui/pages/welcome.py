"""Page 1: what the tool does and does not do, and what to prepare in the Azure portal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

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
        self.prereq = self.wrapped(self.tr(
            "<p><b>Prepare an app registration</b> in the Azure portal (Microsoft Entra ID → App "
            "registrations → New registration):</p>"
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

    def initializePage(self) -> None:
        self.show_saved_connections()

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
