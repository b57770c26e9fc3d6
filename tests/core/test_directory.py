"""Listing users and domains against the sandbox."""

from __future__ import annotations

import threading

import pytest

from core.graph.auth import TokenProvider
from core.graph.client import Cancelled, GraphClient
from core.graph.connection import Connection
from core.tenant.directory import USER_SELECT, DirectoryUser, list_domains, list_users, upn_domain


def connect(tenant) -> GraphClient:
    p = tenant.connection_profile()
    conn = Connection(p["tenant_id"], p["client_id"], login_url=p["login_url"], graph_url=p["graph_url"],
                      ca_bundle=p["ca_bundle"])
    return GraphClient(conn, TokenProvider(conn, p["client_secret"]))


def test_list_users_maps_every_field_and_reports_progress(sandbox_factory):
    tenant = sandbox_factory(users=2100)
    progress: list[int] = []
    users = list_users(connect(tenant), progress=progress.append)
    assert progress == [999, 1998, 2100]
    assert [u.id for u in users] == list(tenant.users)
    for user in users:
        src = tenant.users[user.id]
        assert user == DirectoryUser(src["id"], src["userPrincipalName"], src["displayName"], src["mail"],
                                     src["employeeId"], src["userType"], src["accountEnabled"],
                                     src["onPremisesImmutableId"], src["onPremisesSyncEnabled"])
    assert any(u.immutable_id for u in users) and any(u.sync_enabled for u in users)
    assert any(u.user_type == "Guest" for u in users)
    calls = [e for e in tenant.audit() if e["path"] == "/v1.0/users"]
    assert len(calls) == 3
    assert "999" in calls[0]["query"] and "onPremisesImmutableId" in calls[0]["query"]
    assert set(USER_SELECT.split(",")) >= {"id", "userPrincipalName", "onPremisesImmutableId"}


def test_cancel_stops_between_pages(sandbox_factory):
    tenant = sandbox_factory(users=3000)
    cancel = threading.Event()
    with pytest.raises(Cancelled):
        list_users(connect(tenant), progress=lambda n: cancel.set(), cancel=cancel)
    assert len([e for e in tenant.audit() if e["path"] == "/v1.0/users"]) == 1


def test_listing_many_pages_returns_every_user_once(sandbox_factory):
    # Correctness across 21 pages; the speed is tests/bench/test_bench_plan.py's job (no timed tests).
    tenant = sandbox_factory(users=20000)
    users = list_users(connect(tenant))
    assert len(users) == 20000 and {u.id for u in users} == set(tenant.users)


def test_domains_need_domain_read_all(sandbox):
    graph = connect(sandbox)
    assert list_domains(graph) is None  # 403 without Domain.Read.All: unknown, not an error
    sandbox.set_app_roles(graph.conn.client_id, ["User.ReadWrite.All", "Domain.Read.All"])
    graph.tokens.invalidate()  # consent changed: drop the cached token (graph-facts §5)
    domains = list_domains(graph)
    assert [(d.name, d.authentication_type) for d in domains] == \
        [(d["id"], d["authenticationType"]) for d in sandbox.directory.domains]
    assert any(d.federated for d in domains)


@pytest.mark.parametrize(("upn", "domain"), [
    ("a@B.Example", "b.example"),
    ("eva_home.example#EXT#@school.onmicrosoft.com", "school.onmicrosoft.com"),  # a guest: the last "@"
    ("broken", ""), ("trailing@", ""), ("", ""), (None, ""),
])
def test_upn_domain(upn, domain):
    assert upn_domain(upn) == domain


def test_nothing_else_takes_a_upn_apart():
    """core/ and gui/ find a UPN's domain only through upn_domain (the sandbox models Microsoft on its own)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    by_hand = re.compile(r"""(rpartition|rsplit|split|rfind|partition)\(["']@["']""")
    found = [f"{path.relative_to(root)}:{number}" for package in ("core", "gui")
             for path in sorted((root / package).rglob("*.py")) if "sandbox" not in path.parts
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if by_hand.search(line) and path.name != "directory.py"]
    assert found == []
    assert by_hand.search('domain = upn.rpartition("@")[2]')  # the check can see one


def test_a_page_with_missing_keys_still_maps():
    from core.tenant.directory import users_from_page

    users = users_from_page([{"id": "1", "userPrincipalName": "a@b.example"},
                              {"id": "2", "userPrincipalName": "c@b.example", "mail": "m", "accountEnabled": False}])
    assert users[0] == DirectoryUser("1", "a@b.example", None, None, None, None, None, None, None)
    assert (users[1].mail, users[1].account_enabled) == ("m", False)
