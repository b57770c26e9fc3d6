"""The core calls the wizard makes, as plain jobs for gui.worker (no Qt here, no rules either).

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

from core.auth import TokenProvider
from core.connection import Connection
from core.directory import upn_domain
from core.graph import GraphClient
from core.http import VerifyingSession
from gui.session import SourceChoice

Progress = Callable[..., None]


@dataclass
class Listing:
    """Users and what the Source page shows about them."""

    users: list[Any]
    domain_counts: dict[str, int]


@dataclass
class PreviewResult:
    plan: Any  # core.plan.Plan
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
    from core.checks import run_checks

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
    from core.directory import list_users

    def job(progress: Progress, cancel: threading.Event) -> Listing:
        graph = make_graph(conn, secret, cancel)
        with quiet_gc():
            users = list_users(graph, progress=lambda n: progress(PreviewProgress("listing", n)), cancel=cancel)
            return Listing(users, domain_counts(users))
    return job


def read_csv_job(path: str):
    from core.csvsource import read_table

    def job(progress: Progress, cancel: threading.Event):
        return read_table(Path(path))
    return job


def make_source(choice: SourceChoice, table: Any):
    from core.sources import AttributeSource, CsvSource

    if choice.kind == "csv":
        return CsvSource(table, choice.match, choice.key_column, choice.value_column, path=choice.csv_path)
    return AttributeSource(choice.attribute)


def make_scope(choice: SourceChoice):
    from core.plan import Scope

    return Scope(tuple(choice.domains), choice.include_guests, choice.include_disabled)


def sample_values(users: list[Any], choice: SourceChoice, table: Any, limit: int = 8) -> list[tuple]:
    """(UPN, source value, computed ImmutableId, status, the PlanRow (its reason code says why)) for the
    first users."""
    from core.plan import build_plan

    source = make_source(choice, table)
    plan = build_plan(users[: limit * 4], source, choice.transform, make_scope(choice))
    rows = [r for r in plan.rows if r.source_value][:limit] or plan.rows[:limit]
    return [(r.user_principal_name, r.source_value, r.new_immutable_id, r.status.value, r) for r in rows]


def preview_job(conn: Connection, secret: str | None, choice: SourceChoice, table: Any,
                federated: list[str] | None, only_ids: frozenset[str] | None = None,
                users: list[Any] | None = None):
    """Build the plan the Preview page (and a retry) shows: from `users` when given (a recent listing),
    else from a fresh listing."""
    from core.directory import list_users
    from core.plan import build_plan

    def job(progress: Progress, cancel: threading.Event):
        with quiet_gc():
            if users is not None and only_ids is None:
                return _plan(users, None, progress, cancel)
            graph = make_graph(conn, secret, cancel)
            listed = list_users(graph, progress=lambda n: progress(PreviewProgress("listing", n)), cancel=cancel)
            chosen = listed if only_ids is None else [u for u in listed if u.id in only_ids]
            return _plan(chosen, listed, progress, cancel)

    def _plan(chosen: list[Any], listed: list[Any] | None, progress: Progress,
              cancel: threading.Event) -> PreviewResult:
        plan = build_plan(chosen, make_source(choice, table), choice.transform, make_scope(choice),
                          federated_domains=federated,
                          progress=lambda d, t: progress(PreviewProgress("planning", d, t)), cancel=cancel)
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


def write_report(rows: list[Any], path: str | Path, delimiter: str = ",") -> Path:
    from core.report import write_report as core_write_report

    return core_write_report(rows, path, delimiter=delimiter)


# Writing ---------------------------------------------------------------------------------------------
@dataclass
class RunOutcome:
    result: Any  # core.apply.ApplyResult
    report_path: Path
    counts: dict[str, int]
    cancelled: bool


def status_of(row: Any) -> str:
    return getattr(row.status, "value", row.status)


def count_statuses(rows: list[Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        code = status_of(row)
        counts[code] = counts.get(code, 0) + 1
    return counts


def result_rows(result: Any) -> list[Any]:
    """The per-user rows of an apply result (report rows, same fields as PlanRow)."""
    if result is None:
        return []
    return list(getattr(result, "rows", None) or [])


def apply_job(conn: Connection, secret: str | None, plan: Any, dry_run: bool, run_dir: Path):
    """Write the plan; the report is written into the run folder whatever happens (cancel included).
    Progress: core.apply.ApplyProgress as is (new failures and pauses included)."""
    from core.apply import apply_plan
    from core.journal import Journal

    def job(progress: Progress, cancel: threading.Event) -> RunOutcome:
        graph = make_graph(conn, secret, cancel)

        def report(p: Any) -> None:
            # failures and pauses must all reach the page; plain counts may be coalesced
            progress(p, bool(p.new_failures) or p.throttled_until is not None)

        journal = Journal(run_dir)
        try:
            result = apply_plan(plan, graph, journal, dry_run=dry_run, progress=report, cancel=cancel)
        finally:
            journal.close()
        rows = result_rows(result)
        path = write_report(rows, run_dir / "report.csv")
        return RunOutcome(result, path, count_statuses(rows), bool(result.cancelled))
    return job
