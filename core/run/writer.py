"""Apply's writer threads: PATCH chunks of ≤ 20 users, each admitted by the WritePacer.

    rows ─► ready ─► [thread: read if the wait is short ─► pacer slots (─► read if stale) ─► intents ─► $batch] ─► set
                ▲                                                                                  │ fate unknown
                └───────────────────────────── waiting until not_before (Retry-After, backoff) ◄───┘ (5xx, drop, 429)

Every chunk is read right before it is written — while it waits for the pacer when that wait is short, else
once admitted, so that each user is read once, not before and again after a long wait: anyone who has a
value by then is settled (ours: `set`; someone else's: skipped), which also narrows the window in which
another writer's value could be overwritten. A write whose fate is unknown is never resent blind: the row
waits (the thread goes on with fresh rows), then rides in a later chunk and is read with it. So no user
is written twice, and no thread sleeps through another row's backoff. A 429 pauses the pacer for everyone.

The writer touches the run only through WriteJob (a few callables, each thread-safe on the run's side);
its own shared state is the WorkQueue.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from core.graph.auth import AuthError
from core.graph.batching import (
    ALLOWED_PROPERTY,
    MAX_BATCH,
    MISSING,
    READ_ROUNDS,
    ReadPass,
    classify_failure,
    honoured_wait,
    patch_request,
    read_current,
    read_once,
    send_batch,
)
from core.graph.client import Cancelled, GraphClient, GraphError
from core.graph.pacing import WritePacer
from core.graph.retry import backoff
from core.planning.plan import PlanRow, Status
from core.run.readback import TRIP_MARGIN_S
from core.run.write_queue import Item, WorkQueue

# Chunks in flight at once (--concurrency's default). Graph documents no limit on concurrent directory
# requests; the write quota is what bounds a run, and the pacer keeps to it. 8 sends a full window of Entra's
# quota (3,000 writes = 150 chunks) twice as fast as 4 did; below that many chunks per window, fewer threads
# (writer_threads).
DEFAULT_CONCURRENCY = 8
SETTLE_S = 2.0  # the longest we wait for a half-done write to land before reading its user
READ_LEAD_S = 0.05  # a chunk's read before the first is timed: how long before admission to read it


class ThrottledTooLong(Exception):
    """Entra let no write through for `give_up_s`: the run stops instead of waiting for ever."""

    code = "throttled_too_long"

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no write was accepted for {seconds:.0f} s")
        self.seconds = seconds


class Valve:
    """Stops a run that no write gets through for `give_up_s` (a server that throttles for ever)."""

    def __init__(self, give_up_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.give_up_s, self._clock = give_up_s, clock
        self._lock = threading.Lock()
        self._last_ok = clock()

    def ok(self) -> None:
        """The server answered a write with something other than 429: not stuck."""
        with self._lock:
            self._last_ok = self._clock()

    def left(self) -> float:
        with self._lock:
            return self.give_up_s - (self._clock() - self._last_ok)

    def check(self) -> None:
        left = self.left()
        if left <= 0:
            raise ThrottledTooLong(self.give_up_s - left)


class FailureRate:
    """The share of recent writes the service failed (5xx, no answer), weighted over about the last RECENT
    writes. While it stays below SPORADIC the service is answering and a failure is a blip: the user is
    resent in the next free quota slot even after a repeat failure (the 2,000-user faulted benchmark's last
    users waited a second or more of backoff on an idle quota). Above it, repeats back off."""

    RECENT, SPORADIC = 100, 0.2

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rate = 0.0

    def note(self, ok: int, failed: int) -> None:
        n = ok + failed
        if n:
            keep = (1 - 1 / self.RECENT) ** n
            with self._lock:
                self._rate = self._rate * keep + (failed / n) * (1 - keep)

    def sporadic(self) -> bool:
        with self._lock:
            return self._rate < self.SPORADIC


class Fail(Protocol):
    def __call__(self, row: PlanRow, reason: str, **args: Any) -> None: ...


@dataclass(frozen=True)
class WriteJob:
    """What the writer may use and do: the run's bookkeeping as callables (each thread-safe)."""

    graph: GraphClient
    pacer: WritePacer
    cancel: threading.Event
    valve: Valve
    announce: Callable[[Sequence[PlanRow]], None]   # journal intents, synced, before a chunk is sent
    finish_set: Callable[[PlanRow], None]           # Graph accepted the write
    fail: Fail                                      # (row, reason code, **args)
    settle: Callable[[PlanRow, str | None], bool]   # the user's live value; True = still to write
    note_sent: Callable[[int], None]                # a $batch of n writes was answered
    note_throttled: Callable[[int], None]           # n inner 429s
    concurrency: int = DEFAULT_CONCURRENCY
    max_attempts: int = 6                           # per user, for 5xx / timeouts / drops
    fresh_s: float = 0.0                            # read a chunk again before writing when older


class ChunkWriter:
    def __init__(self, job: WriteJob, rows: list[PlanRow], read_at: float) -> None:
        self.job = job
        self.queue = WorkQueue([Item(row, read_at) for row in rows], job.cancel)
        self._calm = threading.Event()  # never set: reads that cancelling must not cut short
        self._read_s = READ_LEAD_S  # how long a chunk's read takes (a running average): read that early
        self._failing = FailureRate()

    def run(self) -> None:
        """Writes every row; raises what stopped the run (Cancelled, AuthError, ThrottledTooLong, ...)
        after the rows in doubt were read one last time."""
        threads = [threading.Thread(target=self._worker, name=f"writer-{i}", daemon=True)
                   for i in range(writer_threads(self.job.concurrency, self.job.pacer.limit))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self._read_leftovers()
        if self.queue.fatal is not None:
            raise self.queue.fatal

    def _worker(self) -> None:
        while (chunk := self.queue.take()) is not None:
            try:
                self.job.valve.check()
                self._send(chunk)
            except BaseException as exc:  # noqa: BLE001 — handed to the caller after join
                self.queue.stop(exc)
                self.queue.put_back(chunk)
            finally:
                self.queue.done()

    def _send(self, chunk: list[Item]) -> None:
        job = self.job
        # Read right before the write: a chunk that would be stale when admitted waits (holding no slot) until
        # the pacer is about to admit it, then is read — so the read-to-write gap is about one read, and a
        # rival's racing write lands well within the read-back's settle (core/run/readback.py).
        if self._stale(chunk, ahead=job.pacer.expected_wait()):
            if not self._await_turn():
                self.queue.put_back(chunk)
                return
            chunk = self._still_empty(chunk, held=False)
            if not chunk:
                return
        # bounded by the valve: a pause that outlasts it ends the run rather than the wait
        admitted = job.pacer.acquire_up_to(len(chunk), job.cancel, timeout=max(0.0, job.valve.left()))
        if admitted < len(chunk):  # the rest go first in a later chunk (already read)
            self.queue.put_back(chunk[admitted:])
            chunk = chunk[:admitted]
            if not chunk:
                return
        if self._stale(chunk):  # another thread took the slots we were promised: read again, then write at once
            chunk = self._still_empty(chunk, held=True)
            if not chunk:
                return
        self._write(chunk)

    def _await_turn(self) -> bool:
        """Sleep until the pacer expects to admit a write within about one read's time; False when
        cancelled (a pause longer than the valve allows returns at once: the acquire then gives up)."""
        job = self.job
        while (wait := job.pacer.expected_wait() - self._read_s) > 0:
            left = job.valve.left()
            if left <= 0:
                return True
            if job.cancel.wait(min(wait, left)):
                return False
        return True

    def _stale(self, chunk: list[Item], ahead: float = 0.0) -> bool:
        """Whether a user of the chunk must be read before its write `ahead` seconds from now."""
        at = time.monotonic() + ahead
        return any(item.unsure or at - item.read_at > self.job.fresh_s for item in chunk)

    def _write(self, chunk: list[Item]) -> None:
        """Send one admitted chunk and sort its answers."""
        job = self.job
        rows = [item.row for item in chunk]
        requests = [patch_request(str(i), row.object_id, {ALLOWED_PROPERTY: row.new_immutable_id})
                    for i, row in enumerate(rows)]
        job.announce(rows)  # every intent on disk before the writes leave the machine
        # An envelope 503 is handed back, not waited out by the client while this thread holds the slots: its
        # users are read and resent in the next free slot (a client-side retry would also send the write
        # long after its read, outside the gap the read-back's settle covers).
        sent_at = job.pacer.now()
        try:
            answers = send_batch(job.graph, requests, cancel=job.cancel, hand_back=(503,))
        except GraphError as exc:
            job.pacer.release(len(chunk), sent=_maybe_counted(exc.status, getattr(exc, "sent", True)),
                              sent_at=sent_at)
            # an envelope 429 that outlasted the client's retries is still only "wait": no attempt used. Only
            # a 429's Retry-After is honoured (graph-facts §4); one on a 5xx is not relied on
            # (facts.UNCONFIRMED["retry_after_on_503"]). No answer at all: the write may still be landing,
            # so its read waits a trip first.
            throttled = exc.status == 429
            self._unsure(chunk, f"{exc.code}: {exc.message}", counts=not throttled,
                         wait=honoured_wait(exc.status, exc.retry_after),
                         early_s=TRIP_MARGIN_S if exc.status == 0 else 0.0)
            return
        except BaseException as exc:
            job.pacer.release(len(chunk), sent=False)
            if not isinstance(exc, (Cancelled, AuthError)):  # those stop before sending; others may not
                self._mark_unsure(chunk, f"{type(exc).__name__}", counts=True, wait=0.0,
                                  early_s=TRIP_MARGIN_S)
            raise
        unprocessed = sum(1 for i in range(len(chunk)) if getattr(answers.get(str(i)), "status", 0) == 503)
        job.pacer.release(len(chunk) - unprocessed, sent=True, sent_at=sent_at)
        job.pacer.release(unprocessed, sent=False)
        job.note_sent(len(chunk))
        self._sort_answers(chunk, answers)

    def _still_empty(self, chunk: list[Item], held: bool) -> list[Item]:
        """Read the chunk's users before writing them: users who have a value now are settled. A user the
        service did not read this time waits for a later chunk if its last write is in doubt; otherwise
        its earlier read stands (this one only narrows the window for another writer). `held`: the chunk
        holds pacer slots (given back for every user not written now)."""
        job = self.job
        started = time.monotonic()
        try:  # a refused or dropped read is handed back, not waited out: no slot is held through a wait
            done = read_once(job.graph, [item.row.object_id for item in chunk], self._calm, hand_back=(503,),
                             retry_drops=False)
            self._read_s = 0.7 * self._read_s + 0.3 * (time.monotonic() - started)
        except GraphError as exc:  # nobody read: as if each user's read had failed
            done = ReadPass({}, [item.row.object_id for item in chunk], 0.5, str(exc))
        except BaseException:
            if held:
                job.pacer.release(len(chunk), sent=False)
            raise  # sign-in failed, a bug: the run stops (rows in doubt are read once more at the end)
        unread, keep, doubt = set(done.unread), [], []
        for item in chunk:
            if item.row.object_id not in unread:
                if self._empty(item, done.values):
                    keep.append(item)
            elif item.unsure:
                doubt.append(item)  # its write is in doubt: it waits for a read
            else:
                keep.append(item)  # its last read still stands: the fresh one only narrows a race
        self._unread(doubt, done.error, done.wait)
        if held:
            job.pacer.release(len(chunk) - len(keep), sent=False)
        return keep

    def _empty(self, item: Item, values: dict[str, str | None]) -> bool:
        """Settle one user by the value just read; True when it is still to be written now."""
        job = self.job
        if not job.settle(item.row, values.get(item.row.object_id, MISSING)):
            return False
        if item.unsure and item.attempts >= job.max_attempts:
            job.fail(item.row, "network", error=item.error, attempts=item.attempts)
            return False
        item.unsure, item.read_at, item.misses = False, time.monotonic(), 0
        return True

    def _unread(self, items: list[Item], error: str, wait: float) -> None:
        """Users in doubt whose read failed: they wait for a later chunk, a few times, then fail as
        unknown (the write may or may not have happened; a rerun reads them first)."""
        again = []
        for item in items:
            item.misses += 1
            if item.misses < READ_ROUNDS:
                item.not_before = time.monotonic() + max(wait, 0.1)
                again.append(item)
            else:
                self.job.fail(item.row, "outcome_unknown", error=item.error, why=error)
        self.queue.wait(again)

    def _sort_answers(self, chunk: list[Item], answers: dict[str, Any]) -> None:
        job = self.job
        throttled: list[Item] = []
        transient: list[Item] = []
        pause = 0.0
        for i, item in enumerate(chunk):
            inner = answers.get(str(i))
            if inner is None:
                transient.append(item)
            elif inner.ok:
                job.finish_set(item.row)
            elif inner.status == 429:
                pause = max(pause, inner.retry_after or 1.0)
                throttled.append(item)
            elif inner.status >= 500:  # its Retry-After, if any, is not relied on (see _write)
                transient.append(item)
            else:
                reason, args = classify_failure(inner)
                job.fail(item.row, reason, **args)
        self._failing.note(len(chunk) - len(throttled) - len(transient), 0)  # the failed: _mark_unsure
        if len(throttled) < len(chunk):
            job.valve.ok()  # the server answered writes: not stuck
        if throttled:
            job.note_throttled(len(throttled))
            job.pacer.pause_for(pause)  # honour Retry-After: nobody writes before it passes
            # due at once: the pause holds them in the pacer (bounded by the valve), then they are read
            self._unsure(throttled, "TooManyRequests: throttled", counts=False, wait=0.0)
        if transient:
            self._unsure(transient, "the service failed (5xx)", counts=True, wait=0.0)

    def _unsure(self, items: list[Item], error: str, counts: bool, wait: float, early_s: float = 0.0) -> None:
        """Writes whose fate is unknown wait for their turn; this thread goes on with other rows."""
        self._mark_unsure(items, error, counts, wait, early_s)
        self.queue.wait(items)

    def _mark_unsure(self, items: list[Item], error: str, counts: bool, wait: float,
                     early_s: float = 0.0) -> None:
        """`counts`: whether this try uses up one of the user's attempts (not for throttling); the row
        goes first in line after `wait` (Retry-After) or its backoff, whichever is longer. After its FIRST
        failure — or any failure while the service fails only sporadically (FailureRate) — it is also taken
        as soon as a thread has no fresh row to write (`early`): the tail of a run resends in the next free
        quota slot instead of idling through a backoff. Repeats back off only while many writes fail (a
        service in trouble is not hammered). A 429 pauses the pacer for everyone instead.
        `early_s`: a write that got no answer at all may still land; its read waits this long first."""
        now = time.monotonic()
        if counts:
            self._failing.note(0, len(items))
        blip = self._failing.sporadic()
        for item in items:
            item.attempts += counts
            delay = max(wait, early_s, backoff(item.attempts, base=0.5, cap=8.0, floor=0.1)) if counts else wait
            item.unsure, item.error = True, error
            item.not_before, item.settle_by = now + delay, now + min(delay, SETTLE_S)
            item.early = now + min(early_s, delay) if counts and (item.attempts <= 1 or blip) else item.not_before

    def _read_leftovers(self) -> None:
        """The run stops (or ended) with writes in doubt: read those users once more, so the report says
        what happened; those still empty stay unwritten (not_attempted)."""
        job = self.job
        doubt = [item for item in self.queue.leftovers() if item.unsure and item.row.status is Status.WILL_SET]
        if not doubt:
            return
        self._calm.wait(max(0.0, max(item.settle_by for item in doubt) - time.monotonic()))
        try:
            current = read_current(job.graph, [item.row.object_id for item in doubt], cancel=self._calm)
        except Exception as exc:  # noqa: BLE001 — sign-in too: these rows were sent, say so, never guess
            why = getattr(exc, "code", None) or str(exc)
            for item in doubt:
                job.fail(item.row, "outcome_unknown", error=item.error, why=str(getattr(why, "value", why)))
            return
        for item in doubt:
            job.settle(item.row, current.get(item.row.object_id, MISSING))


def writer_threads(concurrency: int, limit: int) -> int:
    """No more threads than the chunks one quota window admits: a thread beyond them only reads its chunk,
    then waits a whole window and reads it again (the 600-user benchmark: 5 threads for 100 per 2 s went
    faster than 4, and than 8, with fewer requests)."""
    return max(1, min(concurrency, math.ceil(limit / MAX_BATCH)))


def _maybe_counted(status: int, sent: bool) -> bool:
    """Whether a write that got no usable answer may have counted against Entra's window: a 503 means
    "not processed" (design.md, Graph client), so its slots are free at once; anything else sent might."""
    return sent and status != 503
