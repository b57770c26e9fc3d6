"""Page 2: which tenant and app. Saved profiles, masked secret, Advanced cloud, validation as you type."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from core.graph.clouds import Cloud
from core.graph.connection import Connection
from core.setup.names import name_problem
from core.setup.profiles import SCHEDULE_KEY, ProfileStore
from gui import texts
from gui.pages.base import WizardPage
from gui.pages.connection_appreg import AppRegButtons

log = logging.getLogger(__name__)
NEW_PROFILE = ""  # combo data of the "New connection" entry
# A keychain change the page asks for when the user goes on: ("set"|"delete", tenant, client_id, secret).
KeyringChange = tuple[str, str, str, str]


def keyring_job(call: Callable[..., Any], *args: str):
    """One SecretStore call (get/set/delete) as a worker job: a keychain can take seconds (a locked login
    keychain, a macOS permission prompt, a slow D-Bus) and the window must not freeze meanwhile."""
    def job(progress, cancel):
        return call(*args)
    return job


class ConnectionPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Connection"))
        self.setSubTitle(self.tr("The school's tenant and the app registration the tool signs in as."))
        self._problems: dict[str, str] = {}
        self._keyring_done: KeyringChange | None = None  # the last keychain change that has been made
        self._advance = False  # go on by itself once the keychain has answered
        self._build_profile_row()
        self.appreg = AppRegButtons(self)
        self.body().addLayout(self.appreg.row)
        self._build_form()
        self._build_advanced()
        self.body().addStretch(1)
        self.finish_layout()

    # Layout -----------------------------------------------------------------------------------
    def _build_profile_row(self) -> None:
        self.profile_combo = QComboBox(self)
        self.profile_combo.setAccessibleName(self.tr("Saved connection"))
        self.profile_combo.currentIndexChanged.connect(self._profile_chosen)
        self.delete_button = QPushButton(self.tr("&Forget this connection"), self)
        self.delete_button.clicked.connect(self._delete_profile)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Saved connection:"), self)
        label.setBuddy(self.profile_combo)
        row.addWidget(label)
        row.addWidget(self.profile_combo, 1)
        row.addWidget(self.delete_button)
        self.body().addLayout(row)

    def _field(self, form: QFormLayout, label: str, widget: QWidget, name: str) -> QLabel:
        widget.setAccessibleName(name)
        problem = QLabel(self)
        problem.setWordWrap(True)
        problem.setObjectName("fieldProblem")
        problem.hide()
        form.addRow(label, widget)
        form.addRow(problem)  # a spanning row: hidden, it takes no space
        return problem

    def _build_form(self) -> None:
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. Example School"))
        self.name_problem = self._field(form, self.tr("Name (o&ptional):"), self.name_edit,
                                        self.tr("Connection name"))
        self.tenant_edit = QLineEdit(self)
        self.tenant_edit.setPlaceholderText(self.tr("Directory (tenant) ID, or the school's domain"))
        self.tenant_problem = self._field(form, self.tr("&Tenant:"), self.tenant_edit, self.tr("Tenant"))
        self.client_edit = QLineEdit(self)
        self.client_edit.setPlaceholderText(self.tr("Application (client) ID"))
        self.client_problem = self._field(form, self.tr("&Client ID:"), self.client_edit, self.tr("Client ID"))
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setPlaceholderText(self.tr("The client secret's Value (not its Secret ID)"))
        self.secret_problem = self._field(form, self.tr("Client s&ecret:"), self.secret_edit,
                                          self.tr("Client secret"))
        # one control for it, the check box (an icon in the field was a document and a magnifier: no eye)
        self.show_secret_box = QCheckBox(self.tr("S&how the secret"), self)
        self.show_secret_box.toggled.connect(self._toggle_secret)
        form.addRow("", self.show_secret_box)
        self.remember_box = QCheckBox(self.tr("&Remember the secret in this computer's keychain"), self)
        self.remember_box.setChecked(True)
        form.addRow("", self.remember_box)
        self.keyring_notice = QLabel(self)
        self.keyring_notice.setWordWrap(True)
        self.keyring_notice.hide()
        form.addRow(self.keyring_notice)
        self._build_expiry(form)
        self.body().addLayout(form)
        for edit in (self.name_edit, self.tenant_edit, self.client_edit, self.secret_edit):
            edit.textChanged.connect(self._revalidate)
        # A connection whose app signs in with a certificate (graph-facts §16): (thumbprint, private key or
        # None until read). The key stays out of the secret field, so "Show the secret" never shows it.
        self._certificate: tuple[str, str | None] | None = None

    def _build_expiry(self, form: QFormLayout) -> None:
        self.expiry_box = QCheckBox(self.tr("The secret e&xpires on:"), self)
        self.expiry_edit = QDateEdit(self)
        self.expiry_edit.setCalendarPopup(True)
        self.expiry_edit.setDisplayFormat(texts.date_format())  # the UI's one date format
        self.expiry_edit.setDate(QDate.currentDate().addYears(2))
        self.expiry_edit.setEnabled(False)
        self.expiry_edit.setAccessibleName(self.tr("Secret expiry date"))
        self.expiry_box.toggled.connect(self.expiry_edit.setEnabled)
        self.expiry_box.toggled.connect(self._revalidate)
        self.expiry_edit.dateChanged.connect(self._revalidate)
        row = QHBoxLayout()
        row.addWidget(self.expiry_box)
        row.addWidget(self.expiry_edit)
        row.addStretch(1)
        form.addRow(self.tr("Optional:"), row)

    def _build_advanced(self) -> None:
        self.advanced = QGroupBox(self.tr("Ad&vanced"), self)
        self.advanced.setCheckable(True)
        self.advanced.setChecked(False)
        form = QFormLayout(self.advanced)
        self.cloud_combo = QComboBox(self.advanced)
        for cloud in Cloud:
            self.cloud_combo.addItem(texts.cloud_text(cloud.value), cloud.value)
        self.cloud_combo.setAccessibleName(self.tr("Cloud"))
        form.addRow(self.tr("C&loud:"), self.cloud_combo)
        self.login_edit = QLineEdit(self.advanced)
        self.graph_edit = QLineEdit(self.advanced)
        self.ca_edit = QLineEdit(self.advanced)
        for edit, label, name in ((self.login_edit, self.tr("Login URL:"), self.tr("Login URL")),
                                  (self.graph_edit, self.tr("Graph URL:"), self.tr("Graph URL")),
                                  (self.ca_edit, self.tr("CA bundle:"), self.tr("CA bundle file"))):
            edit.setPlaceholderText(self.tr("Only for a test tenant; leave empty"))
            edit.setAccessibleName(name)
            edit.textChanged.connect(self._revalidate)
            form.addRow(label, edit)
        self.advanced_problem = QLabel(self.advanced)
        self.advanced_problem.setWordWrap(True)
        self.advanced_problem.hide()
        form.addRow("", self.advanced_problem)
        self.cloud_combo.currentIndexChanged.connect(self._revalidate)
        self.advanced.toggled.connect(self._show_advanced)
        self._show_advanced(False)
        self.body().addWidget(self.advanced)

    def _show_advanced(self, on: bool) -> None:
        for child in self.advanced.findChildren(QWidget):
            child.setVisible(on and (child is not self.advanced_problem or bool(self.advanced_problem.text())))

    @property
    def profiles(self) -> ProfileStore:
        return self.sync_wizard().profiles

    # Loading ----------------------------------------------------------------------------------
    def initializePage(self) -> None:
        store = self.session_secret_store()
        if not store.persistent:
            self.keyring_notice.setText(texts.keyring_notice(store.unavailable_reason))
            self.keyring_notice.show()
            self.remember_box.setChecked(False)
            self.remember_box.setEnabled(False)
        self._fill_profiles()
        if self.session.connection is not None:  # pre-filled (the sandbox) or coming back
            self.load_connection(self.session.connection, self.session.secret)
        self._revalidate()

    def session_secret_store(self):
        return self.sync_wizard().secret_store

    def _fill_profiles(self) -> None:
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        self.profile_combo.addItem(self.tr("New connection"), NEW_PROFILE)
        for conn in self.profiles.list():
            self.profile_combo.addItem(conn.display_name, conn.name)
        last = self.profiles.last_used
        index = self.profile_combo.findData(last) if last else -1
        self.profile_combo.blockSignals(False)
        if index > 0 and self.session.connection is None:
            self.profile_combo.setCurrentIndex(index)
        self.delete_button.setEnabled(self.profile_combo.currentIndex() > 0)

    def _profile_chosen(self, index: int) -> None:
        name = self.profile_combo.itemData(index)
        self.delete_button.setEnabled(bool(name))
        conn = self.profiles.get(name) if name else None
        if conn is None:
            self.load_connection(Connection("", ""), None)
            return
        self.load_connection(conn, None)
        store = self.session_secret_store()
        self.run_job(keyring_job(store.credential_for, conn), "keyring get",
                     self.tr("Reading the secret from the keychain…"),
                     on_finished=lambda secret, chosen=name: self._secret_read(chosen, secret))

    def _secret_read(self, name: str, secret: str | None) -> None:
        # Only for the profile still chosen, and never over what the user typed meanwhile.
        if self.profile_combo.currentData() == name and self._certificate is not None:
            self._certificate = (self._certificate[0], secret)
            self._revalidate()
        elif self.profile_combo.currentData() == name and not self.secret_edit.text():
            self.secret_edit.setText(secret or "")
        self._notice_if_keyring_failed()

    def _notice_if_keyring_failed(self) -> None:
        store = self.session_secret_store()
        if not store.persistent:
            self.keyring_notice.setText(texts.keyring_notice(store.unavailable_reason))
            self.keyring_notice.show()

    def load_connection(self, conn: Connection, secret: str | None) -> None:
        self.name_edit.setText(conn.name or "")
        self.tenant_edit.setText(conn.tenant)
        self.client_edit.setText(conn.client_id)
        self._show_certificate(conn.cert_thumbprint, secret)
        self.secret_edit.setText("" if conn.cert_thumbprint else secret or "")
        self.cloud_combo.setCurrentIndex(max(0, self.cloud_combo.findData(str(conn.cloud))))
        self.login_edit.setText(conn.login_url or "")
        self.graph_edit.setText(conn.graph_url or "")
        self.ca_edit.setText(conn.ca_bundle or "")
        custom = bool(conn.login_url or conn.graph_url or conn.ca_bundle) or str(conn.cloud) != "global"
        self.advanced.setChecked(custom)
        self.expiry_box.setChecked(conn.secret_expires is not None)
        if conn.secret_expires is not None:
            d = conn.secret_expires
            self.expiry_edit.setDate(QDate(d.year, d.month, d.day))

    def _show_certificate(self, thumbprint: str | None, key: str | None) -> None:
        """A certificate connection: the secret field says so and takes nothing; a secret one: as usual."""
        self._certificate = (thumbprint, key) if thumbprint else None
        is_secret = thumbprint is None
        self.secret_edit.setEnabled(is_secret)
        self.show_secret_box.setEnabled(is_secret)
        self.remember_box.setEnabled(is_secret and self.session_secret_store().persistent)
        self.secret_edit.setPlaceholderText(
            self.tr("Signs in with a certificate (thumbprint {v}); its private key is in the keychain").format(
                v=thumbprint) if thumbprint else self.tr("The client secret's Value (not its Secret ID)"))
        self.secret_edit.setToolTip(self.secret_edit.placeholderText() if thumbprint else "")

    def _delete_profile(self) -> None:
        name = self.profile_combo.currentData()
        if not name:
            return
        conn = self.profiles.get(name)
        self.profiles.delete(name)
        self._keyring_done = None
        if conn is not None:
            store = self.session_secret_store()
            self.run_job(keyring_job(store.delete, conn.tenant, conn.client_id), "keyring delete",
                         self.tr("Removing the secret from the keychain…"),
                         on_finished=lambda _had: self._notice_if_keyring_failed())
        self._fill_profiles()
        self.profile_combo.setCurrentIndex(0)

    # Validation -------------------------------------------------------------------------------
    def connection(self) -> Connection:
        expires = self.expiry_edit.date().toPython() if self.expiry_box.isChecked() else None
        return Connection(tenant=self.tenant_edit.text(), client_id=self.client_edit.text(),
                          cloud=self.cloud_combo.currentData() or "global",
                          login_url=self.login_edit.text() or None, graph_url=self.graph_edit.text() or None,
                          ca_bundle=self.ca_edit.text() or None, name=self.name_edit.text() or None,
                          secret_expires=expires, cert_thumbprint=self._certificate[0] if self._certificate else None)

    def _revalidate(self) -> None:
        conn = self.connection()
        problems = {p.field: p.code for p in conn.validate()}
        problems.pop("certificate_thumbprint", None)  # from a saved profile: not typed here
        secret = self.secret_edit.text().strip()
        if self._certificate is not None:
            if not self._certificate[1]:
                problems["secret"] = "certificate_key_missing"  # noqa: S105 (a message code)
        elif not secret:
            problems["secret"] = "secret_empty"  # noqa: S105 (a message code)
        elif secret.lower() == conn.client_id.lower() or _looks_like_guid(secret):
            problems["secret"] = "secret_looks_like_id"  # noqa: S105 (a message code)
        name = self.name_edit.text()
        if name and name_problem(name):  # core/setup/names.py: the one rule for every face
            problems["name"] = name_problem(name) or ""
        self._problems = problems
        self._show_problem(self.name_problem, problems.get("name"), bool(name))
        self._show_problem(self.tenant_problem, problems.get("tenant"), bool(self.tenant_edit.text()))
        self._show_problem(self.client_problem, problems.get("client_id"), bool(self.client_edit.text()))
        self._show_problem(self.secret_problem, problems.get("secret"),
                           bool(self.secret_edit.text()) or self._certificate is not None)
        adv = [problems[k] for k in ("cloud", "login_url", "graph_url", "ca_bundle") if k in problems]
        self.advanced_problem.setText(" ".join(texts.input_problem(c) for c in adv))
        self.advanced_problem.setVisible(bool(adv) and self.advanced.isChecked())
        if adv:
            self.advanced.setChecked(True)
        self.appreg.refresh()
        self.completeChanged.emit()

    def _show_problem(self, label: QLabel, code: str | None, touched: bool) -> None:
        # An empty field is not scolded before the user has typed anything into it.
        visible = code is not None and (touched or not code.endswith("_empty"))
        label.setText(texts.input_problem(code) if code else "")
        label.setVisible(visible and touched)

    def problems(self) -> dict[str, str]:
        return dict(self._problems)

    def input_complete(self) -> bool:
        return not self._problems

    def _toggle_secret(self, on: bool) -> None:
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)

    def accept_page(self) -> bool:
        conn = self.connection()
        secret = (self._certificate[1] or "") if self._certificate else self.secret_edit.text().strip()
        change = self._keyring_change(conn, secret)
        if change is not None and change != self._keyring_done:
            self._start_keyring_change(change)
            return False  # the page goes on by itself when the keychain has answered
        changed = (self.session.connection is None or self.session.secret != secret
                   or conn.to_profile_dict() != self.session.connection.to_profile_dict())
        if not self._may_replace(conn):
            return False
        if changed:
            self.session.forget_from_check()
        self.session.connection, self.session.secret = conn, secret
        self._save(conn, secret)
        return True

    def _may_replace(self, conn: Connection) -> bool:
        """Saving over another saved connection of this name asks first (as `connection save` does), and
        says when that connection is scheduled: its nightly run would use what is saved now."""
        name = conn.name or conn.tenant
        old = self.profiles.get(name)
        if old is None or old.to_profile_dict() == {**conn.to_profile_dict(), "name": name}:
            return True
        text = self.tr("A connection called “{name}” is already saved (tenant {tenant}, app {app}). "
                       "Replace it?").format(name=name, tenant=old.tenant, app=old.client_id)
        if self.profiles.attached(name, SCHEDULE_KEY):
            text += " " + self.tr("It is scheduled: the scheduled sync will use what you save now.")
        return self.ask_replace(text)

    def ask_replace(self, text: str) -> bool:
        """The question (tests answer it by replacing this method)."""
        answer = QMessageBox.question(self, self.tr("Replace the saved connection?"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _save(self, conn: Connection, secret: str) -> None:
        # The demo's connection too: it is saved in the demo's own folder (gui/demo.py), so that its
        # schedule can be tried; its secret never goes to the keychain (_keyring_change).
        try:
            self.profiles.save(conn)
        except (OSError, ValueError):  # ValueError: a name the page already showed as not valid
            log.warning("Could not save the connection profile", exc_info=True)

    def mark_keyring_done(self, conn: Connection, secret: str, stored: bool) -> None:
        """The app-registration dialog already stored the secret: going on needs no keychain call."""
        if stored or self.session.sandbox is not None:
            self._keyring_done = ("set", conn.tenant, conn.client_id, secret)
        else:
            self.remember_box.setChecked(False)

    def _keyring_change(self, conn: Connection, secret: str) -> KeyringChange | None:
        """What the keychain must be told before going on, if anything (the demo's secret: nothing)."""
        if self.session.sandbox is not None or conn.cert_thumbprint:
            return None  # the demo's secret; a certificate's key, kept in the keychain when it was made
        if self.remember_box.isChecked():
            return ("set", conn.tenant, conn.client_id, secret)
        if self.session_secret_store().persistent:
            # Unticked: the user does not want it kept; the session still holds it in memory.
            return ("delete", conn.tenant, conn.client_id, "")
        return None

    def _start_keyring_change(self, change: KeyringChange) -> None:
        kind, tenant, client_id, secret = change
        store = self.session_secret_store()
        if kind == "set":
            job, waiting = keyring_job(store.set, tenant, client_id, secret), self.tr(
                "Saving the secret in the keychain… (it may be asking for your permission)")
        else:
            job, waiting = keyring_job(store.delete, tenant, client_id), self.tr(
                "Removing the secret from the keychain…")
        worker = self.run_job(job, "keyring save", waiting,
                              on_finished=lambda result: self._keyring_changed(change, result),
                              on_failed=lambda exc: self._keyring_change_failed(change, exc))
        worker.done.connect(self._go_on)  # connected after the page's own done handler: runs when idle

    def _keyring_changed(self, change: KeyringChange, result: bool) -> None:
        self._keyring_done, self._advance = change, True
        if change[0] == "set" and not result:  # kept in memory only: say so, and go on
            self._notice_if_keyring_failed()

    def _keyring_change_failed(self, change: KeyringChange, exc: BaseException) -> None:
        # The secret is in memory for this session: the error stays on the page, and Next goes on.
        self._keyring_done, self._advance = change, False
        self.show_error(exc)

    def _go_on(self) -> None:
        wizard = self.wizard()
        if self._advance and wizard is not None and wizard.currentPage() is self:
            self._advance = False
            wizard.next()


def _looks_like_guid(text: str) -> bool:
    from core.graph.connection import GUID_RE

    return bool(GUID_RE.match(text.strip()))
