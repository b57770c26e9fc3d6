"""The life of one apply run, the same for every face (the command line, the wizard; later undo,
unattended runs and batches). A face chooses how to ask and how to show; what a run *is* lives here:

- the run folder (new, or the unfinished one being continued) and the journal's header;
- finding an unfinished run of this tenant and app, and what to say about it;
- the confirmation rule (what typed text counts as "yes, write to this tenant");
- the writes (core.run.apply), then `report.csv`, `unmatched_rows.csv` and `summary.json`;
- the status groups: what counts as done, what needs attention, what a retry picks;
- the exit code a result means.

No Qt, no printing, no prompting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from core import __version__, paths
from core.exits import EXIT_CANCELLED, EXIT_CANNOT_CONNECT, EXIT_OK, EXIT_SOME_FAILED
from core.graph.connection import Connection
from core.graph.pacing import WritePacer
from core.planning.plan import Plan, count_statuses  # noqa: F401 (count_statuses: re-exported for the faces)
from core.run.apply import ApplyProgress, ApplyResult, apply_plan
from core.run.journal import FILE_NAME as JOURNAL_FILE
from core.run.journal import Journal, JournalBusy
from core.run.report import write_report, write_summary, write_unmatched
from core.tenant.directory import upn_domain

REPORT_FILE = "report.csv"
PREVIEW_FILE = "preview.csv"
UNMATCHED_FILE = "unmatched_rows.csv"
SUMMARY_FILE = "summary.json"

# Status groups, one definition for both faces.
DONE_STATUSES = frozenset({"set", "skipped_already_set", "dry_run"})
# What "retry the failed ones" picks, and what the Results page lists first.
ATTENTION_STATUSES = ("failed", "conflict", "not_attempted")
FAILURE_STATUSES = frozenset({"failed", "conflict"})


def status_of(row: Any) -> str:
    return getattr(row.status, "value", row.status)


def needs_attention(rows: Iterable[Any]) -> list[Any]:
    return [row for row in rows if status_of(row) in ATTENTION_STATUSES]


def retry_ids(rows: Iterable[Any]) -> frozenset[str]:
    """The users a "retry the failed ones" plans again (from live data, with a fresh confirmation)."""
    return frozenset(row.object_id for row in needs_attention(rows))


def exit_code(result: ApplyResult) -> int:
    if result.fatal:
        return EXIT_CANNOT_CONNECT
    if result.cancelled:
        return EXIT_CANCELLED
    failed = sum(1 for row in result.rows if status_of(row) in FAILURE_STATUSES)
    return EXIT_SOME_FAILED if failed else EXIT_OK


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


# --- unfinished runs ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class UnfinishedRun:
    """An apply that did not finish (killed, crashed, power cut, cancelled, stopped): the next apply
    continues it."""

    path: Path
    started: datetime | None
    done: int                 # users the run is finished with (JournalState.settled: not a swap half-way)
    total: int | None         # users it set out to write, UPN swaps included (None: an older journal)
    header: Mapping[str, Any] = field(default_factory=dict)

    @property
    def source_spec(self) -> Mapping[str, Any]:
        """The source choice the run was started with (so a face can set it up again)."""
        return self.header.get("source_spec") or {}


def _same_tenant(header: Mapping[str, Any], conn: Connection, tenant_id: str | None) -> bool:
    if header.get("client_id") != conn.client_id:
        return False
    theirs = {str(header.get(k) or "").casefold() for k in ("tenant", "tenant_id")} - {""}
    ours = {str(v).casefold() for v in (conn.tenant, tenant_id) if v}
    return bool(theirs & ours)


def find_unfinished_run(conn: Connection, tenant_id: str | None = None,
                        runs: Path | None = None) -> UnfinishedRun | None:
    """The latest apply run of this tenant and app, if it did not finish: killed (no end), or cancelled or
    stopped (it ended with users not attempted) — the next apply continues it in the same folder, so one
    report covers the whole run. A later run that finished means the earlier one was left behind on
    purpose; dry runs never count."""
    base = runs or paths.runs_dir()
    for run_dir in sorted((p for p in base.iterdir() if p.is_dir()), reverse=True):
        journal = run_dir / JOURNAL_FILE
        if not journal.exists():
            continue
        state = Journal.replay(journal)
        if not _same_tenant(state.header, conn, tenant_id) or state.header.get("dry_run"):
            continue
        if state.header.get("kind", "apply") != "apply":  # an undo's journal (core/run/undo.py) is not an apply
            continue
        if state.complete:
            return None
        return UnfinishedRun(run_dir, _parse_time(state.header.get("time")), state.settled(), state.planned(),
                             dict(state.header))
    return None


def _parse_time(text: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


# --- the run -----------------------------------------------------------------------------------------
class RunBusy(RuntimeError):
    """Another apply holds this run's journal (a second window or process on the same run)."""

    def __init__(self, run_dir: Path) -> None:
        super().__init__(f"another apply is writing this run: {run_dir}")
        self.run_dir = run_dir


@dataclass
class RunSpec:
    """What a face hands over to start (or continue) an apply."""

    conn: Connection
    plan: Plan
    dry_run: bool = False
    resume: UnfinishedRun | None = None     # continue this run instead of starting a new one
    tenant_id: str | None = None            # from the sign-in, when known
    source_spec: Mapping[str, Any] = field(default_factory=dict)  # the face's source choice, for resume
    federation_known: bool = True
    face: str = "cli"                       # who started it: "cli" | "wizard" | "unattended" (recorded, never decides)
    report_copy: Path | None = None         # --report: the report written here too
    delimiter: str = ","
    timings: dict[str, float] = field(default_factory=dict)
    # issue 10 §1: federated_domain users with a ready value (Plan.swappable) are set with the two-step
    # UPN swap (core/run/swap.py). Opt-in: the admin confirmed its effects (graph-facts §11).
    federated_upn_swap: bool = False


@dataclass
class RunOutcome:
    result: ApplyResult  # or core.run.undo.UndoResult: rows, fatal, cancelled are all this uses
    run_dir: Path
    report_path: Path
    files: list[Path]
    resumed: bool

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
    conn, plan = spec.conn, spec.plan
    return {"tenant": conn.tenant, "tenant_id": spec.tenant_id, "client_id": conn.client_id,
            "plan_hash": plan.plan_hash(), "to_write": len(plan.to_write()), "source": plan.source,
            "source_spec": dict(spec.source_spec), "transform": plan.transform, "dry_run": spec.dry_run,
            "face": spec.face, "tool_version": __version__, "federated_upn_swap": spec.federated_upn_swap,
            "to_swap": len(plan.swappable()) if spec.federated_upn_swap else 0}


def open_journal(spec: RunSpec) -> tuple[Journal, bool]:
    """The journal of a new run folder, or of the unfinished run being continued (True)."""
    resume = None if spec.dry_run else spec.resume
    run_dir = resume.path if resume else paths.new_run_dir(spec.conn.tenant, "dry-run" if spec.dry_run else "apply")
    try:
        return Journal(run_dir, journal_header(spec)), resume is not None
    except JournalBusy:
        raise RunBusy(run_dir) from None


def execute(spec: RunSpec, graph: Any, *, progress: Callable[[ApplyProgress], None] | None = None,
            cancel: threading.Event | None = None, pacer: WritePacer | None = None,
            concurrency: int = 4, journal: tuple[Journal, bool] | None = None) -> RunOutcome:
    """Write the plan (or go through it, dry run) and leave the run folder complete whatever happens:
    cancel, a fatal stop or a bug still end with the journal closed and the report and summary written.
    `journal`: from open_journal() when the face opened it first (to say "resuming" before writing)."""
    journal_obj, resumed = journal or open_journal(spec)
    try:
        result = apply_plan(spec.plan, graph, journal_obj, spec.dry_run, progress=progress, cancel=cancel,
                            concurrency=concurrency, pacer=pacer, upn_swap=spec.federated_upn_swap)
    finally:
        journal_obj.close()
    files = write_run_files(spec, result, journal_obj.run_dir, resumed)
    return RunOutcome(result, journal_obj.run_dir, files[0], files, resumed)


def write_run_files(spec: RunSpec, result: ApplyResult, run_dir: Path, resumed: bool) -> list[Path]:
    """report.csv, unmatched_rows.csv (when a CSV source left rows unmatched) and summary.json — the same
    files for every face — and the report's copy where the face was asked to put one."""
    plan = spec.plan
    files = write_outputs(result.rows, run_dir, REPORT_FILE, plan.unmatched_rows, spec.delimiter,
                          spec.report_copy)
    extra = {"source": plan.source, "transform": plan.transform, "face": spec.face, "resumed": resumed,
             "cancelled": result.cancelled, "fatal": result.fatal, "writes_sent": result.writes_sent,
             "throttled": result.throttled, "unmatched_rows": len(plan.unmatched_rows),
             "federation_known": spec.federation_known, "run_folder": str(run_dir),
             "timings": {**spec.timings, "apply_s": _seconds(result)}}
    files.append(write_summary(result, run_dir / SUMMARY_FILE, tenant=spec.conn.tenant,
                               client_id=spec.conn.client_id, command="apply", dry_run=spec.dry_run,
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
        if unmatched:
            written.append(write_unmatched(unmatched, unmatched_copy_path(copy_to), delimiter))
    return written


def unmatched_copy_path(report: Path) -> Path:
    return report.with_name(f"{report.stem}.unmatched_rows.csv")


def _seconds(result: ApplyResult) -> float | None:
    return round((result.finished - result.started).total_seconds(), 3) if result.finished else None
