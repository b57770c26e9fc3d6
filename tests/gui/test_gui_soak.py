"""Soak: a whole wizard run over a school of 3,300 users, driven through the pages as an admin would, with
Graph slowed down so the run reports progress for a while. Checks what really happened in the tenant
(the sandbox's audit log), what the Results page says, and prints the figures: progress signals, time,
and the longest stall of the GUI thread (no upper bound asserted: speed lives in tests/bench)."""

from __future__ import annotations

import csv
import time
from collections import Counter

from soak_tools import Heartbeat, ProgressCounter
from wizard_steps import (
    fill_connection,
    pass_checks,
    plain_text,
    run_to_results,
    to_preview,
    to_source_with_export,
)

from core.sandbox import SandboxConfig
from gui import texts
from gui.navigation import PageId

USERS = 3300  # about 2,700 of them get a value: within the default 3,000-per-150-s write quota
RUN_LATENCY_MS = 200.0  # per Graph request (a $batch of 20 is one): the run lasts several seconds


def _patches(tenant) -> list[dict]:
    return [e for e in tenant.audit() if e["method"] == "PATCH"]


def test_a_3300_user_run_through_the_wizard(make_wizard, qtbot, sandbox_factory, tmp_path, memory_keyring,
                                            monkeypatch):
    tenant = sandbox_factory(users=USERS, config=SandboxConfig())
    profile = tenant.connection_profile()
    # Like the demo's app: it may read domains, so the federated one is left out at preview time.
    tenant.set_app_roles(profile["client_id"], ["User.ReadWrite.All", "Domain.Read.All"])
    counter = ProgressCounter(monkeypatch)
    heartbeat = Heartbeat()
    wizard = make_wizard()
    heartbeat.start()
    started = time.perf_counter()

    fill_connection(wizard, qtbot, profile)
    pass_checks(wizard, qtbot)
    to_source_with_export(wizard, qtbot, tenant, tmp_path)
    to_preview(wizard, qtbot)
    plan = wizard.session.plan
    will_set = {r.object_id: r.new_immutable_id for r in plan.rows if r.status.value == "will_set"}
    assert len(plan.rows) == USERS and 2500 < len(will_set) <= 3000
    assert not _patches(tenant)

    tenant.config.latency_ms, tenant.config.jitter_ms = RUN_LATENCY_MS, 50.0
    run_started = time.perf_counter()
    run_to_results(wizard, qtbot)
    run_s = time.perf_counter() - run_started
    heartbeat.stop()
    total_s = time.perf_counter() - started
    run_worker = wizard.page_by_id(PageId.RUN).worker._name

    # The tenant: every planned user PATCHed exactly once; the accepted ones hold exactly the planned value.
    patches = _patches(tenant)
    per_user = Counter(e["path"].rsplit("/", 1)[1] for e in patches)
    assert set(per_user) == set(will_set) and set(per_user.values()) == {1}
    applied = {e["path"].rsplit("/", 1)[1] for e in patches if e["applied"]}
    refused = set(will_set) - applied
    assert all(tenant.users[uid]["onPremisesImmutableId"] == will_set[uid] for uid in applied)
    assert refused and all(tenant.users[uid]["privilegedRole"] for uid in refused)  # admins only
    assert all(not tenant.users[uid].get("onPremisesImmutableId") for uid in refused)

    # The report and the Results page agree with the tenant.
    with open(wizard.session.report_path, encoding="utf-8-sig", newline="") as handle:
        report = Counter(r["status"] for r in csv.DictReader(handle))
    assert report["set"] == len(applied) and report["failed"] == len(refused)
    shown = plain_text(wizard.page_by_id(PageId.RESULTS).counts_label.text())
    assert f"{texts.status_text('set')} {texts.number(len(applied))}" in shown
    assert f"{texts.status_text('failed')} {texts.number(len(refused))}" in shown

    assert counter.delivered[run_worker] > 0 and heartbeat.beats > 0
    print(f"\n[soak] {USERS} users, {len(will_set)} planned writes ({len(applied)} set, {len(refused)} refused), "
          f"run {run_s:.1f} s of {total_s:.1f} s in all, Graph latency {RUN_LATENCY_MS:.0f}+50 ms")
    print(f"[soak] progress reported by jobs: {dict(counter.reported)}")
    print(f"[soak] progress signals delivered: {dict(counter.delivered)} "
          f"(run: {counter.delivered[run_worker]} in {run_s:.1f} s)")
    print(f"[soak] longest GUI-thread stall {heartbeat.longest * 1000:.0f} ms ({heartbeat.beats} heartbeats)")
