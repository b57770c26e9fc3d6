"""The wizard's optional last step, "Federate the domain with Skolon" (issue 18 §1), opened from Results:
the domain and the IdP's metadata, the readiness table (reason and fix per row), the typed domain, then the
run on a worker thread — one admin sign-in in the browser, the checks again, the write, the read-back and the
wait for Microsoft's sign-in page, with progress. Cancel, Close and Esc end the worker before the window goes:
a browser sign-in still waiting is stopped with it (core.graph.signin's `cancel`)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.federation.domains import suggest_domain
from core.federation.readiness import Readiness
from core.federation.run import DONE, FAILED, SKIPPED, TIMED_OUT
from core.graph.connection import DOMAIN_RE
from core.run.folders import RunKind
from core.tenant.checks import Verdict
from gui import federate_texts, texts
from gui.dialogs import federate_undo
from gui.jobs.federate import Federated, NotAllowed, federate_job, readiness_job
from gui.jobs.worker import Worker

STOP_WAIT_MS = 15000


def _label(parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setObjectName(name)
    return label


class _ReadinessTable(QTableWidget):
    """Check | Result | What to do, wrapped. Each row fits its text again whenever the columns change width
    (a height computed once went stale as the dialog was laid out: Swedish rows were cut or elided), and the
    result — always filled — gets 60 % of the width the check names leave, the fix — often empty — 40 %."""

    FIX_SHARE = 0.4

    def __init__(self, parent: QWidget) -> None:
        super().__init__(0, 3, parent)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the check names' column fits its contents: when it changes width, share what is left again
        header.sectionResized.connect(lambda column, _old, _new: column == 0 and self._share())

    def resizeEvent(self, event) -> None:  # noqa: N802 — Qt's name
        self._share()
        super().resizeEvent(event)

    def _share(self) -> None:
        left = self.viewport().width() - self.columnWidth(0)
        self.setColumnWidth(2, max(80, int(left * self.FIX_SHARE)))


class FederateDialog(QDialog):
    def __init__(self, conn, secret: str | None, parent: QWidget | None = None, *, domain: str = "",
                 metadata: str = "", sign_in_options: dict | None = None, realm_interval_s: float | None = None,
                 realm_timeout_s: float | None = None) -> None:
        super().__init__(parent)
        self.conn, self.secret = conn, secret
        self.sign_in_options = sign_in_options or {}
        self.realm_interval_s, self.realm_timeout_s = realm_interval_s, realm_timeout_s
        self.worker: Worker | None = None
        self.readiness: Readiness | None = None
        self.result: Federated | None = None
        self.ended = False  # the run's answer (done or failed) is shown
        self.undoing = False  # the confirmation is for the way back (managed again), not the federation
        self.sign_in_url: str | None = None
        self.setWindowTitle(self.tr("Federate the domain with Skolon"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_check(domain, metadata))
        self.stack.addWidget(self._build_run())
        QVBoxLayout(self).addWidget(self.stack)
        self.resize(800, 600)  # the readiness table's six rows without scrolling, in Swedish too

    # Pages ----------------------------------------------------------------------------------------
    def _build_check(self, domain: str, metadata: str) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = _label(page)
        intro.setText(self.tr("Last step: pupils and staff in the domain then sign in with Skolon. The tool checks "
                              "first, asks you to type the domain, signs you in once as an admin, and checks "
                              "after that Microsoft's sign-in page sends the domain's users to Skolon."))
        form = QFormLayout()
        self.domain_edit = QLineEdit(domain, page)
        self.metadata_edit = QLineEdit(metadata, page)
        self.metadata_edit.setPlaceholderText(self.tr("a file, or its https address"))
        self.mfa_combo = QComboBox(page)
        for key, text in (("accept", self.tr("Accept MFA done at Skolon")),
                          ("enforce", self.tr("Always ask for MFA in Microsoft")),
                          ("reject", self.tr("Ignore MFA done at Skolon"))):
            self.mfa_combo.addItem(text, key)
        form.addRow(self.tr("&Domain:"), self.domain_edit)
        metadata_row = QHBoxLayout()
        metadata_row.addWidget(self.metadata_edit, 1)
        self.browse_button = QPushButton(self.tr("&Browse…"), page)
        self.browse_button.clicked.connect(self._browse)
        metadata_row.addWidget(self.browse_button)
        metadata_label = QLabel(self.tr("Skolon's me&tadata:"), page)
        metadata_label.setBuddy(self.metadata_edit)
        form.addRow(metadata_label, metadata_row)
        form.addRow(self.tr("&MFA:"), self.mfa_combo)
        self.check_button = QPushButton(self.tr("&Check readiness"), page)
        self.check_button.clicked.connect(self.check)
        self.table = _ReadinessTable(page)
        self.table.setHorizontalHeaderLabels([self.tr("Check"), self.tr("Result"), self.tr("What to do")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.check_status = _label(page, "federateCheckStatus")
        self.confirm_edit = QLineEdit(page)
        self.confirm_edit.setAccessibleName(self.tr("Type the domain to confirm"))
        self.confirm_edit.textChanged.connect(self._update_go)
        self.confirm_label = _label(page)
        self.go_button = QPushButton(self.tr("Sign in and &federate"), page)
        self.go_button.clicked.connect(self.start)
        self.go_button.setEnabled(False)
        self.undo_button = QPushButton(self.tr("Make it managed &again…"), page)
        self.undo_button.clicked.connect(self.choose_undo)
        self.undo_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.go_button)
        for widget in (intro,):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.check_status)
        layout.addWidget(self.confirm_label)
        layout.addWidget(self.confirm_edit)
        layout.addLayout(buttons)
        self._show_confirm(False)
        return page

    def _build_run(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.step_label = _label(page, "federateStep")
        self.url_label = _label(page, "federateUrl")
        self.url_label.setOpenExternalLinks(True)
        self.url_label.hide()
        self.realm_bar = QProgressBar(page)
        self.realm_bar.setRange(0, 0)
        self.realm_bar.hide()
        self.outcome_label = _label(page, "federateOutcome")
        self.outcome_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(self.tr("Cancel"), page)
        self.close_button.clicked.connect(self.reject)
        for widget in (self.step_label, self.url_label, self.realm_bar, self.outcome_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Skolon's metadata"), "",
                                              self.tr("SAML metadata (*.xml);;All files (*)"))
        if path:
            self.metadata_edit.setText(path)

    # Readiness ------------------------------------------------------------------------------------
    def domain(self) -> str:
        return self.domain_edit.text().strip().lower().rstrip(".")

    def check(self) -> Worker | None:
        domain, metadata = self.domain(), self.metadata_edit.text().strip()
        if not DOMAIN_RE.match(domain) or not metadata:
            self.check_status.setText(self.tr("Give the domain (e.g. school.example) and Skolon's metadata."))
            return None
        self._show_confirm(False)
        self.undo_button.hide()
        self.table.setRowCount(0)
        self.check_button.setEnabled(False)
        self.check_status.setText(self.tr("Checking…"))
        return self._run(readiness_job(self.conn, self.secret, domain, metadata), self._checked, self._check_failed)

    def _checked(self, readiness: Readiness) -> None:
        self.readiness = readiness
        self.check_button.setEnabled(True)
        self.show_rows(readiness)
        if readiness.passed:
            self.check_status.setText(self.tr("Ready: {domain} can be federated with Skolon.").format(
                domain=readiness.domain))
            self._show_confirm(True)
        else:
            self.check_status.setText(self.tr("Not ready: do what the table says, then check again. Nothing "
                                              "was changed."))
        if readiness.federated_with_idp:  # the way back is offered only from this IdP's federation
            self.check_status.setText(federate_undo.offer(readiness.domain))
            self.undo_button.show()

    def _check_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        title, hint = texts.describe_error(exc)
        self.check_status.setText(f"{title} {hint}".strip())

    def show_rows(self, readiness: Readiness) -> None:
        marks = {Verdict.OK: self.tr("OK"), Verdict.WARNING: self.tr("Warning"), Verdict.FAILED: self.tr("Not ready"),
                 Verdict.UNKNOWN: self.tr("Could not tell"), Verdict.SKIPPED: self.tr("Skipped")}
        self.table.setRowCount(len(readiness.rows))
        for i, row in enumerate(readiness.rows):
            reason = f"{marks[row.verdict]}: {federate_texts.reason(row)}"
            fix = federate_texts.fix(row) if row.verdict != Verdict.OK else ""
            for column, text in enumerate((federate_texts.check_name(row.check), reason, fix)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, column, item)

    def _show_confirm(self, visible: bool) -> None:
        self.undoing = False
        self.go_button.setText(self.tr("Sign in and &federate"))
        self.confirm_label.setText(self.tr("After this, every user in {domain} signs in with Skolon only. Type "
                                           "the domain ({domain}) to go ahead:").format(domain=self.domain()))
        for widget in (self.confirm_label, self.confirm_edit, self.go_button):
            widget.setVisible(visible)
        self._update_go()

    def choose_undo(self) -> None:
        """The confirmation becomes the way back's: what happens to passwords, then the typed domain."""
        self.undoing = True
        self.confirm_label.setText(federate_undo.confirm(self.domain()))
        self.go_button.setText(self.tr("Sign in and make mana&ged"))
        self.confirm_edit.clear()
        for widget in (self.confirm_label, self.confirm_edit, self.go_button):
            widget.show()
        self.confirm_edit.setFocus()
        self._update_go()

    def _update_go(self) -> None:
        typed = self.confirm_edit.text().strip().lower().rstrip(".")
        readiness = self.readiness
        allowed = readiness is not None and (readiness.federated_with_idp if self.undoing else readiness.passed)
        ready = allowed and readiness.domain == self.domain()
        self.go_button.setEnabled(ready and bool(typed) and typed == self.domain())

    # The run --------------------------------------------------------------------------------------
    def start(self) -> Worker | None:
        if not self.go_button.isEnabled():
            return None
        self.stack.setCurrentIndex(1)
        self.step_label.setText(self.tr("Sign in as an admin in the browser that opened (an account outside "
                                        "{domain}).").format(domain=self.domain()))
        job = federate_job(self.conn, self.secret, self.domain(), self.metadata_edit.text().strip(),
                           self.mfa_combo.currentData(), kind=self.kind(), sign_in_options=self.sign_in_options,
                           realm_timeout_s=self.realm_timeout_s, realm_interval_s=self.realm_interval_s,
                           on_url=self._remember_url)
        return self._run(job, self._finished, self._failed, self._progress)

    def kind(self) -> RunKind:
        return RunKind.FEDERATE_UNDO if self.undoing else RunKind.FEDERATE

    def _remember_url(self, url: str) -> None:  # worker thread: one attribute, read by stop_worker
        self.sign_in_url = url

    def _progress(self, event: tuple) -> None:
        if event[0] == "url":
            self.sign_in_url = event[1]
            self.url_label.setText(self.tr("If no browser window opened, open {link}.").format(
                link=f'<a href="{html.escape(event[1])}">{html.escape(self.tr("the sign-in page"))}</a>'))
            self.url_label.show()
            return
        self.url_label.hide()
        if event[0] == "realm" and event[1] is not None:
            realm = event[1]
            self.realm_bar.show()
            self.realm_bar.setRange(0, max(1, int(realm.timeout_s)))
            self.realm_bar.setValue(min(int(realm.elapsed_s), int(realm.timeout_s)))
            seen = realm.last.namespace_type if realm.last else "…"
            if self.undoing:
                self.step_label.setText(federate_undo.waiting(self.domain(), seen))
                return
            self.step_label.setText(self.tr("Federated in Entra. Waiting for Microsoft's sign-in page to send "
                                            "{domain} to Skolon (it says: {seen}). This can take up to two "
                                            "hours.").format(domain=self.domain(), seen=seen))
        else:
            self.step_label.setText(self._stage_text(event[1]))

    def _stage_text(self, stage: str) -> str:
        return {"signin": self.tr("Waiting for the admin sign-in in the browser…"),
                "read": self.tr("Reading the domain's federation…"),
                "realm": self.tr("Waiting for Microsoft's sign-in page…")}.get(stage, self.tr("Checking again…"))

    def _finished(self, done: Federated) -> None:
        self.result, self.ended = done, True
        result, domain = done.outcome.result, self.domain()
        self.realm_bar.hide()
        if self.undoing:
            self.step_label.setText(federate_undo.finished(result, domain))
            self.outcome_label.setText("\n".join([*federate_undo.verification(result, domain), self.tr(
                "Run folder: {path}").format(path=str(done.outcome.run_dir))]))
            self.close_button.setText(self.tr("Close"))
            return
        if result.verified:
            text = self.tr("Done: {domain} is federated with Skolon, and Microsoft's sign-in page sends its users "
                           "to Skolon. Test with one pupil's account first.").format(domain=domain)
        elif result.step("realm").status == "timed_out":
            text = self.tr("{domain} is federated in Entra, but Microsoft's sign-in page has not followed yet. "
                           "Microsoft allows up to two hours: open this step again later to check; nothing is "
                           "changed twice.").format(domain=domain)
        elif result.cancelled:
            text = self.tr("Stopped while waiting. The change in Entra stays; open this step again to check.")
        else:
            text = self.tr("Not done: {domain} was not federated as sent. See the report in the run folder."
                           ).format(domain=domain)
        self.step_label.setText(text)
        self.outcome_label.setText("\n".join([*self._verification(result),
                                              self.tr("Run folder: {path}").format(path=str(done.outcome.run_dir))]))
        self.close_button.setText(self.tr("Close"))

    def _verification(self, result) -> list[str]:
        """What was checked after the change, one line per check, as the run's report has it."""
        ok = {DONE, SKIPPED}
        config = result.config
        lines = []
        write, readback, realm = result.step("write"), result.step("readback"), result.step("realm")
        if write.status in ok:
            lines.append(self.tr("✓ Entra: {domain} is federated with {issuer}.").format(
                domain=self.domain(), issuer=getattr(config, "issuer_uri", None) or "?"))
        if readback.status == DONE:
            lines.append(self.tr("✓ Read back: every field is as sent (issuer, sign-in URL, signing certificate, "
                                 "SAML)."))
        elif readback.status == FAILED:
            lines.append(self.tr("✗ Read back: differs in {fields}.").format(fields=", ".join(result.differences)))
        if realm.status == DONE:
            lines.append(self.tr("✓ Microsoft's sign-in page sends {domain}'s users to {url}.").format(
                domain=self.domain(), url=getattr(config, "passive_sign_in_uri", None) or "?"))
        elif realm.status == TIMED_OUT:
            lines.append(self.tr("… Microsoft's sign-in page still says Managed."))
        return lines

    def _failed(self, exc: BaseException) -> None:
        self.ended = True
        self.realm_bar.hide()
        if isinstance(exc, NotAllowed) and exc.code == "federate_role_missing":
            text = self.tr("{upn} may not federate domains: sign in as a Domain Name Administrator or Global "
                           "Administrator. Nothing was changed.").format(upn=exc.upn or self.tr("This account"))
        elif isinstance(exc, NotAllowed):
            text = self.tr("Not ready any more (checked again after the sign-in). Nothing was changed.")
            if exc.readiness is not None:
                self.show_rows(exc.readiness)
        else:
            title, hint = texts.appreg_failure(exc)
            text = f"{title} {hint}".strip()
        self.step_label.setText(text)
        self.close_button.setText(self.tr("Close"))

    # Threads --------------------------------------------------------------------------------------
    def _run(self, job, finished, failed, progress=None) -> Worker:
        self.worker = Worker(job, "federation", self)
        if progress is not None:
            self.worker.progress.connect(progress)
        self.worker.finished.connect(finished)
        self.worker.failed.connect(failed)
        self.worker.start()
        return self.worker

    def stop_worker(self) -> None:
        """Cancel the job (a waiting browser sign-in too) and wait for the thread to end."""
        worker = self.worker
        if worker is None or not worker.is_running():
            return
        for signal in (worker.progress, worker.finished, worker.failed):
            signal.disconnect()
        worker.cancel()  # a browser sign-in waiting is stopped too (core.graph.signin: its listener closes)
        worker.wait(STOP_WAIT_MS)

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name: Close, Cancel and Esc all end here
        self.stop_worker()
        super().done(result)


def suggested_domain(session) -> str:
    """core's choice (core/federation/domains.suggest_domain) from the run's users and the tenant's domains."""
    rows = getattr(session.result, "rows", None) or getattr(session.plan, "rows", None) or ()
    report = session.check_report
    domains = report.facts.domains if report is not None else None
    return suggest_domain([getattr(row, "user_principal_name", "") or "" for row in rows], domains)


def open_federate_dialog(session, parent: QWidget) -> FederateDialog:
    """From Results: the demo's own IdP metadata is filled in (the sandbox serves it)."""
    metadata = session.sandbox.idp_metadata_url if session.sandbox is not None else ""
    dialog = FederateDialog(session.connection, session.secret, parent, domain=suggested_domain(session),
                            metadata=metadata)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
