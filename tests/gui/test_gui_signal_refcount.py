"""Regression test for graph-facts §14: PySide6 6.12.0 on CPython 3.11 drops one reference to True on every
Signal.emit(), and the interpreter aborts ("Fatal Python error: bool_dealloc") after a few thousand. A run
of 100,000 users reports progress at least that often, through our own Worker. On a broken build this
test does not merely fail: the process aborts, which fails the suite just as loudly.
"""

from __future__ import annotations

import gc
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent

from gui.jobs.worker import Worker

KEPT = 100_000  # every one a real Signal.emit() from the worker thread
COALESCED = 20_000  # latest wins: emitted by the GUI thread's flush timer
TOLERANCE = 50  # other code may hold or drop a few references to True/None meanwhile


def _settle() -> None:
    """Free what earlier tests left for the event loop or the collector, so that their objects (holding
    True and None) are not freed in the middle of the count."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        gc.collect()


def test_100000_progress_signals_leave_true_and_none_alone(qtbot):
    kept: list[int] = []
    coalesced: list[int] = []

    def job(progress, cancel):
        for i in range(KEPT):
            progress(i, True)
            if i % 5 == 0:
                progress(-i)  # a coalesced one between the kept ones
        for i in range(COALESCED):
            progress(-(KEPT + i))
        return "finished"

    def receive(value: int) -> None:
        (kept if value >= 0 else coalesced).append(value)

    worker = Worker(job, "refcount soak")
    worker.progress.connect(receive)
    _settle()
    gc.disable()  # no collection of unrelated garbage while counting
    try:
        true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
        started = time.perf_counter()
        with qtbot.waitSignal(worker.done, timeout=120_000):
            worker.start()
        elapsed = time.perf_counter() - started
        true_delta, none_delta = sys.getrefcount(True) - true_before, sys.getrefcount(None) - none_before
    finally:
        gc.enable()
    print(f"\n[refcount] {len(kept) + len(coalesced)} progress signals ({len(kept)} kept, {len(coalesced)} "
          f"coalesced) in {elapsed:.2f} s; refcount delta True {true_delta:+d}, None {none_delta:+d}")

    assert kept == list(range(KEPT))  # every kept event arrived, in order
    assert coalesced and coalesced[-1] == -(KEPT + COALESCED - 1)  # the latest coalesced value arrived
    assert abs(true_delta) <= TOLERANCE, f"True lost {-true_delta} references over {KEPT} emits"
    assert abs(none_delta) <= TOLERANCE, f"None lost {-none_delta} references over {KEPT} emits"
