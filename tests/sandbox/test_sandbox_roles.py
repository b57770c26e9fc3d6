"""Directory roles (graph-facts §12): roleAssignments with $expand=principal, group members, the seed keys."""

from __future__ import annotations

import json

import pytest
from sandbox_helpers import Graph, token_for

from core.sandbox.data import SeedError, load_seed

GA = "62e90394-69f5-4237-9190-012177145e10"
UA = "fe930be7-5e62-47db-91af-98c3a49a38b1"
GROUP = "0b9d5c3e-0000-4000-8000-00000000aaaa"


def _user(n: int, **extra) -> dict:
    return {"id": f"00000000-0000-4000-8000-{n:012d}", "displayName": f"User {n}",
            "userPrincipalName": f"user{n}@school.example", **extra}


def _seed(tmp_path, **extra):
    seed = {"users": [_user(1, privilegedRole=True), _user(2), _user(3), _user(4)],
            "groups": [{"id": GROUP, "displayName": "IT admins", "isAssignableToRole": True,
                        "members": ["user3@school.example"]}],
            "roleAssignments": [{"role": "User Administrator", "principal": GROUP},
                                {"role": "Global Administrator", "principal": _user(2)["id"]}], **extra}
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(seed), encoding="utf-8")
    return path


@pytest.fixture
def roles_tenant(sandbox_factory, tmp_path):
    tenant = sandbox_factory(seed_path=_seed(tmp_path))
    tenant.set_app_roles(tenant.apps[0]["clientId"], ["User.ReadWrite.All", "RoleManagement.Read.Directory",
                                                      "GroupMember.Read.All"])
    return tenant


def test_role_assignments_expand_users_and_groups(roles_tenant):
    graph = Graph(roles_tenant, token_for(roles_tenant))
    body = graph.get("/roleManagement/directory/roleAssignments?$expand=principal").json()
    got = {(a["roleDefinitionId"], a["principal"]["@odata.type"], a["principal"]["id"]) for a in body["value"]}
    assert got == {(UA, "#microsoft.graph.group", GROUP), (GA, "#microsoft.graph.user", _user(2)["id"]),
                   (GA, "#microsoft.graph.user", _user(1)["id"])}  # privilegedRole: an assignment of GA
    assert all(a["directoryScopeId"] == "/" and a["principalId"] == a["principal"]["id"] for a in body["value"])
    members = graph.get(f"/groups/{GROUP}/members").json()["value"]
    assert [(m["@odata.type"], m["userPrincipalName"]) for m in members] == [
        ("#microsoft.graph.user", "user3@school.example")]
    assert "principal" not in graph.get("/roleManagement/directory/roleAssignments").json()["value"][0]
    assert len(body["value"]) == 3  # the group's member got no assignment of its own


def test_role_assignments_page(roles_tenant):
    graph = Graph(roles_tenant, token_for(roles_tenant))
    first = graph.get("/roleManagement/directory/roleAssignments?$expand=principal&$top=2").json()
    assert len(first["value"]) == 2 and "$skiptoken=" in first["@odata.nextLink"]
    second = graph.get(first["@odata.nextLink"]).json()
    assert len(second["value"]) == 1 and "@odata.nextLink" not in second
    ids = {a["id"] for a in first["value"] + second["value"]}
    assert len(ids) == 3
    tampered = first["@odata.nextLink"][:-3] + "xyz"
    assert graph.get(tampered).status_code == 400


def test_permissions_for_roles_and_members(roles_tenant):
    roles_tenant.set_app_roles(roles_tenant.apps[0]["clientId"], ["User.ReadWrite.All"])
    graph = Graph(roles_tenant, token_for(roles_tenant))
    for path in ("/roleManagement/directory/roleAssignments?$expand=principal", f"/groups/{GROUP}/members"):
        resp = graph.get(path)
        assert resp.status_code == 403 and resp.json()["error"]["code"] == "Authorization_RequestDenied"


def test_group_members_and_direct_holders_answer_403(roles_tenant):
    graph = Graph(roles_tenant, token_for(roles_tenant))
    for n in (1, 2, 3):
        uid = _user(n)["id"]
        assert graph.patch(f"/users/{uid}", {"onPremisesImmutableId": f"v{n}"}).status_code == 403
        assert roles_tenant.users[uid]["onPremisesImmutableId"] is None
    assert graph.patch(f"/users/{_user(4)['id']}", {"onPremisesImmutableId": "v4"}).status_code == 204


def test_seed_role_problems_are_listed(tmp_path):
    path = _seed(tmp_path, roleAssignments=[{"role": "Nope", "principal": "nobody@school.example"}],
                 groups=[{"id": GROUP, "members": ["ghost@school.example"]}])
    with pytest.raises(SeedError) as err:
        load_seed(path)
    text = "\n".join(err.value.problems)
    assert "roleAssignments[0].role" in text and "roleAssignments[0].principal" in text
    assert "groups[0].members" in text


def test_every_seed_has_an_initial_onmicrosoft_domain(tmp_path):
    directory = load_seed(_seed(tmp_path))
    initial = [d["id"] for d in directory.domains if d["isInitial"]]
    assert len(initial) == 1 and initial[0].endswith(".onmicrosoft.com")


def test_a_seed_may_declare_its_initial_domain(tmp_path, sandbox_factory):
    path = tmp_path / "seed.json"
    path.write_text(json.dumps({"tenant": {"initialDomain": "Skolan.onmicrosoft.com"},
                                "users": [_user(1), _user(2)]}), encoding="utf-8")
    tenant = sandbox_factory(seed_path=path)
    assert [d["id"] for d in tenant.directory.domains if d["isInitial"]] == ["skolan.onmicrosoft.com"]
    graph = Graph(tenant, token_for(tenant))
    assert graph.patch(f"/users/{_user(1)['id']}", {"userPrincipalName": "user1@skolan.onmicrosoft.com"}
                       ).status_code == 204
    path.write_text(json.dumps({"tenant": {"initialDomain": "skolan.example"}, "users": [_user(1)]}),
                    encoding="utf-8")
    with pytest.raises(SeedError, match="initialDomain"):
        load_seed(path)


def test_an_assignment_made_at_run_time_protects_its_holders(roles_tenant):
    from core.sandbox.graph import roles as graph_roles

    graph = Graph(roles_tenant, token_for(roles_tenant))
    group = "0b9d5c3e-0000-4000-8000-00000000cccc"
    roles_tenant.directory.groups[group] = {"id": group, "displayName": "Late", "isAssignableToRole": True,
                                            "members": [_user(4)["id"]]}
    graph_roles.add_assignment(roles_tenant.directory, group, GA)
    assert graph.patch(f"/users/{_user(4)['id']}", {"onPremisesImmutableId": "late"}).status_code == 403


def test_group_members_permission_is_one_switch(roles_tenant, monkeypatch):
    """UNCONFIRMED['role_group_members_need_group_read']: flipped, RoleManagement.Read.Directory suffices."""
    from core.sandbox import facts

    roles_tenant.set_app_roles(roles_tenant.apps[0]["clientId"], ["RoleManagement.Read.Directory"])
    graph = Graph(roles_tenant, token_for(roles_tenant))
    assert graph.get(f"/groups/{GROUP}/members").status_code == 403
    monkeypatch.setitem(facts.UNCONFIRMED, "role_group_members_need_group_read", False)
    assert graph.get(f"/groups/{GROUP}/members").status_code == 200
