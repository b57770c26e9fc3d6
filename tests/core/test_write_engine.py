"""The write engine at the quota ceiling (issue 17), against the sandbox over real HTTPS: earlier chunks are
read back while later ones are written, a rival's write that lands inside the settle is still a conflict,
a write of unknown fate is resent in the next free slot (no backoff idling the run's tail), and a paced
run never earns a 429."""

from __future__ import annotations

import threading
import time
from datetime import datetime

import pytest
from test_apply import connect, patches, plan_for, set_directly

from core.graph.pacing import WritePacer
from core.planning.plan import Status
from core.run.apply import apply_plan
from core.run.journal import Journal
from core.run.readback import FRESH_S, READ_BACK_SETTLE_S, TRIP_MARGIN_S
from core.run.write_queue import Item, WorkQueue
from core.sandbox import facts
from core.sandbox.config import FaultSpec, SandboxConfig


def _when(entry: dict) -> float:
    return datetime.fromisoformat(entry["time"].replace("Z", "+00:00")).timestamp()


def _writable(tenant, plan) -> dict[str, str]:
    return {r.object_id: r.new_immutable_id for r in plan.to_write()
            if not tenant.users[r.object_id].get("privilegedRole")}


def _first_landed(tenant, planned: dict[str, str], stop: threading.Event) -> tuple[str, float] | None:
    """Poll the tenant until one of our values lands: (its user, time.time() when seen)."""
    while not stop.wait(0.002):
        for uid, value in planned.items():
            if tenant.users[uid].get("onPremisesImmutableId") == value:
                return uid, time.time()
    return None


def test_earlier_chunks_are_read_back_before_the_last_write_and_no_write_is_throttled(sandbox_factory, tmp_path):
    # 100 users at 30 writes per second: the writes take about 3 s, far longer than the settle, so every
    # chunk but the last few is verified while later chunks are still being written.
    tenant = sandbox_factory(users=100, config=SandboxConfig(write_limit=30, write_window_s=1.0, latency_ms=10))
    graph = connect(tenant)
    plan = plan_for(graph, domains=("nordskolan.example",))  # no federated-domain user: each write succeeds
    planned = _writable(tenant, plan)
    with Journal(tmp_path, {"tenant": tenant.tenant_id}) as journal:
        result = apply_plan(plan, graph, journal, pacer=WritePacer(30, 1.0))
    assert result.verified and result.throttled == 0
    assert {r.object_id for r in result.rows if r.status is Status.SET} == set(planned)
    assert max(patches(tenant).values()) == 1
    audit = tenant.audit()
    assert not [e for e in audit if e["status"] == 429]  # the pacer never ran ahead of Entra's window
    written_at = {e["path"].rsplit("/", 1)[1]: _when(e) for e in audit if e["method"] == "PATCH"}
    last_write = max(written_at.values())
    read_back_early = set()
    for e in audit:
        uid = e["path"].rsplit("/", 1)[1]
        if e["method"] == "GET" and e["in_batch"] and uid in written_at and written_at[uid] < _when(e) < last_write:
            assert _when(e) - written_at[uid] >= READ_BACK_SETTLE_S - 0.05  # never before its settle
            read_back_early.add(uid)
    assert len(read_back_early) >= len(planned) // 2
    # and nobody is read back twice: the end reads only those not verified yet
    read_back = [e["path"].rsplit("/", 1)[1] for e in audit if e["method"] == "GET" and e["in_batch"]
                 and e["path"].rsplit("/", 1)[1] in written_at and _when(e) > written_at[e["path"].rsplit("/", 1)[1]]]
    assert sorted(read_back) == sorted(set(read_back)) and set(read_back) == set(planned)


def test_a_rival_write_just_inside_the_settle_is_reported_as_conflict(sandbox_factory, tmp_path):
    # A rival that read the user empty just before our write landed writes FRESH_S later (the longest
    # read-to-write gap this tool allows itself), plus part of the trip margin: the read-back must see it.
    # The run lasts several windows, so the user is verified while later chunks are written.
    tenant = sandbox_factory(users=100, config=SandboxConfig(write_limit=30, write_window_s=1.0, latency_ms=10))
    graph = connect(tenant)
    plan = plan_for(graph, domains=("nordskolan.example",))  # no federated-domain user: each write succeeds
    planned = _writable(tenant, plan)
    stop, rival = threading.Event(), {}

    def race():
        landed = _first_landed(tenant, planned, stop)
        if landed is not None:
            uid, seen = landed
            time.sleep(max(0.0, seen + FRESH_S + (READ_BACK_SETTLE_S - FRESH_S) / 2 - time.time()))
            set_directly(tenant, uid, "Rival1")
            rival[uid] = time.time()

    racer = threading.Thread(target=race)
    racer.start()
    try:
        with Journal(tmp_path, {"tenant": tenant.tenant_id}) as journal:
            result = apply_plan(plan, graph, journal, pacer=WritePacer(30, 1.0))
    finally:
        stop.set()
        racer.join()
    (uid, when), = rival.items()
    row = next(r for r in result.rows if r.object_id == uid)
    assert row.status is Status.CONFLICT and row.current_immutable_id == "Rival1"
    assert tenant.users[uid]["onPremisesImmutableId"] == "Rival1" and patches(tenant)[uid] == 1
    last_write = max(_when(e) for e in tenant.audit() if e["method"] == "PATCH")
    assert when < last_write  # it was caught by the read-back that overlaps the writing, not the final one
    others = set(planned) - {uid}
    assert all(r.status is Status.SET for r in result.rows if r.object_id in others)


@pytest.mark.parametrize("retry_after_on_503", [True, False])
def test_a_write_of_unknown_fate_is_resent_in_the_next_free_slot_not_after_a_backoff(sandbox_factory, tmp_path,
                                                                                     monkeypatch, retry_after_on_503):
    # Graph documents Retry-After for 429 only (facts.UNCONFIRMED["retry_after_on_503"]): with it or without,
    # the engine behaves the same.
    monkeypatch.setitem(facts.UNCONFIRMED, "retry_after_on_503", retry_after_on_503)
    # Every 503 says Retry-After: 5 (the sandbox's, which Graph does not document for 503s). A run that
    # waited it out (or a backoff) between the last fresh chunk and the resends would idle for seconds;
    # the resends go as soon as a thread is free, each after a read that shows the user still empty.
    config = SandboxConfig(faults=FaultSpec(p503=0.2, seed=3), fault_retry_after_s=5)
    tenant = sandbox_factory(users=40, config=config)
    graph = connect(tenant)
    plan = plan_for(graph, domains=("nordskolan.example",))
    planned = _writable(tenant, plan)
    config.faults = FaultSpec(p503=0.2, seed=3)  # the listing above drew from the sequence: start it again
    with Journal(tmp_path, {"tenant": tenant.tenant_id}) as journal:
        result = apply_plan(plan, graph, journal, concurrency=1, read_back=False, reread="list")
    assert {r.object_id: r.status for r in result.rows if r.object_id in planned} == dict.fromkeys(planned, Status.SET)
    assert {uid: tenant.users[uid]["onPremisesImmutableId"] for uid in planned} == planned
    assert max(patches(tenant).values()) == 1  # nobody written twice
    trail = [e for e in tenant.audit() if e["in_batch"] or e["method"] == "POST"]
    failed = [e for e in trail if e["method"] == "PATCH" and e["status"] == 503]
    assert failed  # the seed does fault some writes
    for e in failed:  # each resend followed a read of its user, and came within a second, not after 5 s
        uid = e["path"].rsplit("/", 1)[1]
        resend = next(x for x in trail if x["method"] == "PATCH" and x["path"] == e["path"] and _when(x) > _when(e))
        assert any(x["method"] == "GET" and x["path"].endswith(uid) and _when(e) < _when(x) <= _when(resend)
                   for x in trail)
        assert _when(resend) - _when(e) < 5.0  # not after the 503's Retry-After: 5 (a loaded machine may be slow)


def test_the_queue_hands_out_a_first_failure_at_once_when_no_fresh_row_is_left(tmp_path):
    from core.planning.plan import PlanRow

    def row(n):
        return PlanRow(object_id=f"u{n}", user_principal_name=f"u{n}@x", display_name="", source_value="", current_immutable_id="",
                       new_immutable_id=f"v{n}", status=Status.WILL_SET)

    now = [100.0]
    fresh = Item(row(1))
    queue = WorkQueue([fresh], threading.Event(), clock=lambda: now[0])
    failed = Item(row(2), unsure=True, not_before=105.0, early=100.0)  # backoff says 5 s; early says now
    repeat = Item(row(3), unsure=True, not_before=105.0, early=105.0)  # a repeat failure backs off
    queue.wait([failed, repeat])
    assert queue.take() == [fresh]           # fresh rows first while there are any
    queue.done()
    assert queue.take() == [failed]          # then the first failure, without waiting for its backoff
    queue.done()
    now[0] = 105.0
    assert queue.take() == [repeat]
    queue.done()
    assert queue.take() is None


def test_a_write_whose_answer_was_lost_is_read_a_trip_later_then_resent_without_a_backoff(sandbox_factory, tmp_path):
    # A dropped connection: the write may still be landing, so its users are read TRIP_MARGIN_S after the
    # drop at the earliest — and resent (after a read that shows them empty) without idling through a backoff.
    config = SandboxConfig(faults=FaultSpec(drop=0.25, seed=5))
    tenant = sandbox_factory(users=40, config=config)
    graph = connect(tenant)
    plan = plan_for(graph, domains=("nordskolan.example",))
    planned = _writable(tenant, plan)
    config.faults = FaultSpec(drop=0.25, seed=5)
    with Journal(tmp_path, {"tenant": tenant.tenant_id}) as journal:
        result = apply_plan(plan, graph, journal, concurrency=1, read_back=False, reread="list")
    assert {r.object_id: r.status for r in result.rows if r.object_id in planned} == dict.fromkeys(planned, Status.SET)
    assert max(patches(tenant).values()) == 1  # nobody written twice
    audit = tenant.audit()
    dropped = [e for e in audit if e["method"] == "POST" and e["status"] == 0 and e["body"]
               and any(r["method"] == "PATCH" for r in e["body"]["requests"])]
    assert dropped  # the seed does drop some writes
    for e in dropped:
        for uid in [r["url"].rsplit("/", 1)[1] for r in e["body"]["requests"]]:
            later = [x for x in audit if x["in_batch"] and x["path"].endswith(uid) and _when(x) > _when(e)]
            read = next(x for x in later if x["method"] == "GET")
            resend = next((x for x in later if x["method"] == "PATCH" and x["status"] == 204), None)
            assert _when(read) - _when(e) >= TRIP_MARGIN_S - 0.02
            if resend is not None:  # no wall-clock bound here (a loaded machine stretches it); that a first
                # failure goes in the next free slot is the queue's test below, on a fake clock
                assert _when(read) <= _when(resend)
