"""How every long command stops: Ctrl-C, and what a shutdown, a logoff or a task scheduler sends (SIGTERM;
SIGBREAK on Windows). The first signal cancels cleanly (writes in flight finish, the report and summary
are written); a second Ctrl-C stops at once. One place for apply, undo, unattended runs and batch."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGBREAK") if hasattr(signal, name))


@contextmanager
def cancel_on_stop_signals(cancel: threading.Event) -> Iterator[None]:
    """Within the block, a stop signal sets `cancel`; the previous handlers come back afterwards.
    Handlers can only be set on the main thread: elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):  # noqa: ARG001
        if cancel.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        name = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
        print(f"\n{name}: cancelling, waiting for writes in flight (Ctrl-C again to stop at once)...",
              file=sys.stderr)
        cancel.set()

    previous = {sig: signal.signal(sig, handler) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
