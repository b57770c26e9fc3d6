"""The HTTPS server itself: keep-alive, the audit endpoint, stopping, and atomic writes under concurrency."""

from __future__ import annotations

import http.client
import ssl
import threading

import msal
import pytest
import requests
from sandbox_helpers import GRAPH_SCOPE, Graph, token_for, writable_users

from core.graph.http import VerifyingSession


def test_audit_endpoint_needs_no_token_and_pages_with_since(graph, sandbox):
    graph.get("/users?$select=id")
    graph.get("/users?$select=id&$top=2")
    session = VerifyingSession(verify=sandbox.ca_bundle)
    entries = session.get(f"{sandbox.url}/_sandbox/audit").json()["entries"]
    assert entries == sandbox.audit()
    assert [e["query"] for e in entries if e["path"] == "/v1.0/users"] == ["$select=id", "$select=id&$top=2"]
    later = session.get(f"{sandbox.url}/_sandbox/audit?since={len(entries) - 1}").json()["entries"]
    assert later == entries[-1:]
    assert len(sandbox.audit()) == len(entries)  # reading the audit is not itself audited


def test_many_requests_share_one_keep_alive_connection(sandbox):
    graph = Graph(sandbox, token_for(sandbox))
    before = sandbox.connections_accepted
    for _ in range(20):
        assert graph.get("/users?$select=id&$top=1").status_code == 200
    assert sandbox.connections_accepted - before == 1


def test_validate_authority_false_also_works(sandbox):
    app = msal.ConfidentialClientApplication(
        sandbox.apps[0]["clientId"], client_credential=sandbox.apps[0]["secret"], authority=sandbox.authority,
        http_client=VerifyingSession(verify=sandbox.ca_bundle), validate_authority=False)
    assert "access_token" in app.acquire_token_for_client(scopes=GRAPH_SCOPE)


def test_unverified_clients_are_refused_by_tls(sandbox):
    with pytest.raises(requests.exceptions.SSLError):
        VerifyingSession(verify=True).get(f"{sandbox.url}/_sandbox/health")


def test_stop_ends_open_keep_alive_connections(sandbox_factory):
    tenant = sandbox_factory()
    conn = http.client.HTTPSConnection("127.0.0.1", tenant.port,
                                       context=ssl.create_default_context(cafile=tenant.ca_bundle))
    conn.request("GET", "/_sandbox/health")
    assert conn.getresponse().read()
    tenant.stop()
    with pytest.raises(OSError):  # the kept-alive connection was closed by stop()
        conn.request("GET", "/_sandbox/health")
        conn.getresponse()


def test_concurrent_writes_of_one_value_let_exactly_one_win(graph, sandbox):
    users = writable_users(sandbox, 8)
    start = threading.Barrier(len(users))
    statuses: dict[str, int] = {}

    def write(user: dict) -> None:
        own = Graph(sandbox, graph.token)
        start.wait()
        statuses[user["id"]] = own.patch(f"/users/{user['id']}", {"onPremisesImmutableId": "contested"}).status_code

    threads = [threading.Thread(target=write, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses.values()) == [204] + [400] * 7
    owners = [u["id"] for u in sandbox.users.values() if u["onPremisesImmutableId"] == "contested"]
    assert owners == [uid for uid, status in statuses.items() if status == 204]


def test_a_sandbox_bug_answers_500_instead_of_hanging_up(graph, sandbox, monkeypatch, capsys):
    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(sandbox, "ordered_ids", broken)
    resp = graph.get("/users")
    assert resp.status_code == 500 and "boom" in resp.json()["error"]["message"]
