"""Page 6: the plan in words, the warnings, dry run, and a deliberate typed confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QWidget

from core.preflight import plan_warnings
from core.run import confirmation_tokens, example_domain, is_confirmed, tenant_domains
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
                                   texts.federated_domains(s.check_report), only_ids=s.retry_ids,
                                   token_roles=getattr(s.check_report, "token_roles", None))
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
        warnings = self.warning_texts()
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

    def warning_texts(self) -> list[str]:
        """The page's own warnings (counts, federated domains), then the plan's (core.preflight: the same
        ones the command line prints), each once."""
        s = self.session
        counts = s.plan.counts() if s.plan is not None else {}
        warnings = texts.confirm_warnings(counts, texts.federated_domains(s.check_report))
        if s.plan is not None:
            known = not texts.federation_unknown(s.check_report)
            warnings = [texts.plan_warning_text(w) for w in plan_warnings(s.plan, known)] + warnings
        return warnings

    def expected_confirmation(self) -> str:
        return self.session.connection.tenant if self.session.connection is not None else ""

    def tenant_domains(self) -> list[str]:
        """The tenant's domains: from the check (Domain.Read.All), else the users' UPN suffixes."""
        s = self.session
        listed = [name for name, _kind in (getattr(s.check_report, "domains", None) or [])]
        return tenant_domains(listed, s.users or (s.plan.rows if s.plan is not None else []))

    def tenant_domain(self) -> str:
        """The domain the label offers as an example."""
        return example_domain(self.tenant_domains())

    def accepted_confirmations(self) -> frozenset[str]:
        """What may be typed: core.run's one rule for both faces (the tenant, its id, one of its domains)."""
        s = self.session
        if s.connection is None:
            return frozenset()
        return confirmation_tokens(s.connection, getattr(s.check_report, "tenant_id", None), self.tenant_domains())

    def _changed(self) -> None:
        s = self.session
        s.dry_run = s.flow.dry_run = self.dry_run_box.isChecked()
        accepted = getattr(self, "_accepted", None) or self.accepted_confirmations()
        s.flow.confirmed = is_confirmed(self.confirm_edit.text(), accepted) and s.plan is not None
        self.confirm_edit.setEnabled(not s.dry_run)
        self.refresh_buttons()

    def input_complete(self) -> bool:
        return self.session.plan is not None
