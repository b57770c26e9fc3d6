"""Whether an unfinished run's journal belongs to the tenant in front of us: its marks are in the tenant.

A journal names its tenant by id, and an id string proves little: a tenant rebuilt under the same id — the
demo reset, a test tenant made again from its seed, a directory restored from elsewhere — matches journals
it never saw, and continuing such a run reports every user as "changed by someone else" (or, worse,
finishes UPN swaps that never began there). What proves that this is the tenant the run wrote to is what
the run left in it: users holding the value the journal wrote (or was about to write), or a UPN swap's
temporary UPN. A few users are read (one `$batch` or two); no mark at all means another tenant — or a run
whose every write has since been undone, which leaves nothing to continue either.

No Qt; the faces decide what to say (the wizard offers the run only when it matches).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from core.graph.batching import read_current
from core.run.folders import find_unfinished
from core.run.journal import FILE_NAME, Journal, JournalState

log = logging.getLogger(__name__)

SAMPLE = 20  # users of each kind read: enough to survive a few users changed since, cheap to read
SELECT = "id,userPrincipalName,onPremisesImmutableId"


@dataclass(frozen=True)
class Mark:
    """What the run would have left on one user: its value, or (a UPN swap) its temporary UPN."""

    value: str | None
    temp_upn: str | None = None

    def found_on(self, user: Any) -> bool:
        if not isinstance(user, dict):  # MISSING: no such user in this tenant
            return False
        if self.value is not None and user.get("onPremisesImmutableId") == self.value:
            return True
        upn = str(user.get("userPrincipalName") or "").casefold()
        return bool(self.temp_upn) and upn == str(self.temp_upn).casefold()


@dataclass(frozen=True)
class TenantMatch:
    matches: bool
    checked: int  # users read
    marked: int   # of them, holding the run's mark


def marks(state: JournalState, sample: int = SAMPLE) -> dict[str, Mark]:
    """The users to read, with their marks: swaps begun, values written (spread over the run), and writes
    sent whose answer the journal never got."""
    out: dict[str, Mark] = {}
    for oid, rec in list(state.swaps.items())[:sample]:
        out[oid] = Mark(rec.get("value"), rec.get("temp"))
    written = [(oid, value) for oid, value in state.written().items() if value is not None]
    step = max(1, len(written) // sample)
    for oid, value in written[::step][:sample]:
        out.setdefault(oid, Mark(value))
    pending = [(oid, value) for oid, value in state.pending().items() if value is not None]
    for oid, value in pending[:sample]:
        out.setdefault(oid, Mark(value))
    return out


def check(graph: Any, state: JournalState, cancel: threading.Event | None = None) -> TenantMatch:
    """Read the marked users (core.graph.batching.read_current; raises its ReadFailed, GraphError …)."""
    wanted = marks(state)
    if not wanted:
        return TenantMatch(False, 0, 0)
    found = read_current(graph, list(wanted), cancel, select=SELECT)
    marked = sum(1 for oid, mark in wanted.items() if mark.found_on(found.get(oid)))
    return TenantMatch(marked > 0, len(wanted), marked)


@dataclass(frozen=True)
class Resumable:
    """The unfinished apply of this tenant and app, sorted by what the tenant says of it."""

    run: Any = None        # core.run.folders.UnfinishedRun to continue (its marks are in the tenant)
    foreign: Any = None    # one of this tenant id and app that this tenant does not bear out: never continued
    unchecked: Any = None  # one that could not be compared with the tenant (`error` says why): not continued
    error: BaseException | None = None


def find_resumable(conn: Any, graph: Any, tenant_id: str | None, cancel: threading.Event | None = None,
                   runs: Any = None) -> Resumable:
    """core.run.folders.find_unfinished, then `check`: the one rule both faces use before continuing a run."""

    run = find_unfinished(conn, tenant_id, runs=runs)
    if run is None:
        return Resumable()
    try:
        match = check(graph, Journal.replay(run.path / FILE_NAME), cancel)
    except Exception as exc:  # noqa: BLE001 - any failure to read means "cannot tell": never continued
        log.warning("The unfinished run %s could not be compared with the tenant",
                    run.path, exc_info=True)
        return Resumable(unchecked=run, error=exc)
    return Resumable(run=run) if match.matches else Resumable(foreign=run)
