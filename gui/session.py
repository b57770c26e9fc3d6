"""What the wizard has gathered so far, shared by the pages (plain data; no widgets, no rules)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gui.navigation import FlowState


@dataclass
class SourceChoice:
    """The Source page's answer, enough for core.sources / core.plan to build the plan."""

    kind: str = "csv"  # "csv" | "attribute"
    csv_path: str = ""
    match: str = "upn"
    key_column: str = ""
    value_column: str = ""
    attribute: str = "objectId"
    transform: str = "none"
    domains: tuple[str, ...] = ()
    include_guests: bool = False
    include_disabled: bool = False


@dataclass
class WizardSession:
    flow: FlowState = field(default_factory=FlowState)
    connection: Any = None  # core.connection.Connection
    secret: str | None = None  # memory only; never written anywhere but the keyring
    check_report: Any = None  # core.checks.CheckReport
    users: list[Any] | None = None  # core.directory.DirectoryUser list from the last listing
    source: SourceChoice = field(default_factory=SourceChoice)
    csv_table: Any = None  # core.csvsource.CsvTable
    plan: Any = None  # core.plan.Plan (what will be written)
    retry_ids: frozenset[str] | None = None  # "retry the failed ones": limit the next plan to these
    dry_run: bool = False
    result: Any = None  # core.apply.ApplyResult
    run_dir: Path | None = None
    report_path: Path | None = None
    sandbox: Any = None  # core.sandbox.SandboxTenant when started with --sandbox

    def forget_from_check(self) -> None:
        """A new connection makes everything after it stale."""
        self.check_report = self.users = self.plan = self.result = None
        self.flow.checks_passed = self.flow.plan_ready = self.flow.confirmed = False
