"""Benchmark: the federated-domain UPN swap (issue 10 §1) against the write quota.

600 users in a federated domain, each set with two PATCHes (1,200 writes), against a sandbox with a write
quota of 200 per 2 s (sliding: a ceiling of 100 writes/s) and 20 ms ± 10 ms latency. The ratio printed is
writes per second from the call of apply_plan to its return (its reads between the steps, the read-back
and its settle included) ÷ the ceiling. The sliding window lets the first 200 writes through at once, so
the best possible is 1,200 / 10 s ÷ 100 = 1.2 without the reads. Target ≥ 0.8: the swap's extra reads must
not make it much slower than the quota allows. Printed side by side: the same users written directly (the
same number of writes would be 600, so that ratio is per write as well), to show what the second step costs.

Run: /work/main/.venv/bin/python -m pytest tests/bench/test_bench_swap.py -s -p no:cacheprovider \
         --override-ini addopts= --timeout=1800
"""

from __future__ import annotations

import json
import time

from core.graph.auth import TokenProvider
from core.graph.client import GraphClient
from core.graph.connection import Connection
from core.graph.pacing import WritePacer
from core.planning.plan import Scope, Status, build_plan
from core.run.apply import apply_plan
from core.run.journal import Journal
from core.sandbox import SandboxConfig, SandboxTenant
from core.source.sources import AttributeSource
from core.tenant.directory import initial_domain, list_domains, list_users

USERS = 600
LIMIT, WINDOW = 200, 2.0
CEILING = LIMIT / WINDOW
APP = {"clientId": "5a3c8e2f-1b7d-4c9e-a0f4-6d2b8e1c3a57", "secret": "bench-swap-secret",
       "roles": ["User.ReadWrite.All", "Domain.Read.All"]}


def _seed(tmp_path, federated: bool):
    domain = "fed.example" if federated else "school.example"
    users = [{"id": f"00000000-0000-4000-8000-{n:012d}", "displayName": f"Elev {n}",
              "userPrincipalName": f"elev{n}@{domain}", "mail": f"elev{n}@school.example",
              "employeeId": f"E{n}", "userType": "Member", "accountEnabled": True} for n in range(USERS)]
    path = tmp_path / f"seed-{domain}.json"
    path.write_text(json.dumps({"tenant": {"initialDomain": "nordskolan.onmicrosoft.com"},
                                "domains": [{"id": "school.example", "authenticationType": "Managed"},
                                            {"id": "fed.example", "authenticationType": "Federated"}],
                                "apps": [APP], "users": users}), encoding="utf-8")
    return path


def _run(tmp_path, federated: bool) -> tuple[float, int, dict]:
    config = SandboxConfig(write_limit=LIMIT, write_window_s=WINDOW, latency_ms=20, jitter_ms=10)
    tenant = SandboxTenant(config, seed_path=_seed(tmp_path, federated)).start()
    try:
        profile = tenant.connection_profile()
        conn = Connection.from_profile_dict(profile)
        graph = GraphClient(conn, TokenProvider(conn, profile["client_secret"]))
        domains = list_domains(graph)
        plan = build_plan(list_users(graph), AttributeSource("employeeId"), "none", Scope(),
                          federated_domains=[d.name for d in domains if d.federated],
                          initial_domain=initial_domain(domains))
        with Journal(tmp_path / f"run-{federated}", {}) as journal:
            t0 = time.monotonic()
            result = apply_plan(plan, graph, journal, pacer=WritePacer(LIMIT, WINDOW), upn_swap=federated)
            seconds = time.monotonic() - t0
        writes = sum(1 for e in tenant.audit() if e["method"] == "PATCH" and e["status"] == 204)
        parked = [u for u in tenant.users.values() if u["userPrincipalName"].endswith(".onmicrosoft.com")]
        assert not parked
        return seconds, writes, result.counts()
    finally:
        tenant.stop()


def test_swap_keeps_up_with_the_write_quota(tmp_path):
    swap_s, swap_writes, swap_counts = _run(tmp_path, federated=True)
    direct_s, direct_writes, direct_counts = _run(tmp_path, federated=False)
    assert swap_counts == {Status.SET.value: USERS} and direct_counts == {Status.SET.value: USERS}
    assert swap_writes == 2 * USERS and direct_writes == USERS
    swap_ratio = swap_writes / swap_s / CEILING
    direct_ratio = direct_writes / direct_s / CEILING
    print(f"\nUPN swap: {USERS} users, {swap_writes} writes in {swap_s:.1f} s: {swap_writes / swap_s:.1f} writes/s, "
          f"ratio to the quota ceiling {swap_ratio:.2f}")
    print(f"direct:   {USERS} users, {direct_writes} writes in {direct_s:.1f} s: "
          f"{direct_writes / direct_s:.1f} writes/s, ratio {direct_ratio:.2f}")
    print(f"per user, the swap takes {swap_s / direct_s:.2f}x as long as a direct write (2 writes instead of 1)")
    assert swap_ratio >= 0.8
