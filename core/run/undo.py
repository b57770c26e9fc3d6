"""Undo an apply run (issue 10 §2): clear (JSON null) exactly the ImmutableIds that run set and that still
hold the value it wrote. No Qt, no printing, no prompting.

- The targets are the original run's `JournalState.written()`: users that had a value before that run
  were never written by it, so they are never touched.
- Every chunk of ≤ 20 users is read right before it is cleared: a value changed since (or already
  cleared by someone else) is left alone (`skipped_changed`); a user gone is `failed` (user_deleted).
- An intent is journalled (and synced) before each clear is sent. A clear whose fate is unknown (5xx,
  429, a lost answer) is never resent blind: the user is read again, and only one that still holds the
  value we wrote is cleared again. So no user is cleared twice, and no value someone else set is cleared.
- Users now in a federated domain: Entra most likely refuses the clear (graph-facts §11). With `upn_swap`
  they are cleared through the UPN swap (core/run/swap.py: UPN to the .onmicrosoft.com domain, then back
  with null in one PATCH; their UPN ends as it was); without it they fail with `needs_upn_swap`. An
  undo of a swap run is just that: the values are cleared and the UPNs stay the originals.
- The undo has its own run folder and journal (header kind "undo", `undo_of` = the original run folder);
  an unfinished undo of the same run is continued.
"""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core import __version__, paths
from core.graph.auth import AuthError
from core.graph.batching import (
    MISSING,
    ReadFailed,
    chunks,
    classify_failure,
    clear_request,
    read_current,
    send_batch,
)
from core.graph.client import Cancelled, GraphClient, GraphError
from core.graph.connection import Connection
from core.graph.pacing import WritePacer
from core.messages import detail_for
from core.planning.plan import count_statuses
from core.planning.swap_trace import SwapColumns, SwapTrace
from core.run.history import UNDO_KIND, is_apply_header, journals
from core.run.journal import FILE_NAME as JOURNAL_FILE
from core.run.journal import Journal, JournalBusy, JournalState
from core.run.lifecycle import REPORT_FILE, SUMMARY_FILE, RunBusy, RunOutcome, _same_tenant, write_outputs
from core.run.report import write_summary
from core.run.swap import DONE, SKIPPED, SwapRunner, SwapTask, plan_tasks, resumed_task, swap_domain
from core.run.swap import FAILED as SWAP_FAILED

KIND = UNDO_KIND
MAX_ATTEMPTS = 4  # sends per user whose answer was unknown (each after a fresh read)

# Undo statuses (contracts.md "Undo").
CLEARED = "cleared"
SKIPPED_CHANGED = "skipped_changed"
FAILED = "failed"
DRY_RUN = "dry_run"
NOT_ATTEMPTED = "not_attempted"
UNDO_STATUSES = (CLEARED, SKIPPED_CHANGED, FAILED, DRY_RUN, NOT_ATTEMPTED)


class UndoError(Exception):
    """The run cannot be undone (no journal, not an apply run, a dry run, ...). `code`: message_table."""

    def __init__(self, code: str, path: Path | None = None) -> None:
        super().__init__(f"{code}: {path}" if path else code)
        self.code, self.path = code, path


@dataclass
class UndoRow(SwapColumns):
    """One user of an undo; attribute names are the report's columns (core/run/report.py). `source_value`
    and `current_immutable_id` both start as the value the original run wrote; `current_immutable_id` is
    what was found live when the user was read."""

    object_id: str
    user_principal_name: str
    display_name: str
    source_value: str                 # the value the undone run wrote
    current_immutable_id: str
    new_immutable_id: str = ""        # always empty: undo clears
    status: str = NOT_ATTEMPTED
    detail: str = ""
    reason: str | None = None
    reason_args: Mapping[str, Any] = field(default_factory=dict)
    swap: SwapTrace | None = None     # cleared with the UPN swap: the report's before/after columns

    def settle(self, status: str, reason: str | None = None, **args: Any) -> None:
        self.status, self.reason, self.reason_args = status, reason, args
        self.detail = detail_for(reason, args)


@dataclass
class UndoResult:
    rows: list[UndoRow]
    started: datetime
    finished: datetime | None = None
    dry_run: bool = False
    cancelled: bool = False
    fatal: str | None = None
    writes_sent: int = 0
    throttled: int = 0

    def counts(self) -> dict[str, int]:
        return count_statuses(self.rows)


# --- which run -----------------------------------------------------------------------------------------
def load_targets(run_dir: Path) -> tuple[JournalState, list[UndoRow]]:
    """The users `run_dir`'s apply run set, as undo rows (UPN and name from its report when there)."""
    journal = Path(run_dir) / JOURNAL_FILE
    if not journal.exists():
        raise UndoError("undo_no_journal", Path(run_dir))
    state = Journal.replay(journal)
    if not is_apply_header(state.header):
        raise UndoError("undo_not_an_apply", Path(run_dir))
    if state.header.get("dry_run"):
        raise UndoError("undo_dry_run", Path(run_dir))
    names = _report_names(Path(run_dir) / REPORT_FILE)
    rows = []
    for oid, value in sorted(state.written().items()):
        upn, display = names.get(oid, ("", ""))
        rows.append(UndoRow(oid, upn, display, value or "", value or ""))
    return state, rows


def _report_names(report: Path) -> dict[str, tuple[str, str]]:
    if not report.exists():
        return {}
    try:
        text = report.read_text(encoding="utf-8-sig")
        delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
        reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
        return {r.get("object_id", ""): (r.get("user_principal_name", ""), r.get("display_name", ""))
                for r in reader}
    except (OSError, ValueError, csv.Error):
        return {}


def find_last_run(conn: Connection, tenant_id: str | None = None, runs: Path | None = None) -> Path | None:
    """`--last`: the latest finished, non-dry-run apply run of this tenant and app."""
    for run_dir, state in journals(runs):
        header = state.header
        if is_apply_header(header) and not header.get("dry_run") and state.ended \
                and _same_tenant(header, conn, tenant_id):
            return run_dir
    return None


def find_unfinished_undo(conn: Connection, undo_of: Path, tenant_id: str | None = None,
                         runs: Path | None = None) -> Path | None:
    """An undo of the same run that did not finish (killed, cancelled, stopped): it is continued."""
    for run_dir, state in journals(runs):
        header = state.header
        if header.get("kind") != KIND or header.get("dry_run") or not _same_tenant(header, conn, tenant_id):
            continue
        if Path(str(header.get("undo_of", ""))).resolve() != Path(undo_of).resolve():
            continue
        return None if state.complete else run_dir
    return None


# --- the run -------------------------------------------------------------------------------------------
@dataclass
class UndoSpec:
    conn: Connection
    undo_of: Path                        # the apply run folder being undone
    rows: list[UndoRow]                  # from load_targets()
    dry_run: bool = False
    resume: Path | None = None           # an unfinished undo folder to continue
    tenant_id: str | None = None
    face: str = "cli"
    report_copy: Path | None = None
    delimiter: str = ","
    # issue 10 §2: users now in a federated domain are cleared through the UPN swap (core/run/swap.py)
    # instead of failing with needs_upn_swap. Opt-in, as for apply.
    upn_swap: bool = False


# An undo ends as an apply does (run folder, report, counts, exit code): the same outcome type.
UndoOutcome = RunOutcome


def journal_header(spec: UndoSpec) -> dict[str, Any]:
    return {"kind": KIND, "undo_of": str(Path(spec.undo_of).resolve()), "tenant": spec.conn.tenant,
            "tenant_id": spec.tenant_id, "client_id": spec.conn.client_id, "to_write": len(spec.rows),
            "dry_run": spec.dry_run, "face": spec.face, "tool_version": __version__}


def open_journal(spec: UndoSpec) -> tuple[Journal, bool]:
    resume = None if spec.dry_run else spec.resume
    run_dir = resume or paths.new_run_dir(spec.conn.tenant, "undo-dry-run" if spec.dry_run else "undo")
    try:
        return Journal(run_dir, journal_header(spec)), resume is not None
    except JournalBusy:
        raise RunBusy(run_dir) from None


def execute(spec: UndoSpec, graph: GraphClient, *, pacer: WritePacer | None = None,
            cancel: threading.Event | None = None, journal: tuple[Journal, bool] | None = None,
            progress: Callable[[int, int], None] | None = None) -> UndoOutcome:
    """Undo (or go through it, dry run); the run folder ends complete whatever happens."""
    journal_obj, resumed = journal or open_journal(spec)
    try:
        result = undo_rows(spec.rows, graph, journal_obj, spec.dry_run, pacer=pacer, cancel=cancel,
                           progress=progress, upn_swap=spec.upn_swap)
    finally:
        journal_obj.close()
    run_dir = journal_obj.run_dir
    files = write_outputs(result.rows, run_dir, REPORT_FILE, [], spec.delimiter, spec.report_copy)
    extra = {"undo_of": str(spec.undo_of), "face": spec.face, "resumed": resumed, "cancelled": result.cancelled,
             "fatal": result.fatal, "writes_sent": result.writes_sent, "throttled": result.throttled,
             "run_folder": str(run_dir)}
    files.append(write_summary(result, run_dir / SUMMARY_FILE, tenant=spec.conn.tenant,
                               client_id=spec.conn.client_id, command=KIND, dry_run=spec.dry_run, extra=extra))
    return UndoOutcome(result, run_dir, files[0], files, resumed)


def undo_rows(rows: list[UndoRow], graph: GraphClient, journal: Journal, dry_run: bool = False, *,
              pacer: WritePacer | None = None, cancel: threading.Event | None = None,
              progress: Callable[[int, int], None] | None = None, retry_wait_s: float = 0.5,
              upn_swap: bool = False) -> UndoResult:
    """Clear `rows` in chunks of ≤ 20, each read right before it is cleared (module doc). Never raises for
    one user; a sign-in failure or lost connection stops the run with `fatal` set, the rest not_attempted."""
    cancel = cancel or threading.Event()
    pacer = pacer or WritePacer()
    result = UndoResult(rows, datetime.now(UTC), dry_run=dry_run)
    previous = journal.previous
    pending = previous.swap_pending() if previous and not dry_run else {}
    swapper = _Swapper(rows, graph, journal, pacer, cancel, result, upn_swap)
    resumed = [resumed_task(row, pending[row.object_id], expect=row.source_value)
               for row in rows if row.object_id in pending]
    todo: list[UndoRow] = []
    for row in rows:
        done = previous.outcomes.get(row.object_id) if previous else None
        if row.object_id in pending:
            continue  # an interrupted swap: finished first, below
        if done and done[0] != NOT_ATTEMPTED:  # settled by the interrupted undo: never again
            row.settle(done[0], None)
            row.detail = done[1]
        else:
            todo.append(row)
    total = len(rows)

    def tell() -> None:
        if progress:
            progress(sum(1 for r in rows if r.status != NOT_ATTEMPTED), total)

    try:
        swapper.run(resumed)
        for chunk in chunks(todo):
            federated = _undo_chunk(chunk, graph, journal, dry_run, pacer, cancel, result, retry_wait_s)
            swapper.clear(federated)
            tell()
    except Cancelled:
        result.cancelled = True
    except AuthError as exc:
        result.fatal = str(getattr(exc.code, "value", exc.code))
    except (GraphError, ReadFailed) as exc:
        result.fatal = getattr(exc, "code", None) or "graph_error"
    for row in rows:
        if row.status == NOT_ATTEMPTED:
            row.settle(NOT_ATTEMPTED, "stopped" if result.fatal else "cancelled")
            journal.outcome(row.object_id, NOT_ATTEMPTED, row.detail)
    result.finished = datetime.now(UTC)
    journal.end(result.counts(), cancelled=result.cancelled)
    return result


def _settle(row: UndoRow, found: str | None, journal: Journal, sent: bool) -> bool:
    """Sort one user by its live value; True when it still holds the value the run wrote (to clear)."""
    if found == MISSING:
        row.settle(FAILED, "user_deleted_undo")
    elif found is None and sent:
        row.current_immutable_id = ""
        row.settle(CLEARED, "confirmed_by_reread")
    elif found is None:
        row.current_immutable_id = ""
        row.settle(SKIPPED_CHANGED, "cleared_meanwhile")
    elif found != row.source_value:
        row.current_immutable_id = found
        row.settle(SKIPPED_CHANGED, "changed_since_run", found=found)
    else:
        return True
    journal.outcome(row.object_id, row.status, row.detail)
    return False


class _Swapper:
    """Undo's side of the UPN swap: clears federated users' values with core/run/swap.py (when allowed)."""

    def __init__(self, rows: list[UndoRow], graph: GraphClient, journal: Journal, pacer: WritePacer,
                 cancel: threading.Event, result: UndoResult, enabled: bool) -> None:
        self.rows, self.graph, self.journal, self.pacer, self.cancel = rows, graph, journal, pacer, cancel
        self.result, self.enabled = result, enabled
        self._domain: str | None = None
        self._looked = False  # the initial domain is looked up once per undo, found or not

    def clear(self, rows: list[UndoRow]) -> None:
        """Users Entra refused to clear because their domain is federated."""
        if not rows:
            return
        if not self.enabled:
            for row in rows:
                self._settle(row, FAILED, "needs_upn_swap")
            return
        if not self._looked:
            self._domain, self._looked = swap_domain(self.graph, self.rows, self.cancel), True
        if self._domain is None:
            for row in rows:
                self._settle(row, FAILED, "swap_domain_unknown")
            return
        self.run(plan_tasks(rows, self._domain, goal=lambda row: None, expect=lambda row: row.source_value))

    def run(self, tasks: list[SwapTask]) -> None:
        for task in tasks:
            task.row.swap = task.trace
        if tasks:
            SwapRunner(self.graph, self.journal, self.pacer, self.cancel, self._finished,
                       on_write=self._wrote, on_throttled=self._throttled).run(tasks)

    def _finished(self, task: SwapTask, outcome: str, reason: str | None, args: dict[str, Any]) -> None:
        row = task.row
        if outcome == DONE:
            row.current_immutable_id = ""
            self._settle(row, CLEARED, "cleared_with_swap")
        elif outcome == SKIPPED and args.get("found"):
            row.current_immutable_id = args["found"]
            self._settle(row, SKIPPED_CHANGED, "changed_since_run", found=args["found"])
        elif outcome == SKIPPED:
            row.current_immutable_id = ""
            self._settle(row, SKIPPED_CHANGED, "cleared_meanwhile")
        elif outcome == SWAP_FAILED:
            self._settle(row, FAILED, reason, **args)
        else:  # stopped between the steps: pending in the journal, finished by the next undo
            self._settle(row, NOT_ATTEMPTED, reason, **args)

    def _settle(self, row: UndoRow, status: str, reason: str | None, **args: Any) -> None:
        row.settle(status, reason, **args)
        self.journal.outcome(row.object_id, status, row.detail)

    def _wrote(self, n: int) -> None:
        self.result.writes_sent += n

    def _throttled(self, n: int) -> None:
        self.result.throttled += n


def _undo_chunk(chunk: list[UndoRow], graph: GraphClient, journal: Journal, dry_run: bool, pacer: WritePacer,
                cancel: threading.Event, result: UndoResult, retry_wait_s: float) -> list[UndoRow]:
    """Clear one chunk; returns the users Entra refused to clear because their domain is federated."""
    previous = journal.previous
    pending = previous.pending() if previous else {}
    live = read_current(graph, [r.object_id for r in chunk], cancel=cancel)
    # a user whose clear the interrupted undo announced and may have sent: None now means it landed
    left = [r for r in chunk if _settle(r, live.get(r.object_id, MISSING), journal, r.object_id in pending)]
    attempts = 0
    federated: list[UndoRow] = []
    while left:
        if cancel.is_set():
            raise Cancelled()
        if dry_run:
            for row in left:
                row.settle(DRY_RUN, None)
                journal.outcome(row.object_id, DRY_RUN, "")
            return federated
        attempts += 1
        unsure: list[UndoRow] = []
        while left:  # as many clears at a time as the write quota admits (a small quota: fewer than 20)
            admitted = pacer.acquire_up_to(len(left), cancel)
            if not admitted:
                raise Cancelled()
            group, left = left[:admitted], left[admitted:]
            for row in group:
                journal.intent(row.object_id, row.source_value)
            journal.sync()  # every intent on disk before the clears leave the machine
            unsure += _send(group, graph, journal, pacer, result, federated)
        if not unsure:
            return federated
        if attempts >= MAX_ATTEMPTS:
            for row in unsure:
                row.settle(FAILED, "outcome_unknown_undo")
                journal.outcome(row.object_id, FAILED, row.detail)
            return federated
        cancel.wait(retry_wait_s * attempts)
        live = read_current(graph, [r.object_id for r in unsure], cancel=cancel)  # read before any resend
        left = [r for r in unsure if _settle(r, live.get(r.object_id, MISSING), journal, True)]
    return federated


def _send(rows: list[UndoRow], graph: GraphClient, journal: Journal, pacer: WritePacer,
          result: UndoResult, federated: list[UndoRow]) -> list[UndoRow]:
    """One $batch of clears; the users whose fate is unknown."""
    requests = [clear_request(str(i), row.object_id) for i, row in enumerate(rows)]
    try:
        answers = send_batch(graph, requests)
    except GraphError as exc:
        pacer.release(len(rows), sent=exc.status != 503)
        if exc.status in (0, 429) or exc.status >= 500:
            return list(rows)
        raise
    except BaseException:
        pacer.release(len(rows), sent=False)
        raise
    pacer.release(len(rows), sent=True)
    result.writes_sent += len(rows)
    unsure = []
    for i, row in enumerate(rows):
        inner = answers.get(str(i))
        if inner is None or inner.status == 429 or inner.status >= 500:
            if inner is not None and inner.status == 429:
                result.throttled += 1
                pacer.pause_for(inner.retry_after or 1.0)
            unsure.append(row)
        elif inner.ok:
            row.current_immutable_id = ""
            row.settle(CLEARED, None)
            journal.outcome(row.object_id, CLEARED, "")
        else:
            reason, args = classify_failure(inner)
            if reason == "federated_user":
                federated.append(row)  # cleared through the UPN swap, or reported as needing it
                continue
            if reason == "user_deleted":
                row.settle(FAILED, "user_deleted_undo")
            else:
                row.settle(FAILED, reason, **args)
            journal.outcome(row.object_id, FAILED, row.detail)
    return unsure

