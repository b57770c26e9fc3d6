"""GraphClient against the sandbox over real HTTPS with real MSAL: paging, retries, throttling,
token refresh, and what must never be re-sent. The sandbox's audit log proves what went over the wire."""

from __future__ import annotations

import threading
import time

import pytest

from core.graph.auth import TokenProvider
from core.graph.client import AmbiguousOutcome, Cancelled, GraphClient, GraphError, RetryPolicy
from core.graph.connection import Connection
from core.sandbox.config import FaultInjector, FaultSpec, SandboxConfig

FAST = RetryPolicy(backoff_base=0.01, backoff_cap=0.05, max_retry_after=0.05)


def connect(tenant, app_index: int = 0, policy: RetryPolicy = FAST, **kwargs) -> GraphClient:
    p = tenant.connection_profile(app_index)
    conn = Connection(p["tenant_id"], p["client_id"], login_url=p["login_url"], graph_url=p["graph_url"],
                      ca_bundle=p["ca_bundle"])
    return GraphClient(conn, TokenProvider(conn, p["client_secret"]), policy=policy, **kwargs)


def faults_in_order(pattern: list[str | None], **probabilities: float) -> FaultSpec:
    """A seeded FaultSpec whose first Graph requests get exactly `pattern` (sandbox draws are seeded)."""
    for seed in range(20000):
        spec = FaultSpec(seed=seed, **probabilities)
        injector = FaultInjector(SandboxConfig(faults=spec))
        if [injector.decide().fault for _ in pattern] == pattern:
            return spec
    raise AssertionError(f"no seed gives {pattern}")


def graph_calls(tenant, path_part: str = "/v1.0/") -> list[dict]:
    return [e for e in tenant.audit() if path_part in e["path"]]


def test_paging_follows_next_link_verbatim(sandbox):
    graph = connect(sandbox)
    pages = list(graph.iter_pages("/users", {"$select": "id", "$top": "7"}))
    assert [len(p) for p in pages] == [7] * 8 + [4]
    assert [u["id"] for p in pages for u in p] == list(sandbox.users)
    calls = graph_calls(sandbox, "/v1.0/users")
    assert len(calls) == 9 and "$skiptoken" not in calls[0]["query"]
    assert all("$skiptoken=" in c["query"] for c in calls[1:])


def test_429_waits_exactly_retry_after_and_tells_the_ui(sandbox):
    sandbox.config.faults = faults_in_order(["429", None], p429=0.5)
    seen: list[tuple[float, str | None]] = []
    graph = connect(sandbox, policy=RetryPolicy(), on_throttle=lambda s, scope: seen.append((s, scope)))
    started = time.monotonic()
    assert graph.get("/users", {"$select": "id", "$top": "1"})["value"]
    assert time.monotonic() - started >= 1.0  # the sandbox's Retry-After is 1 s
    assert seen and seen[0][0] == 1.0 and seen[0][1] and sandbox.tenant_id in seen[0][1]
    assert [c["status"] for c in graph_calls(sandbox)] == [429, 200]


def test_retry_after_is_capped_and_5xx_and_drops_are_retried_for_reads(sandbox):
    sandbox.config.faults = faults_in_order(["429", "503", "504", "drop", None], p429=0.2, p503=0.2,
                                            p504=0.2, drop=0.2)
    throttles = []
    graph = connect(sandbox, on_throttle=lambda s, scope: throttles.append(s))
    assert len(graph.get("/users", {"$select": "id", "$top": "5"})["value"]) == 5
    calls = graph_calls(sandbox)
    assert [c["fault"] for c in calls] == ["429", "503", "504", "drop", None]
    assert throttles == [0.05]  # capped by the policy


def test_reads_give_up_after_max_attempts(sandbox):
    sandbox.config.faults = FaultSpec(p504=1.0)
    graph = connect(sandbox, policy=RetryPolicy(max_attempts=3, backoff_base=0.01))
    resp = graph.request("GET", "/users", params={"$top": "1"})
    assert resp.status_code == 504 and len(graph_calls(sandbox)) == 3
    with pytest.raises(GraphError) as info:
        graph.get("/users")
    assert info.value.status == 504 and info.value.code == "UnknownError"


def _batch_body(user_id: str) -> dict:
    return {"requests": [{"id": "1", "method": "GET", "url": f"/users/{user_id}?$select=id"}]}


def test_a_post_whose_connection_dropped_is_not_resent(sandbox):
    user_id = next(iter(sandbox.users))
    sandbox.config.faults = faults_in_order(["drop", None], drop=0.5)
    graph = connect(sandbox)
    with pytest.raises(AmbiguousOutcome) as info:
        graph.request("POST", "/$batch", json=_batch_body(user_id))
    assert info.value.sent and info.value.code == "ambiguous_outcome"
    assert [c["method"] for c in graph_calls(sandbox, "$batch")] == ["POST"]


def test_a_post_is_retried_on_503_and_429_but_a_504_is_handed_back(sandbox):
    user_id = next(iter(sandbox.users))
    # Draws: outer 503, outer 429, outer ok, the inner GET ok, then the second POST's outer 504.
    sandbox.config.faults = faults_in_order(["503", "429", None, None, "504"], p503=0.3, p429=0.3, p504=0.3)
    graph = connect(sandbox)
    resp = graph.request("POST", "/$batch", json=_batch_body(user_id))
    assert resp.status_code == 200 and resp.json()["responses"][0]["status"] == 200
    assert graph.request("POST", "/$batch", json=_batch_body(user_id)).status_code == 504
    assert [c["status"] for c in graph_calls(sandbox, "$batch")] == [503, 429, 200, 504]


def test_retry_unsafe_opts_a_post_into_retrying_drops(sandbox):
    user_id = next(iter(sandbox.users))
    sandbox.config.faults = faults_in_order(["drop", None], drop=0.5)
    graph = connect(sandbox)
    resp = graph.request("POST", "/$batch", json=_batch_body(user_id), retry_unsafe=True)
    assert resp.status_code == 200 and len(graph_calls(sandbox, "$batch")) == 2


def test_short_lived_tokens_are_fetched_again_for_every_call(sandbox_factory):
    tenant = sandbox_factory(config=SandboxConfig(token_lifetime_s=2))
    graph = connect(tenant)
    for _ in range(4):
        graph.get("/users", {"$select": "id", "$top": "1"})
    token_posts = [e for e in tenant.audit() if e["path"].endswith("/oauth2/v2.0/token")]
    assert len(token_posts) == 4 and graph.tokens.tokens_fetched == 4
    assert all(e["status"] == 200 for e in graph_calls(tenant))


def test_a_401_drops_the_cached_token_and_retries_once(sandbox_factory):
    now = [time.time()]
    tenant = sandbox_factory(clock=lambda: now[0])
    graph = connect(tenant)
    graph.get("/users", {"$select": "id", "$top": "1"})
    now[0] += 7200  # the sandbox now sees MSAL's cached token as expired
    graph.get("/users", {"$select": "id", "$top": "1"})
    trail = [(e["method"], e["status"]) for e in tenant.audit() if "openid" not in e["path"]]
    assert trail == [("POST", 200), ("GET", 200), ("GET", 401), ("POST", 200), ("GET", 200)]
    assert graph.tokens.tokens_fetched == 2


def test_cancel_interrupts_a_retry_after_wait(sandbox):
    sandbox.config.faults = faults_in_order(["429", None], p429=0.5)
    sandbox.config.fault_retry_after_s = 60  # a long wait: only a working cancel ends the call soon
    cancel = threading.Event()
    graph = connect(sandbox, policy=RetryPolicy(), cancel=cancel, on_throttle=lambda s, scope: cancel.set())
    started = time.monotonic()
    with pytest.raises(Cancelled):
        graph.get("/users")
    assert time.monotonic() - started < 30 and len(graph_calls(sandbox)) == 1


def test_graph_errors_carry_code_message_and_request_id(sandbox):
    graph = connect(sandbox)
    with pytest.raises(GraphError) as info:
        graph.get("/users/00000000-0000-4000-8000-000000000000")
    assert info.value.status == 404 and info.value.code == "Request_ResourceNotFound"
    assert info.value.message and info.value.request_id
    denied = connect(sandbox, app_index=1)  # the sandbox's second app has no consent
    with pytest.raises(GraphError) as info:
        denied.get("/users")
    assert (info.value.status, info.value.code) == (403, "Authorization_RequestDenied")


def test_the_token_never_goes_to_another_host(sandbox):
    graph = connect(sandbox)
    with pytest.raises(GraphError) as info:
        graph.get("https://evil.example/v1.0/users?$skiptoken=x")
    assert info.value.code == "foreign_url" and graph_calls(sandbox) == []
    assert graph.url_for("users") == f"{sandbox.url}/v1.0/users"
    assert graph.url_for("/beta/users") == f"{sandbox.url}/beta/users"


def test_a_failed_token_refresh_is_retried_like_a_network_error(sandbox_factory):
    tenant = sandbox_factory(config=SandboxConfig(faults_on_login=True))
    # Draws: discovery ok, token 503, token retry ok, the GET ok.
    tenant.config.faults = faults_in_order([None, "503", None, None], p503=0.5)
    graph = connect(tenant, policy=RetryPolicy(backoff_base=0.01, login_retry_wait=1.1))
    assert graph.get("/users", {"$select": "id", "$top": "1"})["value"]
    assert [(e["method"], e["status"]) for e in tenant.audit() if "openid" not in e["path"]] == \
        [("POST", 503), ("POST", 200), ("GET", 200)]


def test_a_refused_secret_is_not_retried(sandbox):
    from core.graph.auth import AuthError

    p = sandbox.connection_profile()
    conn = Connection(p["tenant_id"], p["client_id"], login_url=p["login_url"], graph_url=p["graph_url"],
                      ca_bundle=p["ca_bundle"])
    graph = GraphClient(conn, TokenProvider(conn, "not-the-secret"), policy=FAST)
    with pytest.raises(AuthError) as info:
        graph.get("/users")
    assert info.value.code.value == "secret_invalid"
    assert len([e for e in sandbox.audit() if e["path"].endswith("/token")]) == 1


def test_graph_error_from_an_inner_batch_body():
    body = {"error": {"code": "Request_BadRequest", "message": "Another object with the same value for "
                      "property onPremisesImmutableId already exists.",
                      "details": [{"code": "ObjectConflict", "target": "onPremisesImmutableId"}],
                      "innerError": {"request-id": "inner-id"}}}
    error = GraphError.from_body(400, body, {"Request-Id": "outer-id"})
    assert (error.status, error.code, error.inner_code, error.request_id) == \
        (400, "Request_BadRequest", "ObjectConflict", "outer-id")
    assert GraphError.from_body(502, "not json").code == "http_502"


def test_hand_back_returns_a_503_at_once_with_its_retry_after(sandbox):
    user_id = next(iter(sandbox.users))
    sandbox.config.faults = faults_in_order(["503", None, None], p503=0.3)
    sandbox.config.fault_retry_after_s = 7
    graph = connect(sandbox, policy=RetryPolicy())  # would wait 7 s before retrying, were it not handed back
    resp = graph.request("POST", "/$batch", json=_batch_body(user_id), hand_back=(503,))
    assert resp.status_code == 503 and GraphError.from_response(resp).retry_after == 7.0
    assert [c["status"] for c in graph_calls(sandbox, "$batch")] == [503]  # not retried
    assert graph.request("POST", "/$batch", json=_batch_body(user_id), hand_back=(503,)).status_code == 200
