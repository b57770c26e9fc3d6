"""kill -9 between the two steps of the UPN swap, and again while the resume is between them (issue 10 §1):
the next run finishes every begun swap first; no user is left on the .onmicrosoft.com UPN, every value is
set once, and the audit log shows nothing but userPrincipalName and onPremisesImmutableId sent, the UPN
only for the swapped users.

The gap between the steps is made by the write quota: with room for only a few writes, step 2 (or the next
user's step 1) waits for the quota window, and the process is killed while it waits."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from cli_helpers import ROOT, read_report

sys.path.insert(0, str(ROOT / "tests" / "core"))
from swap_school import FED, INITIAL, assert_only_swap_properties, nobody_parked, patch_bodies, seed, uid  # noqa: E402

from core import paths  # noqa: E402
from core.cli import main
from core.exits import EXIT_OK
from core.run.journal import FILE_NAME, Journal  # noqa: E402

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL")  # the CI machine is Linux
USERS = {uid(100 + i) for i in range(8)}


def _steps(tenant) -> tuple[set[str], set[str]]:
    """Users whose step 1 / step 2 the sandbox accepted."""
    out, back = set(), set()
    for oid, body, status in patch_bodies(tenant):
        if status == 204 and body.get("userPrincipalName", "").endswith(INITIAL):
            out.add(oid)
        elif status == 204 and "onPremisesImmutableId" in body:
            back.add(oid)
    return out, back


def _wait_until(condition, proc, timeout=60.0):
    """Polls `condition` (the sandbox's audit log) until true; fails if the process ended first."""
    tick, deadline = threading.Event(), time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, f"the apply ended before the kill (exit {proc.returncode})"
        assert time.monotonic() < deadline, "the apply never reached the point to kill it at"
        tick.wait(0.05)


def _apply_then_kill(profile, quota, condition, tenant):
    proc = subprocess.Popen([sys.executable, "-m", "core.cli", "apply", "--profile", str(profile), "--source",
                             "attribute:employeeId", "--yes", "--federated-upn-swap", "--write-quota", quota],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until(lambda: condition(*_steps(tenant)), proc)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def test_kill_between_the_steps_and_on_resume(sandbox_factory, tmp_path):
    tenant = sandbox_factory(seed_path=seed(tmp_path, federated=8, managed=0))
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(tenant.connection_profile()), encoding="utf-8")

    # 1. room for 4 writes: 4 users moved out, then the run waits for the quota window -> kill -9
    _apply_then_kill(profile, "4/600", lambda out, back: len(out) == 4, tenant)
    parked = {u["id"] for u in tenant.users.values() if u["userPrincipalName"].endswith(INITIAL)}
    assert len(parked) == 4 and all(tenant.users[oid]["onPremisesImmutableId"] is None for oid in parked)
    (run_dir,) = [p for p in paths.runs_dir().iterdir() if "-apply-" in p.name]
    state = Journal.replay(run_dir / FILE_NAME)
    assert not state.ended and set(state.swap_pending()) >= parked

    # 2. the resume, with room for 6: the 4 parked users are finished first (4 writes), then 2 more are
    # moved out and it waits again -> kill -9 while those 2 are between the steps
    _apply_then_kill(profile, "6/600", lambda out, back: len(back) == 4 and len(out) == 6, tenant)
    assert all(tenant.users[oid]["userPrincipalName"].endswith("@" + FED) for oid in parked)
    assert all(tenant.users[oid]["onPremisesImmutableId"] == f"E-{oid[-3:]}" for oid in parked)
    parked_again = {u["id"] for u in tenant.users.values() if u["userPrincipalName"].endswith(INITIAL)}
    assert len(parked_again) == 2 and not parked_again & parked

    # 3. a plain resume (quota as Entra's) finishes everything, in the same run folder
    source = ["--source", "attribute:employeeId"]
    assert main(["apply", "--profile", str(profile), *source, "--yes", "--federated-upn-swap"]) == EXIT_OK
    assert [p for p in paths.runs_dir().iterdir() if "-apply-" in p.name] == [run_dir]
    for oid in USERS:
        assert tenant.users[oid]["userPrincipalName"].endswith("@" + FED)
        assert tenant.users[oid]["onPremisesImmutableId"] == f"E-{oid[-3:]}"
    nobody_parked(tenant)
    out, back = _steps(tenant)
    assert out == back == USERS
    step2 = [oid for oid, body, status in patch_bodies(tenant) if status == 204 and "onPremisesImmutableId" in body]
    assert sorted(step2) == sorted(USERS)  # each value set exactly once
    assert_only_swap_properties(tenant, USERS)
    report = {r["object_id"]: r for r in read_report(run_dir / "report.csv")}
    assert {report[oid]["status"] for oid in USERS} == {"set"}
    assert all(report[oid]["upn_after"].endswith("@" + FED) for oid in USERS)
    final = Journal.replay(run_dir / FILE_NAME)
    assert final.complete and final.swap_pending() == {}
