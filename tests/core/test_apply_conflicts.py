"""Two writers, one tenant: Graph has no compare-and-swap, so apply reads the users it wrote back and
reports the ones another writer changed afterwards as `conflict`, with the value found. Against the
sandbox over real HTTPS; the audit log and the sandbox's state say what really happened."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import datetime

import pytest
from test_apply import connect, patches, plan_for, set_directly

from core.graph.pacing import WritePacer
from core.planning.plan import Scope, Status, build_plan
from core.run.apply import apply_plan
from core.run.journal import FILE_NAME, Journal
from core.run.report import write_report
from core.sandbox.config import SandboxConfig
from core.source.sources import AttributeSource
from core.tenant.directory import list_users


def writable(tenant, plan) -> dict[str, str]:
    """Planned users Graph will accept a write for (admins answer 403), id -> value planned."""
    return {r.object_id: r.new_immutable_id for r in plan.to_write()
            if not tenant.users[r.object_id].get("privilegedRole")}


def rival_after_our_write(tenant, planned: dict[str, str], how_many: int):
    """A progress callback that, once our first writes have landed, gives `how_many` of those users
    another value, as a second machine running apply with another source would."""
    done: dict[str, str] = {}

    def progress(p):
        if done or not p.done:
            return
        landed = [uid for uid, value in planned.items() if tenant.users[uid].get("onPremisesImmutableId") == value]
        for n, uid in enumerate(landed[:how_many]):
            done[uid] = f"Rival{n}"
            set_directly(tenant, uid, done[uid])
    return progress, done


def audit_times(tenant, method: str) -> list[tuple[datetime, dict]]:
    return [(datetime.fromisoformat(e["time"].replace("Z", "+00:00")), e) for e in tenant.audit()
            if e["method"] == method and "/users" in e["path"]]


@pytest.mark.parametrize("reread", ["batch", "list"])
def test_a_user_overwritten_after_our_write_is_reported_as_conflict(sandbox, tmp_path, reread):
    graph = connect(sandbox)
    plan = plan_for(graph, domains=("nordskolan.example",))
    planned = writable(sandbox, plan)
    rival, rivals = rival_after_our_write(sandbox, planned, 3)
    seen = []
    with Journal(tmp_path, {"tenant": sandbox.tenant_id}) as journal:
        result = apply_plan(plan, graph, journal, progress=lambda p: (seen.append(p), rival(p)), reread=reread)
    rows = {r.object_id: r for r in result.rows}
    assert len(rivals) == 3 and result.verified
    for uid, found in rivals.items():
        row = rows[uid]
        assert sandbox.users[uid]["onPremisesImmutableId"] == found and patches(sandbox)[uid] == 1
        assert row.status is Status.CONFLICT and row.current_immutable_id == found
        assert row.reason == "overwritten_after_write"
        assert dict(row.reason_args) == {"found": found, "wrote": planned[uid]}
        assert row.detail == f"another writer set {found} after this run wrote {planned[uid]}"
    others = set(planned) - set(rivals)
    assert all(rows[uid].status is Status.SET for uid in others)
    assert Counter(r.status for r in result.rows)[Status.CONFLICT] == 3
    assert result.failed == 3 + sum(r.status is Status.FAILED for r in result.rows)  # conflicts count as failed
    told = {r.object_id for p in seen for r in p.new_failures if r.status is Status.CONFLICT}
    assert told == set(rivals) and seen[-1].failed == result.failed  # the caller heard of them
    state = Journal.replay(tmp_path / FILE_NAME)
    assert {uid: state.outcomes[uid][0] for uid in rivals} == dict.fromkeys(rivals, "conflict")
    report = write_report(result.rows, tmp_path / "report.csv").read_text("utf-8-sig")
    for uid, found in rivals.items():
        line = next(line for line in report.splitlines() if line.startswith(uid))
        assert f",{found},{planned[uid]},conflict,another writer set {found}" in line
    # the read-back came after our last write, in the form asked for
    last_write = max(t for t, _ in audit_times(sandbox, "PATCH"))
    reads = [e for t, e in audit_times(sandbox, "GET") if t >= last_write]
    if reread == "list":
        assert any(not e["in_batch"] and e["path"].endswith("/users") for e in reads)
    else:
        assert {e["path"].rsplit("/", 1)[1] for e in reads if e["in_batch"]} >= set(planned)


def test_without_a_rival_nothing_is_a_conflict_and_verify_can_be_off(sandbox_factory, tmp_path):
    results = {}
    for verify in (True, False):
        tenant = sandbox_factory()
        graph = connect(tenant)
        plan = plan_for(graph, domains=("nordskolan.example",))
        planned = writable(tenant, plan)
        with Journal(tmp_path / str(verify), {"tenant": tenant.tenant_id}) as journal:
            result = apply_plan(plan, graph, journal, read_back=verify)
        rows = {r.object_id: r for r in result.rows}
        assert {uid: rows[uid].status for uid in planned} == dict.fromkeys(planned, Status.SET)
        assert not [r for r in result.rows if r.status is Status.CONFLICT] and result.verified is verify
        last_write = max(t for t, _ in audit_times(tenant, "PATCH"))
        read_back = {e["path"].rsplit("/", 1)[1] for t, e in audit_times(tenant, "GET")
                     if t >= last_write and e["in_batch"]}
        results[verify] = read_back
    assert results[True] >= set(planned) and not results[False]


@pytest.mark.parametrize(("b_starts", "users"), [("at_once", 40), ("after_a_first_chunk", 80)])
def test_two_applies_at_once_each_user_is_set_by_exactly_one(sandbox_factory, tmp_path, b_starts, users):
    # Two machines, one app, one tenant: slow answers (200 ms) and a small shared write quota (20 per
    # 2 s) make their writes interleave, throttle each other and race for the same users. Started
    # together, or b once a has written a few (then a leads, ends first and reads back first: without
    # b reading each chunk right before writing it, b would overwrite users a had already verified).
    config = SandboxConfig(latency_ms=200, write_limit=20, write_window_s=2.0)
    tenant = sandbox_factory(users=users, config=config)
    runs = {}
    for name, transform in (("a", "none"), ("b", "utf8-base64")):
        graph = connect(tenant)
        scope = Scope(domains=("nordskolan.example",))
        plan = build_plan(list_users(graph), AttributeSource("employeeId"), transform, scope)
        runs[name] = (graph, plan)
    planned = {name: writable(tenant, plan) for name, (_, plan) in runs.items()}
    assert set(planned["a"]) == set(planned["b"]) and len(planned["a"]) >= 15
    assert all(planned["a"][uid] != planned["b"][uid] for uid in planned["a"])
    go = {"a": threading.Event(), "b": threading.Event()}
    go["a"].set()
    if b_starts == "at_once":
        go["b"].set()
    results = {}

    def a_progress(p):
        if p.done >= 10:
            go["b"].set()

    def run(name):
        graph, plan = runs[name]
        with Journal(tmp_path / name, {"tenant": tenant.tenant_id}) as journal:
            go[name].wait()
            try:
                results[name] = apply_plan(plan, graph, journal, pacer=WritePacer(20, 2.0),
                                           progress=a_progress if name == "a" else None)
            finally:
                go["b"].set()  # never leave b waiting for an a that stopped early

    threads = [threading.Thread(target=run, args=(name,)) for name in runs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rows = {name: {r.object_id: r for r in result.rows} for name, result in results.items()}
    writes = patches(tenant)
    both_wrote = 0
    for uid in planned["a"]:
        final = tenant.users[uid]["onPremisesImmutableId"]
        owner = "a" if final == planned["a"][uid] else "b"
        other = "b" if owner == "a" else "a"
        assert final == planned[owner][uid]
        assert rows[owner][uid].status is Status.SET, (uid, rows[owner][uid])
        assert rows[other][uid].status in (Status.CONFLICT, Status.SKIPPED_ALREADY_SET), (uid, rows[other][uid])
        assert rows[other][uid].current_immutable_id == final
        both_wrote += writes[uid] == 2
    assert max(writes.values()) <= 2 and all(r.verified for r in results.values())
    statuses = Counter(r.status for name in rows for r in rows[name].values())
    assert statuses[Status.SKIPPED_ALREADY_SET] or statuses[Status.CONFLICT]
    assert both_wrote == statuses[Status.CONFLICT]  # a conflict is exactly a user both wrote
