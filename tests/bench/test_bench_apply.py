"""Benchmark: writing 2,000 ImmutableIds against a sandbox with a write quota of 200 per 2 s (sliding)
and 30 ms ± 10 ms latency — our paced, batched, concurrent apply vs a naive one-PATCH-at-a-time loop
that honours Retry-After, side by side in one run.

Targets: achieved writes/s ÷ quota ceiling (100/s) ≥ 0.9; ≥ 2.5× faster than the naive loop; no failures.
Run: make bench (or .venv/bin/python -m pytest tests/bench/test_bench_apply.py -s)
"""

from __future__ import annotations

import json
import time
from collections import Counter

from core.apply import apply_plan
from core.auth import TokenProvider
from core.connection import Connection
from core.directory import list_users
from core.graph import GraphClient
from core.journal import Journal
from core.pacing import WritePacer
from core.plan import Scope, Status, build_plan
from core.sandbox import SandboxConfig, SandboxTenant
from core.sources import AttributeSource

USERS = 2000
LIMIT, WINDOW = 200, 2.0


def _seed(path):
    users = [{"id": f"00000000-0000-4000-8000-{n:012d}", "displayName": f"Elev {n}",
              "userPrincipalName": f"elev{n}@school.example", "employeeId": f"E{n}", "userType": "Member",
              "accountEnabled": True} for n in range(USERS)]
    path.write_text(json.dumps({"domains": [{"id": "school.example", "authenticationType": "Managed"}],
                                "users": users}), encoding="utf-8")
    return path


def _tenant(seed) -> SandboxTenant:
    config = SandboxConfig(write_limit=LIMIT, write_window_s=WINDOW, latency_ms=25, jitter_ms=10)  # 30 ms ± 5
    return SandboxTenant(config, seed_path=seed).start()


def _graph(tenant) -> GraphClient:
    profile = tenant.connection_profile()
    conn = Connection.from_profile_dict(profile)
    graph = GraphClient(conn, TokenProvider(conn, profile["client_secret"]))
    graph.tokens.token()
    return graph


def _writes(tenant) -> tuple[Counter, int]:
    entries = [e for e in tenant.audit() if e["method"] == "PATCH"]
    return Counter(e["path"] for e in entries if e["status"] == 204), sum(e["status"] == 429 for e in entries)


def run_ours(seed, tmp_path) -> dict:
    with _tenant(seed) as tenant:
        graph = _graph(tenant)
        plan = build_plan(list_users(graph), AttributeSource("employeeId"), "none", Scope())
        assert len(plan.to_write()) == USERS
        with Journal(tmp_path / "ours", {"tenant": tenant.tenant_id}) as journal:
            started = time.perf_counter()
            result = apply_plan(plan, graph, journal, pacer=WritePacer(LIMIT, WINDOW), concurrency=4)
            elapsed = time.perf_counter() - started
        writes, throttled = _writes(tenant)
        return {"elapsed": elapsed, "set": result.counts().get(Status.SET.value, 0), "failed": result.failed,
                "max_writes_per_user": max(writes.values()), "throttled": throttled}


def run_naive(seed) -> dict:
    with _tenant(seed) as tenant:
        graph = _graph(tenant)
        users = list_users(graph)
        started = time.perf_counter()
        failed = 0
        for user in users:  # one PATCH at a time; the client waits out each 429's Retry-After
            resp = graph.request("PATCH", f"/users/{user.id}", json={"onPremisesImmutableId": user.employee_id})
            failed += resp.status_code != 204
        elapsed = time.perf_counter() - started
        writes, throttled = _writes(tenant)
        return {"elapsed": elapsed, "set": len(writes), "failed": failed, "throttled": throttled}


def test_bench_apply_vs_naive(tmp_path):
    seed = _seed(tmp_path / "seed.json")
    ours = run_ours(seed, tmp_path)
    naive = run_naive(seed)
    ceiling = LIMIT / WINDOW
    best_possible = USERS / ((USERS - LIMIT) / ceiling)  # an empty window admits the first 200 at once
    rate = USERS / ours["elapsed"]
    speedup = naive["elapsed"] / ours["elapsed"]
    print(f"\nours : {USERS} writes in {ours['elapsed']:.2f} s = {rate:.1f} writes/s; "
          f"÷ quota ceiling {ceiling:.0f}/s = {rate / ceiling:.2f} (target >= 0.9); "
          f"÷ best possible from an empty window {best_possible:.1f}/s = {rate / best_possible:.2f}; "
          f"inner 429s: {ours['throttled']}; failed: {ours['failed']}")
    print(f"naive: {USERS} writes in {naive['elapsed']:.2f} s = {USERS / naive['elapsed']:.1f} writes/s; "
          f"429s: {naive['throttled']}; failed: {naive['failed']}")
    print(f"speed-up ours vs naive: {speedup:.2f}x (target >= 2.5)")
    assert ours["set"] == USERS and ours["failed"] == 0 and ours["max_writes_per_user"] == 1
    assert naive["set"] == USERS
    assert rate / ceiling >= 0.9
    assert speedup >= 2.5
