"""Pacing writes to the tenant's write quota (graph-facts §4: 3,000 writes per 150 s per app+tenant),
so a run goes as fast as Entra allows without storms of 429.

A sliding window, like Entra's. Entra counts a write when it ARRIVES. Counting our window from the answer
is always safe but adds a round trip to every window (50–80 ms per 2 s window in the benchmark); counting
from the moment we call the client (`sent_at`) is not safe: under load the request may leave the machine
much later (GIL, TLS; the 3-school batch benchmark earned 78 × 429 that way). So a write's window starts
half the SHORTEST round trip seen so far before its answer (`release(n, sent_at=...)`), never before
`sent_at`: the answer's way back plus the next write's way in are each at least about that half, so the
next write cannot arrive before this one's window has passed at Entra — and local delays before the send
only make the start later. SEND_MARGIN_S covers clock granularity and jitter. Without `sent_at`: from the
answer.

Listeners (`add_listener(fn)`) hear `fn(until)` (clock time) whenever writing is held back: a 429's pause,
or a caller about to wait at least NOTICE_S for the window — so a UI can show the pause at once.
"""

from __future__ import annotations

import bisect
import threading
import time
from collections import deque
from collections.abc import Callable

DEFAULT_LIMIT = 3000
DEFAULT_WINDOW_S = 150.0
_POLL_S = 0.05  # when slots are held by requests still in flight, look again this often
NOTICE_S = 1.0  # waits for the window at least this long are told to the listeners
# Added to a write's window start (see the module doc): clock granularity and one-way jitter. A 429 costs far
# more (Retry-After is whole seconds: at least 1 s of nobody writing); 10 ms per window is 0.5 % at 2 s.
SEND_MARGIN_S = 0.01

def quota_wait_s(writes: int, limit: int = DEFAULT_LIMIT, window_s: float = DEFAULT_WINDOW_S) -> float:
    """The least time `writes` writes take at this quota, waiting for the window alone: a run within the
    limit never waits for it (it goes as fast as the service answers); beyond, each further `limit`
    writes wait one window. (Not 20 writes a second from the first write: the window is a budget.)"""
    return ((max(writes, 1) - 1) // limit) * window_s


Clock = Callable[[], float]
Sleeper = Callable[[float, "threading.Event | None"], bool]  # True when cancelled


class WritePacer:
    def __init__(self, limit: int = DEFAULT_LIMIT, window_s: float = DEFAULT_WINDOW_S,
                 clock: Clock = time.monotonic, sleep: Sleeper | None = None) -> None:
        if limit < 1 or window_s <= 0:
            raise ValueError("write quota must be at least 1 write per a positive number of seconds")
        self.limit, self.window_s = limit, window_s
        self._clock = clock
        self._sleep = sleep or _event_sleep
        self._lock = threading.Lock()
        self._done: deque[float] = deque()  # window start of each write still inside it (module doc)
        self._in_flight = 0
        self._min_trip = float("inf")  # the shortest send-to-answer time seen (release with sent_at)
        self._paused_until = 0.0
        self._waiting_until = 0.0  # latest end of a wait for the window that listeners were told of
        self._listeners: list[Callable[[float], None]] = []
        self.waited_s = 0.0  # total time callers spent waiting here (for the benchmark and the log)

    def add_listener(self, listener: Callable[[float], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[float], None]) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def _tell(self, until: float) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(until)

    @property
    def paused_until(self) -> float:
        """Clock time until which Graph asked us to stop writing (0 when not paused)."""
        with self._lock:
            return self._paused_until if self._paused_until > self._clock() else 0.0

    @property
    def waiting_until(self) -> float:
        """Clock time until which a caller waits for the window (only waits ≥ NOTICE_S; 0 when none)."""
        with self._lock:
            return self._waiting_until if self._waiting_until > self._clock() else 0.0

    def pause_until(self, until: float) -> None:
        """A 429 said Retry-After: nobody writes before `until` (the largest one wins)."""
        with self._lock:
            longer = until > self._paused_until
            self._paused_until = max(self._paused_until, until)
        if longer:
            self._tell(until)

    def pause_for(self, seconds: float) -> None:
        self.pause_until(self._clock() + seconds)

    def acquire(self, n: int, cancel: threading.Event | None = None, timeout: float | None = None) -> bool:
        """Block until the window admits `n` writes; False when cancelled first, or (with `timeout`)
        when not admitted within `timeout` seconds."""
        if n > self.limit:
            raise ValueError(f"cannot admit {n} writes at once with a quota of {self.limit}")
        return self._admit(n, n, cancel, timeout) == n

    def acquire_up_to(self, n: int, cancel: threading.Event | None = None, timeout: float | None = None) -> int:
        """Like acquire, but admits as many of `n` writes as the window has room for as soon as it has
        room for any: a batch shrinks rather than leave free slots idle while it waits for room for all
        of it (room frees in uneven groups). The number admitted; 0 when cancelled or timed out."""
        return self._admit(1, n, cancel, timeout)

    def _admit(self, least: int, most: int, cancel: threading.Event | None, timeout: float | None) -> int:
        deadline = None if timeout is None else self._clock() + max(0.0, timeout)
        while True:
            with self._lock:
                wait = self._wait_for(least)
                if wait <= 0:
                    n = min(most, self.limit - len(self._done) - self._in_flight)
                    self._in_flight += n
                    return n
            if cancel is not None and cancel.is_set():
                return 0
            started = self._clock()
            if deadline is not None and started >= deadline:
                return 0
            if wait >= NOTICE_S:
                self._notice(started + wait)
            nap = wait if deadline is None else min(wait, deadline - started)
            if self._sleep(nap, cancel):
                return 0
            self.waited_s += max(0.0, self._clock() - started)

    def _notice(self, until: float) -> None:
        """A caller is about to wait for the window until `until`: tell listeners, once per new pause."""
        with self._lock:
            told = until <= self._waiting_until + 0.5 or until <= self._paused_until
            self._waiting_until = max(self._waiting_until, until)
        if not told:
            self._tell(until)

    def release(self, n: int, sent: bool = True, sent_at: float | None = None) -> None:
        """The `n` writes admitted earlier were answered (sent=True) or never sent (frees them now).
        `sent_at` (this pacer's clock): when the request was handed to the client; their window then
        starts half the shortest round trip before the answer (not before `sent_at`; module doc), else at
        the answer."""
        with self._lock:
            self._in_flight = max(0, self._in_flight - n)
            if sent and n > 0:
                now = self._clock()
                start = now
                if sent_at is not None:
                    self._min_trip = min(self._min_trip, max(0.0, now - sent_at))
                    start = min(now, max(sent_at, now - self._min_trip / 2) + SEND_MARGIN_S)
                # kept in order (the window expires from the left): a slow answer may come after a faster
                # one sent later
                if self._done and start < self._done[-1]:
                    for _ in range(n):
                        bisect.insort(self._done, start)
                else:
                    self._done.extend([start] * n)

    def now(self) -> float:
        """This pacer's clock (for `release(sent_at=...)`)."""
        return self._clock()

    def expected_wait(self, n: int = 1) -> float:
        """Seconds until the window would admit `n` writes if nobody else took a slot first (0: now); a
        hint, not a promise (for a caller deciding whether a read made now is still fresh when it writes)."""
        with self._lock:
            return max(0.0, self._wait_for(min(max(n, 1), self.limit)))

    def in_window(self) -> int:
        with self._lock:
            self._expire(self._clock())
            return len(self._done) + self._in_flight

    def _expire(self, now: float) -> None:
        done, horizon = self._done, now - self.window_s
        while done and done[0] <= horizon:
            done.popleft()

    def _wait_for(self, n: int) -> float:
        now = self._clock()
        if self._paused_until > now:
            return self._paused_until - now
        self._expire(now)
        excess = len(self._done) + self._in_flight + n - self.limit
        if excess <= 0:
            return 0.0
        if excess <= len(self._done):
            return max(self._done[excess - 1] + self.window_s - now, 1e-3)
        return _POLL_S  # the slots are held by requests still in flight


_NEVER = threading.Event()  # waited on when the caller gave no cancel token


def _event_sleep(seconds: float, cancel: threading.Event | None) -> bool:
    return (cancel or _NEVER).wait(seconds)
