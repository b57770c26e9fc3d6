"""PATCH /users/{id} follows every rule of graph-facts §1; permissions come from the token's roles."""

from __future__ import annotations

from sandbox_helpers import FakeClock, Graph, pick_user, token_for, writable_user, writable_users

ID = "onPremisesImmutableId"


def _error(resp) -> dict:
    return resp.json()["error"]


def test_set_value_answers_204_and_changes_the_user(graph, sandbox):
    user = writable_user(sandbox)
    resp = graph.patch(f"/users/{user['id']}", {ID: "Zm9vYmFy"})
    assert resp.status_code == 204 and resp.content == b""
    assert sandbox.users[user["id"]][ID] == "Zm9vYmFy"
    listed = graph.get(f"/users/{user['id']}?$select={ID}").json()
    assert listed[ID] == "Zm9vYmFy"
    write = [e for e in sandbox.audit() if e["method"] == "PATCH"]
    assert write == [dict(write[0], path=f"/v1.0/users/{user['id']}", status=204, body={ID: "Zm9vYmFy"},
                          in_batch=False, client_id=sandbox.apps[0]["clientId"], applied=True)]


def test_patch_by_upn(graph, sandbox):
    user = writable_user(sandbox)
    assert graph.patch(f"/users/{user['userPrincipalName']}", {ID: "by-upn"}).status_code == 204
    assert sandbox.users[user["id"]][ID] == "by-upn"


def test_listing_after_a_write_shows_the_new_value(graph, sandbox):
    user = writable_user(sandbox)
    before = {u["id"]: u[ID] for u in graph.get(f"/users?$select=id,{ID}&$top=999").json()["value"]}
    assert before[user["id"]] is None
    graph.patch(f"/users/{user['id']}", {ID: "fresh"})
    after = {u["id"]: u[ID] for u in graph.get(f"/users?$select=id,{ID}&$top=999").json()["value"]}
    assert after[user["id"]] == "fresh"


def test_null_clears(graph, sandbox):
    user = pick_user(sandbox, onPremisesSyncEnabled=None, privilegedRole=False,
                     userPrincipalName=lambda u: u.endswith("@nordskolan.example"), **{ID: lambda v: v is not None})
    assert graph.patch(f"/users/{user['id']}", {ID: None}).status_code == 204
    assert sandbox.users[user["id"]][ID] is None


def test_other_properties_are_refused(graph, sandbox):
    user = writable_user(sandbox)
    resp = graph.patch(f"/users/{user['id']}", {ID: "x1", "displayName": "Mallory"})
    assert resp.status_code == 400 and "displayName" in _error(resp)["message"]
    assert sandbox.users[user["id"]][ID] is None and sandbox.users[user["id"]]["displayName"] != "Mallory"


def test_dollar_and_underscore_are_refused(graph, sandbox):
    user = writable_user(sandbox)
    for bad in ("abc$def", "abc_def"):
        resp = graph.patch(f"/users/{user['id']}", {ID: bad})
        assert resp.status_code == 400 and _error(resp)["code"] == "Request_BadRequest"
    assert sandbox.users[user["id"]][ID] is None


def test_duplicate_value_is_an_object_conflict(graph, sandbox):
    owner = pick_user(sandbox, **{ID: lambda v: v is not None})
    user = writable_user(sandbox)
    resp = graph.patch(f"/users/{user['id']}", {ID: owner[ID]})
    assert resp.status_code == 400
    assert _error(resp)["details"] == [{"code": "ObjectConflict", "target": ID, "message":
                                        "Another object with the same value for property "
                                        "onPremisesImmutableId already exists."}]
    assert sandbox.users[user["id"]][ID] is None


def test_two_users_cannot_take_the_same_new_value(graph, sandbox):
    first, second = writable_users(sandbox, 2)
    assert graph.patch(f"/users/{first['id']}", {ID: "same"}).status_code == 204
    assert graph.patch(f"/users/{second['id']}", {ID: "same"}).status_code == 400
    assert graph.patch(f"/users/{first['id']}", {ID: "same"}).status_code == 204  # its own value: fine


def test_synced_user_cannot_be_changed(graph, sandbox):
    user = pick_user(sandbox, onPremisesSyncEnabled=True)
    resp = graph.patch(f"/users/{user['id']}", {ID: "new-value"})
    assert resp.status_code == 400
    assert _error(resp)["message"].startswith("Unable to update the specified properties for on-premises mastered")


def test_federated_domain_user_cannot_get_a_new_value(graph, sandbox):
    user = pick_user(sandbox, userPrincipalName=lambda u: u.endswith("@fjordskolan.example"), **{ID: None})
    resp = graph.patch(f"/users/{user['id']}", {ID: "new-value"})
    assert resp.status_code == 400 and "SourceAnchor" in _error(resp)["message"]
    assert sandbox.users[user["id"]][ID] is None


def test_privileged_user_needs_more_than_user_readwrite(graph, sandbox):
    admin = pick_user(sandbox, privilegedRole=True)
    resp = graph.patch(f"/users/{admin['id']}", {ID: "admin-value"})
    assert resp.status_code == 403 and _error(resp)["code"] == "Authorization_RequestDenied"
    assert sandbox.users[admin["id"]][ID] is None


def test_unknown_user_404(graph):
    assert graph.patch("/users/00000000-0000-4000-8000-000000000000", {ID: "x"}).status_code == 404


def test_without_consent_reads_and_writes_are_denied(sandbox):
    graph = Graph(sandbox, token_for(sandbox, app_index=1))
    user = writable_user(sandbox)
    for resp in (graph.get("/users"), graph.patch(f"/users/{user['id']}", {ID: "x"})):
        assert resp.status_code == 403 and _error(resp)["code"] == "Authorization_RequestDenied"
        assert _error(resp)["message"] == "Insufficient privileges to complete the operation."


def test_read_only_role_can_list_but_not_write(sandbox):
    sandbox.set_app_roles(sandbox.apps[1]["clientId"], ["User.Read.All"])
    graph = Graph(sandbox, token_for(sandbox, app_index=1))
    user = writable_user(sandbox)
    assert graph.get("/users?$select=id").status_code == 200
    assert graph.patch(f"/users/{user['id']}", {ID: "x"}).status_code == 403
    sandbox.set_app_roles(sandbox.apps[1]["clientId"], ["Directory.ReadWrite.All"])
    graph = Graph(sandbox, token_for(sandbox, app_index=1))
    assert graph.patch(f"/users/{user['id']}", {ID: "x"}).status_code == 204


def test_domains_organization_applications_need_their_own_permissions(graph, sandbox):
    for path in ("/domains", "/organization", f"/applications(appId='{sandbox.apps[0]['clientId']}')"):
        resp = graph.get(path)
        assert resp.status_code == 403 and _error(resp)["code"] == "Authorization_RequestDenied"
    sandbox.set_app_roles(sandbox.apps[0]["clientId"], ["User.ReadWrite.All", "Domain.Read.All",
                                                        "Organization.Read.All", "Application.Read.All"])
    graph = Graph(sandbox, token_for(sandbox))
    domains = {d["id"]: d["authenticationType"] for d in graph.get("/domains").json()["value"]}
    assert domains["fjordskolan.example"] == "Federated" and domains["nordskolan.example"] == "Managed"
    assert graph.get("/organization").json()["value"][0]["id"] == sandbox.tenant_id
    app = graph.get(f"/applications(appId='{sandbox.apps[0]['clientId']}')").json()
    assert app["passwordCredentials"][0]["endDateTime"][:10] == sandbox.apps[0]["secretExpires"][:10]
    by_filter = graph.get("/applications", params={"$filter": f"appId eq '{sandbox.apps[0]['clientId']}'"})
    assert [a["appId"] for a in by_filter.json()["value"]] == [sandbox.apps[0]["clientId"]]


def test_missing_garbage_and_foreign_tokens_get_401(sandbox, sandbox_factory):
    other = sandbox_factory(users=5)
    for token in (None, "garbage", "a.b.c", token_for(other)):
        resp = Graph(sandbox, token).get("/users")
        assert resp.status_code == 401 and _error(resp)["code"] == "InvalidAuthenticationToken"
        assert "WWW-Authenticate" in resp.headers


def test_expired_token_gets_401(sandbox_factory):
    from core.sandbox import SandboxConfig

    clock = FakeClock()
    tenant = sandbox_factory(config=SandboxConfig(token_lifetime_s=30), clock=clock)
    graph = Graph(tenant, token_for(tenant))
    assert graph.get("/users?$select=id").status_code == 200
    clock.advance(31)
    resp = graph.get("/users?$select=id")
    assert resp.status_code == 401 and "expired" in _error(resp)["message"]
    assert Graph(tenant, token_for(tenant)).get("/users?$select=id").status_code == 200
