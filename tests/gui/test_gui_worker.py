"""The worker: results, failures without stack traces in the UI, coalesced progress, cancellation."""

from __future__ import annotations

import threading

from gui.jobs.worker import Worker


def test_finished_carries_the_result(qtbot):
    worker = Worker(lambda progress, cancel: 42, "answer")
    with qtbot.waitSignal(worker.finished, timeout=5000) as blocker:
        worker.start()
    assert blocker.args == [42]


def test_failure_is_a_signal_with_the_exception(qtbot, caplog):
    def job(progress, cancel):
        raise ValueError("bad input")

    worker = Worker(job, "failing job")
    with qtbot.waitSignal(worker.failed, timeout=5000) as blocker:
        worker.start()
    assert isinstance(blocker.args[0], ValueError)
    assert "failing job failed" in caplog.text  # logged with its traceback


def test_kept_progress_all_arrives_and_coalesced_is_latest(qtbot):
    seen: list = []

    def job(progress, cancel):
        for i in range(5):
            progress(("kept", i), True)
        for i in range(1000):
            progress(("coalesced", i))
        return "done"

    worker = Worker(job, "progress")
    worker.progress.connect(seen.append)
    with qtbot.waitSignal(worker.done, timeout=5000):
        worker.start()
    assert [v for v in seen if v[0] == "kept"] == [("kept", i) for i in range(5)]
    coalesced = [v for v in seen if v[0] == "coalesced"]
    assert coalesced[-1] == ("coalesced", 999) and len(coalesced) < 1000


def test_cancel_sets_the_event(qtbot):
    started = threading.Event()

    def job(progress, cancel):
        started.set()
        return cancel.wait(10)

    worker = Worker(job, "cancellable")
    with qtbot.waitSignal(worker.finished, timeout=5000) as blocker:
        worker.start()
        assert started.wait(5)
        worker.cancel()
    assert blocker.args == [True]


def test_quiet_gc_nests_and_restores_collection():
    import gc

    from gui.jobs.services import quiet_gc

    assert gc.isenabled()
    with quiet_gc():
        assert not gc.isenabled()
        with quiet_gc():  # a second job on another page
            assert not gc.isenabled()
        assert not gc.isenabled()  # still one quiet job running
    assert gc.isenabled()
