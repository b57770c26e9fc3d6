"""The life of one run, the same for every kind (apply, undo) and every face (the command line, the wizard,
unattended runs, batches of schools). A face chooses how to ask and how to show; what a run *is* lives here
and in core/planning/prepare.py (its first half):

- one `RunSpec` for every kind; one journal header; the run folder (new, or the unfinished one of the same
  kind being continued);
- the confirmation rule (what typed text counts as "yes, write to this tenant");
- the writes (core/run/apply.py, core/run/undo.py), then `report.csv`, `unmatched_rows.csv` and
  `summary.json` — written whatever happens: cancel, a fatal stop, or a bug inside the engine;
- the exit code a result means (core/planning/statuses.py has the one definition of "failed").

No Qt, no printing, no prompting.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core import __version__, paths
from core.exits import EXIT_CANCELLED, EXIT_CANNOT_CONNECT, EXIT_OK, EXIT_SOME_FAILED
from core.graph.connection import Connection
from core.graph.pacing import WritePacer
from core.planning.plan import Plan
from core.planning.statuses import TO_WRITE_STATUSES, Status, count_statuses, is_failure
from core.run.apply import ApplyProgress, ApplyResult, apply_plan
from core.run.folders import REPORT_FILE, SUMMARY_FILE, UNMATCHED_FILE, RunKind, UnfinishedRun
from core.run.journal import Journal, JournalBusy
from core.run.outputs import OutputPathError, check_output_path
from core.run.report import write_report, write_summary, write_unmatched
from core.run.undo import UndoResult, undo_rows
from core.run.writer import DEFAULT_CONCURRENCY
from core.tenant.directory import upn_domain

log = logging.getLogger(__name__)


def exit_code(result: Any) -> int:
    if result.fatal:
        return EXIT_CANNOT_CONNECT
    if result.cancelled:
        return EXIT_CANCELLED
    return EXIT_SOME_FAILED if any(is_failure(row) for row in result.rows) else EXIT_OK


# --- confirmation ----------------------------------------------------------------------------------
def tenant_domains(listed: Iterable[str] | None, rows: Iterable[Any] = ()) -> list[str]:
    """The tenant's domains: as listed (Domain.Read.All), else the UPN suffixes of its users."""
    names = {n for n in (listed or ()) if n}
    if not names:
        names = {upn_domain(getattr(r, "user_principal_name", None) or getattr(r, "upn", None) or "")
                 for r in rows}
    return sorted({n.strip().lower() for n in names if n and n.strip()})


def example_domain(domains: list[str]) -> str:
    """One domain to show in the prompt: the .onmicrosoft.com one is the least ambiguous."""
    return next((d for d in domains if d.endswith(".onmicrosoft.com")), domains[0] if domains else "")


def confirmation_tokens(conn: Connection, tenant_id: str | None = None,
                        domains: Iterable[str] = ()) -> frozenset[str]:
    """What may be typed to confirm a write: the tenant as entered, its id, or one of its domains —
    words that name *this* tenant, so that a confirmation typed for one school never fits another.
    Compared trimmed and case-insensitively."""
    tokens = [conn.tenant, tenant_id, *domains]
    return frozenset(t.strip().casefold() for t in tokens if t and t.strip())


def is_confirmed(typed: str, tokens: frozenset[str]) -> bool:
    text = (typed or "").strip().casefold()
    return bool(text) and text in tokens


# --- the run -----------------------------------------------------------------------------------------
class RunBusy(RuntimeError):
    """Another process or window holds this run's journal (the same run, twice at once)."""

    def __init__(self, run_dir: Path) -> None:
        super().__init__(f"another run is writing this run folder: {run_dir}")
        self.run_dir = run_dir


@dataclass
class RunSpec:
    """What a face hands over to start (or continue) a run of any kind. Made by core/planning/prepare.py
    (`Prepared.run_spec`) so that every face fills it the same way."""

    conn: Connection
    plan: Plan                              # apply: the plan; undo: core/run/undo.plan_undo's
    kind: RunKind = RunKind.APPLY
    dry_run: bool = False
    resume: UnfinishedRun | None = None     # continue this run of the same kind instead of starting anew
    tenant_id: str | None = None            # from the sign-in, when known
    source_spec: Mapping[str, Any] = field(default_factory=dict)  # core/source/spec.SourceSpec.to_dict()
    federation_known: bool = True
    face: str = "cli"                       # who started it: "cli" | "wizard" | "unattended" | "batch"
    report_copy: Path | None = None         # --report: the report written here too
    delimiter: str = ","
    timings: dict[str, float] = field(default_factory=dict)
    # The UPN swap (issue 10 §1, graph-facts §11), opt-in: apply sets Plan.swappable() users (and brings
    # parked ones back), undo clears federated users with it. The admin confirmed its effects.
    federated_upn_swap: bool = False
    undo_of: Path | None = None             # undo: the apply run folder being undone
    initial_domain: str | None = None       # where the swap parks UPNs, when the prepare step knew it
    # what the prepare step warned of before the run (codes and args), kept in summary.json: every face
    # shows the same warnings, and the record shows what the admin was told
    warnings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def folder_label(self) -> str:
        kind = "undo" if self.kind is RunKind.UNDO else ""
        if self.dry_run:
            return f"{kind}-dry-run" if kind else "dry-run"
        return kind or "apply"

    @property
    def to_write(self) -> int:
        return sum(1 for r in self.plan.rows if r.status in TO_WRITE_STATUSES) + (
            len(self.plan.swappable()) if self.federated_upn_swap and self.kind is RunKind.APPLY else 0)


@dataclass
class RunOutcome:
    result: ApplyResult | UndoResult
    run_dir: Path
    report_path: Path
    files: list[Path]
    resumed: bool
    kind: RunKind = RunKind.APPLY

    @property
    def counts(self) -> dict[str, int]:
        return count_statuses(self.result.rows)

    @property
    def cancelled(self) -> bool:
        return bool(self.result.cancelled)

    @property
    def exit_code(self) -> int:
        return exit_code(self.result)


def journal_header(spec: RunSpec) -> dict[str, Any]:
    """One header for every kind of run (contracts.md, the journal)."""
    conn, plan = spec.conn, spec.plan
    header: dict[str, Any] = {
        "kind": spec.kind.value, "tenant": conn.tenant, "tenant_id": spec.tenant_id, "client_id": conn.client_id,
        "to_write": sum(1 for r in plan.rows if r.status in TO_WRITE_STATUSES), "dry_run": spec.dry_run, "face": spec.face, "tool_version": __version__,
        "federated_upn_swap": spec.federated_upn_swap,
        "to_swap": len(plan.swappable()) if spec.federated_upn_swap else 0}
    if spec.kind is RunKind.UNDO:
        header["undo_of"] = str(Path(spec.undo_of or "").resolve())
    else:
        header.update(plan_hash=plan.plan_hash(), source=plan.source, source_spec=dict(spec.source_spec),
                      transform=plan.transform)
    return header


def open_journal(spec: RunSpec) -> tuple[Journal, bool]:
    """The journal of a new run folder, or of the unfinished run being continued (True)."""
    resume = None if spec.dry_run else spec.resume
    run_dir = resume.path if resume else paths.new_run_dir(spec.conn.tenant, spec.folder_label)
    try:
        return Journal(run_dir, journal_header(spec)), resume is not None
    except JournalBusy:
        raise RunBusy(run_dir) from None


Progress = Callable[[ApplyProgress], None]


def execute(spec: RunSpec, graph: Any, *, progress: Progress | None = None,
            cancel: threading.Event | None = None, pacer: WritePacer | None = None,
            concurrency: int = DEFAULT_CONCURRENCY, journal: tuple[Journal, bool] | None = None) -> RunOutcome:
    """Run the spec (or go through it, dry run) and leave the run folder complete whatever happens:
    cancel, a fatal stop or a bug still end with the journal closed and the report and summary written.
    `journal`: from open_journal() when the face opened it first (to say "resuming" before writing)."""
    journal_obj, resumed = journal or open_journal(spec)
    cancel = cancel or threading.Event()
    try:
        result = _engine(spec, graph, journal_obj, progress, cancel, pacer, concurrency)
    except Exception as exc:  # the engines end cleanly on their own; this is for their bugs
        log.exception("%s run stopped by an unexpected error", spec.kind.value)
        result = _salvage(spec, journal_obj, exc)
    finally:
        journal_obj.close()
    files = write_run_files(spec, result, journal_obj.run_dir, resumed)
    return RunOutcome(result, journal_obj.run_dir, files[0], files, resumed, spec.kind)


def _engine(spec: RunSpec, graph: Any, journal: Journal, progress: Progress | None, cancel: threading.Event,
            pacer: WritePacer | None, concurrency: int) -> ApplyResult | UndoResult:
    if spec.kind is RunKind.UNDO:
        return undo_rows(spec.plan, graph, journal, spec.dry_run, pacer=pacer, cancel=cancel, progress=progress,
                         upn_swap=spec.federated_upn_swap, initial_domain=spec.initial_domain)
    return apply_plan(spec.plan, graph, journal, spec.dry_run, progress=progress, cancel=cancel,
                      concurrency=concurrency, pacer=pacer, upn_swap=spec.federated_upn_swap)


def _salvage(spec: RunSpec, journal: Journal, exc: Exception) -> UndoResult:
    """A result that tells the truth after an engine's bug: users the journal shows an outcome for keep it;
    every other planned user is not_attempted (a rerun continues the run, and re-reads any user whose write
    was announced but not confirmed), and the run is stopped."""
    outcomes: dict[str, tuple[str, str]] = {}
    try:
        journal.sync()
        outcomes = Journal.replay(journal.path).outcomes
    except (OSError, ValueError):
        log.warning("could not read the journal back after the error", exc_info=True)
    rows = [dataclasses.replace(row) for row in spec.plan.rows]
    for row in rows:
        if row.object_id in outcomes and outcomes[row.object_id][0] in Status.__members__.values():
            row.status, row.detail = Status(outcomes[row.object_id][0]), outcomes[row.object_id][1]
        elif row.status in TO_WRITE_STATUSES:
            row.settle(Status.NOT_ATTEMPTED, "stopped_internal_error")
    now = datetime.now(UTC)
    result = UndoResult(rows, now, now, spec.dry_run, fatal=f"internal_error:{type(exc).__name__}")
    try:
        journal.end(count_statuses(rows), cancelled=False)
    except (OSError, ValueError):
        log.warning("could not end the journal after the error", exc_info=True)
    return result


def write_run_files(spec: RunSpec, result: Any, run_dir: Path, resumed: bool) -> list[Path]:
    """report.csv, unmatched_rows.csv (when a CSV source left rows unmatched) and summary.json — the same
    files for every kind and face — and the report's copy where the face was asked to put one."""
    plan = spec.plan
    unmatched = plan.unmatched_rows if spec.kind is RunKind.APPLY else []
    files = write_outputs(result.rows, run_dir, REPORT_FILE, unmatched, spec.delimiter, spec.report_copy)
    extra: dict[str, Any] = {
        "kind": spec.kind.value, "face": spec.face, "resumed": resumed, "cancelled": result.cancelled,
        "fatal": result.fatal, "writes_sent": result.writes_sent, "throttled": result.throttled,
        "run_folder": str(run_dir), "timings": {**spec.timings, f"{spec.kind.value}_s": _seconds(result)},
        "warnings": spec.warnings}
    if spec.kind is RunKind.UNDO:
        extra["undo_of"] = str(spec.undo_of)
    else:
        extra.update(source=plan.source, transform=plan.transform, unmatched_rows=len(plan.unmatched_rows),
                     federation_known=spec.federation_known)
    files.append(write_summary(result, run_dir / SUMMARY_FILE, tenant=spec.conn.tenant,
                               client_id=spec.conn.client_id, command=spec.kind.value, dry_run=spec.dry_run,
                               extra=extra))
    return files


def write_outputs(rows: Any, run_dir: Path, name: str, unmatched: list[Any], delimiter: str = ",",
                  copy_to: Path | None = None) -> list[Path]:
    """The report (+ unmatched rows) in the run folder, and a copy where the user asked for one."""
    written = [write_report(rows, run_dir / name, delimiter)]
    if unmatched:
        written.append(write_unmatched(unmatched, run_dir / UNMATCHED_FILE, delimiter))
    if copy_to is not None:
        written.append(write_report(rows, copy_to, delimiter))
        beside = _unmatched_copy(copy_to) if unmatched else None
        if beside is not None:
            written.append(write_unmatched(unmatched, beside, delimiter))
    return written


def _unmatched_copy(copy_to: Path) -> Path | None:
    """The unmatched rows beside the user's copy, through the output guard (core.run.outputs): an earlier copy
    of ours is replaced, but never a run's file, a device or a FIFO put there. Skipped (and logged), never
    raised: this runs in the catch-all that must finish the run's own files."""
    try:
        return check_output_path(unmatched_copy_path(copy_to), replace=True)
    except OutputPathError as exc:
        log.warning("unmatched rows not copied beside %s: %s", copy_to, exc.code)
        return None


def unmatched_copy_path(report: Path) -> Path:
    return report.with_name(f"{report.stem}.unmatched_rows.csv")


def _seconds(result: Any) -> float | None:
    return round((result.finished - result.started).total_seconds(), 3) if result.finished else None
