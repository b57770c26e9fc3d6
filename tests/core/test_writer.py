"""The writer threads (core/run/writer.py) against the sandbox: rows whose write has an unknown outcome wait
their turn while the threads go on writing fresh rows, and are read before any resend."""

from __future__ import annotations

from test_apply import connect, patches, plan_for

from core.planning.plan import Status
from core.run.apply import apply_plan
from core.run.journal import Journal
from core.sandbox.config import FaultSpec, SandboxConfig


def test_a_503_row_waits_its_turn_while_the_thread_writes_fresh_rows(sandbox_factory, tmp_path):
    # One writer thread: had it slept through the 503's backoff and re-read the row at once (as it used
    # to), no other chunk could be written between the 503 and that row's re-read.
    config = SandboxConfig(faults=FaultSpec(p503=0.1, seed=1), fault_retry_after_s=1)
    tenant = sandbox_factory(users=70, config=config)
    graph = connect(tenant)
    plan = plan_for(graph, domains=("nordskolan.example",))
    planned = {r.object_id: r.new_immutable_id for r in plan.to_write()
               if not tenant.users[r.object_id].get("privilegedRole")}
    with Journal(tmp_path, {"tenant": tenant.tenant_id}) as journal:
        result = apply_plan(plan, graph, journal, concurrency=1, read_back=False)
    rows = {r.object_id: r for r in result.rows}
    assert {uid: rows[uid].status for uid in planned} == dict.fromkeys(planned, Status.SET)
    assert {uid: tenant.users[uid]["onPremisesImmutableId"] for uid in planned} == planned
    assert set(patches(tenant)) == set(planned) and max(patches(tenant).values()) == 1
    trail = [(e["method"], e["path"].rsplit("/", 1)[1], e["status"]) for e in tenant.audit() if e["in_batch"]]
    waited = []
    for i, (method, uid, status) in enumerate(trail):
        if method == "PATCH" and status == 503:
            reread = next(j for j in range(i + 1, len(trail)) if trail[j][:2] == ("GET", uid))
            others = {u for m, u, s in trail[i + 1:reread] if m == "PATCH" and s == 204 and u != uid}
            waited.append(len(others))
    assert waited and max(waited) >= 20  # more than the rest of its own batch: another chunk went meanwhile


def test_a_chunk_the_pacer_holds_longer_than_fresh_s_is_read_once_before_its_write(sandbox_factory, tmp_path):
    # 60 users at 20 writes per second: every chunk after the first waits about a second for the window,
    # longer than fresh_s, so a read made before that wait would be stale and made again. Each user is read
    # once, after admission, right before its write — never twice (issue 17: 6,375 requests for 2,000 writes).
    # One thread, so that no other takes the slots the pacer said were coming (then a read can go stale);
    # the recheck before the writes is a listing (reread="list"), so every per-user GET is the writer's.
    from core.graph.pacing import WritePacer

    tenant = sandbox_factory(users=60, config=SandboxConfig(write_limit=20, write_window_s=1.0))
    graph = connect(tenant)
    plan = plan_for(graph, domains=("nordskolan.example",))
    with Journal(tmp_path, {"tenant": tenant.tenant_id}) as journal:
        result = apply_plan(plan, graph, journal, concurrency=1, read_back=False, fresh_s=0.3, reread="list",
                            pacer=WritePacer(20, 1.0))
    written = {r.object_id for r in result.rows if r.status is Status.SET}
    assert len(written) > 40 and max(patches(tenant).values()) == 1
    reads: dict[str, int] = {}
    for e in tenant.audit():
        if e["in_batch"] and e["method"] == "GET":
            uid = e["path"].rsplit("/", 1)[1]
            reads[uid] = reads.get(uid, 0) + 1
    per_user = [reads.get(uid, 0) for uid in written]
    # the first chunk is written on the listing's fresh read; every later one read once, never twice
    assert max(per_user) == 1 and per_user.count(1) >= len(written) - 20
