"""Unattended runs (issue 11 §1): what makes a run without a person watching safe and visible.

- The guard rail: like Entra Connect's export-deletion threshold, a scheduled run that would write more
  than `max_writes` users (or more than `max_percent` % of the users listed) writes nothing. A nightly
  run should only catch a few new pupils; a surprising mass change needs a person (architecture.md).
- The refused run still leaves a run folder (the plan as `report.csv`, `summary.json` saying why).
- Pruning: only unattended run folders of this tenant and app, only finished ones, the newest N kept.
- The status of the last unattended run per saved connection, for the wizard's Welcome page.

The run itself goes through core/run/lifecycle.py like every other run. No Qt, no printing.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core import paths
from core.exits import EXIT_GUARD_REFUSED, EXIT_OK
from core.graph.connection import Connection
from core.planning.plan import Plan
from core.run.history import list_runs
from core.run.journal import FILE_NAME as JOURNAL_FILE
from core.run.journal import Journal
from core.run.lifecycle import REPORT_FILE, SUMMARY_FILE, write_outputs
from core.run.report import write_summary
from core.setup.profiles import SCHEDULE_KEY, ProfileStore
from core.setup.schedule import Schedule, ScheduleError, next_run

log = logging.getLogger(__name__)

FACE = "unattended"
DEFAULT_MAX_WRITES = 500      # Entra Connect's export-deletion threshold
DEFAULT_KEEP_RUNS = 30        # about a month of nightly runs
STATUS_FILE = "unattended-status.json"
REFUSED_KIND = "refused"


# --- the guard rail ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Guard:
    max_writes: int | None = DEFAULT_MAX_WRITES
    max_percent: float | None = None


@dataclass(frozen=True)
class Refusal:
    """Why an unattended run wrote nothing: `code` is `too_many_writes` or `too_large_share`."""

    code: str
    to_write: int
    users: int
    limit: float

    @property
    def percent(self) -> float:
        return round(100 * self.to_write / self.users, 1) if self.users else 100.0


def check_guard(plan: Plan, guard: Guard, upn_swap: bool = False) -> Refusal | None:
    """None when the plan is within the guard; the share is of all users listed in the tenant. With
    `upn_swap`, the users the swap would set count too (as users: the guard is about how many change)."""
    to_write, users = len(plan.to_write()) + (len(plan.swappable()) if upn_swap else 0), len(plan.rows)
    if guard.max_writes is not None and to_write > guard.max_writes:
        return Refusal("too_many_writes", to_write, users, guard.max_writes)
    if guard.max_percent is not None and to_write and 100 * to_write > guard.max_percent * max(users, 1):
        return Refusal("too_large_share", to_write, users, guard.max_percent)
    return None


def write_refused_run(conn: Connection, plan: Plan, refusal: Refusal, *, source_spec: dict[str, Any],
                      connection_name: str, delimiter: str = ",", dry_run: bool = False) -> Path:
    """A run folder for a refused run: the plan (what *would* have been written) and the summary saying
    why. No journal: there is nothing to continue."""
    run_dir = paths.new_run_dir(conn.tenant, REFUSED_KIND)
    write_outputs(plan.rows, run_dir, REPORT_FILE, plan.unmatched_rows, delimiter)
    extra = {"face": FACE, "connection": connection_name, "source": plan.source, "transform": plan.transform,
             "source_spec": source_spec, "written": 0, "run_folder": str(run_dir),
             "refused": {**asdict(refusal), "percent": refusal.percent}}
    write_summary(plan, run_dir / SUMMARY_FILE, tenant=conn.tenant, client_id=conn.client_id,
                  command="apply", dry_run=dry_run, extra=extra)
    log.warning("Unattended run for %s refused (%s): %d users to write of %d, limit %s; nothing written",
                connection_name, refusal.code, refusal.to_write, refusal.users, refusal.limit)
    return run_dir


# --- pruning -------------------------------------------------------------------------------------------
def _summary(run_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((run_dir / SUMMARY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _finished(run_dir: Path) -> bool:
    """An unfinished apply (no end in its journal) is never pruned: the next run continues it."""
    journal = run_dir / JOURNAL_FILE
    return not journal.exists() or Journal.replay(journal).ended


@dataclass(frozen=True)
class Pruned:
    """What prune_runs deleted, and the older folders it kept because an undo could still want them."""

    pruned: list[Path]
    kept_for_undo: list[Path]


def prune_runs(conn: Connection, keep: int, runs: Path | None = None) -> Pruned:
    """Bring this tenant and app's finished unattended run folders down to `keep` (issue 15 §3.4).

    Runs that wrote nothing go first (oldest first; a nightly no-op is most of them), then runs whose
    every change has been undone. A run that set values not yet undone is never deleted: its journal is
    what `undo` needs, so it is kept (and listed in `kept_for_undo`) even beyond `keep`. Runs started by a
    person (wizard, command line) are the admin's own and never touched; unfinished ones are continued."""
    base = runs or paths.runs_dir()
    mine = [run_dir for run_dir in sorted((p for p in base.iterdir() if p.is_dir()), reverse=True)
            if _ours(run_dir, conn) and _finished(run_dir)]
    past = list_runs(conn, runs=base)
    wanted = {p.path.resolve() for p in past if p.set_count and not p.undone}
    undone = {p.path.resolve() for p in past if p.set_count and p.undone}
    keep = max(keep, 1)
    oldest_first = list(reversed(mine[1:]))  # the newest is tonight's: its status points at it
    order = ([p for p in oldest_first if p.resolve() not in wanted | undone]
             + [p for p in oldest_first if p.resolve() in undone])
    pruned = order[:max(len(mine) - keep, 0)]
    for run_dir in pruned:
        shutil.rmtree(run_dir, ignore_errors=True)
    kept = [p for p in mine if p not in pruned][keep:]  # beyond `keep`: only runs undo may still want
    if pruned or kept:
        log.info("Pruned %d old unattended run folders of %s; kept %d that undo may still need",
                 len(pruned), conn.tenant, len(kept))
    return Pruned(pruned, kept)


def _ours(run_dir: Path, conn: Connection) -> bool:
    summary = _summary(run_dir)
    return (summary.get("face") == FACE and summary.get("client_id") == conn.client_id
            and summary.get("tenant") == conn.tenant)


# --- the last unattended run's status, per saved connection -------------------------------------------
@dataclass
class RunStatus:
    """`problem`: a code the faces have texts for (sign-in codes such as `secret_expired`, `no_secret`,
    `too_many_writes`, `too_large_share`, `some_failed`, `cancelled`, `source_unreadable`, ...), or None."""

    time: str
    exit_code: int
    problem: str | None = None
    run_folder: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    last_success: str | None = None

    @property
    def failed(self) -> bool:
        return self.exit_code != EXIT_OK

    @property
    def when(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.time)
        except ValueError:
            return None


def status_path() -> Path:
    return paths.data_dir() / STATUS_FILE


def read_statuses() -> dict[str, RunStatus]:
    try:
        data = json.loads(status_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    result = {}
    for name, item in (data.items() if isinstance(data, dict) else ()):
        try:
            result[name] = RunStatus(**item)
        except TypeError:
            continue  # an entry written by another version: not worth failing the Welcome page for
    return result


def record_status(name: str, exit_code: int, problem: str | None = None, *, run_folder: Path | None = None,
                  counts: dict[str, int] | None = None, now: datetime | None = None) -> RunStatus:
    statuses = read_statuses()
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    previous = statuses.get(name)
    last_success = stamp if exit_code == EXIT_OK else (previous.last_success if previous else None)
    status = RunStatus(stamp, exit_code, problem, str(run_folder) if run_folder else None,
                       dict(counts or {}), last_success)
    statuses[name] = status
    _write_json(status_path(), {k: asdict(v) for k, v in statuses.items()})
    return status


def forget_status(name: str) -> None:
    statuses = read_statuses()
    if statuses.pop(name, None) is not None:
        _write_json(status_path(), {k: asdict(v) for k, v in statuses.items()})


@dataclass(frozen=True)
class SavedOverview:
    """One saved connection as the wizard's Welcome page lists it. Times are local (naive)."""

    name: str
    status: RunStatus | None
    every: str | None          # the schedule's, when one was installed from this program
    next_run: datetime | None

    @property
    def last_run(self) -> datetime | None:
        when = self.status.when if self.status else None
        return when.astimezone().replace(tzinfo=None) if when and when.tzinfo else when


def overview(store: ProfileStore | None = None, now: datetime | None = None) -> list[SavedOverview]:
    store = store or ProfileStore()
    statuses, now = read_statuses(), now or datetime.now()
    result = []
    for name in store.names():
        saved = store.attached(name, SCHEDULE_KEY)
        every, following = None, None
        if isinstance(saved, dict):
            try:
                schedule = Schedule(name, str(saved.get("at")), str(saved.get("every")))
            except ScheduleError:
                schedule = None  # hand-edited: shown as not scheduled rather than failing the page
            if schedule is not None:
                every, following = schedule.every, next_run(schedule, now)
        result.append(SavedOverview(name, statuses.get(name), every, following))
    return result


def _write_json(path: Path, data: Any) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".status-", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, ensure_ascii=False)
    os.replace(tmp, path)


__all__ = ["EXIT_GUARD_REFUSED", "Guard", "Refusal", "RunStatus", "SavedOverview", "check_guard", "overview",
           "Pruned", "prune_runs", "read_statuses", "record_status", "write_refused_run"]
