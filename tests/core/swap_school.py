"""A school with a federated domain, for the UPN-swap tests (issue 10 §1): users in the federated domain with
ready values, an admin there, and an app that may read the domains (the swap needs the initial domain)."""

from __future__ import annotations

import json
from pathlib import Path

from core.graph.auth import TokenProvider
from core.graph.client import GraphClient
from core.graph.connection import Connection
from core.planning.plan import Scope, build_plan
from core.source.sources import AttributeSource
from core.tenant.directory import initial_domain, list_domains, list_users

INITIAL = "nordskolan.onmicrosoft.com"
FED = "fed.example"
APP = {"clientId": "5a3c8e2f-1b7d-4c9e-a0f4-6d2b8e1c3a57", "secret": "swap-test-secret-1",
       "roles": ["User.ReadWrite.All", "Domain.Read.All"]}


def uid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def user(n: int, upn: str, **kw) -> dict:
    base = {"id": uid(n), "displayName": f"Elev {n}", "userPrincipalName": upn, "mail": upn,
            "employeeId": f"E-{n}", "userType": "Member", "accountEnabled": True, "onPremisesImmutableId": None,
            "onPremisesSyncEnabled": None, "privilegedRole": False}
    base.update(kw)
    return base


def seed(tmp_path: Path, federated: int = 4, managed: int = 2, extra: list | None = None) -> Path:
    """Users 1..managed in school.example; 100+i in fed.example (mail in school.example, so a moved mail
    would show); `extra` users as given."""
    users = [user(n, f"elev{n}@school.example") for n in range(1, managed + 1)]
    users += [user(100 + i, f"f{i}@{FED}", mail=f"f{i}@school.example") for i in range(federated)]
    users += extra or []
    data = {"tenant": {"initialDomain": INITIAL},
            "domains": [{"id": "school.example", "authenticationType": "Managed"},
                        {"id": FED, "authenticationType": "Federated"}],
            "apps": [APP], "users": users}
    path = tmp_path / "swap-seed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def connect(tenant) -> GraphClient:
    profile = tenant.connection_profile()
    conn = Connection.from_profile_dict(profile)
    return GraphClient(conn, TokenProvider(conn, profile["client_secret"]))


def plan(graph: GraphClient):
    domains = list_domains(graph)
    return build_plan(list_users(graph), AttributeSource("employeeId"), "none", Scope(),
                      federated_domains=[d.name for d in domains if d.federated],
                      initial_domain=initial_domain(domains))


def patch_bodies(tenant) -> list[tuple[str, dict, int]]:
    """(user id, body, status) of every PATCH the sandbox saw, in order."""
    return [(e["path"].rsplit("/", 1)[1], e["body"], e["status"]) for e in tenant.audit() if e["method"] == "PATCH"]


def assert_only_swap_properties(tenant, swapped: set[str]) -> None:
    """Issue 10's proof: no property but userPrincipalName and onPremisesImmutableId was ever sent, and
    userPrincipalName only for the users the run swapped."""
    for oid, body, _status in patch_bodies(tenant):
        assert set(body) <= {"userPrincipalName", "onPremisesImmutableId"}, body
        if "userPrincipalName" in body:
            assert oid in swapped, (oid, body)


def nobody_parked(tenant) -> None:
    parked = [u["userPrincipalName"] for u in tenant.users.values()
              if u["userPrincipalName"].endswith(INITIAL) and u["id"].startswith("00000000-0000-4000-8000-0000000001")]
    assert parked == [], parked
