"""The writer threads' shared queue (core/run/writer.py): rows ready to write, and rows whose last write has an
unknown outcome waiting for their turn. Every piece of shared state lives here, under one condition.

Rows that wait are handed out first once due (they are the oldest work, and finishing them early keeps
the end of a run short); while they wait, the threads keep taking fresh rows. A thread that finds no fresh
row takes waiting rows whose `early` time has passed (a first failure: at once) rather than idle: the
quota slot it would leave unused is the next free one.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from core.graph.batching import MAX_BATCH
from core.planning.plan import PlanRow

_NAP_S = 0.1  # how often an idle thread looks at the cancel event (it cannot wake us itself)


@dataclass(slots=True, eq=False)
class Item:
    """One user on its way through the writer."""

    row: PlanRow
    read_at: float = 0.0       # monotonic time its value was last read (and found empty)
    attempts: int = 0          # 5xx / timeouts / drops so far; 429s never count
    unsure: bool = False       # a write was sent and its fate is unknown: read before anything else
    misses: int = 0            # reads in a row that did not get its value (throttled, 5xx)
    error: str = ""            # why it is unsure (for the report if it stays so)
    not_before: float = 0.0    # unsure: not read/resent before this (Retry-After, backoff)
    settle_by: float = 0.0     # unsure: when stopping, read it no earlier than this (a late write lands)
    early: float = 0.0         # unsure: taken from this time on by a thread with no fresh row to write


class WorkQueue:
    def __init__(self, items: list[Item], cancel: threading.Event, clock: Callable[[], float] = time.monotonic):
        self._ready: deque[Item] = deque(items)
        self._waiting: list[tuple[float, int, Item]] = []  # heap by not_before
        self._seq = itertools.count()
        self._cond = threading.Condition()
        self._cancel, self._clock = cancel, clock
        self._sending = 0  # chunks taken and not yet done with
        self.fatal: BaseException | None = None

    def take(self) -> list[Item] | None:
        """Up to MAX_BATCH items to write (due waiting ones first); blocks while only waiting items are
        left; None when there is nothing more to do, or the run stops."""
        with self._cond:
            while True:
                if self.fatal is not None or self._cancel.is_set():
                    return None
                now = self._clock()
                chunk = self._due(now)
                while self._ready and len(chunk) < MAX_BATCH:
                    chunk.append(self._ready.popleft())
                if not chunk:
                    chunk = self._early(now)
                if chunk:
                    self._sending += 1
                    return chunk
                if self._sending == 0 and not self._waiting:
                    return None
                self._cond.wait(self._nap())

    def _due(self, now: float) -> list[Item]:
        waiting, chunk = self._waiting, []
        while waiting and waiting[0][0] <= now and len(chunk) < MAX_BATCH:
            chunk.append(heapq.heappop(waiting)[2])
        return chunk

    def _early(self, now: float) -> list[Item]:
        """Waiting items that may go before they are due (no fresh row is left to write)."""
        early = [entry for entry in self._waiting if entry[2].early <= now][:MAX_BATCH]
        if early:
            taken = {id(entry) for entry in early}
            self._waiting = [entry for entry in self._waiting if id(entry) not in taken]
            heapq.heapify(self._waiting)
        return [entry[2] for entry in sorted(early)]

    def _nap(self) -> float:
        if not self._waiting:
            return _NAP_S
        now = self._clock()
        soonest = min(self._waiting[0][0], min(entry[2].early for entry in self._waiting))
        return min(_NAP_S, max(0.001, soonest - now))

    def done(self) -> None:
        """A chunk taken is finished with (written, settled, handed back or waiting)."""
        with self._cond:
            self._sending -= 1
            self._cond.notify_all()

    def put_back(self, items: list[Item]) -> None:
        """Items taken but not sent (cancelled, the valve): first in line again."""
        with self._cond:
            self._ready.extendleft(reversed(items))
            self._cond.notify_all()

    def wait(self, items: list[Item]) -> None:
        """Items whose write has an unknown outcome: each comes back once its not_before has passed."""
        with self._cond:
            for item in items:
                heapq.heappush(self._waiting, (item.not_before, next(self._seq), item))
            self._cond.notify_all()

    def stop(self, exc: BaseException) -> None:
        with self._cond:
            self.fatal = self.fatal or exc
            self._cond.notify_all()

    def leftovers(self) -> list[Item]:
        """Everything not taken, each item once (call after the threads have ended)."""
        with self._cond:
            return list(dict.fromkeys([*self._ready, *(entry[2] for entry in self._waiting)]))
