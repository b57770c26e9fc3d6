"""The federated-domain UPN swap (issue 10 §1, graph-facts §11): Entra refuses to set (or clear) the
ImmutableId of a user whose UPN is in a federated domain, so the value goes in while the UPN is away:

    step 1   PATCH {"userPrincipalName": "alias@<tenant>.onmicrosoft.com"}
    step 2   PATCH {"userPrincipalName": "alias@school.example", "onPremisesImmutableId": "..."}

Used by apply (to set) and by undo (to clear: step 2 carries null). Opt-in on both faces.

How it stays safe:
- Driven by what Graph says, not by what we hope: each round reads the users (UPN, mail, value) and
  decides the next step from that, so a lost answer, a 5xx or a resumed run after kill -9 all end in
  the same place. A PATCH that Graph answered 2xx counts as read (its result is known).
- Every PATCH is journalled (a `swap` line, synced) before it is sent: a run killed between the steps
  is finished by the next run from the journal (core/journal.JournalState.swap_pending).
- Step 1 refused (the alias is taken, the user is an admin: 403): the user fails, nothing changed.
  Step 2 refused: the UPN is put back on its own (`restore`), then the user fails with step 2's reason.
- A chunk once begun is finished even when the run is cancelled: nobody is left on the temporary UPN
  by a cancel. Only a fatal error (sign-in lost, the network gone) can stop a chunk half-way; those users
  end `not_attempted` with reason `swap_unfinished`, and the next run finishes them first.
- Both steps are writes: each is admitted by the run's WritePacer, and counts in the run's ETA.
- The report gets the UPN and mail as read before step 1 and after the last step, so an admin can prove
  nothing else moved (graph-facts §11: whether mail/proxyAddresses follow the UPN is unconfirmed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from core.graph.batching import (
    ALLOWED_PROPERTY,
    KEEP,
    MISSING,
    UPN_PROPERTY,
    chunks,
    classify_failure,
    read_current,
    send_batch,
    swap_request,
)
from core.graph.client import Cancelled, GraphClient, GraphError
from core.graph.pacing import WritePacer
from core.planning.swap_trace import SwapTrace
from core.run.journal import Journal
from core.tenant.directory import initial_domain, initial_domain_from_upns, list_domains
from core.tenant.parked import temporary_upn

SWAP_SELECT = "id,userPrincipalName,mail,onPremisesImmutableId"
MAX_ROUNDS = 12   # read-decide-write rounds per chunk (a clean swap takes 3)
MAX_TRIES = 5     # sends of one step whose answer was lost or 5xx (429s do not count)

# outcomes handed to the caller's `finish`: DONE (the goal reached by our PATCH), SKIPPED (reason CHANGED,
# args {"found": the value the user holds, "" = none}: someone else's doing, left alone), FAILED (reason
# code, args), UNFINISHED (a fatal stop between the steps: reason swap_unfinished)
DONE, SKIPPED, FAILED, UNFINISHED = "done", "skipped", "failed", "unfinished"
CHANGED = "changed"


@dataclass
class SwapTask:
    """One user to swap. `goal`: the value to end with (a string to set, None to clear); `expect`: the
    value the user must hold for us to act (None for apply: empty; the written value for undo)."""

    row: Any                       # the caller's row (PlanRow / UndoRow)
    upn: str                       # the user's own UPN: the one it ends with
    temp: str                      # alias@<initial domain>
    goal: str | None
    expect: str | None = None
    trace: SwapTrace = field(default_factory=SwapTrace)
    sent: bool = False             # a step of this task was sent (by this run or the one it continues)
    failure: tuple[str, dict[str, Any]] | None = None  # step 2 refused: restore, then fail with this
    tries: int = 0
    last_kind: str = ""
    settled: bool = False

    @property
    def object_id(self) -> str:
        return str(self.row.object_id)


Finish = Callable[[SwapTask, str, "str | None", dict[str, Any]], None]  # (task, outcome, reason, args)


def _same(a: str | None, b: str | None) -> bool:
    return (a or "").casefold() == (b or "").casefold()


class SwapRunner:
    """Runs swap tasks in chunks of ≤ 20 users (see the module doc)."""

    def __init__(self, graph: GraphClient, journal: Journal, pacer: WritePacer, cancel: threading.Event,
                 finish: Finish, *, on_write: Callable[[int], None] | None = None,
                 on_throttled: Callable[[int], None] | None = None, retry_wait_s: float = 0.5) -> None:
        self.graph, self.journal, self.pacer, self.cancel = graph, journal, pacer, cancel
        self.finish = finish
        self.on_write = on_write or (lambda n: None)
        self.on_throttled = on_throttled or (lambda n: None)
        self.retry_wait_s = retry_wait_s
        self._calm = threading.Event()  # never set: a chunk once begun is not cut short by a cancel

    def run(self, tasks: list[SwapTask]) -> None:
        """All tasks; raises Cancelled between chunks, and what stopped the run (sign-in, network) —
        after marking the chunk's unsettled users UNFINISHED."""
        for chunk in chunks(tasks):
            if self.cancel.is_set():
                raise Cancelled()
            try:
                self._chunk(chunk)
            except BaseException:
                for task in chunk:  # a user none of whose PATCHes left is simply not reached
                    if not task.settled and task.sent:
                        self._settle(task, UNFINISHED, "swap_unfinished", upn=task.upn, temp=task.temp)
                    elif not task.settled:
                        self._settle(task, UNFINISHED, "stopped")
                raise

    # --- one chunk -------------------------------------------------------------------------------
    def _chunk(self, chunk: list[SwapTask]) -> None:
        open_tasks = list(chunk)
        live = self._read(open_tasks)
        for _round in range(MAX_ROUNDS):
            actions = [action for task in open_tasks
                       if (action := self._decide(task, live.get(task.object_id, MISSING))) is not None]
            known = self._send(actions) if actions else {}
            open_tasks = [t for t in open_tasks if not t.settled]  # settled by the read or by Graph's refusal
            if not open_tasks:
                return
            unknown = [t for t in open_tasks if t.object_id not in known]
            tries = max((t.tries for t in unknown), default=0)
            if unknown and (tries or not actions):  # a 5xx or a lost answer: back off before reading
                self._calm.wait(min(self.retry_wait_s * max(tries, 1), 8.0))
            live = {**known, **(self._read(unknown) if unknown else {})}
        for task in open_tasks:  # rounds used up: say exactly where the user was left
            if _same(task.trace.upn_after, task.temp):
                self._settle(task, FAILED, "swap_stranded", upn=task.temp, original=task.upn)
            else:
                self._settle(task, FAILED, "outcome_unknown", error=task.last_kind or "swap",
                             why="no clear answer after several tries")

    def _decide(self, task: SwapTask, user: Any) -> tuple[SwapTask, str] | None:
        """From the user as read now: settle the task, or the next PATCH to send (step1/step2/restore)."""
        if user == MISSING or not isinstance(user, dict):
            self._settle(task, FAILED, "user_deleted")
            return None
        upn, value, mail = user.get(UPN_PROPERTY) or "", user.get(ALLOWED_PROPERTY), user.get("mail") or ""
        if not task.trace.upn_before:
            task.trace.upn_before = task.upn
            task.trace.mail_before = task.trace.mail_before or mail
        task.trace.upn_after, task.trace.mail_after = upn, mail
        if _same(upn, task.upn):
            if value == task.goal and task.failure is None:
                if task.sent:
                    self._settle(task, DONE, None)
                else:
                    self._settle(task, SKIPPED, CHANGED, found=value or "")
                return None
            if task.failure is not None and task.failure[0] == CHANGED:
                self._settle(task, SKIPPED, CHANGED, **task.failure[1])
                return None
            if task.failure is not None:
                self._settle(task, FAILED, "swap_restored", **task.failure[1], step_reason=task.failure[0])
                return None
            if value != task.expect:
                self._settle(task, SKIPPED, CHANGED, found=value or "")
                return None
            return self._step(task, "out")
        if _same(upn, task.temp):
            if task.failure is None and value not in (task.expect, task.goal):
                task.failure = (CHANGED, {"found": value or ""})  # someone else's value: only the UPN goes back
            if task.failure is not None or value == task.goal:  # (or the value is in already)
                return self._step(task, "restore")
            return self._step(task, "back")
        self._settle(task, FAILED, "swap_upn_changed", found=upn, original=task.upn)
        return None

    def _step(self, task: SwapTask, kind: str) -> tuple[SwapTask, str] | None:
        if task.last_kind == kind and task.tries >= MAX_TRIES:
            if kind == "out":
                self._settle(task, FAILED, "outcome_unknown", error="step 1", why="no clear answer")
                return None
            self._settle(task, FAILED, "swap_stranded", upn=task.temp, original=task.upn)
            return None
        return task, kind

    def _send(self, actions: list[tuple[SwapTask, str]]) -> dict[str, Any]:
        """The chunk's PATCHes, in as many $batches as the write quota admits at a time (a small quota
        may admit fewer than 20). Returns the users whose new state is known (a 2xx answer to step 1),
        as if read; the others are read again."""
        known: dict[str, Any] = {}
        while actions:
            admitted = self.pacer.acquire_up_to(len(actions), self._calm)
            known.update(self._send_admitted(actions[:admitted]))
            actions = actions[admitted:]
        return known

    def _send_admitted(self, actions: list[tuple[SwapTask, str]]) -> dict[str, Any]:
        """Journal, then one $batch of PATCHes the pacer has admitted."""
        requests = []
        for i, (task, kind) in enumerate(actions):
            target = task.temp if kind == "out" else task.upn
            value = task.goal if kind == "back" else KEEP
            requests.append(swap_request(str(i), task.object_id, target, value))
            self.journal.swap(task.object_id, kind, task.upn, task.temp, task.goal, task.trace.mail_before)
            if kind == "back":
                self.journal.intent(task.object_id, task.goal)
        self.journal.sync()  # on disk before the PATCHes leave the machine
        for task, _kind in actions:
            task.sent = True  # from here on it may have landed
        try:
            answers = send_batch(self.graph, requests, cancel=self._calm)
        except GraphError as exc:
            self.pacer.release(len(actions), sent=exc.status != 503)
            if exc.status in (0, 429) or exc.status >= 500:
                for task, kind in actions:
                    self._mark(task, kind, counts=exc.status != 429)
                self.pacer.pause_for(exc.retry_after or 0.0)
                return {}
            raise
        except BaseException:
            self.pacer.release(len(actions), sent=False)
            raise
        self.pacer.release(len(actions), sent=True)
        self.on_write(len(actions))
        known: dict[str, Any] = {}
        throttled = 0
        for i, (task, kind) in enumerate(actions):
            inner = answers.get(str(i))
            if inner is not None and inner.ok:
                task.tries, task.last_kind = 0, kind
                if kind == "out":  # the last step and a restore are read back: the report shows what is
                    known[task.object_id] = {UPN_PROPERTY: task.temp, ALLOWED_PROPERTY: task.expect,
                                             "mail": task.trace.mail_after}
            elif inner is None or inner.status == 429 or inner.status >= 500:
                throttled += inner is not None and inner.status == 429
                if inner is not None and inner.status == 429:
                    self.pacer.pause_for(inner.retry_after or 1.0)
                self._mark(task, kind, counts=inner is None or inner.status != 429)
            else:
                self._refused(task, kind, inner)
        if throttled:
            self.on_throttled(throttled)
        return known

    def _mark(self, task: SwapTask, kind: str, counts: bool) -> None:
        if task.last_kind != kind:
            task.tries = 0
        task.last_kind, task.tries = kind, task.tries + counts

    def _refused(self, task: SwapTask, kind: str, inner: Any) -> None:
        reason, args = classify_failure(inner)
        if kind == "out":  # nothing changed
            if reason == "object_conflict":
                self._settle(task, FAILED, "swap_alias_taken", alias=task.temp)
            elif reason in ("privileged_user", "user_deleted"):
                self._settle(task, FAILED, reason, **args)
            else:
                self._settle(task, FAILED, "swap_step1_refused", **args)
        elif kind == "back":  # the UPN is still the temporary one: put it back, then fail
            task.failure = (reason, args)
        else:
            self._settle(task, FAILED, "swap_stranded", upn=task.temp, original=task.upn, **args)

    def _settle(self, task: SwapTask, outcome: str, reason: str | None, **args: Any) -> None:
        task.settled = True
        self.finish(task, outcome, reason, args)

    # --- reading ---------------------------------------------------------------------------------
    def _read(self, tasks: list[SwapTask]) -> dict[str, Any]:
        """UPN, mail and value of each task's user ($batch GETs; throttled or failed reads retried)."""
        return read_current(self.graph, [t.object_id for t in tasks], cancel=self._calm, select=SWAP_SELECT)


def plan_tasks(rows: list[Any], initial_domain: str, goal: Callable[[Any], str | None],
               expect: Callable[[Any], str | None] = lambda row: None) -> list[SwapTask]:
    """A new swap per row (the user's UPN as planned; parked on its temporary UPN, core/tenant/parked.py)."""
    return [SwapTask(row, row.user_principal_name, temporary_upn(row.user_principal_name, initial_domain),
                     goal(row), expect(row)) for row in rows]


def parked_task(row: Any, temp: str, goal: str | None, expect: str | None = None) -> SwapTask:
    """Bring back a user found on its temporary UPN (no journal of ours needed: the tenant says so). With
    `goal` equal to what it holds, only its UPN goes back."""
    return SwapTask(row, row.user_principal_name, temp, goal, expect, sent=True)


def resumed_task(row: Any, record: dict[str, Any], expect: str | None = None) -> SwapTask:
    """A swap the interrupted run began (its journal's last swap line): finished from the live state."""
    task = SwapTask(row, str(record.get("upn") or ""), str(record.get("temp") or ""), record.get("value"),
                    expect, sent=True)
    task.trace.mail_before = str(record.get("mail") or "")
    return task


def swap_domain(graph: GraphClient, rows: Iterable[Any], cancel: threading.Event | None = None) -> str | None:
    """The tenant's initial .onmicrosoft.com domain, where the swap parks UPNs: from the domains when the
    app may read them, else from the users' UPNs (every tenant has accounts there, e.g. its first admin)."""
    try:
        found = initial_domain(list_domains(graph, cancel=cancel))
    except GraphError:
        found = None
    return found or initial_domain_from_upns(row.user_principal_name for row in rows)
