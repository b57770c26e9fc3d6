"""Page 6: the plan in words, the warnings, dry run, and a deliberate typed confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QWidget

from core.directory import upn_domain
from gui import services, texts
from gui.pages.base import WizardPage


class ConfirmPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Confirm"))
        self.setSubTitle(self.tr("Read this, then confirm. This is the last step before writing."))
        self.summary = self.wrapped("", self)
        self.summary.setAccessibleName(self.tr("What will happen"))
        self.warnings = self.wrapped("", self)
        self.warnings.setAccessibleName(self.tr("Warnings"))
        self.dry_run_box = QCheckBox(self.tr("&Dry run: go through every user but write nothing"), self)
        self.dry_run_box.toggled.connect(self._changed)
        self.confirm_label = self.wrapped("", self)
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setAccessibleName(self.tr("Confirmation"))
        self.confirm_edit.textChanged.connect(self._changed)
        self.confirm_label.setBuddy(self.confirm_edit)
        self.body().addWidget(self.summary)
        self.body().addWidget(self.warnings)
        form = QFormLayout()
        form.addRow(self.dry_run_box)
        form.addRow(self.confirm_label)
        form.addRow(self.confirm_edit)
        self.body().addLayout(form)
        self.body().addStretch(1)
        self.finish_layout()

    def initializePage(self) -> None:
        self.confirm_edit.clear()
        self.session.flow.confirmed = False
        if self.session.retry_ids is not None:
            self._prepare_retry()
        else:
            self.show_plan()

    def _prepare_retry(self) -> None:
        """Retry: the plan is built again from live data, limited to the users that failed."""
        s = self.session
        job = services.preview_job(s.connection, s.secret, s.source, s.csv_table,
                                   texts.federated_domains(s.check_report), only_ids=s.retry_ids)
        self.summary.setText("")
        self.warnings.setText("")
        self.run_job(job, "retry plan", self.tr("Reading the failed users again from the tenant…"),
                     on_finished=self._retry_planned)

    def _retry_planned(self, result) -> None:
        plan = result.plan
        self.session.plan = plan
        self.session.retry_ids = None
        self.session.flow.writes_planned = len(plan.to_write())
        self.show_plan()

    def show_plan(self) -> None:
        s = self.session
        plan = s.plan
        counts = plan.counts() if plan is not None else {}
        self.summary.setText(texts.confirm_summary(counts, s.connection, s.source))
        warnings = texts.confirm_warnings(counts, texts.federated_domains(s.check_report))
        if texts.federation_unknown(s.check_report):
            warnings.insert(0, self.tr("The tool cannot tell whether any domain is already federated (the app "
                                       "may not read domains); users in a federated domain will fail."))
        self.warnings.setText("".join(f"<p>⚠ {w}</p>" for w in warnings))
        self.warnings.setVisible(bool(warnings))
        self._accepted = self.accepted_confirmations()
        domain = self.tenant_domain()
        if domain:
            label = self.tr("To confirm, type the tenant ID <b>{token}</b> or the tenant's domain, e.g. "
                            "<b>{domain}</b>").format(token=self.expected_confirmation(), domain=domain)
        else:
            label = self.tr("To confirm, type the tenant exactly as below: <b>{token}</b>").format(
                token=self.expected_confirmation())
        self.confirm_label.setText(label)
        self._changed()

    def expected_confirmation(self) -> str:
        return self.session.connection.tenant if self.session.connection is not None else ""

    def tenant_domains(self) -> list[str]:
        """The tenant's domains: from the check (Domain.Read.All), else the users' UPN suffixes."""
        s = self.session
        names = [name for name, _kind in (getattr(s.check_report, "domains", None) or [])]
        if not names:
            rows = s.users or (s.plan.rows if s.plan is not None else [])
            names = {upn_domain(getattr(r, "upn", None) or getattr(r, "user_principal_name", "")) for r in rows}
        return sorted({n.strip().lower() for n in names if n and n.strip()})

    def tenant_domain(self) -> str:
        """One domain to show as an example (the default .onmicrosoft.com one is least ambiguous)."""
        domains = self.tenant_domains()
        return next((d for d in domains if d.endswith(".onmicrosoft.com")), domains[0] if domains else "")

    def accepted_confirmations(self) -> frozenset[str]:
        """What may be typed: the tenant as entered, its ID from the sign-in, or one of its domains
        (compared trimmed and case-insensitively)."""
        s = self.session
        tokens = [self.expected_confirmation(), getattr(s.check_report, "tenant_id", None), *self.tenant_domains()]
        return frozenset(t.strip().casefold() for t in tokens if t and t.strip())

    def _changed(self) -> None:
        s = self.session
        s.dry_run = s.flow.dry_run = self.dry_run_box.isChecked()
        typed = self.confirm_edit.text().strip().casefold()
        accepted = getattr(self, "_accepted", None) or self.accepted_confirmations()
        s.flow.confirmed = bool(typed) and typed in accepted and s.plan is not None
        self.confirm_edit.setEnabled(not s.dry_run)
        self.refresh_buttons()

    def input_complete(self) -> bool:
        return self.session.plan is not None
