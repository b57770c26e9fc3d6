"""PATCH rules of graph-facts §11: UPN changes, the federated rule and the swap, clearing, annotations."""

from __future__ import annotations

from sandbox_helpers import pick_user, writable_user, writable_users

ID, UPN = "onPremisesImmutableId", "userPrincipalName"
INITIAL, FEDERATED = "nordskolan.onmicrosoft.com", "fjordskolan.example"


def _error(resp) -> dict:
    return resp.json()["error"]


def _federated_user(sandbox) -> dict:
    return pick_user(sandbox, onPremisesSyncEnabled=None, privilegedRole=False, userType="Member",
                     userPrincipalName=lambda u: u.endswith("@" + FEDERATED), **{ID: None})


def test_upn_change_to_the_initial_domain_and_back(graph, sandbox):
    user = writable_user(sandbox)
    alias, home = user[UPN].split("@")
    assert graph.patch(f"/users/{user['id']}", {UPN: f"{alias}@{INITIAL}"}).status_code == 204
    assert sandbox.users[user["id"]][UPN] == f"{alias}@{INITIAL}"
    assert graph.get(f"/users/{alias}@{INITIAL}").json()["id"] == user["id"]  # the index follows
    assert graph.get(f"/users/{alias}@{home}").status_code == 404
    assert graph.patch(f"/users/{user['id']}", {UPN: f"{alias}@{home}"}).status_code == 204
    assert sandbox.users[user["id"]][UPN] == f"{alias}@{home}"


def test_a_taken_upn_is_an_object_conflict(graph, sandbox):
    first, second = writable_users(sandbox, 2)
    resp = graph.patch(f"/users/{first['id']}", {UPN: second[UPN].upper(), ID: "not-set"})
    assert resp.status_code == 400
    assert _error(resp)["details"] == [{"code": "ObjectConflict", "target": UPN, "message":
                                        "Another object with the same value for property userPrincipalName "
                                        "already exists."}]
    assert sandbox.users[first["id"]][UPN] == first[UPN] and sandbox.users[first["id"]][ID] is None


def test_upn_domain_must_be_verified(graph, sandbox):
    user = writable_user(sandbox)
    for bad in ("x@unknown.example", "no-at-sign", "@nordskolan.example", 5):
        resp = graph.patch(f"/users/{user['id']}", {UPN: bad})
        assert resp.status_code == 400, bad
    assert "verified domain" in _error(graph.patch(f"/users/{user['id']}", {UPN: "x@unknown.example"}))["message"]
    assert sandbox.users[user["id"]][UPN] == user[UPN]


def test_admins_answer_403_to_a_upn_change(graph, sandbox):
    admin = pick_user(sandbox, privilegedRole=True)
    resp = graph.patch(f"/users/{admin['id']}", {UPN: "moved@" + INITIAL})
    assert resp.status_code == 403 and _error(resp)["code"] == "Authorization_RequestDenied"
    assert sandbox.users[admin["id"]][UPN] == admin[UPN]


def test_federated_user_gets_a_value_only_with_a_upn_move(graph, sandbox):
    user = _federated_user(sandbox)
    alias = user[UPN].split("@")[0]
    direct = graph.patch(f"/users/{user['id']}", {ID: "fed-1"})
    assert direct.status_code == 400 and "SourceAnchor" in _error(direct)["message"]
    assert graph.patch(f"/users/{user['id']}", {UPN: f"{alias}@{INITIAL}", ID: "fed-1"}).status_code == 204
    assert sandbox.users[user["id"]][ID] == "fed-1" and sandbox.users[user["id"]][UPN].endswith(INITIAL)


def test_the_swap_two_steps(graph, sandbox):
    """§11: step 1 moves the UPN out; step 2 moves it back INTO the federated domain with the value."""
    user = _federated_user(sandbox)
    original = user[UPN]
    alias = original.split("@")[0]
    assert graph.patch(f"/users/{user['id']}", {UPN: f"{alias}@{INITIAL}"}).status_code == 204
    assert graph.patch(f"/users/{user['id']}", {UPN: original, ID: "swapped"}).status_code == 204
    assert sandbox.users[user["id"]][UPN] == original and sandbox.users[user["id"]][ID] == "swapped"


def test_clearing_null_managed_ok_federated_refused(graph, sandbox):
    user = writable_user(sandbox)
    graph.patch(f"/users/{user['id']}", {ID: "to-clear"})
    assert graph.patch(f"/users/{user['id']}", {ID: None}).status_code == 204
    assert sandbox.users[user["id"]][ID] is None
    fed = _federated_user(sandbox)
    sandbox.users[fed["id"]][ID] = "held"  # as if set before the domain was federated
    resp = graph.patch(f"/users/{fed['id']}", {ID: None})
    assert resp.status_code == 400 and "federated" in _error(resp)["message"]
    assert sandbox.users[fed["id"]][ID] == "held"


def test_empty_string_is_accepted_and_the_value_stays(graph, sandbox):
    user = writable_user(sandbox)
    graph.patch(f"/users/{user['id']}", {ID: "kept"})
    assert graph.patch(f"/users/{user['id']}", {ID: ""}).status_code == 204  # UNCONFIRMED: 204, stays
    assert sandbox.users[user["id"]][ID] == "kept"


def test_odata_annotations_are_ignored_and_the_audit_keeps_the_body_as_sent(graph, sandbox):
    """The exact body Microsoft's Graph SDK for Python sends for a `User` (msgraph-sdk is not installed)."""
    user = writable_user(sandbox)
    body = {"@odata.type": "#microsoft.graph.user", ID: "sdk-value"}
    assert graph.patch(f"/users/{user['id']}", body).status_code == 204
    assert sandbox.users[user["id"]][ID] == "sdk-value"
    only_type = {"@odata.type": "#microsoft.graph.user", "@odata.etag": "W/1"}
    assert graph.patch(f"/users/{user['id']}", only_type).status_code == 204
    patches = [e["body"] for e in sandbox.audit() if e["method"] == "PATCH"]
    assert patches == [body, only_type]
    assert graph.patch(f"/users/{user['id']}", {"@odata.type": "#microsoft.graph.user",
                                                "mail": "x@y"}).status_code == 400


def test_upn_and_value_in_a_batch(graph, sandbox):
    user = _federated_user(sandbox)
    alias = user[UPN].split("@")[0]
    headers = {"Content-Type": "application/json"}
    resp = graph.batch([{"id": "1", "method": "PATCH", "url": f"/users/{user['id']}", "headers": headers,
                         "body": {"@odata.type": "#microsoft.graph.user", UPN: f"{alias}@{INITIAL}"}}])
    assert [r["status"] for r in resp.json()["responses"]] == [204]
    resp = graph.batch([{"id": "1", "method": "PATCH", "url": f"/users/{user['id']}", "headers": headers,
                         "body": {UPN: user[UPN], ID: "in-batch"}}])
    assert [r["status"] for r in resp.json()["responses"]] == [204]
    assert sandbox.users[user["id"]][ID] == "in-batch" and sandbox.users[user["id"]][UPN] == user[UPN]
    sent = [e["body"] for e in sandbox.audit() if e["method"] == "PATCH" and e["in_batch"]]
    assert sent[-1] == {UPN: user[UPN], ID: "in-batch"}


def test_empty_string_switch_refuses_it(graph, sandbox, monkeypatch):
    from core.sandbox import facts

    monkeypatch.setitem(facts.UNCONFIRMED, "empty_string_status", 400)
    user = writable_user(sandbox)
    graph.patch(f"/users/{user['id']}", {ID: "kept"})
    assert graph.patch(f"/users/{user['id']}", {ID: ""}).status_code == 400
    assert sandbox.users[user["id"]][ID] == "kept"
