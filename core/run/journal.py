"""The apply journal: append-only JSONL (`journal.jsonl` in the run folder), the record a rerun after a
crash or `kill -9` resumes from.

Lines: one `header` (tenant, client id, started, plan hash), an `intent` per user BEFORE its write is
sent, an `outcome` after, and `end` when the run finished. A user set with the UPN swap (core/run/swap.py)
also gets a `swap` line before each of its UPN PATCHes (step "out", "back" or "restore", with the
original UPN, the temporary one, the value and the mail seen first): a run killed between the steps is
finished from these on resume. Lines are flushed and fsync'd in small
groups (every `sync_every` lines or `sync_ms`), and `sync()` is called before any batch is sent, so an
intent is on disk before the write it announces leaves the machine. Holds no secret and no token.
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FILE_NAME = "journal.jsonl"
SYNC_EVERY = 50
SYNC_MS = 200


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass
class JournalState:
    """What a journal says happened (Journal.replay)."""

    header: dict[str, Any] = field(default_factory=dict)
    intents: dict[str, str | None] = field(default_factory=dict)     # object id -> value meant
    outcomes: dict[str, tuple[str, str]] = field(default_factory=dict)  # object id -> (status, detail)
    ended: bool = False
    # ended with every planned user reached; a cancelled or stopped run (users left not_attempted, or an
    # older journal's `cancelled`) ended without finishing, and the next apply continues it
    complete: bool = False
    lines: int = 0
    swaps: dict[str, dict[str, Any]] = field(default_factory=dict)  # object id -> its latest swap line

    def swap_pending(self) -> dict[str, dict[str, Any]]:
        """Users whose UPN swap was begun and not settled (no outcome since, or not_attempted): the UPN may
        still be the temporary one, so the next run must finish them first."""
        return {k: v for k, v in self.swaps.items()
                if self.outcomes.get(k, ("not_attempted",))[0] == "not_attempted"}

    def pending(self) -> dict[str, str | None]:
        """Intents with no outcome: the write may or may not have happened (re-read before deciding)."""
        return {k: v for k, v in self.intents.items() if k not in self.outcomes}

    def settled(self) -> int:
        """Users the run is finished with: an outcome that is not `not_attempted` (a UPN swap begun and not
        ended, a user not reached yet, a cancelled one: none of these is done)."""
        return sum(1 for status, _detail in self.outcomes.values() if status != "not_attempted")

    def planned(self) -> int | None:
        """Users the run set out to write: the direct writes and the UPN swaps (None: an older journal)."""
        to_write = self.header.get("to_write")
        return None if to_write is None else int(to_write) + int(self.header.get("to_swap") or 0)

    def written(self) -> dict[str, str | None]:
        """Users this journal's run set, with the value written."""
        return {k: self.intents.get(k) for k, (status, _) in self.outcomes.items() if status == "set"}


class JournalBusy(RuntimeError):
    """Another process is writing this journal (an apply of the same tenant is running)."""


def _lock(fh: Any) -> None:
    """An exclusive lock on the open journal, released by the OS when the process ends — even by
    kill -9 — so a crashed run never blocks its own resume."""
    try:
        if os.name == "nt":
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise JournalBusy(fh.name) from None


class Journal:
    def __init__(self, run_dir: str | Path, header: dict[str, Any] | None = None,
                 sync_every: int = SYNC_EVERY, sync_ms: float = SYNC_MS) -> None:
        """A new journal in `run_dir` (header written and synced at once), or, when the file exists,
        the same journal continued (its earlier lines are kept in `.previous`)."""
        self.run_dir = Path(run_dir)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.path = self.run_dir / FILE_NAME
        self.previous = Journal.replay(self.path) if self.path.exists() else None
        self._sync_every, self._sync_s = sync_every, sync_ms / 1000
        self._lock = threading.Lock()
        self._fh = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 — closed in close()
        _lock(self._fh)
        self._unsynced = 0
        self._last_sync = time.monotonic()
        if self.previous is None:
            self._write({"type": "header", "time": _now(), **(header or {})})
        else:
            self._write({"type": "resume", "time": _now(), **(header or {})})
        self.sync()

    @property
    def header(self) -> dict[str, Any]:
        return self.previous.header if self.previous else {}

    def intent(self, object_id: str, value: str | None) -> None:
        self._write({"type": "intent", "id": object_id, "value": value, "time": _now()})

    def swap(self, object_id: str, step: str, upn: str, temp: str, value: str | None,
             mail: str | None = None, **after: str) -> None:
        """Before a UPN PATCH of the swap (step "out", "back", "restore"): `upn` is the user's own UPN (the
        one to end with). Step "done" (before its outcome) keeps what was read last (upn_after,
        mail_after), so the report of a resumed run still shows the round trip."""
        self._write({"type": "swap", "id": object_id, "step": step, "upn": upn, "temp": temp, "value": value,
                     "mail": mail, **after, "time": _now()})

    def outcome(self, object_id: str, status: str, detail: str = "") -> None:
        self._write({"type": "outcome", "id": object_id, "status": status, "detail": detail, "time": _now()})

    def end(self, counts: dict[str, int] | None = None, cancelled: bool = False) -> None:
        self._write({"type": "end", "time": _now(), "counts": counts or {}, "cancelled": cancelled})
        self.sync()

    def _write(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        with self._lock:
            self._fh.write(line)
            self._unsynced += 1
            due = self._unsynced >= self._sync_every or time.monotonic() - self._last_sync >= self._sync_s
            if due:
                self._sync_locked()

    def sync(self) -> None:
        """Flush and fsync what was written (cheap when nothing is pending)."""
        with self._lock:
            if self._unsynced:
                self._sync_locked()

    def _sync_locked(self) -> None:
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._unsynced = 0
        self._last_sync = time.monotonic()

    def close(self) -> None:
        with self._lock:
            if not self._fh.closed:
                self._sync_locked()
                self._fh.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def replay(path: str | Path) -> JournalState:
        """Read a journal; a torn last line (the process died mid-write) is ignored."""
        state = JournalState()
        with open(path, encoding="utf-8", errors="replace") as fh:
            for raw in fh:
                try:
                    rec = json.loads(raw)
                except ValueError:
                    continue
                state.lines += 1
                _apply_record(state, rec)
        return state


def _apply_record(state: JournalState, rec: dict[str, Any]) -> None:
    kind = rec.get("type")
    if kind == "header":
        state.header = {k: v for k, v in rec.items() if k != "type"}
    elif kind == "intent":
        state.intents[rec["id"]] = rec.get("value")
        state.outcomes.pop(rec["id"], None)  # a new attempt: its old outcome no longer stands
    elif kind == "swap":
        first = state.swaps.get(rec["id"], {})
        state.swaps[rec["id"]] = {**{k: v for k, v in rec.items() if k not in ("type", "time")},
                                  "mail": first.get("mail", rec.get("mail"))}  # the mail seen before any step
        state.outcomes.pop(rec["id"], None)
    elif kind == "outcome":
        state.outcomes[rec["id"]] = (rec.get("status", ""), rec.get("detail", ""))
    elif kind == "end":
        state.ended = True
        state.complete = not (rec.get("cancelled") or (rec.get("counts") or {}).get("not_attempted"))
    elif kind == "resume":
        state.ended = state.complete = False
