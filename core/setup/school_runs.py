"""Many schools at once (`batch`): plan every school, then write them side by side (or, with nothing to
confirm, each school from sign-in to write on its own: plan_and_run_all), each school its own
run through core/run/lifecycle.py — its own sign-in, Graph client and write pacer (every tenant has its own quota,
so one school's pace never holds back another's), its own run folder, journal, report and summary, and
its own unfinished run continued on a rerun.

A school that fails (sign-in, no secret, a run already busy, a bug) is marked and the others go on. One
cancel event stops them all the way a single apply stops: writes in flight finish, the rest are
`not_attempted`; schools not started yet are left alone (nothing written, no run folder).

No Qt, no printing: the face is told of every change through `on_change(run)`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from core import logsetup
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_CANNOT_CONNECT, EXIT_OK, EXIT_SOME_FAILED
from core.graph.auth import AuthError
from core.graph.batching import ReadFailed
from core.graph.client import Cancelled, GraphClient, GraphError
from core.graph.pacing import WritePacer
from core.messages import school_reason_text
from core.planning.plan import Plan
from core.planning.statuses import APPLY_STATUSES, PREVIEW_STATUSES
from core.run.apply import ApplyProgress
from core.run.lifecycle import RunBusy, RunOutcome, execute, open_journal
from core.run.prepare import Prepared, prepare
from core.run.report import write_csv
from core.run.writer import DEFAULT_CONCURRENCY
from core.setup.schools import School
from core.setup.secrets import SecretStore

log = logging.getLogger(__name__)

# The batch's exit code is the worst of its schools', worst first: a school that cannot connect (3) or
# whose own input was refused (2) needs a person before a rerun helps; a cancelled one (4) needs only a
# rerun; 1 needs its report read; 0 needs nothing.
SEVERITY = (EXIT_CANNOT_CONNECT, EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_SOME_FAILED, EXIT_OK)


class SchoolState(StrEnum):
    WAITING = "waiting"
    PLANNING = "planning"
    PLANNED = "planned"
    WRITING = "writing"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass
class SchoolRun:
    """One school's way through the batch. `reason`: a code saying why it failed or stopped."""

    school: School
    state: SchoolState = SchoolState.WAITING
    listed: int = 0
    prepared: Prepared | None = field(default=None, repr=False)
    progress: ApplyProgress | None = None
    outcome: RunOutcome | None = None
    exit_code: int | None = None
    reason: str | None = None

    @property
    def name(self) -> str:
        return self.school.name

    @property
    def plan(self) -> Plan | None:
        return self.prepared.plan if self.prepared else None

    @property
    def tenant_id(self) -> str | None:
        return self.prepared.tenant_id if self.prepared else None

    @property
    def to_write(self) -> int:
        return len(self.plan.to_write()) if self.plan else 0

    @property
    def counts(self) -> dict[str, int]:
        if self.outcome is not None:
            return self.outcome.counts
        return self.plan.counts() if self.plan else {}

    def end(self, state: SchoolState, exit_code: int, reason: str | None = None) -> None:
        self.state, self.exit_code, self.reason = state, exit_code, reason


Changed = Callable[[SchoolRun], None]


def worst_exit(codes: Iterable[int | None]) -> int:
    present = {c for c in codes if c is not None}
    return next((c for c in SEVERITY if c in present), EXIT_OK)


def _each(runs: list[SchoolRun], parallel: int, job: Callable[[SchoolRun], None], on_change: Changed) -> None:
    """`job` for every school, `parallel` at a time; a bug in one school ends that school only."""
    def guarded(run: SchoolRun) -> None:
        try:
            job(run)
        except Exception as exc:  # noqa: BLE001 — one school's bug must not stop the others
            log.exception("school %s stopped by an unexpected error", run.name)
            run.end(SchoolState.FAILED, EXIT_CANNOT_CONNECT, f"internal_error:{type(exc).__name__}")
        on_change(run)

    with ThreadPoolExecutor(max_workers=max(1, parallel), thread_name_prefix="school") as pool:
        list(pool.map(guarded, runs))


# --- planning ---------------------------------------------------------------------------------------
def plan_all(runs: list[SchoolRun], *, parallel: int = 4, cancel: threading.Event | None = None,
             secrets: SecretStore | None = None, on_change: Changed = lambda run: None) -> None:
    """Sign in, list and plan every school (its live value re-read again before writing)."""
    cancel = cancel or threading.Event()
    found = _secrets(runs, secrets)
    _each(runs, parallel, lambda run: _plan(run, found[id(run)], cancel, on_change), on_change)
    _one_run_per_tenant(runs)


def plan_and_run_all(runs: list[SchoolRun], options: WriteOptions | None = None, *, parallel: int = 4,
                     cancel: threading.Event | None = None, secrets: SecretStore | None = None,
                     on_change: Changed = lambda run: None) -> int:
    """Each school from sign-in through plan to write on its own, `parallel` at a time, for a batch that
    asks no confirmation (--yes, --dry-run): one school's slow sign-in or listing never holds back another's
    writes, and the next school starts the moment one ends. Returns the batch's exit code (worst_exit)."""
    options = options or WriteOptions()
    cancel = cancel or threading.Event()
    found = _secrets(runs, secrets)
    claims = _TenantClaims()

    def job(run: SchoolRun) -> None:
        _plan(run, found[id(run)], cancel, on_change)
        if run.state is not SchoolState.PLANNED:
            return
        on_change(run)
        if claims.refused(run):
            return
        _write(run, options, cancel, on_change)

    _each(runs, parallel, job, on_change)
    return worst_exit(run.exit_code for run in runs)


def _secrets(runs: list[SchoolRun], secrets: SecretStore | None) -> dict[int, str | None]:
    # The keyring is asked here, one school after another: not every backend (D-Bus) is safe across threads.
    # It is opened only when a school's profile file has no secret (choosing a backend takes ~0.1 s).
    found: dict[int, str | None] = {}
    for run in runs:
        found[id(run)] = None if run.school.conn.uses_certificate else run.school.profile_secret
        if not found[id(run)]:
            secrets = secrets or SecretStore()  # one per process: a keyring-less machine keeps secrets in it
            found[id(run)] = secrets.credential_for(run.school.conn)
    return found


class _TenantClaims:
    """The first school planned against a tenant writes it; a later one (the same tenant under another name)
    is refused, as _one_run_per_tenant refuses it when every school is planned first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[str, str] = {}

    def refused(self, run: SchoolRun) -> bool:
        with self._lock:
            first = self._seen.setdefault(run.tenant_id or run.name, run.name)
        if first == run.name:
            return False
        run.end(SchoolState.FAILED, EXIT_BAD_INPUT, f"tenant_repeated:{first}")
        return True


def _one_run_per_tenant(runs: list[SchoolRun]) -> None:
    """Two rows may name one tenant differently (its domain, its id): only the sign-in tells. The later
    row is refused rather than written side by side against one quota and one unfinished run."""
    seen: dict[str, str] = {}
    for run in runs:
        if run.state is SchoolState.PLANNED and run.tenant_id:
            if run.tenant_id in seen:
                run.end(SchoolState.FAILED, EXIT_BAD_INPUT, f"tenant_repeated:{seen[run.tenant_id]}")
            seen.setdefault(run.tenant_id, run.name)


def _plan(run: SchoolRun, secret: str | None, cancel: threading.Event, on_change: Changed) -> None:
    if cancel.is_set():
        return run.end(SchoolState.CANCELLED, EXIT_CANCELLED, "not_started")
    conn = run.school.conn
    if not secret:
        return run.end(SchoolState.FAILED, EXIT_CANNOT_CONNECT, "no_secret")
    logsetup.register_secret(secret)
    run.state = SchoolState.PLANNING
    on_change(run)

    def listed(p: object) -> None:
        run.listed = getattr(p, "done", 0)
        on_change(run)

    try:  # the same prepare step as apply and the wizard: domains, initial domain, admins, parked users
        run.prepared = prepare(conn, GraphClient.open(conn, secret), run.school.spec, run.school.source,
                               progress=listed, cancel=cancel)
    except AuthError as exc:
        return run.end(SchoolState.FAILED, EXIT_CANNOT_CONNECT, getattr(exc.code, "value", str(exc.code)))
    except Cancelled:
        return run.end(SchoolState.CANCELLED, EXIT_CANCELLED, "not_started")
    except GraphError as exc:
        return run.end(SchoolState.FAILED, EXIT_CANNOT_CONNECT, f"graph_error:{exc.status} {exc.code}")
    except ReadFailed as exc:
        return run.end(SchoolState.FAILED, EXIT_CANNOT_CONNECT, f"graph_error:read {exc.error}")
    run.state = SchoolState.PLANNED


# --- writing ----------------------------------------------------------------------------------------
@dataclass
class WriteOptions:
    dry_run: bool = False
    quota: tuple[int, float] = (3000, 150.0)   # each school's own write quota (Entra's per app and tenant)
    concurrency: int = DEFAULT_CONCURRENCY     # batches in flight per school


def run_all(runs: list[SchoolRun], options: WriteOptions | None = None, *, parallel: int = 4,
            cancel: threading.Event | None = None, on_change: Changed = lambda run: None) -> int:
    """Write every planned school, `parallel` at a time. Returns the batch's exit code (worst_exit)."""
    options = options or WriteOptions()
    cancel = cancel or threading.Event()
    planned = [run for run in runs if run.state is SchoolState.PLANNED]
    _each(planned, parallel, lambda run: _write(run, options, cancel, on_change), on_change)
    return worst_exit(run.exit_code for run in runs)


def _write(run: SchoolRun, options: WriteOptions, cancel: threading.Event, on_change: Changed) -> None:
    if cancel.is_set():
        return run.end(SchoolState.CANCELLED, EXIT_CANCELLED, "not_started")
    assert run.prepared is not None
    spec = run.prepared.run_spec(face="batch", dry_run=options.dry_run)
    try:
        journal = open_journal(spec)
    except RunBusy:
        return run.end(SchoolState.FAILED, EXIT_BAD_INPUT, "run_busy")
    run.state = SchoolState.WRITING
    on_change(run)

    def progressed(p: ApplyProgress) -> None:
        run.progress = p
        on_change(run)

    outcome = execute(spec, run.prepared.graph, journal=journal, cancel=cancel, pacer=WritePacer(*options.quota),
                      concurrency=options.concurrency, progress=progressed)
    run.outcome = outcome
    code = outcome.exit_code
    fatal = outcome.result.fatal
    if fatal:
        run.end(SchoolState.FAILED, code, str(fatal))
    elif outcome.cancelled:
        run.end(SchoolState.CANCELLED, code, "cancelled")
    else:
        run.end(SchoolState.DONE, code, "some_failed" if code == EXIT_SOME_FAILED else None)


def is_batch_confirmed(typed: str, to_write: int) -> bool:
    """The batch is confirmed by typing how many ImmutableIds it writes (e.g. 3812 or 3,812): a number that
    names this batch's writes, where "yes" would fit every batch. Separators and spaces are ignored."""
    digits = "".join(ch for ch in (typed or "") if ch not in ", ._'\u00a0\u202f").strip()
    return digits.isdigit() and int(digits) == to_write


# --- batch-summary.csv --------------------------------------------------------------------------------
SUMMARY_FILE = "batch-summary.csv"
SUMMARY_COLUMNS = ("name", "tenant", "state", "exit_code", "reason", "detail", "to_write",
                   *(s.value for s in PREVIEW_STATUSES + APPLY_STATUSES), "run_folder")


def summary_rows(runs: Iterable[SchoolRun]) -> list[dict[str, Any]]:
    rows = []
    for run in runs:
        counts = run.counts
        row: dict[str, Any] = {"name": run.name, "tenant": run.school.conn.tenant, "state": run.state.value,
                               "exit_code": "" if run.exit_code is None else run.exit_code,
                               "reason": run.reason or "", "detail": school_reason_text(run.reason, hint=True),
                               "to_write": run.to_write,
                               "run_folder": str(run.outcome.run_dir) if run.outcome else ""}
        row.update({s.value: counts.get(s.value, 0) for s in PREVIEW_STATUSES + APPLY_STATUSES})
        rows.append(row)
    return rows


def write_batch_summary(runs: Iterable[SchoolRun], path: str | Path) -> Path:
    """One row per school (UTF-8 BOM, neutralised cells, as every report): never a secret."""
    return write_csv(summary_rows(runs), path, SUMMARY_COLUMNS)
