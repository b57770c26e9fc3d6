"""Injected latency and faults (429, 503, 504, dropped connections, slow answers) are seeded: the same
spec gives the same sequence of outcomes, so a test of retries is repeatable."""

from __future__ import annotations

import time

import pytest
import requests
from sandbox_helpers import Graph, make_msal, token_for

from core.graph.http import VerifyingSession
from core.sandbox import FaultSpec, SandboxConfig
from core.sandbox.config import FaultInjector


def test_fault_spec_parses_every_kind():
    spec = FaultSpec.parse("429=0.05,503=0.03,504=0.01,drop=0.01,slow=0.02:1.5,seed=7")
    assert spec == FaultSpec(p429=0.05, p503=0.03, p504=0.01, drop=0.01, slow=0.02, slow_s=1.5, seed=7)
    assert FaultSpec.parse("") == FaultSpec() and not FaultSpec().any


@pytest.mark.parametrize(("spec", "words"), [("boom=0.1", "unknown fault"), ("429", "NAME=VALUE"),
                                             ("503=2", "between 0 and 1"), ("429=0.6,503=0.6", "more than 1"),
                                             ("seed=x", "seed=x")])
def test_bad_fault_specs_say_what_is_wrong(spec, words):
    with pytest.raises(ValueError, match=words):
        FaultSpec.parse(spec)


def test_injector_sequence_is_repeatable_and_matches_probabilities():
    def run(seed: int) -> list:
        config = SandboxConfig(faults=FaultSpec(p429=0.2, p503=0.1, drop=0.1, seed=seed))
        injector = FaultInjector(config)
        return [injector.decide().fault for _ in range(2000)]

    first, again, other = run(7), run(7), run(8)
    assert first == again and first != other
    assert 300 < first.count("429") < 500 and 100 < first.count("503") < 300
    assert 100 < first.count("drop") < 300


def _outcomes(tenant, graph: Graph, n: int) -> list:
    out = []
    for _ in range(n):
        try:
            out.append(graph.get("/users?$select=id&$top=1").status_code)
        except requests.ConnectionError:
            out.append("drop")
    return out


def test_same_seed_same_outcomes_over_http(sandbox_factory):
    spec = FaultSpec.parse("429=0.2,503=0.1,504=0.1,drop=0.1,seed=11")
    runs = []
    for _ in range(2):
        tenant = sandbox_factory(config=SandboxConfig(faults=spec))
        runs.append(_outcomes(tenant, Graph(tenant, token_for(tenant)), 40))
        statuses = [e["status"] for e in tenant.audit() if e["path"] == "/v1.0/users"]
        assert statuses == [0 if o == "drop" else o for o in runs[-1]]  # every request audited
    assert runs[0] == runs[1]
    assert {200, 429, 503, 504, "drop"} <= set(runs[0])


def test_injected_429_has_retry_after_and_nothing_is_written(sandbox_factory):
    tenant = sandbox_factory(config=SandboxConfig(faults=FaultSpec(p429=1.0)))
    graph = Graph(tenant, token_for(tenant))  # login is not faulted by default
    user_id = next(iter(tenant.users))
    resp = graph.patch(f"/users/{user_id}", {"onPremisesImmutableId": "never"})
    assert resp.status_code == 429 and int(resp.headers["Retry-After"]) >= 1
    assert tenant.users[user_id]["onPremisesImmutableId"] != "never"


def test_inner_batch_requests_can_be_throttled_by_faults(sandbox_factory):
    tenant = sandbox_factory()
    graph = Graph(tenant, token_for(tenant))
    tenant.config.faults = FaultSpec(p429=0.5, seed=3)
    results = []
    for _ in range(3):
        try:
            resp = graph.batch([{"id": str(i), "method": "GET", "url": "/users?$select=id&$top=1"}
                                for i in range(10)])
        except requests.ConnectionError:
            continue
        if resp.status_code == 200:
            results.extend(r["status"] for r in resp.json()["responses"])
    assert 429 in results and 200 in results
    throttled = [e for e in tenant.audit() if e["in_batch"] and e["status"] == 429]
    assert throttled and all(e["fault"] == "429" for e in throttled)


def test_faults_do_not_touch_discovery_login_or_the_audit_endpoint(sandbox_factory):
    tenant = sandbox_factory(config=SandboxConfig(faults=FaultSpec(p503=1.0)))
    assert "access_token" in make_msal(tenant).acquire_token_for_client(
        scopes=["https://graph.microsoft.com/.default"])
    audit = VerifyingSession(verify=tenant.ca_bundle).get(f"{tenant.url}/_sandbox/audit")
    assert audit.status_code == 200 and audit.json()["entries"]


def test_latency_and_slow_responses(sandbox_factory):
    tenant = sandbox_factory(config=SandboxConfig(latency_ms=40))
    graph = Graph(tenant, token_for(tenant))
    started = time.perf_counter()
    assert graph.get("/users?$select=id&$top=1").status_code == 200
    assert time.perf_counter() - started >= 0.04
    tenant.config.latency_ms = 0
    tenant.config.faults = FaultSpec(slow=1.0, slow_s=0.15)
    started = time.perf_counter()
    graph.get("/users?$select=id&$top=1")
    assert time.perf_counter() - started >= 0.15


def test_faulted_writes_are_audited_with_caller_and_body_and_not_applied(sandbox_factory):
    tenant = sandbox_factory()
    graph = Graph(tenant, token_for(tenant))
    tenant.config.faults = FaultSpec(p503=0.5, drop=0.5, seed=1)
    user_id = next(iter(tenant.users))
    for _ in range(4):
        try:
            graph.patch(f"/users/{user_id}", {"onPremisesImmutableId": "faulted"})
        except requests.ConnectionError:
            pass
    entries = [e for e in tenant.audit() if e["method"] == "PATCH"]
    assert len(entries) == 4 and {e["fault"] for e in entries} <= {"503", "drop"}
    assert all(e["client_id"] == tenant.apps[0]["clientId"] and e["applied"] is False for e in entries)
    assert all(e["body"] == {"onPremisesImmutableId": "faulted"} for e in entries)


def test_login_faults_only_when_asked_for(sandbox_factory):
    tenant = sandbox_factory(config=SandboxConfig(faults=FaultSpec(p503=1.0), faults_on_login=True))
    session = VerifyingSession(verify=tenant.ca_bundle)
    resp = session.get(f"{tenant.url}/{tenant.tenant_id}/v2.0/.well-known/openid-configuration")
    assert resp.status_code == 503 and resp.headers["Retry-After"] == "1"
    assert [e["fault"] for e in tenant.audit()] == ["503"]
