"""Reading users' current ImmutableIds in bulk: before writing (the recheck) and after (the verification).

Graph has no compare-and-swap: two applies against one tenant at once (two machines) can both find a
user empty and both write. Reading each chunk right before writing it narrows that window; reading the
written users back after the writes (each chunk once its settle has passed, while later chunks are still
written: core/run/verifier.py) keeps the report true — a user who no longer holds the value this
run wrote was overwritten by another writer, and is reported as `conflict` with the value found.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from core.graph.batching import MAX_BATCH, MISSING, read_current
from core.graph.client import GraphClient
from core.planning.plan import PlanRow
from core.tenant.directory import PAGE_SIZE, list_users

# The race these two constants bound (the ONE place they are defined). Graph has no compare-and-swap, so
# a rival writer (another machine running this tool) can read a user empty just before our write lands,
# and write its own value right after. It writes within FRESH_S of its read: each chunk is read right
# before its write (core/run/writer.py times the read to end as the pacer admits the chunk), and one whose
# read is older than FRESH_S when admitted is read again. So the rival's write lands at most FRESH_S plus
# its trip to Graph after ours did; reading a user back READ_BACK_SETTLE_S after our write's answer sees it.
# TRIP_MARGIN_S covers the rival's trip being longer than our read-back's (jitter, a token refresh, a slow
# journal fsync between its read and its send). Whether Graph's replicas can serve a read that misses a
# write just answered is not documented: the sandbox assumes they cannot (facts.UNCONFIRMED
# ["replica_lag_after_write_s"]), and the margin is all the slack there is for it.
FRESH_S = 0.2
TRIP_MARGIN_S = 0.15
READ_BACK_SETTLE_S = FRESH_S + TRIP_MARGIN_S


def read_values(graph: GraphClient, ids: list[str], tenant_rows: int, mode: str = "auto",
                cancel: threading.Event | None = None) -> dict[str, str | None]:
    """The live value of each user in `ids` (None: not set; MISSING: no such user). `mode`: "list" (one
    listing of the tenant), "batch" ($batch GETs, 20 users per request) or "auto" (whichever takes fewer
    round trips for these users in a tenant of `tenant_rows` users: listing_is_quicker)."""
    if not ids:
        return {}
    if mode == "list" or (mode == "auto" and listing_is_quicker(len(ids), tenant_rows)):
        live = {user.id: user.immutable_id for user in list_users(graph, cancel=cancel)}
        return {oid: live.get(oid, MISSING) for oid in ids}
    return _read_in_parallel(graph, ids, cancel)


READ_THREADS = 8  # $batch GETs of 20 users sent side by side: the end of a run waits for the slowest, not the sum


def listing_is_quicker(users: int, tenant_rows: int) -> bool:
    """A listing is one request per PAGE_SIZE users of the tenant, one after another; $batch GETs are one
    per MAX_BATCH users asked for, READ_THREADS at a time. Fewer round trips wins; a tie goes to the GETs,
    which read only the users asked for (and retry a failed one quickly: core.graph.batching)."""
    pages = math.ceil(max(tenant_rows, users) / PAGE_SIZE)
    rounds = math.ceil(math.ceil(users / MAX_BATCH) / READ_THREADS)
    return pages < rounds


def _read_in_parallel(graph: GraphClient, ids: list[str], cancel: threading.Event | None) -> dict[str, str | None]:
    """read_current over groups of MAX_BATCH users, a few at once (reads count against no write quota)."""
    groups = [ids[i:i + MAX_BATCH] for i in range(0, len(ids), MAX_BATCH)]
    if len(groups) == 1:
        return read_current(graph, ids, cancel=cancel)
    values: dict[str, str | None] = {}
    with ThreadPoolExecutor(min(READ_THREADS, len(groups)), thread_name_prefix="read") as pool:
        futures = [pool.submit(read_current, graph, group, cancel) for group in groups]
        errors = []
        for future in futures:
            try:
                values.update(future.result())
            except BaseException as exc:  # noqa: BLE001 — the first is raised once every group is done
                errors.append(exc)
    if errors:
        raise errors[0]
    return values


def overwritten(rows: Iterable[PlanRow], current: dict[str, str | None]) -> list[tuple[PlanRow, str | None]]:
    """Written rows whose user now holds something else than the value written, with what was found
    (a deleted user is not a conflict: the write did happen)."""
    out = []
    for row in rows:
        found = current.get(row.object_id, MISSING)
        if found != MISSING and found != row.new_immutable_id:
            out.append((row, found))
    return out
