"""The core calls the wizard makes, as plain jobs for gui.jobs.worker (no Qt here, no rules either).

Each function returns a `job(progress, cancel)` closure; the worker runs it on its own thread. This is
also the one place that adapts the GUI to the core's signatures.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.graph.auth import TokenProvider
from core.graph.client import GraphClient
from core.graph.connection import Connection
from core.graph.http import VerifyingSession
from core.tenant.directory import upn_domain
from gui.session import SourceChoice

Progress = Callable[..., None]


@dataclass
class Listing:
    """Users and what the Source page shows about them."""

    users: list[Any]
    domain_counts: dict[str, int]


@dataclass
class PreviewResult:
    plan: Any  # core.planning.plan.Plan
    counts: dict[str, int]
    search_texts: list[str]  # for the table's search, built here rather than on the GUI thread
    listed: list[Any] | None = None  # the users, when this job listed them afresh


@dataclass
class PreviewProgress:
    phase: str  # "listing" | "planning"
    done: int
    total: int | None = None


def make_graph(conn: Connection, secret: str | None, cancel: threading.Event | None = None,
               on_throttle: Callable[[float, str | None], None] | None = None) -> GraphClient:
    session = VerifyingSession(conn.verify)
    return GraphClient(conn, TokenProvider(conn, secret, session), session, cancel=cancel,
                       on_throttle=on_throttle)


def check_job(conn: Connection, secret: str | None):
    from core.tenant.checks import run_checks

    def job(progress: Progress, cancel: threading.Event):
        # Every step result must reach the checklist: never coalesced.
        return run_checks(conn, secret, on_result=lambda r: progress(r, True), cancel=cancel)
    return job


def domain_counts(users: list[Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for user in users:
        domain = upn_domain(user.upn)
        if domain:
            counts[domain] = counts.get(domain, 0) + 1
    return counts


def listing_job(conn: Connection, secret: str | None):
    from core.tenant.directory import list_users

    def job(progress: Progress, cancel: threading.Event) -> Listing:
        graph = make_graph(conn, secret, cancel)
        with quiet_gc():
            users = list_users(graph, progress=lambda n: progress(PreviewProgress("listing", n)), cancel=cancel)
            return Listing(users, domain_counts(users))
    return job


CSV_SAMPLE_ROWS = 20


def read_csv_job(path: str):
    from core.source.csvfile import read_table

    def job(progress: Progress, cancel: threading.Event):
        # every row is checked, only a sample is kept: the source reads its two columns once they are chosen
        return read_table(Path(path), max_rows=CSV_SAMPLE_ROWS)
    return job


def make_source(choice: SourceChoice, table: Any):
    from core.source.sources import AttributeSource, CsvSource

    if choice.kind == "csv":
        return CsvSource(table, choice.match, choice.key_column, choice.value_column, path=choice.csv_path)
    return AttributeSource(choice.attribute)


def make_scope(choice: SourceChoice):
    from core.planning.plan import Scope

    return Scope(tuple(choice.domains), choice.include_guests, choice.include_disabled)


def sample_values(users: list[Any], choice: SourceChoice, table: Any, limit: int = 8) -> list[tuple]:
    """(UPN, source value, computed ImmutableId, status, the PlanRow (its reason code says why)) for the
    first users."""
    from core.planning.plan import build_plan

    source = make_source(choice, table)
    plan = build_plan(users[: limit * 4], source, choice.transform, make_scope(choice))
    rows = [r for r in plan.rows if r.source_value][:limit] or plan.rows[:limit]
    return [(r.user_principal_name, r.source_value, r.new_immutable_id, r.status.value, r) for r in rows]


def preview_job(conn: Connection, secret: str | None, choice: SourceChoice, table: Any,
                federated: list[str] | None, only_ids: frozenset[str] | None = None,
                users: list[Any] | None = None, token_roles: list[str] | None = None,
                initial_domain: str | None = None):
    """Build the plan the Preview page (and a retry) shows: from `users` when given (a recent listing),
    else from a fresh listing. `token_roles` (the check's): admins are read only when they allow it;
    None = ask the token. `initial_domain` (the check's CheckReport.initial_domain): lets the plan mark
    federated users whose UPN swap alias is taken; None = not checked."""
    from core.planning.plan import build_plan
    from core.tenant.admins import read_admins_or_none
    from core.tenant.directory import list_users

    def job(progress: Progress, cancel: threading.Event):
        with quiet_gc():
            graph = make_graph(conn, secret, cancel)
            admins = read_admins_or_none(graph, token_roles, cancel)  # optional permission (graph-facts §12)
            if users is not None and only_ids is None:
                return _plan(users, None, progress, cancel, admins)
            listed = list_users(graph, progress=lambda n: progress(PreviewProgress("listing", n)), cancel=cancel)
            chosen = listed if only_ids is None else [u for u in listed if u.id in only_ids]
            return _plan(chosen, listed, progress, cancel, admins)

    def _plan(chosen: list[Any], listed: list[Any] | None, progress: Progress,
              cancel: threading.Event, admins: Any) -> PreviewResult:
        plan = build_plan(chosen, make_source(choice, table), choice.transform, make_scope(choice),
                          federated_domains=federated, admins=admins.roles_by_user if admins else None,
                          initial_domain=initial_domain,
                          progress=lambda d, t: progress(PreviewProgress("planning", d, t)), cancel=cancel)
        plan.admin_groups_unread = admins.unread_groups if admins else ()
        from gui.models.filter_proxy import haystacks

        return PreviewResult(plan, plan.counts(), haystacks(plan.rows), listed)
    return job


_gc_lock = threading.Lock()
_gc_quiet = 0


@contextmanager
def quiet_gc() -> Iterator[None]:
    """No cyclic garbage collection while a big listing is built, then what exists is frozen out of the
    collector's sight. A full collection walks every object holding the GIL: with 100,000 users in memory
    it stopped the GUI thread for 100-200 ms at a time. Reference counting frees things as usual, and
    cycles made meanwhile are collected once the last quiet job ends. Nests across worker threads."""
    global _gc_quiet
    with _gc_lock:
        _gc_quiet += 1
        gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_quiet -= 1
            if _gc_quiet == 0:
                gc.freeze()
                gc.enable()


# Files -----------------------------------------------------------------------------------------------
def export_job(rows: list[Any], path: str | Path, unmatched: list[Any] | None = None, source: str | None = None):
    """Write a report (and its unmatched export rows beside it) off the GUI thread: 100,000 rows take
    seconds. Never over the source export (core.planning.preflight); the file dialog has asked about replacing."""
    from core.planning.preflight import check_output_path
    from core.run.lifecycle import unmatched_copy_path
    from core.run.report import write_report, write_unmatched

    def job(progress: Progress, cancel: threading.Event) -> Path:
        target = check_output_path(path, sources=(source,), replace=True)
        written = write_report(rows, target)
        if unmatched:
            write_unmatched(unmatched, unmatched_copy_path(target))
        return written
    return job


# Writing ---------------------------------------------------------------------------------------------
def source_spec(choice: SourceChoice) -> dict[str, Any]:
    """The Source page's choice as the journal keeps it (the CLI writes the same keys), for resume."""
    spec: dict[str, Any] = {"kind": choice.kind, "transform": choice.transform, "domains": list(choice.domains),
                            "include_guests": choice.include_guests, "include_disabled": choice.include_disabled}
    if choice.kind == "csv":
        spec.update(csv_path=choice.csv_path, match=choice.match, key_column=choice.key_column,
                    value_column=choice.value_column)
    else:
        spec.update(attribute=choice.attribute)
    return spec


def choice_from_spec(spec: dict[str, Any]) -> SourceChoice:
    """The source choice an unfinished run was started with (what `source_spec` wrote)."""
    choice = SourceChoice()
    for name in ("kind", "csv_path", "match", "key_column", "value_column", "attribute", "transform",
                 "include_guests", "include_disabled"):
        if spec.get(name) is not None:
            setattr(choice, name, spec[name])
    choice.domains = tuple(spec.get("domains") or ())
    return choice


def apply_job(conn: Connection, secret: str | None, plan: Any, dry_run: bool, *, choice: SourceChoice,
              tenant_id: str | None = None, federation_known: bool = True, resume: Any = None,
              federated_upn_swap: bool = False):
    """The run, by core.run.lifecycle (the same lifecycle as the CLI's): run folder, journal header, resume, writes,
    report.csv + unmatched_rows.csv + summary.json whatever happens. Returns core.run.lifecycle.RunOutcome.
    Progress: core.run.apply.ApplyProgress as is (new failures and pauses included).
    `federated_upn_swap`: the Confirm page's opt-in; the users of Plan.swappable() are set with the UPN swap."""
    from core.run.lifecycle import RunSpec, execute

    spec = RunSpec(conn, plan, dry_run, resume=resume, tenant_id=tenant_id, source_spec=source_spec(choice),
                   federation_known=federation_known, face="wizard", federated_upn_swap=federated_upn_swap)

    def job(progress: Progress, cancel: threading.Event):
        graph = make_graph(conn, secret, cancel)

        def report(p: Any) -> None:
            # failures and pauses must all reach the page; plain counts may be coalesced
            progress(p, bool(p.new_failures) or p.throttled_until is not None)

        return execute(spec, graph, progress=report, cancel=cancel)
    return job
