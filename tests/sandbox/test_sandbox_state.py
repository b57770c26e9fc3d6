"""The sandbox tenant kept in a file (core/sandbox/state.py): what a run did to it is still there after a
restart — and after the sandbox's process was killed — users, values, UPNs, apps, audit log; no usable
secret is ever in the file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from sandbox_helpers import Graph, make_msal

from core.graph.http import VerifyingSession
from core.sandbox import SandboxTenant
from core.sandbox.state import StateError

ROOT = Path(__file__).resolve().parents[2]


def _token(tenant, secret=None, client_id=None) -> str:
    result = make_msal(tenant, client_id=client_id, secret=secret).acquire_token_for_client(
        ["https://graph.microsoft.com/.default"])
    assert "access_token" in result, result
    return result["access_token"]


def _plain_users(tenant) -> list[str]:
    return [uid for uid, u in tenant.users.items() if not u.get("onPremisesImmutableId")
            and u["userType"] == "Member" and not u.get("privilegedRole") and not u.get("onPremisesSyncEnabled")
            and u["userPrincipalName"].endswith("@nordskolan.example")]


def test_a_restarted_tenant_has_what_the_first_one_was_told(sandbox_factory, tmp_path):
    path = tmp_path / "tenant.jsonl"
    first = sandbox_factory(users=40)
    first.save_state(path)
    graph = Graph(first, _token(first))
    uid, other = _plain_users(first)[:2]
    assert graph.patch(f"/users/{uid}", {"onPremisesImmutableId": "kept-1"}).status_code == 204
    new_upn = "renamed@nordskolan.onmicrosoft.com"
    assert graph.batch([{"id": "1", "method": "PATCH", "url": f"/users/{other}",
                         "body": {"userPrincipalName": new_upn}, "headers": {"Content-Type": "application/json"}}
                        ]).json()["responses"][0]["status"] == 204
    audit_then = first.audit()
    first.stop()

    second = SandboxTenant.load_state(path).start()
    try:
        assert second.tenant_id == first.tenant_id and list(second.users) == list(first.users)
        assert second.users[uid]["onPremisesImmutableId"] == "kept-1"
        assert second.users[other]["userPrincipalName"] == new_upn
        assert second.find_user(new_upn)["id"] == other  # the indexes follow the loaded state
        assert second.immutable_id_owner("kept-1") == uid
        assert second.audit()[: len(audit_then)] == audit_then
        # the seed app works again, with a new secret (the file holds none); the old one no longer does
        assert second.apps[0]["secret"] != first.apps[0]["secret"]
        token = _token(second)
        value = Graph(second, token).get(f"/users/{uid}?$select=onPremisesImmutableId").json()
        assert value["onPremisesImmutableId"] == "kept-1"
        refused = make_msal(second, secret=first.apps[0]["secret"]).acquire_token_for_client(
            ["https://graph.microsoft.com/.default"])
        assert "access_token" not in refused and "7000215" in refused.get("error_description", "")
    finally:
        second.stop()
    text = path.read_text("utf-8")
    assert first.apps[0]["secret"] not in text and second.apps[0]["secret"] not in text
    assert len(text.splitlines()) == 1  # stop() compacted the changes into one snapshot


def test_an_app_made_through_graph_keeps_its_secret_working_across_a_restart(sandbox_factory, tmp_path):
    """Apps, secrets and consent made by "Create it for me" live on too; the secret only as a hash."""
    path = tmp_path / "tenant.jsonl"
    tenant = sandbox_factory(users=10)
    tenant.save_state(path)
    made = tenant.add_app(roles=["User.ReadWrite.All"], display_name="Made in the demo")
    graph_secret = "abc8Q~" + "x" * 34
    app = tenant.find_app(made["clientId"])
    from datetime import UTC, datetime, timedelta

    from core.sandbox.data import Password

    app.passwords.append(Password("11111111-2222-4333-8444-555555555555", graph_secret, datetime.now(UTC),
                                  datetime.now(UTC) + timedelta(days=30), "wizard"))
    tenant.save_state(path)  # as a Graph request that changes an app does
    tenant.stop()
    assert graph_secret not in path.read_text("utf-8")
    again = SandboxTenant.load_state(path).start()
    try:
        assert _token(again, secret=graph_secret, client_id=made["clientId"])
        assert again.find_app(made["clientId"]).roles == ["User.ReadWrite.All"]
        listed = VerifyingSession(again.ca_bundle).get(f"{again.url}/_sandbox/health").json()
        assert listed["users"] == 10
    finally:
        again.stop()


def test_a_killed_sandbox_loses_no_write_it_answered(tmp_path):
    """The `sandbox --state FILE` command, killed with SIGKILL after answering writes: started again on the
    same file, it still holds them (each change is in the file before its answer leaves)."""
    state = tmp_path / "tenant.jsonl"
    temp = tmp_path / "temp"  # the killed sandbox's CA folder stays here, not in the machine's /tmp
    temp.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "core.cli", "sandbox", "--users", "30", "--state", str(state)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(temp)})
    try:
        profile = json.loads(proc.stdout.readline())
        session = VerifyingSession(profile["ca_bundle"])
        token = session.post(f"{profile['login_url']}/{profile['tenant_id']}/oauth2/v2.0/token", data={
            "grant_type": "client_credentials", "client_id": profile["client_id"],
            "client_secret": profile["client_secret"], "scope": "https://graph.microsoft.com/.default"}).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        users = session.get(f"{profile['graph_url']}/v1.0/users?$top=30", headers=headers).json()["value"]
        plain = [u for u in users if u["userPrincipalName"].endswith("@nordskolan.example")][5:9]
        for n, user in enumerate(plain):
            answer = session.patch(f"{profile['graph_url']}/v1.0/users/{user['id']}", headers=headers,
                                   json={"onPremisesImmutableId": f"before-kill-{n}"})
            assert answer.status_code == 204
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=20)
    again = SandboxTenant.load_state(state)
    assert [again.users[u["id"]]["onPremisesImmutableId"] for u in plain] == [f"before-kill-{n}" for n in range(4)]
    patched = [e for e in again.audit() if e["method"] == "PATCH"]
    assert len(patched) == 4 and all(e["status"] == 204 for e in patched)
    again._state.close()


def test_the_command_refuses_a_seed_with_an_existing_state_and_a_file_that_is_not_one(tmp_path):
    state = tmp_path / "tenant.jsonl"
    SandboxTenant(users=5).save_state(state)
    done = subprocess.run([sys.executable, "-m", "core.cli", "sandbox", "--users", "5", "--state", str(state)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "leave out --seed and --users" in done.stderr
    other = tmp_path / "other.jsonl"
    other.write_text('{"type": "header"}\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "core.cli", "sandbox", "--state", str(other)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "not a sandbox state file" in done.stderr
    try:
        SandboxTenant.load_state(other)
    except StateError:
        pass
    else:
        raise AssertionError("a file that is not a state file was loaded")
