"""Worker jobs for "Undo this run…" (issue 10 §2): core.run.prepare.prepare_undo and core.run.lifecycle on the
worker thread — the same first half, run, journal and safety as `immutableid-sync undo`. No Qt here.

A look before the undo reads every user of the run and writes nothing, not even a run folder. The undo
itself plans again from live reads (with the UPN swap as chosen), then runs."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.graph.connection import Connection
from core.planning.statuses import NEEDS_SWAP, Status
from gui.jobs.services import make_graph

Progress = Callable[..., None]

# Counts the dialog shows before the undo (keys of UndoPreparation.counts).
WILL_CLEAR = "will_clear"
NEEDS_UPN_SWAP = "needs_swap"         # federated users: cleared only with the UPN swap ticked
CHANGED = "changed"
ALREADY_CLEARED = "already_cleared"   # by an earlier (or the unfinished) undo of this run
GONE = "gone"


@dataclass
class UndoPreparation:
    """What an undo of the run would do, from live reads (no writes, no run folder)."""

    set_count: int                              # users the run set
    counts: dict[str, int]                      # WILL_CLEAR, NEEDS_UPN_SWAP, CHANGED, ALREADY_CLEARED, GONE
    resume: Path | None                         # the unfinished undo this one continues
    upns: list[str] = field(default_factory=list)  # the users' UPNs (their domains confirm, as a fallback)
    domains: list[str] = field(default_factory=list)  # the tenant's domains, when the app may read them
    cancelled: bool = False

    def will_clear(self, upn_swap: bool) -> int:
        """Users the undo clears: those in federated domains only with the UPN swap."""
        return self.counts.get(WILL_CLEAR, 0) + (self.counts.get(NEEDS_UPN_SWAP, 0) if upn_swap else 0)


def history_job(conn: Connection, tenant_id: str | None):
    """This tenant and app's earlier apply runs that can be undone, newest first (core.run.history)."""
    from core.run.history import list_runs

    def job(progress: Progress, cancel: threading.Event):
        return list_runs(conn, tenant_id)
    return job


def sort_plan(rows: list[Any]) -> dict[str, int]:
    """An undo plan's rows as the dialog counts them."""
    counts = dict.fromkeys((WILL_CLEAR, NEEDS_UPN_SWAP, CHANGED, ALREADY_CLEARED, GONE), 0)
    for row in rows:
        if row.status is Status.WILL_CLEAR:
            counts[WILL_CLEAR] += 1
        elif row.reason == NEEDS_SWAP:
            counts[NEEDS_UPN_SWAP] += 1
        elif row.status is Status.CLEARED:
            counts[ALREADY_CLEARED] += 1
        elif row.status is Status.SKIPPED_CHANGED:
            counts[CHANGED] += 1
        elif row.status is Status.FAILED:
            counts[GONE] += 1
    return counts


def prepare_job(conn: Connection, secret: str | None, run_dir: Path, tenant_id: str | None = None):
    """The undo's first half as a look (core.run.prepare.prepare_undo, without the swap): every user read
    live, nothing written and no run folder made."""
    from core.run.prepare import prepare_undo

    def job(progress: Progress, cancel: threading.Event) -> UndoPreparation:
        graph = make_graph(conn, secret, cancel)
        prepared = prepare_undo(conn, graph, run_dir, upn_swap=False, cancel=cancel)
        rows = prepared.plan.rows
        resume = prepared.unfinished_undo.path if prepared.unfinished_undo else None
        upns = [r.user_principal_name for r in rows if r.user_principal_name]
        return UndoPreparation(len(rows), sort_plan(rows), resume, upns, prepared.facts.domain_names,
                               cancel.is_set())
    return job


def undo_job(conn: Connection, secret: str | None, run_dir: Path, tenant_id: str | None = None, *,
             upn_swap: bool = False):
    """The undo, by core.run.lifecycle (as the command line's): planned again from live reads, its own run
    folder and journal (or the unfinished undo of the same run, continued), reads before every chunk,
    report.csv and summary.json whatever happens. Returns core.run.lifecycle.RunOutcome; progress is
    core.run.apply.ApplyProgress, as for every run."""
    from core.run.lifecycle import execute, open_journal
    from core.run.prepare import prepare_undo

    def job(progress: Progress, cancel: threading.Event):
        graph = make_graph(conn, secret, cancel)
        prepared = prepare_undo(conn, graph, run_dir, upn_swap=upn_swap, cancel=cancel)
        spec = prepared.run_spec(face="wizard", upn_swap=upn_swap)
        journal = open_journal(spec)  # RunBusy: another window or process is undoing this run
        return execute(spec, graph, cancel=cancel, journal=journal, progress=progress)
    return job
