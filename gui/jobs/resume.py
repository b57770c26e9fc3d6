"""Finding the unfinished run to offer on the Check page, as a job (no Qt): the latest unfinished run of
this tenant and app (core.run.folders), offered only when the tenant holds its marks
(core.run.tenant_match) — a tenant rebuilt under the same id, or the demo after a reset, never is."""

from __future__ import annotations

import threading
from typing import Any

from core.graph.connection import Connection
from core.run.tenant_match import Resumable, find_resumable

# what the Check page is told: core's one rule (core.run.tenant_match.find_resumable), as a job
ResumeFinding = Resumable


def unfinished_run_job(conn: Connection, secret: str | None, tenant_id: str | None):
    from gui.jobs.services import make_graph

    def job(progress: Any, cancel: threading.Event) -> ResumeFinding:
        return find_resumable(conn, make_graph(conn, secret, cancel), tenant_id, cancel)
    return job
