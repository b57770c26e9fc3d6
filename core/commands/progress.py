"""The progress line the long commands print on stderr."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO


class ProgressLine:
    """A progress line on stderr: redrawn in place on a terminal, a plain line every few seconds otherwise."""

    PLAIN_EVERY_S = 5.0

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label, self.stream = label, stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last = 0.0
        self._shown = False
        self._lock = threading.Lock()

    def update(self, text: str, force: bool = False) -> None:
        now = time.monotonic()
        with self._lock:
            if self.tty:
                if force or now - self._last >= 0.1:
                    self.stream.write(f"\r\x1b[K{self.label}: {text}")
                    self.stream.flush()
                    self._last, self._shown = now, True
            elif force or now - self._last >= self.PLAIN_EVERY_S:
                self.stream.write(f"{self.label}: {text}\n")
                self.stream.flush()
                self._last = now

    def done(self) -> None:
        with self._lock:
            if self.tty and self._shown:
                self.stream.write("\n")
                self.stream.flush()
