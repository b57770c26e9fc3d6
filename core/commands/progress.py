"""The progress line the long commands print on stderr."""

from __future__ import annotations

import shutil
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


class ProgressBoard:
    """One line per item (a batch's schools) on stderr. On a terminal the block is redrawn in place (the
    cursor moved up over it); otherwise each changed line is printed as a plain line every few seconds, and
    at once when forced (a school that ends), so a log file reads as a history."""

    PLAIN_EVERY_S = 5.0

    def __init__(self, count: int, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.lines = [""] * count
        self._printed = [""] * count   # plain mode: what each line last said in print
        self._drawn = 0                # terminal mode: how many lines of the block are on screen
        self._last = 0.0
        self._lock = threading.Lock()

    def update(self, index: int, text: str, force: bool = False) -> None:
        now = time.monotonic()
        with self._lock:
            self.lines[index] = text
            due = now - self._last >= (0.1 if self.tty else self.PLAIN_EVERY_S)
            if self.tty and (force or due):
                self._draw()
            elif not self.tty and (force or due):
                self._print_changed(None if due else index)
            else:
                return
            self._last = now

    def note(self, text: str) -> None:
        """A message between redraws (e.g. "cancelling"): printed above the block, which follows it."""
        with self._lock:
            if self.tty and self._drawn:
                self.stream.write(f"\x1b[{self._drawn}A\r\x1b[J")
                self._drawn = 0
            self.stream.write(text + "\n")
            if self.tty:
                self._draw()
            self.stream.flush()

    def done(self) -> None:
        """The last state of every line; the next output starts below the block."""
        with self._lock:
            if self.tty:
                self._draw()
            else:
                self._print_changed(None)
            self._drawn = 0

    def _draw(self) -> None:
        # a line wider than the terminal would wrap, and moving up by the count of lines would then miss
        width = max(20, shutil.get_terminal_size().columns - 1)
        up = f"\x1b[{self._drawn}A" if self._drawn else ""
        self.stream.write(up + "".join(f"\r\x1b[K{line[:width]}\n" for line in self.lines))
        self.stream.flush()
        self._drawn = len(self.lines)

    def _print_changed(self, only: int | None) -> None:
        for i, line in enumerate(self.lines):
            if (only is None or i == only) and line and line != self._printed[i]:
                self.stream.write(line + "\n")
                self._printed[i] = line
        self.stream.flush()
