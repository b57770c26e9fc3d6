"""Reading users' current ImmutableIds in bulk: before writing (the recheck) and after (the verification).

Graph has no compare-and-swap: two applies against one tenant at once (two machines) can both find a
user empty and both write. Reading each chunk right before writing it narrows that window; reading the
written users back after the writes keeps the report true — a user who no longer holds the value this
run wrote was overwritten by another writer, and is reported as `conflict` with the value found.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from core.graph.batching import MISSING, read_current
from core.graph.client import GraphClient
from core.planning.plan import PlanRow
from core.tenant.directory import list_users

LIST_REREAD_MIN = 200  # above this many users to read, a full listing is cheaper than GETs
# Before reading back, let the last writes settle: another writer's write that raced ours lands within
# its own read-to-write gap — apply.FRESH_S (1 s) plus the write's trip to Graph — and the margin above
# that is for Graph's replicas, which may lag a write. Every apply waits this long once, at its end.
READ_BACK_SETTLE_S = 1.5


def read_values(graph: GraphClient, ids: list[str], tenant_rows: int, mode: str = "auto",
                cancel: threading.Event | None = None) -> dict[str, str | None]:
    """The live value of each user in `ids` (None: not set; MISSING: no such user). `mode`: "list" (one
    listing of the tenant), "batch" ($batch GETs, 20 users per request) or "auto" (a listing when the
    users are many, by count and by share of the `tenant_rows` users the tenant has)."""
    if not ids:
        return {}
    if mode == "list" or (mode == "auto" and len(ids) > max(LIST_REREAD_MIN, tenant_rows // 50)):
        live = {user.id: user.immutable_id for user in list_users(graph, cancel=cancel)}
        return {oid: live.get(oid, MISSING) for oid in ids}
    return read_current(graph, ids, cancel=cancel)


def overwritten(rows: Iterable[PlanRow], current: dict[str, str | None]) -> list[tuple[PlanRow, str | None]]:
    """Written rows whose user now holds something else than the value written, with what was found
    (a deleted user is not a conflict: the write did happen)."""
    out = []
    for row in rows:
        found = current.get(row.object_id, MISSING)
        if found != MISSING and found != row.new_immutable_id:
            out.append((row, found))
    return out
