"""What the wizard has gathered so far, shared by the pages (plain data; no widgets, no rules)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.source.spec import SourceSpec
from gui.navigation import FlowState

# The Source page's answer is core's source choice itself (core/source/spec.py): one schema for every face.
SourceChoice = SourceSpec


@dataclass
class WizardSession:
    flow: FlowState = field(default_factory=FlowState)
    connection: Any = None  # core.graph.connection.Connection
    secret: str | None = None  # memory only; never written anywhere but the keyring
    check_report: Any = None  # core.tenant.checks.CheckReport
    users: list[Any] | None = None  # core.tenant.directory.DirectoryUser list from the last listing
    users_listed_at: float | None = None  # time.monotonic() of that listing
    source: SourceChoice = field(default_factory=SourceChoice)
    csv_table: Any = None  # core.source.csvfile.CsvTable
    plan: Any = None  # core.planning.plan.Plan (what will be written)
    prepared: Any = None  # core.run.prepare.Prepared the plan came from (its warnings, its RunSpec)
    retry_ids: frozenset[str] | None = None  # "retry the failed ones": limit the next plan to these
    resume: Any = None  # core.run.lifecycle.UnfinishedRun the admin chose to continue (None: a new run)
    dry_run: bool = False
    # The Confirm page's opt-in: also set Plan.swappable() (federated domains) with the UPN swap. Off until
    # ticked there, and off again whenever a plan is (re)built or the Confirm page is entered.
    federated_upn_swap: bool = False
    result: Any = None  # core.run.apply.ApplyResult
    run_dir: Path | None = None
    report_path: Path | None = None
    sandbox: Any = None  # core.sandbox.SandboxTenant when started with --sandbox
    demo: Any = None  # gui.demo.Demo (the same tenant, its folder, reset) when started with --sandbox

    def forget_from_check(self) -> None:
        """A new connection makes everything after it stale."""
        self.check_report = self.users = self.users_listed_at = self.plan = self.prepared = self.result = None
        self.resume = None
        self.federated_upn_swap = False
        self.flow.checks_passed = self.flow.plan_ready = self.flow.confirmed = False

    def recent_users(self, max_age_s: float) -> list[Any] | None:
        """The last listing if it may stand for a preview: young, and no run has written since. (The
        write step re-reads every user just before writing, so a preview never decides a write.)"""
        if self.users is None or self.users_listed_at is None or self.result is not None:
            return None
        return self.users if time.monotonic() - self.users_listed_at <= max_age_s else None

    def remember_listing(self, users: list[Any]) -> None:
        self.users, self.users_listed_at = users, time.monotonic()

