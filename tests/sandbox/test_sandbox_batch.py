"""JSON batching (graph-facts §3): at most 20, inner statuses, each inner request throttled and audited."""

from __future__ import annotations

from sandbox_helpers import FakeClock, Graph, pick_user, token_for, writable_users

ID = "onPremisesImmutableId"


def _patch(n: int, user_id: str, value) -> dict:
    return {"id": str(n), "method": "PATCH", "url": f"/users/{user_id}",
            "headers": {"Content-Type": "application/json"}, "body": {ID: value}}


def test_inner_requests_get_their_own_status_headers_and_body(graph, sandbox):
    ok_user = writable_users(sandbox, 1)[0]
    synced = pick_user(sandbox, onPremisesSyncEnabled=True)
    resp = graph.batch([_patch(1, ok_user["id"], "b1"), _patch(2, synced["id"], "b2"),
                        {"id": "3", "method": "GET", "url": f"users/{ok_user['id']}?$select=id,{ID}"},
                        _patch(4, ok_user["id"], "bad_value")])
    assert resp.status_code == 200
    by_id = {r["id"]: r for r in resp.json()["responses"]}
    assert by_id["1"]["status"] == 204 and "body" not in by_id["1"]
    assert by_id["2"]["status"] == 400 and by_id["2"]["body"]["error"]["code"] == "Request_BadRequest"
    assert by_id["3"]["status"] == 200 and by_id["3"]["body"][ID] == "b1"
    assert by_id["4"]["status"] == 400
    assert all("Content-Type" in r["headers"] for r in by_id.values())
    assert sandbox.users[ok_user["id"]][ID] == "b1"


def test_more_than_20_requests_are_refused_and_nothing_is_written(graph, sandbox):
    users = writable_users(sandbox, 21)
    resp = graph.batch([_patch(i, u["id"], f"v{i}") for i, u in enumerate(users)])
    assert resp.status_code == 400 and resp.json()["error"]["code"] == "BadRequest"
    assert all(sandbox.users[u["id"]][ID] is None for u in users)
    assert graph.batch([_patch(i, u["id"], f"v{i}") for i, u in enumerate(users[:20])]).status_code == 200
    assert all(sandbox.users[u["id"]][ID] == f"v{i}" for i, u in enumerate(users[:20]))


def test_duplicate_or_missing_ids_are_refused(graph, sandbox):
    user = writable_users(sandbox, 1)[0]
    assert graph.batch([_patch(1, user["id"], "a"), _patch(1, user["id"], "b")]).status_code == 400
    assert graph.batch([{"method": "GET", "url": "/users"}]).status_code == 400
    assert graph.request("POST", "/$batch", json={"nothing": []}).status_code == 400


def test_audit_has_one_entry_per_inner_request(graph, sandbox):
    users = writable_users(sandbox, 3)
    graph.batch([_patch(i, u["id"], f"a{i}") for i, u in enumerate(users)])
    inner = [e for e in sandbox.audit() if e["in_batch"]]
    assert [(e["method"], e["path"], e["status"]) for e in inner] == [
        ("PATCH", f"/v1.0/users/{u['id']}", 204) for u in users]
    outer = [e for e in sandbox.audit() if e["path"] == "/v1.0/$batch"]
    assert len(outer) == 1 and outer[0]["in_batch"] is False


def test_inner_requests_are_throttled_individually(sandbox_factory):
    from core.sandbox import SandboxConfig

    clock = FakeClock()
    tenant = sandbox_factory(config=SandboxConfig(write_limit=5, write_window_s=10), clock=clock)
    graph = Graph(tenant, token_for(tenant))
    users = writable_users(tenant, 8)
    responses = graph.batch([_patch(i, u["id"], f"t{i}") for i, u in enumerate(users)]).json()["responses"]
    statuses = [r["status"] for r in responses]
    assert statuses == [204] * 5 + [429] * 3
    throttled = responses[5]
    assert throttled["headers"]["Retry-After"] == "10"
    assert throttled["headers"]["x-ms-throttle-information"] == "WriteLimitExceeded"
    assert [tenant.users[u["id"]][ID] for u in users[5:]] == [None] * 3  # a refused write is not applied
    clock.advance(10)
    retry = graph.batch([_patch(i, u["id"], f"t{i}") for i, u in enumerate(users[5:], start=5)])
    assert [r["status"] for r in retry.json()["responses"]] == [204] * 3


def test_a_body_without_content_type_fails_the_whole_batch(graph, sandbox):
    user = writable_users(sandbox, 1)[0]
    item = {"id": "1", "method": "PATCH", "url": f"/users/{user['id']}", "body": {ID: "no-type"}}
    resp = graph.batch([item])
    assert resp.status_code == 400 and "Content-Type" in resp.json()["error"]["message"]
    assert sandbox.users[user["id"]][ID] is None
