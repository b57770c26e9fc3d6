"""Listing users like Graph (graph-facts §2): paging, $select, $top limits, nextLink, refused queries."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from sandbox_helpers import pick_user


def _all_pages(graph, url: str) -> tuple[list[dict], int]:
    users, pages = [], 0
    while url:
        resp = graph.get(url)
        assert resp.status_code == 200, resp.text
        body = resp.json()
        users.extend(body["value"])
        pages += 1
        url = body.get("@odata.nextLink")
    return users, pages


def test_pages_through_everyone_in_a_stable_order(graph, sandbox):
    users, pages = _all_pages(graph, "/users?$select=id,userPrincipalName&$top=7")
    assert pages == 9  # 60 users, 7 per page
    assert [u["id"] for u in users] == list(sandbox.users)
    again, _ = _all_pages(graph, "/users?$select=id,userPrincipalName&$top=7")
    assert again == users


def test_default_page_size_is_100(sandbox_factory):
    from sandbox_helpers import Graph, token_for

    tenant = sandbox_factory(users=250)
    graph = Graph(tenant, token_for(tenant))
    body = graph.get("/users").json()
    assert len(body["value"]) == 100 and "@odata.nextLink" in body
    users, pages = _all_pages(graph, "/users?$top=999")
    assert pages == 1 and len(users) == 250


def test_select_returns_only_selected_properties(graph, sandbox):
    body = graph.get("/users?$select=id,onPremisesImmutableId,employeeId&$top=5").json()
    assert all(set(u) == {"id", "onPremisesImmutableId", "employeeId"} for u in body["value"])
    assert body["@odata.context"].endswith("$metadata#users(id,onPremisesImmutableId,employeeId)")
    first = sandbox.users[body["value"][0]["id"]]
    assert body["value"][0]["onPremisesImmutableId"] == first["onPremisesImmutableId"]


def test_immutable_id_only_when_selected(graph):
    user = graph.get("/users?$top=3").json()["value"][0]
    assert "onPremisesImmutableId" not in user and "privilegedRole" not in user
    assert {"id", "displayName", "userPrincipalName", "mail", "businessPhones"} <= set(user)


def test_nordic_names_come_back_as_utf8(graph, sandbox):
    names = [u["displayName"] for u in graph.get("/users?$select=displayName&$top=999").json()["value"]]
    assert names == [u["displayName"] for u in sandbox.users.values()]
    assert any(ch in "".join(names) for ch in "åäöÅÄÖ")


@pytest.mark.parametrize("query", ["$top=1000", "$top=0", "$top=abc", "$select=id,nosuchprop",
                                   "$skip=10", "$skiptoken=forged", "$orderby=displayName"])
def test_bad_listing_queries_get_400(graph, query):
    resp = graph.get(f"/users?{query}")
    assert resp.status_code == 400
    error = resp.json()["error"]
    assert error["code"] == "Request_BadRequest"
    assert error["innerError"]["request-id"] == resp.headers["request-id"]


def test_filter_on_immutable_id_null_is_refused_like_graph(graph, sandbox):
    resp = graph.get("/users?$filter=" + quote("onPremisesImmutableId eq null"))
    assert resp.status_code == 400
    assert resp.json()["error"]["code"] == "Request_UnsupportedQuery"
    assert "onPremisesImmutableId" in resp.json()["error"]["message"]


def test_filter_eq_value_finds_the_owner(graph, sandbox):
    owner = pick_user(sandbox, onPremisesImmutableId=lambda v: v is not None)
    clause = quote(f"onPremisesImmutableId eq '{owner['onPremisesImmutableId']}'")
    body = graph.get(f"/users?$select=id&$filter={clause}").json()
    assert body["value"] == [{"id": owner["id"]}]


def test_skiptoken_is_bound_to_its_query(graph):
    link = graph.get("/users?$select=id&$top=5").json()["@odata.nextLink"]
    token = link.split("$skiptoken=")[1]
    assert graph.get(f"/users?$select=id&$top=5&$skiptoken={token}").status_code == 200
    assert graph.get(f"/users?$select=displayName&$top=5&$skiptoken={token}").status_code == 400


def test_count_needs_consistency_level(graph, sandbox):
    assert graph.get("/users?$select=id&$top=1&$count=true").status_code == 400
    resp = graph.get("/users?$select=id&$top=1&$count=true", headers={"ConsistencyLevel": "eventual"})
    assert resp.json()["@odata.count"] == len(sandbox.users)


def test_get_one_user_by_id_or_upn(graph, sandbox):
    guest = pick_user(sandbox, userType="Guest")
    by_upn = graph.get("/users/" + quote(guest["userPrincipalName"]) + "?$select=id,userType")
    assert by_upn.status_code == 200 and by_upn.json()["id"] == guest["id"]
    by_id = graph.get(f"/users/{guest['id']}?$select=onPremisesImmutableId").json()
    assert by_id["onPremisesImmutableId"] == guest["onPremisesImmutableId"]
    missing = graph.get("/users/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "Request_ResourceNotFound"


def test_read_costs_resource_units(graph):
    assert graph.get("/users?$select=id").headers["x-ms-resource-unit"] == "1"
    assert graph.get("/users").headers["x-ms-resource-unit"] == "2"


def test_unknown_segment(graph):
    resp = graph.get("/groups")
    assert resp.status_code == 400 and resp.json()["error"]["code"] == "BadRequest"


def test_background_prewarm_never_serves_a_stale_value(sandbox_factory, monkeypatch):
    from sandbox_helpers import Graph, token_for, writable_users

    from core.sandbox import tenant as tenant_module

    monkeypatch.setattr(tenant_module, "PREWARM_MIN_USERS", 10)
    tenant = sandbox_factory(users=3000)
    graph = Graph(tenant, token_for(tenant))
    query = "/users?$select=id,onPremisesImmutableId&$top=999"
    assert graph.get(query).status_code == 200  # starts the background serialisation of all 3,000
    changed = writable_users(tenant, 40)[-1]
    assert graph.patch(f"/users/{changed['id']}", {"onPremisesImmutableId": "after-warm"}).status_code == 204
    users, _ = _all_pages(graph, query)
    assert {u["id"]: u["onPremisesImmutableId"] for u in users}[changed["id"]] == "after-warm"
    assert users == [{"id": uid, "onPremisesImmutableId": u["onPremisesImmutableId"]}
                     for uid, u in tenant.users.items()]
