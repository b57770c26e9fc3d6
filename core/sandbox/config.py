"""Sandbox settings: quotas, latency, faults, token lifetime. Mutable while the sandbox runs."""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field

from core.sandbox import facts

FAULT_KINDS = ("429", "503", "504", "drop")


@dataclass(frozen=True)
class FaultSpec:
    """Probabilities of injected faults on Graph requests (graph-facts §3, §4: clients must survive these).

    `slow` adds `slow_s` seconds to a response. `seed` makes the sequence repeatable.
    """

    p429: float = 0.0
    p503: float = 0.0
    p504: float = 0.0
    drop: float = 0.0
    slow: float = 0.0
    slow_s: float = 1.0
    seed: int = 0

    @classmethod
    def parse(cls, spec: str) -> FaultSpec:
        """`"429=0.05,503=0.03,504=0.01,drop=0.01,slow=0.02:1.5,seed=7"`; empty string = no faults."""
        values: dict[str, float | int] = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            name, sep, raw = part.partition("=")
            name = name.strip().lower()
            if not sep:
                raise ValueError(f"fault '{part}': expected NAME=VALUE")
            try:
                if name == "seed":
                    values["seed"] = int(raw)
                elif name == "slow":
                    prob, _, secs = raw.partition(":")
                    values["slow"] = _probability(name, prob)
                    if secs:
                        values["slow_s"] = float(secs)
                elif name in FAULT_KINDS:
                    values["p" + name if name[0].isdigit() else name] = _probability(name, raw)
                else:
                    raise ValueError(f"unknown fault '{name}' (use 429, 503, 504, drop, slow, seed)")
            except ValueError as exc:
                if "fault" in str(exc):
                    raise
                raise ValueError(f"fault '{part}': {exc}") from None
        result = cls(**values)  # type: ignore[arg-type]
        if result.p429 + result.p503 + result.p504 + result.drop > 1.0:
            raise ValueError("fault probabilities add up to more than 1")
        return result

    @property
    def any(self) -> bool:
        return bool(self.p429 or self.p503 or self.p504 or self.drop or self.slow)


def _probability(name: str, raw: str) -> float:
    value = float(raw)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"fault '{name}': probability {value} is not between 0 and 1")
    return value


def parse_quota(spec: str) -> tuple[int, float]:
    """`"200/2"` -> (200, 2.0 seconds) for --write-quota and --ru-quota."""
    count, sep, seconds = spec.partition("/")
    try:
        limit, window = int(count), float(seconds)
    except ValueError:
        raise ValueError(f"quota '{spec}': expected COUNT/SECONDS, e.g. 3000/150") from None
    if not sep or limit < 1 or window <= 0:
        raise ValueError(f"quota '{spec}': expected COUNT/SECONDS with COUNT >= 1, SECONDS > 0")
    return limit, window


@dataclass
class SandboxConfig:
    """Everything tunable. Fields are read on every request, so changing them at run time takes effect."""

    write_limit: int = facts.WRITE_LIMIT
    write_window_s: float = facts.WRITE_WINDOW_S
    tenant_write_limit: int = facts.TENANT_WRITE_LIMIT
    tenant_write_window_s: float = facts.TENANT_WRITE_WINDOW_S
    ru_limit: int | None = None  # None: by tenant size (graph-facts §4)
    ru_window_s: float = facts.RU_WINDOW_S
    throttling: bool = True
    latency_ms: float = 0.0
    jitter_ms: float = 0.0
    faults: FaultSpec = field(default_factory=FaultSpec)
    fault_retry_after_s: int = 1  # Retry-After on an injected 429/503
    faults_on_login: bool = False
    token_lifetime_s: int = facts.DEFAULT_TOKEN_LIFETIME_S
    throttled_write_applied: bool = bool(facts.UNCONFIRMED["throttled_write_applied"])
    # App registration (graph-facts §10): how long a new app/secret/consent takes to reach sign-in,
    # whether /authorize signs the seeded admin in at once, and the tenant's secret policy.
    replication_delay_s: float = 0.0
    directory_lag_s: float = 0.0  # Graph itself: a new app/service principal unknown to steps 3 and 5 until then
    auto_sign_in: bool = False
    secrets_blocked: bool = False
    device_code_blocked: bool = False  # a Conditional Access policy blocking device-code sign-in (§10)
    secret_max_days: int | None = None
    # §15: how long the public home-realm endpoint keeps saying what it said before a domain's federation
    # changed (Microsoft: up to 2 hours; a few seconds for the demo; 0 = at once)
    federation_delay_s: float = facts.FEDERATION_DEMO_DELAY_S


@dataclass(frozen=True)
class Decision:
    """What the fault injector decided for one request."""

    fault: str | None  # "429" | "503" | "504" | "drop" | None
    delay_s: float


class FaultInjector:
    """Seeded, so the n-th Graph request always gets the same outcome for the same spec."""

    def __init__(self, config: SandboxConfig) -> None:
        self._config = config
        self._lock = threading.Lock()
        self._spec: FaultSpec | None = None
        self._rng = random.Random(0)
        self.history: list[str | None] = []  # outcome of every decision, for repeatability tests

    def decide(self, inner: bool = False) -> Decision:
        cfg = self._config
        with self._lock:
            if cfg.faults is not self._spec:  # a new spec restarts the sequence
                self._spec = cfg.faults
                self._rng = random.Random(cfg.faults.seed)
                self.history = []
            spec = self._spec
            # Always three draws, so the sequence does not depend on which branch was taken.
            u_fault, u_slow, u_jitter = self._rng.random(), self._rng.random(), self._rng.random()
            fault = _pick(spec, u_fault, inner)
            self.history.append(fault)
        delay = 0.0 if inner else (cfg.latency_ms + u_jitter * cfg.jitter_ms) / 1000.0
        if u_slow < spec.slow and not inner:
            delay += spec.slow_s
        return Decision(fault, delay)


def _pick(spec: FaultSpec, u: float, inner: bool) -> str | None:
    edge = 0.0
    for name, prob in (("429", spec.p429), ("503", spec.p503), ("504", spec.p504), ("drop", spec.drop)):
        edge += prob
        if u < edge:
            # Inside a batch only 429/503 make sense (graph-facts §3); others become "no fault".
            return None if inner and name in ("504", "drop") else name
    return None
