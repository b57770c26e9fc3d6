"""Page 6: the plan in words, the warnings, the opt-in UPN swap for federated domains, dry run, and a
deliberate typed confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFrame, QLineEdit, QVBoxLayout, QWidget, QWizard

from core.run.lifecycle import confirmation_tokens, example_domain, is_confirmed, tenant_domains
from core.tenant.parked import temporary_upn
from gui import texts
from gui.jobs import services
from gui.pages.base import WizardPage
from gui.widgets.swap_choice import SwapChoice


class ConfirmPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Confirm"))
        self.setSubTitle(self.tr("Read this, then confirm. This is the last step before writing."))
        self.summary = self.wrapped("", self)
        self.summary.setAccessibleName(self.tr("What will happen"))
        self.warnings = self.wrapped("", self)
        self.warnings.setAccessibleName(self.tr("Warnings"))
        self.swap_choice = SwapChoice(self)
        self.swap_choice.toggled.connect(self._swap_toggled)
        self.totals = self.wrapped("", self)
        self.totals.setAccessibleName(self.tr("What will be written"))
        self.body().addWidget(self.summary)
        self.body().addWidget(self.warnings)
        self.body().addWidget(self.swap_choice)
        self.body().addWidget(self.totals)
        self.body().addStretch(1)
        self._build_commit_box()
        self.finish_layout()

    def _build_commit_box(self) -> None:
        """The dry run, the typed confirmation and (in the button row below it) the one button that starts
        writing: fixed at the foot of the page, outside what scrolls, so that ticking the UPN swap or a longer
        text above never moves them."""
        self.commit_box = QFrame(self)
        self.dry_run_box = QCheckBox(self.tr("&Dry run: go through every user but write nothing"), self.commit_box)
        self.dry_run_box.toggled.connect(self._changed)
        self.confirm_label = self.wrapped("", self.commit_box)
        self.confirm_edit = QLineEdit(self.commit_box)
        self.confirm_edit.setAccessibleName(self.tr("Confirmation"))
        self.confirm_edit.textChanged.connect(self._changed)
        self.confirm_label.setBuddy(self.confirm_edit)
        column = QVBoxLayout(self.commit_box)
        column.setContentsMargins(0, 6, 0, 0)
        for widget in (self.dry_run_box, self.confirm_label, self.confirm_edit):
            column.addWidget(widget)
        self._outer.addWidget(self.commit_box)

    def commit_text(self) -> str:
        """The wizard's Next button on this page is the commit point: it says what it starts."""
        return self.tr("Start the &dry run") if self.dry_run_box.isChecked() else self.tr("&Start writing")

    def initializePage(self) -> None:
        self.confirm_edit.clear()
        self.session.flow.confirmed = False
        self.session.federated_upn_swap = False  # never carried over: ticked here, each time, or not at all
        self.swap_choice.offer(0, None, None)
        if self.session.retry_ids is not None:
            self._prepare_retry()
        else:
            self.show_plan()

    def _prepare_retry(self) -> None:
        """Retry: the plan is built again from live data, limited to the users that failed."""
        s = self.session
        job = services.preview_job(s.connection, s.secret, s.source, s.csv_table, only_ids=s.retry_ids)
        self.summary.setText("")
        self.warnings.setText("")
        self.run_job(job, "retry plan", self.tr("Reading the failed users again from the tenant…"),
                     on_finished=self._retry_planned)

    def _retry_planned(self, result) -> None:
        plan = result.plan
        self.session.plan, self.session.prepared = plan, result.prepared
        self.session.retry_ids = None
        self.session.flow.writes_planned = len(plan.to_write())
        self.show_plan()

    def show_plan(self) -> None:
        s = self.session
        swappable = s.plan.swappable() if s.plan is not None else []
        initial = s.prepared.facts.initial_domain if s.prepared is not None else None  # where the swap parks UPNs
        example = temporary_upn(swappable[0].user_principal_name, initial) if swappable and initial else None
        # users parked on a temporary UPN by an interrupted swap are brought back only by a swap run: offer it
        parked = [r for r in s.plan.parked() if r.reason_args.get("original")] if s.plan is not None else []
        self.swap_choice.offer(len(swappable) + len(parked), initial, example)
        self.show_texts()
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

    def show_texts(self) -> None:
        """The summary, the warnings and the totals: they follow the UPN swap choice."""
        s = self.session
        counts = s.plan.counts() if s.plan is not None else {}
        swapped = self.swapped()
        self.summary.setText(texts.confirm_summary(counts, s.connection, s.source, swapped))
        warnings = self.warning_texts()
        self.warnings.setText("".join(f"<p>⚠ {w}</p>" for w in warnings))
        self.warnings.setVisible(bool(warnings))
        users = self.users_to_write()
        writes = users + swapped  # each swap is two writes (graph-facts §11)
        self.totals.setText(texts.write_total(users, swapped, writes, not self.swap_choice.isHidden()))

    def swapped(self) -> int:
        """Users to be set with the UPN swap: Plan.swappable() when the admin ticked it, else 0."""
        plan = self.session.plan
        return len(plan.swappable()) if plan is not None and self.swap_choice.chosen() else 0

    def users_to_write(self) -> int:
        plan = self.session.plan
        return (len(plan.to_write()) if plan is not None else 0) + self.swapped()

    def _swap_toggled(self, _on: bool) -> None:
        # What is written has changed: the typed confirmation confirmed the old totals, so it goes.
        self.confirm_edit.clear()
        self.show_texts()
        self._changed()

    def warning_texts(self) -> list[str]:
        """The prepare step's warnings for the swap as chosen (core.run.prepare: the same ones the command line
        prints), then what only a continued run says."""
        s = self.session
        prepared = s.prepared
        warnings = [texts.plan_warning_text(w) for w in prepared.warnings(self.swap_choice.chosen())] \
            if prepared is not None else []
        header = getattr(s.resume, "header", None) or {}
        if header.get("federated_upn_swap") and not self.swap_choice.chosen():
            # users it had begun are finished either way (core/run/apply.py step 8); the rest only if ticked
            warnings.append(self.tr("The unfinished run used the UPN swap. Users it had begun are finished either "
                                    "way; tick the UPN swap below to set the rest of them too."))
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
        """What may be typed: core.run.lifecycle's one rule for both faces (the tenant, its id, one of its domains)."""
        s = self.session
        if s.connection is None:
            return frozenset()
        return confirmation_tokens(s.connection, getattr(s.check_report, "tenant_id", None), self.tenant_domains())

    def _changed(self) -> None:
        s = self.session
        s.dry_run = s.flow.dry_run = self.dry_run_box.isChecked()
        s.federated_upn_swap = self.swap_choice.chosen()
        if s.plan is not None:
            s.flow.writes_planned = self.users_to_write()
        accepted = getattr(self, "_accepted", None) or self.accepted_confirmations()
        s.flow.confirmed = is_confirmed(self.confirm_edit.text(), accepted) and s.plan is not None
        self.confirm_edit.setEnabled(not s.dry_run)
        self.setButtonText(QWizard.WizardButton.NextButton, self.commit_text())
        self.refresh_buttons()

    def input_complete(self) -> bool:
        return self.session.plan is not None
