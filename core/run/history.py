"""The earlier apply runs of a tenant and app that can be undone (issue 10 §2), newest first, for a face to
offer ("Undo an earlier run…"). Read from the run folders' journals only; no Qt, no network.

Listed: apply runs (not dry runs, not undos) of this tenant and app that set at least one value, finished
or not (a cancelled run's values are as real as a finished one's). Each says whether it was already undone
(a finished, non-dry-run undo whose `undo_of` is that folder) or has an undo that did not finish.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from core import paths
from core.graph.connection import Connection
from core.run.journal import FILE_NAME as JOURNAL_FILE
from core.run.journal import Journal, JournalState
from core.run.lifecycle import _parse_time, _same_tenant

UNDO_KIND = "undo"  # the journal header `kind` of an undo (core/run/undo.py uses this one)

# undo states of a listed run
NOT_UNDONE = "not_undone"
UNDO_UNFINISHED = "undo_unfinished"
UNDONE = "undone"


@dataclass(frozen=True)
class PastRun:
    path: Path
    started: datetime | None
    set_count: int           # users the run set (what an undo would look at)
    face: str                # "cli" | "wizard" | "unattended" | "" (an older journal)
    ended: bool              # the journal has its end (it may still be cancelled or stopped)
    complete: bool           # ended with every planned user reached
    undo_state: str = NOT_UNDONE

    @property
    def undone(self) -> bool:
        return self.undo_state == UNDONE


def journals(base: Path | None = None) -> Iterator[tuple[Path, JournalState]]:
    """Every run folder with a journal, newest first, with what its journal says (read as it is reached,
    so a caller looking for the latest match reads no more than it needs)."""
    for run_dir in sorted((p for p in (base or paths.runs_dir()).iterdir() if p.is_dir()), reverse=True):
        journal = run_dir / JOURNAL_FILE
        if not journal.exists():
            continue
        try:
            state = Journal.replay(journal)
        except OSError:  # an unreadable folder must not hide the others
            continue
        yield run_dir, state


def is_apply_header(header: Mapping[str, Any]) -> bool:
    return header.get("kind", "apply") == "apply"


def _key(path: Path | str) -> str:
    return str(Path(str(path)).resolve())


def undo_states(journals: list[tuple[Path, JournalState]], conn: Connection,
                tenant_id: str | None) -> dict[str, str]:
    """Undone run folder (resolved) -> UNDONE or UNDO_UNFINISHED, from this tenant's real undos."""
    states: dict[str, str] = {}
    for _run_dir, state in journals:
        header = state.header
        if header.get("kind") != UNDO_KIND or header.get("dry_run") or not header.get("undo_of"):
            continue
        if not _same_tenant(header, conn, tenant_id):
            continue
        key = _key(header["undo_of"])
        if state.complete:
            states[key] = UNDONE
        else:
            states.setdefault(key, UNDO_UNFINISHED)
    return states


def is_undoable(header: Mapping[str, Any], state: JournalState) -> bool:
    return is_apply_header(header) and not header.get("dry_run") and bool(state.written())


def list_runs(conn: Connection, tenant_id: str | None = None, runs: Path | None = None) -> list[PastRun]:
    """This tenant and app's apply runs that set at least one value, newest first (module doc)."""
    found = list(journals(runs))  # read twice: the undos first, then the runs they undid
    undone = undo_states(found, conn, tenant_id)
    listed = []
    for run_dir, state in found:
        header = state.header
        if not is_undoable(header, state) or not _same_tenant(header, conn, tenant_id):
            continue
        listed.append(PastRun(run_dir, _parse_time(header.get("time")), len(state.written()),
                              str(header.get("face") or ""), state.ended, state.complete,
                              undone.get(_key(run_dir), NOT_UNDONE)))
    return listed


def find_run(conn: Connection, run_dir: Path, tenant_id: str | None = None,
             runs: Path | None = None) -> PastRun | None:
    """The listed entry of one run folder (None when it cannot be undone or is another tenant's)."""
    key = _key(run_dir)
    return next((r for r in list_runs(conn, tenant_id, runs) if _key(r.path) == key), None)
