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

from core.graph.client import GraphClient
from core.graph.connection import Connection
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
    prepared: Any  # core.run.prepare.Prepared
    counts: dict[str, int]
    search_texts: list[str]  # for the table's search, built here rather than on the GUI thread
    listed: list[Any] | None = None  # the users, when this job listed them afresh

    @property
    def plan(self) -> Any:
        return self.prepared.plan


@dataclass
class PreviewProgress:
    phase: str  # "listing" | "planning"
    done: int
    total: int | None = None


def make_graph(conn: Connection, secret: str | None, cancel: threading.Event | None = None,
               on_throttle: Callable[[float, str | None], None] | None = None) -> GraphClient:
    return GraphClient.open(conn, secret, cancel=cancel, on_throttle=on_throttle)


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
    """The source of the Source page's choice, from the export already read (no second read of the file)."""
    from core.source.sources import AttributeSource, CsvSource

    if choice.kind == "csv":
        return CsvSource(table, choice.match, choice.key_column, choice.value_column, path=choice.csv_path)
    return AttributeSource(choice.attribute)


def sample_values(users: list[Any], choice: SourceChoice, table: Any, facts: Any = None,
                  limit: int = 8) -> list[tuple]:
    """(UPN, source value, computed ImmutableId, status, the PlanRow (its reason code says why)) for the
    first users, classified as the preview will (core.run.prepare.sample: the check's tenant facts)."""
    from core.run.prepare import sample

    rows = sample(users, choice, make_source(choice, table), facts, limit)
    return [(r.user_principal_name, r.source_value, r.new_immutable_id, r.status.value, r) for r in rows]


def preview_job(conn: Connection, secret: str | None, choice: SourceChoice, table: Any,
                only_ids: frozenset[str] | None = None, users: list[Any] | None = None):
    """The prepare step (core.run.prepare, the command line's too) for the Preview page and a retry: from
    `users` when given (a recent listing), else from a fresh listing; `only_ids`: a retry of these users."""
    from core.run.prepare import prepare

    def job(progress: Progress, cancel: threading.Event) -> PreviewResult:
        with quiet_gc():
            graph = make_graph(conn, secret, cancel)
            prepared = prepare(conn, graph, choice, make_source(choice, table), users=users, only_ids=only_ids,
                               cancel=cancel, progress=lambda p: progress(PreviewProgress(p.phase, p.done, p.total)))
            from gui.models.filter_proxy import haystacks

            plan = prepared.plan
            listed = prepared.listed if users is None else None
            return PreviewResult(prepared, plan.counts(), haystacks(plan.rows), listed)
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
    seconds. Through the output guard (core.run.outputs: never over the source export or a run's own files,
    never a device); the file dialog has asked about replacing."""
    from core.run.lifecycle import unmatched_copy_path
    from core.run.outputs import check_output_path
    from core.run.report import write_report, write_unmatched

    def job(progress: Progress, cancel: threading.Event) -> Path:
        target = check_output_path(path, sources=(source,), replace=True)
        beside = check_output_path(unmatched_copy_path(target), sources=(source,), replace=True) if unmatched else None
        written = write_report(rows, target)
        if beside is not None:
            write_unmatched(unmatched, beside)
        return written
    return job


# Writing ---------------------------------------------------------------------------------------------
def apply_job(secret: str | None, prepared: Any, dry_run: bool, *, resume: bool = True,
              federated_upn_swap: bool = False):
    """The run, by core.run.lifecycle (the same lifecycle as the CLI's) from the preview's prepare step: run
    folder, journal header, resume, writes, report.csv + unmatched_rows.csv + summary.json whatever happens.
    Returns core.run.lifecycle.RunOutcome. Progress: core.run.apply.ApplyProgress as is (new failures and
    pauses included). `federated_upn_swap`: the Confirm page's opt-in (Plan.swappable(), parked users)."""
    from core.run.lifecycle import execute

    spec = prepared.run_spec(face="wizard", dry_run=dry_run, upn_swap=federated_upn_swap, resume=resume)

    def job(progress: Progress, cancel: threading.Event):
        graph = make_graph(spec.conn, secret, cancel)

        def report(p: Any) -> None:
            # failures and pauses must all reach the page; plain counts may be coalesced
            progress(p, bool(p.new_failures) or p.throttled_until is not None)

        return execute(spec, graph, progress=report, cancel=cancel)
    return job
