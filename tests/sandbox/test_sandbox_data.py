"""Seed files (contracts.md) and the synthetic school."""

from __future__ import annotations

import json

import pytest

from core.sandbox import SandboxTenant, SeedError
from core.sandbox.data import load_seed
from core.sandbox.synthetic import synthetic

SEED = {
    "tenant": {"id": "0b8f6c2e-5d1a-4f3b-9c7e-2a4d6e8f0a1b", "displayName": "Example School", "size": "L"},
    "domains": [{"id": "school.example", "authenticationType": "Managed"},
                {"id": "fed.example", "authenticationType": "Federated"}],
    "apps": [{"clientId": "7d9e1f3a-2b4c-4d6e-8f0a-1b3c5d7e9f2a", "secret": "s3cret",
              "roles": ["User.ReadWrite.All"], "secretExpires": "2099-01-01T00:00:00Z"}],
    "users": [{"id": "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d", "displayName": "Åsa Öberg",
               "userPrincipalName": "asa.oberg@school.example", "mail": "asa.oberg@school.example",
               "employeeId": "19001", "userType": "Member", "accountEnabled": True,
               "onPremisesImmutableId": None, "onPremisesSyncEnabled": None, "privilegedRole": False}],
}


def _write(tmp_path, data) -> str:
    path = tmp_path / "seed.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_contract_seed_loads(tmp_path):
    directory = load_seed(_write(tmp_path, SEED))
    assert directory.tenant_id == SEED["tenant"]["id"] and directory.size == "L"
    assert directory.federated_domains() == {"fed.example"}
    assert directory.apps[0].roles == ["User.ReadWrite.All"]
    assert directory.users["1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d"]["displayName"] == "Åsa Öberg"


def test_minimal_seed_gets_defaults(tmp_path):
    directory = load_seed(_write(tmp_path, {"users": SEED["users"]}))
    assert [d["id"] for d in directory.domains if d["authenticationType"] == "Managed"][0] == "school.example"
    assert directory.apps[0].roles == ["User.ReadWrite.All"] and directory.size == "S"
    assert load_seed(_write(tmp_path, {"users": SEED["users"]})).tenant_id == directory.tenant_id


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda s: s["users"][0].update(id="nope"), "users[0].id: 'nope' is not a GUID"),
    (lambda s: s["users"][0].update(userPrincipalName="x@other.example"), "not in 'domains'"),
    (lambda s: s["users"].append(dict(s["users"][0])), "appears twice"),
    (lambda s: s["users"][0].update(accountEnabled="yes"), "users[0].accountEnabled: wrong type"),
    (lambda s: s["tenant"].update(size="XL"), "tenant.size"),
    (lambda s: s["apps"][0].update(secretExpires="soon"), "apps[0].secretExpires"),
    (lambda s: s["domains"][1].update(authenticationType="Fed"), "Managed or Federated"),
    (lambda s: s.pop("users"), "'users' is missing"),
])
def test_bad_seed_names_what_is_wrong(tmp_path, mutate, message):
    seed = json.loads(json.dumps(SEED))
    mutate(seed)
    with pytest.raises(SeedError) as info:
        load_seed(_write(tmp_path, seed))
    assert message in str(info.value)


def test_duplicate_immutable_ids_and_broken_json(tmp_path):
    seed = json.loads(json.dumps(SEED))
    twin = dict(seed["users"][0], id="2a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d",
                userPrincipalName="twin@school.example", onPremisesImmutableId="dup")
    seed["users"][0]["onPremisesImmutableId"] = "dup"
    seed["users"].append(twin)
    with pytest.raises(SeedError, match="already used by users"):
        load_seed(_write(tmp_path, seed))
    with pytest.raises(SeedError, match="not valid JSON: .* line 1"):
        load_seed(_write(tmp_path, '{"users": [}'))
    with pytest.raises(SeedError, match="cannot read"):
        load_seed(tmp_path / "missing.json")


def test_synthetic_school_has_every_case_and_is_deterministic():
    school = synthetic(60)
    users = list(school.users.values())
    assert synthetic(60).users == school.users and synthetic(60, seed=2).tenant_id != school.tenant_id
    assert any(u["privilegedRole"] for u in users)
    assert any(u["userType"] == "Guest" and "#EXT#" in u["userPrincipalName"] for u in users)
    assert any(not u["accountEnabled"] for u in users)
    assert any(u["onPremisesSyncEnabled"] and u["onPremisesImmutableId"] for u in users)
    assert any(u["onPremisesImmutableId"] and not u["onPremisesSyncEnabled"] for u in users)
    assert any(u["userPrincipalName"].endswith("@fjordskolan.example") for u in users)
    assert sum(bool(u["employeeId"]) for u in users) > 45
    assert any(c in u["displayName"] for u in users for c in "åäöÅÄÖ")
    assert len({u["userPrincipalName"].lower() for u in users}) == 60
    anchors = [u["onPremisesImmutableId"] for u in users if u["onPremisesImmutableId"]]
    assert len(anchors) == len(set(anchors))
    assert school.apps[0].roles == ["User.ReadWrite.All"] and school.apps[1].roles == []


def test_synthetic_100k_has_unique_names_and_the_stored_fields():
    # Its speed is measured in tests/bench/test_bench_sandbox.py (timings here would be flaky).
    from core.sandbox.data import USER_FIELDS

    school = synthetic(100_000)
    assert len(school.users) == 100_000 and school.size == "L"
    assert len({u["userPrincipalName"] for u in school.users.values()}) == 100_000
    assert all(list(u) == list(USER_FIELDS) for u in school.users.values())


def test_tenant_from_seed_serves_it(tmp_path, sandbox_factory):
    from sandbox_helpers import Graph, token_for

    tenant = sandbox_factory(seed_path=_write(tmp_path, SEED))
    assert isinstance(tenant, SandboxTenant) and tenant.tenant_id == SEED["tenant"]["id"]
    body = Graph(tenant, token_for(tenant)).get("/users?$select=displayName").json()
    assert body["value"] == [{"displayName": "Åsa Öberg"}]
