"""Undo an apply run (issue 10 §2): clear (JSON null) exactly the ImmutableIds that run set and that still
hold the value it wrote. A kind of run (core/run/lifecycle.py): planned first, then run with the same
journal, resume, catch-all and report as apply. No Qt, no printing, no prompting.

Planning (`plan_undo`, no writes, no run folder — "a look writes nothing"):
- the targets are the undone run's `JournalState.written()`: users that had a value before that run were
  never written by it, so they are never touched. The run must be this tenant's and an apply's, with a
  readable journal (UndoError otherwise, before anything is read from the tenant).
- users an earlier undo of the same run cleared (or found changed) are `cleared` / left alone with
  `cleared_by_earlier_undo`: a second undo continues the first, never "finds them cleared by someone".
- every target is read live: gone → failed; empty or another value → `skipped_changed`; still ours →
  `will_clear`. A user in a federated domain (or parked on a temporary UPN by an interrupted swap) can
  only be cleared with the UPN swap (graph-facts §11): with it, `will_clear` (reason will_clear_with_swap);
  without it, `federated_domain` with `needs_upn_swap` in the plan (and a dry run), and `failed` with that
  reason in the run — no PATCH that is known to fail is ever sent.

Running (`undo_rows`): every chunk of ≤ 20 is read again right before it is cleared; an intent is
journalled (synced) before each clear; a clear whose fate is unknown (5xx, 429, a lost answer) is never
resent blind (the user is read again first), so no user is cleared twice and no value someone else set
is cleared. Federated users go through core/run/swap.py (step 2 carries null; their UPN ends as it was).
"""

from __future__ import annotations

import csv
import dataclasses
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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
from core.planning.plan import Plan, PlanRow
from core.planning.statuses import NEEDS_SWAP, Status, count_statuses
from core.run.apply import ApplyProgress
from core.run.folders import REPORT_FILE, RunKind, find_unfinished, kind_of, same_tenant
from core.run.history import settled_by_undos
from core.run.journal import FILE_NAME as JOURNAL_FILE
from core.run.journal import Journal, JournalState
from core.run.swap import DONE, SKIPPED, SwapRunner, SwapTask, parked_task, plan_tasks, resumed_task
from core.run.swap import FAILED as SWAP_FAILED
from core.tenant.directory import list_users, upn_domain
from core.tenant.facts import TenantFacts
from core.tenant.parked import parked

MAX_ATTEMPTS = 4  # sends per user whose answer was unknown (each after a fresh read)
WITH_SWAP = "will_clear_with_swap"
LIST_READ_MIN = 200  # above this many targets, one listing of the tenant is cheaper than $batch GETs
READ_SELECT = "id,userPrincipalName,mail,onPremisesImmutableId"


class UndoError(Exception):
    """The run cannot be undone (no journal, not an apply run, a dry run, another tenant's...). `code`:
    message_table.CLI_TEXT; the face exits 2 and nothing is read or written."""

    def __init__(self, code: str, path: Path | None = None, **details: str) -> None:
        super().__init__(f"{code}: {path}" if path else code)
        self.code, self.path, self.details = code, path, details


@dataclass
class UndoResult:
    rows: list[PlanRow]
    started: datetime
    finished: datetime | None = None
    dry_run: bool = False
    cancelled: bool = False
    fatal: str | None = None
    writes_sent: int = 0
    throttled: int = 0

    def counts(self) -> dict[str, int]:
        return count_statuses(self.rows)


# --- which run, and its targets -----------------------------------------------------------------------
def read_run(run_dir: Path, conn: Connection | None = None, tenant_id: str | None = None) -> JournalState:
    """The undone run's journal, refused up front when it is not an apply run of this tenant and app."""
    if not Path(run_dir).is_dir():
        raise UndoError("undo_no_folder", Path(run_dir))
    journal = Path(run_dir) / JOURNAL_FILE
    if not journal.is_file():
        raise UndoError("undo_no_journal" if not journal.exists() else "undo_journal_unreadable", Path(run_dir))
    try:
        state = Journal.replay(journal)
    except (OSError, UnicodeError):
        raise UndoError("undo_journal_unreadable", Path(run_dir)) from None
    if not state.header:
        raise UndoError("undo_journal_empty", Path(run_dir))
    if kind_of(state.header) is not RunKind.APPLY:
        raise UndoError("undo_not_an_apply", Path(run_dir))
    if state.header.get("dry_run"):
        raise UndoError("undo_dry_run", Path(run_dir))
    if conn is not None and not same_tenant(state.header, conn, tenant_id):
        theirs = state.header.get("tenant_id") or state.header.get("tenant") or "?"
        raise UndoError("undo_other_tenant", Path(run_dir), theirs=f"tenant {theirs}, app "
                        f"{state.header.get('client_id') or '?'}")
    return state


def load_targets(run_dir: Path, conn: Connection | None = None,
                 tenant_id: str | None = None) -> tuple[JournalState, list[PlanRow]]:
    """The users `run_dir`'s apply run set, as rows to clear (UPN and name from its report when there)."""
    state = read_run(run_dir, conn, tenant_id)
    names = _report_names(Path(run_dir) / REPORT_FILE)
    rows = []
    for oid, value in sorted(state.written().items()):
        upn, display = names.get(oid, ("", ""))
        rows.append(PlanRow(oid, upn, display, value or "", value or "", "", Status.WILL_CLEAR))
    return state, rows


def _report_names(report: Path) -> dict[str, tuple[str, str]]:
    if not report.is_file():
        return {}
    try:
        text = report.read_text(encoding="utf-8-sig")
        first = text.split("\n", 1)[0]
        reader = csv.DictReader(text.splitlines(), delimiter=";" if first.count(";") > first.count(",") else ",")
        return {r.get("object_id", ""): (r.get("user_principal_name", ""), r.get("display_name", ""))
                for r in reader}
    except (OSError, ValueError, csv.Error):
        return {}


def plan_undo(conn: Connection, graph: GraphClient, run_dir: Path, facts: TenantFacts, *, upn_swap: bool = False,
              cancel: threading.Event | None = None, runs: Path | None = None) -> Plan:
    """What an undo of `run_dir` would do, from live reads (module doc). Raises UndoError, AuthError,
    GraphError / ReadFailed, Cancelled."""
    _state, rows = load_targets(run_dir, conn, facts.tenant_id)
    earlier = settled_by_undos(conn, run_dir, facts.tenant_id, runs)
    announced = _announced(conn, run_dir, facts.tenant_id, runs)
    live = _read_targets(graph, [r.object_id for r in rows if r.object_id not in earlier], cancel)
    facts.learn_upns(str(u.get("userPrincipalName") or "") for u in live.values() if isinstance(u, dict))
    for row in rows:
        user = live.get(row.object_id, MISSING)
        if row.object_id in earlier:
            row.settle(Status.CLEARED, "cleared_by_earlier_undo", run=earlier[row.object_id].name)
        elif row.object_id in announced and isinstance(user, dict) and user.get("onPremisesImmutableId") is None:
            row.current_immutable_id = ""  # the unfinished undo sent it, then stopped before its answer
            row.settle(Status.CLEARED, "confirmed_by_reread")
        else:
            _classify(row, user, facts, upn_swap)
    return Plan(rows, source=f"undo:{Path(run_dir).name}")


def _announced(conn: Connection, run_dir: Path, tenant_id: str | None, runs: Path | None) -> set[str]:
    """Users whose clear the unfinished undo of this run announced (and may have sent) without an answer."""
    unfinished = find_unfinished(conn, tenant_id, RunKind.UNDO, undo_of=run_dir, runs=runs)
    if unfinished is None:
        return set()
    try:
        return set(Journal.replay(unfinished.path / JOURNAL_FILE).pending())
    except OSError:
        return set()


def _read_targets(graph: GraphClient, ids: list[str], cancel: threading.Event | None) -> dict[str, Any]:
    """UPN, mail and value of each target (a listing when they are many)."""
    if len(ids) > LIST_READ_MIN:
        wanted = set(ids)
        return {u.id: {"userPrincipalName": u.upn, "mail": u.mail, "onPremisesImmutableId": u.immutable_id}
                for u in list_users(graph, cancel=cancel) if u.id in wanted}
    return read_current(graph, ids, cancel=cancel, select=READ_SELECT) if ids else {}


def _classify(row: PlanRow, user: Any, facts: TenantFacts, upn_swap: bool) -> None:
    if user == MISSING or not isinstance(user, dict):
        row.settle(Status.FAILED, "user_deleted_undo")
        return
    found = user.get("onPremisesImmutableId")
    upn = str(user.get("userPrincipalName") or row.user_principal_name)
    row.user_principal_name = upn
    if found is None:
        row.current_immutable_id = ""
        row.settle(Status.SKIPPED_CHANGED, "cleared_meanwhile")
        return
    if found != row.source_value:
        row.current_immutable_id = found
        row.settle(Status.SKIPPED_CHANGED, "changed_since_run", found=found)
        return
    stay = parked(upn, user.get("mail"), facts.initial_domain, facts.federated)
    if stay is not None and stay.original:
        row.user_principal_name = stay.original
    if stay is None and upn_domain(upn) not in facts.federated:
        row.settle(Status.WILL_CLEAR)
        return
    temp = {"temp": upn} if stay is not None else {}
    if upn_swap:
        row.settle(Status.WILL_CLEAR, WITH_SWAP, domain=upn_domain(row.user_principal_name), **temp)
    else:
        row.settle(Status.FEDERATED_DOMAIN, NEEDS_SWAP, domain=upn_domain(row.user_principal_name), **temp)


# --- the run -------------------------------------------------------------------------------------------
def undo_rows(plan: Plan, graph: GraphClient, journal: Journal, dry_run: bool = False, *,
              pacer: WritePacer | None = None, cancel: threading.Event | None = None,
              progress: Callable[[ApplyProgress], None] | None = None, retry_wait_s: float = 0.5,
              upn_swap: bool = False, initial_domain: str | None = None) -> UndoResult:
    """Clear the plan's `will_clear` users in chunks of ≤ 20, each read right before it is cleared (module
    doc). Never raises for one user; a sign-in failure or lost connection stops the run with `fatal` set,
    the rest not_attempted."""
    cancel = cancel or threading.Event()
    pacer = pacer or WritePacer()
    rows = [dataclasses.replace(r) for r in plan.rows]
    result = UndoResult(rows, datetime.now(UTC), dry_run=dry_run)
    tracker = _Progress(rows, progress)
    previous = journal.previous
    pending = previous.swap_pending() if previous and not dry_run else {}
    swapper = _Swapper(rows, graph, journal, pacer, cancel, result, upn_swap, initial_domain, tracker)
    resumed = [resumed_task(row, pending[row.object_id], expect=row.source_value)
               for row in rows if row.object_id in pending]
    direct, with_swap = _sort_targets(rows, previous, pending)
    try:
        swapper.run(resumed)
        if dry_run:
            for row in direct + with_swap:
                row.settle(Status.DRY_RUN, "swap_dry_run" if row in with_swap else None)
        else:
            _fail_unswapped(rows, journal)
            swapper.clear(with_swap)
            for chunk in chunks(direct):
                federated = _undo_chunk(chunk, graph, journal, pacer, cancel, result, retry_wait_s)
                swapper.clear(federated)
                tracker.tell()
    except Cancelled:
        result.cancelled = True
    except AuthError as exc:
        result.fatal = str(getattr(exc.code, "value", exc.code))
    except (GraphError, ReadFailed) as exc:
        result.fatal = getattr(exc, "code", None) or "graph_error"
    result.cancelled = result.cancelled or (cancel.is_set() and not result.fatal)
    for row in rows:
        if row.status is Status.WILL_CLEAR:
            row.settle(Status.NOT_ATTEMPTED, "stopped" if result.fatal else "cancelled")
            journal.outcome(row.object_id, Status.NOT_ATTEMPTED.value, row.detail)
    result.finished = datetime.now(UTC)
    journal.end(result.counts(), cancelled=result.cancelled)
    tracker.tell(force=True)
    return result


def _fail_unswapped(rows: list[PlanRow], journal: Journal) -> None:
    """Users planned as needing the UPN swap, in a run without it: failed (the undo could not clear them, and
    says why), with no PATCH sent — Entra would refuse it (graph-facts §11)."""
    for row in rows:
        if row.status is Status.FEDERATED_DOMAIN and row.reason == NEEDS_SWAP:
            row.settle(Status.FAILED, NEEDS_SWAP, **row.reason_args)
            journal.outcome(row.object_id, Status.FAILED.value, row.detail)


def _sort_targets(rows: list[PlanRow], previous: JournalState | None,
                  pending: dict[str, Any]) -> tuple[list[PlanRow], list[PlanRow]]:
    """(users to clear directly, users to clear with the swap). Users the interrupted undo this one
    continues already settled keep that outcome; its interrupted swaps are finished first (not here)."""
    direct, with_swap = [], []
    for row in rows:
        if row.status is not Status.WILL_CLEAR or row.object_id in pending:
            continue
        done = previous.outcomes.get(row.object_id) if previous else None
        if done and done[0] != Status.NOT_ATTEMPTED.value:
            row.status, row.detail = Status(done[0]), done[1]
            continue
        (with_swap if row.reason == WITH_SWAP else direct).append(row)
    return direct, with_swap


class _Progress:
    """ApplyProgress for undo, the same shape as apply's: one progress type for every kind of run."""

    def __init__(self, rows: list[PlanRow], callback: Callable[[ApplyProgress], None] | None) -> None:
        self.rows, self.callback = rows, callback
        self.targets = [r for r in rows if r.status is Status.WILL_CLEAR]
        self.t0 = time.monotonic()
        self.failed_told: set[str] = set()

    def tell(self, force: bool = False) -> None:  # noqa: ARG002 — chunks are the natural pace
        if self.callback is None:
            return
        done = sum(1 for r in self.targets if r.status is not Status.WILL_CLEAR)
        failed = [r for r in self.targets if r.status is Status.FAILED]
        new = [r for r in failed if r.object_id not in self.failed_told]
        self.failed_told.update(r.object_id for r in new)
        elapsed = max(time.monotonic() - self.t0, 1e-6)
        left = len(self.targets) - done
        rate = done / elapsed
        eta = left / rate if rate > 0 and left else (0.0 if not left else None)
        skipped = sum(1 for r in self.targets if r.status is Status.NOT_ATTEMPTED)
        self.callback(ApplyProgress(done, len(self.targets), len(failed), rate, eta, None, new, skipped))


def _settle(row: PlanRow, found: str | None, journal: Journal, sent: bool) -> bool:
    """Sort one user by its live value; True when it still holds the value the run wrote (to clear)."""
    if found == MISSING:
        row.settle(Status.FAILED, "user_deleted_undo")
    elif found is None and sent:
        row.current_immutable_id = ""
        row.settle(Status.CLEARED, "confirmed_by_reread")
    elif found is None:
        row.current_immutable_id = ""
        row.settle(Status.SKIPPED_CHANGED, "cleared_meanwhile")
    elif found != row.source_value:
        row.current_immutable_id = found
        row.settle(Status.SKIPPED_CHANGED, "changed_since_run", found=found)
    else:
        return True
    journal.outcome(row.object_id, row.status.value, row.detail)
    return False


@dataclass
class _Swapper:
    """Undo's side of the UPN swap: clears federated users' values with core/run/swap.py (when allowed)."""

    rows: list[PlanRow]
    graph: GraphClient
    journal: Journal
    pacer: WritePacer
    cancel: threading.Event
    result: UndoResult
    enabled: bool
    domain: str | None
    tracker: _Progress
    _looked: bool = field(default=False, init=False)

    def clear(self, rows: list[PlanRow]) -> None:
        """Users to clear with the swap: planned so, or refused a direct clear for their federated domain."""
        if not rows:
            return
        if not self.enabled:  # Entra refused them a direct clear: failed, and why (the plan did not know)
            for row in rows:
                self._settle(row, Status.FAILED, NEEDS_SWAP)
            return
        if self.domain is None and not self._looked:
            from core.run.swap import swap_domain  # only when the facts did not know it

            self.domain, self._looked = swap_domain(self.graph, self.rows, self.cancel), True
        if self.domain is None:
            for row in rows:
                self._settle(row, Status.FAILED, "swap_domain_unknown")
            return
        parked_rows = [r for r in rows if r.reason_args.get("temp")]
        tasks = [parked_task(r, r.reason_args["temp"], None, expect=r.source_value) for r in parked_rows]
        tasks += plan_tasks([r for r in rows if r not in parked_rows], self.domain, goal=lambda row: None,
                            expect=lambda row: row.source_value)
        self.run(tasks)

    def run(self, tasks: list[SwapTask]) -> None:
        for task in tasks:
            task.row.swap = task.trace
            task.row.status = Status.WILL_CLEAR  # a stop between the steps leaves it not_attempted
        if tasks:
            SwapRunner(self.graph, self.journal, self.pacer, self.cancel, self._finished,
                       on_write=self._wrote, on_throttled=self._throttled).run(tasks)
            self.tracker.tell()

    def _finished(self, task: SwapTask, outcome: str, reason: str | None, args: dict[str, Any]) -> None:
        row = task.row
        if outcome == DONE:
            row.current_immutable_id = ""
            self._settle(row, Status.CLEARED, "cleared_with_swap")
        elif outcome == SKIPPED and args.get("found"):
            row.current_immutable_id = args["found"]
            self._settle(row, Status.SKIPPED_CHANGED, "changed_since_run", found=args["found"])
        elif outcome == SKIPPED:
            row.current_immutable_id = ""
            self._settle(row, Status.SKIPPED_CHANGED, "cleared_meanwhile")
        elif outcome == SWAP_FAILED:
            self._settle(row, Status.FAILED, reason, **args)
        else:  # stopped between the steps: pending in the journal, finished by the next undo
            self._settle(row, Status.NOT_ATTEMPTED, reason, **args)

    def _settle(self, row: PlanRow, status: Status, reason: str | None, **args: Any) -> None:
        row.settle(status, reason, **args)
        self.journal.outcome(row.object_id, status.value, row.detail)

    def _wrote(self, n: int) -> None:
        self.result.writes_sent += n

    def _throttled(self, n: int) -> None:
        self.result.throttled += n


def _undo_chunk(chunk: list[PlanRow], graph: GraphClient, journal: Journal, pacer: WritePacer,
                cancel: threading.Event, result: UndoResult, retry_wait_s: float) -> list[PlanRow]:
    """Clear one chunk; returns the users Entra refused to clear because their domain is federated."""
    previous = journal.previous
    pending = previous.pending() if previous else {}
    live = read_current(graph, [r.object_id for r in chunk], cancel=cancel)
    # a user whose clear the interrupted undo announced and may have sent: None now means it landed
    left = [r for r in chunk if _settle(r, live.get(r.object_id, MISSING), journal, r.object_id in pending)]
    attempts = 0
    federated: list[PlanRow] = []
    while left:
        if cancel.is_set():
            raise Cancelled()
        attempts += 1
        unsure: list[PlanRow] = []
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
                row.settle(Status.FAILED, "outcome_unknown_undo")
                journal.outcome(row.object_id, Status.FAILED.value, row.detail)
            return federated
        cancel.wait(retry_wait_s * attempts)
        live = read_current(graph, [r.object_id for r in unsure], cancel=cancel)  # read before any resend
        left = [r for r in unsure if _settle(r, live.get(r.object_id, MISSING), journal, True)]
    return federated


def _send(rows: list[PlanRow], graph: GraphClient, journal: Journal, pacer: WritePacer,
          result: UndoResult, federated: list[PlanRow]) -> list[PlanRow]:
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
            row.settle(Status.CLEARED)
            journal.outcome(row.object_id, Status.CLEARED.value, "")
        else:
            reason, args = classify_failure(inner)
            if reason == "federated_user":
                federated.append(row)  # moved into a federated domain since the plan: the swap, or needs it
                continue
            row.settle(Status.FAILED, "user_deleted_undo" if reason == "user_deleted" else reason,
                       **({} if reason == "user_deleted" else args))
            journal.outcome(row.object_id, Status.FAILED.value, row.detail)
    return unsure
