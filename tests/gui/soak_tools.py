"""Measuring a GUI soak: progress signals per worker, and the longest stall of the GUI thread."""

from __future__ import annotations

import threading
import time
from collections import Counter

from PySide6.QtCore import QTimer

from gui.jobs.worker import Worker


class ProgressCounter:
    """Counts, per worker name, what jobs reported (`reported`) and what reached a receiver on the GUI
    thread (`delivered`: kept events plus the coalesced ones the flush timer let through)."""

    def __init__(self, monkeypatch) -> None:
        self.reported: Counter[str] = Counter()
        self.delivered: Counter[str] = Counter()
        self._lock = threading.Lock()  # jobs report from worker threads
        original_start, original_report = Worker.start, Worker._report
        counter = self

        def start(worker: Worker) -> None:
            worker.progress.connect(lambda _value, name=worker._name: counter._add(counter.delivered, name))
            original_start(worker)

        def report(worker: Worker, value, keep: bool = False) -> None:
            counter._add(counter.reported, worker._name)
            original_report(worker, value, keep)

        monkeypatch.setattr(Worker, "start", start)
        monkeypatch.setattr(Worker, "_report", report)

    def _add(self, counts: Counter[str], name: str) -> None:
        with self._lock:
            counts[name] += 1


class Heartbeat:
    """A 10 ms timer on the GUI thread; the longest gap between its ticks is the longest stall."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)
        self.last = time.perf_counter()
        self.longest = 0.0
        self.beats = 0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._beat()  # a stall at the very end counts too

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now
        self.beats += 1
