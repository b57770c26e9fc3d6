"""Entra's Graph quotas (graph-facts §4): a sliding write window per app+tenant (and per tenant) and a
resource-unit (RU) window per app+tenant sized by the tenant's user count."""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from core.sandbox import facts
from core.sandbox.config import SandboxConfig


class SlidingWindow:
    """Weighted events in the last `window_s` seconds. Not thread-safe (Throttle holds the lock)."""

    def __init__(self) -> None:
        self._events: deque[tuple[float, int]] = deque()
        self.used = 0

    def _expire(self, now: float, window_s: float) -> None:
        events = self._events
        while events and events[0][0] <= now - window_s:
            self.used -= events.popleft()[1]

    def retry_after(self, now: float, cost: int, limit: int, window_s: float) -> float:
        """0 if `cost` fits now, else seconds until enough of the window has expired."""
        self._expire(now, window_s)
        if self.used + cost <= limit:
            return 0.0
        excess = self.used + cost - limit
        freed = 0
        for t, weight in self._events:
            freed += weight
            if freed >= excess:
                return t + window_s - now
        return window_s  # cost larger than the limit itself: never fits; say "a whole window"

    def add(self, now: float, cost: int) -> None:
        if cost:
            self._events.append((now, cost))
            self.used += cost


@dataclass(frozen=True)
class Verdict:
    """Outcome of admission: allowed, or refused with what Graph puts in the 429's headers."""

    allowed: bool
    retry_after_s: int = 0
    scope: str = ""
    information: str = ""
    usage: float = 0.0  # highest fraction of any limit in use after this request

    def headers(self, cost: int) -> dict[str, str]:
        if not self.allowed:
            return {"Retry-After": str(self.retry_after_s), "x-ms-throttle-scope": self.scope,
                    "x-ms-throttle-information": self.information}
        out = {"x-ms-resource-unit": str(cost)}
        if self.usage > facts.THROTTLE_WARN_FRACTION:
            out["x-ms-throttle-limit-percentage"] = f"{self.usage:.2f}"
        return out


class Throttle:
    """Admission control for one tenant; apps are keyed by client id."""

    def __init__(self, config: SandboxConfig, tenant_id: str, tenant_size: str,
                 clock: Callable[[], float]) -> None:
        self._config = config
        self._tenant = tenant_id
        self._size = tenant_size
        self._clock = clock
        self._lock = threading.Lock()
        self._writes: dict[str, SlidingWindow] = {}
        self._units: dict[str, SlidingWindow] = {}
        self._tenant_writes = SlidingWindow()

    def ru_limit(self) -> int:
        return self._config.ru_limit or facts.RU_LIMIT_BY_SIZE[self._size]

    def admit(self, app: str, ru_cost: int, writes: int) -> Verdict:
        """Count the request if it fits every quota; otherwise refuse it and count nothing."""
        cfg = self._config
        if not cfg.throttling:
            return Verdict(True)
        with self._lock:
            now = self._clock()
            app_writes = self._writes.setdefault(app, SlidingWindow())
            units = self._units.setdefault(app, SlidingWindow())
            checks = [(units, ru_cost, self.ru_limit(), cfg.ru_window_s, "ResourceUnitLimitExceeded",
                       facts.UNCONFIRMED["ru_scope"])]
            if writes:
                checks.insert(0, (app_writes, writes, cfg.write_limit, cfg.write_window_s,
                                  "WriteLimitExceeded", facts.UNCONFIRMED["write_scope"]))
                checks.insert(1, (self._tenant_writes, writes, cfg.tenant_write_limit,
                                  cfg.tenant_write_window_s, "WriteLimitExceeded",
                                  facts.UNCONFIRMED["tenant_write_scope"]))
            for window, cost, limit, span, info, scope in checks:
                wait = window.retry_after(now, cost, limit, span)
                if wait > 0:
                    return Verdict(False, max(1, math.ceil(wait)),
                                   str(scope).format(app=app, tenant=self._tenant), info)
            usage = 0.0
            for window, cost, limit, _span, _info, _scope in checks:
                window.add(now, cost)
                usage = max(usage, window.used / limit)
            return Verdict(True, usage=usage)
