"""Sandbox throughput (issue 2): requests/s over keep-alive and the time to page 100,000 users.

The sandbox runs as the real `immutableid-sync sandbox` command in its own process (as in the engine's
benchmarks), so client and server do not share one interpreter lock. Target: >= 500 requests/s."""

from __future__ import annotations

import http.client
import json
import signal
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path

import msal
import pytest

from core.graph.http import VerifyingSession

ROOT = Path(__file__).resolve().parents[2]
TARGET_RPS = 500
USERS = 100_000


@pytest.fixture(scope="module")
def big_sandbox():
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "core.cli", "sandbox", "--users", str(USERS),
                             "--no-throttling"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    profile = json.loads(proc.stdout.readline())
    print(f"\nsandbox with {USERS:,} users ready in {time.perf_counter() - started:.2f} s (incl. interpreter start)")
    yield profile
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=30)


def _token(profile: dict) -> str:
    app = msal.ConfidentialClientApplication(
        profile["client_id"], client_credential=profile["client_secret"],
        authority=f"{profile['login_url']}/{profile['tenant_id']}",
        http_client=VerifyingSession(verify=profile["ca_bundle"]), instance_discovery=False)
    return app.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])["access_token"]


def _hammer_requests(profile: dict, token: str, seconds: float, counts: list[int], slot: int) -> None:
    """What our engine uses: requests through core.graph.http.VerifyingSession (costly on the client side)."""
    session = VerifyingSession(verify=profile["ca_bundle"])
    url = f"{profile['graph_url']}/v1.0/users?$top=1"
    headers = {"Authorization": f"Bearer {token}"}
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        resp = session.get(url, headers=headers)
        assert resp.status_code == 200
        counts[slot] += 1


def _hammer_raw(profile: dict, token: str, seconds: float, counts: list[int], slot: int) -> None:
    """A thin keep-alive client (http.client), so the figure is the sandbox's, not the client's."""
    port = int(profile["graph_url"].rsplit(":", 1)[1])
    context = ssl.create_default_context(cafile=profile["ca_bundle"])
    conn = http.client.HTTPSConnection("127.0.0.1", port, context=context)
    headers = {"Authorization": f"Bearer {token}"}
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        conn.request("GET", "/v1.0/users?$top=1", headers=headers)
        resp = conn.getresponse()
        resp.read()
        assert resp.status == 200
        counts[slot] += 1
    conn.close()


@pytest.mark.parametrize(("client", "threads"), [("http.client", 1), ("http.client", 4),
                                                 ("requests", 1), ("requests", 4)])
def test_requests_per_second_over_keep_alive(big_sandbox, client, threads):
    token = _token(big_sandbox)
    counts = [0] * threads
    seconds = 4.0
    target = _hammer_raw if client == "http.client" else _hammer_requests
    workers = [threading.Thread(target=target, args=(big_sandbox, token, seconds, counts, i))
               for i in range(threads)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    rps = sum(counts) / (time.perf_counter() - started)
    print(f"\nGET /users?$top=1, {client}, {threads} client thread(s), keep-alive: {rps:,.0f} requests/s "
          f"(target {TARGET_RPS}: ratio {rps / TARGET_RPS:.2f})")
    assert sum(counts) > 0


def test_page_100k_users(big_sandbox):
    token = _token(big_sandbox)
    session = VerifyingSession(verify=big_sandbox["ca_bundle"])
    headers = {"Authorization": f"Bearer {token}"}
    first = f"{big_sandbox['graph_url']}/v1.0/users?$select=id,userPrincipalName,displayName,mail,employeeId," \
            "userType,accountEnabled,onPremisesImmutableId,onPremisesSyncEnabled,creationType&$top=999"
    timings = []
    for _ in range(2):  # the first pass fills the sandbox's per-$select cache, the second reuses it
        started = time.perf_counter()
        url, total, pages = first, 0, 0
        while url:
            body = session.get(url, headers=headers).json()
            total, pages, url = total + len(body["value"]), pages + 1, body.get("@odata.nextLink")
        timings.append(time.perf_counter() - started)
        assert total == USERS
    print(f"\npaging {USERS:,} users, $top=999 + $select ({pages} pages): first pass {timings[0]:.2f} s, "
          f"second pass {timings[1]:.2f} s ({USERS / timings[1]:,.0f} users/s)")


def test_synthetic_school_generation_speed():
    from core.sandbox.synthetic import synthetic

    started = time.perf_counter()
    synthetic(USERS)
    elapsed = time.perf_counter() - started
    print(f"\nsynthetic({USERS:,}) in {elapsed:.2f} s (target < 2 s: ratio {elapsed / 2:.2f})")


def test_in_process_requests_per_second():
    """As tests and `gui --sandbox` use it: server threads share the interpreter with the client."""
    from core.sandbox import SandboxConfig, SandboxTenant

    with SandboxTenant(SandboxConfig(throttling=False), users=1000) as tenant:
        profile = tenant.connection_profile()
        token = _token(profile)
        for client, target in (("http.client", _hammer_raw), ("requests", _hammer_requests)):
            counts = [0]
            started = time.perf_counter()
            target(profile, token, 3.0, counts, 0)
            rps = counts[0] / (time.perf_counter() - started)
            print(f"\nin-process sandbox, {client}, 1 thread: {rps:,.0f} requests/s "
                  f"(target {TARGET_RPS}: ratio {rps / TARGET_RPS:.2f})")
