"""The earlier apply runs of a tenant and app and how far each was undone (issue 10 §2), newest first, for a
face to offer ("Undo an earlier run…", `undo --last`). Read from the run folders' journals only; no Qt, no
network.

Listed: apply runs (not dry runs, not undos) of this tenant and app that set at least one value, finished
or not (a cancelled run's values are as real as a finished one's). For each, what its undos did: a user
counts as undone once an undo cleared it or found it changed since (left alone for good); a run is
`undone` when every user it set is, `partly_undone` when an undo ended with users left (they needed the
UPN swap, or failed), `undo_unfinished` when its latest undo did not end.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from core.graph.connection import Connection
from core.planning.statuses import Status
from core.run.folders import RunKind, journals, kind_of, parse_time, same_tenant
from core.run.journal import JournalState

# undo states of a listed run
NOT_UNDONE = "not_undone"
UNDO_UNFINISHED = "undo_unfinished"
PARTLY_UNDONE = "partly_undone"
UNDONE = "undone"
# an undo's outcome that settles a user for good
_SETTLED = {Status.CLEARED.value, Status.SKIPPED_CHANGED.value}


@dataclass(frozen=True)
class PastRun:
    path: Path
    started: datetime | None
    set_count: int           # users the run set (what an undo would look at)
    face: str                # "cli" | "wizard" | "unattended" | "batch" | "" (an older journal)
    ended: bool              # the journal has its end (it may still be cancelled or stopped)
    complete: bool           # ended with every planned user reached
    undo_state: str = NOT_UNDONE
    left: int = 0            # users an undo has not settled yet (all of them when not undone)

    @property
    def undone(self) -> bool:
        return self.undo_state == UNDONE


@dataclass
class UndoTrail:
    """What the undos of one run did: users settled for good (id -> the undo folder that did it), and
    whether the latest undo ended."""

    settled: dict[str, Path] = field(default_factory=dict)
    undos: int = 0
    latest_ended: bool = True


def is_apply_header(header: Mapping[str, Any]) -> bool:
    return kind_of(header) is RunKind.APPLY


def is_undoable(header: Mapping[str, Any], state: JournalState) -> bool:
    return is_apply_header(header) and not header.get("dry_run") and bool(state.written())


def _key(path: Path | str) -> str:
    return str(Path(str(path)).resolve())


def undo_trails(found: list[tuple[Path, JournalState]], conn: Connection,
                tenant_id: str | None) -> dict[str, UndoTrail]:
    """Undone run folder (resolved) -> its trail, from this tenant and app's real (not dry) undos."""
    trails: dict[str, UndoTrail] = {}
    for run_dir, state in reversed(found):  # oldest first: the latest undo's state is the one kept
        header = state.header
        if kind_of(header) is not RunKind.UNDO or header.get("dry_run") or not header.get("undo_of"):
            continue
        if not same_tenant(header, conn, tenant_id):
            continue
        trail = trails.setdefault(_key(header["undo_of"]), UndoTrail())
        trail.undos += 1
        trail.latest_ended = state.complete  # a cancelled or stopped undo is continued by the next one
        for oid, (status, _detail) in state.outcomes.items():
            if status in _SETTLED:
                trail.settled.setdefault(oid, run_dir)
    return trails


def _state(written: dict[str, Any], trail: UndoTrail | None) -> tuple[str, int]:
    if trail is None or not trail.undos:
        return NOT_UNDONE, len(written)
    left = sum(1 for oid in written if oid not in trail.settled)
    if not trail.latest_ended:
        return UNDO_UNFINISHED, left
    return (UNDONE, 0) if left == 0 else (PARTLY_UNDONE, left)


def list_runs(conn: Connection, tenant_id: str | None = None, runs: Path | None = None) -> list[PastRun]:
    """This tenant and app's apply runs that set at least one value, newest first (module doc)."""
    found = list(journals(runs))  # read twice: the undos first, then the runs they undid
    trails = undo_trails(found, conn, tenant_id)
    listed = []
    for run_dir, state in found:
        header = state.header
        if not is_undoable(header, state) or not same_tenant(header, conn, tenant_id):
            continue
        written = state.written()
        undo_state, left = _state(written, trails.get(_key(run_dir)))
        listed.append(PastRun(run_dir, parse_time(header.get("time")), len(written),
                              str(header.get("face") or ""), state.ended, state.complete, undo_state, left))
    return listed


def find_run(conn: Connection, run_dir: Path, tenant_id: str | None = None,
             runs: Path | None = None) -> PastRun | None:
    """The listed entry of one run folder (None when it cannot be undone or is another tenant's)."""
    key = _key(run_dir)
    return next((r for r in list_runs(conn, tenant_id, runs) if _key(r.path) == key), None)


def last_to_undo(conn: Connection, tenant_id: str | None = None, runs: Path | None = None) -> PastRun | None:
    """`undo --last`: the latest run of this tenant and app with something left to undo. Runs that set
    nothing are never listed (with nightly runs, last night's no-op is almost always the latest run), and
    runs already undone whole are passed over."""
    return next((r for r in list_runs(conn, tenant_id, runs) if r.undo_state != UNDONE), None)


def settled_by_undos(conn: Connection, run_dir: Path, tenant_id: str | None = None,
                     runs: Path | None = None) -> dict[str, Path]:
    """Users of `run_dir` that earlier undos cleared or found changed (id -> that undo's folder): a later
    undo of the same run leaves them be, and says so, instead of finding them "cleared by someone else"."""
    trail = undo_trails(list(journals(runs)), conn, tenant_id).get(_key(run_dir))
    return dict(trail.settled) if trail else {}
