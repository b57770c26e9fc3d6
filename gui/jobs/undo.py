"""Worker jobs for "Undo this run…" (issue 10 §2): core.run.history and core.run.undo on the worker thread, the
same calls and safety as `immutableid-sync undo` (core/commands/undo.py). No Qt here.

Progress goes out as (done, total). The undo's rows are loaded afresh for every job: core.run.undo settles the
rows it is given, so a dry run's rows are never reused for the real undo."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.graph.connection import Connection
from core.run.journal import FILE_NAME as JOURNAL_FILE
from core.run.journal import Journal
from gui.jobs.services import make_graph

Progress = Callable[..., None]

# Counts the dialog shows before the undo (keys of UndoPreparation.counts).
WILL_CLEAR = "will_clear"
CHANGED = "changed"
ALREADY_CLEARED = "already_cleared"   # by the unfinished undo that this one continues
GONE = "gone"


@dataclass
class UndoPreparation:
    """What an undo of the run would do, from a dry run (live reads, no writes)."""

    set_count: int                              # users the run set
    counts: dict[str, int]                      # WILL_CLEAR, CHANGED, ALREADY_CLEARED, GONE
    resume: Path | None                         # the unfinished undo this one continues
    upns: list[str] = field(default_factory=list)  # the users' UPNs (their domains confirm, as a fallback)
    dry_run_dir: Path | None = None
    cancelled: bool = False


def history_job(conn: Connection, tenant_id: str | None):
    """This tenant and app's earlier apply runs that can be undone, newest first (core.run.history)."""
    from core.run.history import list_runs

    def job(progress: Progress, cancel: threading.Event):
        return list_runs(conn, tenant_id)
    return job


def _cleared_by(resume: Path | None) -> set[str]:
    if resume is None:
        return set()
    outcomes = Journal.replay(resume / JOURNAL_FILE).outcomes
    return {oid for oid, (status, _detail) in outcomes.items() if status == "cleared"}


def sort_dry_run(rows: list[Any], cleared_before: set[str]) -> dict[str, int]:
    """A dry run's rows as the dialog counts them (users the unfinished undo cleared read as empty now)."""
    counts = dict.fromkeys((WILL_CLEAR, CHANGED, ALREADY_CLEARED, GONE), 0)
    for row in rows:
        if row.status == "dry_run":
            counts[WILL_CLEAR] += 1
        elif row.object_id in cleared_before:
            counts[ALREADY_CLEARED] += 1
        elif row.status == "skipped_changed":
            counts[CHANGED] += 1
        elif row.status == "failed":
            counts[GONE] += 1
    return counts


def prepare_job(conn: Connection, secret: str | None, run_dir: Path, tenant_id: str | None):
    """Load the run's targets, find an unfinished undo to continue, and go through the undo as a dry run
    (it reads every user live and writes nothing; it leaves an `undo-dry-run` run folder)."""
    from core.run.undo import UndoSpec, execute, find_unfinished_undo, load_targets

    def job(progress: Progress, cancel: threading.Event) -> UndoPreparation:
        _state, rows = load_targets(run_dir)
        resume = find_unfinished_undo(conn, run_dir, tenant_id)
        spec = UndoSpec(conn, run_dir, rows, dry_run=True, tenant_id=tenant_id, face="wizard")
        graph = make_graph(conn, secret, cancel)
        outcome = execute(spec, graph, cancel=cancel, progress=lambda done, total: progress((done, total)))
        counts = sort_dry_run(outcome.result.rows, _cleared_by(resume))
        upns = [r.user_principal_name for r in rows if r.user_principal_name]
        return UndoPreparation(len(rows), counts, resume, upns, outcome.run_dir, outcome.cancelled)
    return job


def undo_job(conn: Connection, secret: str | None, run_dir: Path, tenant_id: str | None, *,
             upn_swap: bool = False):
    """The undo, by core.run.undo (as the command line's): its own run folder and journal (or the unfinished
    undo of the same run, continued), reads before every chunk, report.csv and summary.json whatever
    happens. Returns core.run.lifecycle.RunOutcome."""
    from core.run.undo import UndoSpec, execute, find_unfinished_undo, load_targets, open_journal

    def job(progress: Progress, cancel: threading.Event):
        _state, rows = load_targets(run_dir)
        spec = UndoSpec(conn, run_dir, rows, tenant_id=tenant_id, face="wizard", upn_swap=upn_swap)
        spec.resume = find_unfinished_undo(conn, run_dir, tenant_id)
        graph = make_graph(conn, secret, cancel)
        journal = open_journal(spec)  # RunBusy: another window or process is undoing this run
        return execute(spec, graph, cancel=cancel, journal=journal,
                       progress=lambda done, total: progress((done, total)))
    return job
