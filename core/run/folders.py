"""Run folders: what each holds, and finding the runs of a tenant and app in them. Read from the journals
only; no network.

One folder per run (`<time>-<kind>-<tenant>`), whatever its kind: `journal.jsonl` (its header says the
kind: "apply" — also an older journal without `kind` — "undo", "federate" or "federate-undo"), `report.csv`, `unmatched_rows.csv`,
`summary.json`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from core import paths
from core.graph.connection import Connection
from core.run.journal import FILE_NAME as JOURNAL_FILE
from core.run.journal import Journal, JournalState

REPORT_FILE = "report.csv"
PREVIEW_FILE = "preview.csv"
UNMATCHED_FILE = "unmatched_rows.csv"
SUMMARY_FILE = "summary.json"
# Every file a run folder holds: an output path never replaces one of these (core/planning/preflight.py).
RUN_FILES = (JOURNAL_FILE, REPORT_FILE, PREVIEW_FILE, UNMATCHED_FILE, SUMMARY_FILE)


class RunKind(StrEnum):
    APPLY = "apply"
    UNDO = "undo"
    FEDERATE = "federate"            # core/federation/run.py: one domain's federation, steps not users
    FEDERATE_UNDO = "federate-undo"  # the domain back to managed


def kind_of(header: Mapping[str, Any]) -> RunKind | None:
    """The kind a journal header says (an older apply journal has none); None: not a run we know."""
    try:
        return RunKind(header.get("kind", RunKind.APPLY.value))
    except ValueError:
        return None


def journals(base: Path | None = None) -> Iterator[tuple[Path, JournalState]]:
    """Every run folder with a journal, newest first, with what its journal says (read as it is reached,
    so a caller looking for the latest match reads no more than it needs)."""
    base = base or paths.runs_dir()
    if not base.is_dir():
        return
    for run_dir in sorted((p for p in base.iterdir() if p.is_dir()), reverse=True):
        journal = run_dir / JOURNAL_FILE
        if not journal.is_file():
            continue
        try:
            state = Journal.replay(journal)
        except (OSError, UnicodeError):  # an unreadable folder must not hide the others
            continue
        yield run_dir, state


def same_tenant(header: Mapping[str, Any], conn: Connection, tenant_id: str | None) -> bool:
    """The journal was written by this app in this tenant (by the tenant as entered, or its id)."""
    if header.get("client_id") != conn.client_id:
        return False
    theirs = {str(header.get(k) or "").casefold() for k in ("tenant", "tenant_id")} - {""}
    ours = {str(v).casefold() for v in (conn.tenant, tenant_id) if v}
    return bool(theirs & ours)


def parse_time(text: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def same_folder(a: Path | str, b: Path | str) -> bool:
    return Path(str(a)).resolve() == Path(str(b)).resolve()


@dataclass(frozen=True)
class UnfinishedRun:
    """A run that did not finish (killed, crashed, power cut, cancelled, stopped): the next run of the same
    kind continues it in its folder, so one report covers the whole run."""

    path: Path
    started: datetime | None
    done: int                 # users the run is finished with (JournalState.settled: not a swap half-way)
    total: int | None         # users it set out to write, UPN swaps included (None: an older journal)
    header: Mapping[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> RunKind:
        return kind_of(self.header) or RunKind.APPLY

    @property
    def source_spec(self) -> Mapping[str, Any]:
        """The source choice the run was started with (so a face can set it up again)."""
        return self.header.get("source_spec") or {}

    @property
    def undo_of(self) -> Path | None:
        value = self.header.get("undo_of")
        return Path(str(value)) if value else None


def find_unfinished(conn: Connection, tenant_id: str | None = None, kind: RunKind = RunKind.APPLY, *,
                    undo_of: Path | None = None, runs: Path | None = None) -> UnfinishedRun | None:
    """The latest run of this kind, tenant and app (for undo: of `undo_of`, when given), if it did not
    finish. A later run of the same kind that finished means the earlier one was left behind on purpose;
    dry runs never count."""
    for run_dir, state in journals(runs):
        header = state.header
        if kind_of(header) is not kind or header.get("dry_run") or not same_tenant(header, conn, tenant_id):
            continue
        if undo_of is not None and not same_folder(header.get("undo_of") or "", undo_of):
            continue
        if state.complete:
            return None
        return UnfinishedRun(run_dir, parse_time(header.get("time")), state.settled(), state.planned(),
                             dict(header))
    return None
