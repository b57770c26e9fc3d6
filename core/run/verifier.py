"""Reading the written users back while later chunks are still being written (issue 17).

A chunk's users can be read back once READ_BACK_SETTLE_S has passed since its write was answered
(core/run/readback.py says why). Waiting for the last write to read everyone back added that settle plus
a listing to the end of every run; instead this thread reads each chunk back as soon as its settle has
passed, with $batch GETs of its own (reads do not count against the write quota, and never wait behind a
write: this thread holds no pacer slot and takes no writer's turn). At the end only the users not yet
verified are read: the last chunks, and rows set some other way (resumed, confirmed by a re-read, swapped).

A read that fails here is not retried (nor waited out by the client): its users simply stay for the final
read-back.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable

from core.graph.auth import AuthError
from core.graph.batching import MAX_BATCH, read_once
from core.graph.client import GraphClient, GraphError
from core.planning.plan import PlanRow

log = logging.getLogger(__name__)

Found = Callable[[PlanRow, "str | None"], None]  # (row, the value read back) for each row read


class Verifier:
    def __init__(self, graph: GraphClient, settle_s: float, found: Found,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._graph, self._settle_s, self._found, self._clock = graph, settle_s, found, clock
        self._due: list[tuple[float, int, PlanRow]] = []  # heap by the time each row may be read back
        self._seq = itertools.count()
        self._cond = threading.Condition()
        self._closed = False
        self._calm = threading.Event()  # never set: a read under way finishes even when the run stops
        self.verified: set[str] = set()  # object ids read back (conflict or not)
        self._thread = threading.Thread(target=self._run, name="read-back", daemon=True)
        self._thread.start()

    def add(self, row: PlanRow, answered_at: float | None = None) -> None:
        """Graph accepted the write of `row` (answered at `answered_at`, monotonic): read it back later."""
        due = (self._clock() if answered_at is None else answered_at) + self._settle_s
        with self._cond:
            if not self._closed:
                heapq.heappush(self._due, (due, next(self._seq), row))
                self._cond.notify()

    def close(self) -> None:
        """Stop: a read under way finishes (its rows count as verified); rows not read yet are dropped."""
        with self._cond:
            self._closed = True
            self._due.clear()
            self._cond.notify_all()
        self._thread.join()

    def _run(self) -> None:
        while (rows := self._take()) is not None:
            self._read(rows)

    def _take(self) -> list[PlanRow] | None:
        """The next rows whose settle has passed (one $batch), waiting for them; None once closed."""
        with self._cond:
            while not self._closed:
                now = self._clock()
                if self._due and self._due[0][0] <= now:
                    rows = []
                    while self._due and self._due[0][0] <= now and len(rows) < MAX_BATCH:
                        rows.append(heapq.heappop(self._due)[2])
                    return rows
                self._cond.wait(self._due[0][0] - now if self._due else None)
            return None

    def _read(self, rows: list[PlanRow]) -> None:
        try:
            # nothing waited out here (the client's backoff for a lost answer is up to 2 s, and the end of the
            # run waits for a read under way): what fails is read by the final read-back, which retries fast
            done = read_once(self._graph, [row.object_id for row in rows], self._calm, hand_back=(429, 503),
                             retry_drops=False)
        except (AuthError, GraphError) as exc:  # left for the final read-back
            log.info("Reading %d written users back failed for now: %s", len(rows), exc)
            return
        for row in rows:
            if row.object_id in done.values:
                self._found(row, done.values[row.object_id])
                self.verified.add(row.object_id)
