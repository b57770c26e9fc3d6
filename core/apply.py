"""Apply a plan: re-read, then write each planned ImmutableId once, paced, batched, journaled.

Order of work (architecture.md, safety rules):
 1. Users that an interrupted run of this journal already wrote are `set` and never sent again.
 2. Re-read the current value of every user about to be written (a listing for many, $batch GETs for
    few); anyone who has a value now is `skipped_already_set`.
 3. Write in $batch chunks of ≤ 20 from a few threads, each chunk admitted by the WritePacer; every
    intent is fsync'd in the journal before its chunk is sent, every outcome after.
 4. A write whose fate is unknown (dropped connection, 5xx, 429) is re-read before any resend: if the
    user has the intended value it is `set`, so nobody is written twice.
 5. Throttling (429, inner or envelope) is Entra saying "wait Retry-After and try again": it pauses the
    pacer and never counts against a user's attempts (only 5xx, timeouts and drops do). The one valve:
    no successful write at all for THROTTLE_GIVE_UP_S stops the run (fatal `throttled_too_long`), the
    rest `not_attempted`.
 6. Cancel: chunks in flight finish, the rest are `not_attempted`.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from core.auth import AuthError
from core.batch import MISSING, ChunkWriter, ReadFailed, classify_failure, read_current
from core.directory import list_users
from core.graph import Cancelled, GraphClient, GraphError
from core.journal import Journal
from core.pacing import WritePacer
from core.plan import Plan, PlanRow, Status
from core.retry import backoff

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.25
MAX_ATTEMPTS = 6  # per user, for 5xx / timeouts / dropped connections; 429s never count
THROTTLE_GIVE_UP_S = 600.0  # no successful write for this long while throttled: stop (the valve)
PAUSE_NOTICE_S = 1.0  # a pacer wait at least this long is told to the caller at once
FRESH_S = 30.0  # after this long since the first re-read, each chunk is read again just before writing
LIST_REREAD_MIN = 200  # above this many users to write, a full listing is cheaper than GETs


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

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for row in self.rows:
            out[row.status.value] = out.get(row.status.value, 0) + 1
        return {s.value: out[s.value] for s in Status if s.value in out}

    @property
    def failed(self) -> int:
        return sum(1 for r in self.rows if r.status is Status.FAILED)


def apply_plan(plan: Plan, graph: GraphClient, journal: Journal, dry_run: bool = False,
               progress: Callable[[ApplyProgress], None] | None = None,
               cancel: threading.Event | None = None, concurrency: int = 4, *,
               pacer: WritePacer | None = None, reread: str = "auto", fresh_s: float = FRESH_S,
               give_up_s: float = THROTTLE_GIVE_UP_S) -> ApplyResult:
    """Writes `plan` (see module doc). `reread`: "auto" | "list" | "batch"; `fresh_s`: once the first
    re-read is older than this, every chunk is re-read just before it is written; `give_up_s`: the
    throttling valve. Never raises for a single user's failure; AuthError / network loss / the valve stop
    the run with `fatal` set and the rest not_attempted."""
    run = _Run(plan, graph, journal, dry_run, progress, cancel or threading.Event(), max(1, concurrency),
               pacer or getattr(graph, "pacer", None) or WritePacer())
    run.fresh_s, run.give_up_s = fresh_s, give_up_s
    return run.execute(reread)


class ThrottledTooLong(Exception):
    """Entra let no write through for `give_up_s`: the run stops instead of waiting for ever."""

    code = "throttled_too_long"

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no write was accepted for {seconds:.0f} s")
        self.seconds = seconds


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
        self.sent_ids: set[str] = set()  # users whose PATCH left this process in this run
        self.max_attempts = MAX_ATTEMPTS
        self.fresh_s = FRESH_S
        self.give_up_s = THROTTLE_GIVE_UP_S
        self.read_at = time.monotonic()  # when the current values were last read in bulk
        self.last_write_ok = time.monotonic()  # the valve measures from here (a write accepted, or start)
        self._new_failures: list[PlanRow] = []
        self._pause_told = 0.0  # the pause (monotonic end) last reported, so each is told once

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
            targets = self._resume([r for r in self.rows if r.status in (Status.WILL_SET, Status.ALREADY_SET)])
            self.total = len(targets) + self.done
            queue = self._recheck(targets, reread)
            if self.dry_run:
                for row in queue:
                    self._finish(row, Status.DRY_RUN, None, journal=False)
            elif queue:
                self.last_write_ok = time.monotonic()
                ChunkWriter(self, queue).run()
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
        self.result.cancelled = self.result.cancelled or self.cancel.is_set()
        self._abandon("cancelled" if self.result.cancelled else "stopped", {})
        self.result.finished = datetime.now(UTC)
        self.journal.end(self.result.counts(), cancelled=self.result.cancelled)
        self._report(force=True)

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
                    self._finish(row, Status.SET, "resumed")
                continue
            if outcomes.get(row.object_id, ("",))[0] == Status.SET.value and meant == row.new_immutable_id:
                self._finish(row, Status.SET, "resumed", journal=False)
                continue
            todo.append(row)
        return todo

    def _recheck(self, rows: list[PlanRow], reread: str) -> list[PlanRow]:
        """Step 2: the live value of each user right before writing."""
        if not rows:
            return []
        self.read_at = time.monotonic()
        use_list = reread == "list" or (reread == "auto" and len(rows) > max(LIST_REREAD_MIN, len(self.rows) // 50))
        if use_list:
            live = {u.id: u.immutable_id for u in list_users(self.graph, cancel=self.cancel)}
            current = {r.object_id: live.get(r.object_id, MISSING) for r in rows}
        else:
            current = read_current(self.graph, [r.object_id for r in rows], cancel=self.cancel)
        return [row for row in rows if self.settle_by_current(row, current.get(row.object_id, MISSING))]

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
        return row.object_id in self.sent_ids or bool(
            prior and prior.intents.get(row.object_id) == row.new_immutable_id)

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
            if status is Status.FAILED:
                self.failed += 1
                self._new_failures.append(row)
        if journal and not self.dry_run:
            self.journal.outcome(row.object_id, status.value, row.detail)
        self._report(force=status is Status.FAILED and self.failed == 1)

    def fail(self, row: PlanRow, reason: str, **args: Any) -> None:
        self._finish(row, Status.FAILED, reason, **args)

    def finish_set(self, row: PlanRow) -> None:
        self.last_write_ok = time.monotonic()
        self._finish(row, Status.SET, None)

    def check_stalled(self) -> None:
        """The valve: raise ThrottledTooLong when no write got through for give_up_s."""
        stalled = time.monotonic() - self.last_write_ok
        if stalled >= self.give_up_s:
            raise ThrottledTooLong(stalled)

    def _paused(self, until: float) -> None:
        """The pacer is about to hold writes until `until` (monotonic): tell the caller now."""
        with self._lock:
            if until <= self._pause_told + 0.5:
                return
            self._pause_told = until
        self._report(force=True)

    def _report(self, force: bool = False) -> None:
        if self._progress_cb is None:
            return
        now = time.monotonic()
        with self._lock:
            if not force and now - self._last_progress < PROGRESS_INTERVAL_S:
                return
            self._last_progress = now
            elapsed = max(now - self._t0, 1e-6)
            rate = self.done / elapsed
            left = self.total - self.done
            eta = left / rate if rate > 0 and left > 0 else (0.0 if left <= 0 else None)
            paused = max(self.pacer.paused_until, self.pacer.waiting_until)
            failures, self._new_failures = self._new_failures, []
            snapshot = ApplyProgress(self.done, self.total, self.failed, rate, eta,
                                     time.time() + (paused - now) if paused > now else None, failures)
        self._progress_cb(snapshot)

    @staticmethod
    def backoff(attempt: int) -> float:
        """Full jitter, growing with the attempt (5xx, timeouts, dropped connections)."""
        return backoff(attempt, base=0.5, cap=8.0, floor=0.1)


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
