"""The one worker abstraction: a core job (a plain function) on a QThread, reporting through signals.

A job is `job(progress, cancel) -> result`: `progress(obj)` may be called from the worker thread as often
as the core likes; `cancel` is a `threading.Event`. The worker never touches widgets; signals are queued
to the GUI thread. Frequent progress is coalesced (latest value wins) so that a 100,000-user listing
cannot flood the event loop; events marked as `keep` (failures for the live log) are never dropped.

Every started worker is held in `_LIVE` until its thread has ended, whoever created it and whatever happened
to its page or dialog: a QThread destroyed while running aborts the whole program (issue 16: a cancelled
sign-in, then closing the wizard). `stop_all` cancels and joins every one; the wizard calls it on close
and gui.app after the event loop ends.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal

log = logging.getLogger(__name__)
_LIVE: dict[QThread, Worker] = {}  # started and not yet joined: strong references to thread and worker

ProgressFn = Callable[[Any], None]
Job = Callable[[ProgressFn, threading.Event], Any]


class _Runner(QThread):
    def __init__(self, worker: Worker) -> None:
        super().__init__()
        self._worker = worker

    def run(self) -> None:  # worker thread
        self._worker._run_job()


class Worker(QObject):
    """Runs `job` once on its own thread. Signals: progress(object), finished(object), failed(object)."""

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(object)  # the exception; pages turn it into a message with gui.texts.describe_error
    done = Signal()  # after finished or failed, whichever it was

    def __init__(self, job: Job, name: str, parent: QObject | None = None,
                 min_interval_s: float = 0.05) -> None:
        super().__init__(parent)
        self._job = job
        self._name = name
        self._cancel = threading.Event()
        self._min_interval = min_interval_s
        self._lock = threading.Lock()
        self._pending: Any = None
        self._has_pending = False
        self._last_emit = 0.0
        self._runner = _Runner(self)
        self._runner.finished.connect(self._on_thread_finished)
        # Coalesced progress is delivered by a GUI-thread timer, so the worker never blocks on the GUI.
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(int(min_interval_s * 1000) or 1)
        self._flush_timer.timeout.connect(self._flush)
        self._outcome: tuple[str, Any] | None = None

    @property
    def cancel_event(self) -> threading.Event:
        return self._cancel

    def start(self) -> None:
        _LIVE[self._runner] = self
        self._flush_timer.start()
        self._runner.start()

    def cancel(self) -> None:
        self._cancel.set()

    def detach(self) -> None:
        """Cancel, and stop telling anyone: for a page or dialog that goes away while the job still runs.
        The worker moves to the application, so deleting its old parent cannot delete it mid-job."""
        for signal in (self.progress, self.finished, self.failed, self.done):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):  # nothing connected
                pass
        self.cancel()
        if QCoreApplication.instance() is not None:
            self.setParent(QCoreApplication.instance())

    def is_running(self) -> bool:
        return self._runner.isRunning()

    def wait(self, ms: int = 30000) -> bool:
        return self._runner.wait(ms)

    def _report(self, value: Any, keep: bool = False) -> None:  # worker thread
        if keep:
            with self._lock:  # an older coalesced value would arrive after this one and take it back
                self._pending, self._has_pending = None, False
            self.progress.emit(value)
            return
        with self._lock:
            self._pending, self._has_pending = value, True

    def _flush(self) -> None:  # GUI thread
        with self._lock:
            value, has = self._pending, self._has_pending
            self._pending, self._has_pending = None, False
        if has:
            self.progress.emit(value)

    def _run_job(self) -> None:  # worker thread
        started = time.monotonic()
        try:
            result = self._job(self._report, self._cancel)
        except Exception as exc:  # noqa: BLE001 - every failure must reach the page, never crash the app
            log.exception("%s failed after %.1f s", self._name, time.monotonic() - started)
            self._outcome = ("failed", exc)
        else:
            log.info("%s finished in %.1f s", self._name, time.monotonic() - started)
            self._outcome = ("finished", result)

    def _on_thread_finished(self) -> None:  # GUI thread, after run() returned
        self._runner.wait()  # `finished` comes just before the thread really ends
        _LIVE.pop(self._runner, None)
        self._flush_timer.stop()
        self._flush()
        kind, value = self._outcome or ("failed", RuntimeError("worker ended without a result"))
        (self.finished if kind == "finished" else self.failed).emit(value)
        self.done.emit()


def live_workers() -> list[Worker]:
    """Workers whose thread has not been joined yet."""
    return [w for t, w in list(_LIVE.items()) if t.isRunning()]


def stop_all(wait_ms: int = 60000) -> list[str]:
    """Cancel every running worker, then join each (jobs honour `cancel` within moments: the sign-in's
    listener polls it, HTTP calls have timeouts). Returns the names of any still running after `wait_ms`."""
    threads = list(_LIVE.items())
    for _, worker in threads:
        worker.cancel()
    deadline = time.monotonic() + wait_ms / 1000
    left = []
    for thread, worker in threads:
        if not thread.wait(max(0, int((deadline - time.monotonic()) * 1000))):
            left.append(worker._name)
        else:
            _LIVE.pop(thread, None)
    if left:
        log.error("still running after %d ms: %s", wait_ms, ", ".join(left))
    return left
