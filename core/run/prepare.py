"""The first half of every run, written once (architecture.md, "prepare"): sign in; read the domains, the
admins and the users (side by side, core/tenant/facts.py); plan; find the unfinished run of this tenant and
app (and an unfinished undo); compute the warnings. The command line's preview and apply, the wizard,
unattended runs and batches of schools all call `prepare`, so every face shows the same plan and the same
warnings, and hands the same RunSpec to core/run/lifecycle.py.

Undo has its own first half (`prepare_undo`), with the same shape: the tenant's facts, then the plan.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from core.graph.client import Cancelled, GraphClient
from core.graph.connection import Connection
from core.planning.plan import Plan, PlanBuilder, PlanRow, build_plan
from core.planning.preflight import PlanWarning, plan_warnings
from core.run.folders import RunKind, UnfinishedRun, find_unfinished
from core.run.lifecycle import RunSpec
from core.run.tenant_match import find_resumable
from core.source.sources import Source
from core.source.spec import SourceSpec
from core.tenant.directory import PAGE_SIZE, USER_SELECT, DirectoryUser, users_from_page
from core.tenant.facts import TenantFacts, read_tenant


@dataclass
class PrepareProgress:
    phase: str  # "listing" | "planning"
    done: int
    total: int | None = None


Progress = Callable[[PrepareProgress], None]


@dataclass
class Prepared:
    """Everything a face shows before it asks, and everything the run needs after."""

    conn: Connection
    graph: GraphClient
    facts: TenantFacts
    plan: Plan
    spec: SourceSpec
    listed: list[DirectoryUser] = field(default_factory=list)
    unfinished: UnfinishedRun | None = None        # this tenant and app's apply that did not finish
    unfinished_undo: UnfinishedRun | None = None   # ... and undo
    timings: dict[str, float] = field(default_factory=dict)
    kind: RunKind = RunKind.APPLY
    undo_of: Path | None = None
    not_resumed: UnfinishedRun | None = None       # an unfinished run this tenant does not bear out

    @property
    def tenant_id(self) -> str | None:
        return self.facts.tenant_id

    @property
    def federation_known(self) -> bool:
        return self.facts.federation_known

    def warnings(self, upn_swap: bool = False) -> list[PlanWarning]:
        """The warnings every face shows before it asks (most consequential first)."""
        return (run_state_warnings(self.unfinished, self.unfinished_undo, self.kind, self.not_resumed)
                + plan_warnings(self.plan, self.facts, upn_swap=upn_swap, undo=self.kind is RunKind.UNDO))

    def run_spec(self, *, face: str, dry_run: bool = False, upn_swap: bool = False, resume: bool = True,
                 report_copy: Path | None = None, delimiter: str = ",") -> RunSpec:
        """The run this preparation leads to; `resume`: continue the unfinished run of the same kind (a
        face that asked the admin may say no)."""
        unfinished = self.unfinished_undo if self.kind is RunKind.UNDO else self.unfinished
        warnings = [{"code": w.code, "args": dict(w.args)} for w in self.warnings(upn_swap)]
        return RunSpec(self.conn, self.plan, self.kind, dry_run, unfinished if resume and not dry_run else None,
                       self.tenant_id, self.spec.to_dict() if self.kind is RunKind.APPLY else {},
                       self.federation_known, face, report_copy, delimiter, dict(self.timings), upn_swap,
                       self.undo_of, self.facts.initial_domain, warnings)


def prepare(conn: Connection, graph: GraphClient, spec: SourceSpec, source: Source | None = None, *,
            users: list[DirectoryUser] | None = None, only_ids: Iterable[str] | None = None,
            facts: TenantFacts | None = None, progress: Progress | None = None,
            cancel: threading.Event | None = None, runs: Path | None = None) -> Prepared:
    """Sign in, read, plan (module doc). `source`: already loaded (else `spec.load()`); `users`: a recent
    listing to plan from; `only_ids`: a retry — only these users are kept in the plan, but every user is
    classified so that the export's unmatched rows and the value checks stay true for the whole tenant.
    Raises AuthError, GraphError, Cancelled, and the source's own errors."""
    t0 = time.monotonic()
    source = source if source is not None else spec.load()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="prepare") as pool:
        pending: Future[TenantFacts] | None = pool.submit(read_tenant, graph, cancel) if facts is None else None
        plan, listed = _list_and_plan(graph, source, spec, users, facts, pending, progress, cancel)
        facts = facts or pending.result()  # type: ignore[union-attr]
    if only_ids is not None:
        keep = frozenset(only_ids)
        plan.rows = [row for row in plan.rows if row.object_id in keep]
    found = find_resumable(conn, graph, facts.tenant_id, cancel, runs)
    unfinished_undo = find_unfinished(conn, facts.tenant_id, RunKind.UNDO, runs=runs)
    timings = {"prepare_s": round(time.monotonic() - t0, 3)}
    return Prepared(conn, graph, facts, plan, spec, listed, found.run, unfinished_undo, timings,
                    not_resumed=found.foreign or found.unchecked)


def _list_and_plan(graph: GraphClient, source: Source, spec: SourceSpec, users: list[DirectoryUser] | None,
                   facts: TenantFacts | None, pending: Future[TenantFacts] | None, progress: Progress | None,
                   cancel: threading.Event | None) -> tuple[Plan, list[DirectoryUser]]:
    """The users planned page by page as they arrive, once the tenant's facts are in (until then the
    pages wait): the listing and the facts' reads overlap, and the users never sit in a second list."""
    if users is not None:
        known = facts or pending.result()  # type: ignore[union-attr]
        known.learn_upns(u.upn for u in users)
        plan = build_plan(users, source, spec.transform, spec.scope, known.federated,
                          admins=known.admin_roles, initial_domain=known.initial_domain, cancel=cancel,
                          progress=lambda d, t: progress and progress(PrepareProgress("planning", d, t)))
        plan.admin_groups_unread = known.admins.unread_groups if known.admins else ()
        return plan, users
    listed: list[DirectoryUser] = []
    builder: PlanBuilder | None = None
    planned = 0
    params = {"$select": USER_SELECT, "$top": str(PAGE_SIZE)}
    listed_at = time.monotonic()
    for page in graph.iter_pages("/users", params, cancel=cancel):
        listed.extend(users_from_page(page))
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if builder is None and (facts is not None or pending.done()):  # type: ignore[union-attr]
            builder = _builder(source, spec, facts or pending.result(), listed)  # type: ignore[union-attr]
        if builder is not None:
            builder.add(listed[planned:])
            planned = len(listed)
        if progress is not None:
            progress(PrepareProgress("listing", len(listed)))
    if builder is None:
        builder = _builder(source, spec, facts or pending.result(), listed)  # type: ignore[union-attr]
    builder.add(listed[planned:])
    plan = builder.finish()
    plan.listed_at = listed_at
    known = facts or pending.result()  # type: ignore[union-attr]
    plan.admin_groups_unread = known.admins.unread_groups if known.admins else ()
    return plan, listed


def _builder(source: Source, spec: SourceSpec, facts: TenantFacts, listed: list[DirectoryUser]) -> PlanBuilder:
    facts.learn_upns(u.upn for u in listed)
    return PlanBuilder(source, spec.transform, spec.scope, facts.federated, facts.admin_roles,
                       facts.initial_domain)


def sample(users: list[DirectoryUser], spec: SourceSpec, source: Source, facts: TenantFacts | None,
           limit: int = 8) -> list[PlanRow]:
    """The Source page's sample: the first users with a source value, classified exactly as the preview
    will classify them (the same facts: admins, federated domains, parked users)."""
    facts = facts or TenantFacts()
    plan = build_plan(users[: limit * 4], source, spec.transform, spec.scope, facts.federated,
                      admins=facts.admin_roles, initial_domain=facts.initial_domain)
    return [r for r in plan.rows if r.source_value][:limit] or plan.rows[:limit]


# --- undo --------------------------------------------------------------------------------------------
def prepare_undo(conn: Connection, graph: GraphClient, run_dir: Path, *, upn_swap: bool = False,
                 facts: TenantFacts | None = None, cancel: threading.Event | None = None,
                 runs: Path | None = None) -> Prepared:
    """The first half of an undo of `run_dir` (core/run/undo.plan_undo): refused up front (UndoError) when
    it is not this tenant's apply run; continues the unfinished undo of that run when there is one."""
    from core.run.undo import plan_undo, read_run

    t0 = time.monotonic()
    read_run(run_dir)  # a dry run, no journal, not an apply...: refused before any network call
    facts = facts or read_tenant(graph, cancel)
    read_run(run_dir, conn, facts.tenant_id)  # another tenant's or app's: refused before any user is read
    plan = plan_undo(conn, graph, run_dir, facts, upn_swap=upn_swap, cancel=cancel, runs=runs)
    unfinished_undo = find_unfinished(conn, facts.tenant_id, RunKind.UNDO, undo_of=run_dir, runs=runs)
    timings = {"prepare_s": round(time.monotonic() - t0, 3)}
    return Prepared(conn, graph, facts, plan, SourceSpec(), [], None, unfinished_undo, timings,
                    RunKind.UNDO, Path(run_dir))


def run_state_warnings(unfinished: UnfinishedRun | None, unfinished_undo: UnfinishedRun | None,
                       kind: RunKind, not_resumed: UnfinishedRun | None = None) -> list[PlanWarning]:
    """What the run folders say about this tenant and app: an apply that did not finish is continued; an
    undo that did not finish is named (an apply does not finish someone's undo for them)."""
    out = []
    if kind is RunKind.APPLY and unfinished is not None:
        out.append(PlanWarning("unfinished_run", {"path": str(unfinished.path), "done": unfinished.done,
                                                  "total": unfinished.total if unfinished.total is not None
                                                  else "?", "when": _when(unfinished)}))
    if kind is RunKind.APPLY and not_resumed is not None:
        out.append(PlanWarning("unfinished_run_not_this_tenant", {"path": str(not_resumed.path),
                                                                  "when": _when(not_resumed)}))
    if unfinished_undo is not None:
        code = "unfinished_undo_continued" if kind is RunKind.UNDO else "unfinished_undo"
        out.append(PlanWarning(code, {"path": str(unfinished_undo.path), "when": _when(unfinished_undo),
                                      "done": unfinished_undo.done, "undo_of": str(unfinished_undo.undo_of or "")}))
    return out


def _when(run: UnfinishedRun) -> str:
    return run.started.astimezone().strftime("%Y-%m-%d %H:%M") if run.started else "?"
