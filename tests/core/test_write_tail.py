"""The end of a run (issue 17): how many writer threads a quota can use, when a failed write goes again,
how quickly a failed read is made again, and how the last users are read back. Rules on fake clocks and
numbers, and read_current against the sandbox over real HTTPS."""

from __future__ import annotations

import threading
import time

from test_apply import connect

from core.graph import batching
from core.graph.batching import MISSING, read_current
from core.graph.pacing import WritePacer
from core.planning.plan import PlanRow, Status
from core.run.readback import listing_is_quicker
from core.run.write_queue import Item
from core.run.writer import ChunkWriter, FailureRate, Valve, WriteJob, writer_threads
from core.sandbox.config import FaultSpec, SandboxConfig


def _row(n: int) -> PlanRow:
    return PlanRow(object_id=f"u{n}", user_principal_name=f"u{n}@x", display_name="", source_value="",
                   current_immutable_id="", new_immutable_id=f"v{n}", status=Status.WILL_SET)


def test_no_more_writer_threads_than_the_chunks_one_window_admits():
    assert writer_threads(8, 100) == 5      # 100 writes a window = 5 chunks of 20
    assert writer_threads(8, 3000) == 8     # Entra's quota: as many as asked for
    assert writer_threads(4, 100) == 4
    assert writer_threads(8, 30) == 2       # a part chunk still needs its thread
    assert writer_threads(8, 1) == 1


def test_the_failure_rate_tells_a_blip_from_a_service_in_trouble():
    rate = FailureRate()
    assert rate.sporadic()
    rate.note(97, 3)                       # 3 % failing: blips
    assert rate.sporadic()
    rate.note(0, 20)                       # one whole chunk failed: still mostly answering
    assert rate.sporadic()
    rate.note(0, 40)                       # three chunks in a row: trouble
    assert not rate.sporadic()
    rate.note(300, 0)                      # it answers again
    assert rate.sporadic()


def _writer(rows: list[PlanRow]) -> ChunkWriter:
    def never(*_args, **_kwargs):
        raise AssertionError("not used here")

    job = WriteJob(graph=None, pacer=WritePacer(100, 2.0), cancel=threading.Event(), valve=Valve(600),
                   announce=never, finish_set=never, fail=never, settle=never, note_sent=never,
                   note_throttled=never)
    return ChunkWriter(job, rows, time.monotonic())


def test_a_repeat_failure_goes_in_the_next_free_slot_while_the_service_mostly_answers():
    writer = _writer([_row(1)])
    item = Item(_row(1), attempts=1)       # it failed once before
    writer._failing.note(150, 5)
    before = time.monotonic()
    writer._mark_unsure([item], "the service failed (5xx)", counts=True, wait=0.0)
    after = time.monotonic()
    assert item.attempts == 2 and item.unsure
    assert item.early <= after                 # taken at once by a thread with no fresh row
    assert item.not_before >= before + 0.1     # its backoff still orders it behind fresh rows


def test_repeat_failures_back_off_while_many_writes_fail():
    writer = _writer([_row(1)])
    writer._failing.note(0, 60)            # the service fails most writes
    item = Item(_row(1), attempts=1)
    before = time.monotonic()
    writer._mark_unsure([item], "the service failed (5xx)", counts=True, wait=0.0)
    assert item.early == item.not_before >= before + 0.1
    first = Item(_row(2))                  # a first failure still goes at once
    writer._mark_unsure([first], "the service failed (5xx)", counts=True, wait=0.0)
    assert first.early <= time.monotonic()


def test_a_throttled_write_never_skips_its_retry_after():
    writer = _writer([_row(1)])
    item = Item(_row(1))
    before = time.monotonic()
    writer._mark_unsure([item], "TooManyRequests: throttled", counts=False, wait=3.0)
    assert item.attempts == 0 and item.early == item.not_before >= before + 3.0


def test_the_last_users_are_read_by_whichever_way_takes_fewer_round_trips():
    assert listing_is_quicker(2000, 2000)          # 3 pages against 13 rounds of 8 × 20 GETs
    assert listing_is_quicker(600, 600)            # 1 page against 4 rounds
    assert not listing_is_quicker(400, 2000)       # 3 pages against 3 rounds: the GETs read only these
    assert not listing_is_quicker(400, 50_000)     # 51 pages against 3 rounds
    assert listing_is_quicker(10_000, 50_000)      # 51 pages against 63 rounds
    assert not listing_is_quicker(1, 1)            # one GET


def test_a_failed_read_is_made_again_at_once_not_after_a_503s_retry_after(sandbox_factory, monkeypatch):
    # Every request fails with 503 "Retry-After: 5" until read_current first waits; the wait it chose is
    # recorded: a read is idempotent and costs no write quota, so it is made again after READ_RETRY_S,
    # not 5 s (the header is not relied on for a 5xx: facts.UNCONFIRMED["retry_after_on_503"]).
    config = SandboxConfig(fault_retry_after_s=5)
    tenant = sandbox_factory(users=30, config=config)
    graph = connect(tenant)
    ids = sorted(tenant.users)[:25] + ["00000000-0000-4000-8000-00000000dead"]
    read_current(graph, ids[:1])  # signed in before the faults start
    waits: list[float] = []
    real_call = batching._Waiter.__call__

    def record(self, seconds):
        waits.append(seconds)
        config.faults = FaultSpec()  # the service recovers
        real_call(self, seconds)

    monkeypatch.setattr(batching._Waiter, "__call__", record)
    config.faults = FaultSpec(p503=1.0, seed=1)
    values = read_current(graph, ids)
    assert values == {**{uid: tenant.users[uid].get("onPremisesImmutableId") for uid in ids[:-1]},
                      ids[-1]: MISSING}
    assert len(waits) == 1 and waits[0] <= batching.READ_RETRY_S
    failed = [e for e in tenant.audit() if e["status"] == 503]
    assert failed  # the faults did refuse the first reads


def test_a_429s_retry_after_is_kept_and_a_503s_is_not():
    assert batching.honoured_wait(429, 3.0) == 3.0
    assert batching.honoured_wait(503, 5.0) == 0.0
    assert batching.honoured_wait(0, None) == 0.0
    assert all(batching.read_retry_wait(n) <= batching.READ_RETRY_CAP_S for n in range(batching.READ_ROUNDS))


def test_a_read_back_whose_answer_is_lost_is_left_for_the_final_read_not_waited_out(sandbox_factory, monkeypatch):
    # The end of a run waits for a read-back under way: one whose answer was lost must not sit in the
    # client's backoff (up to 2 s) — its users are simply read by the final read-back.
    from core.graph.client import GraphClient
    from core.run import verifier as verifier_module

    config = SandboxConfig()
    tenant = sandbox_factory(users=10, config=config)
    graph = connect(tenant)
    ids = sorted(tenant.users)[:5]
    read_current(graph, ids[:1])  # signed in before the faults start
    backoffs: list[int] = []
    real_backoff = GraphClient._backoff
    monkeypatch.setattr(GraphClient, "_backoff", lambda self, n: (backoffs.append(n), real_backoff(self, n))[1])
    read_done = threading.Event()
    real_read = verifier_module.read_once

    def read_once(*args, **kwargs):
        try:
            return real_read(*args, **kwargs)
        finally:
            read_done.set()

    monkeypatch.setattr(verifier_module, "read_once", read_once)
    found: list[str] = []
    config.faults = FaultSpec(drop=1.0, seed=2)
    verifier = verifier_module.Verifier(graph, 0.0, lambda row, value: found.append(row.object_id))
    for n, uid in enumerate(ids):
        verifier.add(PlanRow(object_id=uid, user_principal_name="", display_name="", source_value="",
                             current_immutable_id="", new_immutable_id=f"v{n}", status=Status.SET))
    assert read_done.wait(30)
    verifier.close()
    config.faults = FaultSpec()
    assert [e for e in tenant.audit() if e["status"] == 0]  # the read-back's answer was lost
    assert backoffs == [] and found == [] and verifier.verified == set()
