"""Finding the unfinished run to offer on the Check page, as a job (no Qt): the latest unfinished run of
this tenant and app (core.run.lifecycle), offered only when the tenant holds its marks
(core.run.tenant_match) — a tenant rebuilt under the same id, or the demo after a reset, never is."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from core.graph.connection import Connection

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResumeFinding:
    run: Any = None        # core.run.lifecycle.UnfinishedRun to offer (its marks are in the tenant)
    foreign: Any = None    # an unfinished run of this tenant id and app that this tenant does not bear out
    unchecked: Any = None  # one that could not be compared with the tenant (`error` says why)
    error: BaseException | None = None


def unfinished_run_job(conn: Connection, secret: str | None, tenant_id: str | None):
    from core.run.journal import FILE_NAME, Journal
    from core.run.lifecycle import find_unfinished_run
    from core.run.tenant_match import check
    from gui.jobs.services import make_graph

    def job(progress: Any, cancel: threading.Event) -> ResumeFinding:
        run = find_unfinished_run(conn, tenant_id)
        if run is None:
            return ResumeFinding()
        try:
            match = check(make_graph(conn, secret, cancel), Journal.replay(run.path / FILE_NAME), cancel)
        except Exception as exc:  # noqa: BLE001 - any failure to read means "cannot tell": never offered
            log.warning("The unfinished run %s could not be compared with the tenant", run.path, exc_info=True)
            return ResumeFinding(unchecked=run, error=exc)
        log.info("Unfinished run %s: %d of %d users read hold its marks", run.path, match.marked, match.checked)
        return ResumeFinding(run=run) if match.matches else ResumeFinding(foreign=run)
    return job
