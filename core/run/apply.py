"""Apply a plan: re-read, then write each planned ImmutableId once, paced, batched, journaled.

Order of work (architecture.md, safety rules):
 1. Users that an interrupted run of this journal already wrote are `set` and never sent again.
 2. Re-read the current value of every user about to be written (a listing for many, $batch GETs for
    few); anyone who has a value now is `skipped_already_set`.
 3. Write in $batch chunks of ≤ 20 from a few threads (core/run/writer.py), each chunk read once more just
    before it is written and admitted by the WritePacer; every intent is fsync'd in the journal before
    its chunk is sent, every outcome after.
 4. A write whose fate is unknown (dropped connection, 5xx, 429) is re-read before any resend: if the
    user has the intended value it is `set`, so nobody is written twice.
 5. Throttling (429, inner or envelope) is Entra saying "wait Retry-After and try again": it pauses the
    pacer and never counts against a user's attempts (only 5xx, timeouts and drops do). The one valve:
    no successful write at all for THROTTLE_GIVE_UP_S stops the run (fatal `throttled_too_long`), the
    rest `not_attempted`.
 6. Cancel: chunks in flight finish, the rest are `not_attempted`.
 7. Verification (read_back=True): the users this run set are read back once their write has settled —
    each chunk while later chunks are still written (core/run/verifier.py), the rest after the last
    write; one that holds another value now was overwritten by another writer (Graph has no
    compare-and-swap; see core/run/readback.py) and becomes `conflict`, which counts as failed.
 8. The UPN swap (upn_swap=True; core/run/swap.py): federated_domain users with a ready value are set in two
    steps. Swaps the interrupted run began are finished first, before any other write (nobody stays on
    the temporary UPN longer than needed), whether or not this run has the option on; new swaps run
    after the direct writes. Each swapped user weighs two writes in the ETA.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from core.graph.auth import AuthError
from core.graph.batching import MISSING, ReadFailed, classify_failure
from core.graph.client import Cancelled, GraphClient, GraphError
from core.graph.pacing import WritePacer
from core.planning.plan import SWAP_PARKED, SWAP_READY, Plan, PlanRow, Status, count_statuses
from core.planning.swap_trace import SwapTrace
from core.run.journal import Journal
from core.run.readback import FRESH_S, READ_BACK_SETTLE_S, overwritten, read_values
from core.run.swap import (
    CHANGED,
    DONE,
    FAILED,
    SKIPPED,
    SwapRunner,
    SwapTask,
    parked_task,
    plan_tasks,
    resumed_task,
    swap_domain,
)
from core.run.verifier import Verifier
from core.run.writer import DEFAULT_CONCURRENCY, ChunkWriter, ThrottledTooLong, Valve, WriteJob

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.25
MAX_ATTEMPTS = 6  # per user, for 5xx / timeouts / dropped connections; 429s never count
THROTTLE_GIVE_UP_S = 600.0  # no successful write for this long while throttled: stop (the valve)
PAUSE_NOTICE_S = 1.0  # a pacer wait at least this long is told to the caller at once
# FRESH_S (a chunk whose read is older than this when the pacer admits it is read again) and the
# read-back's settle are defined together, with the race they bound, in core/run/readback.py.


@dataclass
class ApplyProgress:
    done: int
    total: int
    failed: int
    rate: float                        # users finished per second in this run
    eta_s: float | None
    # Epoch seconds (time.time()) until which writing is paused — Graph's Retry-After, or our pacer
    # waiting for the quota window — or None. A pause is reported at once, even if nobody finished.
    throttled_until: float | None
    new_failures: list[PlanRow] = dataclasses.field(default_factory=list)  # failed since the last call
    # of `done`, the users a cancel or a stop left alone: a progress line after Ctrl-C must not read 100 %
    not_attempted: int = 0


@dataclass
class ApplyResult:
    rows: list[PlanRow]
    started: datetime
    finished: datetime | None = None
    dry_run: bool = False
    cancelled: bool = False
    fatal: str | None = None           # code of an error that stopped the run (auth, network)
    writes_sent: int = 0
    throttled: int = 0                 # inner 429s seen
    verified: bool = False             # the written users were read back (conflicts, if any, found)

    def counts(self) -> dict[str, int]:
        return count_statuses(self.rows)

    @property
    def failed(self) -> int:
        """Users not as planned for a reason the admin must look at: refused writes and conflicts."""
        return sum(1 for r in self.rows if r.status in (Status.FAILED, Status.CONFLICT))


def apply_plan(plan: Plan, graph: GraphClient, journal: Journal, dry_run: bool = False,
               progress: Callable[[ApplyProgress], None] | None = None,
               cancel: threading.Event | None = None, concurrency: int = DEFAULT_CONCURRENCY, *,
               pacer: WritePacer | None = None, reread: str = "auto", fresh_s: float = FRESH_S,
               give_up_s: float = THROTTLE_GIVE_UP_S, read_back: bool = True,
               read_back_settle_s: float = READ_BACK_SETTLE_S, upn_swap: bool = False) -> ApplyResult:
    """Writes `plan` (see module doc). `reread`: "auto" | "list" | "batch" (how users are read in bulk,
    before and after the writes); `fresh_s`: a chunk whose read is older than this when admitted is read
    again; `give_up_s`: the throttling valve; `read_back`: read the written users back after the writes
    (once `read_back_settle_s` has passed since the last); `upn_swap`: set the federated users of
    Plan.swappable() with the UPN swap (step 8). Never raises for a single user's failure;
    AuthError / network loss / the valve stop the run with `fatal` set and the rest not_attempted."""
    run = _Run(plan, graph, journal, dry_run, progress, cancel or threading.Event(), max(1, concurrency),
               pacer or getattr(graph, "pacer", None) or WritePacer())
    run.fresh_s, run.give_up_s = fresh_s, give_up_s
    run.read_back_settle_s = read_back_settle_s if read_back else None
    run.upn_swap = upn_swap
    return run.execute(reread)


class _Run:
    def __init__(self, plan: Plan, graph: GraphClient, journal: Journal, dry_run: bool,
                 progress: Callable[[ApplyProgress], None] | None, cancel: threading.Event,
                 concurrency: int, pacer: WritePacer) -> None:
        self.graph, self.journal, self.dry_run, self.cancel = graph, journal, dry_run, cancel
        self.concurrency, self.pacer = concurrency, pacer
        self.rows = [dataclasses.replace(r) for r in plan.rows]
        self.result = ApplyResult(self.rows, datetime.now(UTC), dry_run=dry_run)
        self._lock = threading.Lock()
        self._progress_cb = progress
        self._last_progress = 0.0
        self._t0 = time.monotonic()
        self.total = 0
        self.done = 0
        self.failed = 0
        self.not_attempted = 0
        self._quiet = True  # no progress before the total is known (a resume once said "1/0")
        self.sent_ids: set[str] = set()  # users whose PATCH left this process in this run
        self.max_attempts = MAX_ATTEMPTS
        self.fresh_s = FRESH_S
        self.give_up_s = THROTTLE_GIVE_UP_S
        self.read_back_settle_s: float | None = READ_BACK_SETTLE_S  # None: no verification
        self.read_at = time.monotonic()  # when the current values were last read in bulk
        self.listed_at = plan.listed_at  # when the plan's listing began (0: not known)
        self.last_write_at = 0.0  # monotonic time the last $batch of writes was answered
        self._new_failures: list[PlanRow] = []
        self._pause_told = 0.0  # the pause (monotonic end) last reported, so each is told once
        self.upn_swap = False
        self.swap_ids: set[str] = set()  # users set with the UPN swap in this run: two writes each
        self._restore_only: dict[str, Status] = {}  # parked users brought back without a value: their status
        self.units_total = 0  # writes this run expects to make (a swap counts 2): the ETA's measure
        self.units_done = 0
        self._verifier: Verifier | None = None  # reads chunks back while later ones are written

    # --- the steps ---------------------------------------------------------------------------
    def execute(self, reread: str) -> ApplyResult:
        self.pacer.add_listener(self._paused)
        # An envelope 429 is waited out inside the client: make it a pacer pause too, so every writer
        # holds back and the caller hears of it (restored afterwards: the client is the caller's).
        told = getattr(self.graph, "on_throttle", None)
        if hasattr(self.graph, "on_throttle"):
            self.graph.on_throttle = self._client_throttled(told)
        try:
            self._execute(reread)
        finally:
            self.pacer.remove_listener(self._paused)
            if hasattr(self.graph, "on_throttle"):
                self.graph.on_throttle = told
        return self.result

    def _client_throttled(self, told: Callable[[float, str | None], None] | None) -> Callable[[float, str | None], None]:
        def on_throttle(seconds: float, scope: str | None) -> None:
            self.pacer.pause_for(seconds)
            if told is not None:
                told(seconds, scope)
        return on_throttle

    def _execute(self, reread: str) -> None:
        try:
            resumed, fresh = self._swap_tasks()
            targets = self._resume([r for r in self.rows if r.status in (Status.WILL_SET, Status.ALREADY_SET)
                                    and r.object_id not in self.swap_ids])
            self.total = len(targets) + len(self.swap_ids) + self.done
            self.units_total = len(targets) + 2 * len(self.swap_ids)
            self._quiet = False
            self._report(force=True)
            self._swap(resumed)  # a run killed between the steps: finished before anything else
            queue = self._recheck(targets, reread)
            if self.dry_run:
                for row in queue + [task.row for task in fresh]:
                    if row.object_id in self._restore_only:
                        self._finish(row, self._restore_only[row.object_id], "swap_parked_dry_run", journal=False)
                    else:
                        self._finish(row, Status.DRY_RUN,
                                     "swap_dry_run" if row.object_id in self.swap_ids else None, journal=False)
                fresh = []
            elif queue:
                if self.read_back_settle_s is not None:
                    self._verifier = Verifier(self.graph, self.read_back_settle_s, self._read_back)
                ChunkWriter(self._write_job(), queue, self.read_at).run()
            self._swap(fresh)
            if not self.dry_run and self.read_back_settle_s is not None:
                self._verify(reread)
        except (AuthError, GraphError, ReadFailed, ThrottledTooLong) as exc:
            self.result.fatal = getattr(exc, "code", None) or "read_failed"
            self.result.fatal = getattr(self.result.fatal, "value", self.result.fatal)
            self._abandon(*_fatal_reason(exc))
        except Cancelled:
            self.result.cancelled = True
        except Exception as exc:  # a bug must still end the run cleanly: journal closed, report written
            log.exception("apply stopped by an unexpected error")
            self.result.fatal = f"internal_error:{type(exc).__name__}"
            self._abandon("stopped_internal_error", {})
        finally:
            if self._verifier is not None:
                self._verifier.close()
        self.result.cancelled = self.result.cancelled or self.cancel.is_set()
        self._abandon("cancelled" if self.result.cancelled else "stopped", {})
        self.result.finished = datetime.now(UTC)
        self.journal.end(self.result.counts(), cancelled=self.result.cancelled)
        self._report(force=True)

    # --- the UPN swap (step 8) -----------------------------------------------------------------
    def _swap_tasks(self) -> tuple[list[SwapTask], list[SwapTask]]:
        """(swaps the interrupted run began, new swaps). Their rows become will_set (so a stop leaves
        them not_attempted) and weigh two writes."""
        prior = self.journal.previous
        pending = prior.swap_pending() if prior and not self.dry_run else {}
        by_id = {row.object_id: row for row in self.rows}
        resumed = [resumed_task(by_id[oid], rec) for oid, rec in pending.items() if oid in by_id]
        fresh_rows = [row for row in self.rows if self.upn_swap and row.object_id not in pending
                      and row.status is Status.FEDERATED_DOMAIN and row.reason == SWAP_READY]
        fresh: list[SwapTask] = self._parked_tasks(pending) if self.upn_swap else []
        if fresh_rows:  # a read, so a dry run finds out too whether the swap could start
            domain = swap_domain(self.graph, self.rows, self.cancel)
            if domain is None:
                for row in fresh_rows:
                    self._finish(row, Status.FAILED, "swap_domain_unknown", journal=False)
            else:
                fresh += plan_tasks(fresh_rows, domain, goal=lambda row: row.new_immutable_id)
        for task in resumed + fresh:
            row = task.row
            row.user_principal_name = task.upn
            if row.object_id not in self._restore_only:
                row.new_immutable_id = task.goal or row.new_immutable_id
            row.status = Status.WILL_SET
            row.swap = task.trace
            self.swap_ids.add(row.object_id)
        return resumed, fresh

    def _parked_tasks(self, pending: dict[str, Any]) -> list[SwapTask]:
        """Users the tenant shows on a temporary UPN (another machine's or app's interrupted swap; plan
        reason SWAP_PARKED): brought back with their value when it is ready, else with their UPN alone
        (their status then stays what the plan said). One whose own UPN is unknown is left to a person."""
        tasks = []
        for row in self.rows:
            args = row.reason_args
            if row.reason != SWAP_PARKED or row.object_id in pending or not args.get("original"):
                continue
            if row.new_immutable_id:
                tasks.append(parked_task(row, args["temp"], row.new_immutable_id))
            else:
                held = row.current_immutable_id or None
                self._restore_only[row.object_id] = row.status
                tasks.append(parked_task(row, args["temp"], held, expect=held))
        return tasks

    def _swap(self, tasks: list[SwapTask]) -> None:
        if tasks:
            SwapRunner(self.graph, self.journal, self.pacer, self.cancel, self._swap_finished,
                       on_write=self._note_sent, on_throttled=self._note_throttled).run(tasks)

    def _swap_finished(self, task: SwapTask, outcome: str, reason: str | None, args: dict[str, Any]) -> None:
        row = task.row
        if outcome == DONE:
            trace = task.trace
            self.journal.swap(row.object_id, "done", task.upn, task.temp, task.goal, trace.mail_before,
                              upn_after=trace.upn_after, mail_after=trace.mail_after)
            if row.object_id in self._restore_only:  # the UPN alone went back: the value is as it was
                self._finish(row, self._restore_only[row.object_id], "swap_parked_restored", temp=task.temp)
            else:
                self._finish(row, Status.SET, "set_with_swap")
        elif outcome == SKIPPED and reason == CHANGED:
            row.current_immutable_id = args.get("found", "")
            self._finish(row, Status.SKIPPED_ALREADY_SET, "set_after_preview")
        elif outcome == FAILED:
            self._finish(row, Status.FAILED, reason, **args)
        else:  # a fatal stop between the steps: the journal keeps it pending for the next run
            self._finish(row, Status.NOT_ATTEMPTED, reason, **args)

    def _resume(self, rows: list[PlanRow]) -> list[PlanRow]:
        """Rows that an earlier, interrupted run of this journal wrote become `set` (step 1)."""
        prior = self.journal.previous
        intents = prior.intents if prior else {}
        outcomes = prior.outcomes if prior else {}
        todo: list[PlanRow] = []
        for row in rows:
            meant = intents.get(row.object_id)
            if row.status is Status.ALREADY_SET:
                if meant is not None and meant == row.current_immutable_id:
                    row.new_immutable_id = meant
                    row.swap = _swap_trace(prior.swaps.get(row.object_id) if prior else None, row)
                    self._finish(row, Status.SET, "resumed")
                continue
            if outcomes.get(row.object_id, ("",))[0] == Status.SET.value and meant == row.new_immutable_id:
                self._finish(row, Status.SET, "resumed", journal=False)
                continue
            todo.append(row)
        return todo

    def _recheck(self, rows: list[PlanRow], reread: str) -> list[PlanRow]:
        """Step 2: the live value of each user right before writing. A real run with reread="auto" reads
        nothing in bulk: the writer reads each chunk right before its write whenever its values are older
        than fresh_s (core/run/writer.py), so a listing of the whole tenant first would only repeat those
        reads — and hold back the first write by the listing's time (51 pages for 50,000 users). The rows
        then stand as read when the plan's listing began (not known: read before any write)."""
        if not self.dry_run and reread == "auto":
            self.read_at = self.listed_at
            return rows
        self.read_at = time.monotonic()
        current = read_values(self.graph, [r.object_id for r in rows], len(self.rows), reread, self.cancel)
        return [row for row in rows if self.settle_by_current(row, current.get(row.object_id, MISSING))]

    def _verify(self, reread: str) -> None:
        """Step 7: read back the users set and not yet read back while writing (the last chunks, and rows
        set another way); who holds another value now is a conflict. A read that fails leaves the rows as
        written (logged: the writes themselves were confirmed by Graph)."""
        checked: set[str] = set()
        if self._verifier is not None:
            self._verifier.close()
            checked = self._verifier.verified
        written = [row for row in self.rows if row.status is Status.SET and row.object_id not in checked]
        settle = self.last_write_at + (self.read_back_settle_s or 0.0) - time.monotonic()
        if written and settle > 0 and self.cancel.wait(settle):
            return
        try:
            current = read_values(self.graph, [r.object_id for r in written], len(self.rows), reread,
                                  self.cancel)
        except (AuthError, GraphError, ReadFailed) as exc:
            log.warning("Could not read the written users back: %s", exc)
            return
        conflicts = overwritten(written, current)
        for row, found in conflicts:
            self._conflict(row, found)
        self.result.verified = True
        if conflicts:
            self._report(force=True)

    def _read_back(self, row: PlanRow, found: str | None) -> None:
        """The verifier read `row` back while later chunks were written: another value is a conflict."""
        if overwritten([row], {row.object_id: found}):
            self._conflict(row, found)
            self._report(force=True)

    def _conflict(self, row: PlanRow, found: str | None) -> None:
        """Another writer set `found` after this run wrote the row's value (already counted as done)."""
        with self._lock:
            row.status = Status.CONFLICT
            row.current_immutable_id = found or ""
            row.set_reason("overwritten_after_write", found=found or "(none)", wrote=row.new_immutable_id)
            self.failed += 1
            self._new_failures.append(row)
        self.journal.outcome(row.object_id, Status.CONFLICT.value, row.detail)

    def settle_by_current(self, row: PlanRow, current: str | None) -> bool:
        """Decide a row from the user's live value; True when it still has to be written."""
        if current == MISSING:
            self._finish(row, Status.FAILED, "user_deleted", code="Request_ResourceNotFound",
                         message="the user no longer exists")
            return False
        if not current:
            return True
        row.current_immutable_id = current
        if current == row.new_immutable_id and self._intended(row):
            self._finish(row, Status.SET, "confirmed_by_reread")
        else:
            self._finish(row, Status.SKIPPED_ALREADY_SET, "set_after_preview")
        return False

    def _intended(self, row: PlanRow) -> bool:
        """Did this run, or the interrupted run it continues, send this very value to this user?"""
        prior = self.journal.previous
        with self._lock:
            sent = row.object_id in self.sent_ids
        return sent or bool(prior and prior.intents.get(row.object_id) == row.new_immutable_id)

    def _abandon(self, reason: str, args: dict) -> None:
        for row in self.rows:
            if row.status is Status.WILL_SET:
                self._finish(row, Status.NOT_ATTEMPTED, reason, journal=False, **args)

    # --- bookkeeping shared with the writer threads -------------------------------------------
    def _finish(self, row: PlanRow, status: Status, reason: str | None, journal: bool = True, **args: Any) -> None:
        with self._lock:
            row.status = status
            row.set_reason(reason, **args)
            if status is Status.SET:
                row.current_immutable_id = row.new_immutable_id
            self.done += 1
            self.units_done += 2 if row.object_id in self.swap_ids else 1
            self.not_attempted += status is Status.NOT_ATTEMPTED
            if status is Status.FAILED:
                self.failed += 1
                self._new_failures.append(row)
        if journal and not self.dry_run:
            self.journal.outcome(row.object_id, status.value, row.detail)
        self._report(force=status is Status.FAILED and self.failed == 1)

    def _write_job(self) -> WriteJob:
        """The writer's only way into this run: each callable keeps shared state under self._lock."""
        return WriteJob(self.graph, self.pacer, self.cancel, Valve(self.give_up_s), self._announce,
                        self._finish_set, self._fail, self.settle_by_current, self._note_sent,
                        self._note_throttled, self.concurrency, self.max_attempts, self.fresh_s)

    def _announce(self, rows: Sequence[PlanRow]) -> None:
        """Before a chunk is sent: its intents on disk, and its users marked as written by this run."""
        with self._lock:
            self.sent_ids.update(row.object_id for row in rows)
        for row in rows:
            self.journal.intent(row.object_id, row.new_immutable_id)
        self.journal.sync()

    def _fail(self, row: PlanRow, reason: str, **args: Any) -> None:
        self._finish(row, Status.FAILED, reason, **args)

    def _finish_set(self, row: PlanRow) -> None:
        self._finish(row, Status.SET, None)
        if self._verifier is not None:
            self._verifier.add(row)

    def _note_sent(self, n: int) -> None:
        with self._lock:
            self.result.writes_sent += n
            self.last_write_at = time.monotonic()

    def _note_throttled(self, n: int) -> None:
        with self._lock:
            self.result.throttled += n

    def _paused(self, until: float) -> None:
        """The pacer is about to hold writes until `until` (monotonic): tell the caller now."""
        with self._lock:
            if until <= self._pause_told + 0.5:
                return
            self._pause_told = until
        self._report(force=True)

    def _report(self, force: bool = False) -> None:
        if self._progress_cb is None or self._quiet:
            return
        now = time.monotonic()
        with self._lock:
            if not force and now - self._last_progress < PROGRESS_INTERVAL_S:
                return
            self._last_progress = now
            elapsed = max(now - self._t0, 1e-6)
            rate = self.done / elapsed
            left = self.total - self.done
            # measured in writes, not users: a swap costs two (its rows weigh 2 in units_*)
            unit_rate = self.units_done / elapsed
            units_left = max(self.units_total - self.units_done, left)
            eta = units_left / unit_rate if unit_rate > 0 and left > 0 else (0.0 if left <= 0 else None)
            paused = max(self.pacer.paused_until, self.pacer.waiting_until)
            failures, self._new_failures = self._new_failures, []
            snapshot = ApplyProgress(self.done, self.total, self.failed, rate, eta,
                                     time.time() + (paused - now) if paused > now else None, failures,
                                     self.not_attempted)
        self._progress_cb(snapshot)


def _swap_trace(record: dict[str, Any] | None, row: PlanRow) -> SwapTrace | None:
    """The report columns of a user the interrupted run set with the swap (its journal's last swap line)."""
    if not record:
        return None
    return SwapTrace(str(record.get("upn") or ""), str(record.get("upn_after") or row.user_principal_name),
                     str(record.get("mail") or ""), str(record.get("mail_after") or ""))


def _fatal_reason(exc: Exception) -> tuple[str, dict[str, Any]]:
    """(reason, args) for the rows a fatal error leaves not_attempted."""
    if isinstance(exc, AuthError):
        return "stopped_sign_in_failed", {"code": getattr(exc.code, "value", exc.code)}
    if isinstance(exc, ReadFailed):
        return "stopped_read_failed", {"error": exc.error}
    if isinstance(exc, ThrottledTooLong):
        return "stopped_throttled_too_long", {"minutes": max(1, round(exc.seconds / 60))}
    return "stopped_graph_error", {"error": str(exc)}


__all__ = ["ApplyProgress", "ApplyResult", "ThrottledTooLong", "apply_plan", "classify_failure"]
