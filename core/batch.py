"""JSON batching for the write side (graph-facts §3): at most 20 inner requests per POST /$batch, each
answered (and throttled) on its own.

The request builder is the one place a write is shaped, and it refuses any property other than
onPremisesImmutableId (architecture.md, safety rules): nothing else can ever be sent.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from core.graph import GraphClient, GraphError, RetryPolicy
from core.retry import parse_retry_after

ALLOWED_PROPERTY = "onPremisesImmutableId"
MAX_BATCH = 20  # Graph's limit per $batch
CURRENT_SELECT = "id,onPremisesImmutableId"
_OBJECT_ID = re.compile(r"^[0-9A-Za-z-]{1,64}$")  # a GUID in practice; never a path or a query
_READ_ROUNDS = 8  # rounds of retrying throttled/failed inner reads before giving up on a user


class ForbiddenWrite(ValueError):
    """Something other than a plain onPremisesImmutableId update was about to be built."""


def _check_id(object_id: str) -> str:
    if not isinstance(object_id, str) or not _OBJECT_ID.match(object_id):
        raise ForbiddenWrite(f"not an object id: {object_id!r}")
    return quote(object_id, safe="-")


def patch_request(request_id: str, object_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """One inner PATCH /users/{id}. Refuses any body but {"onPremisesImmutableId": <str>}."""
    if not isinstance(body, dict) or set(body) != {ALLOWED_PROPERTY}:
        raise ForbiddenWrite(f"only {ALLOWED_PROPERTY} may be written, not {sorted(body)!r}")
    value = body[ALLOWED_PROPERTY]
    if not isinstance(value, str) or not value:
        raise ForbiddenWrite("the new ImmutableId must be a non-empty string (this tool never clears one)")
    return {"id": request_id, "method": "PATCH", "url": f"/users/{_check_id(object_id)}",
            "headers": {"Content-Type": "application/json"}, "body": {ALLOWED_PROPERTY: value}}


def get_request(request_id: str, object_id: str) -> dict[str, Any]:
    return {"id": request_id, "method": "GET",
            "url": f"/users/{_check_id(object_id)}?$select={CURRENT_SELECT}"}


@dataclass
class InnerResponse:
    id: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == lowered), None)

    @property
    def retry_after(self) -> float | None:
        """Seconds this inner answer asked us to wait (capped as the client caps its own), or None."""
        return parse_retry_after(self.header("Retry-After"), RetryPolicy.max_retry_after)

    def error(self) -> GraphError:
        return GraphError.from_body(self.status, self.body, self.headers)


def send_batch(graph: GraphClient, requests: list[dict[str, Any]], *, idempotent: bool = False,
               cancel: threading.Event | None = None) -> dict[str, InnerResponse]:
    """POST /$batch; the inner responses by id. The envelope's own 429/503 are retried by the client;
    a lost answer raises AmbiguousOutcome (unless `idempotent`); other envelope errors raise GraphError."""
    if not 0 < len(requests) <= MAX_BATCH:
        raise ValueError(f"a batch holds 1 to {MAX_BATCH} requests")
    resp = graph.request("POST", "/$batch", json={"requests": requests}, retry_unsafe=idempotent,
                         cancel=cancel)
    if resp.status_code != 200:
        raise GraphError.from_response(resp)
    out: dict[str, InnerResponse] = {}
    for item in (resp.json() or {}).get("responses") or []:
        rid = str(item.get("id"))
        out[rid] = InnerResponse(rid, int(item.get("status") or 0), dict(item.get("headers") or {}),
                                 item.get("body"))
    return out


def chunks(items: list[Any], size: int = MAX_BATCH) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class ReadFailed(Exception):
    """Current values of some users could not be read (they must not be written blindly)."""

    def __init__(self, ids: list[str], error: str) -> None:
        super().__init__(f"could not read {len(ids)} users: {error}")
        self.ids, self.error = ids, error


def read_current(graph: GraphClient, object_ids: list[str],
                 cancel: threading.Event | None = None) -> dict[str, str | None]:
    """The live onPremisesImmutableId of each user (None: not set; MISSING: the user no longer exists),
    by $batch GETs, 20 per batch. Throttled or failed inner reads are retried a few rounds (honouring
    Retry-After); raises ReadFailed for users that stay unread."""
    result: dict[str, str | None] = {}
    todo = list(object_ids)
    wait = _Waiter(cancel)
    last_error = ""
    for _round in range(_READ_ROUNDS):
        retry: list[str] = []
        pause = 0.0
        for chunk in chunks(todo):
            answers = send_batch(graph, [get_request(str(i), oid) for i, oid in enumerate(chunk)],
                                 idempotent=True, cancel=cancel)
            for i, oid in enumerate(chunk):
                inner = answers.get(str(i))
                if inner is not None and inner.status == 200 and isinstance(inner.body, dict):
                    result[oid] = inner.body.get(ALLOWED_PROPERTY)
                elif inner is not None and inner.status == 404:
                    result[oid] = MISSING
                else:
                    retry.append(oid)
                    last_error = f"HTTP {inner.status}" if inner is not None else "no answer"
                    pause = max(pause, (inner.retry_after if inner is not None else None) or 0.5)
        if not retry:
            return result
        todo = retry
        wait(pause)
    raise ReadFailed(todo, last_error)


MISSING = "\x00missing"  # read_current's marker for a user that no longer exists (404)


class _Waiter:
    def __init__(self, cancel: threading.Event | None) -> None:
        self._event = cancel or threading.Event()

    def __call__(self, seconds: float) -> None:
        self._event.wait(min(seconds, 30.0))


# --- the writer: chunks of PATCHes from a few threads -----------------------------------------
def classify_failure(inner: InnerResponse) -> tuple[str, dict[str, str]]:
    """(reason code, args) for a write Graph refused: the code is the admin hint's (messages_write
    .WRITE_HINTS); args keep Graph's own code and message for the report's detail."""
    err = inner.error()
    text = err.message.lower()
    if inner.status == 403:
        reason = "privileged_user"
    elif err.inner_code == "ObjectConflict" or "already exists" in text:
        reason = "object_conflict"
    elif "on-premises mastered" in text:
        reason = "synced_user"
    elif "federateduser.sourceanchor" in text or "federated" in text:
        reason = "federated_user"
    elif inner.status == 404:
        reason = "user_deleted"
    else:
        reason = "graph_error"
    code = err.code + (f"/{err.inner_code}" if err.inner_code and err.inner_code != err.code else "")
    return reason, {"code": code, "message": err.message}


class ChunkWriter:
    """Runs the writes of one apply (core/apply.py's _Run gives the bookkeeping: finish/fail,
    settle_by_current, journal, pacer, cancel). Items are (row, attempt, not_before)."""

    def __init__(self, run: Any, rows: list[Any]) -> None:
        from collections import deque

        self.job = run
        self.queue: deque[tuple[Any, int, float]] = deque((r, 0, 0.0) for r in rows)
        self.cond = threading.Condition()
        self.in_flight = 0
        self.fatal: BaseException | None = None
        self._calm = threading.Event()  # never set: waits that cancel must not cut short

    def run(self) -> None:
        threads = [threading.Thread(target=self._worker, name=f"writer-{i}", daemon=True)
                   for i in range(self.job.concurrency)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if self.fatal is not None:
            raise self.fatal

    def _worker(self) -> None:
        while True:
            chunk = self._take()
            if chunk is None:
                return
            try:
                self.job.check_stalled()  # the valve against a server that never lets a write through
                self._send(chunk)
            except BaseException as exc:  # noqa: BLE001 — handed to the caller after join
                with self.cond:
                    self.fatal = self.fatal or exc
                self._put_back(chunk)
            finally:
                with self.cond:
                    self.in_flight -= 1
                    self.cond.notify_all()

    def _take(self) -> list[tuple[Any, int, float]] | None:
        with self.cond:
            while True:
                if self.fatal is not None or self.job.cancel.is_set():
                    return None
                if self.queue:
                    n = min(MAX_BATCH, len(self.queue))
                    self.in_flight += 1
                    return [self.queue.popleft() for _ in range(n)]
                if self.in_flight == 0:
                    return None
                self.cond.wait(0.1)

    def _put_back(self, items: list[tuple[Any, int, float]]) -> None:
        with self.cond:
            self.queue.extendleft(reversed(items))
            self.cond.notify_all()

    def _send(self, chunk: list[tuple[Any, int, float]]) -> None:
        job = self.job
        wait = max(nb for _, _, nb in chunk) - time.monotonic()
        if wait > 0 and job.cancel.wait(wait):
            self._put_back(chunk)
            return
        # bounded by the valve: a pause that outlasts it ends the run rather than the wait
        valve = max(0.0, job.give_up_s - (time.monotonic() - job.last_write_ok))
        if not job.pacer.acquire(len(chunk), job.cancel, timeout=valve):
            self._put_back(chunk)
            return
        if time.monotonic() - job.read_at > job.fresh_s:
            chunk = self._still_empty(chunk)
            if not chunk:
                return
        requests = [patch_request(str(i), row.object_id, {ALLOWED_PROPERTY: row.new_immutable_id})
                    for i, (row, _, _) in enumerate(chunk)]
        for row, _, _ in chunk:
            job.journal.intent(row.object_id, row.new_immutable_id)
            job.sent_ids.add(row.object_id)
        job.journal.sync()  # every intent on disk before the writes leave the machine
        try:
            answers = send_batch(job.graph, requests, cancel=job.cancel)
        except GraphError as exc:
            sent = getattr(exc, "sent", True)
            job.pacer.release(len(chunk), sent=sent)
            # an envelope 429 that outlasted the client's retries is still only "wait": no attempt used
            throttled = exc.status == 429
            self._unsure(chunk, f"{exc.code}: {exc.message}", backoff=not throttled, counts=not throttled)
            return
        except BaseException:
            job.pacer.release(len(chunk), sent=False)  # Cancelled / AuthError: nothing was sent
            raise
        job.pacer.release(len(chunk), sent=True)
        with self.cond:
            job.result.writes_sent += len(chunk)
        self._sort_answers(chunk, answers)

    def _still_empty(self, chunk: list[tuple[Any, int, float]]) -> list[tuple[Any, int, float]]:
        """The run's first re-read is getting old (a long run): read this chunk again right before
        writing it; users who got a value meanwhile are settled and their slots given back."""
        job = self.job
        try:
            current = read_current(job.graph, [row.object_id for row, _, _ in chunk], cancel=self._calm)
        except (ReadFailed, GraphError) as exc:
            job.pacer.release(len(chunk), sent=False)
            for row, _, _ in chunk:
                job.fail(row, "reread_failed", error=str(exc))
            return []
        keep = [item for item in chunk if job.settle_by_current(item[0], current.get(item[0].object_id, MISSING))]
        job.pacer.release(len(chunk) - len(keep), sent=False)
        return keep

    def _sort_answers(self, chunk: list[tuple[Any, int, float]], answers: dict[str, InnerResponse]) -> None:
        job = self.job
        throttled: list[tuple[Any, int, float]] = []
        transient: list[tuple[Any, int, float]] = []
        pause = 0.0
        for i, item in enumerate(chunk):
            inner = answers.get(str(i))
            if inner is None:
                transient.append(item)
            elif inner.ok:
                job.finish_set(item[0])
            elif inner.status == 429:
                with self.cond:
                    job.result.throttled += 1
                pause = max(pause, inner.retry_after or 1.0)
                throttled.append(item)
            elif inner.status >= 500:
                pause = max(pause, inner.retry_after or 0.0)
                transient.append(item)
            else:
                reason, args = classify_failure(inner)
                job.fail(item[0], reason, **args)
        if len(throttled) < len(chunk):
            job.last_write_ok = time.monotonic()  # the server answered writes: not stuck
        if pause and throttled:
            job.pacer.pause_for(pause)  # honour Retry-After: nobody writes before it passes
        if throttled:
            self._unsure(throttled, "TooManyRequests: throttled", backoff=False, counts=False)
        if transient:
            self._unsure(transient, "the service failed (5xx)", backoff=True, at_least=pause)

    def _unsure(self, items: list[tuple[Any, int, float]], error: str, backoff: bool,
                at_least: float = 0.0, counts: bool = True) -> None:
        """Writes whose fate is unknown: re-read before any resend (never write a user twice).
        `counts`: whether this try uses up one of the user's attempts (not for throttling)."""
        job = self.job
        attempt = max(a for _, a, _ in items)
        if backoff:
            self._calm.wait(min(job.backoff(attempt), 2.0))  # let a half-done write land before reading
        try:
            current = read_current(job.graph, [row.object_id for row, _, _ in items], cancel=self._calm)
        except Exception as exc:  # noqa: BLE001 — sign-in too: these rows were sent, say so, never guess
            why = getattr(exc, "code", None) or str(exc)
            for row, _, _ in items:
                job.fail(row, "outcome_unknown", error=error, why=str(getattr(why, "value", why)))
            return
        again: list[tuple[Any, int, float]] = []
        not_before = time.monotonic() + max(at_least, job.backoff(attempt + 1) if backoff else 0.0)
        for row, tries, _ in items:
            if not job.settle_by_current(row, current.get(row.object_id, MISSING)):
                continue
            tries += counts
            if tries >= job.max_attempts:
                job.fail(row, "network", error=error, attempts=tries)
            else:
                again.append((row, tries, not_before))
        if again:
            with self.cond:
                self.queue.extend(again)
                self.cond.notify_all()

